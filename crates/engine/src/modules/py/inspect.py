"""Inspect live objects (Looplab's own implementation, a small subset)."""

CO_GENERATOR = 0x20
CO_COROUTINE = 0x80
CO_ASYNC_GENERATOR = 0x200

GEN_CREATED = 'GEN_CREATED'
GEN_RUNNING = 'GEN_RUNNING'
GEN_SUSPENDED = 'GEN_SUSPENDED'
GEN_CLOSED = 'GEN_CLOSED'
CORO_CREATED = 'CORO_CREATED'
CORO_RUNNING = 'CORO_RUNNING'
CORO_SUSPENDED = 'CORO_SUSPENDED'
CORO_CLOSED = 'CORO_CLOSED'


def _unwrap_partial(f):
    while True:
        if hasattr(f, '__func__'):
            f = f.__func__
        elif type(f).__name__ == 'partial' and hasattr(f, 'func'):
            f = f.func
        else:
            return f


def _has_flag(f, flag):
    f = _unwrap_partial(f)
    if not isfunction(f):
        return False
    code = getattr(f, '__code__', None)
    return bool(getattr(code, 'co_flags', 0) & flag)


def isclass(obj):
    return isinstance(obj, type)


def ismethod(obj):
    return type(obj).__name__ == 'method'


def isfunction(obj):
    return type(obj).__name__ == 'function'


def isbuiltin(obj):
    return type(obj).__name__ == 'builtin_function_or_method'


def isroutine(obj):
    return isfunction(obj) or ismethod(obj) or isbuiltin(obj)


def ismodule(obj):
    return type(obj).__name__ == 'module'


def isgeneratorfunction(obj):
    return _has_flag(obj, CO_GENERATOR)


def iscoroutinefunction(obj):
    return _has_flag(obj, CO_COROUTINE) or getattr(
        _unwrap_partial(obj), '_is_coroutine_marker', None) is _is_coroutine_mark


def isasyncgenfunction(obj):
    return _has_flag(obj, CO_ASYNC_GENERATOR)


_is_coroutine_mark = object()


def markcoroutinefunction(func):
    func._is_coroutine_marker = _is_coroutine_mark
    return func


def isgenerator(obj):
    return type(obj).__name__ == 'generator'


def iscoroutine(obj):
    return type(obj).__name__ == 'coroutine'


def isasyncgen(obj):
    return type(obj).__name__ == 'async_generator'


def isawaitable(obj):
    return iscoroutine(obj) or hasattr(type(obj), '__await__')


def isabstract(obj):
    return bool(getattr(obj, '__abstractmethods__', False))


def getgeneratorstate(generator):
    """Get current state of a generator-iterator."""
    if generator.gi_running:
        return GEN_RUNNING
    if getattr(generator, 'gi_suspended', False):
        return GEN_SUSPENDED
    if generator.gi_frame is None:
        return GEN_CLOSED
    return GEN_CREATED


def getcoroutinestate(coroutine):
    """Get current state of a coroutine object."""
    if coroutine.cr_running:
        return CORO_RUNNING
    if getattr(coroutine, 'cr_suspended', False):
        return CORO_SUSPENDED
    if coroutine.cr_frame is None:
        return CORO_CLOSED
    return CORO_CREATED


def getdoc(obj):
    doc = getattr(obj, '__doc__', None)
    if not isinstance(doc, str):
        return None
    return cleandoc(doc)


def cleandoc(doc):
    lines = doc.expandtabs().split('\n')
    margin = None
    for line in lines[1:]:
        content = len(line.lstrip())
        if content:
            indent = len(line) - content
            margin = indent if margin is None else min(margin, indent)
    lines[0] = lines[0].lstrip()
    if margin is not None:
        lines[1:] = [line[margin:] for line in lines[1:]]
    while lines and not lines[-1]:
        lines.pop()
    while lines and not lines[0]:
        lines.pop(0)
    return '\n'.join(lines)


def getmembers(obj, predicate=None):
    results = []
    for key in dir(obj):
        try:
            value = getattr(obj, key)
        except AttributeError:
            continue
        if predicate is None or predicate(value):
            results.append((key, value))
    results.sort(key=lambda kv: kv[0])
    return results
