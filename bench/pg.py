"""The bench's PostgreSQL helpers, shared by run.py (sizes) and load.py (the load test)."""

from urllib.parse import urlsplit, urlunsplit

# The settings README.md (Performance) recommends for production.
PG_SETTINGS = ["work_mem = '64MB'", "jit = off"]


def database_url(base: str, name: str) -> str:
    """The URL of database `name` on the server of `base`."""
    parts = urlsplit(base)
    return urlunsplit(parts._replace(path=f"/{name}"))


def psql(base: str, sql: str) -> None:
    import psycopg

    with psycopg.connect(base, autocommit=True) as conn:
        conn.execute(sql)
