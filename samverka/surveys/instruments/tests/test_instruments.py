"""Instrument pages: browsing, copying, editing with versions, translating, recordings."""

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from samverka.audit.models import AuditAction, AuditEvent
from samverka.surveys.builtin.scales import DONT_KNOW_LABEL, FACES_LABELS, SCALE_LABELS
from samverka.surveys.instruments import texts
from samverka.surveys.instruments.models import (
    DONT_KNOW,
    Instrument,
    InstrumentVersion,
    ItemAudio,
    TranslationStatus,
    VersionStatus,
)
from samverka.surveys.instruments.services import (
    EditRefused,
    VersionFrozen,
    editing,
    recordings,
    translations,
)
from samverka.surveys.instruments.services.versions import (
    instrument_copy,
    instrument_create,
    version_publish,
    version_update,
)
from samverka.surveys.tests.factories import make_round, make_version

MP3 = b"ID3\x03\x00\x00\x00\x00\x00\x00" + b"\x00" * 200
OGG = b"OggS\x00\x02" + b"\x00" * 200
WAV = b"RIFF\x24\x00\x00\x00WAVEfmt " + b"\x00" * 200
M4A = b"\x00\x00\x00\x20ftypM4A " + b"\x00" * 200


def url(name, version=None, world=None, **kwargs):
    if version is not None:
        kwargs["version_code"] = version.code
    if world is not None:
        kwargs["code"] = world.kalmar.code
    return reverse(f"surveys:{name}", kwargs=kwargs)


@pytest.fixture
def own(world):
    """Kalmar's own draft instrument (two sections, an item of every type, a condition)."""
    return make_version(collaboration=world.kalmar, published=False, name="Kalmars enkät")


@pytest.fixture
def builtin(db):
    return make_version(name="Inbyggd föräldraenkät")


def item_post(**overrides):
    data = {
        "item_id": "T-NEW-01",
        "type": "agreement",
        "text_sv": "Jag känner mig trygg.",
        "text_en": "I feel safe.",
        "help_sv": "",
        "help_en": "",
        "options": "",
        "allow_dont_know": "on",
        "number_min": "",
        "number_max": "",
        "role": "",
        "measure": "",
    }
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


# ------------------------------------------------------------------------------- browsing


def test_coordinator_sees_builtin_and_own_instruments_with_language_states(
    world, login_as, own, builtin
):
    make_round(world.kalmar, builtin)
    response = login_as(world.kalmar_ngo).get(url("instruments", world=world))
    assert response.status_code == 200
    body = response.content.decode()
    assert "Kalmars enkät" in body
    assert "Inbyggd föräldraenkät" in body
    assert "1 omgång" in body
    assert "saknas" in body  # the missing languages of the test instrument
    assert url("version_copy", builtin, world) in body


def test_boden_coordinator_sees_builtins_but_not_kalmars_own_instrument(
    world, login_as, own, builtin
):
    client = login_as(world.boden_ngo)
    listing = client.get(reverse("surveys:instruments", args=[world.boden.code]))
    assert "Kalmars enkät" not in listing.content.decode()
    assert "Inbyggd föräldraenkät" in listing.content.decode()
    kalmar_own = reverse(
        "surveys:version", kwargs={"code": world.boden.code, "version_code": own.code}
    )
    assert client.get(kalmar_own).status_code == 404
    shared = reverse(
        "surveys:version", kwargs={"code": world.boden.code, "version_code": builtin.code}
    )
    assert client.get(shared).status_code == 200
    copy = reverse(
        "surveys:version_copy", kwargs={"code": world.boden.code, "version_code": own.code}
    )
    assert client.post(copy).status_code == 404
    assert Instrument.objects.filter(collaboration=world.boden).count() == 0


def test_builtin_drafts_are_not_offered_to_collaborations(world, login_as):
    draft = make_version(published=False, name="Halvfärdig")
    client = login_as(world.kalmar_ngo)
    assert "Halvfärdig" not in client.get(url("instruments", world=world)).content.decode()
    assert client.get(url("version", draft, world)).status_code == 404


@pytest.mark.parametrize("persona", ["kalmar_ledare", "forskare"])
def test_readers_see_instruments_but_cannot_change_them(world, login_as, own, persona):
    client = login_as(getattr(world, persona))
    assert client.get(url("instruments", world=world)).status_code == 200
    page = client.get(url("version", own, world))
    assert page.status_code == 200
    assert url("item_edit", own, world, item_id="T-NET-01") not in page.content.decode()
    assert client.get(url("version_edit", own, world)).status_code == 403
    assert client.post(url("version_publish", own, world)).status_code == 403
    assert client.post(url("version_copy", own, world)).status_code == 403
    assert client.get(url("item_edit", own, world, item_id="T-NET-01")).status_code == 403
    assert client.get(url("translations_export", own, world)).status_code == 403
    assert client.post(url("language_status", own, world, lang="ar")).status_code == 403
    own.refresh_from_db()
    assert own.status == VersionStatus.DRAFT


