"""Every size and time limit of the pipeline, stated once (the CLI's defaults come from here)."""

MAX_DOCUMENT_BYTES = 50 * 1024 * 1024  # a raw document (fetched or ingested); OIG PDFs with scans reach tens of MB
MAX_LISTING_BYTES = 5 * 1024 * 1024  # an HTML listing page
FETCH_TIMEOUT = 30.0  # seconds without progress on one request (connect, read)
FETCH_FILE_DEADLINE = 300.0  # seconds one download may take in all, however slowly bytes arrive
FETCH_RUN_DEADLINE = 1800.0  # seconds one `oigdata fetch` may take in all
QUERY_TIMEOUT = 60.0  # seconds an `oigdata query` may run
QUERY_MAX_MEMORY = "2GB"  # DuckDB memory limit of a query
EXTRACT_BUDGET = 300.0  # seconds one document's extraction may take (OIGDATA_EXTRACT_BUDGET overrides)
