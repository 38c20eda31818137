"""The collaboration model: profile, phases, self-assessment, dilemmas, learning, boundary spanners.

Everything here belongs to one collaboration and is reached through it
(`access.collaboration.assessment_rounds...`), never by id.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from samverka.assessment.instrument import (
    INSTRUMENT_VERSION,
    OPERATIONAL_ELEMENTS,
    SCALE_MAX,
    SCALE_MIN,
)
from samverka.lib.fields import CodeField
from samverka.lib.scoping import tenant_manager
from samverka.orgs.models import Phase


class Party(models.TextChoices):
    MUNICIPALITY = "municipality", _("Municipality side")
    CIVIL_SOCIETY = "civil_society", _("Civil-society side")


class Level(models.TextChoices):
    STRATEGIC = "strategic", _("Strategic level")
    OPERATIONAL = "operational", _("Operational level")


class DecisionLevel(models.TextChoices):
    UNDECIDED = "", _("Not decided yet")
    COUNCIL = "council", _("Municipal executive board or council")
    COMMITTEE = "committee", _("Committee")
    DEPARTMENT = "department", _("Department management")
    UNIT = "unit", _("Unit or operational level")


# --- The collaboration's profile ---------------------------------------------------------


class CollaborationProfile(models.Model):
    """The strategic side of the model, beside the goal picture and idea kept on Collaboration."""

    collaboration = models.OneToOneField(
        "orgs.Collaboration", on_delete=models.CASCADE, related_name="model_profile"
    )
    welfare_gaps = models.TextField(
        _("gaps in the welfare system"),
        blank=True,
        help_text=_("The gaps (glapp) the collaboration means to fill, for whom."),
    )
    anchoring_forums = models.TextField(
        _("forums and steering groups"),
        blank=True,
        help_text=_("Where the collaboration is anchored and reported, on both sides."),
    )
    decision_level = models.CharField(
        _("highest level of decision"),
        max_length=20,
        choices=DecisionLevel.choices,
        blank=True,
        default=DecisionLevel.UNDECIDED,
        help_text=_("The highest level where the collaboration has been decided."),
    )
    decisions = models.TextField(
        _("decisions taken"),
        blank=True,
        help_text=_("Which decisions are taken, by whom and at which level."),
    )
    child_rights_link = models.TextField(
        _("link to the child-rights work"),
        blank=True,
        help_text=_(
            "How the collaboration connects to the municipality's work with children's rights."
        ),
    )
    organisation = models.TextField(
        _("the collaboration organisation"),
        blank=True,
        help_text=_("Who does what: steering group, working group, contact persons."),
    )
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = tenant_manager("collaboration")

    class Meta:
        verbose_name = _("collaboration profile")
        verbose_name_plural = _("collaboration profiles")

    def __str__(self):
        return str(self.collaboration)


OPERATIONAL_ELEMENT_CHOICES = [(e.key, e.name) for e in OPERATIONAL_ELEMENTS]


class OperationalRoutine(models.Model):
    """How one element of the operational collaboration is done: its routines and people."""

    collaboration = models.ForeignKey(
        "orgs.Collaboration", on_delete=models.CASCADE, related_name="operational_routines"
    )
    element = models.CharField(_("element"), max_length=30, choices=OPERATIONAL_ELEMENT_CHOICES)
    description = models.TextField(
        _("how we work"), blank=True, help_text=_("The working method, in a few sentences.")
    )
    meetings = models.TextField(
        _("meetings"), blank=True, help_text=_("Which meetings, how often, who takes part.")
    )
    channels = models.TextField(
        _("channels"), blank=True, help_text=_("Email lists, phone, chat groups, shared documents.")
    )
    contacts = models.TextField(
        _("contacts"), blank=True, help_text=_("Who to contact, on each side.")
    )
    key_person = models.ForeignKey(
        "accounts.Membership",
        verbose_name=_("key person"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The person the routine rests on."),
    )
    backup_person = models.ForeignKey(
        "accounts.Membership",
        verbose_name=_("backup person"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Who keeps the routine going when the key person is away or leaves."),
    )
    updated_at = models.DateTimeField(auto_now=True)

    objects = tenant_manager("collaboration")

    class Meta:
        ordering = ["collaboration", "element"]
        verbose_name = _("operational routine")
        verbose_name_plural = _("operational routines")
        constraints = [
            models.UniqueConstraint(
                fields=["collaboration", "element"], name="routine_one_per_element"
            ),
        ]

    def __str__(self):
        return self.get_element_display()

    @property
    def is_documented(self) -> bool:
        return bool(self.description.strip())


# --- Phases ------------------------------------------------------------------------------


class ChecklistMark(models.Model):
    """One ticked (or noted) checklist item of a phase, for one collaboration."""

    collaboration = models.ForeignKey(
        "orgs.Collaboration", on_delete=models.CASCADE, related_name="checklist_marks"
    )
    item_id = models.CharField(max_length=40)
    done = models.BooleanField(_("done"), default=False)
    note = models.CharField(_("note"), max_length=300, blank=True)
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = tenant_manager("collaboration")

    class Meta:
        verbose_name = _("checklist mark")
        verbose_name_plural = _("checklist marks")
        constraints = [
            models.UniqueConstraint(
                fields=["collaboration", "item_id"], name="checklist_mark_once_per_item"
            ),
        ]

    def __str__(self):
        return self.item_id


class PhaseChange(models.Model):
    """A move to another phase: when, by whom, why, and what Samverka warned about."""

    code = CodeField()
    collaboration = models.ForeignKey(
        "orgs.Collaboration", on_delete=models.CASCADE, related_name="phase_changes"
    )
    from_phase = models.CharField(_("from"), max_length=20, choices=Phase.choices)
    to_phase = models.CharField(_("to"), max_length=20, choices=Phase.choices)
    changed_on = models.DateField(_("date"))
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    reason = models.TextField(_("why"))
    # Structured warnings ({"kind": ..., ...}), rendered in the reader's language.
    warnings = models.JSONField(default=list, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = tenant_manager("collaboration")

    class Meta:
        ordering = ["-changed_on", "-created_at"]
        verbose_name = _("phase change")
        verbose_name_plural = _("phase changes")
        constraints = [
            models.CheckConstraint(
                condition=~Q(from_phase=models.F("to_phase")), name="phase_change_changes_phase"
            ),
        ]

    def __str__(self):
        return f"{self.get_from_phase_display()} → {self.get_to_phase_display()}"


# --- Self-assessment ----------------------------------------------------------------------


class AssessmentRound(models.Model):
    """One self-assessment round. Results are shown only once it is closed."""

    code = CodeField()
    collaboration = models.ForeignKey(
        "orgs.Collaboration", on_delete=models.CASCADE, related_name="assessment_rounds"
    )
    number = models.PositiveSmallIntegerField(_("round"))
    note = models.TextField(
        _("message to the respondents"),
        blank=True,
        help_text=_("Why this round, and when the results will be discussed together."),
    )
    closes_on = models.DateField(
        _("planned closing date"),
        null=True,
        blank=True,
        help_text=_("Shown to the respondents. The round closes when you close it."),
    )
    instrument_version = models.CharField(max_length=20, default=INSTRUMENT_VERSION)
    opened_at = models.DateTimeField(_("opened"))
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = tenant_manager("collaboration")

    class Meta:
        ordering = ["collaboration", "-number"]
        verbose_name = _("self-assessment round")
        verbose_name_plural = _("self-assessment rounds")
        constraints = [
            models.UniqueConstraint(
                fields=["collaboration", "number"], name="assessment_round_number_unique"
            ),
            models.UniqueConstraint(
                fields=["collaboration"],
                condition=Q(closed_at__isnull=True),
                name="assessment_one_open_round",
            ),
            models.CheckConstraint(
                condition=Q(closed_at__isnull=True) | Q(closed_at__gte=models.F("opened_at")),
                name="assessment_round_closes_after_opening",
            ),
        ]

    def __str__(self):
        return _("Self-assessment %(number)s") % {"number": self.number}

    @property
    def is_open(self) -> bool:
        return self.closed_at is None


class Response(models.Model):
    """One person's answers in one round. Private to that person; shown only in aggregate."""

    round = models.ForeignKey(AssessmentRound, on_delete=models.CASCADE, related_name="responses")
    respondent = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="assessment_responses"
    )
    party = models.CharField(_("I answer for"), max_length=20, choices=Party.choices)
    level = models.CharField(_("I mainly work at"), max_length=20, choices=Level.choices)
    submitted_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = tenant_manager("round__collaboration")

    class Meta:
        verbose_name = _("self-assessment response")
        verbose_name_plural = _("self-assessment responses")
        constraints = [
            models.UniqueConstraint(
                fields=["round", "respondent"], name="assessment_one_response_per_person"
            ),
        ]

    def __str__(self):
        return f"{self.round} – {self.pk}"

    @property
    def collaboration(self):
        return self.round.collaboration


