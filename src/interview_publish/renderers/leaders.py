"""Leader dots drawn as one run of text per line instead of one run per dot.

WeasyPrint 70 fills a ``leader(". ")`` with a copy of the ". " text box for every repetition, and then lays
out and draws each copy on its own: the contents of a 100-interview book has about 4,500 of them, which made
its pages cost more than forty pages of text (0.6 s of 0.9 s). After WeasyPrint has placed the copies of a
line, they are replaced here by one text box with the string repeated as often, starting where the first
copy starts: the same dots, within 0.1 pt of where the copies put them (tests/test_leaders.py). Lines set
right to left keep WeasyPrint's copies. Installed by Press (pdf.py) in every process that lays out a PDF;
the WeasyPrint version is pinned.
"""

from __future__ import annotations

from math import inf


def install() -> None:
    """Wrap WeasyPrint's leader handling in this process (once)."""
    import weasyprint.layout.inline as inline

    if getattr(inline.handle_leader, "one_run", False):
        return
    inline.handle_leader = one_run(inline.handle_leader)


def one_run(handle_leader):
    from weasyprint.layout.leader import leader_index
    from weasyprint.text.line_break import split_first_line

    def handle_leader_in_one_run(context, line, containing_block):
        handle_leader(context, line, containing_block)
        index, leader = leader_index(line)
        if index is None or len(leader.children) < 2 or line.style["direction"] != "ltr":
            return
        first = min(leader.children, key=lambda box: box.position_x)
        text = first.text * len(leader.children)
        layout, _, resume_index, width, _, _ = split_first_line(
            text, first.style, context, inf, first.justification_spacing, is_line_start=False)
        if resume_index is not None or layout.text != text:  # not one line of exactly these dots: keep the copies
            return
        run = first.copy_with_text(text)
        run.pango_layout = layout
        run.width = width
        leader.children = (run,)

    handle_leader_in_one_run.one_run = True
    return handle_leader_in_one_run
