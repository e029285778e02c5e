"""A warm sandbox worker: ``python -m autograder.sandbox.worker --runner MOD:FN``.

Protocol (JSON lines): the worker first writes ``{"event": "ready", ...}`` (or
``{"event": "error", ...}`` and exits), then for every job line read on stdin writes one result
line: ``{"job_id", "load", "calls", "output_tail", "isolation", "seconds"}``, or
``{"job_id", "error"}`` when the job could not be run. The results go to a private duplicate of the
original stdout; fd 1 itself is pointed at stderr so that stray prints (TensorFlow's, a runner's)
cannot corrupt the protocol.

Process tree: worker → zygote (imports the runner once) → one child per attempt (see
:mod:`autograder.sandbox.isolate`). The worker never imports the runner or TensorFlow itself.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from typing import IO, Any

from autograder.sandbox.channel import encode
from autograder.sandbox.jobs import JobFormatError, check_job, run_job
from autograder.sandbox.limits import Limits
from autograder.sandbox.spawn import ZygoteClient, ZygoteError, start_zygote


def main(argv: list[str] | None = None) -> int:
    """Serve jobs from stdin until it closes; returns the exit code."""
    parser = argparse.ArgumentParser(prog="python -m autograder.sandbox.worker")
    parser.add_argument("--runner", required=True, help="module:function run in each child")
    parser.add_argument("--limits-json", default=None, help="Limits as JSON (default: defaults)")
    args = parser.parse_args(argv)
    limits = Limits.from_json(args.limits_json) if args.limits_json else Limits()
    protocol = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)
    try:
        zygote = start_zygote(args.runner, limits, os.getcwd())
    except ZygoteError as exc:
        _write(protocol, {"event": "error", "error": str(exc)})
        return 2
    _write(protocol, {"event": "ready", "pid": os.getpid(), "zygote_pid": zygote.pid})
    try:
        return _serve(sys.stdin.buffer, protocol, zygote, limits)
    finally:
        zygote.close()
        os.waitpid(zygote.pid, 0)


def _serve(jobs: IO[bytes], protocol: IO[bytes], zygote: ZygoteClient, limits: Limits) -> int:
    for line in jobs:
        job_id = ""
        try:
            job = check_job(json.loads(line))
            job_id = job["job_id"]
            result = run_job(job, zygote, limits)
        except (ValueError, JobFormatError) as exc:
            result = {"job_id": job_id, "error": f"bad job: {exc}"}
        except ZygoteError as exc:
            _write(protocol, {"job_id": job_id, "error": f"worker failure: {exc}"})
            return 1
        _write(protocol, result)
    return 0


def _write(protocol: IO[bytes], message: dict[str, Any]) -> None:
    protocol.write(encode(message) + b"\n")
    protocol.flush()


if __name__ == "__main__":
    sys.exit(main())