def test_partner_cannot_open_instrument_pages(world, login_as, own):
    client = login_as(world.kalmar_partner_user)
    assert client.get(url("instruments", world=world)).status_code == 403
    assert client.get(url("version", own, world)).status_code == 403
    assert client.get(url("item_audio", own, world, item_id="T-NET-01")).status_code == 403


def test_municipal_contact_may_edit_own_instruments(world, login_as, own):
    client = login_as(world.kalmar_kommun)
    response = client.post(
        url("item_create", own, world, section_key="about"), item_post(item_id="T-ABT-04")
    )
    assert response.status_code == 302
    assert own.items.filter(item_id="T-ABT-04").exists()


def test_version_page_previews_in_the_chosen_language_right_to_left(world, login_as, own):
    response = login_as(world.kalmar_ngo).get(url("version", own, world) + "?lang=ar")
    body = response.content.decode()
    assert 'lang="ar" dir="rtl"' in body
    assert "لدي أصدقاء هنا." in body
    assert "T-NET-04" in body and "T-NET-03" in body  # the condition is shown
    somali = login_as(world.kalmar_ngo).get(url("version", own, world) + "?lang=so")
    assert "översättning saknas" in somali.content.decode()
    assert "Jag har vänner här." in somali.content.decode()  # the Swedish source meanwhile


def test_version_page_lists_missing_texts_per_language(world, login_as, own):
    body = login_as(world.kalmar_ngo).get(url("version", own, world)).content.decode()
    assert 'id="translation-status"' in body
    total = sum(1 for u in texts.text_units(own) if u.required)
    somali = body[body.index('id="language-so"') :]
    assert f"{total} saknas" in somali[: somali.index("</li>")]  # every text is missing


# ---------------------------------------------------------------------------------- copies


def test_coordinator_copies_a_builtin_and_edits_the_copy(world, login_as, builtin):
    client = login_as(world.kalmar_ngo)
    response = client.post(url("version_copy", builtin, world))
    instrument = Instrument.objects.get(collaboration=world.kalmar)
    copy = instrument.versions.get()
    assert response["Location"] == url("version", copy, world)
    assert copy.status == VersionStatus.DRAFT
    assert instrument.copied_from == builtin

    edit = client.post(
        url("item_edit", copy, world, item_id="T-NET-01"),
        item_post(item_id="T-NET-01", text_sv="Jag har goda vänner här.", measure="networks"),
    )
    assert edit.status_code == 302
    assert copy.items.get(item_id="T-NET-01").text["sv"] == "Jag har goda vänner här."
    assert builtin.items.get(item_id="T-NET-01").text["sv"] == "Jag har vänner här."


def test_coordinator_cannot_edit_a_builtin_instrument(world, login_as, builtin):
    client = login_as(world.kalmar_ngo)
    assert client.get(url("item_edit", builtin, world, item_id="T-NET-01")).status_code == 403
    assert client.post(url("version_new", builtin, world)).status_code == 403
    assert client.get(url("translate", builtin, world, lang="so")).status_code == 403
    assert builtin.instrument.versions.count() == 1


# ------------------------------------------------------------------------------- versions


def test_editing_a_published_version_makes_version_2_and_leaves_version_1(world, login_as):
    published = make_version(collaboration=world.kalmar, name="Kalmars enkät")
    client = login_as(world.kalmar_ngo)
    frozen = client.get(url("item_edit", published, world, item_id="T-NET-01"))
    assert frozen.status_code == 302
    assert frozen["Location"] == url("version", published, world)

    response = client.post(url("version_new", published, world))
    draft = published.instrument.versions.get(number=2)
    assert response["Location"] == url("version", draft, world)
    client.post(
        url("item_edit", draft, world, item_id="T-NET-01"),
        item_post(item_id="T-NET-01", text_sv="Jag har många vänner här."),
    )
    assert draft.items.get(item_id="T-NET-01").text["sv"] == "Jag har många vänner här."
    assert published.items.get(item_id="T-NET-01").text["sv"] == "Jag har vänner här."
    assert published.items.get(item_id="T-NET-01").type == "agreement"

    again = client.post(url("version_new", published, world))
    assert again["Location"] == url("version", draft, world)
    assert published.instrument.versions.count() == 2


