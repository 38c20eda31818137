"""URLs of the survey instruments pages (see urls.py).

Each version page exists twice with the same view: in a collaboration
(`c/<code>/surveys/versions/<version_code>/...`, name `surveys:<name>`) and on the national
pages, where the national lead manages the built-in instruments
(`national/surveys/versions/<version_code>/...`, name `surveys:national_<name>`).
"""

from django.urls import path

from samverka.surveys import views_instruments as views

COLLABORATION = "c/<str:code>/surveys/"
NATIONAL = "national/surveys/"

# (path after versions/<version_code>/, view, name)
VERSION_PAGES = [
    ("", views.version, "version"),
    ("new-version/", views.version_new, "version_new"),
    ("publish/", views.version_publish, "version_publish"),
    ("edit/", views.version_edit, "version_edit"),
    ("sections/new/", views.section_create, "section_create"),
    ("sections/<str:section_key>/edit/", views.section_edit, "section_edit"),
    ("sections/<str:section_key>/delete/", views.section_delete, "section_delete"),
    ("sections/<str:section_key>/move/", views.section_move, "section_move"),
    ("sections/<str:section_key>/items/new/", views.item_create, "item_create"),
    ("items/<str:item_id>/edit/", views.item_edit, "item_edit"),
    ("items/<str:item_id>/delete/", views.item_delete, "item_delete"),
    ("items/<str:item_id>/move/", views.item_move, "item_move"),
    ("items/<str:item_id>/audio/", views.item_audio, "item_audio"),
    ("items/<str:item_id>/audio/<str:lang>/delete/", views.item_audio_delete, "item_audio_delete"),
    ("items/<str:item_id>/audio/<str:lang>/file", views.item_audio_file, "item_audio_file"),
    ("translate/<str:lang>/", views.translate, "translate"),
    ("translations.xlsx", views.translations_export, "translations_export"),
    ("translations/<str:lang>.po", views.translations_export_po, "translations_export_po"),
    ("translations/import/", views.translations_import, "translations_import"),
    ("languages/<str:lang>/status/", views.language_status, "language_status"),
]

urlpatterns = [
    path(f"{COLLABORATION}instruments/", views.instruments, name="instruments"),
    path(f"{COLLABORATION}instruments/new/", views.instrument_create, name="instrument_create"),
    path(
        f"{COLLABORATION}versions/<str:version_code>/copy/",
        views.version_copy,
        name="version_copy",
    ),
    path(f"{NATIONAL}instruments/", views.instruments, name="national_instruments"),
]
for suffix, view, name in VERSION_PAGES:
    urlpatterns += [
        path(f"{COLLABORATION}versions/<str:version_code>/{suffix}", view, name=name),
        path(f"{NATIONAL}versions/<str:version_code>/{suffix}", view, name=f"national_{name}"),
    ]
