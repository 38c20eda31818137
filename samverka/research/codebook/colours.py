"""Code colours on the page without inline styles (the Content-Security-Policy forbids them).

A code keeps its exact colour (#RRGGBB, exchanged through REFI-QDA); the pages show the nearest
of a fixed palette, each a class in static/css/samverka.css (`code-colour-N`)."""

PALETTE = (
    "#1D5C63",  # 0 teal (the brand)
    "#2C7A7B",  # 1 sea green
    "#B4531B",  # 2 orange
    "#2C4A7A",  # 3 blue
    "#5B3F8C",  # 4 purple
    "#8A6D00",  # 5 ochre
    "#1E6B3A",  # 6 green
    "#A4262C",  # 7 red
    "#B03A7A",  # 8 pink
    "#4F5D63",  # 9 grey
    "#0B7285",  # 10 cyan
    "#7A5230",  # 11 brown
)


def _rgb(colour: str) -> tuple[int, int, int]:
    colour = colour.lstrip("#")
    if len(colour) == 3:
        colour = "".join(c * 2 for c in colour)
    try:
        return int(colour[0:2], 16), int(colour[2:4], 16), int(colour[4:6], 16)
    except ValueError:
        return _rgb(PALETTE[0])


def palette_index(colour: str) -> int:
    """The palette colour nearest to `colour`."""
    r, g, b = _rgb(colour or PALETTE[0])
    return min(
        range(len(PALETTE)),
        key=lambda i: sum((x - y) ** 2 for x, y in zip(_rgb(PALETTE[i]), (r, g, b), strict=True)),
    )


def normalise(colour: str) -> str:
    """#RRGGBB in capitals (REFI-QDA also allows #RGB)."""
    r, g, b = _rgb(colour)
    return f"#{r:02X}{g:02X}{b:02X}"
