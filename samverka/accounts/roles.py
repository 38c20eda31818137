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
    # Children's voice, child-rights checks and safe activities (samverka/children).
    VIEW_CONSULTATIONS = "view_consultations"
    RECORD_CONSULTATIONS = "record_consultations"
    MANAGE_CONSULTATIONS = "manage_consultations"
    VIEW_CHILD_RIGHTS_CHECKS = "view_child_rights_checks"
    MANAGE_CHILD_RIGHTS_CHECKS = "manage_child_rights_checks"
    VIEW_SAFETY = "view_safety"
    MANAGE_RISK_ANALYSES = "manage_risk_analyses"
    SIGN_FOR_MUNICIPALITY = "sign_for_municipality"
    SIGN_FOR_CIVIL_SOCIETY = "sign_for_civil_society"
    REPORT_INCIDENTS = "report_incidents"
    VIEW_INCIDENTS = "view_incidents"
    # Competence work (samverka/knowledge): the knowledge bank, course runs, volunteers and
    # leader reflections.
    EDIT_KNOWLEDGE_BANK = "edit_knowledge_bank"
    MANAGE_TRAINING = "manage_training"
    MANAGE_VOLUNTEERS = "manage_volunteers"
    WRITE_REFLECTIONS = "write_reflections"
    READ_REFLECTIONS = "read_reflections"
    # Organisational memory (samverka/memory).
    VIEW_MEMORY = "view_memory"
    MANAGE_MEMORY = "manage_memory"
    WRITE_HANDOVERS = "write_handovers"
    RECORD_LESSONS = "record_lessons"
    SHARE_LESSONS = "share_lessons"
    # National pages (samverka.orgs.decorators.national_view): managing people, municipalities,
    # organisations and built-in instruments, and reading every collaboration's figures.
    MANAGE_NATIONAL = "manage_national"
    # National comparisons (model, surveys, funder count, referral gaps, follow-up): read-only,
    # disclosure-controlled for everyone but the national lead.
    VIEW_NATIONAL_COMPARISONS = "view_national_comparisons"
    # Research (samverka/research): researchers run research projects; a collaboration's
    # coordinator (or the national lead) approves or revokes its inclusion in a project;
    # coordinators and municipal contacts see which projects include their collaboration.
    RUN_RESEARCH_PROJECTS = "run_research_projects"
    APPROVE_RESEARCH_INCLUSION = "approve_research_inclusion"
    VIEW_RESEARCH_INCLUSIONS = "view_research_inclusions"
    # The record of processing and DPIA facts for the data protection officer (samverka/privacy).
    VIEW_PROCESSING_RECORD = "view_processing_record"
    # Follow-up for learning (samverka/followup).
    VIEW_FOLLOWUP = "view_followup"
    EDIT_FOLLOWUP = "edit_followup"
    REPORT_FOLLOWUP = "report_followup"


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
            C.VIEW_NATIONAL_COMPARISONS,
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
    Role.RESEARCHER: frozenset(
        {C.VIEW_OVERVIEW, C.VIEW_PSEUDONYMISED, C.VIEW_AGGREGATES, C.VIEW_NATIONAL_COMPARISONS}
    ),
    Role.PARTNER: frozenset({C.VIEW_OVERVIEW, C.ANSWER_PARTNER_SURVEYS}),
}

# Which roles a coordinator may invite into their own collaboration, least powerful first (the
# invitation form preselects none).
INVITABLE_BY_COORDINATOR = [
    Role.PARTNER,
    Role.ACTIVITY_LEADER,
    Role.MUNICIPAL_CONTACT,
    Role.COORDINATOR,
]
# The national lead may also invite researchers into a collaboration.
INVITABLE_BY_NATIONAL_LEAD = [
    Role.PARTNER,
    Role.ACTIVITY_LEADER,
    Role.RESEARCHER,
    Role.MUNICIPAL_CONTACT,
    Role.COORDINATOR,
]