def test_the_service_refuses_to_change_a_published_version(world, own):
    version_publish(version=own, by=None)
    item = own.items.get(item_id="T-NET-01")
    with pytest.raises(VersionFrozen):
        translations.texts_apply(version=own, by=None, changes=[("version.title", "so", "Xaalad")])
    with pytest.raises(VersionFrozen):
        editing.item_delete(item=item, by=None)
    with pytest.raises(VersionFrozen):
        version_update(version=own, by=None, name="x", title={"sv": "Ny"}, intro={}, attribution="")
    assert own.items.filter(item_id="T-NET-01").exists()
    assert "so" not in own.title


def test_version_edit_changes_title_and_resets_reviewed_statuses(world, login_as, own):
    client = login_as(world.kalmar_ngo)
    response = client.post(
        url("version_edit", own, world),
        {
            "name": "Kalmars nya enkät",
            "title_sv": "Hur mår du?",
            "title_en": "How are you?",
            "intro_sv": "Några frågor.",
            "intro_en": "Some questions about you.",
            "attribution": "",
        },
    )
    assert response.status_code == 302
    own.refresh_from_db()
    assert own.title["sv"] == "Hur mår du?"
    assert own.title["ar"] == "كيف حالك؟"  # translations stay, as drafts
    assert own.instrument.name == "Kalmars nya enkät"
    assert own.language_status["en"] == TranslationStatus.DRAFT  # the source changed
    event = AuditEvent.objects.filter(object_code=own.code, action=AuditAction.UPDATE).first()
    assert set(event.fields) >= {"name", "title", "intro", "language_status"}
    assert "Hur mår du?" not in str(event.fields) + event.detail


# ------------------------------------------------------------------------------- publishing


def test_publishing_a_complete_draft(world, login_as, own):
    response = login_as(world.kalmar_ngo).post(url("version_publish", own, world))
    assert response.status_code == 302
    own.refresh_from_db()
    assert own.status == VersionStatus.PUBLISHED


def test_a_version_without_questions_cannot_be_published(world, login_as):
    version = instrument_create(
        collaboration=world.kalmar, by=None, name="Tom", kind="other", title={"sv": "Tom"}
    )
    client = login_as(world.kalmar_ngo)
    response = client.post(url("version_publish", version, world), follow=True)
    version.refresh_from_db()
    assert version.status == VersionStatus.DRAFT
    assert "har inga frågor" in response.content.decode()


@pytest.mark.parametrize("target", ["later", "itself"])
def test_a_condition_on_a_later_item_or_itself_blocks_publishing(world, login_as, own, target):
    item = own.items.get(item_id="T-NET-01")
    item.condition_item = own.items.get(item_id="T-NET-03") if target == "later" else item
    item.condition_values = ["yes"] if target == "later" else ["1"]
    item.save()
    client = login_as(world.kalmar_ngo)
    response = client.post(url("version_publish", own, world), follow=True)
    own.refresh_from_db()
    assert own.status == VersionStatus.DRAFT
    assert "T-NET-01" in response.content.decode()
    assert 'id="publish-problems"' in response.content.decode()


def test_a_section_without_questions_blocks_publishing(world, own):
    editing.section_create(version=own, by=None, key="", title={"sv": "Tom del"}, intro={})
    with pytest.raises(EditRefused):
        version_publish(version=own, by=None)
    own.refresh_from_db()
    assert own.status == VersionStatus.DRAFT


# ---------------------------------------------------------------------------------- items


def test_an_agreement_item_gets_the_standard_scale_in_every_language(world, login_as, own):
    client = login_as(world.kalmar_ngo)
    client.post(url("item_create", own, world, section_key="about"), item_post())
    item = own.items.get(item_id="T-NEW-01")
    values = [o.value for o in item.options.all()]
    assert values == ["1", "2", "3", "4", "5", DONT_KNOW]
    first = item.options.get(value="1")
    assert first.label == {lang: labels["1"] for lang, labels in SCALE_LABELS.items()}
    assert item.options.get(value=DONT_KNOW).label == DONT_KNOW_LABEL
    assert item.section.key == "about"
    assert list(item.section.items.values_list("position", flat=True)) == [0, 1, 2, 3]


def test_changing_a_scale_to_faces_takes_the_faces_words(world, own):
    item = own.items.get(item_id="T-NET-01")
    editing.item_update(
        item=item,
        item_id="T-NET-01",
        type="faces",
        text={"sv": "Jag har vänner här."},
        allow_dont_know=False,
        by=None,
    )
    assert [o.value for o in item.options.all()] == ["1", "2", "3", "4", "5"]
    assert item.options.get(value="5").label["sv"] == FACES_LABELS["sv"]["5"]


