"""Small survey instruments, rounds and responses for tests (every part of the feature).

`make_version()` builds a published two-section instrument with one item of every type, a
condition, and texts in Swedish, English and Arabic (other languages missing).
"""

from datetime import timedelta

from django.utils import timezone

from samverka.surveys.instruments.models import (
    DONT_KNOW,
    Instrument,
    InstrumentKind,
    InstrumentVersion,
    Item,
    ItemType,
    Option,
    Section,
    VersionStatus,
)
from samverka.surveys.respond.models import Answer, Response
from samverka.surveys.rounds.models import RespondentLink, Round

LANGS = ("sv", "en", "ar")


def t(sv: str, en: str, ar: str | None = None) -> dict:
    return {"sv": sv, "en": en, "ar": ar if ar is not None else f"{en} (ع)"}


SCALE = [
    ("1", t("Stämmer inte alls", "Not at all true", "غير صحيح إطلاقاً")),
    ("2", t("Stämmer lite", "A little true", "صحيح قليلاً")),
    ("3", t("Stämmer delvis", "Partly true", "صحيح جزئياً")),
    ("4", t("Stämmer ganska bra", "Mostly true", "صحيح إلى حد كبير")),
    ("5", t("Stämmer helt", "Completely true", "صحيح تماماً")),
]
DK = t("Vet inte / vill inte svara", "Don't know / prefer not to say", "لا أعرف / لا أريد الإجابة")


def add_item(section, item_id, type_, question, *, options=None, position=0, **extra) -> Item:
    item = Item.objects.create(
        version=section.version,
        section=section,
        item_id=item_id,
        type=type_,
        text=question,
        position=position,
        **extra,
    )
    if type_ in (ItemType.AGREEMENT, ItemType.FACES):
        options = SCALE
    elif type_ == ItemType.YES_NO:
        options = [("yes", t("Ja", "Yes", "نعم")), ("no", t("Nej", "No", "لا"))]
    options = list(options or [])
    if options and item.allow_dont_know:
        options.append((DONT_KNOW, DK))
    Option.objects.bulk_create(
        Option(item=item, value=value, position=i, label=label)
        for i, (value, label) in enumerate(options)
    )
    return item


def make_version(*, collaboration=None, kind=InstrumentKind.PARENT, published=True, name=None):
    instrument = Instrument.objects.create(
        kind=kind,
        name=name or "Testenkät",
        collaboration=collaboration,
        builtin=collaboration is None,
        key="" if collaboration else f"test-{Instrument.objects.count()}",
    )
    version = InstrumentVersion.objects.create(
        instrument=instrument,
        number=1,
        status=VersionStatus.PUBLISHED if published else VersionStatus.DRAFT,
        published_at=timezone.now() if published else None,
        title=t("Hur har du det?", "How are you?", "كيف حالك؟"),
        intro=t("Några frågor om dig.", "Some questions about you.", "بعض الأسئلة عنك."),
        language_status={"sv": "reviewed", "en": "reviewed", "ar": "draft"},
    )
    first = Section.objects.create(
        version=version, key="network", position=0, title=t("Nätverk", "Network", "الشبكة")
    )
    second = Section.objects.create(
        version=version, key="about", position=1, title=t("Om dig", "About you", "عنك")
    )
    friends = add_item(
        first,
        "T-NET-01",
        ItemType.AGREEMENT,
        t("Jag har vänner här.", "I have friends here.", "لدي أصدقاء هنا."),
        position=0,
        measure="networks",
    )
    add_item(
        first, "T-NET-02", ItemType.FACES, t("Jag trivs.", "I am happy.", "أنا سعيد."), position=1
    )
    has_job = add_item(
        first,
        "T-NET-03",
        ItemType.YES_NO,
        t("Har du arbete?", "Do you have work?", "هل لديك عمل؟"),
        position=2,
    )
    add_item(
        first,
        "T-NET-04",
        ItemType.SINGLE,
        t("Hur många timmar?", "How many hours?", "كم ساعة؟"),
        options=[
            ("part", t("Deltid", "Part time", "دوام جزئي")),
            ("full", t("Heltid", "Full time", "دوام كامل")),
        ],
        position=3,
        condition_item=has_job,
        condition_values=["yes"],
    )
    add_item(
        second,
        "T-ABT-01",
        ItemType.MULTIPLE,
        t("Var träffar du andra?", "Where do you meet others?", "أين تلتقي بالآخرين؟"),
        options=[
            ("school", t("Skolan", "School", "المدرسة")),
            ("library", t("Biblioteket", "Library", "المكتبة")),
            ("sport", t("Idrott", "Sport", "الرياضة")),
        ],
        position=0,
        allow_dont_know=False,
    )
    add_item(
        second,
        "T-ABT-02",
        ItemType.NUMBER,
        t("Hur gammal är du?", "How old are you?", "كم عمرك؟"),
        position=1,
        number_min=0,
        number_max=120,
        role="age",
        allow_dont_know=False,
    )
    add_item(
        second,
        "T-ABT-03",
        ItemType.TEXT,
        t("Något mer?", "Anything else?", "شيء آخر؟"),
        position=2,
        allow_dont_know=False,
    )
    assert friends.pk
    return version


def make_round(collaboration, version=None, *, languages=LANGS, opens_in_days=-7, days=30, **extra):
    version = version or make_version()
    today = timezone.localdate()
    opens_on = today + timedelta(days=opens_in_days)
    round_ = Round.objects.create(
        collaboration=collaboration,
        version=version,
        title=extra.pop("title", "Föräldraenkät hösten"),
        opens_on=opens_on,
        closes_on=opens_on + timedelta(days=days),
        languages=list(languages),
        **extra,
    )
    RespondentLink.objects.create(round=round_)
    return round_


def make_response(round_, answers: dict, *, language="sv", submitted=True, **extra) -> Response:
    """`answers` maps item ids to an option value, a list of values, an int or a text."""
    response = Response.objects.create(
        round=round_,
        link=round_.links.filter(organisation__isnull=True).first(),
        version=round_.version,
        language=language,
        submitted_at=timezone.now() if submitted else None,
        **extra,
    )
    items = {i.item_id: i for i in round_.version.items.all()}
    rows = []
    for item_id, value in answers.items():
        item = items[item_id]
        if item.type == ItemType.NUMBER:
            rows.append(Answer(response=response, item=item, number=int(value)))
        elif item.type == ItemType.TEXT:
            rows.append(Answer(response=response, item=item, text=str(value)))
        else:
            for v in value if isinstance(value, list | tuple) else [value]:
                rows.append(Answer(response=response, item=item, value=str(v)))
    if submitted:
        Answer.objects.bulk_create(rows)
    else:  # a draft keeps its answers on its row until it is sent
        response.draft = {}
        for row in rows:
            answer = [row.value, row.number, row.text]
            response.draft.setdefault(str(row.item.pk), []).append(answer)
        response.save(update_fields=["draft"])
    return response
