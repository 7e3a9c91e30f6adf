"""The dataset's tables: one pandera model per table, the single source of column definitions.

`TABLES` fixes the publication order; everything else (Parquet schema, CSV header,
datapackage, data dictionary, DuckDB comments) is generated from these models.
"""

from schemas.changes import Changes
from schemas.documents import Documents, DocumentTexts
from schemas.program_facts import ProgramFacts
from schemas.recommendations import Recommendations
from schemas.report_mentions import ReportMentions
from schemas.reports import Reports
from schemas.status_events import StatusEvents
from schemas.training_requirements import TrainingRequirements

TABLES = {
    "documents": Documents,
    "document_texts": DocumentTexts,
    "reports": Reports,
    "recommendations": Recommendations,
    "status_events": StatusEvents,
    "program_facts": ProgramFacts,
    "training_requirements": TrainingRequirements,
    "report_mentions": ReportMentions,
    "changes": Changes,
}

PROVENANCE_TABLES = ("recommendations", "status_events", "program_facts", "training_requirements", "report_mentions")

__all__ = ["PROVENANCE_TABLES", "TABLES"]