def test_a_choice_item_gets_its_options_from_lines(world, login_as, own):
    client = login_as(world.kalmar_ngo)
    client.post(
        url("item_create", own, world, section_key="about"),
        item_post(
            type="single",
            options=(
                "rent | Hyresrätt | Rented flat\nown | Egen bostad\n\ntemp|Tillfälligt|Temporary"
            ),
        ),
    )
    item = own.items.get(item_id="T-NEW-01")
    assert [o.value for o in item.options.all()] == ["rent", "own", "temp", DONT_KNOW]
    assert item.options.get(value="own").label == {"sv": "Egen bostad"}
    assert item.options.get(value="temp").label == {"sv": "Tillfälligt", "en": "Temporary"}


@pytest.mark.parametrize(
    "options, message",
    [
        ("one | En", "minst två svarsalternativ"),
        ("a | A\na | B", "förekommer två gånger"),
        ("dk | Vet inte\nb | B", "vet inte"),
        ("a b | A\nc | C", "inte ett användbart värde"),
        ("a\nb | B", "Rad 1"),
        ("a | | A\nb | B", "svenska etiketten saknas"),
    ],
)
def test_bad_option_lines_are_refused_and_change_nothing(world, login_as, own, options, message):
    response = login_as(world.kalmar_ngo).post(
        url("item_create", own, world, section_key="about"),
        item_post(type="multiple", options=options),
    )
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not own.items.filter(item_id="T-NEW-01").exists()


def test_options_of_a_draft_item_can_be_changed_and_removed(world, login_as, own):
    client = login_as(world.kalmar_ngo)
    item = own.items.get(item_id="T-ABT-01")
    client.post(
        url("item_edit", own, world, item_id="T-ABT-01"),
        item_post(
            item_id="T-ABT-01",
            type="multiple",
            text_sv=item.text["sv"],
            options=(
                "school | Skolan | School\nsport | Idrotten | Sport\nchurch | Moskén eller kyrkan"
            ),
            allow_dont_know=None,
        ),
    )
    item.refresh_from_db()
    assert [o.value for o in item.options.all()] == ["school", "sport", "church"]
    sport = item.options.get(value="sport")
    assert sport.label["sv"] == "Idrotten"
    assert sport.label["ar"] == "الرياضة"  # other languages are kept


def test_an_option_used_by_a_condition_cannot_be_removed(world, login_as, own):
    response = login_as(world.kalmar_ngo).post(
        url("item_edit", own, world, item_id="T-NET-03"),
        item_post(item_id="T-NET-03", type="single", options="no | Nej\nmaybe | Kanske"),
    )
    assert response.status_code == 200
    assert "T-NET-04" in response.content.decode()
    assert own.items.get(item_id="T-NET-03").type == "yes_no"


def test_the_item_id_can_change_in_a_draft_but_must_stay_unique(world, login_as, own):
    client = login_as(world.kalmar_ngo)
    taken = client.post(
        url("item_edit", own, world, item_id="T-NET-01"), item_post(item_id="T-NET-02")
    )
    assert taken.status_code == 200
    assert "annan fråga i den här versionen har detta id" in taken.content.decode()
    bad = client.post(url("item_edit", own, world, item_id="T-NET-01"), item_post(item_id="a b"))
    assert bad.status_code == 200
    renamed = client.post(
        url("item_edit", own, world, item_id="T-NET-01"), item_post(item_id="T-NET-10")
    )
    assert renamed.status_code == 302
    assert own.items.filter(item_id="T-NET-10").exists()


def test_a_condition_refers_to_an_earlier_choice_item(world, login_as, own):
    client = login_as(world.kalmar_ngo)
    response = client.post(
        url("item_create", own, world, section_key="about"),
        item_post(condition=["T-ABT-01:library", "T-ABT-01:sport"]),
    )
    assert response.status_code == 302
    item = own.items.get(item_id="T-NEW-01")
    assert item.condition_item.item_id == "T-ABT-01"
    assert item.condition_values == ["library", "sport"]


def test_a_condition_cannot_refer_to_a_later_item(world, login_as, own):
    client = login_as(world.kalmar_ngo)
    form = client.get(url("item_edit", own, world, item_id="T-NET-01")).content.decode()
    assert "T-NET-03:yes" not in form  # only earlier questions are offered
    response = client.post(
        url("item_edit", own, world, item_id="T-NET-01"),
        item_post(item_id="T-NET-01", condition=["T-NET-03:yes"]),
    )
    assert response.status_code == 200
    assert own.items.get(item_id="T-NET-01").condition_item is None


def test_a_condition_names_one_question_only(world, login_as, own):
    response = login_as(world.kalmar_ngo).post(
        url("item_create", own, world, section_key="about"),
        item_post(condition=["T-NET-03:yes", "T-NET-01:5"]),
    )
    assert response.status_code == 200
    assert not own.items.filter(item_id="T-NEW-01").exists()


