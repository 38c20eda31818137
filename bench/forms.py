"""Reading a page's first POST form as a person would fill it in: the bench's respondents
(bench/locustfile.py) and the respondent path's query-count test use it. No locust import here:
locust patches the standard library when it is imported."""

import re
from html.parser import HTMLParser


class FormReader(HTMLParser):
    """The first POST form of a page (with `containing`: the first that has a field of that
    name): its fields, as a person would fill them in."""

    def __init__(self, containing: str | None = None):
        super().__init__()
        self.containing = containing
        self.in_form = False
        self.done = False
        self.fields: dict[str, list[str]] = {}
        self.choices: dict[str, list[str]] = {}
        self.multi: set[str] = set()
        self.text: list[str] = []
        self._select = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if self.done:
            return
        if tag == "form" and a.get("method", "").lower() == "post":
            self.in_form = True
        if not self.in_form:
            return
        name = a.get("name")
        if tag == "input" and name:
            kind = a.get("type", "text").lower()
            if kind == "hidden":
                self.fields[name] = [a.get("value", "")]
            elif kind in ("radio", "checkbox"):
                self.choices.setdefault(name, []).append(a.get("value", "on"))
                if kind == "checkbox":
                    self.multi.add(name)
            elif kind == "number":
                low = a.get("min") or "1"
                self.fields[name] = [str(max(int(float(low)), 1))]
            elif kind not in ("submit", "button"):
                self.text.append(name)
        elif tag == "textarea" and name:
            self.text.append(name)
        elif tag == "select" and name:
            self._select = name
        elif tag == "option" and self._select and a.get("value"):
            self.choices.setdefault(self._select, []).append(a["value"])

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None
        if tag == "form" and self.in_form:
            self.in_form = False
            wanted = self.containing
            found = {*self.fields, *self.choices, *self.text}
            if wanted and wanted not in found:  # not this form: start again at the next one
                self.fields, self.choices, self.multi, self.text = {}, {}, set(), []
                return
            self.done = True

    def data(self) -> dict:
        data = dict(self.fields)
        for name, values in self.choices.items():
            data[name] = [values[0]]
        for name in self.text:
            data.setdefault(name, ["Bra"])
        return data


# The only tags the reader looks at. Feeding just these (the reader never uses text, and Django
# escapes ">" inside attribute values) gives the same form at a fraction of the parsing: the
# load test's respondents share the two cores with the server they measure, and parsing every
# page in full cost them 4-7 ms a page, more than the server spent drawing it.
FORM_TAGS = re.compile(r"<(?:input|textarea|option|/?form|/?select)\b[^>]*>", re.IGNORECASE)


def read_form(html: str, containing: str | None = None) -> dict:
    reader = FormReader(containing)
    reader.feed("".join(FORM_TAGS.findall(html)))
    return reader.data()
