"""The background work this room registers (samverka/jobs discovers each app's `jobs` module,
so the worker knows the producers without loading any page)."""

from samverka.memory.dossier import exports  # noqa: F401  (dossier PDF and ZIP)
