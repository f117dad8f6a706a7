"""Chunk jobs run on the build's lanes (workers.Workers): each job to the next idle lane, the body chunks
numbered as their page counts come in, the jobs an earlier build laid out taken from the chunk cache."""

from __future__ import annotations

from dataclasses import replace

from ...errors import PublishError, error


def run_jobs(workers, jobs: list, cache=None, on_laid=None, meanwhile=None, follow=None, on_done=None) -> dict:
    """Run ``jobs`` (in this order) on ``workers``' lanes and return their results by index. A job whose
    first page is None gets it when the jobs before it have been counted. Jobs laid out by an earlier
    build at the same first page come from ``cache`` (cache.ChunkCache); a cached job whose first page
    moved is laid out again, its page count being known already.

    Callbacks, all in this thread: ``on_laid(result)`` with what an ``early`` job found (its pages, page
    starts and anchors, no PDF yet) while it writes its PDF; ``meanwhile()`` once the first jobs are sent;
    ``on_done(result)`` with each result laid out now. ``follow(known)`` is asked after every message,
    with what is known of each job laid out (done, cached, or only laid out), for more jobs: it returns
    None, or (jobs, then), ``then()`` being called once every job is sent."""
    from multiprocessing.connection import wait

    idle = list(workers.lanes)
    busy: dict = {}
    counts: dict[int, int] = {}
    waiting: dict[int, object] = {}  # job index -> lane waiting for its first page
    firsts: dict[int, int] = {}
    order = [job.index for job in jobs]
    results: dict = {}
    known: dict = {}  # job index -> its ChunkResult, or what an early job reported before its PDF
    pending, cached = [], {}
    thens: list = []

    def admit(job) -> None:
        if job.first_page is not None:
            firsts[job.index] = job.first_page
        found = cache.get(job) if cache is not None else None
        if found is not None and job.first_page in (None, found.first):
            cached[job.index] = (job, found)
            counts[job.index] = found.pages
        else:
            pending.append(job)

    def take_cached() -> None:
        number(order, counts, firsts, waiting)
        for index, (job, found) in list(cached.items()):
            if index in firsts:
                del cached[index]
                if firsts[index] == found.first:
                    results[index] = known[index] = found
                else:
                    pending.append(replace(job, first_page=firsts[index]))

    for job in jobs:
        admit(job)
    expected = len(jobs)
    while True:
        take_cached()
        while follow is not None and (more := follow(known)) is not None:
            more_jobs, then = more
            for job in more_jobs:
                admit(job)
            expected += len(more_jobs)
            take_cached()  # a cached one is known at once: follow may have more
            if then is not None:
                thens.append(then)
        while pending and idle:
            job = pending.pop(0)
            lane = idle.pop(0)
            lane.send(job)
            busy[lane] = job
        if meanwhile is not None:
            meanwhile, later = None, meanwhile
            later()
        while thens and not pending:  # once the jobs are sent: a lane never waits for this thread
            thens.pop(0)()
        if len(results) == expected:
            return results
        if not busy:
            raise RuntimeError("PDF chunks left without a page number")
        for lane in wait(list(busy)):
            try:
                message = lane.recv()
            except EOFError:
                raise error("pdf", f"a PDF layout process ended unexpectedly (exit status "
                                   f"{workers.exit_status(lane)}; out of memory?); --jobs 1 lays the book out "
                                   "in the build's own process")
            kind, payload = message[0], message[1:]
            if kind == "laid":  # what a job found, sent before its PDF is written
                result = payload[0]
                result.first = firsts.get(result.index, 1)
                known[result.index] = result
                if on_laid is not None:
                    on_laid(result)
            elif kind == "counted":
                counts[payload[0]] = payload[1]
                if busy[lane].first_page is None:
                    waiting[payload[0]] = lane
            elif kind == "done":
                result = payload[0]
                result.first = firsts.get(result.index, 1)
                results[result.index] = known[result.index] = result
                if cache is not None:
                    cache.put(busy[lane], result)
                del busy[lane]
                idle.append(lane)
                if on_done is not None:
                    on_done(result)
            elif kind == "error":
                raise PublishError(payload[1])
            else:
                raise RuntimeError(f"laying out PDF chunk {payload[0]} failed: {payload[1]}")


def number(order: list, counts: dict, firsts: dict, waiting: dict) -> None:
    """Give each chunk its first page once every chunk before it is counted; send it to those waiting."""
    position = 1
    for index in order:
        if index not in counts:
            return
        firsts.setdefault(index, position)
        if index in waiting:
            waiting.pop(index).send(firsts[index])
        position = firsts[index] + counts[index]