def test_number_items_check_their_range_and_the_age_role(world, login_as, own):
    client = login_as(world.kalmar_ngo)
    reversed_range = client.post(
        url("item_create", own, world, section_key="about"),
        item_post(type="number", number_min="10", number_max="2"),
    )
    assert reversed_range.status_code == 200
    second_age = client.post(
        url("item_create", own, world, section_key="about"), item_post(type="number", role="age")
    )
    assert second_age.status_code == 200
    assert "anger redan åldern" in second_age.content.decode()
    ok = client.post(
        url("item_create", own, world, section_key="about"),
        item_post(type="number", number_min="0", number_max="30", allow_dont_know=None),
    )
    assert ok.status_code == 302
    item = own.items.get(item_id="T-NEW-01")
    assert (item.number_min, item.number_max) == (0, 30)
    assert item.options.count() == 0


def test_moving_items_keeps_positions_dense_and_crosses_sections(world, login_as, own):
    client = login_as(world.kalmar_ngo)
    client.post(url("item_move", own, world, item_id="T-ABT-01"), {"direction": "up"})
    first = own.sections.get(key="network")
    second = own.sections.get(key="about")
    assert list(first.items.values_list("item_id", flat=True)) == [
        "T-NET-01",
        "T-NET-02",
        "T-NET-03",
        "T-NET-04",
        "T-ABT-01",
    ]
    assert list(first.items.values_list("position", flat=True)) == [0, 1, 2, 3, 4]
    assert list(second.items.values_list("position", flat=True)) == [0, 1]
    client.post(url("item_move", own, world, item_id="T-NET-02"), {"direction": "down"})
    assert list(first.items.values_list("item_id", flat=True))[1:3] == ["T-NET-03", "T-NET-02"]


def test_a_move_that_puts_a_condition_after_its_question_is_refused(world, login_as, own):
    client = login_as(world.kalmar_ngo)
    response = client.post(
        url("item_move", own, world, item_id="T-NET-04"), {"direction": "up"}, follow=True
    )
    assert "T-NET-04" in response.content.decode()
    network = own.sections.get(key="network")
    assert list(network.items.values_list("item_id", flat=True)) == [
        "T-NET-01",
        "T-NET-02",
        "T-NET-03",
        "T-NET-04",
    ]


def test_an_item_others_depend_on_cannot_be_deleted(world, login_as, own):
    client = login_as(world.kalmar_ngo)
    page = client.get(url("item_delete", own, world, item_id="T-NET-03"))
    assert "T-NET-04" in page.content.decode()
    client.post(url("item_delete", own, world, item_id="T-NET-03"))
    assert own.items.filter(item_id="T-NET-03").exists()
    client.post(url("item_delete", own, world, item_id="T-NET-04"))
    client.post(url("item_delete", own, world, item_id="T-NET-03"))
    assert not own.items.filter(item_id__in=["T-NET-03", "T-NET-04"]).exists()
    assert list(own.sections.get(key="network").items.values_list("position", flat=True)) == [
        0,
        1,
    ]
    assert AuditEvent.objects.filter(
        action=AuditAction.DELETE, object_code=own.code, detail="item T-NET-03"
    ).exists()


# ------------------------------------------------------------------------------- sections


def test_sections_are_created_edited_moved_and_deleted(world, login_as, own):
    client = login_as(world.kalmar_ngo)
    client.post(
        url("section_create", own, world),
        {"title_sv": "Boende", "title_en": "Housing", "intro_sv": "", "intro_en": "", "key": ""},
    )
    housing = own.sections.get(key="boende")
    assert housing.position == 2
    client.post(
        url("section_edit", own, world, section_key="boende"),
        {
            "title_sv": "Ditt boende",
            "title_en": "Housing",
            "intro_sv": "",
            "intro_en": "",
            "key": "housing",
        },
    )
    housing.refresh_from_db()
    assert (housing.key, housing.title["sv"]) == ("housing", "Ditt boende")
    client.post(url("section_move", own, world, section_key="housing"), {"direction": "up"})
    assert list(own.sections.values_list("key", flat=True)) == ["network", "housing", "about"]
    client.post(url("section_delete", own, world, section_key="housing"))
    assert list(own.sections.values_list("key", "position")) == [("network", 0), ("about", 1)]


def test_a_section_with_questions_others_depend_on_is_not_deleted(world, login_as, own):
    other = own.items.get(item_id="T-ABT-03")
    other.condition_item = own.items.get(item_id="T-NET-03")
    other.condition_values = ["yes"]
    other.save()
    response = login_as(world.kalmar_ngo).post(
        url("section_delete", own, world, section_key="network"), follow=True
    )
    assert "T-ABT-03" in response.content.decode()
    assert own.sections.filter(key="network").exists()


def test_section_keys_are_unique_in_a_version(world, login_as, own):
    response = login_as(world.kalmar_ngo).post(
        url("section_edit", own, world, section_key="about"),
        {"title_sv": "Om dig", "title_en": "", "intro_sv": "", "intro_en": "", "key": "network"},
    )
    assert response.status_code == 200
    assert own.sections.filter(key="about").exists()


