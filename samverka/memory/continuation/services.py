"""Recording what becomes of an activity."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from samverka.activities.models import Activity
from samverka.audit.services import save_audited
from samverka.memory.continuation.models import Continuation, Future

FIELDS = ("future", "owner", "funding", "decided_on", "decided_in", "learning_session", "note")


@transaction.atomic
def continuation_save(*, activity: Activity, data: dict, by) -> Continuation:
    """Create or change the activity's continuation record from validated data."""
    data = {name: data[name] for name in FIELDS if name in data}
    future = data.get("future", Future.UNDECIDED)
    if future not in Future.values:
        raise ValidationError(_("Choose what becomes of the activity."))
    if future == Future.UNDECIDED:
        # Nothing is decided yet: a date or forum of a decision would only mislead.
        data.update(decided_on=None, decided_in="", learning_session=None)
    continuation = Continuation.objects.select_for_update().filter(
        activity=activity
    ).first() or Continuation(activity=activity)
    continuation.updated_by = by
    save_audited(continuation, data, by=by, collaboration=activity.collaboration)
    return continuation