# The collaboration model (samverka/assessment): profile, phases, self-assessment, dilemmas,
# learning sessions and boundary spanners. Both parties own the model: coordinators, municipal
# contacts and national leads open and close self-assessment rounds; the parties' members answer
# (partner organisations' members on the civil-society side); researchers read aggregated
# results only.
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
        C.MANAGE_ASSESSMENT,
        C.ANSWER_ASSESSMENT,
        C.VIEW_ASSESSMENT_RESULTS,
    },
    Role.ACTIVITY_LEADER: {
        C.VIEW_COLLABORATION_MODEL,
        C.ANSWER_ASSESSMENT,
        C.VIEW_ASSESSMENT_RESULTS,
    },
    Role.RESEARCHER: {C.VIEW_COLLABORATION_MODEL, C.VIEW_ASSESSMENT_RESULTS},
    # Partners answer (the rounds, the questions, their own answer), nothing else of the model.
    Role.PARTNER: {C.ANSWER_ASSESSMENT},
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

# Children's voice, child-rights checks and safe activities (samverka/children): leaders record
# consultations and report incidents; coordinators and municipal contacts record decisions and
# the answer given back, run checks and risk analyses, and each signs off a risk analysis for
# their party; incidents in detail only for them (everyone else with VIEW_SAFETY sees counts).
_CHILDREN_CAPABILITIES = {
    Role.NATIONAL_LEAD: {C.VIEW_CONSULTATIONS, C.VIEW_CHILD_RIGHTS_CHECKS, C.VIEW_SAFETY},
    Role.COORDINATOR: {
        C.VIEW_CONSULTATIONS,
        C.RECORD_CONSULTATIONS,
        C.MANAGE_CONSULTATIONS,
        C.VIEW_CHILD_RIGHTS_CHECKS,
        C.MANAGE_CHILD_RIGHTS_CHECKS,
        C.VIEW_SAFETY,
        C.MANAGE_RISK_ANALYSES,
        C.SIGN_FOR_CIVIL_SOCIETY,
        C.REPORT_INCIDENTS,
        C.VIEW_INCIDENTS,
    },
    Role.MUNICIPAL_CONTACT: {
        C.VIEW_CONSULTATIONS,
        C.RECORD_CONSULTATIONS,
        C.MANAGE_CONSULTATIONS,
        C.VIEW_CHILD_RIGHTS_CHECKS,
        C.MANAGE_CHILD_RIGHTS_CHECKS,
        C.VIEW_SAFETY,
        C.MANAGE_RISK_ANALYSES,
        C.SIGN_FOR_MUNICIPALITY,
        C.REPORT_INCIDENTS,
        C.VIEW_INCIDENTS,
    },
    Role.ACTIVITY_LEADER: {
        C.VIEW_CONSULTATIONS,
        C.RECORD_CONSULTATIONS,
        C.VIEW_CHILD_RIGHTS_CHECKS,
        C.VIEW_SAFETY,
        C.REPORT_INCIDENTS,
    },
    Role.RESEARCHER: {C.VIEW_CONSULTATIONS, C.VIEW_CHILD_RIGHTS_CHECKS, C.VIEW_SAFETY},
}
for _role, _capabilities in _CHILDREN_CAPABILITIES.items():
    CAPABILITIES[_role] = CAPABILITIES[_role] | _capabilities

# Competence work (samverka/knowledge): the national lead (and the people it names as bank
# editors, samverka.knowledge.bank.models.BankEditor) writes in the knowledge bank; coordinators
# and municipal contacts record course runs; coordinators keep the volunteer roster (names and
# phone numbers: VIEW_IDENTITIES, coordinators only) and read and answer leader reflections;
# activity leaders (and coordinators who lead sessions) write reflections on their own
# sessions. Researchers see only the aggregated counts (VIEW_AGGREGATES).
_KNOWLEDGE_CAPABILITIES = {
    Role.NATIONAL_LEAD: {C.EDIT_KNOWLEDGE_BANK},
    Role.COORDINATOR: {
        C.MANAGE_TRAINING,
        C.MANAGE_VOLUNTEERS,
        C.READ_REFLECTIONS,
        C.WRITE_REFLECTIONS,
    },
    Role.MUNICIPAL_CONTACT: {C.MANAGE_TRAINING, C.WRITE_REFLECTIONS},
    Role.ACTIVITY_LEADER: {C.WRITE_REFLECTIONS},
}
for _role, _capabilities in _KNOWLEDGE_CAPABILITIES.items():
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

