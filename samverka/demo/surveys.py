"""Demo survey rounds and invented answers in every demo collaboration.

Per collaboration: a closed parent-survey round from the spring (answers in five languages), an
open parent-survey round this term (answers still coming in, a little more positive so the
comparison shows change), and a partner-survey round with a link per partner organisation. In
Kalmar also an activity-feedback round for the leisure club, in Boden a child-survey round.
Answers are generated from a fixed seed per municipality and respect the instruments'
conditions. Idempotent: a collaboration that already has survey rounds is left alone.
"""

import random
from datetime import timedelta
from functools import cache

from django.db import transaction
from django.utils import timezone

from samverka.lib.agebands import band_for
from samverka.surveys.builtin.install import install_builtin_instruments
from samverka.surveys.instruments.rules import is_visible
from samverka.surveys.models import (
    DONT_KNOW,
    Answer,
    InstrumentVersion,
    ItemRole,
    ItemType,
    RespondentLink,
    Response,
    Round,
)

# Invented free-text answers, in the language they were written in.
FREE_TEXT = {
    "sv": ["Mer tid för läxhjälp.", "Fler utflykter med barnen.", "Bra att träffa andra."],
    "en": ["More homework help, please.", "The staff are very kind."],
    "ar": ["نريد المزيد من الأنشطة للأطفال.", "شكراً على الترحيب."],
    "so": ["Waxaan jeclaan lahaa casharro badan.", "Mahadsanid."],
    "prs": ["فعالیت‌های بیشتر برای کودکان.", "تشکر از همکاری شما."],
    "ti": ["ብዙሕ ንጥፈታት ንቘልዑ።"],
    "uk": ["Більше занять для дітей.", "Дякуємо за допомогу."],
}
PARTNER_TEXT = [
    "Vi har börjat planera våra aktiviteter tillsammans med föreningen.",
    "Skolan har fått en kontaktperson för familjerna.",
    "Biblioteket har språkcafé varje vecka nu.",
]


def _choose_scale(rng: random.Random, lift: float) -> str:
    weights = [1, 2, 4, 6 + 3 * lift, 4 + 4 * lift]
    return str(rng.choices(range(1, 6), weights=weights)[0])


@cache
def _item_list(version_pk: int) -> list:
    return list(
        InstrumentVersion.objects.get(pk=version_pk)
        .items.select_related("condition_item", "section", "version__instrument")
        .prefetch_related("options")
        .order_by("section__position", "position")
    )


def _items(version) -> list:
    return _item_list(version.pk)


def _answers_for(version, rng: random.Random, *, language: str, lift: float, partner=False):
    """Invented answers {item: [values] | int | str} to every item the respondent would see."""
    given: dict[str, list[str]] = {}
    rows: list[tuple] = []
    for item in _items(version):
        if not is_visible(item, given):
            continue
        options = [o.value for o in item.options.all() if o.value != DONT_KNOW]
        if item.allow_dont_know and rng.random() < 0.04:
            given[item.item_id] = [DONT_KNOW]
            rows.append((item, DONT_KNOW, None, ""))
            continue
        if item.type in (ItemType.AGREEMENT, ItemType.FACES):
            value = _choose_scale(rng, lift)
        elif item.type in (ItemType.SINGLE, ItemType.YES_NO) and options:
            value = rng.choice(options)
        elif item.type == ItemType.MULTIPLE and options:
            chosen = rng.sample(options, k=min(len(options), rng.choice([1, 1, 2, 3])))
            given[item.item_id] = chosen
            rows.extend((item, v, None, "") for v in chosen)
            continue
        elif item.type == ItemType.NUMBER:
            if item.role == ItemRole.AGE:
                low, high = (8, 12) if version.instrument.kind == "child" else (26, 52)
            else:
                low, high = item.number_min or 0, min(item.number_max or 10, 10)
            number = rng.randint(low, high)
            rows.append((item, "", number, ""))
            given[item.item_id] = [str(number)]
            continue
        elif item.type == ItemType.TEXT:
            if rng.random() < 0.35:
                texts = PARTNER_TEXT if partner else FREE_TEXT.get(language, FREE_TEXT["sv"])
                rows.append((item, "", None, rng.choice(texts)))
            continue
        else:
            continue
        given[item.item_id] = [value]
        rows.append((item, value, None, ""))
    return rows