# ---------------------------------------------------------------------------- translations


def test_translate_form_saves_texts_and_makes_the_language_a_draft(world, login_as, own):
    own.language_status = {**own.language_status, "ar": "reviewed"}
    own.save()
    client = login_as(world.kalmar_ngo)
    page = client.get(url("translate", own, world, lang="ar"))
    assert page.status_code == 200
    form = page.context["form"]
    data = {name: form[name].value() or "" for name in form.fields}
    data["text__item.T-NET-01.text"] = "عندي أصدقاء هنا."
    data["status"] = ""
    response = client.post(url("translate", own, world, lang="ar"), data)
    assert response.status_code == 302
    own.refresh_from_db()
    assert own.items.get(item_id="T-NET-01").text["ar"] == "عندي أصدقاء هنا."
    assert own.language_status["ar"] == TranslationStatus.DRAFT
    event = AuditEvent.objects.filter(object_code=own.code).first()
    assert "texts.ar" in event.fields
    assert "عندي" not in event.detail


def test_translate_form_notices_a_change_made_meanwhile(world, login_as, own):
    client = login_as(world.kalmar_ngo)
    form = client.get(url("translate", own, world, lang="ar")).context["form"]
    data = {name: form[name].value() or "" for name in form.fields}
    translations.texts_apply(
        version=own, by=None, changes=[("item.T-NET-02.text", "ar", "أنا سعيد جداً.")]
    )
    data["text__item.T-NET-01.text"] = "عندي أصدقاء هنا."
    response = client.post(url("translate", own, world, lang="ar"), data)
    assert response.status_code == 200
    assert "Någon ändrade" in response.content.decode()
    assert own.items.get(item_id="T-NET-01").text["ar"] == "لدي أصدقاء هنا."


def test_only_missing_texts_can_be_listed(world, login_as, own):
    client = login_as(world.kalmar_ngo)
    translations.texts_apply(
        version=own, by=None, changes=[("version.title", "so", "Sidee tahay?")]
    )
    page = client.get(url("translate", own, world, lang="so") + "?missing=1")
    keys = [unit.key for unit, _field in page.context["form"].rows]
    assert "version.title" not in keys
    assert "item.T-NET-01.text" in keys


def test_swedish_is_not_translated_into_and_published_versions_are_frozen(world, login_as, own):
    client = login_as(world.kalmar_ngo)
    assert client.get(url("translate", own, world, lang="sv")).status_code == 404
    assert client.get(url("translate", own, world, lang="de")).status_code == 404
    version_publish(version=own, by=None)
    assert client.get(url("translate", own, world, lang="so")).status_code == 302


def test_a_language_with_missing_texts_cannot_be_marked_reviewed(world, login_as, own):
    client = login_as(world.kalmar_ngo)
    response = client.post(
        url("language_status", own, world, lang="so"), {"status": "reviewed"}, follow=True
    )
    assert "somaliska kan inte markeras som granskad" in response.content.decode().lower()
    own.refresh_from_db()
    assert "so" not in own.language_status


def test_status_can_be_set_on_a_published_version_and_is_audited(world, login_as):
    published = make_version(collaboration=world.kalmar)
    client = login_as(world.kalmar_ngo)
    client.post(url("language_status", published, world, lang="ar"), {"status": "back_translated"})
    published.refresh_from_db()
    assert published.language_status["ar"] == "back_translated"
    assert texts.language_states(published)["ar"] == TranslationStatus.BACK_TRANSLATED
    event = AuditEvent.objects.filter(object_code=published.code).first()
    assert event.fields == ["language_status"]
    assert event.detail == "ar"
    client.post(url("language_status", published, world, lang="ar"), {"status": "missing"})
    published.refresh_from_db()
    assert published.language_status["ar"] == "back_translated"


def test_changing_the_swedish_source_makes_every_checked_language_a_draft(world, own):
    own.language_status = {"sv": "reviewed", "en": "back_translated", "ar": "reviewed"}
    own.save()
    translations.texts_apply(
        version=own, by=None, changes=[("item.T-NET-01.text", "sv", "Ny text.")]
    )
    own.refresh_from_db()
    assert set(own.language_status.values()) == {"draft"}


