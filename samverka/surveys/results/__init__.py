"""Survey results: counts per item, option and group, all through the one disclosure control.

- `breakdowns`: the groups a round's respondents are broken down by, and their sizes;
- `items`: one item's controlled cube and every figure derived from it;
- `selectors`: a round's (or the national) results read from the database, cached; a round's
  answers are counted respondent by respondent, the national ones in the database (GROUP BY
  item, answer and municipality), each into an `items.Tally` that becomes the same cubes;
- `compare`: two rounds side by side; `exports`: CSV and XLSX; `tables`: what pages show.

Only submitted responses count. A round with fewer than five of them has no results at all.

The rule (issue 4): groups with fewer than five answers are never broken down. It is applied
with the project's one disclosure-control function (`lib.disclosure.disclosure_control`,
shared with the funder count) to the cube of respondents per breakdown group:

    language group × activity group × age-band group

Breakdown groups with fewer than five respondents are never shown on their own: they are merged
into "other" (with the next-smallest group while "other" is still below five), and if the control
hides any group size (a secondary suppression), that group is merged as well and everything is
computed again. So every column that is shown – the whole round or one group – has at least five
respondents and a published size, and no hidden group can be worked out from the shown ones.

Within a shown group the answers are counted exactly (`full_table`: every item gets ONE cube of
answer × the breakdown dimensions, and every view – the distribution, each breakdown, the
exports, the printable summary, each round's side of a comparison – is a slice of it). Cells
are not suppressed one by one: a group of at least five anonymous respondents is the unit of
protection, as the issue asks, and suppressing cells as well would hide most of a typical round
of 20–40 answers. Cross-tabulations of two breakdowns are never shown.

The answer dimension always holds "not answered" (submitted, but this item was skipped or not
asked), so the margins over the answers are the same group sizes in every item's cube.
Multiple choice counts, per option, the respondents who chose it.

Derived figures need a base of at least five. "Don't know" (`instruments.models.DONT_KNOW`) is
its own row, never in a mean or a share.
"""
