#!/usr/bin/env python3
"""Render a terminal capture (text with ANSI escapes) to a PNG.

The capture is what `tmux capture-pane -p -e` prints: one line per screen row, with SGR
sequences for colours and attributes. It is replayed into the `pyte` terminal emulator, which
turns it into a grid of cells (character, colours, bold, reverse, ...), and each cell is then
drawn with Pillow:

* ASCII and most symbols with DejaVu Sans Mono (bold cells with DejaVu Sans Mono Bold);
* wide (CJK) characters with Noto Sans Mono CJK SC, centred over their two cells;
* box-drawing characters (─ │ ┌ ┐ └ ┘ ├ ┤ ┬ ┴ ┼, light and heavy) as lines from the cell
  centre to its edges, so borders join without gaps whatever the font.

Usage:
    screenshot.py [--cols 100] [--rows 30] [--cursor X,Y] -o out.png [capture.txt]

With no capture file (or "-") the capture is read from stdin.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

import pyte
from PIL import Image, ImageDraw, ImageFont

# ---------------------------------------------------------------------------------------------
# Fonts

DEJAVU_DIR = Path("/usr/share/fonts/truetype/dejavu")
NOTO_CJK_DIR = Path("/usr/share/fonts/opentype/noto")
# Face 7 of the Noto CJK collections is "Noto Sans Mono CJK SC".
NOTO_MONO_SC_INDEX = 7


@dataclass(frozen=True)
class Fonts:
    regular: ImageFont.FreeTypeFont
    bold: ImageFont.FreeTypeFont
    wide: ImageFont.FreeTypeFont
    wide_bold: ImageFont.FreeTypeFont
    # Proportional DejaVu Sans: a last resort for symbols the monospaced faces lack.
    fallback: ImageFont.FreeTypeFont

    @staticmethod
    def load(size: int) -> "Fonts":
        def truetype(path: Path, index: int = 0) -> ImageFont.FreeTypeFont:
            if not path.exists():
                sys.exit(f"screenshot.py: missing font {path} (install fonts-dejavu-core / fonts-noto-cjk)")
            return ImageFont.truetype(str(path), size, index=index)

        wide = truetype(NOTO_CJK_DIR / "NotoSansCJK-Regular.ttc", NOTO_MONO_SC_INDEX)
        bold_path = NOTO_CJK_DIR / "NotoSansCJK-Bold.ttc"
        wide_bold = truetype(bold_path, NOTO_MONO_SC_INDEX) if bold_path.exists() else wide
        return Fonts(
            regular=truetype(DEJAVU_DIR / "DejaVuSansMono.ttf"),
            bold=truetype(DEJAVU_DIR / "DejaVuSansMono-Bold.ttf"),
            wide=wide,
            wide_bold=wide_bold,
            fallback=truetype(DEJAVU_DIR / "DejaVuSans.ttf"),
        )


@lru_cache(maxsize=None)
def has_glyph(font: ImageFont.FreeTypeFont, char: str) -> bool:
    """Whether `font` has its own glyph for `char`.

    Pillow has no direct query, so compare with the "missing glyph" box the font draws for a
    private-use code point it certainly lacks.
    """
    if char.isspace():
        return True
    missing = font.getmask("\U0010fffd")
    mask = font.getmask(char)
    return not (mask.size == missing.size and bytes(mask) == bytes(missing))


# ---------------------------------------------------------------------------------------------
# Colours: a dark theme (close to the "Tango dark" palette most Linux terminals ship with)

BACKGROUND = (0x1d, 0x1f, 0x21)
FOREGROUND = (0xd4, 0xd4, 0xd4)

# pyte names the eight ANSI colours like this ("brown" is yellow); the bright variants come from
# SGR 90–97 / 100–107 and are prefixed with "bright".
ANSI = {
    "black": (0x2e, 0x34, 0x36),
    "red": (0xef, 0x53, 0x50),
    "green": (0x8a, 0xe2, 0x34),
    "brown": (0xfc, 0xc4, 0x3c),
    "blue": (0x5c, 0x9c, 0xf5),
    "magenta": (0xc6, 0x78, 0xdd),
    "cyan": (0x4e, 0xc9, 0xd4),
    "white": (0xd3, 0xd7, 0xcf),
    "brightblack": (0x55, 0x57, 0x53),
    "brightred": (0xff, 0x6e, 0x6e),
    "brightgreen": (0xa6, 0xf0, 0x5a),
    "brightbrown": (0xfc, 0xe9, 0x4f),
    "brightblue": (0x8a, 0xb8, 0xff),
    "brightmagenta": (0xe0, 0x9a, 0xf0),
    "brightcyan": (0x7a, 0xe6, 0xee),
    "brightwhite": (0xee, 0xee, 0xec),
}
ANSI["yellow"] = ANSI["brown"]
ANSI["brightyellow"] = ANSI["brightbrown"]

RGB = tuple[int, int, int]


def resolve(colour: str, default: RGB) -> RGB:
    """A pyte colour (a name, "default", or six hex digits for 256/true colour) as RGB."""
    if colour == "default":
        return default
    if colour in ANSI:
        return ANSI[colour]
    if len(colour) == 6:
        try:
            return (int(colour[0:2], 16), int(colour[2:4], 16), int(colour[4:6], 16))
        except ValueError:
            pass
    return default


def blend(a: RGB, b: RGB, amount: float) -> RGB:
    """`a` moved `amount` (0…1) of the way towards `b`."""
    return tuple(round(x + (y - x) * amount) for x, y in zip(a, b))  # type: ignore[return-value]


# ---------------------------------------------------------------------------------------------
# Terminal emulation: pyte, plus the "dim" attribute (SGR 2), which pyte ignores


class DimChar(NamedTuple):
    """A cell: pyte's `Char` fields in the same order, plus `dim`.

    pyte makes each drawn cell with `_replace` on the cursor's attributes, which keeps this
    type, so every cell drawn while dim is on carries `dim=True`.
    """

    data: str
    fg: str = "default"
    bg: str = "default"
    bold: bool = False
    italics: bool = False
    underscore: bool = False
    strikethrough: bool = False
    reverse: bool = False
    blink: bool = False
    dim: bool = False


class DimAwareScreen(pyte.Screen):
    """A pyte screen that also records SGR 2 (dim / faint) per cell."""

    def __init__(self, columns: int, lines: int) -> None:
        self._dim = False
        super().__init__(columns, lines)

    @property
    def default_char(self) -> DimChar:
        return DimChar(*super().default_char)

    def select_graphic_rendition(self, *attrs: int, private: bool = False) -> None:
        if private:
            return  # `CSI ? … m` is an xterm query, not a change of attributes
        super().select_graphic_rendition(*attrs)
        self._dim = dim_after(self._dim, attrs)
        self.cursor.attrs = DimChar(*self.cursor.attrs[: len(pyte.screens.Char._fields)], dim=self._dim)


def dim_after(dim: bool, attrs: tuple[int, ...]) -> bool:
    """The dim flag after one SGR sequence: 2 sets it, 0 and 22 clear it.

    The colour arguments of 38/48 (`38;5;N`, `38;2;R;G;B`) are skipped so a colour number
    2 is not mistaken for "dim".
    """
    if not attrs:
        return False
    i = 0
    while i < len(attrs):
        attr = attrs[i]
        if attr in (38, 48):
            mode = attrs[i + 1] if i + 1 < len(attrs) else None
            i += 3 if mode == 5 else 5 if mode == 2 else 2
            continue
        if attr in (0, 22):
            dim = False
        elif attr == 2:
            dim = True
        i += 1
    return dim


def emulate(capture: str, columns: int, rows: int) -> DimAwareScreen:
    screen = DimAwareScreen(columns, rows)
    stream = pyte.Stream(screen)
    # One capture line per row. Lines are joined with CR LF (a bare LF would keep the column);
    # the trailing newline is dropped so the last row does not scroll the screen up.
    lines = capture.replace("\r\n", "\n").rstrip("\n").split("\n")[:rows]
    stream.feed("\r\n".join(lines))
    return screen


# ---------------------------------------------------------------------------------------------
# Box drawing: which arms (up, down, left, right) each character has, and how heavy

LIGHT, HEAVY = 1, 2
BOX: dict[str, tuple[int, int, int, int]] = {
    # char: (up, down, left, right)
    "─": (0, 0, 1, 1), "│": (1, 1, 0, 0), "┌": (0, 1, 0, 1), "┐": (0, 1, 1, 0),
    "└": (1, 0, 0, 1), "┘": (1, 0, 1, 0), "├": (1, 1, 0, 1), "┤": (1, 1, 1, 0),
    "┬": (0, 1, 1, 1), "┴": (1, 0, 1, 1), "┼": (1, 1, 1, 1),
    "╭": (0, 1, 0, 1), "╮": (0, 1, 1, 0), "╰": (1, 0, 0, 1), "╯": (1, 0, 1, 0),
    "━": (0, 0, 2, 2), "┃": (2, 2, 0, 0), "┏": (0, 2, 0, 2), "┓": (0, 2, 2, 0),
    "┗": (2, 0, 0, 2), "┛": (2, 0, 2, 0), "┣": (2, 2, 0, 2), "┫": (2, 2, 2, 0),
    "┳": (0, 2, 2, 2), "┻": (2, 0, 2, 2), "╋": (2, 2, 2, 2),
}


# ---------------------------------------------------------------------------------------------
# Rendering


@dataclass(frozen=True)
class Geometry:
    cell_width: int
    cell_height: int
    baseline: int  # from the top of a cell
    padding: int

    @staticmethod
    def measure(fonts: Fonts, padding: int) -> "Geometry":
        ascent, descent = fonts.regular.getmetrics()
        width = round(fonts.regular.getlength("M"))
        # A little leading so CJK glyphs (taller than DejaVu's) do not touch the next row.
        height = round((ascent + descent) * 1.08)
        baseline = ascent + (height - ascent - descent) // 2
        return Geometry(width, height, baseline, padding)

    def origin(self, x: int, y: int) -> tuple[int, int]:
        return (self.padding + x * self.cell_width, self.padding + y * self.cell_height)


def cell_colours(cell: DimChar) -> tuple[RGB, RGB]:
    """(text, background) for a cell: resolve, dim, then swap if reversed."""
    fg = resolve(cell.fg, FOREGROUND)
    bg = resolve(cell.bg, BACKGROUND)
    if getattr(cell, "dim", False):
        fg = blend(fg, bg, 0.45)
    if cell.reverse:
        fg, bg = bg, fg
    return fg, bg


def draw_box(draw: ImageDraw.ImageDraw, arms: tuple[int, int, int, int], left: int, top: int,
             geo: Geometry, colour: RGB) -> None:
    up, down, lft, rgt = arms
    cx = left + geo.cell_width // 2
    cy = top + geo.cell_height // 2
    right, bottom = left + geo.cell_width - 1, top + geo.cell_height - 1
    thin = max(1, round(geo.cell_width / 10))

    def thickness(weight: int) -> int:
        return thin * 2 if weight == HEAVY else thin

    # Each arm is a filled rectangle from the centre to the edge, as wide as the line, so
    # corners are square and neighbouring cells meet exactly.
    for weight, box in (
        (up, (cx, top, cx, cy)),
        (down, (cx, cy, cx, bottom)),
        (lft, (left, cy, cx, cy)),
        (rgt, (cx, cy, right, cy)),
    ):
        if not weight:
            continue
        t = thickness(weight)
        half = (t - 1) // 2
        x0, y0, x1, y1 = box
        if x0 == x1:  # vertical arm
            draw.rectangle((x0 - half, y0, x0 - half + t - 1, y1), fill=colour)
        else:  # horizontal arm
            draw.rectangle((x0, y0 - half, x1, y0 - half + t - 1), fill=colour)


def pick_font(fonts: Fonts, char: str, wide: bool, bold: bool) -> ImageFont.FreeTypeFont:
    if wide:
        return fonts.wide_bold if bold else fonts.wide
    mono = fonts.bold if bold else fonts.regular
    if has_glyph(mono, char):
        return mono
    if has_glyph(fonts.wide, char):
        return fonts.wide
    return fonts.fallback


def render(screen: DimAwareScreen, fonts: Fonts, geo: Geometry,
           cursor: tuple[int, int] | None) -> Image.Image:
    size = (geo.padding * 2 + screen.columns * geo.cell_width,
            geo.padding * 2 + screen.lines * geo.cell_height)
    image = Image.new("RGB", size, BACKGROUND)
    draw = ImageDraw.Draw(image)

    for y in range(screen.lines):
        row = screen.buffer[y]
        for x in range(screen.columns):
            cell = row[x]
            if cell.data == "":
                continue  # the right half of a wide character, drawn with its left half
            wide = x + 1 < screen.columns and row[x + 1].data == ""
            span = 2 if wide else 1
            left, top = geo.origin(x, y)
            fg, bg = cell_colours(cell)
            if (x, y) == cursor:
                fg, bg = bg, FOREGROUND  # a block cursor: the cell in reverse
            if bg != BACKGROUND:
                draw.rectangle((left, top, left + span * geo.cell_width - 1, top + geo.cell_height - 1), fill=bg)

            char = cell.data
            if char in BOX:
                draw_box(draw, BOX[char], left, top, geo, fg)
            elif not char.isspace():
                font = pick_font(fonts, char, wide, cell.bold)
                # Centre the glyph in its cells (CJK glyphs are 1 em wide over 1.2 em of cells)
                # and sit it on the row's baseline, so all faces share one baseline.
                centre = left + span * geo.cell_width / 2
                draw.text((centre, top + geo.baseline), char, font=font, fill=fg, anchor="ms")

            if cell.underscore:
                line_y = top + geo.baseline + max(2, geo.cell_height // 12)
                draw.line((left, line_y, left + span * geo.cell_width - 1, line_y), fill=fg,
                          width=max(1, geo.cell_width // 10))
            if cell.strikethrough:
                mid = top + geo.cell_height // 2
                draw.line((left, mid, left + span * geo.cell_width - 1, mid), fill=fg)
    return image


# ---------------------------------------------------------------------------------------------


def parse_cursor(text: str) -> tuple[int, int]:
    x, _, y = text.partition(",")
    return (int(x), int(y))


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description="Render a terminal capture with ANSI escapes to a PNG.")
    parser.add_argument("capture", nargs="?", default="-", help="capture file (default: stdin)")
    parser.add_argument("-o", "--output", required=True, help="PNG to write")
    parser.add_argument("--cols", type=int, default=100, help="terminal width in cells (default 100)")
    parser.add_argument("--rows", type=int, default=30, help="terminal height in cells (default 30)")
    parser.add_argument("--font-size", type=int, default=17, help="font size in pixels (default 17)")
    parser.add_argument("--padding", type=int, default=14, help="margin around the terminal in pixels")
    parser.add_argument("--cursor", type=parse_cursor, metavar="X,Y",
                        help="draw a block cursor at this cell (0-based), e.g. from tmux #{cursor_x},#{cursor_y}")
    args = parser.parse_args(argv)

    if args.capture == "-":
        capture = sys.stdin.buffer.read().decode("utf-8", errors="replace")
    else:
        capture = Path(args.capture).read_text(encoding="utf-8", errors="replace")

    fonts = Fonts.load(args.font_size)
    geo = Geometry.measure(fonts, args.padding)
    screen = emulate(capture, args.cols, args.rows)
    render(screen, fonts, geo, args.cursor).save(args.output, optimize=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
