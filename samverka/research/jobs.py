"""The background work this room registers (samverka/jobs discovers each app's `jobs` module,
so the worker knows the producers without loading any page)."""

from samverka.research.datasets import jobs  # noqa: F401  (pseudonymised datasets)
