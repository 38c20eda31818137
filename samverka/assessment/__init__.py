"""The collaboration model: a collaboration's profile, phases, self-assessment, dilemmas,
learning and boundary spanners (the research report's model for local collaboration).

What the model says lives here, at the top: the self-assessment instrument (`instrument.py`),
the phases and their checklists (`phases.py`), the recommendations (`recommendations.py`),
and the rows that are kept (`models.py`). Each workflow has a package of its own, with its
views, forms, services and selectors; `urls.py` lists every page of them all.

    profile/            the model's front page, the strategic profile, the operational routines
    checklists/         each phase's checklist, and moving the collaboration to another phase
    rounds/             self-assessment rounds: opening, answering, closing
    results/            a closed round's figures (disclosure-controlled), report and journey
    dilemmas/           the dilemmas the parties met and how they balanced them
    learning/           learning sessions and the decisions taken at them
    boundary_spanners/  who connects the organisations, and warnings of person-dependence
    national/           every collaboration side by side, for the national lead

Every service runs in one transaction, takes data as keyword arguments (never a form) with
the acting person as `by`, and is audited through `samverka.audit.services`: the trail gets
names only (object type and code, changed field names), never what anyone wrote or answered.

Shared by these: `pages.py` (what every page of the model shows), `form_fields.py` (the
members as choices, text areas) and `charts.py` (the model's SVG charts, built on
`samverka.lib.charts`).
"""
