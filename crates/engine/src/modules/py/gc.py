"""gc, as far as a program can tell: the engine frees an object when its
last reference goes, so there is never garbage left for collect() to find,
and the warnings of objects already freed (a coroutine never awaited, a
task exception never retrieved) have been printed by then."""

_enabled = True


def collect(generation=2):
    if generation not in (0, 1, 2):
        raise ValueError('invalid generation')
    return 0


def enable():
    global _enabled
    _enabled = True


def disable():
    global _enabled
    _enabled = False


def isenabled():
    return _enabled
