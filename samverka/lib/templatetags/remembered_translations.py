"""`{% translate "text" %}` as Django's, each text translated once per process and language:
`{% load i18n remembered_translations %}`.

Django's `{% translate %}` costs about 20 µs for a constant text on the bench machine: it
makes a lazy translation, looks up the active language in thread-local storage, translates,
marks the result safe three times over and checks it for escaping and localisation. The
attendance page and the hooks drawn on it write about thirty. A constant text with nothing
else (no filter, `noop`, `context` or `as`) comes out the same for the same language, so its
output is remembered by language and text; any other `{% translate %}` is Django's own.
`makemessages` finds the texts as before (it reads the tag, whichever library draws it).
"""

from django import template
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.templatetags.i18n import TranslateNode
from django.templatetags.i18n import do_translate as django_translate
from django.utils.translation import get_language

register = template.Library()

# (language, text) → output. Bounded by the project's texts times its languages.
_remembered: dict[tuple[str | None, str], str] = {}


@receiver(setting_changed)
def _forget(*, setting, **kwargs):
    if setting in {"LANGUAGES", "LANGUAGE_CODE", "LOCALE_PATHS", "INSTALLED_APPS"}:
        _remembered.clear()


class RememberedTranslateNode(TranslateNode):
    def render(self, context):
        key = (get_language(), self.filter_expression.var.literal)
        value = _remembered.get(key)
        if value is None:
            value = _remembered[key] = super().render(context)
        return value


def _constant(node) -> bool:
    """A plain `{% translate "text" %}`: its output depends only on the language."""
    expression = node.filter_expression
    return (
        type(node) is TranslateNode
        and not node.noop
        and node.asvar is None
        and node.message_context is None
        and not expression.filters
        and getattr(expression.var, "literal", None) is not None
        and isinstance(expression.var.literal, str)
    )


@register.tag("translate")
@register.tag("trans")
def do_translate(parser, token):
    node = django_translate(parser, token)
    if not _constant(node):
        return node
    return RememberedTranslateNode(
        node.filter_expression, node.noop, node.asvar, node.message_context
    )
