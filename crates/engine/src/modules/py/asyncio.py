"""asyncio, Looplab's own implementation.

The core — the loop, Future, Task, run, create_task — is in Rust
(`crates/engine/src/asyncio`); this file builds the rest on top of it,
following the behaviour of CPython 3.13's asyncio: the same callbacks are
scheduled in the same order, so tasks interleave exactly as in CPython.

Workarounds for things the Rust core does not offer yet are marked
"CORE:" below.
"""

import heapq
from _collections import deque as _deque

FIRST_COMPLETED = 'FIRST_COMPLETED'
FIRST_EXCEPTION = 'FIRST_EXCEPTION'
ALL_COMPLETED = 'ALL_COMPLETED'

_core_isfuture = isfuture
_core_task_cancel = Task.cancel
_sentinel = object()


# ---------------------------------------------------------------------------
# small helpers

def _object_repr(obj):
    # CORE: object.__repr__ ignores a class body's __module__.
    cls = type(obj)
    return f'<{cls.__module__}.{cls.__qualname__} object at {id(obj):#x}>'


def _running_loop_or_none():
    try:
        return get_running_loop()
    except RuntimeError:
        return None


class _FrameSummary:
    """One frame of a debug-mode source traceback (CORE: stands for
    traceback.FrameSummary; there is no traceback module)."""
    __module__ = 'traceback'

    def __init__(self, filename, lineno, name, line):
        self.filename = filename
        self.lineno = lineno
        self.name = name
        self.line = line

    def __iter__(self):
        return iter((self.filename, self.lineno, self.name, self.line))

    def __getitem__(self, pos):
        return (self.filename, self.lineno, self.name, self.line)[pos]

    def __len__(self):
        return 4

    def __repr__(self):
        return f"<FrameSummary file {self.filename}, line {self.lineno} in {self.name}>"


def _frame_summaries(rows):
    return [_FrameSummary(*row) for row in rows]


Future._source_traceback = property(_source_traceback)


def _isawaitable(obj):
    if iscoroutine(obj) or isfuture(obj):
        return True
    return hasattr(type(obj), '__await__')


# ---------------------------------------------------------------------------
# exceptions

class BrokenBarrierError(RuntimeError):
    """Barrier is broken by barrier.abort() call."""
    __module__ = 'asyncio.exceptions'


class SendfileNotAvailableError(RuntimeError):
    """Sendfile syscall is not available."""
    __module__ = 'asyncio.exceptions'


class IncompleteReadError(EOFError):
    """Incomplete read error."""
    __module__ = 'asyncio.exceptions'

    def __init__(self, partial, expected):
        r_expected = 'undefined' if expected is None else repr(expected)
        super().__init__(f'{len(partial)} bytes read on a total of '
                         f'{r_expected} expected bytes')
        self.partial = partial
        self.expected = expected


class LimitOverrunError(Exception):
    """Reached the buffer limit while looking for a separator."""
    __module__ = 'asyncio.exceptions'

    def __init__(self, message, consumed):
        super().__init__(message)
        self.consumed = consumed


class QueueEmpty(Exception):
    """Raised when Queue.get_nowait() is called on an empty Queue."""
    __module__ = 'asyncio.queues'


class QueueFull(Exception):
    """Raised when the Queue.put_nowait() method is called on a full Queue."""
    __module__ = 'asyncio.queues'


class QueueShutDown(Exception):
    """Raised when putting on to or getting from a shut-down Queue."""
    __module__ = 'asyncio.queues'


# ---------------------------------------------------------------------------
# coroutine helpers

class _GenericAlias:
    """Just enough of types.GenericAlias for Queue[int]."""

    def __init__(self, origin, args):
        self.__origin__ = origin
        self.__args__ = args if isinstance(args, tuple) else (args,)

    def __call__(self, *args, **kwargs):
        return self.__origin__(*args, **kwargs)

    def __repr__(self):
        def r(a):
            if isinstance(a, type):
                if a.__module__ == 'builtins':
                    return a.__qualname__
                return f'{a.__module__}.{a.__qualname__}'
            if a is Ellipsis:
                return '...'
            return repr(a)
        o = self.__origin__
        return f"{o.__module__}.{o.__qualname__}[{', '.join(r(a) for a in self.__args__)}]"


class _CoroutineMarker:
    pass


_is_coroutine = _CoroutineMarker()


def iscoroutinefunction(func):
    while True:
        inner = getattr(func, 'func', None)   # functools.partial
        if inner is None or not callable(inner):
            break
        func = inner
    func = getattr(func, '__func__', func)    # bound methods
    if getattr(func, '_is_coroutine', None) is _is_coroutine or _is_async_def(func):
        return True
    code = getattr(func, '__code__', None)
    flags = getattr(code, 'co_flags', 0) if code is not None else 0
    return bool(flags & 0x80)


def isfuture(obj):
    return _core_isfuture(obj) or isinstance(obj, _PyFuture)


def ensure_future(coro_or_future, *, loop=None):
    if isfuture(coro_or_future):
        return coro_or_future
    if not iscoroutine(coro_or_future):
        if _isawaitable(coro_or_future):
            async def _wrap_awaitable(awaitable):
                return await awaitable
            coro_or_future = _wrap_awaitable(coro_or_future)
        else:
            raise TypeError('An asyncio.Future, a coroutine or an awaitable '
                            'is required')
    if loop is None:
        loop = get_event_loop()
    return loop.create_task(coro_or_future)


async def sleep(delay, result=None):
    """Coroutine that completes after a given time (in seconds)."""
    if delay <= 0:
        await _sleep0()
        return result
    loop = get_running_loop()
    future = loop.create_future()
    _wait_tag(future, 'sleep', loop.time() + delay)
    h = loop.call_later(delay, _set_result_unless_cancelled, future, result)
    try:
        return await future
    finally:
        h.cancel()


_await_fast(sleep, 'sleep')


def _release_waiter(waiter, *args):
    if not waiter.done():
        waiter.set_result(None)


