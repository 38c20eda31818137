"""Form widgets every room uses instead of Django's own where Django's default misleads."""

from django import forms
from django.db.models.fields import BLANK_CHOICE_DASH

_DASH = BLANK_CHOICE_DASH[0][1]


class RadioSelect(forms.RadioSelect):
    """Radio buttons without Django's empty "---------" choice.

    A model field with choices and no default gives its form field an empty first choice; as a
    drop-down that reads "choose one", but as radio buttons it is a button labelled with dashes,
    checked before the user has chosen anything. Here an unanswered group is simply unchecked: a
    required field then says so when the form is sent, an optional one stays empty.
    """

    def optgroups(self, name, value, attrs=None):
        groups = []
        for group_name, options, index in super().optgroups(name, value, attrs):
            options = [o for o in options if not (o["value"] in ("", None) and o["label"] == _DASH)]
            if options:
                groups.append((group_name, options, index))
        return groups