# ------------------------------------------------------------------------------- recordings


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.mark.parametrize(
    "name, content, content_type",
    [
        ("fraga.mp3", MP3, "audio/mpeg"),
        ("fraga.ogg", OGG, "audio/ogg"),
        ("fraga.wav", WAV, "audio/wav"),
        ("fraga.m4a", M4A, "audio/mp4"),
        ("fraga.webm", b"\x1a\x45\xdf\xa3" + b"\x00" * 100, "audio/webm"),
    ],
)
def test_recordings_are_uploaded_and_played(
    world, login_as, own, media, name, content, content_type
):
    client = login_as(world.kalmar_ngo)
    response = client.post(
        url("item_audio", own, world, item_id="T-NET-01"),
        {"language": "ar", "file": SimpleUploadedFile(name, content)},
    )
    assert response.status_code == 302
    audio = ItemAudio.objects.get(item__version=own, item__item_id="T-NET-01", language="ar")
    assert audio.content_type == content_type
    played = client.get(url("item_audio_file", own, world, item_id="T-NET-01", lang="ar"))
    assert played.status_code == 200
    assert played["Content-Type"] == content_type
    assert b"".join(played.streaming_content) == content
    page = client.get(url("item_audio", own, world, item_id="T-NET-01")).content.decode()
    assert "<audio controls" in page


@pytest.mark.parametrize(
    "name, content, message",
    [
        ("fraga.txt", MP3, "MP3, M4A, OGG, WebM eller WAV"),
        ("fraga.mp3", b"<html>not audio</html>", "inte den inspelning"),
        ("fraga.ogg", MP3, "inte den inspelning"),
        ("fraga.mp3", b"ID3" + b"\x00" * (5 * 1024 * 1024), "för stor"),
    ],
)
def test_bad_recordings_are_refused(world, login_as, own, media, name, content, message):
    response = login_as(world.kalmar_ngo).post(
        url("item_audio", own, world, item_id="T-NET-01"),
        {"language": "ar", "file": SimpleUploadedFile(name, content)},
    )
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not ItemAudio.objects.exists()
    assert not any(media.rglob("*.*"))


def test_a_recording_is_replaced_and_deleted_with_its_file(
    world, login_as, own, media, django_capture_on_commit_callbacks
):
    client = login_as(world.kalmar_ngo)
    target = url("item_audio", own, world, item_id="T-NET-01")
    client.post(target, {"language": "so", "file": SimpleUploadedFile("a.mp3", MP3)})
    first = ItemAudio.objects.get().file.name
    with django_capture_on_commit_callbacks(execute=True):
        client.post(target, {"language": "so", "file": SimpleUploadedFile("b.ogg", OGG)})
    audio = ItemAudio.objects.get()
    assert audio.content_type == "audio/ogg"
    assert not (media / first).exists()
    client.post(url("item_audio_delete", own, world, item_id="T-NET-01", lang="so"))
    assert not ItemAudio.objects.exists()
    assert AuditEvent.objects.filter(action=AuditAction.DELETE, fields=["audio"]).exists()


def test_recordings_may_change_on_a_published_version(world, login_as, media):
    published = make_version(collaboration=world.kalmar)
    response = login_as(world.kalmar_ngo).post(
        url("item_audio", published, world, item_id="T-NET-01"),
        {"language": "ar", "file": SimpleUploadedFile("a.mp3", MP3)},
    )
    assert response.status_code == 302
    assert ItemAudio.objects.filter(item__version=published).count() == 1


def test_readers_listen_but_do_not_upload(world, login_as, own, media):
    recordings.audio_save(
        item=own.items.get(item_id="T-NET-01"),
        by=None,
        language="ar",
        upload=SimpleUploadedFile("a.mp3", MP3),
        content_type="audio/mpeg",
    )
    client = login_as(world.kalmar_ledare)
    page = client.get(url("item_audio", own, world, item_id="T-NET-01"))
    assert page.status_code == 200
    assert 'type="file"' not in page.content.decode()
    assert (
        client.get(url("item_audio_file", own, world, item_id="T-NET-01", lang="ar")).status_code
        == 200
    )
    refused = client.post(
        url("item_audio", own, world, item_id="T-NET-01"),
        {"language": "so", "file": SimpleUploadedFile("a.mp3", MP3)},
    )
    assert refused.status_code == 403
    assert (
        client.post(url("item_audio_delete", own, world, item_id="T-NET-01", lang="ar")).status_code
        == 403
    )
    assert ItemAudio.objects.count() == 1


def test_a_copy_keeps_a_shared_recording_when_the_original_is_deleted(
    world, media, django_capture_on_commit_callbacks
):
    version = make_version(collaboration=world.kalmar, published=False)
    audio = recordings.audio_save(
        item=version.items.get(item_id="T-NET-01"),
        by=None,
        language="ar",
        upload=SimpleUploadedFile("a.mp3", MP3),
        content_type="audio/mpeg",
    )
    copy = instrument_copy(version=version, by=None, collaboration=world.kalmar).versions.get()
    with django_capture_on_commit_callbacks(execute=True):
        recordings.audio_delete(audio=audio, by=None)
    kept = ItemAudio.objects.get(item__version=copy)
    assert (media / kept.file.name).exists()


