"""Roles and what each role may do.

A person holds roles per collaboration (Membership) and, for national staff,
a national role that reaches every collaboration. Views never test role names;
they ask `access.can(Capability.X)`.
"""

from enum import StrEnum

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    NATIONAL_LEAD = "national_lead", _("National lead")
    COORDINATOR = "coordinator", _("Coordinator (local project leader)")
    MUNICIPAL_CONTACT = "municipal_contact", _("Municipal contact")
    ACTIVITY_LEADER = "activity_leader", _("Activity leader")
    RESEARCHER = "researcher", _("Researcher")
    PARTNER = "partner", _("Partner organisation")


MEMBERSHIP_ROLES = [
    Role.COORDINATOR,
    Role.MUNICIPAL_CONTACT,
    Role.ACTIVITY_LEADER,
    Role.RESEARCHER,
    Role.PARTNER,
]


class NationalRole(models.TextChoices):
    NONE = "", _("None")
    NATIONAL_LEAD = Role.NATIONAL_LEAD.value, _("National lead")
    RESEARCHER = Role.RESEARCHER.value, _("Researcher (all collaborations)")


class Capability(StrEnum):
    VIEW_OVERVIEW = "view_overview"
    EDIT_COLLABORATION = "edit_collaboration"
    MANAGE_PARTNERS = "manage_partners"
    VIEW_MEMBERS = "view_members"
    INVITE_MEMBERS = "invite_members"
    VIEW_AUDIT = "view_audit"
    VIEW_IDENTITIES = "view_identities"
    VIEW_PARTICIPANT_DATA = "view_participant_data"
    VIEW_PSEUDONYMISED = "view_pseudonymised"
    VIEW_AGGREGATES = "view_aggregates"
    VIEW_EXACT_FUNDER_FIGURES = "view_exact_funder_figures"
    MANAGE_ACTIVITIES = "manage_activities"
    RECORD_OWN_SESSIONS = "record_own_sessions"
    ANSWER_PARTNER_SURVEYS = "answer_partner_surveys"
    # The collaboration model (samverka/assessment).
    VIEW_COLLABORATION_MODEL = "view_collaboration_model"
    EDIT_COLLABORATION_MODEL = "edit_collaboration_model"
    MANAGE_ASSESSMENT = "manage_assessment"
    ANSWER_ASSESSMENT = "answer_assessment"
    VIEW_ASSESSMENT_RESULTS = "view_assessment_results"
    REGISTER_PARTICIPANTS = "register_participants"
    ERASE_PARTICIPANTS = "erase_participants"
    IMPORT_ATTENDANCE = "import_attendance"
    # Actor map, referrals (lotsning) and gaps (samverka/referrals).
    MANAGE_ACTORS = "manage_actors"
    RECORD_REFERRALS = "record_referrals"
    VIEW_REFERRALS = "view_referrals"
    # Surveys (samverka/surveys).
    MANAGE_SURVEYS = "manage_surveys"
    VIEW_SURVEY_RESULTS = "view_survey_results"
    VIEW_SURVEY_FREE_TEXT = "view_survey_free_text"
    # Organisational memory (samverka/memory).
    VIEW_MEMORY = "view_memory"
    MANAGE_MEMORY = "manage_memory"
    WRITE_HANDOVERS = "write_handovers"
    RECORD_LESSONS = "record_lessons"
    SHARE_LESSONS = "share_lessons"
    # National pages (samverka.orgs.decorators.national_view): managing people, municipalities,
    # organisations and built-in instruments, and reading every collaboration's figures.
    MANAGE_NATIONAL = "manage_national"


C = Capability
CAPABILITIES: dict[str, frozenset[Capability]] = {
    Role.NATIONAL_LEAD: frozenset(
        {
            C.VIEW_OVERVIEW,
            C.EDIT_COLLABORATION,
            C.MANAGE_PARTNERS,
            C.VIEW_MEMBERS,
            C.INVITE_MEMBERS,
            C.VIEW_AUDIT,
            C.VIEW_PSEUDONYMISED,
            C.VIEW_AGGREGATES,
            C.VIEW_EXACT_FUNDER_FIGURES,
            C.MANAGE_NATIONAL,
        }
    ),
    Role.COORDINATOR: frozenset(
        {
            C.VIEW_OVERVIEW,
            C.EDIT_COLLABORATION,
            C.MANAGE_PARTNERS,
            C.VIEW_MEMBERS,
            C.INVITE_MEMBERS,
            C.VIEW_AUDIT,
            C.VIEW_IDENTITIES,
            C.VIEW_PARTICIPANT_DATA,
            C.VIEW_PSEUDONYMISED,
            C.VIEW_AGGREGATES,
            C.MANAGE_ACTIVITIES,
            C.RECORD_OWN_SESSIONS,
            C.REGISTER_PARTICIPANTS,
            C.ERASE_PARTICIPANTS,
            C.IMPORT_ATTENDANCE,
        }
    ),
    Role.MUNICIPAL_CONTACT: frozenset(
        {
            C.VIEW_OVERVIEW,
            C.EDIT_COLLABORATION,
            C.MANAGE_PARTNERS,
            C.VIEW_MEMBERS,
            C.VIEW_PARTICIPANT_DATA,
            C.VIEW_PSEUDONYMISED,
            C.VIEW_AGGREGATES,
            C.MANAGE_ACTIVITIES,
            C.RECORD_OWN_SESSIONS,
            C.REGISTER_PARTICIPANTS,
            C.IMPORT_ATTENDANCE,
        }
    ),
    Role.ACTIVITY_LEADER: frozenset(
        {C.VIEW_OVERVIEW, C.RECORD_OWN_SESSIONS, C.REGISTER_PARTICIPANTS}
    ),
    Role.RESEARCHER: frozenset({C.VIEW_OVERVIEW, C.VIEW_PSEUDONYMISED, C.VIEW_AGGREGATES}),
    Role.PARTNER: frozenset({C.VIEW_OVERVIEW, C.ANSWER_PARTNER_SURVEYS}),
}