class Answer(models.Model):
    """The answer to one item: 1–5, or empty for "don't know", and an optional comment."""

    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="answers")
    item_id = models.CharField(max_length=40)
    value = models.PositiveSmallIntegerField(null=True, blank=True)
    comment = models.TextField(blank=True)

    objects = tenant_manager("response__round__collaboration")

    class Meta:
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        constraints = [
            models.UniqueConstraint(
                fields=["response", "item_id"], name="assessment_one_answer_per_item"
            ),
            models.CheckConstraint(
                condition=Q(value__isnull=True) | Q(value__gte=SCALE_MIN, value__lte=SCALE_MAX),
                name="assessment_answer_on_scale",
            ),
        ]

    def __str__(self):
        return self.item_id


# --- Dilemmas and joint learning ----------------------------------------------------------


class DilemmaKind(models.TextChoices):
    EQUAL_VS_NEEDS = "equal_vs_needs", _("Equal treatment or needs-based help")
    NEW_VS_EXISTING = "new_vs_existing", _("Building new or building on what exists")
    EXTERNAL_VS_INTERNAL = "external_vs_internal", _("External or internal expertise")
    INDIVIDUAL_VS_STRUCTURE = (
        "individual_vs_structure",
        _("Support to individuals or changing structures"),
    )
    OWN = "own", _("Our own dilemma")


