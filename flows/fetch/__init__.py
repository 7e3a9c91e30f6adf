"""Fetch new OIG reports: read a report listing page, download the PDFs not yet in raw/."""
