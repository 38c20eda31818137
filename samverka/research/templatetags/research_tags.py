from django import template

from samverka.research.codebook.colours import palette_index

register = template.Library()


@register.filter
def code_colour(colour: str) -> str:
    """The CSS class of the palette colour nearest to a code's colour."""
    return f"code-colour-{palette_index(colour)}"
