"""A layout lane: lays out the chunk jobs it is sent with WeasyPrint, one after another, and sends back what
each found. It runs in a helper process or a thread of the build (workers.py), the same either way.

The talk, one way: ("setup", theme folders, print options), then ChunkJobs, then None (or the channel
closes). The other way, for each job: ("counted", index, pages) when a job that waits for its first page
has its pages (it then receives the number), ("laid", ChunkResult without PDF) for an ``early`` job before
it writes its PDF, and ("done", ChunkResult), or ("error", index, problems), or ("failed", index, text).
"""

from __future__ import annotations

from ...errors import Problem, PublishError
from .chunks import ChunkJob, ChunkResult

ENTRY = "interview_publish.renderers.pdf.worker:serve"  # for workers.Workers


class _Stop(Exception):
    """Raised inside the layout of a count-only job once its pages are known."""


class _Shutdown(Exception):
    """The build ended while this lane waited for a page number."""


def serve(channel) -> None:
    """Serve the build until it sends None or goes away. WeasyPrint is imported first, while the build
    is still reading the transcripts."""
    from ...theme import Theme
    from .press import Press, refusals

    try:
        import weasyprint  # noqa: F401  (the slow part of starting)
    except Exception:  # Pango missing: Press says so, with the first job
        pass
    press = setting = None
    while True:
        try:
            message = channel.recv()
        except (EOFError, OSError):  # the build is gone
            return
        if message is None:
            return
        if isinstance(message, tuple) and message[0] == "setup":
            setting, press = message[1:], None
            continue
        job = message
        try:
            with refusals():  # a refused URL stops the layout: reported as the user error it is
                if press is None:
                    press = Press(Theme(tuple(setting[0])), setting[1])
                channel.send(("done", lay_out_chunk(press, job, channel)))
        except _Shutdown:
            return
        except PublishError as exc:
            channel.send(("error", job.index, exc.problems))
        except Exception as exc:  # reported by the build as an internal error with this text
            import traceback

            channel.send(("failed", job.index, f"{type(exc).__name__}: {exc}\n{traceback.format_exc()}"))


def lay_out_chunk(press, job: ChunkJob, channel) -> ChunkResult:
    """Lay out one job: through WeasyPrint's public API when it is the whole book from page 1; through
    hooks.chunk_hooks when it must learn its first page, count its pages, or keep links to other chunks."""
    import contextlib

    from .hooks import chunk_hooks
    from .pagemap import locate_page_starts
    from .press import weasyprint_warnings

    problems: list[Problem] = []
    first = {"page": job.first_page}

    def number_pages(count: int) -> int:
        if first["page"] is None or job.count_only:
            count -= job.drop_last
            channel.send(("counted", job.index, count))
            if job.count_only:
                raise _Stop(count)
            first["page"] = channel.recv()
            if first["page"] is None:  # the build stopped: no number will come
                raise _Shutdown
        return first["page"] - 1

    chunked = job.first_page != 1 or job.count_only or job.drop_last or bool(job.elsewhere)
    hooks = chunk_hooks(number_pages, job.elsewhere) if chunked else contextlib.nullcontext()
    with weasyprint_warnings(problems), hooks:
        try:
            extra = [press.css(_css_class(), string=job.extra_css)] if job.extra_css else []
            document = press.layout(job.html, extra)
        except _Stop as stop:
            return ChunkResult(job.index, stop.args[0], problems=problems)
        pages = document.pages[:-1] if job.drop_last else document.pages
        starts = locate_page_starts(pages, first_number=first["page"], texts=job.texts, blocks=set(job.blocks))
        anchors: dict[str, int] = {}
        for number, page in enumerate(pages, start=first["page"]):
            for name in page.anchors:
                if name in job.wanted:
                    anchors.setdefault(name, number)
        levels = tuple(level for page in pages for level, *_ in page.bookmarks)
        if job.early:
            channel.send(("laid", ChunkResult(job.index, len(pages), b"", starts, anchors, levels)))
        document = document.copy(pages) if job.drop_last else document
        data = document.write_pdf(pdf_identifier=True, pdf_variant=press.variant) if job.write else b""
    return ChunkResult(job.index, len(pages), data, starts, anchors, levels, problems)


def _css_class():
    from weasyprint import CSS

    return CSS
