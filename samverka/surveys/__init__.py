"""Surveys: families, children and partners answer in their own language; staff see results that
never show a group of fewer than five.

One room per part of the work, each with its own models, services, selectors, forms, views and
urls as it needs them:
- `instruments/`: the questionnaires, in versions, translated and recorded;
- `rounds/`: asking one version in a collaboration between two dates, through public links;
- `respond/`: the public pages /s/<code> where respondents answer and send;
- `results/`: the controlled figures, comparisons, exports and free-text answers.

Shared: `builtin/` (the four instruments we ship, and their install), `management/commands/`,
`models.py` (gathers the rooms' models: one app, one migration history) and `urls.py` (gathers
the rooms' URLs in the 'surveys' namespace). The family languages are `lib.languages`.
"""