# ---------------------------------------------------------------------------
# A Future written in Python (CORE: Python classes cannot subclass the
# Rust Future yet, and Task.cancel() does not call a Python `cancel` of the
# future its task waits on). _GatheringFuture needs both, so it is a
# Python future: awaiting it makes the task wait on a private Rust
# "proxy" future that is resolved at the exact moment the Python future's
# callbacks would be scheduled, so wakeups keep CPython's order.

_awaiting = {}      # task -> _PyFuture it is suspended on
_spurious = {}      # task -> True while its proxy was cancelled by us


class _PyFuture:
    _asyncio_future_blocking = False

    def __init__(self, *, loop=None):
        if loop is None:
            loop = get_event_loop()
        self._loop = loop
        self._state = 'PENDING'
        self._result = None
        self._exception = None
        self._callbacks = []          # [is_proxy, callback or proxy future]
        self._cancel_message = None
        self._cancelled_exc = None
        self._source_traceback = _extract_stack()

    def __repr__(self):
        info = [self._state.lower()]
        if self._state == 'FINISHED':
            if self._exception is not None:
                info.append(f'exception={self._exception!r}')
            else:
                info.append(f'result={_reprlib_repr(self._result)}')
        if self._callbacks:
            # A proxy entry is an awaiting task's wakeup.
            info.append(_format_callbacks(
                ['Task.task_wakeup()' if e[0] else e[1] for e in self._callbacks]))
        if self._source_traceback:
            frame = self._source_traceback[-1]
            info.append(f'created at {frame[0]}:{frame[1]}')
        return f"<{type(self).__name__} {' '.join(info)}>"

    def get_loop(self):
        return self._loop

    def _make_cancelled_error(self):
        if self._cancelled_exc is not None:
            exc = self._cancelled_exc
            self._cancelled_exc = None
            return exc
        if self._cancel_message is None:
            return CancelledError()
        return CancelledError(self._cancel_message)

    def cancel(self, msg=None):
        if self._state != 'PENDING':
            return False
        self._state = 'CANCELLED'
        self._cancel_message = msg
        self._schedule_callbacks()
        return True

    def _schedule_callbacks(self):
        callbacks = self._callbacks[:]
        self._callbacks[:] = []
        for entry in callbacks:
            if entry[0]:
                proxy = entry[1]
                if not proxy.done():
                    proxy.set_result(None)
            else:
                self._loop.call_soon(entry[1], self)

    def cancelled(self):
        return self._state == 'CANCELLED'

    def done(self):
        return self._state != 'PENDING'

    def result(self):
        if self._state == 'CANCELLED':
            raise self._make_cancelled_error()
        if self._state != 'FINISHED':
            raise InvalidStateError('Result is not set.')
        if self._exception is not None:
            raise self._exception
        return self._result

    def exception(self):
        if self._state == 'CANCELLED':
            raise self._make_cancelled_error()
        if self._state != 'FINISHED':
            raise InvalidStateError('Exception is not set.')
        return self._exception

    def add_done_callback(self, fn, *, context=None):
        if self._state != 'PENDING':
            self._loop.call_soon(fn, self)
        else:
            self._callbacks.append([False, fn])

    def remove_done_callback(self, fn):
        filtered = [e for e in self._callbacks if e[0] or e[1] != fn]
        removed = len(self._callbacks) - len(filtered)
        if removed:
            self._callbacks[:] = filtered
        return removed

    def set_result(self, result):
        if self._state != 'PENDING':
            raise InvalidStateError('invalid state')
        self._result = result
        self._state = 'FINISHED'
        self._schedule_callbacks()

    def set_exception(self, exception):
        if self._state != 'PENDING':
            raise InvalidStateError('invalid state')
        if isinstance(exception, type):
            exception = exception()
        if isinstance(exception, StopIteration):
            new_exc = RuntimeError('StopIteration interacts badly with '
                                   'generators and cannot be raised into a '
                                   'Future')
            new_exc.__cause__ = exception
            new_exc.__context__ = exception
            exception = new_exc
        self._exception = exception
        self._state = 'FINISHED'
        self._schedule_callbacks()

    def __await__(self):
        task = current_task()
        entry = None
        must_cancel = None
        while self._state == 'PENDING':
            proxy = self._loop.create_future()
            if isinstance(self, _GatheringFuture):
                _wait_tag(proxy, 'gather', self._children)
            if entry is None:
                entry = [True, proxy]
                self._callbacks.append(entry)
            else:
                entry[1] = proxy          # keep our place in the queue
            if task is not None:
                _awaiting[task] = self
            try:
                yield from proxy
            except CancelledError as e:
                if task is not None and _spurious.pop(task, False):
                    continue               # cancel already handled
                # Cancelled by the core directly: do what Task.cancel() does.
                msg = e.args[0] if e.args else None
                if not self.cancel(msg):
                    must_cancel = e
                continue
            finally:
                if task is not None:
                    _awaiting.pop(task, None)
        if task is not None:
            mc = _spurious.pop((task, 'must_cancel'), None)
            if mc is not None:
                must_cancel = mc
        if must_cancel is not None:
            raise must_cancel
        return self.result()

    __iter__ = __await__


def _task_cancel(self, msg=None):
    fut = _awaiting.get(self)
    if fut is None or self.done():
        return _core_task_cancel(self, msg)
    # The task waits on a Python future: cancel that future first (as
    # CPython's Task.cancel() does), then count the request in the core,
    # whose wakeup of the task our __await__ swallows.
    ok = fut.cancel(msg=msg)
    if not ok:
        _spurious[(self, 'must_cancel')] = CancelledError() if msg is None else CancelledError(msg)
    _spurious[self] = True
    return _core_task_cancel(self, msg)


Task.cancel = _task_cancel


# ---------------------------------------------------------------------------
# gather

class _GatheringFuture(_PyFuture):
    """Helper for gather(): cancel() cancels the children."""

    def __init__(self, children, *, loop):
        super().__init__(loop=loop)
        self._children = children
        self._cancel_requested = False

    def cancel(self, msg=None):
        if self.done():
            return False
        ret = False
        for child in self._children:
            if child.cancel(msg=msg):
                ret = True
        if ret:
            self._cancel_requested = True
        return ret


