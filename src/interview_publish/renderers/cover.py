"""A typographic cover, drawn with Pillow in the theme's face, when the project brings no cover image."""

from __future__ import annotations

import io
import textwrap
import threading
from pathlib import Path

from ..model import Publication

SIZE = (1600, 2560)  # the ratio and minimum size e-book stores ask for
COVER_FONTS = ("CharisSIL-Regular.ttf", "CharisSIL-Italic.ttf")
INK, PAPER, ACCENT = (29, 29, 27), (246, 243, 234), (128, 36, 30)


class CoverDrawing(threading.Thread):
    """The typographic cover, drawn in the background: Pillow lets go of the interpreter while it
    rasterises and compresses, so the build goes on rendering meanwhile. Drawing starts with ``begin()``
    (a build making a PDF calls it once the layout is under way: importing Pillow and drawing would slow
    the build's own work until then), or else with ``result()``, which waits for the PNG's bytes (and
    raises what drawing raised)."""

    def __init__(self, publication: Publication, fonts: Path):
        super().__init__(name="cover", daemon=True)
        self._inputs = (publication, fonts)
        self._data: bytes | None = None
        self._error: BaseException | None = None

    def begin(self) -> None:
        if self.ident is None:
            self.start()

    def run(self) -> None:
        try:
            self._data = draw_cover(*self._inputs)
        except BaseException as exc:  # handed to whoever asks for the result
            self._error = exc

    def result(self) -> bytes:
        self.begin()
        self.join()
        if self._error is not None:
            raise self._error
        return self._data


def typographic_cover(publication: Publication, fonts: Path, begin: bool = True) -> CoverDrawing:
    """The generated cover, drawn in the background from now on, or from ``begin()`` (see CoverDrawing)."""
    drawing = CoverDrawing(publication, fonts)
    if begin:
        drawing.begin()
    return drawing


def draw_cover(publication: Publication, fonts: Path) -> bytes:
    """A PNG cover: title, the people interviewed, the publisher, set in Charis SIL."""
    from PIL import Image, ImageDraw, ImageFont

    image = Image.new("RGB", SIZE, PAPER)
    draw = ImageDraw.Draw(image)
    regular, italic = (fonts / name for name in COVER_FONTS)
    width = SIZE[0]
    draw.rectangle((90, 90, width - 90, SIZE[1] - 90), outline=INK, width=6)
    draw.rectangle((width // 2 - 120, 520, width // 2 + 120, 528), fill=ACCENT)
    meta = publication.meta
    title_font = ImageFont.truetype(str(regular), 128)
    y = 640
    for line in wrap(meta.title, 20):
        y = centered(draw, line, title_font, y, width)
    names = [p.name for p in publication.creators if p.role == "interviewee" and p.name]
    if names:
        people_font = ImageFont.truetype(str(italic), 76)
        y += 120
        for line in wrap(", ".join(names), 30):
            y = centered(draw, line, people_font, y, width)
    if meta.publisher:
        publisher_font = ImageFont.truetype(str(regular), 54)
        centered(draw, meta.publisher.upper(), publisher_font, SIZE[1] - 330, width)
    out = io.BytesIO()
    out.name = "cover.png"  # the format from the name: Pillow then loads its PNG plugin only, not five
    image.save(out)  # optimize=True costs a quarter of a second
    return out.getvalue()


def wrap(text: str, width: int) -> list[str]:
    return textwrap.wrap(text, width=width, break_long_words=True) or [text]


def centered(draw, text: str, font, y: int, width: int) -> int:
    """Draw a centred line; return the top of the next line (a steady line height of 1.25)."""
    left, _, right, _ = draw.textbbox((0, 0), text, font=font)
    draw.text(((width - (right - left)) / 2 - left, y), text, font=font, fill=INK)
    return y + round(font.size * 1.25)


def cover_alt(publication: Publication) -> str:
    """The cover's text alternative."""
    names = [p.name for p in publication.creators if p.role == "interviewee" and p.name]
    people = f", an interview with {', '.join(names)}" if names else ""
    return f"Cover: {publication.meta.title}{people}"
