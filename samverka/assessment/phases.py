"""The phases of the model for local collaboration and a checklist for each (report ch. 8).

Checklist item ids are stable: the ticks a collaboration has made are stored by id.
"""

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from samverka.orgs.models import Phase

PHASE_ORDER = [Phase.INITIATION, Phase.IMPLEMENTATION, Phase.TRANSITION]

PHASE_HELP = {
    Phase.INITIATION: _(
        "The foundation is laid: needs, target group and actors are identified, goals "
        "formulated and expectations clarified, the work is anchored in each organisation and "
        "its structure planned."
    ),
    Phase.IMPLEMENTATION: _(
        "The collaboration takes concrete form: responsibilities, communication paths and "
        "routines are set, power imbalances are handled, trust is built, and joint "
        "activities, support and learning run."
    ),
    Phase.TRANSITION: _(
        "Project work moves into lasting structures: working methods are documented, "
        "responsibility going forward is decided and what works becomes part of ordinary "
        "operations – so that nothing rests on single persons."
    ),
}


@dataclass(frozen=True)
class ChecklistItem:
    id: str
    phase: str
    text: Promise
    help: Promise


CHECKLIST: tuple[ChecklistItem, ...] = (
    ChecklistItem(
        "init_needs",
        Phase.INITIATION,
        _("Needs are identified"),
        _("The children's and families' needs, and the gaps in the welfare system."),
    ),
    ChecklistItem(
        "init_target_group",
        Phase.INITIATION,
        _("The target group is defined"),
        _("Who the collaboration is for, and who it is not for."),
    ),
    ChecklistItem(
        "init_actors",
        Phase.INITIATION,
        _("The actors are identified"),
        _("Which departments, organisations and associations take part."),
    ),
    ChecklistItem(
        "init_goals",
        Phase.INITIATION,
        _("Goals are formulated together"),
        _("A shared goal picture that both parties stand behind."),
    ),
    ChecklistItem(
        "init_expectations",
        Phase.INITIATION,
        _("Expectations and roles are clarified"),
        _("What each party expects of the other, and what each can and cannot do."),
    ),
    ChecklistItem(
        "init_anchored",
        Phase.INITIATION,
        _("The collaboration is anchored in each organisation"),
        _("With the management and in existing forums, on both sides."),
    ),
    ChecklistItem(
        "init_structure",
        Phase.INITIATION,
        _("The structure of the work is planned"),
        _("Steering group, working group, meetings and contact persons."),
    ),
    ChecklistItem(
        "impl_responsibility",
        Phase.IMPLEMENTATION,
        _("Division of responsibility is set"),
        _("Who does what, written down and known by everyone involved."),
    ),
    ChecklistItem(
        "impl_communication",
        Phase.IMPLEMENTATION,
        _("Communication paths are set"),
        _("Channels and contacts for everyday questions and for urgent ones."),
    ),
    ChecklistItem(
        "impl_routines",
        Phase.IMPLEMENTATION,
        _("Routines are set"),
        _("Regular meetings, referral onwards, follow-up."),
    ),
    ChecklistItem(
        "impl_power",
        Phase.IMPLEMENTATION,
        _("Power imbalances are noticed and handled"),
        _("Between the municipality and civil society, and between large and small actors."),
    ),
    ChecklistItem(
        "impl_trust",
        Phase.IMPLEMENTATION,
        _("Trust is being built"),
        _("Between the parties, and with the children and families."),
    ),
    ChecklistItem(
        "impl_activities",
        Phase.IMPLEMENTATION,
        _("Joint activities and support are running"),
        _("Planned and carried out together."),
    ),
    ChecklistItem(
        "impl_learning",
        Phase.IMPLEMENTATION,
        _("Joint learning is running"),
        _("Self-assessments, dilemmas and results are discussed together regularly."),
    ),
    ChecklistItem(
        "trans_documented",
        Phase.TRANSITION,
        _("Working methods are documented"),
        _("So that others can take them over and the next project can build on them."),
    ),
    ChecklistItem(
        "trans_responsibility",
        Phase.TRANSITION,
        _("Responsibility going forward is decided"),
        _("Who owns which part after the project, with a decision at the right level."),
    ),
    ChecklistItem(
        "trans_integrated",
        Phase.TRANSITION,
        _("What works is integrated into ordinary operations"),
        _("In budgets, assignments and routines, not only in a project plan."),
    ),
    ChecklistItem(
        "trans_handover",
        Phase.TRANSITION,
        _("Key persons' tasks are handed over"),
        _("Relationships and routines do not rest on single persons."),
    ),
    ChecklistItem(
        "trans_lessons",
        Phase.TRANSITION,
        _("Lessons are passed on to the next project"),
        _("A pearl on the string: what the next collaboration can build on."),
    ),
)

CHECKLIST_BY_ID = {item.id: item for item in CHECKLIST}


def checklist_for(phase: str) -> tuple[ChecklistItem, ...]:
    return tuple(item for item in CHECKLIST if item.phase == phase)


def phase_index(phase: str) -> int:
    return PHASE_ORDER.index(phase)