def _cancel_message_of(fut):
    m = getattr(fut, '_cancel_message', _sentinel)
    if m is not _sentinel:
        return m
    # CORE: Rust futures do not expose _cancel_message. A cancelled Task
    # always has None there (Task.__step cancels with no message).
    if isinstance(fut, Task):
        return None
    e = fut._make_cancelled_error()
    return e.args[0] if e.args else None


def gather(*coros_or_futures, return_exceptions=False):
    """Run awaitables concurrently; results in argument order."""
    if not coros_or_futures:
        loop = get_event_loop()
        outer = loop.create_future()
        outer.set_result([])
        return outer

    nfuts = 0
    nfinished = 0
    outer = None

    def _done_callback(fut):
        nonlocal nfinished
        nfinished += 1

        if outer is None or outer.done():
            if not fut.cancelled():
                fut.exception()
            return

        if not return_exceptions:
            if fut.cancelled():
                outer.set_exception(fut._make_cancelled_error())
                return
            exc = fut.exception()
            if exc is not None:
                outer.set_exception(exc)
                return

        if nfinished == nfuts:
            results = []
            for fut in children:
                if fut.cancelled():
                    m = _cancel_message_of(fut)
                    res = CancelledError('' if m is None else m)
                else:
                    res = fut.exception()
                    if res is None:
                        res = fut.result()
                results.append(res)

            if outer._cancel_requested:
                outer.set_exception(fut._make_cancelled_error())
            else:
                outer.set_result(results)

    arg_to_fut = {}
    children = []
    done_futs = []
    loop = None
    for arg in coros_or_futures:
        if arg not in arg_to_fut:
            fut = ensure_future(arg, loop=loop)
            if loop is None:
                loop = fut.get_loop()
            nfuts += 1
            arg_to_fut[arg] = fut
            if fut.done():
                done_futs.append(fut)
            else:
                fut.add_done_callback(_done_callback)
        else:
            fut = arg_to_fut[arg]
        children.append(fut)

    outer = _GatheringFuture(children, loop=loop)
    for fut in done_futs:
        _done_callback(fut)
    return outer


# ---------------------------------------------------------------------------
# shield, wait, wait_for, as_completed

def shield(arg):
    inner = ensure_future(arg)
    if inner.done():
        return inner
    loop = inner.get_loop()
    outer = loop.create_future()

    def _inner_done_callback(inner):
        if outer.cancelled():
            if not inner.cancelled():
                inner.exception()
            return
        if inner.cancelled():
            outer.cancel()
        else:
            exc = inner.exception()
            if exc is not None:
                outer.set_exception(exc)
            else:
                outer.set_result(inner.result())

    def _outer_done_callback(outer):
        if not inner.done():
            inner.remove_done_callback(_inner_done_callback)

    inner.add_done_callback(_inner_done_callback)
    outer.add_done_callback(_outer_done_callback)
    return outer


async def wait(fs, *, timeout=None, return_when=ALL_COMPLETED):
    if isfuture(fs) or iscoroutine(fs):
        raise TypeError(f"expect a list of futures, not {type(fs).__name__}")
    if not fs:
        raise ValueError('Set of Tasks/Futures is empty.')
    if return_when not in (FIRST_COMPLETED, FIRST_EXCEPTION, ALL_COMPLETED):
        raise ValueError(f'Invalid return_when value: {return_when}')

    fs = set(fs)

    if any(iscoroutine(f) for f in fs):
        raise TypeError("Passing coroutines is forbidden, use tasks explicitly.")

    loop = get_running_loop()
    return await _wait(fs, timeout, return_when, loop)


async def _wait(fs, timeout, return_when, loop):
    waiter = loop.create_future()
    _wait_tag(waiter, 'wait', fs)
    timeout_handle = None
    if timeout is not None:
        timeout_handle = loop.call_later(timeout, _release_waiter, waiter)
    counter = len(fs)

    def _on_completion(f):
        nonlocal counter
        counter -= 1
        if (counter <= 0 or
                return_when == FIRST_COMPLETED or
                return_when == FIRST_EXCEPTION and (not f.cancelled() and
                                                    f.exception() is not None)):
            if timeout_handle is not None:
                timeout_handle.cancel()
            if not waiter.done():
                waiter.set_result(None)

    for f in fs:
        f.add_done_callback(_on_completion)

    try:
        await waiter
    finally:
        if timeout_handle is not None:
            timeout_handle.cancel()
        for f in fs:
            f.remove_done_callback(_on_completion)

    done, pending = set(), set()
    for f in fs:
        if f.done():
            done.add(f)
        else:
            pending.add(f)
    return done, pending


async def _cancel_and_wait(fut):
    loop = get_running_loop()
    waiter = loop.create_future()

    def cb(f):
        _release_waiter(waiter)

    fut.add_done_callback(cb)
    try:
        fut.cancel()
        await waiter
    finally:
        fut.remove_done_callback(cb)


async def wait_for(fut, timeout):
    """Wait for a single awaitable with a timeout (3.12+: runs in the caller)."""
    if timeout is not None and timeout <= 0:
        fut = ensure_future(fut)
        if fut.done():
            return fut.result()
        await _cancel_and_wait(fut)
        try:
            return fut.result()
        except CancelledError as exc:
            raise TimeoutError from exc

    async with timeout_(timeout):
        return await fut


