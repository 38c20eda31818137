"""The self-assessment instrument, written for Samverka from the research report (ch. 4, 6–9).

Items have stable ids: answers are stored by id, so a text may be improved without losing
earlier rounds, but an id is never reused for a different question. Bump INSTRUMENT_VERSION
when items are added or removed; rounds remember the version they were answered with.

Four sections: the strategic and operational elements of the model for local collaboration
(report ch. 8), and each party's own collaboration receptiveness and collaboration capacity
(ch. 4 and 7), which together place a party in the receptiveness × capacity quadrant.
"""

from dataclasses import dataclass

from django.db import models
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

INSTRUMENT_VERSION = "2026-1"

SCALE_MIN, SCALE_MAX = 1, 5
# A party counts as "high" on receptiveness or capacity from this mean upwards: on average its
# members agree rather than hesitate (4 = agree, 3 = neither).
HIGH_THRESHOLD = 3.5


class Section(models.TextChoices):
    STRATEGIC = "strategic", _("Strategic collaboration")
    OPERATIONAL = "operational", _("Operational collaboration")
    RECEPTIVENESS = "receptiveness", _("Collaboration receptiveness")
    CAPACITY = "capacity", _("Collaboration capacity")


SECTION_HELP = {
    Section.STRATEGIC: _(
        "Direction, mandate and stability: what the collaboration is for and how it is "
        "anchored in the organisations."
    ),
    Section.OPERATIONAL: _(
        "The everyday work: relationships, coordination, information, joint activities and "
        "continuous adjustment."
    ),
    Section.RECEPTIVENESS: _(
        "How open your own organisation is to collaboration: will, openness, leadership "
        "support and earlier experience. Answer for your own side."
    ),
    Section.CAPACITY: _(
        "Your own organisation's practical ability to collaborate: competence, trust, "
        "structures, coordination and time. Answer for your own side."
    ),
}


@dataclass(frozen=True)
class Element:
    key: str
    section: str
    name: Promise
    description: Promise
    recommendations: tuple[str, ...]


@dataclass(frozen=True)
class Item:
    id: str
    element: str
    text: Promise


ELEMENTS: tuple[Element, ...] = (
    Element(
        "shared_goal",
        Section.STRATEGIC,
        _("Shared goal picture"),
        _(
            "What the parties want to achieve together, and which gaps in the welfare system "
            "the collaboration is to fill."
        ),
        ("shared_goals_gaps", "shared_followup"),
    ),
    Element(
        "idea",
        Section.STRATEGIC,
        _("Collaboration idea"),
        _("Why the parties work together and what each of them brings."),
        ("shared_goals_gaps", "civil_society_diversity"),
    ),
    Element(
        "anchoring",
        Section.STRATEGIC,
        _("Organisational anchoring"),
        _(
            "Forums and steering groups, the level where decisions are taken, the link to the "
            "municipality's child-rights work."
        ),
        ("anchor_strategic", "child_rights_practice"),
    ),
    Element(
        "organisation",
        Section.STRATEGIC,
        _("Collaboration organisation"),
        _("Who does what: roles, responsibilities and a structure that carries the work."),
        ("long_term_structures", "knowledge_transfer"),
    ),
    Element(
        "relationships",
        Section.OPERATIONAL,
        _("Relationship building"),
        _("Trust and understanding between the people who work together."),
        ("mutual_learning", "collaboration_competence"),
    ),
    Element(
        "coordination",
        Section.OPERATIONAL,
        _("Coordination of efforts"),
        _("Efforts that fit together, without overlaps or gaps, and referral onwards."),
        ("shared_goals_gaps", "knowledge_transfer"),
    ),
    Element(
        "information",
        Section.OPERATIONAL,
        _("Information exchange"),
        _("Information that reaches the right people in time, through agreed channels."),
        ("knowledge_transfer", "shared_followup"),
    ),
    Element(
        "joint_activities",
        Section.OPERATIONAL,
        _("Joint activities"),
        _("Activities planned and carried out together, with children's voices heard."),
        ("child_rights_practice", "anti_racism", "civil_society_diversity"),
    ),
    Element(
        "adjustment",
        Section.OPERATIONAL,
        _("Continuous adjustment"),
        _("Following up together and adjusting the work as you go."),
        ("followup_learning", "effects_levels"),
    ),
    Element(
        "receptiveness",
        Section.RECEPTIVENESS,
        _("Collaboration receptiveness"),
        _("Will, openness, leadership support and earlier experience."),
        ("anchor_strategic", "mutual_learning", "followup_learning"),
    ),
    Element(
        "capacity",
        Section.CAPACITY,
        _("Collaboration capacity"),
        _("Competence, trust, structures, coordination and time."),
        ("long_term_structures", "collaboration_competence", "knowledge_transfer"),
    ),
)

