"""threading, on Looplab's simulated threads.

Each Thread runs as a lane of the engine (`_thread`): it runs between the
event loop's callbacks until it blocks, and a blocking call (time.sleep,
join, Event.wait, a lock held by another thread) parks only that lane.
The main thread runs the event loop and cannot block on another thread.
"""

import _thread
import sys as _sys

get_ident = _thread.get_ident
_counter = 0


def _newname(name_template='Thread-%d'):
    global _counter
    _counter += 1
    return name_template % _counter


class Event:
    """A flag threads can wait for."""

    def __init__(self):
        self._flag = False

    def __repr__(self):
        cls = type(self)
        status = 'set' if self._flag else 'unset'
        return f"<{cls.__module__}.{cls.__qualname__} at {id(self):#x}: {status}>"

    def is_set(self):
        return self._flag

    def set(self):
        self._flag = True
        _thread._notify_all(self)

    def clear(self):
        self._flag = False

    def wait(self, timeout=None):
        if not self._flag:
            _thread._wait(self, timeout, 'Event.wait()')
        return self._flag


class Lock:
    """A mutex; acquiring it while another thread holds it parks the caller."""

    def __init__(self):
        self._owner = None

    def __repr__(self):
        cls = type(self)
        state = 'locked' if self._owner is not None else 'unlocked'
        return f"<{state} {cls.__module__}.{cls.__qualname__} object at {id(self):#x}>"

    def acquire(self, blocking=True, timeout=-1):
        while self._owner is not None:
            if not blocking:
                return False
            if not _thread._wait(self, None if timeout < 0 else timeout, 'Lock.acquire()'):
                if timeout >= 0:
                    return False
        self._owner = get_ident()
        return True

    def release(self):
        if self._owner is None:
            raise RuntimeError('release unlocked lock')
        self._owner = None
        _thread._notify_all(self)

    def locked(self):
        return self._owner is not None

    __enter__ = acquire

    def __exit__(self, *args):
        self.release()


class RLock(Lock):
    """A lock its owner may acquire again."""

    def __init__(self):
        super().__init__()
        self._count = 0

    def acquire(self, blocking=True, timeout=-1):
        if self._owner == get_ident():
            self._count += 1
            return True
        if super().acquire(blocking, timeout):
            self._count = 1
            return True
        return False

    __enter__ = acquire

    def release(self):
        if self._owner != get_ident():
            raise RuntimeError('cannot release un-acquired lock')
        self._count -= 1
        if self._count == 0:
            super().release()


class Condition:
    def __init__(self, lock=None):
        self._lock = RLock() if lock is None else lock
        self.acquire = self._lock.acquire
        self.release = self._lock.release

    def __enter__(self):
        return self._lock.__enter__()

    def __exit__(self, *args):
        return self._lock.__exit__(*args)

    def wait(self, timeout=None):
        self._lock.release()
        try:
            return bool(_thread._wait(self, timeout, 'Condition.wait()'))
        finally:
            self._lock.acquire()

    def wait_for(self, predicate, timeout=None):
        result = predicate()
        while not result:
            if not self.wait(timeout) and timeout is not None:
                return predicate()
            result = predicate()
        return result

    def notify(self, n=1):
        _thread._notify_all(self)

    def notify_all(self):
        _thread._notify_all(self)


class Thread:
    """A thread of control, simulated as a lane of the engine."""

    def __init__(self, group=None, target=None, name=None, args=(), kwargs=None, *, daemon=None):
        self._target = target
        self._args = args
        self._kwargs = {} if kwargs is None else kwargs
        if name is None:
            name = _newname()
            if target is not None:
                tname = getattr(target, '__name__', None)
                if tname:
                    name += f' ({tname})'
        self._name = name
        self._daemonic = bool(daemon)
        self._ident = None
        self._started = False
        self._finished = Event()

    def __repr__(self):
        status = 'initial'
        if self._started:
            status = 'started'
        if self._finished.is_set():
            status = 'stopped'
        if self._daemonic:
            status += ' daemon'
        if self._ident is not None:
            status += f' {self._ident}'
        return f'<{type(self).__name__}({self._name}, {status})>'

    def start(self):
        if self._started:
            raise RuntimeError('threads can only be started once')
        self._started = True
        self._ident = _thread.start_new_thread(self._bootstrap, (), self._name)

    def _bootstrap(self):
        _threads[get_ident()] = self
        try:
            self.run()
        finally:
            _threads.pop(get_ident(), None)
            self._finished.set()

    def run(self):
        try:
            if self._target is not None:
                self._target(*self._args, **self._kwargs)
        finally:
            del self._target, self._args, self._kwargs

    def join(self, timeout=None):
        if not self._started:
            raise RuntimeError('cannot join thread before it is started')
        if self is current_thread():
            raise RuntimeError('cannot join current thread')
        if not self._finished.is_set():
            _thread._wait(self._finished, timeout, 'Thread.join()')

    def is_alive(self):
        return self._started and not self._finished.is_set()

    @property
    def name(self):
        return self._name

    @name.setter
    def name(self, name):
        self._name = str(name)

    @property
    def ident(self):
        return self._ident

    native_id = ident

    @property
    def daemon(self):
        return self._daemonic

    @daemon.setter
    def daemon(self, daemonic):
        self._daemonic = daemonic

    def getName(self):
        return self._name


class _MainThread(Thread):
    def __init__(self):
        super().__init__(name='MainThread')
        self._started = True
        self._ident = _thread._MAIN_THREAD


class _PoolThread(Thread):
    """A lane started without a Thread object: a concurrent.futures pool's
    thread, which the pool names."""

    def __init__(self, ident, name, daemon=False):
        super().__init__(name=name, daemon=daemon)
        self._started = True
        self._ident = ident

    def is_alive(self):
        return _thread._is_alive(self._ident)


class _DummyThread(_PoolThread):
    """Any other lane started without a Thread object."""

    def __init__(self, ident):
        super().__init__(ident, f'Dummy-{ident}', daemon=True)


_main_thread = _MainThread()
_threads = {_main_thread.ident: _main_thread}


def current_thread():
    ident = get_ident()
    t = _threads.get(ident)
    if t is None:
        pool = _sys.modules.get('concurrent')
        name = pool._pool_thread_names.get(ident) if pool else None
        t = _PoolThread(ident, name) if name else _DummyThread(ident)
    return t


def main_thread():
    return _main_thread


def active_count():
    return len(_threads)


def enumerate():
    return list(_threads.values())


currentThread = current_thread