# Which roles a coordinator may invite into their own collaboration.
INVITABLE_BY_COORDINATOR = [
    Role.COORDINATOR,
    Role.MUNICIPAL_CONTACT,
    Role.ACTIVITY_LEADER,
    Role.PARTNER,
]

# The collaboration model (samverka/assessment): profile, phases, self-assessment, dilemmas,
# learning sessions and boundary spanners. Coordinators and national leads run self-assessment
# rounds; the parties' members answer; researchers read aggregated results only.
_MODEL_CAPABILITIES = {
    Role.NATIONAL_LEAD: {
        C.VIEW_COLLABORATION_MODEL,
        C.EDIT_COLLABORATION_MODEL,
        C.MANAGE_ASSESSMENT,
        C.VIEW_ASSESSMENT_RESULTS,
    },
    Role.COORDINATOR: {
        C.VIEW_COLLABORATION_MODEL,
        C.EDIT_COLLABORATION_MODEL,
        C.MANAGE_ASSESSMENT,
        C.ANSWER_ASSESSMENT,
        C.VIEW_ASSESSMENT_RESULTS,
    },
    Role.MUNICIPAL_CONTACT: {
        C.VIEW_COLLABORATION_MODEL,
        C.EDIT_COLLABORATION_MODEL,
        C.ANSWER_ASSESSMENT,
        C.VIEW_ASSESSMENT_RESULTS,
    },
    Role.ACTIVITY_LEADER: {
        C.VIEW_COLLABORATION_MODEL,
        C.ANSWER_ASSESSMENT,
        C.VIEW_ASSESSMENT_RESULTS,
    },
    Role.RESEARCHER: {C.VIEW_COLLABORATION_MODEL, C.VIEW_ASSESSMENT_RESULTS},
}
for _role, _capabilities in _MODEL_CAPABILITIES.items():
    CAPABILITIES[_role] = CAPABILITIES[_role] | _capabilities

# Actor map and referrals (samverka/referrals): coordinators and municipal contacts manage the
# directory and see every referral; activity leaders record referrals; researchers and national
# leads see aggregated gaps only (VIEW_AGGREGATES).
_REFERRAL_CAPABILITIES = {
    Role.COORDINATOR: {C.MANAGE_ACTORS, C.RECORD_REFERRALS, C.VIEW_REFERRALS},
    Role.MUNICIPAL_CONTACT: {C.MANAGE_ACTORS, C.RECORD_REFERRALS, C.VIEW_REFERRALS},
    Role.ACTIVITY_LEADER: {C.RECORD_REFERRALS},
}
for _role, _capabilities in _REFERRAL_CAPABILITIES.items():
    CAPABILITIES[_role] = CAPABILITIES[_role] | _capabilities

# Surveys (samverka/surveys): coordinators, municipal contacts and national leads run rounds,
# copy and edit instruments and manage translations; results (always disclosure-controlled) are
# for them, activity leaders and researchers; free-text answers only for those who work with
# the families' words (coordinators, municipal contacts, researchers). Partners answer the
# partner survey through their organisation's link (ANSWER_PARTNER_SURVEYS).
_SURVEY_CAPABILITIES = {
    Role.NATIONAL_LEAD: {C.MANAGE_SURVEYS, C.VIEW_SURVEY_RESULTS},
    Role.COORDINATOR: {C.MANAGE_SURVEYS, C.VIEW_SURVEY_RESULTS, C.VIEW_SURVEY_FREE_TEXT},
    Role.MUNICIPAL_CONTACT: {C.MANAGE_SURVEYS, C.VIEW_SURVEY_RESULTS, C.VIEW_SURVEY_FREE_TEXT},
    Role.ACTIVITY_LEADER: {C.VIEW_SURVEY_RESULTS},
    Role.RESEARCHER: {C.VIEW_SURVEY_RESULTS, C.VIEW_SURVEY_FREE_TEXT},
}
for _role, _capabilities in _SURVEY_CAPABILITIES.items():
    CAPABILITIES[_role] = CAPABILITIES[_role] | _capabilities

# Organisational memory (samverka/memory): what continues, handovers, documents, the transition
# dossier and lessons. The people who run the collaboration read it (VIEW_MEMORY) and write
# lessons; coordinators, municipal contacts and national leads decide what continues, keep the
# documents, export the dossier and take over from an earlier collaboration (MANAGE_MEMORY);
# members write their own handover note (WRITE_HANDOVERS); only coordinators and municipal
# contacts share a lesson nationally. The national lessons library is for every logged-in person.
_MEMORY_CAPABILITIES = {
    Role.NATIONAL_LEAD: {C.VIEW_MEMORY, C.MANAGE_MEMORY},
    Role.COORDINATOR: {
        C.VIEW_MEMORY,
        C.MANAGE_MEMORY,
        C.WRITE_HANDOVERS,
        C.RECORD_LESSONS,
        C.SHARE_LESSONS,
    },
    Role.MUNICIPAL_CONTACT: {
        C.VIEW_MEMORY,
        C.MANAGE_MEMORY,
        C.WRITE_HANDOVERS,
        C.RECORD_LESSONS,
        C.SHARE_LESSONS,
    },
    Role.ACTIVITY_LEADER: {C.VIEW_MEMORY, C.WRITE_HANDOVERS, C.RECORD_LESSONS},
}
for _role, _capabilities in _MEMORY_CAPABILITIES.items():
    CAPABILITIES[_role] = CAPABILITIES[_role] | _capabilities
