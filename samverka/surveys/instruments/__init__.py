"""Survey instruments: the questionnaires, in versions, in the eight family languages.

Staff copy a built-in instrument (`surveys/builtin/`) or start their own, edit a draft (sections,
questions, conditions), translate it (a form, XLSX or PO files), record questions read aloud and
publish it; a published version is frozen. The national lead manages the built-in ones.
"""
