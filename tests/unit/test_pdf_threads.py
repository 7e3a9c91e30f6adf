"""PDFium read from many threads at once gives the same text and the same refusal reasons as
read one at a time (it is not thread-safe; calls are serialised)."""

from concurrent.futures import ThreadPoolExecutor

from flows.ingest.decode import BadInput
from flows.ingest.pdf import pdf_text
from tests.eval.scoring import FIXTURES
from tests.pdf_fixtures import pdf_from_fixture


def _outcome(data: bytes) -> str:
    try:
        return "text:" + pdf_text(data)
    except BadInput as exc:
        return "refused:" + exc.reason


def test_threads_read_pdfs_as_one_thread_does(tmp_path):
    good = pdf_from_fixture(FIXTURES / "oig_report" / "oig_18_77_287g_planning.txt", tmp_path / "g.pdf").read_bytes()
    inputs = [good, good[: len(good) // 2], good[:2000] + b"\x00" * 500 + good[2500:], b"%PDF-1.4\n" + bytes(300)]
    expected = [_outcome(d) for d in inputs]
    with ThreadPoolExecutor(max_workers=8) as pool:
        for _ in range(5):
            assert list(pool.map(_outcome, inputs * 4)) == expected * 4