ITEMS: tuple[Item, ...] = (
    # Strategic collaboration
    Item(
        "goal_picture",
        "shared_goal",
        _(
            "We have a shared picture of what the collaboration is to achieve for the children "
            "and their families."
        ),
    ),
    Item(
        "goal_gaps",
        "shared_goal",
        _("We have agreed which gaps in the welfare system the collaboration is meant to fill."),
    ),
    Item(
        "goal_realistic",
        "shared_goal",
        _("Our goals are concrete and realistic enough to be followed up together."),
    ),
    Item("idea_why", "idea", _("It is clear why we work together and what each party brings.")),
    Item(
        "idea_strengths",
        "idea",
        _(
            "Our differences – civil society's flexibility and closeness, the municipality's "
            "stability and responsibility – are seen as strengths that complement each other."
        ),
    ),
    Item(
        "idea_own_role",
        "idea",
        _(
            "Civil society can contribute in its own way, without being pressed into the "
            "municipality's ways of working."
        ),
    ),
    Item(
        "anch_management",
        "anchoring",
        _("The collaboration is anchored in the management of my organisation."),
    ),
    Item(
        "anch_forums",
        "anchoring",
        _(
            "The collaboration is part of existing forums and steering groups, not only of a "
            "separate project structure."
        ),
    ),
    Item(
        "anch_level",
        "anchoring",
        _(
            "Decisions about the collaboration are taken at a level that can give it a mandate "
            "and resources."
        ),
    ),
    Item(
        "anch_child_rights",
        "anchoring",
        _("The collaboration is linked to the municipality's work with children's rights."),
    ),
    Item(
        "org_roles", "organisation", _("Roles and responsibilities between the parties are clear.")
    ),
    Item(
        "org_structure",
        "organisation",
        _(
            "The collaboration has a structure that works – for example a steering group, a "
            "working group and named contact persons."
        ),
    ),
    Item(
        "org_not_person",
        "organisation",
        _("The collaboration would keep working if a key person left."),
    ),
    # Operational collaboration
    Item(
        "rel_trust",
        "relationships",
        _("The people who work together in everyday practice trust each other."),
    ),
    Item(
        "rel_understanding",
        "relationships",
        _(
            "We take time to understand each other's organisations, assignments and ways of "
            "working."
        ),
    ),
    Item(
        "coord_no_overlap",
        "coordination",
        _(
            "Our efforts are coordinated, so that we neither do the same thing twice nor leave "
            "gaps."
        ),
    ),
    Item(
        "coord_referral",
        "coordination",
        _("When a family needs support from another actor, we know how to guide them onwards."),
    ),
    Item("info_timely", "information", _("Information reaches the right people in time.")),
    Item(
        "info_channels",
        "information",
        _("We have agreed ways and channels of communication that everyone uses."),
    ),
    Item(
        "act_together",
        "joint_activities",
        _("We plan and carry out activities together, each party contributing what it does best."),
    ),
    Item(
        "act_voices",
        "joint_activities",
        _("Children's and families' own voices influence what we do."),
    ),
    Item(
        "act_racism",
        "joint_activities",
        _(
            "We talk together about how racism and discrimination affect the children's and "
            "families' opportunities."
        ),
    ),
    Item(
        "adj_followup",
        "adjustment",
        _("We regularly follow up how the collaboration works and adjust it together."),
    ),
    Item(
        "adj_dilemmas",
        "adjustment",
        _(
            "Difficult questions and dilemmas can be raised and discussed openly between the "
            "parties."
        ),
    ),
    # Collaboration receptiveness (about one's own organisation)
    Item(
        "rec_will",
        "receptiveness",
        _("In my organisation there is a real will to collaborate with the other party."),
    ),
    Item(
        "rec_openness",
        "receptiveness",
        _("My organisation is open to changing its own ways of working through the collaboration."),
    ),
    Item(
        "rec_leadership",
        "receptiveness",
        _(
            "The leadership of my organisation supports the collaboration in practice, not only "
            "in words."
        ),
    ),
    Item(
        "rec_experience",
        "receptiveness",
        _("Earlier experiences of working with the other party make us positive to collaborating."),
    ),
    # Collaboration capacity (about one's own organisation)
    Item(
        "cap_competence",
        "capacity",
        _(
            "We have the competence collaboration needs, such as building relationships, "
            "coordinating and translating between ways of working."
        ),
    ),
    Item("cap_trust", "capacity", _("We trust that the other party does what we have agreed.")),
    Item(
        "cap_structures",
        "capacity",
        _(
            "There are structures – meeting places, routines, documentation – that carry the "
            "collaboration, not only single persons."
        ),
    ),
    Item(
        "cap_coordination",
        "capacity",
        _("We manage to solve problems together and to coordinate in practice."),
    ),
    Item(
        "cap_time",
        "capacity",
        _("We have enough time and resources set aside for the collaboration."),
    ),
)

