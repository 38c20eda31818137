"""URLs of the survey instruments pages (in the 'surveys' namespace, see surveys/urls.py).

Each version page exists twice with the same view: in a collaboration
(`c/<code>/surveys/versions/<version_code>/...`, name `surveys:<name>`) and on the national
pages, where the national lead manages the built-in instruments
(`national/surveys/versions/<version_code>/...`, name `surveys:national_<name>`).
"""

from django.urls import path

from samverka.surveys.instruments.views import editing, recordings, translations, versions

COLLABORATION = "c/<str:code>/surveys/"
NATIONAL = "national/surveys/"

# (path after versions/<version_code>/, view, name)
VERSION_PAGES = [
    ("", versions.version, "version"),
    ("new-version/", versions.version_new, "version_new"),
    ("publish/", versions.version_publish, "version_publish"),
    ("edit/", versions.version_edit, "version_edit"),
    ("sections/new/", editing.section_create, "section_create"),
    ("sections/<str:section_key>/edit/", editing.section_edit, "section_edit"),
    ("sections/<str:section_key>/delete/", editing.section_delete, "section_delete"),
    ("sections/<str:section_key>/move/", editing.section_move, "section_move"),
    ("sections/<str:section_key>/items/new/", editing.item_create, "item_create"),
    ("items/<str:item_id>/edit/", editing.item_edit, "item_edit"),
    ("items/<str:item_id>/delete/", editing.item_delete, "item_delete"),
    ("items/<str:item_id>/move/", editing.item_move, "item_move"),
    ("items/<str:item_id>/audio/", recordings.item_audio, "item_audio"),
    (
        "items/<str:item_id>/audio/<str:lang>/delete/",
        recordings.item_audio_delete,
        "item_audio_delete",
    ),
    ("items/<str:item_id>/audio/<str:lang>/file", recordings.item_audio_file, "item_audio_file"),
    ("translate/<str:lang>/", translations.translate, "translate"),
    ("translations.xlsx", translations.translations_export, "translations_export"),
    ("translations/<str:lang>.po", translations.translations_export_po, "translations_export_po"),
    ("translations/import/", translations.translations_import, "translations_import"),
    ("languages/<str:lang>/status/", translations.language_status, "language_status"),
]

urlpatterns = [
    path(f"{COLLABORATION}instruments/", versions.instruments, name="instruments"),
    path(f"{COLLABORATION}instruments/new/", versions.instrument_create, name="instrument_create"),
    path(
        f"{COLLABORATION}versions/<str:version_code>/copy/",
        versions.version_copy,
        name="version_copy",
    ),
    path(f"{NATIONAL}instruments/", versions.instruments, name="national_instruments"),
]
for suffix, view, name in VERSION_PAGES:
    urlpatterns += [
        path(f"{COLLABORATION}versions/<str:version_code>/{suffix}", view, name=name),
        path(f"{NATIONAL}versions/<str:version_code>/{suffix}", view, name=f"national_{name}"),
    ]
