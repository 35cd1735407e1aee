"""Print or format exceptions the way Python reports an uncaught one.

The part of CPython's traceback module that programs use to report an
exception they caught: print_exc, format_exc, print_exception,
format_exception and format_exception_only. The report itself is the
engine's own (_traceback), the one an uncaught exception prints.
"""

import sys
import _traceback

_sentinel = object()


def _value(exc, value):
    # The older form, format_exception(type, value, tb), names it second.
    return exc if value is _sentinel else value


def _pieces(text):
    """The report cut where CPython's list cuts it: one piece per frame
    (its File line with the lines shown under it), one per chaining
    message, one per other line."""
    lines = text.splitlines(keepends=True)
    pieces = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if line.startswith('  File '):
            j = i + 1
            while j < len(lines) and lines[j].startswith('    '):
                j += 1
        elif line == '\n' and i + 2 < len(lines) and lines[i + 2] == '\n':
            j = i + 3
        else:
            j = i + 1
        pieces.append(''.join(lines[i:j]))
        i = j
    return pieces


def format_exception(exc, /, value=_sentinel, tb=_sentinel, limit=None, chain=True):
    return _pieces(_traceback.format_exception(_value(exc, value), limit, chain))


def format_exception_only(exc, /, value=_sentinel, *, show_group=False):
    return _traceback.format_exception_only(_value(exc, value)).splitlines(keepends=True)


def print_exception(exc, /, value=_sentinel, tb=_sentinel, limit=None, file=None, chain=True):
    if file is None:
        file = sys.stderr
    for piece in format_exception(exc, value, tb, limit=limit, chain=chain):
        print(piece, file=file, end='')


def format_exc(limit=None, chain=True):
    return ''.join(format_exception(sys.exception(), limit=limit, chain=chain))


def print_exc(limit=None, file=None, chain=True):
    print_exception(sys.exception(), limit=limit, file=file, chain=chain)