ELEMENTS_BY_KEY = {element.key: element for element in ELEMENTS}
ITEMS_BY_ID = {item.id: item for item in ITEMS}
ITEM_IDS = tuple(item.id for item in ITEMS)
OPERATIONAL_ELEMENTS = tuple(e for e in ELEMENTS if e.section == Section.OPERATIONAL)


def items_of(element_key: str) -> tuple[Item, ...]:
    return tuple(item for item in ITEMS if item.element == element_key)


def elements_of(section: str) -> tuple[Element, ...]:
    return tuple(element for element in ELEMENTS if element.section == section)


SCALE_LABELS = {
    1: _("Do not agree at all"),
    2: _("Mostly disagree"),
    3: _("Partly agree"),
    4: _("Mostly agree"),
    5: _("Agree completely"),
}


class Quadrant(models.TextChoices):
    """Where a party stands on receptiveness (will) × capacity (ability), report ch. 7."""

    STABLE = "stable", _("Stable collaboration")
    HELD_BACK = "held_back", _("Engagement held back")
    FORMAL = "formal", _("Formal and limited")
    NOT_YET = "not_yet", _("Not yet in place")


QUADRANT_HELP = {
    Quadrant.STABLE: _(
        "High receptiveness and high capacity: both will and ability are in place. The report "
        "found the most stable and long-lasting collaboration here. Keep it by securing "
        "structures that do not rest on single persons."
    ),
    Quadrant.HELD_BACK: _(
        "High receptiveness, low capacity: there is engagement, but missing structures, time "
        "or competence hold the collaboration back."
    ),
    Quadrant.FORMAL: _(
        "High capacity, low receptiveness: structures and resources exist, but will, openness "
        "or leadership support is weaker, so the collaboration tends to stay formal and "
        "limited."
    ),
    Quadrant.NOT_YET: _(
        "Low receptiveness and low capacity: both will and ability need to be built. Start "
        "with the shared goal picture, roles and anchoring with the leadership."
    ),
}


def quadrant_for(receptiveness: float, capacity: float) -> Quadrant:
    high_r = receptiveness >= HIGH_THRESHOLD
    high_c = capacity >= HIGH_THRESHOLD
    if high_r and high_c:
        return Quadrant.STABLE
    if high_r:
        return Quadrant.HELD_BACK
    if high_c:
        return Quadrant.FORMAL
    return Quadrant.NOT_YET
