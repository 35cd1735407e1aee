"""concurrent.futures: Future and ThreadPoolExecutor on simulated threads.

The engine has no packages, so `concurrent` itself carries the
`concurrent.futures` names and `concurrent.futures` is this same module.
As in CPython, a Future's done callbacks run in the thread that completes
it, and a job's thread picks the next queued job when it finishes, so a
pool never runs more than `max_workers` jobs at once.
"""

import _thread
import concurrent as futures

PENDING = 'PENDING'
RUNNING = 'RUNNING'
CANCELLED = 'CANCELLED'
FINISHED = 'FINISHED'
FIRST_COMPLETED = 'FIRST_COMPLETED'
FIRST_EXCEPTION = 'FIRST_EXCEPTION'
ALL_COMPLETED = 'ALL_COMPLETED'


class Error(Exception):
    """Base class for all future-related exceptions."""
    __module__ = 'concurrent.futures._base'


class CancelledError(Error):
    """The Future was cancelled."""
    __module__ = 'concurrent.futures._base'


class InvalidStateError(Error):
    """The operation is not allowed in this state."""
    __module__ = 'concurrent.futures._base'


TimeoutError = TimeoutError


class Future:
    """Represents the result of an asynchronous computation."""
    __module__ = 'concurrent.futures._base'

    def __init__(self):
        self._state = PENDING
        self._result = None
        self._exception = None
        self._done_callbacks = []

    def __repr__(self):
        if self._state == FINISHED:
            if self._exception:
                return '<%s at %#x state=%s raised %s>' % (
                    type(self).__name__, id(self), self._state.lower(),
                    type(self._exception).__name__)
            return '<%s at %#x state=%s returned %s>' % (
                type(self).__name__, id(self), self._state.lower(),
                type(self._result).__name__)
        return '<%s at %#x state=%s>' % (type(self).__name__, id(self), self._state.lower())

    def _invoke_callbacks(self):
        for callback in self._done_callbacks:
            try:
                callback(self)
            except Exception as e:
                print(f'exception calling callback for {self!r}: {e!r}')

    def cancel(self):
        if self._state in (RUNNING, FINISHED):
            return False
        if self._state == CANCELLED:
            return True
        self._state = CANCELLED
        _thread._notify_all(self)
        self._invoke_callbacks()
        return True

    def cancelled(self):
        return self._state == CANCELLED

    def running(self):
        return self._state == RUNNING

    def done(self):
        return self._state in (CANCELLED, FINISHED)

    def _wait(self, timeout):
        if not self.done():
            _thread._wait(self, timeout, 'concurrent.futures.Future.result()')
        if self._state == CANCELLED:
            raise CancelledError()
        if self._state != FINISHED:
            raise TimeoutError()

    def result(self, timeout=None):
        self._wait(timeout)
        if self._exception is not None:
            raise self._exception
        return self._result

    def exception(self, timeout=None):
        self._wait(timeout)
        return self._exception

    def add_done_callback(self, fn):
        if not self.done():
            self._done_callbacks.append(fn)
            return
        try:
            fn(self)
        except Exception as e:
            print(f'exception calling callback for {self!r}: {e!r}')

    def set_running_or_notify_cancel(self):
        if self._state == CANCELLED:
            return False
        if self._state == PENDING:
            self._state = RUNNING
            return True
        raise RuntimeError('Future in unexpected state')

    def set_result(self, result):
        if self._state in (CANCELLED, FINISHED):
            raise InvalidStateError(f'{self._state}: {self!r}')
        self._result = result
        self._state = FINISHED
        _thread._notify_all(self)
        self._invoke_callbacks()

    def set_exception(self, exception):
        if self._state in (CANCELLED, FINISHED):
            raise InvalidStateError(f'{self._state}: {self!r}')
        self._exception = exception
        self._state = FINISHED
        _thread._notify_all(self)
        self._invoke_callbacks()


class Executor:
    def submit(self, fn, /, *args, **kwargs):
        raise NotImplementedError()

    def map(self, fn, *iterables, timeout=None):
        fs = [self.submit(fn, *args) for args in zip(*iterables)]
        return (f.result(timeout) for f in fs)

    def shutdown(self, wait=True, *, cancel_futures=False):
        pass

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc_val, exc_tb):
        self.shutdown(wait=True)
        return False


class _WorkItem:
    def __init__(self, future, fn, args, kwargs):
        self.future = future
        self.fn = fn
        self.args = args
        self.kwargs = kwargs

    def run(self):
        if not self.future.set_running_or_notify_cancel():
            return
        try:
            result = self.fn(*self.args, **self.kwargs)
        except BaseException as exc:
            self.future.set_exception(exc)
        else:
            self.future.set_result(result)


# The pool threads' names by ident, for threading.current_thread(): in
# CPython they are Thread objects so named, not dummies.
_pool_thread_names = {}


class ThreadPoolExecutor(Executor):
    _counter = 0

    def __init__(self, max_workers=None, thread_name_prefix='', initializer=None, initargs=()):
        if max_workers is None:
            # CPython: min(32, os.process_cpu_count() + 4); the engine
            # reports 4 CPUs wherever it runs, so results do not vary.
            max_workers = min(32, 4 + 4)
        if max_workers <= 0:
            raise ValueError('max_workers must be greater than 0')
        self._max_workers = max_workers
        self._queue = []
        self._nthreads = 0
        # The numbers of the threads that ran out of work. CPython's wait
        # for more, so the next job goes to one of them (its name is seen
        # again) rather than to a new thread.
        self._idle = []
        self._shutdown = False
        if not thread_name_prefix:
            thread_name_prefix = f'ThreadPoolExecutor-{ThreadPoolExecutor._counter}'
            ThreadPoolExecutor._counter += 1
        self._thread_name_prefix = thread_name_prefix
        self._running = 0
        self._all_done = []

    def submit(self, fn, /, *args, **kwargs):
        if self._shutdown:
            raise RuntimeError('cannot schedule new futures after shutdown')
        f = Future()
        self._queue.append(_WorkItem(f, fn, args, kwargs))
        if self._running < self._max_workers:
            self._running += 1
            if self._idle:
                n = min(self._idle)
                self._idle.remove(n)
            else:
                n = self._nthreads
                self._nthreads += 1
            name = f'{self._thread_name_prefix}_{n}'
            _thread.start_new_thread(self._worker, (n, name), name)
        return f

    def _worker(self, n, name):
        # A pool thread: run queued jobs until none is left.
        ident = _thread.get_ident()
        _pool_thread_names[ident] = name
        while self._queue:
            item = self._queue.pop(0)
            item.run()
            del item
        del _pool_thread_names[ident]
        self._idle.append(n)
        self._running -= 1
        if not self._running:
            _thread._notify_all(self)

    def shutdown(self, wait=True, *, cancel_futures=False):
        self._shutdown = True
        if cancel_futures:
            while self._queue:
                self._queue.pop(0).future.cancel()
        if wait and self._running:
            _thread._wait(self, None, 'ThreadPoolExecutor.shutdown()')