class _AsCompletedIterator:
    __module__ = 'asyncio.tasks'

    def __init__(self, aws, timeout):
        self._done = Queue()
        self._timeout_handle = None
        loop = get_event_loop()
        todo = {}
        for aw in set(aws):
            todo[ensure_future(aw, loop=loop)] = None
        for f in todo:
            f.add_done_callback(self._handle_completion)
        if todo and timeout is not None:
            self._timeout_handle = loop.call_later(timeout, self._handle_timeout)
        self._todo = todo
        self._todo_left = len(todo)

    def __aiter__(self):
        return self

    def __iter__(self):
        return self

    async def __anext__(self):
        if not self._todo_left:
            raise StopAsyncIteration
        self._todo_left -= 1
        return await self._wait_for_one()

    def __next__(self):
        if not self._todo_left:
            raise StopIteration
        self._todo_left -= 1
        return self._wait_for_one(resolve=True)

    def _handle_timeout(self):
        for f in self._todo:
            f.remove_done_callback(self._handle_completion)
            self._done.put_nowait(None)
        self._todo.clear()

    def _handle_completion(self, f):
        if not self._todo:
            return
        del self._todo[f]
        self._done.put_nowait(f)
        if not self._todo and self._timeout_handle is not None:
            self._timeout_handle.cancel()

    async def _wait_for_one(self, resolve=False):
        f = await self._done.get()
        if f is None:
            raise TimeoutError
        return f.result() if resolve else f


def as_completed(fs, *, timeout=None):
    if _isawaitable(fs):
        raise TypeError(
            f"expects an iterable of awaitables, not {type(fs).__name__}")
    return _AsCompletedIterator(fs, timeout)


# ---------------------------------------------------------------------------
# timeouts

class Timeout:
    """The async context manager returned by timeout()/timeout_at()."""
    __module__ = 'asyncio.timeouts'

    def __init__(self, when):
        self._state = 'created'
        self._timeout_handler = None
        self._task = None
        self._when = when

    def when(self):
        return self._when

    def reschedule(self, when):
        if self._state != 'active':
            if self._state == 'created':
                raise RuntimeError("Timeout has not been entered")
            raise RuntimeError(f"Cannot change state of {self._state} Timeout")
        self._when = when
        if current_task() is self._task:
            _trace_deadline(when)
        if self._timeout_handler is not None:
            self._timeout_handler.cancel()
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
        if self._state == 'active':
            when = round(self._when, 3) if self._when is not None else None
            info.append(f"when={when}")
        info_str = ' '.join(info)
        return f"<Timeout [{self._state}]{info_str}>"

    async def __aenter__(self):
        if self._state != 'created':
            raise RuntimeError("Timeout has already been entered")
        task = current_task()
        if task is None:
            raise RuntimeError("Timeout should be used inside a task")
        self._state = 'active'
        self._task = task
        self._cancelling = self._task.cancelling()
        self._outer_deadline = _trace_deadline(self._when)
        self.reschedule(self._when)
        return self

    async def __aexit__(self, exc_type, exc_val, exc_tb):
        _trace_deadline(self._outer_deadline)
        if self._timeout_handler is not None:
            self._timeout_handler.cancel()
            self._timeout_handler = None

        if self._state == 'expiring':
            self._state = 'expired'
            if self._task.uncancel() <= self._cancelling and exc_type is not None:
                if issubclass(exc_type, CancelledError):
                    raise TimeoutError from exc_val
                elif exc_val is not None:
                    self._insert_timeout_error(exc_val)
                    if isinstance(exc_val, BaseExceptionGroup):
                        for exc in exc_val.exceptions:
                            self._insert_timeout_error(exc)
        elif self._state == 'active':
            self._state = 'finished'
        return None

    def _on_timeout(self):
        self._task.cancel()
        self._state = 'expiring'
        self._timeout_handler = None

    @staticmethod
    def _insert_timeout_error(exc_val):
        while exc_val.__context__ is not None:
            if isinstance(exc_val.__context__, CancelledError):
                te = TimeoutError()
                te.__context__ = te.__cause__ = exc_val.__context__
                exc_val.__context__ = te
                break
            exc_val = exc_val.__context__


def timeout(delay):
    loop = get_running_loop()
    return Timeout(loop.time() + delay if delay is not None else None)


def timeout_at(when):
    return Timeout(when)


timeout_ = timeout
_timeout = timeout


# ---------------------------------------------------------------------------
# TaskGroup

class TaskGroup:
    """Asynchronous context manager for managing groups of tasks."""
    __module__ = 'asyncio.taskgroups'

    def __init__(self):
        self._entered = False
        self._exiting = False
        self._aborting = False
        self._loop = None
        self._parent_task = None
        self._parent_cancel_requested = False
        self._tasks = {}            # insertion-ordered set
        self._errors = []
        self._base_error = None
        self._on_completed_fut = None

    def __repr__(self):
        info = ['']
        if self._tasks:
            info.append(f'tasks={len(self._tasks)}')
        if self._errors:
            info.append(f'errors={len(self._errors)}')
        if self._aborting:
            info.append('cancelling')
        elif self._entered:
            info.append('entered')
        info_str = ' '.join(info)
        return f'<TaskGroup{info_str}>'

    async def __aenter__(self):
        if self._entered:
            raise RuntimeError(f"TaskGroup {self!r} has already been entered")
        if self._loop is None:
            self._loop = get_running_loop()
        self._parent_task = current_task()
        if self._parent_task is None:
            raise RuntimeError(f'TaskGroup {self!r} cannot determine the parent task')
        self._entered = True
        return self

    async def __aexit__(self, et, exc, tb):
        try:
            return await self._aexit(et, exc)
        finally:
            self._parent_task = None
            self._errors = None
            self._base_error = None
            exc = None

    async def _aexit(self, et, exc):
        self._exiting = True

        if (exc is not None and self._is_base_error(exc)
                and self._base_error is None):
            self._base_error = exc

        if et is not None and issubclass(et, CancelledError):
            propagate_cancellation_error = exc
        else:
            propagate_cancellation_error = None

        if et is not None:
            if not self._aborting:
                self._abort()

        while self._tasks:
            if self._on_completed_fut is None:
                self._on_completed_fut = self._loop.create_future()
                _wait_tag(self._on_completed_fut, 'taskgroup', self._tasks)
            try:
                await self._on_completed_fut
            except CancelledError as ex:
                if not self._aborting:
                    propagate_cancellation_error = ex
                    self._abort()
            self._on_completed_fut = None

        if self._base_error is not None:
            raise self._base_error

        if self._parent_cancel_requested:
            if self._parent_task.uncancel() == 0:
                propagate_cancellation_error = None

        if propagate_cancellation_error is not None and not self._errors:
            raise propagate_cancellation_error

        if et is not None and not issubclass(et, CancelledError):
            self._errors.append(exc)

        if self._errors:
            if self._parent_task.cancelling():
                self._parent_task.uncancel()
                self._parent_task.cancel()
            errors = self._errors
            raise BaseExceptionGroup('unhandled errors in a TaskGroup', errors) from None

    def create_task(self, coro, *, name=None, context=None):
        if not self._entered:
            coro.close()
            raise RuntimeError(f"TaskGroup {self!r} has not been entered")
        if self._exiting and not self._tasks:
            coro.close()
            raise RuntimeError(f"TaskGroup {self!r} is finished")
        if self._aborting:
            coro.close()
            raise RuntimeError(f"TaskGroup {self!r} is shutting down")
        task = self._loop.create_task(coro, name=name)
        if task.done():
            self._on_task_done(task)
        else:
            self._tasks[task] = None
            task.add_done_callback(self._on_task_done)
        return task

    def _is_base_error(self, exc):
        return isinstance(exc, (SystemExit, KeyboardInterrupt))

    def _abort(self):
        self._aborting = True
        for t in list(self._tasks):
            if not t.done():
                t.cancel()

    def _on_task_done(self, task):
        self._tasks.pop(task, None)

        if self._on_completed_fut is not None and not self._tasks:
            if not self._on_completed_fut.done():
                self._on_completed_fut.set_result(True)

        if task.cancelled():
            return

        exc = task.exception()
        if exc is None:
            return

        self._errors.append(exc)
        if self._is_base_error(exc) and self._base_error is None:
            self._base_error = exc

        if self._parent_task.done():
            return

        if not self._aborting and not self._parent_cancel_requested:
            self._abort()
            self._parent_cancel_requested = True
            self._parent_task.cancel()


