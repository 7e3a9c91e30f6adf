from flows.build.link import link_primary


def _rec(rec_id, evidence, report_id, text, rec_number=None):
    return {"rec_id": rec_id, "evidence": evidence, "report_id": report_id, "text": text, "rec_number": rec_number}


def test_second_hand_rows_link_to_the_primary_they_describe():
    recs = [
        _rec("OIG-18-77-R1", "primary", "OIG-18-77", "Develop a staffing model for field program managers overseeing "
             "287(g) agreements.", 1),
        _rec("OIG-18-77-R2", "primary", "OIG-18-77", "Upgrade the information technology systems used by partners.", 2),
        _rec("listing-5", "primary", "OIG-18-77", "upgrade the information technology systems partners use"),
        _rec("doc-10", "secondary", "OIG-18-77", "develop a staffing model for program managers"),
        _rec("doc-20", "secondary", "OIG-18-77", "publish quarterly reports on complaints"),
        _rec("doc-30", "secondary", None, "develop a staffing model for program managers"),
    ]
    linked = {r["rec_id"]: r["primary_rec_id"] for r in link_primary(recs)}
    assert linked == {"OIG-18-77-R1": None, "OIG-18-77-R2": None, "doc-10": "OIG-18-77-R1", "doc-20": None,
                      "doc-30": None, "listing-5": "OIG-18-77-R2"}  # an OIG listing's restatement counts once too
