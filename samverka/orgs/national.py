"""The national start page: every national page a person may open, grouped, in one place.

The site header has one "National" link instead of a row per page (fourteen links wrapped the
header into three lines at 1366 px). A page is listed for whoever holds the capability its view
declares (`tests` check each entry against the view's own declaration)."""

from dataclasses import dataclass

from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from samverka.accounts.roles import Capability


@dataclass(frozen=True)
class NationalPage:
    url_name: str
    title: Promise
    description: Promise
    capability: Capability


@dataclass(frozen=True)
class Section:
    title: Promise
    pages: tuple[NationalPage, ...]


C = Capability

SECTIONS = (
    Section(
        _("Figures and comparisons"),
        (
            NationalPage(
                "assessment:national",
                _("Compare collaborations"),
                _("Phase, self-assessment and warnings of every collaboration side by side."),
                C.VIEW_NATIONAL_COMPARISONS,
            ),
            NationalPage(
                "reports:national_funder",
                _("Funder report"),
                _("Unique participants per municipality, disclosure-controlled."),
                C.VIEW_NATIONAL_COMPARISONS,
            ),
            NationalPage(
                "surveys:national_results",
                _("Survey results"),
                _("The built-in surveys' results across collaborations."),
                C.VIEW_NATIONAL_COMPARISONS,
            ),
            NationalPage(
                "referrals:national_gaps",
                _("Referral gaps"),
                _("Needs that found no actor and failed referrals, per need and municipality."),
                C.VIEW_NATIONAL_COMPARISONS,
            ),
            NationalPage(
                "followup:national",
                _("Follow-up"),
                _("The built-in indicators and the four added values per collaboration and year."),
                C.VIEW_NATIONAL_COMPARISONS,
            ),
            NationalPage(
                "children:national",
                _("Children's voice"),
                _("Consultations with children and whether they were told back."),
                C.VIEW_AGGREGATES,
            ),
            NationalPage(
                "knowledge:national_competence",
                _("Competence work"),
                _("Training, parent-group themes and volunteers across collaborations."),
                C.VIEW_AGGREGATES,
            ),
        ),
    ),
    Section(
        _("Research"),
        (
            NationalPage(
                "research:home",
                _("Research"),
                _("Research projects, pseudonymised datasets and qualitative coding."),
                C.VIEW_NATIONAL_COMPARISONS,
            ),
        ),
    ),
    Section(
        _("Administration"),
        (
            NationalPage(
                "accounts:people",
                _("People"),
                _("Accounts, national roles and invitations."),
                C.MANAGE_NATIONAL,
            ),
            NationalPage(
                "orgs:municipalities",
                _("Municipalities"),
                _("The municipalities and their collaborations."),
                C.MANAGE_NATIONAL,
            ),
            NationalPage(
                "orgs:organisations",
                _("Organisations"),
                _("Every organisation taking part."),
                C.MANAGE_NATIONAL,
            ),
            NationalPage(
                "surveys:national_instruments",
                _("Survey instruments"),
                _("The built-in and national survey instruments and their translations."),
                C.MANAGE_NATIONAL,
            ),
            NationalPage(
                "knowledge:editors",
                _("Bank editors"),
                _("Who may write in the knowledge bank."),
                C.MANAGE_NATIONAL,
            ),
            NationalPage(
                "audit:national_trail",
                _("Audit trail"),
                _("Every read and change of personal data, with its hash chain."),
                C.MANAGE_NATIONAL,
            ),
            NationalPage(
                "privacy:national_record",
                _("Record of processing"),
                _("What this installation stores and how it is protected, for the DPO."),
                C.VIEW_PROCESSING_RECORD,
            ),
        ),
    ),
)


def sections_for(national) -> list[tuple[Promise, list[tuple[str, NationalPage]]]]:
    """The sections with the pages `national` may open, each with its address."""
    result = []
    for section in SECTIONS:
        pages = [(reverse(p.url_name), p) for p in section.pages if national.can(p.capability)]
        if pages:
            result.append((section.title, pages))
    return result
