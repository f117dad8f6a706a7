"""Empty margin boxes left unmeasured.

For every page WeasyPrint 70 makes all sixteen margin boxes, the empty ones included (their neighbours'
widths are computed with them), and resolves each one's percentages, about thirty properties, before it
sets the size and spacing of an empty box to zero. With two running heads and two folios, fourteen boxes a
page are empty: resolving them took a tenth of the layout of a book. Here an empty margin box skips that
step; nothing else reads the values it would set, and the pages are byte-identical
(tests/test_running_heads.py). Installed by Press (pdf.py) in every process that lays out a PDF; the
WeasyPrint version is pinned.
"""

from __future__ import annotations

import functools


def install() -> None:
    """Wrap the percentage resolution of WeasyPrint's margin boxes in this process (once)."""
    import weasyprint.layout.page as page

    if getattr(page.resolve_percentages, "skips_empty_margin_boxes", False):
        return
    page.resolve_percentages = skipping_empty_margin_boxes(page.resolve_percentages)


def skipping_empty_margin_boxes(resolve_percentages):
    from weasyprint.formatting_structure.boxes import MarginBox

    @functools.wraps(resolve_percentages)
    def resolve(box, containing_block, *args, **kwargs):
        if type(box) is MarginBox and not box.is_generated:
            return  # make_margin_boxes zeroes its size and spacing next
        return resolve_percentages(box, containing_block, *args, **kwargs)

    resolve.skips_empty_margin_boxes = True
    return resolve
