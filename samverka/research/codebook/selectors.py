"""Reads of a project's codebook: the tree in order, with counts."""

from dataclasses import dataclass, field

from django.db.models import Count

from samverka.research.codebook.colours import palette_index
from samverka.research.codebook.models import Code


@dataclass
class Node:
    code: Code
    depth: int
    children: list["Node"] = field(default_factory=list)
    count: int = 0

    @property
    def colour_class(self) -> str:
        return f"code-colour-{palette_index(self.code.colour)}"


def code_tree(project, *, counts: bool = False) -> list[Node]:
    """The project's codes as a tree (roots first, each level by position and name). With
    `counts`, each node knows how many codings it has in the sources the page may read (the
    tenant scope the view runs in)."""
    codes = list(project.codes.order_by("position", "name"))
    tally = {}
    if counts:
        from samverka.research.sources.models import Coding

        tally = dict(
            Coding.objects.filter(code__project=project)
            .order_by()
            .values("code_id")
            .annotate(n=Count("pk"))
            .values_list("code_id", "n")
        )
    nodes = {c.pk: Node(c, 0, count=tally.get(c.pk, 0)) for c in codes}
    roots = []
    for code in codes:
        node = nodes[code.pk]
        parent = nodes.get(code.parent_id)
        if parent is None:
            roots.append(node)
        else:
            parent.children.append(node)

    def depth(items, level):
        for item in items:
            item.depth = level
            depth(item.children, level + 1)

    depth(roots, 0)
    return roots


def flat(nodes: list[Node]) -> list[Node]:
    """The tree in reading order (a parent before its children)."""
    out = []
    for node in nodes:
        out.append(node)
        out.extend(flat(node.children))
    return out


def code_choices(project, *, codable_only: bool = True) -> list[tuple[int, str]]:
    """(pk, label) for a select: children indented under their parents."""
    return [
        (node.code.pk, "\u2003" * node.depth + node.code.name)
        for node in flat(code_tree(project))
        if node.code.codable or not codable_only
    ]


def descendants(code: Code) -> set[int]:
    """The pks of every code under `code` (not `code` itself)."""
    found: set[int] = set()
    frontier = [code.pk]
    while frontier:
        children = list(Code.objects.filter(parent_id__in=frontier).values_list("pk", flat=True))
        frontier = [c for c in children if c not in found]
        found.update(frontier)
    return found
