"""Peak memory of a command and all its worker processes (Linux /proc; elsewhere: the command alone).

Forked workers share pages copy-on-write, so summing RSS over the process tree double-counts; the
proportional set size (Pss) shares each page out once, so its sum is the memory the run really used.
"""

from __future__ import annotations

import os
import resource
import subprocess
import threading
import time
from dataclasses import dataclass
from pathlib import Path


@dataclass
class Run:
    seconds: float
    cpu_seconds: float  # user + system of the command and its workers: unlike wall time, not inflated by load
    peak_mb: float  # Pss of the process tree
    returncode: int
    stderr: str
    max_rss_mb: float = 0.0  # the largest single process's peak resident set (VmHWM; `time -v`'s maximum RSS)


def _children(pid: int) -> list[int]:
    kids: list[int] = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            kids += [int(k) for k in (task / "children").read_text().split()]
        except OSError:
            continue
    return kids


def _proc_kb(pid: int, name: str, field: str) -> int:
    """A kB field of /proc/<pid>/<name> ("Pss:" of smaps_rollup, "VmHWM:" of status); 0 once the process is gone."""
    try:
        for line in Path(f"/proc/{pid}/{name}").read_text().splitlines():
            if line.startswith(field):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def _pss_kb(pid: int) -> int:
    return _proc_kb(pid, "smaps_rollup", "Pss:")


def _hwm_kb(pid: int) -> int:
    return _proc_kb(pid, "status", "VmHWM:")


def tree_max_rss_mb(pid: int) -> float:
    """The largest peak resident set (VmHWM) of `pid` and its descendants, in MB."""
    best, todo = 0, [pid]
    while todo:
        current = todo.pop()
        best = max(best, _hwm_kb(current))
        todo += _children(current)
    return best / 1024


def tree_pss_mb(pid: int) -> float:
    """Pss of `pid` and every descendant, in MB."""
    total, todo = 0, [pid]
    while todo:
        current = todo.pop()
        total += _pss_kb(current)
        todo += _children(current)
    return total / 1024


def measure(argv: list[str], stdout_path: str = os.devnull, interval: float = 0.05) -> Run:
    """Run argv, sampling the tree's memory every `interval` seconds; output goes to stdout_path."""
    have_proc = Path("/proc/self/smaps_rollup").exists()
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    before, cpu_before = usage.ru_maxrss, usage.ru_utime + usage.ru_stime
    start = time.perf_counter()
    with open(stdout_path, "wb") as out:
        proc = subprocess.Popen(argv, stdout=out, stderr=subprocess.PIPE)
        peak = max_rss = 0.0
        done = threading.Event()

        def sample() -> None:
            nonlocal peak, max_rss
            while not done.is_set():
                peak = max(peak, tree_pss_mb(proc.pid))
                max_rss = max(max_rss, tree_max_rss_mb(proc.pid))
                done.wait(interval)

        sampler = threading.Thread(target=sample, daemon=True)
        if have_proc:
            sampler.start()
        _, stderr = proc.communicate()
        done.set()
        if have_proc:
            sampler.join()
    seconds = time.perf_counter() - start
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    if not have_proc:  # the largest single process (KB on Linux, bytes on macOS)
        peak = max_rss = max(before, usage.ru_maxrss) / 1024
    cpu = usage.ru_utime + usage.ru_stime - cpu_before
    return Run(seconds, cpu, peak, proc.returncode, stderr.decode("utf-8", "replace"), max_rss)


def peak_rss_mb() -> float:
    """High-water mark of this process's resident memory, in MB."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