DILEMMA_HELP = {
    DilemmaKind.EQUAL_VS_NEEDS: _(
        "The municipality must treat everyone alike and guarantee legal certainty; civil "
        "society meets each child and family where they are. Both values are needed – for "
        "example when an activity is offered only to a limited group."
    ),
    DilemmaKind.NEW_VS_EXISTING: _(
        "Civil society can quickly start something new and fill a gap; the municipality wants "
        "to avoid parallel structures that disappear when the project ends."
    ),
    DilemmaKind.EXTERNAL_VS_INTERNAL: _(
        "The organisation brings values, child-rights knowledge and closeness to the families "
        "– but risks taking over, or making up for, what is the municipality's responsibility, "
        "and the work may come to rest on a few persons."
    ),
    DilemmaKind.INDIVIDUAL_VS_STRUCTURE: _(
        "Strengthening single children and families – their safety, language and networks – "
        "or also changing the norms and structures that shape their lives, racism included."
    ),
    DilemmaKind.OWN: _("A tension of your own that keeps coming back in the collaboration."),
}


class DilemmaStatus(models.TextChoices):
    OPEN = "open", _("Being discussed")
    BALANCED = "balanced", _("Balanced for now")


class Dilemma(models.Model):
    code = CodeField()
    collaboration = models.ForeignKey(
        "orgs.Collaboration", on_delete=models.CASCADE, related_name="dilemmas"
    )
    kind = models.CharField(_("dilemma"), max_length=30, choices=DilemmaKind.choices)
    title = models.CharField(
        _("title"),
        max_length=200,
        blank=True,
        help_text=_("A short name. Needed for your own dilemmas."),
    )
    occurred_on = models.DateField(_("when it came up"))
    situation = models.TextField(_("the situation"), help_text=_("What happened, without names."))
    municipality_view = models.TextField(_("the municipality side's view"), blank=True)
    civil_society_view = models.TextField(_("the civil-society side's view"), blank=True)
    balance = models.TextField(
        _("how it was balanced"),
        blank=True,
        help_text=_("Dilemmas are balanced, not solved: what did you weigh, and how?"),
    )
    outcome = models.TextField(_("what followed"), blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=DilemmaStatus.choices, default=DilemmaStatus.OPEN
    )
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    objects = tenant_manager("collaboration")

    class Meta:
        ordering = ["-occurred_on", "-created_at"]
        verbose_name = _("dilemma")
        verbose_name_plural = _("dilemmas")
        constraints = [
            models.CheckConstraint(
                condition=~Q(kind="own") | ~Q(title=""), name="dilemma_own_has_title"
            ),
        ]

    def __str__(self):
        return self.title or self.get_kind_display()

    @property
    def heading(self) -> str:
        return str(self)


