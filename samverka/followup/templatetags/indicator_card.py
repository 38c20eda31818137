"""The indicator card of the follow-up plan and of an indicator's page, built in Python:
`{% load indicator_card %}{% indicator_card row %}`.

The plan page draws a card per indicator (eight on the bench's plan); as an `{% include %}` the
cards took more time than the rest of the page's own template together (README, Performance).
The HTML is what the template gave; every value is escaped as `{{ }}` would
(`django.utils.html.escape`), and the texts are the same translations.
"""

from django import template
from django.utils.html import escape, json_script
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from samverka.lib.templatetags.remembered_urls import remembered_reverse

register = template.Library()


def _texts() -> dict[str, str]:
    """The card's texts in the active language (each a plain `_()` call, so that makemessages
    finds it: xgettext does not look inside f-strings)."""
    return {
        "followed": _("Followed with evidence notes."),
        "chart": _(
            "Chart: %(name)s per period against the target. The same figures are in the table."
        ),
        "same": _("The same figures are in the table."),
        "period": _("Period"),
        "done": _("done"),
        "decisions": _("Decisions about it:"),
        "evidence": _("Evidence:"),
        "latest": _("Latest: <strong>%(value)s</strong> (%(period)s)"),
        "no_data": _("no data"),
        "baseline": _("baseline"),
        "target": _("target"),
    }


@register.simple_tag(takes_context=True)
def indicator_card(context, row):
    """`row`: a `followup.selectors.IndicatorRow` of the context's `collaboration`."""
    t = _texts()
    code = escape(row.code)
    name = escape(row.definition.name)
    url = escape(
        remembered_reverse("followup:indicator", args=[context["collaboration"].code, row.code])
    )
    note = f'<p class="small muted">{escape(row.indicator.note)}</p>' if row.indicator.note else ""
    badge, status = escape(row.status_badge), escape(row.status_label)
    html = [
        f'<article class="card indicator-card" aria-labelledby="ind-{code}">\n'
        f'  <h4 id="ind-{code}"><a href="{url}">{name}</a>\n'
        f'    <span class="badge {badge}">{status}</span></h4>\n'
        f"  {note}\n  "
    ]
    if row.is_qualitative:
        html.append(f'\n  <p class="small muted">{t["followed"]}</p>\n  ')
    else:
        html.append(
            f'\n  <p class="small">{_latest(row, t)}</p>\n  <div class="indicator-figures">\n    '
        )
        if row.chart:
            label = t["chart"] % {"name": name}
            html.append(
                f'\n    <div class="indicator-chart"><canvas data-indicator-chart="'
                f'{escape(row.chart_id)}" width="320" height="180" role="img" aria-label="{label}">'
                f"{t['same']}</canvas></div>\n"
                f"    {json_script(row.chart, row.chart_id)}\n    "
            )
        values = "".join(
            f'<tr><th scope="row">{escape(v.period.key)}</th><td>{escape(v.text)}</td></tr>'
            for v in row.values
        )
        html.append(
            '\n    <div class="table-wrap">\n      <table class="compact">\n'
            f'        <caption class="visually-hidden">{name}</caption>\n'
            f'        <thead><tr><th scope="col">{t["period"]}</th>'
            f'<th scope="col">{escape(row.unit_label)}</th></tr></thead>\n'
            f"        <tbody>{values}</tbody>\n      </table>\n    </div>\n  </div>\n  "
        )
    html.append("\n  ")
    if row.decisions:
        done = f" ({t['done']})"
        decisions = "; ".join(f"{escape(d.text)}{done if d.done_on else ''}" for d in row.decisions)
        html.append(f'<p class="small"><strong>{t["decisions"]}</strong> {decisions}</p>')
    html.append("\n  ")
    if row.evidence:
        html.append(f'<p class="small"><strong>{t["evidence"]}</strong> {len(row.evidence)}</p>')
    html.append("\n</article>\n")
    return mark_safe("".join(html))  # every value above is escaped


def _latest(row, t: dict[str, str]) -> str:
    if row.latest:
        text = t["latest"] % {
            "value": escape(row.latest.text),
            "period": escape(row.latest.period.key),
        }
    else:
        text = t["no_data"]
    if row.baseline:
        text += f" · {t['baseline']} {escape(row.baseline)}"
    if row.target:
        text += f" · {t['target']} {escape(row.target)}"
    return text
