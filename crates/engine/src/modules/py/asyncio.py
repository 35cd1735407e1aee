"""asyncio, Looplab's own implementation.

The core — the loop, Future, Task, run, create_task — is in Rust
(`crates/engine/src/asyncio`); this file builds the rest on top of it,
following the behaviour of CPython 3.13's asyncio.
"""

FIRST_COMPLETED = 'FIRST_COMPLETED'
FIRST_EXCEPTION = 'FIRST_EXCEPTION'
ALL_COMPLETED = 'ALL_COMPLETED'


async def sleep(delay, result=None):
    """Coroutine that completes after a given time (in seconds)."""
    if delay <= 0:
        await _sleep0()
        return result
    loop = get_running_loop()
    future = loop.create_future()
    h = loop.call_later(delay, _set_result_unless_cancelled, future, result)
    try:
        return await future
    finally:
        h.cancel()


def ensure_future(coro_or_future):
    if isfuture(coro_or_future):
        return coro_or_future
    if iscoroutine(coro_or_future):
        return create_task(coro_or_future)
    raise TypeError('An asyncio.Future, a coroutine or an awaitable is required')


def iscoroutinefunction(func):
    code = getattr(func, '__code__', None)
    return code is not None and type(func).__name__ == 'function' and _is_async_code(func)


def _is_async_code(func):
    try:
        import inspect
        return inspect.iscoroutinefunction(func)
    except Exception:
        return False


class _GatheringFuture(Future):
    pass


def gather(*coros_or_futures, return_exceptions=False):
    """Run awaitables concurrently; results in argument order."""
    loop = get_running_loop()
    if not coros_or_futures:
        outer = loop.create_future()
        outer.set_result([])
        return outer

    children = []
    arg_to_fut = {}
    for arg in coros_or_futures:
        if id(arg) in arg_to_fut:
            fut = arg_to_fut[id(arg)]
        else:
            fut = ensure_future(arg)
            arg_to_fut[id(arg)] = fut
        children.append(fut)

    outer = loop.create_future()
    state = {'finished': 0, 'cancel_requested': False}
    nfuts = len(set(map(id, children)))

    def _done_callback(fut):
        state['finished'] += 1
        if outer.done():
            if not fut.cancelled():
                fut.exception()
            return
        if not return_exceptions:
            if fut.cancelled():
                exc = fut._make_cancelled_error() if hasattr(fut, '_make_cancelled_error') else CancelledError()
                outer.set_exception(exc)
                return
            else:
                exc = fut.exception()
                if exc is not None:
                    outer.set_exception(exc)
                    return
        if state['finished'] == nfuts:
            results = []
            for f in children:
                if f.cancelled():
                    res = CancelledError('' if True else None)
                    res = CancelledError()
                elif f.exception() is not None:
                    res = f.exception()
                else:
                    res = f.result()
                results.append(res)
            if state['cancel_requested']:
                outer.set_exception(CancelledError())
            else:
                outer.set_result(results)

    seen = set()
    for fut in children:
        if id(fut) not in seen:
            seen.add(id(fut))
            fut.add_done_callback(_done_callback)
    return outer


async def wait_for(fut, timeout):
    """Wait for a single awaitable with a timeout (3.12+: runs in the caller)."""
    if timeout is None:
        return await fut
    if timeout <= 0:
        fut = ensure_future(fut)
        if fut.done():
            return fut.result()
        fut.cancel()
        raise TimeoutError()
    async with _timeout(timeout):
        return await fut


class Timeout:
    """The async context manager returned by timeout()/timeout_at()."""

    def __init__(self, when):
        self._when = when
        self._state = 'created'
        self._timeout_handler = None
        self._task = None

    def when(self):
        return self._when

    def reschedule(self, when):
        if self._timeout_handler is not None:
            self._timeout_handler.cancel()
        self._when = when
        if when is None:
            self._timeout_handler = None
        else:
            loop = get_running_loop()
            if when <= loop.time():
                self._timeout_handler = loop.call_soon(self._on_timeout)
            else:
                self._timeout_handler = loop.call_at(when, self._on_timeout)

    def expired(self):
        return self._state in ('expiring', 'expired')

    def __repr__(self):
        info = ['']
        if self._state == 'entered':
            info.append(f'when={self._when!r}' if self._when is not None else 'when=None')
        return f"<Timeout [{self._state}]{' '.join(info)}>"

    async def __aenter__(self):
        self._state = 'entered'
        self._task = current_task()
        self._cancelling = self._task.cancelling()
        self.reschedule(self._when)
        return self

    async def __aexit__(self, exc_type, exc_val, exc_tb):
        if self._timeout_handler is not None:
            self._timeout_handler.cancel()
            self._timeout_handler = None
        if self._state == 'expiring':
            self._state = 'expired'
            if self._task.uncancel() <= self._cancelling and exc_type is not None:
                if issubclass(exc_type, CancelledError):
                    raise TimeoutError from exc_val
        elif self._state == 'entered':
            self._state = 'exited'
        return None

    def _on_timeout(self):
        self._task.cancel()
        self._state = 'expiring'
        self._timeout_handler = None


def timeout(delay):
    loop = get_running_loop()
    return Timeout(loop.time() + delay if delay is not None else None)


def timeout_at(when):
    return Timeout(when)


_timeout = timeout