# ---------------------------------------------------------------------------
# locks

class _LoopBoundMixin:
    _loop = None

    def _get_loop(self):
        loop = get_running_loop()
        if self._loop is None:
            self._loop = loop
        if loop is not self._loop:
            raise RuntimeError(f'{self!r} is bound to a different event loop')
        return loop


class _ContextManagerMixin:
    async def __aenter__(self):
        await self.acquire()
        return None

    async def __aexit__(self, exc_type, exc, tb):
        self.release()


class Lock(_ContextManagerMixin, _LoopBoundMixin):
    """Primitive lock objects."""
    __module__ = 'asyncio.locks'

    def __init__(self):
        self._waiters = None
        self._locked = False
        self._owner = None
        self._trace_id = _sync_created('lock', type(self).__name__)

    def _traced(self):
        _trace_lock(self._trace_id, self._locked, self._owner, self._waiters)

    def __repr__(self):
        res = _object_repr(self)
        extra = 'locked' if self._locked else 'unlocked'
        if self._waiters:
            extra = f'{extra}, waiters:{len(self._waiters)}'
        return f'<{res[1:-1]} [{extra}]>'

    def locked(self):
        return self._locked

    async def acquire(self):
        if (not self._locked and (self._waiters is None or
                all(w.cancelled() for w in self._waiters))):
            self._locked = True
            self._owner = current_task()
            self._traced()
            return True

        if self._waiters is None:
            self._waiters = _deque()
        fut = self._get_loop().create_future()
        _wait_tag(fut, 'lock', self._trace_id)
        self._waiters.append(fut)
        self._traced()

        try:
            try:
                await fut
            finally:
                self._waiters.remove(fut)
        except CancelledError:
            if not self._locked:
                self._wake_up_first()
            self._traced()
            raise

        self._locked = True
        self._owner = current_task()
        self._traced()
        return True

    def release(self):
        if self._locked:
            self._locked = False
            self._owner = None
            self._wake_up_first()
            self._traced()
        else:
            raise RuntimeError('Lock is not acquired.')

    def _wake_up_first(self):
        if not self._waiters:
            return
        for fut in self._waiters:
            if not fut.done():
                fut.set_result(True)
            return


def _internal_event():
    # An Event a queue keeps for join(): the trace shows the queue instead.
    e = Event.__new__(Event)
    e._waiters = _deque()
    e._value = False
    e._trace_id = 0
    return e


class Event(_LoopBoundMixin):
    """Asynchronous equivalent to threading.Event."""
    __module__ = 'asyncio.locks'

    def __init__(self):
        self._waiters = _deque()
        self._value = False
        self._trace_id = _sync_created('event', type(self).__name__)

    def _traced(self):
        if self._trace_id:
            _trace_event(self._trace_id, self._value, self._waiters)

    def __repr__(self):
        res = _object_repr(self)
        extra = 'set' if self._value else 'unset'
        if self._waiters:
            extra = f'{extra}, waiters:{len(self._waiters)}'
        return f'<{res[1:-1]} [{extra}]>'

    def is_set(self):
        return self._value

    def set(self):
        if not self._value:
            self._value = True
            for fut in self._waiters:
                if not fut.done():
                    fut.set_result(True)
            self._traced()

    def clear(self):
        if self._value:
            self._value = False
            self._traced()

    async def wait(self):
        if self._value:
            return True
        fut = self._get_loop().create_future()
        _wait_tag(fut, 'event', self._trace_id)
        self._waiters.append(fut)
        self._traced()
        try:
            await fut
            return True
        finally:
            self._waiters.remove(fut)
            self._traced()


