"""The background work this room registers (samverka/jobs discovers each app's `jobs` module,
so the worker knows the producers without loading any page)."""

from samverka.followup import report  # noqa: F401  (the steering-group report, PDF and XLSX)
