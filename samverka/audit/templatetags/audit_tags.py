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