class Condition(_ContextManagerMixin, _LoopBoundMixin):
    """Asynchronous equivalent to threading.Condition."""
    __module__ = 'asyncio.locks'

    def __init__(self, lock=None):
        if lock is None:
            lock = Lock()
        self._lock = lock
        self.locked = lock.locked
        self.acquire = lock.acquire
        self.release = lock.release
        self._waiters = _deque()
        self._trace_id = _sync_created('condition', type(self).__name__)

    def _traced(self):
        _trace_condition(self._trace_id, self.locked(), self._waiters)

    def __repr__(self):
        res = _object_repr(self)
        extra = 'locked' if self.locked() else 'unlocked'
        if self._waiters:
            extra = f'{extra}, waiters:{len(self._waiters)}'
        return f'<{res[1:-1]} [{extra}]>'

    async def wait(self):
        if not self.locked():
            raise RuntimeError('cannot wait on un-acquired lock')

        self.release()
        try:
            try:
                fut = self._get_loop().create_future()
                _wait_tag(fut, 'condition', self._trace_id)
                self._waiters.append(fut)
                self._traced()
                try:
                    await fut
                    return True
                finally:
                    self._waiters.remove(fut)
                    self._traced()
            finally:
                # Must re-acquire the lock even if the wait is cancelled.
                err = None
                while True:
                    try:
                        await self.acquire()
                        break
                    except CancelledError as e:
                        err = e
                if err is not None:
                    raise err
        except BaseException:
            # Pass a notification we may have consumed on to another waiter.
            self._notify(1)
            raise

    async def wait_for(self, predicate):
        result = predicate()
        while not result:
            await self.wait()
            result = predicate()
        return result

    def notify(self, n=1):
        if not self.locked():
            raise RuntimeError('cannot notify on un-acquired lock')
        self._notify(n)

    def _notify(self, n):
        idx = 0
        for fut in self._waiters:
            if idx >= n:
                break
            if not fut.done():
                idx += 1
                fut.set_result(False)

    def notify_all(self):
        self.notify(len(self._waiters))


class Semaphore(_ContextManagerMixin, _LoopBoundMixin):
    """A Semaphore implementation."""
    __module__ = 'asyncio.locks'

    def __init__(self, value=1):
        if value < 0:
            raise ValueError("Semaphore initial value must be >= 0")
        self._waiters = None
        self._value = value
        self._trace_id = _sync_created('semaphore', type(self).__name__)

    def _traced(self):
        _trace_semaphore(self._trace_id, self._value, self._waiters)

    def __repr__(self):
        res = _object_repr(self)
        extra = 'locked' if self.locked() else f'unlocked, value:{self._value}'
        if self._waiters:
            extra = f'{extra}, waiters:{len(self._waiters)}'
        return f'<{res[1:-1]} [{extra}]>'

    def locked(self):
        return self._value == 0 or (
            any(not w.cancelled() for w in (self._waiters or ())))

    async def acquire(self):
        if not self.locked():
            self._value -= 1
            self._traced()
            return True

        if self._waiters is None:
            self._waiters = _deque()
        fut = self._get_loop().create_future()
        _wait_tag(fut, 'semaphore', self._trace_id)
        self._waiters.append(fut)
        self._traced()

        try:
            try:
                await fut
            finally:
                self._waiters.remove(fut)
        except CancelledError:
            if fut.done() and not fut.cancelled():
                self._value += 1
            raise
        finally:
            while self._value > 0:
                if not self._wake_up_next():
                    break
            self._traced()
        return True

    def release(self):
        self._value += 1
        self._wake_up_next()
        self._traced()

    def _wake_up_next(self):
        if not self._waiters:
            return False
        for fut in self._waiters:
            if not fut.done():
                self._value -= 1
                fut.set_result(True)
                return True
        return False


class BoundedSemaphore(Semaphore):
    """A bounded semaphore implementation."""
    __module__ = 'asyncio.locks'

    def __init__(self, value=1):
        self._bound_value = value
        super().__init__(value)

    def release(self):
        if self._value >= self._bound_value:
            raise ValueError('BoundedSemaphore released too many times')
        super().release()


class Barrier(_LoopBoundMixin):
    """Asyncio equivalent to threading.Barrier."""
    __module__ = 'asyncio.locks'

    def __init__(self, parties):
        if parties < 1:
            raise ValueError('parties must be > 0')
        self._cond = Condition()
        self._parties = parties
        self._state = 'filling'
        self._count = 0
        self._trace_id = _sync_created('barrier', type(self).__name__)

    def _traced(self):
        _trace_barrier(self._trace_id, self._state, self._count, self._parties)

    def __repr__(self):
        res = _object_repr(self)
        extra = f'{self._state}'
        if not self.broken:
            extra += f', waiters:{self.n_waiting}/{self.parties}'
        return f'<{res[1:-1]} [{extra}]>'

    async def __aenter__(self):
        return await self.wait()

    async def __aexit__(self, *args):
        pass

    async def wait(self):
        async with self._cond:
            await self._block()
            try:
                index = self._count
                self._count += 1
                self._traced()
                if index + 1 == self._parties:
                    await self._release()
                else:
                    await self._wait()
                return index
            finally:
                self._count -= 1
                self._exit()
                self._traced()

    async def _block(self):
        await self._cond.wait_for(
            lambda: self._state not in ('draining', 'resetting'))
        if self._state == 'broken':
            raise BrokenBarrierError("Barrier aborted")

    async def _release(self):
        self._state = 'draining'
        self._cond.notify_all()

    async def _wait(self):
        await self._cond.wait_for(lambda: self._state != 'filling')
        if self._state in ('broken', 'resetting'):
            raise BrokenBarrierError("Abort or reset of barrier")

    def _exit(self):
        if self._count == 0:
            if self._state in ('resetting', 'draining'):
                self._state = 'filling'
            self._cond.notify_all()

    async def reset(self):
        async with self._cond:
            if self._count > 0:
                if self._state != 'resetting':
                    self._state = 'resetting'
            else:
                self._state = 'filling'
            self._cond.notify_all()

    async def abort(self):
        async with self._cond:
            self._state = 'broken'
            self._cond.notify_all()

    @property
    def parties(self):
        return self._parties

    @property
    def n_waiting(self):
        if self._state == 'filling':
            return self._count
        return 0

    @property
    def broken(self):
        return self._state == 'broken'


# ---------------------------------------------------------------------------
# queues