# ------------------------------------------------------------------------ national lead


def test_national_lead_manages_builtin_instruments(world, login_as, builtin):
    client = login_as(world.nationell)
    listing = client.get(reverse("surveys:national_instruments"))
    assert listing.status_code == 200
    assert "Inbyggd föräldraenkät" in listing.content.decode()
    response = client.post(reverse("surveys:national_version_new", args=[builtin.code]))
    draft = builtin.instrument.versions.get(number=2)
    assert response["Location"] == reverse("surveys:national_version", args=[draft.code])
    client.post(
        reverse("surveys:national_item_edit", args=[draft.code, "T-NET-01"]),
        item_post(item_id="T-NET-01", text_sv="Jag har vänner i Sverige."),
    )
    client.post(reverse("surveys:national_version_publish", args=[draft.code]))
    draft.refresh_from_db()
    assert draft.status == VersionStatus.PUBLISHED
    assert draft.items.get(item_id="T-NET-01").text["sv"] == "Jag har vänner i Sverige."
    assert builtin.items.get(item_id="T-NET-01").text["sv"] == "Jag har vänner här."


def test_national_pages_do_not_reach_a_collaborations_own_instrument(world, login_as, own):
    client = login_as(world.nationell)
    assert client.get(reverse("surveys:national_version", args=[own.code])).status_code == 404


def test_coordinators_do_not_reach_national_instrument_pages(world, login_as, builtin):
    client = login_as(world.kalmar_ngo)
    assert client.get(reverse("surveys:national_instruments")).status_code == 404
    assert (
        client.post(reverse("surveys:national_version_new", args=[builtin.code])).status_code == 404
    )
    assert InstrumentVersion.objects.filter(instrument=builtin.instrument).count() == 1


def test_instrument_create_starts_an_empty_draft(world, login_as):
    client = login_as(world.kalmar_ngo)
    response = client.post(
        url("instrument_create", world=world),
        {"name": "Enkät om läxhjälp", "kind": "feedback", "title_sv": "Läxhjälpen", "title_en": ""},
    )
    instrument = Instrument.objects.get(collaboration=world.kalmar)
    version = instrument.versions.get()
    assert response["Location"] == url("version", version, world)
    assert version.title == {"sv": "Läxhjälpen"}
    assert (
        login_as(world.kalmar_ledare).get(url("instrument_create", world=world)).status_code == 403
    )


# --------------------------------------------------------------------- every URL, every role

READ_PAGES = {"version", "item_audio", "item_audio_file"}
GET_ONLY = {"version", "item_audio_file", "translations_export", "translations_export_po"}
POST_ONLY = {
    "version_new",
    "version_publish",
    "section_move",
    "item_move",
    "item_audio_delete",
    "language_status",
}


def _every_version_url(world, version):
    from samverka.surveys.instruments.urls import VERSION_PAGES

    values = {
        "code": world.kalmar.code,
        "version_code": version.code,
        "section_key": "network",
        "item_id": "T-NET-01",
        "lang": "ar",
    }
    for suffix, _view, name in VERSION_PAGES:
        names = re.findall(r"<str:(\w+)>", suffix)
        kwargs = {key: values[key] for key in ["code", "version_code", *names]}
        yield name, reverse(f"surveys:{name}", kwargs=kwargs)


@pytest.mark.parametrize("persona", ["kalmar_ledare", "forskare", "kalmar_partner_user"])
def test_every_changing_page_refuses_roles_without_manage_surveys(world, login_as, own, persona):
    client = login_as(getattr(world, persona))
    before = {unit.key: dict(unit.texts) for unit in texts.text_units(own)}
    for name, address in _every_version_url(world, own):
        if name in READ_PAGES and persona != "kalmar_partner_user":
            continue
        method = client.post if name in POST_ONLY else client.get
        assert method(address).status_code == 403, name
        if name not in GET_ONLY:
            posted = client.post(address, {"status": "draft", "direction": "up"})
            assert posted.status_code == 403, name
    own.refresh_from_db()
    assert {unit.key: dict(unit.texts) for unit in texts.text_units(own)} == before
    assert own.status == VersionStatus.DRAFT
    assert own.items.count() == 7


def test_every_version_page_answers_the_coordinator(world, login_as, own, media):
    recordings.audio_save(
        item=own.items.get(item_id="T-NET-01"),
        by=None,
        language="ar",
        upload=SimpleUploadedFile("a.mp3", MP3),
        content_type="audio/mpeg",
    )
    client = login_as(world.kalmar_ngo)
    for name, address in _every_version_url(world, own):
        if name in POST_ONLY or name == "item_audio_delete":
            continue
        assert client.get(address).status_code == 200, name