# Research (samverka/research): a researcher (national, or by membership in some collaborations)
# starts research projects and works in those they belong to; the material of a project is
# readable only by its researchers. A collaboration's inclusion in a project is approved, and
# can be revoked, by its coordinator or the national lead; municipal contacts see the projects.
_RESEARCH_CAPABILITIES = {
    Role.NATIONAL_LEAD: {C.APPROVE_RESEARCH_INCLUSION, C.VIEW_RESEARCH_INCLUSIONS},
    Role.COORDINATOR: {C.APPROVE_RESEARCH_INCLUSION, C.VIEW_RESEARCH_INCLUSIONS},
    Role.MUNICIPAL_CONTACT: {C.VIEW_RESEARCH_INCLUSIONS},
    Role.RESEARCHER: {C.RUN_RESEARCH_PROJECTS},
}
for _role, _capabilities in _RESEARCH_CAPABILITIES.items():
    CAPABILITIES[_role] = CAPABILITIES[_role] | _capabilities

# The record of processing (samverka/privacy): the data protection officer's page, read from the
# installation itself. The national lead sees the whole installation and each collaboration's;
# a coordinator sees their own collaboration's. Everyone else is refused.
_PRIVACY_CAPABILITIES = {
    Role.NATIONAL_LEAD: {C.VIEW_PROCESSING_RECORD},
    Role.COORDINATOR: {C.VIEW_PROCESSING_RECORD},
}
for _role, _capabilities in _PRIVACY_CAPABILITIES.items():
    CAPABILITIES[_role] = CAPABILITIES[_role] | _capabilities


# Follow-up for learning (samverka/followup): goals, indicators, values and evidence. Every
# member and researchers read the plan and its (disclosure-controlled) figures; coordinators and
# municipal contacts edit it; they and the national lead make the steering-group report.
_FOLLOWUP_CAPABILITIES = {
    Role.NATIONAL_LEAD: {C.VIEW_FOLLOWUP, C.REPORT_FOLLOWUP},
    Role.COORDINATOR: {C.VIEW_FOLLOWUP, C.EDIT_FOLLOWUP, C.REPORT_FOLLOWUP},
    Role.MUNICIPAL_CONTACT: {C.VIEW_FOLLOWUP, C.EDIT_FOLLOWUP, C.REPORT_FOLLOWUP},
    Role.ACTIVITY_LEADER: {C.VIEW_FOLLOWUP},
    Role.RESEARCHER: {C.VIEW_FOLLOWUP},
    Role.PARTNER: {C.VIEW_FOLLOWUP},
}
for _role, _capabilities in _FOLLOWUP_CAPABILITIES.items():
    CAPABILITIES[_role] = CAPABILITIES[_role] | _capabilities


def roles_with(capability: Capability) -> list[Role]:
    """The roles that hold `capability`, in the order of Role (a refused page names them)."""
    return [role for role in Role if capability in CAPABILITIES.get(role, ())]


def who_can(*capabilities: Capability) -> str:
    """'This page is for: Coordinator, Municipal contact.' — what a refused page says, naming
    the roles that hold any of `capabilities` (in the person's language)."""
    from django.utils.translation import gettext

    roles = [r for r in Role if any(c in CAPABILITIES.get(r, ()) for c in capabilities)]
    if not roles:
        return ""
    names = ", ".join(str(r.label) for r in roles)
    return gettext("This page is for: %(roles)s.") % {"roles": names}