class LearningSession(models.Model):
    """A meeting where the parties look at results together and decide what to do."""

    code = CodeField()
    collaboration = models.ForeignKey(
        "orgs.Collaboration", on_delete=models.CASCADE, related_name="learning_sessions"
    )
    held_on = models.DateField(_("date"))
    participants = models.ManyToManyField(
        "accounts.Membership", verbose_name=_("participants"), blank=True, related_name="+"
    )
    other_participants = models.CharField(
        _("other participants"),
        max_length=300,
        blank=True,
        help_text=_("People without a Samverka account, for example a school principal."),
    )
    rounds = models.ManyToManyField(
        AssessmentRound,
        verbose_name=_("self-assessment rounds discussed"),
        blank=True,
        related_name="learning_sessions",
    )
    dilemmas = models.ManyToManyField(
        Dilemma, verbose_name=_("dilemmas discussed"), blank=True, related_name="learning_sessions"
    )
    other_material = models.TextField(
        _("other results discussed"),
        blank=True,
        help_text=_("For example survey results, statistics or a report."),
    )
    notes = models.TextField(_("what we talked about"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = tenant_manager("collaboration")

    class Meta:
        ordering = ["-held_on", "-created_at"]
        verbose_name = _("learning session")
        verbose_name_plural = _("learning sessions")

    def __str__(self):
        return _("Learning session %(date)s") % {"date": self.held_on.isoformat()}


class LearningDecision(models.Model):
    code = CodeField()
    session = models.ForeignKey(LearningSession, on_delete=models.CASCADE, related_name="decisions")
    text = models.CharField(_("decision"), max_length=500)
    follow_up_by = models.ForeignKey(
        "accounts.Membership",
        verbose_name=_("followed up by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    due_on = models.DateField(_("follow up by (date)"), null=True, blank=True)
    done_on = models.DateField(_("done"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = tenant_manager("session__collaboration")

    class Meta:
        ordering = ["done_on", "due_on", "created_at"]
        verbose_name = _("decision")
        verbose_name_plural = _("decisions")

    def __str__(self):
        return self.text

    @property
    def collaboration(self):
        return self.session.collaboration


# --- Boundary spanners ---------------------------------------------------------------------


class BoundarySpanner(models.Model):
    """A person trusted in both worlds, who translates and connects (gränsgångare)."""

    code = CodeField()
    collaboration = models.ForeignKey(
        "orgs.Collaboration", on_delete=models.CASCADE, related_name="boundary_spanners"
    )
    membership = models.ForeignKey(
        "accounts.Membership",
        verbose_name=_("member"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="boundary_spanner_roles",
    )
    name = models.CharField(
        _("name"),
        max_length=150,
        blank=True,
        help_text=_("Only for a person without a Samverka account."),
    )
    description = models.TextField(
        _("how they connect the two worlds"),
        blank=True,
        help_text=_(
            "For example: former municipal employee now in the association; translates "
            "between the school and the families."
        ),
    )
    organisations = models.ManyToManyField(
        "orgs.Organisation",
        verbose_name=_("organisations they connect"),
        blank=True,
        related_name="+",
    )
    successor = models.ForeignKey(
        "accounts.Membership",
        verbose_name=_("successor"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Who takes over the relationships if this person leaves."),
    )
    ended_on = models.DateField(
        _("no longer in this role from"),
        null=True,
        blank=True,
        help_text=_("For people without an account, or who stay members but leave the role."),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = tenant_manager("collaboration")

    class Meta:
        ordering = ["created_at"]
        verbose_name = _("boundary spanner")
        verbose_name_plural = _("boundary spanners")
        constraints = [
            models.CheckConstraint(
                condition=Q(membership__isnull=False) | ~Q(name=""),
                name="boundary_spanner_is_someone",
            ),
        ]

    def __str__(self):
        if self.membership_id:
            return str(self.membership.user)
        return self.name

    @property
    def has_left(self) -> bool:
        """The person no longer carries the role: membership ended or role ended."""
        membership_ended = self.membership_id is not None and self.membership.ended_at is not None
        return membership_ended or self.ended_on is not None

    @property
    def has_active_successor(self) -> bool:
        return self.successor_id is not None and self.successor.ended_at is None

    @property
    def person_key(self) -> tuple[str, object]:
        if self.membership_id:
            return ("user", self.membership.user_id)
        return ("name", self.name.strip().lower())
