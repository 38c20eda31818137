"""Survey instruments for staff: browse, copy, edit with versions, translate, record.

Every view works in one of two places: a collaboration (`c/<code>/surveys/...`: built-in
instruments to read and copy, and the collaboration's own to edit) or the national pages
(`national/surveys/...`: the national lead manages the built-in instruments). The URL decides
(a `code` argument or none); `place.instrument_view` checks access and the rest of each view is
shared.

Reading needs MANAGE_SURVEYS or VIEW_SURVEY_RESULTS; changing needs MANAGE_SURVEYS and a version
the place owns. A published version is frozen (`services.VersionFrozen`); its translation status
and recordings may still change.

- `versions`: the list of instruments, a version's page and what is done to a whole version;
- `editing`: sections and questions of a draft;
- `translations`: the translate form, translation files, translation status;
- `recordings`: questions read aloud.
"""
