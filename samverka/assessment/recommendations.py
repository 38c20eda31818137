"""The research report's recommendations (ch. 9), in our own words, keyed for the instrument.

Each element of the instrument names the recommendations that answer a weakness in it
(`instrument.Element.recommendations`); the results page suggests them for the weakest areas.
"""

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Recommendation:
    key: str
    theme: Promise
    title: Promise
    text: Promise


GOVERNANCE = _("Governance, structure and long-term thinking")
KNOWLEDGE = _("Knowledge transfer and relationships")
CHILD_RIGHTS = _("Children's rights and equality")
FOLLOW_UP = _("Follow-up, learning and measuring")

RECOMMENDATIONS: tuple[Recommendation, ...] = (
    Recommendation(
        "anchor_strategic",
        GOVERNANCE,
        _("Anchor the collaboration at the strategic level"),
        _(
            "Take the decision to collaborate at the level of the municipality's leadership and "
            "build it into governance and organisation. Collaboration with civil society is a "
            "core task, not a voluntary extra – that is what makes it legitimate, resourced and "
            "lasting."
        ),
    ),
    Recommendation(
        "shared_goals_gaps",
        GOVERNANCE,
        _("Formulate shared goals and the gaps to fill"),
        _(
            "Identify early, together, which gaps in the welfare system the collaboration is to "
            "fill, and agree on goals and strategies. This avoids parallel efforts, competition "
            "and short project logic, and makes it possible to build on the core activities."
        ),
    ),
    Recommendation(
        "long_term_structures",
        GOVERNANCE,
        _("Secure long-term structures and funding"),
        _(
            "Lasting collaboration needs time for relationships, preparation and follow-up. Aim "
            "for continuity, stable staffing and an organisational memory rather than only "
            "time-limited project results."
        ),
    ),
    Recommendation(
        "knowledge_transfer",
        KNOWLEDGE,
        _("Strengthen the in-between spaces and the transfer of knowledge"),
        _(
            "Create functions or platforms that gather experience from completed projects, keep "
            "relationships alive and spread lessons in the organisations. This counters silos, "
            "forgotten projects and knowledge that leaves with a person."
        ),
    ),
    Recommendation(
        "mutual_learning",
        KNOWLEDGE,
        _("Set aside time for mutual learning"),
        _(
            "Invest actively in understanding each other's organisations, assignments and ways of "
            "working. Learning together is a precondition for trust and quality."
        ),
    ),
    Recommendation(
        "collaboration_competence",
        KNOWLEDGE,
        _("Strengthen and make visible the competence to collaborate"),
        _(
            "Building relationships, coordinating, translating between ways of working and "
            "moving between different logics are professional skills. Recognise them, develop "
            "them through training and supervision, and look for boundary spanners when "
            "recruiting and organising the work."
        ),
    ),
    Recommendation(
        "child_rights_practice",
        CHILD_RIGHTS,
        _("Put the child-rights perspective into practice, not only into words"),
        _(
            "Let children's rights be a lens in all the joint work, also in integration and "
            "family support. Decision makers should meet children and families regularly, and "
            "children's voices need room even when the group changes and differs."
        ),
    ),
    Recommendation(
        "anti_racism",
        CHILD_RIGHTS,
        _("Make work against racism part of the integration work"),
        _(
            "Look together at how racism affects newly arrived and racialised children's safety, "
            "participation and inclusion. Working on it systematically and with knowledge "
            "strengthens long-term, rights-based integration work."
        ),
    ),
    Recommendation(
        "civil_society_diversity",
        CHILD_RIGHTS,
        _("Protect the diversity and local strength of civil society"),
        _(
            "Larger organisations have a particular responsibility to support smaller, local "
            "initiatives. Build on complementary competences rather than competition, and on "
            "understanding each other's logics, mandates and conditions."
        ),
    ),
    Recommendation(
        "shared_followup",
        FOLLOW_UP,
        _("Build a shared structure for follow-up"),
        _(
            "Agree on how follow-up is done, with clear and realistic indicators that link goals, "
            "activities and expected effects. It gives stability over time and makes the "
            "collaboration possible to follow openly."
        ),
    ),
    Recommendation(
        "effects_levels",
        FOLLOW_UP,
        _("Capture effects on several levels and in several forms"),
        _(
            "Follow what the collaboration leads to, not only which activities took place: "
            "changes in ways of working, routines, competence and contacts, and subtler results "
            "such as trust. Combine numbers with qualitative material so that children's "
            "experiences are seen too."
        ),
    ),
    Recommendation(
        "followup_learning",
        FOLLOW_UP,
        _("Use follow-up for joint learning, not for control"),
        _(
            "Look regularly, together, at what hinders and what enables the collaboration – such "
            "as leadership support, structures and time – and decide what needs strengthening."
        ),
    ),
)

RECOMMENDATIONS_BY_KEY = {r.key: r for r in RECOMMENDATIONS}