def _respond(round_, link, rng, *, count, languages, lift, when, partner=False):
    responses, answers = [], []
    for _ in range(count):
        language = rng.choice(languages)
        rows = _answers_for(round_.version, rng, language=language, lift=lift, partner=partner)
        age = next((n for item, _, n, _ in rows if item.role == ItemRole.AGE), None)
        submitted = when + timedelta(hours=rng.randint(0, 24 * 10))
        responses.append(
            Response(
                round=round_,
                link=link,
                version=round_.version,
                language=language,
                organisation=link.organisation,
                activity=round_.activity,
                age_band=band_for(age) if age is not None else "",
                started_at=submitted - timedelta(minutes=rng.randint(3, 12)),
                submitted_at=submitted,
            )
        )
        answers.append(rows)
    Response.objects.bulk_create(responses)
    Answer.objects.bulk_create(
        Answer(response=response, item=item, value=value, number=number, text=text)
        for response, rows in zip(responses, answers, strict=True)
        for item, value, number, text in rows
    )


def _round(collaboration, version, title, *, opens_on, closes_on, languages, **extra):
    round_ = Round.objects.create(
        collaboration=collaboration,
        version=version,
        title=title,
        opens_on=opens_on,
        closes_on=closes_on,
        languages=languages,
        **extra,
    )
    general = RespondentLink.objects.create(round=round_)
    return round_, general


def _noon(day):
    return timezone.make_aware(timezone.datetime.combine(day, timezone.datetime.min.time())) + (
        timedelta(hours=12)
    )


@transaction.atomic
def seed(collaborations) -> None:
    _item_list.cache_clear()
    versions = install_builtin_instruments()
    today = timezone.localdate()
    for code, collaboration in sorted(collaborations.items()):
        if collaboration.survey_rounds.exists():
            continue
        rng = random.Random(f"surveys-{code}")
        spring = today - timedelta(days=200)
        closed, link = _round(
            collaboration,
            versions["parent"],
            "Föräldraenkät våren",
            opens_on=spring,
            closes_on=spring + timedelta(days=30),
            languages=["sv", "ar", "so", "prs", "en"],
        )
        _respond(
            closed,
            link,
            rng,
            count=rng.randint(28, 40),
            languages=["ar", "ar", "ar", "so", "so", "prs", "sv", "en"],
            lift=0.0,
            when=_noon(spring + timedelta(days=2)),
        )
        opened = today - timedelta(days=14)
        current, link = _round(
            collaboration,
            versions["parent"],
            "Föräldraenkät hösten",
            opens_on=opened,
            closes_on=today + timedelta(days=21),
            languages=["sv", "ar", "so", "ti", "uk", "en"],
        )
        _respond(
            current,
            link,
            rng,
            count=rng.randint(16, 24),
            languages=["ar", "ar", "so", "so", "ti", "uk", "sv"],
            lift=0.6,
            when=_noon(opened),
        )
        partners, _general = _round(
            collaboration,
            versions["partner"],
            "Partnerenkät – vad samverkan förändrade",
            opens_on=today - timedelta(days=30),
            closes_on=today - timedelta(days=2),
            languages=["sv", "en"],
        )
        organisations = [collaboration.lead_organisation, *collaboration.partners.all()]
        for organisation in organisations:
            link = RespondentLink.objects.create(round=partners, organisation=organisation)
            _respond(
                partners,
                link,
                rng,
                count=rng.randint(2, 4),
                languages=["sv"],
                lift=0.4,
                when=_noon(today - timedelta(days=28)),
                partner=True,
            )
        club = collaboration.activities.order_by("id").first()
        if code == "0880" and club is not None:
            feedback, link = _round(
                collaboration,
                versions["feedback"],
                f"Feedback – {club.name}",
                opens_on=today - timedelta(days=35),
                closes_on=today + timedelta(days=35),
                languages=["sv", "sv-easy", "ar", "so", "prs", "ti", "uk", "en"],
                activity=club,
            )
            _respond(
                feedback,
                link,
                rng,
                count=18,
                languages=["ar", "so", "sv", "sv-easy", "uk"],
                lift=0.8,
                when=_noon(today - timedelta(days=30)),
            )
        if code == "2582":
            children, link = _round(
                collaboration,
                versions["child"],
                "Barnenkät – läxhjälp och fritid",
                opens_on=today - timedelta(days=10),
                closes_on=today + timedelta(days=20),
                languages=["sv-easy", "ar", "so", "ti"],
            )
            _respond(
                children,
                link,
                rng,
                count=14,
                languages=["sv-easy", "ar", "so", "ti"],
                lift=0.5,
                when=_noon(today - timedelta(days=9)),
            )