class Queue(_LoopBoundMixin):
    """A queue, useful for coordinating producer and consumer coroutines."""
    __module__ = 'asyncio.queues'

    def __init__(self, maxsize=0):
        self._maxsize = maxsize
        self._getters = _deque()
        self._putters = _deque()
        self._unfinished_tasks = 0
        self._finished = _internal_event()
        self._finished.set()
        self._init(maxsize)
        self._is_shutdown = False
        self._trace_id = _sync_created('queue', type(self).__name__)

    # In Rust (crates/engine/src/asyncio/queues.rs): the storage hooks,
    # the size checks and the non-waiting put/get, as in CPython; put()
    # and get() start with their no-wait case in one call.
    _head = _queue_head
    _init = _queue_init
    _get = _queue_get
    _put = _queue_put
    _wakeup_next = _queue_wakeup_next
    qsize = _queue_qsize
    empty = _queue_empty
    full = _queue_full
    put_nowait = _queue_put_nowait
    get_nowait = _queue_get_nowait

    def __repr__(self):
        return f'<{type(self).__name__} at {id(self):#x} {self._format()}>'

    def __str__(self):
        return f'<{type(self).__name__} {self._format()}>'

    def _format(self):
        result = f'maxsize={self._maxsize!r}'
        if getattr(self, '_queue', None):
            result += f' _queue={list(self._queue)!r}'
        if self._getters:
            result += f' _getters[{len(self._getters)}]'
        if self._putters:
            result += f' _putters[{len(self._putters)}]'
        if self._unfinished_tasks:
            result += f' tasks={self._unfinished_tasks}'
        if self._is_shutdown:
            result += ' shutdown'
        return result

    def __class_getitem__(cls, item):
        return _GenericAlias(cls, item)

    @property
    def maxsize(self):
        return self._maxsize

    async def put(self, item):
        if _queue_put_fast(self, item):
            return None
        while self.full():
            if self._is_shutdown:
                raise QueueShutDown
            putter = self._get_loop().create_future()
            _wait_tag(putter, 'queue_put', self._trace_id)
            self._putters.append(putter)
            _trace_queue(self)
            try:
                await putter
            except:
                putter.cancel()
                try:
                    self._putters.remove(putter)
                except ValueError:
                    pass
                if not self.full() and not putter.cancelled():
                    self._wakeup_next(self._putters)
                _trace_queue(self)
                raise
        return self.put_nowait(item)

    async def get(self):
        item = _queue_get_fast(self, _sentinel)
        if item is not _sentinel:
            return item
        while self.empty():
            if self._is_shutdown and self.empty():
                raise QueueShutDown
            getter = self._get_loop().create_future()
            _wait_tag(getter, 'queue_get', self._trace_id)
            self._getters.append(getter)
            _trace_queue(self)
            try:
                await getter
            except:
                getter.cancel()
                try:
                    self._getters.remove(getter)
                except ValueError:
                    pass
                if not self.empty() and not getter.cancelled():
                    self._wakeup_next(self._getters)
                _trace_queue(self)
                raise
        return self.get_nowait()

    def task_done(self):
        if self._unfinished_tasks <= 0:
            raise ValueError('task_done() called too many times')
        self._unfinished_tasks -= 1
        if self._unfinished_tasks == 0:
            self._finished.set()
        _trace_queue(self)

    async def join(self):
        if self._unfinished_tasks > 0:
            # Event.wait() on _finished, with the waiter tagged as a join.
            fut = self._get_loop().create_future()
            _wait_tag(fut, 'queue_join', self._trace_id)
            self._finished._waiters.append(fut)
            try:
                await fut
            finally:
                self._finished._waiters.remove(fut)

    def shutdown(self, immediate=False):
        self._is_shutdown = True
        if immediate:
            while not self.empty():
                self._get()
                if self._unfinished_tasks > 0:
                    self._unfinished_tasks -= 1
            if self._unfinished_tasks == 0:
                self._finished.set()
        while self._getters:
            getter = self._getters.popleft()
            if not getter.done():
                getter.set_result(None)
        while self._putters:
            putter = self._putters.popleft()
            if not putter.done():
                putter.set_result(None)
        _trace_queue(self)


_await_fast(Queue.put, 'queue_put')
_await_fast(Queue.get, 'queue_get')


class PriorityQueue(Queue):
    """A subclass of Queue; retrieves entries in priority order (lowest first)."""
    __module__ = 'asyncio.queues'

    def _init(self, maxsize):
        self._queue = []

    def _head(self):
        return sorted(self._queue)[:20]

    def _put(self, item):
        heapq.heappush(self._queue, item)

    def _get(self):
        return heapq.heappop(self._queue)


class LifoQueue(Queue):
    """A subclass of Queue that retrieves most recently added entries first."""
    __module__ = 'asyncio.queues'

    def _init(self, maxsize):
        self._queue = []

    def _head(self):
        return self._queue[:-21:-1]

    def _put(self, item):
        self._queue.append(item)

    def _get(self):
        return self._queue.pop()


# ---------------------------------------------------------------------------
# threads: executors run jobs on the engine's simulated thread lanes
# (see concurrent.py); results cross back with call_soon_threadsafe, as in
# CPython's futures._chain_future.

def _copy_future_state(source, dest):
    if dest.cancelled():
        return
    if source.cancelled():
        dest.cancel()
    else:
        exception = source.exception()
        if exception is not None:
            dest.set_exception(exception)
        else:
            dest.set_result(source.result())


def _set_concurrent_future_state(concurrent, source):
    if source.cancelled():
        concurrent.cancel()
    if not concurrent.set_running_or_notify_cancel():
        return
    exception = source.exception()
    if exception is not None:
        concurrent.set_exception(exception)
    else:
        concurrent.set_result(source.result())


