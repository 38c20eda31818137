from django.db import models

from samverka.lib.codes import new_code


class CodeField(models.CharField):
    """A unique opaque code, generated on creation, used in URLs instead of ids."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", 12)
        kwargs.setdefault("unique", True)
        kwargs.setdefault("editable", False)
        kwargs.setdefault("default", new_code)
        super().__init__(*args, **kwargs)
