from django import template
from django.apps import apps

register = template.Library()


@register.filter
def object_label(object_type: str) -> str:
    """'participants.participant' → the model's translated name, e.g. 'deltagare'."""
    if not object_type or "." not in object_type:
        return object_type
    try:
        model = apps.get_model(object_type)
    except LookupError:
        return object_type
    return str(model._meta.verbose_name).capitalize()


@register.filter
def field_labels(event) -> str:
    """The names of the fields an entry records, in words: 'birth_year' → 'födelseår'.

    From the model's verbose names; a field the model no longer has keeps its name."""
    from django.core.exceptions import FieldDoesNotExist
    from django.utils.translation import gettext

    from samverka.lib.crypto import encrypted_field_words

    model = None
    if event.object_type and "." in event.object_type:
        try:
            model = apps.get_model(event.object_type)
        except LookupError:
            model = None
    words = []
    for name in event.fields or []:
        name = str(name)
        if name.endswith("_encrypted"):
            words.append(encrypted_field_words(name))
            continue
        try:
            field = model._meta.get_field(name) if model is not None else None
        except FieldDoesNotExist:
            field = None
        label = getattr(field, "verbose_name", None)
        words.append(gettext(str(label)) if label else name.replace("_", " "))
    return ", ".join(words)