def _chain_future(source, destination):
    source_loop = source.get_loop() if isfuture(source) else None
    dest_loop = destination.get_loop() if isfuture(destination) else None

    def _set_state(future, other):
        if isfuture(future):
            _copy_future_state(other, future)
        else:
            _set_concurrent_future_state(future, other)

    def _call_check_cancel(destination):
        if destination.cancelled():
            if source_loop is None or source_loop is dest_loop:
                source.cancel()
            else:
                source_loop.call_soon_threadsafe(source.cancel)

    def _call_set_state(source):
        if dest_loop is None or dest_loop is source_loop:
            _set_state(destination, source)
        else:
            dest_loop.call_soon_threadsafe(_set_state, destination, source)

    destination.add_done_callback(_call_check_cancel)
    source.add_done_callback(_call_set_state)


def wrap_future(future, *, loop=None):
    if isfuture(future):
        return future
    if loop is None:
        loop = get_event_loop()
    new_future = loop.create_future()
    _chain_future(future, new_future)
    return new_future


_default_executor = None


def _run_in_executor(self, executor, func, *args):
    global _default_executor
    if executor is None:
        if _default_executor is None:
            import concurrent
            _default_executor = concurrent.ThreadPoolExecutor(thread_name_prefix='asyncio')
        executor = _default_executor
    fut = wrap_future(executor.submit(func, *args), loop=self)
    _wait_tag(fut, 'thread', getattr(func, '_looplab_func', func))
    return fut


def run_coroutine_threadsafe(coro, loop):
    if not iscoroutine(coro):
        raise TypeError('A coroutine object is required')
    import concurrent
    future = concurrent.Future()

    def callback():
        try:
            _chain_future(ensure_future(coro, loop=loop), future)
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException as exc:
            if future.set_running_or_notify_cancel():
                future.set_exception(exc)
            raise

    loop.call_soon_threadsafe(callback)
    return future


def _install_loop_methods():
    loop_cls = type(Future().get_loop())
    loop_cls.run_in_executor = _run_in_executor
    loop_cls.is_closed = _loop_is_closed
    loop_cls.run_until_complete = _loop_run_until_complete
    loop_cls.run_forever = _loop_run_forever
    loop_cls.close = _loop_close
    loop_cls.__repr__ = _loop_repr


def _loop_repr(self):
    return (f'<{type(self).__name__} running={self.is_running()} '
            f'closed={self.is_closed()} debug={self.get_debug()}>')


def _loop_is_closed(self):
    # CORE: there is one loop object; Runner marks it closed/open.
    return getattr(self, '_ll_closed', False) and not self.is_running()


def _check_can_run(loop):
    if loop.is_closed():
        raise RuntimeError('Event loop is closed')
    if loop.is_running():
        raise RuntimeError('This event loop is already running')


def _loop_run_until_complete(self, future):
    _check_can_run(self)
    if not isfuture(future) and not iscoroutine(future):
        future = ensure_future(future, loop=self)
    if isinstance(future, _PyFuture):
        # CORE: the loop runs until a Rust future is done; this one is
        # resolved when the Python future (a gather) is.
        done = self.create_future()
        future.add_done_callback(lambda _: done.set_result(None))
        run(done, _until_complete=True)
        return future.result()
    return run(future, _until_complete=True)


def _loop_run_forever(self):
    _check_can_run(self)
    run(None, _until_complete=True, _forever=True)


def _loop_close(self):
    if self.is_running():
        raise RuntimeError("Cannot close a running event loop")
    if self.is_closed():
        return
    self._ll_closed = True
    _discard_scheduled()


# The event loop policy, for programs that drive the loop themselves
# (loop.run_until_complete); set_event_loop and its state are in Rust, where
# asyncio.run clears it when it ends. CORE: there is one loop object, so a
# new loop is that one, opened again.
def new_event_loop():
    loop = Future().get_loop()
    loop._ll_closed = False
    return loop


def get_event_loop():
    loop = _running_loop_or_none()
    if loop is not None:
        return loop
    loop, was_set = _policy_loop()
    if loop is None:
        if was_set:
            raise RuntimeError("There is no current event loop in thread 'MainThread'.")
        _warn('DeprecationWarning', 'There is no current event loop')
        loop = new_event_loop()
        set_event_loop(loop)
    return loop


_install_loop_methods()


async def to_thread(func, /, *args, **kwargs):
    import contextvars
    loop = get_running_loop()
    ctx = contextvars.copy_context()

    def func_call():
        return ctx.run(func, *args, **kwargs)
    func_call._looplab_func = func

    return await loop.run_in_executor(None, func_call)


# ---------------------------------------------------------------------------
# Runner

class Runner:
    """A context manager that runs coroutines with the same loop."""
    __module__ = 'asyncio.runners'

    def __init__(self, *, debug=None, loop_factory=None):
        self._state = 'created'
        self._debug = debug
        self._loop_factory = loop_factory
        self._set_event_loop = False

    def __enter__(self):
        self._lazy_init()
        return self

    def __exit__(self, exc_type, exc_val, exc_tb):
        self.close()

    def close(self):
        if self._state != 'initialized':
            return
        try:
            _shutdown()
        finally:
            if self._set_event_loop:
                set_event_loop(None)
            self._state = 'closed'
            _close_loop()
            Future().get_loop()._ll_closed = True

    def get_loop(self):
        self._lazy_init()
        return Future().get_loop()

    def run(self, coro, *, context=None):
        if not iscoroutine(coro):
            raise ValueError("a coroutine was expected, got {!r}".format(coro))
        if _running_loop_or_none() is not None:
            raise RuntimeError(
                "Runner.run() cannot be called from a running event loop")
        self._lazy_init()
        # Like loop.run_until_complete(): the tasks it leaves pending stay
        # for the next run, and close() cancels them.
        if self._debug is None:
            return run(coro, _runner=True, _until_complete=True)
        return run(coro, debug=self._debug, _runner=True, _until_complete=True)

    def _lazy_init(self):
        if self._state == 'closed':
            raise RuntimeError("Runner is closed")
        if self._state == 'initialized':
            return
        self._state = 'initialized'
        loop = Future().get_loop()
        loop._ll_closed = False
        if self._loop_factory is None:
            set_event_loop(loop)
            self._set_event_loop = True
