"""The ``stac-mlm`` command: ``validate``, ``lint``, ``schema`` and, when installed, ``migrate``.

Every subcommand is a module with ``add_parser(subparsers)`` and ``run(args) -> int``. ``main`` owns what
they share: the parser, exit statuses, and turning any failure into a one-line message (never a traceback;
set ``STAC_MLM_DEBUG=1`` to see one).
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import os
import sys
from collections.abc import Callable, Sequence

from .._schema import SPEC_VERSION
from ._output import Terminated, sigterm_stops
from ._output import Unusable as StreamUnusable

PROGRAM = "stac-mlm"
#: Exit statuses shared by every subcommand.
OK, INVALID, UNUSABLE = 0, 1, 2
_COMMANDS = (
    "validate",
    "lint",
    "schema",
    "migrate",
    "describe",
    "check",
)  # modules of this package; a missing one is not offered


def _parser() -> tuple[argparse.ArgumentParser, dict[str, Callable[[argparse.Namespace], int]]]:
    parser = argparse.ArgumentParser(
        prog=PROGRAM,
        description=f"Tools for the STAC Machine Learning Model (MLM) extension v{SPEC_VERSION}.",
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    runners: dict[str, Callable[[argparse.Namespace], int]] = {}
    for name in _COMMANDS:
        try:
            module = importlib.import_module(f"{__name__}.{name}")
        except ModuleNotFoundError as error:
            if error.name != f"{__name__}.{name}":
                raise
            continue
        before = set(subparsers.choices)
        module.add_parser(subparsers)
        for added in set(subparsers.choices) - before:
            runners[added] = module.run
    return parser, runners


def _fail(message: str, status: int = UNUSABLE) -> int:
    with contextlib.suppress(AttributeError, OSError):  # stdout may be closed, or its reader gone
        sys.stdout.flush()
    sys.stderr.write(f"{PROGRAM}: {message}\n")
    return status


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv`` (default: ``sys.argv[1:]``); return the exit status."""
    for stream in (sys.stdout, sys.stderr):  # a file name or value that cannot be encoded must not crash output
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")
    parser, runners = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:  # usage error (2) or --help (0)
        return exit_.code if isinstance(exit_.code, int) else UNUSABLE
    try:
        with sigterm_stops():
            return runners[args.command](args)
    except KeyboardInterrupt:
        return _fail("interrupted", 130)
    except Terminated:
        return _fail("terminated", 128 + 15)
    except StreamUnusable as error:
        return _fail(str(error))
    except BrokenPipeError:  # the reader went away (e.g. `| head`): stop quietly
        with contextlib.suppress(OSError, ValueError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return INVALID
    except Exception as error:
        if os.environ.get("STAC_MLM_DEBUG"):
            raise
        if type(error).__name__ == "BrokenProcessPool":  # not imported up front: it is slow to import
            return _fail("a worker process stopped unexpectedly (out of memory?); try --jobs 1")
        return _fail(f"internal error: {type(error).__name__}: {error} (set STAC_MLM_DEBUG=1 for details)")
