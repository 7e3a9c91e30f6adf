"""oigdata: OIG recommendations, 287(g) program facts and training requirements as open data."""

from flows import prefect_env

__version__ = "0.1.0"

# Prefect reads its settings when it is first imported, wherever that happens: set the
# defaults for clean runs here (environment variables only; prefect itself is not imported).
prefect_env.configure()
