"""Functions creating iterators for efficient looping (Looplab's own implementation).

Each public function checks its arguments eagerly (like CPython's C
functions) and then hands back a generator doing the work.
"""

_MAXSIZE = 9223372036854775807


class count:
    """count(start=0, step=1) --> count object"""

    def __init__(self, start=0, step=1):
        for v in (start, step):
            if v is None or isinstance(v, (str, bytes, list, tuple, dict, set)):
                raise TypeError('a number is required')
        self._n = start
        self._step = step

    def __iter__(self):
        return self

    def __next__(self):
        n = self._n
        self._n = n + self._step
        return n

    def __repr__(self):
        if type(self._step) is int and self._step == 1:
            return 'count(%r)' % (self._n,)
        return 'count(%r, %r)' % (self._n, self._step)


class repeat:
    """repeat(object [,times]) -> create an iterator which returns the object
    for the specified number of times.  If not specified, returns the object
    endlessly."""

    def __init__(self, *args, **kwargs):
        if not args and 'object' not in kwargs:
            raise TypeError("repeat() missing required argument 'object' (pos 1)")
        if args:
            self._obj = args[0]
            times = args[1] if len(args) > 1 else kwargs.get('times')
        else:
            self._obj = kwargs['object']
            times = kwargs.get('times')
        if times is not None and times < 0:
            times = 0
        self._times = times

    def __iter__(self):
        return self

    def __next__(self):
        if self._times is None:
            return self._obj
        if self._times <= 0:
            raise StopIteration
        self._times -= 1
        return self._obj

    def __length_hint__(self):
        if self._times is None:
            raise TypeError('len() of unsized object')
        return self._times

    def __repr__(self):
        if self._times is None:
            return 'repeat(%r)' % (self._obj,)
        return 'repeat(%r, %d)' % (self._obj, self._times)


def cycle(iterable, /):
    """Return elements from the iterable until it is exhausted, then repeat."""
    it = iter(iterable)

    def gen():
        saved = []
        for element in it:
            yield element
            saved.append(element)
        while saved:
            for element in saved:
                yield element
    return gen()


def _chain(iterables):
    for it in iterables:
        for element in it:
            yield element


class chain:
    """chain(*iterables) --> chain object"""

    def __init__(self, *iterables):
        self._gen = _chain(iterables)

    @classmethod
    def from_iterable(cls, iterable, /):
        self = cls.__new__(cls)
        self._gen = _chain(iter(iterable))
        return self

    def __iter__(self):
        return self

    def __next__(self):
        return next(self._gen)


def _islice_arg(value, what):
    if value is None:
        return None
    if isinstance(value, int) or hasattr(type(value), '__index__'):
        value = int(value)
        if 0 <= value <= _MAXSIZE:
            return value
    if what == 'Stop':
        raise ValueError('Stop argument for islice() must be None or an integer: '
                         '0 <= x <= sys.maxsize.')
    if what == 'Step':
        raise ValueError('Step for islice() must be a positive integer or None.')
    raise ValueError('Indices for islice() must be None or an integer: '
                     '0 <= x <= sys.maxsize.')


def islice(iterable, *args):
    """islice(iterable, stop) --> islice object
    islice(iterable, start, stop[, step]) --> islice object"""
    if len(args) == 1:
        start, stop, step = None, args[0], None
        stop = _islice_arg(stop, 'Stop')
    elif 2 <= len(args) <= 3:
        start, stop = args[0], args[1]
        step = args[2] if len(args) == 3 else None
        start = _islice_arg(start, 'Indices')
        stop = _islice_arg(stop, 'Indices')
        if step is not None:
            step = _islice_arg(step, 'Step')
            if step == 0:
                raise ValueError('Step for islice() must be a positive integer or None.')
    elif not args:
        raise TypeError('islice expected at least 2 arguments, got 1')
    else:
        raise TypeError('islice expected at most 4 arguments, got %d' % (len(args) + 1))
    start = start or 0
    step = step or 1
    it = iter(iterable)

    def gen():
        nexti = start
        i = 0
        if stop is not None and nexti >= stop:
            return
        for element in it:
            if i == nexti:
                yield element
                nexti += step
                if stop is not None and nexti >= stop:
                    return
            i += 1
    return gen()


def product(*iterables, repeat=1):
    """Cartesian product of input iterables.  Equivalent to nested for-loops."""
    if repeat < 0:
        raise ValueError('repeat argument cannot be negative')
    pools = [tuple(pool) for pool in iterables] * repeat

    def gen():
        result = [()]
        for pool in pools:
            result = [x + (y,) for x in result for y in pool]
        for prod in result:
            yield prod
    return gen()


def permutations(iterable, r=None):
    """Return successive r-length permutations of elements in the iterable."""
    pool = tuple(iterable)
    n = len(pool)
    if r is None:
        r = n
    elif r < 0:
        raise ValueError('r must be non-negative')

    def gen():
        if r > n:
            return
        indices = list(range(n))
        cycles = list(range(n, n - r, -1))
        yield tuple(pool[i] for i in indices[:r])
        while n:
            for i in reversed(range(r)):
                cycles[i] -= 1
                if cycles[i] == 0:
                    indices[i:] = indices[i + 1:] + indices[i:i + 1]
                    cycles[i] = n - i
                else:
                    j = cycles[i]
                    indices[i], indices[-j] = indices[-j], indices[i]
                    yield tuple(pool[i] for i in indices[:r])
                    break
            else:
                return
    return gen()


def combinations(iterable, r):
    """Return successive r-length combinations of elements in the iterable."""
    pool = tuple(iterable)
    n = len(pool)
    if r < 0:
        raise ValueError('r must be non-negative')

    def gen():
        if r > n:
            return
        indices = list(range(r))
        yield tuple(pool[i] for i in indices)
        while True:
            for i in reversed(range(r)):
                if indices[i] != i + n - r:
                    break
            else:
                return
            indices[i] += 1
            for j in range(i + 1, r):
                indices[j] = indices[j - 1] + 1
            yield tuple(pool[i] for i in indices)
    return gen()


def combinations_with_replacement(iterable, r):
    """Return successive r-length combinations allowing individual elements to be repeated."""
    pool = tuple(iterable)
    n = len(pool)
    if r < 0:
        raise ValueError('r must be non-negative')

    def gen():
        if not n and r:
            return
        indices = [0] * r
        yield tuple(pool[i] for i in indices)
        while True:
            for i in reversed(range(r)):
                if indices[i] != n - 1:
                    break
            else:
                return
            indices[i:] = [indices[i] + 1] * (r - i)
            yield tuple(pool[i] for i in indices)
    return gen()


def zip_longest(*iterables, fillvalue=None):
    """Aggregate elements from each iterable, filling missing values with fillvalue."""
    iterators = [iter(it) for it in iterables]

    def gen():
        num_active = len(iterators)
        if not num_active:
            return
        while True:
            values = []
            for i, it in enumerate(iterators):
                try:
                    value = next(it)
                except StopIteration:
                    num_active -= 1
                    if not num_active:
                        return
                    iterators[i] = repeat(fillvalue)
                    value = fillvalue
                values.append(value)
            yield tuple(values)
    return gen()


def _add(a, b):
    return a + b


def accumulate(iterable, func=None, *, initial=None):
    """Return series of accumulated sums (or other binary function results)."""
    it = iter(iterable)
    if func is None:
        func = _add

    def gen():
        total = initial
        if initial is None:
            try:
                total = next(it)
            except StopIteration:
                return
        yield total
        for element in it:
            total = func(total, element)
            yield total
    return gen()


def groupby(iterable, key=None):
    """make an iterator that returns consecutive keys and groups from the iterable"""
    it = iter(iterable)
    keyfunc = (lambda x: x) if key is None else key
    # current element, its key, exhausted flag, id of the live group
    st = {'cur': None, 'key': None, 'done': False, 'gid': 0}

    def advance():
        try:
            st['cur'] = next(it)
        except StopIteration:
            st['done'] = True
            return
        st['key'] = keyfunc(st['cur'])

    def grouper(tgtkey, gid):
        while st['gid'] == gid and not st['done'] and st['key'] == tgtkey:
            yield st['cur']
            advance()

    def gen():
        advance()
        while not st['done']:
            tgt = st['key']
            st['gid'] += 1
            yield tgt, grouper(tgt, st['gid'])
            while not st['done'] and st['key'] == tgt:
                advance()
    return gen()


def takewhile(predicate, iterable, /):
    """Return successive entries from an iterable as long as the predicate evaluates to true."""
    it = iter(iterable)

    def gen():
        for x in it:
            if predicate(x):
                yield x
            else:
                return
    return gen()


def dropwhile(predicate, iterable, /):
    """Drop items from the iterable while predicate(item) is true."""
    it = iter(iterable)

    def gen():
        for x in it:
            if not predicate(x):
                yield x
                break
        for x in it:
            yield x
    return gen()


def starmap(function, iterable, /):
    """Return an iterator whose values are returned from the function evaluated
    with an argument tuple taken from the given sequence."""
    it = iter(iterable)

    def gen():
        for args in it:
            yield function(*args)
    return gen()


def filterfalse(function, iterable, /):
    """Return those items of iterable for which function(item) is false."""
    it = iter(iterable)
    if function is None:
        function = bool

    def gen():
        for x in it:
            if not function(x):
                yield x
    return gen()


def compress(data, selectors):
    """Return data elements corresponding to true selector elements."""
    d, s = iter(data), iter(selectors)

    def gen():
        for x, sel in zip(d, s):
            if sel:
                yield x
    return gen()


def pairwise(iterable, /):
    """Return an iterator of overlapping pairs taken from the input iterator."""
    it = iter(iterable)

    def gen():
        for a in it:
            break
        else:
            return
        for b in it:
            yield a, b
            a = b
    return gen()


def batched(iterable, n, *, strict=False):
    """Batch data into tuples of length n. The last batch may be shorter."""
    if n < 1:
        raise ValueError('n must be at least one')
    it = iter(iterable)

    def gen():
        while True:
            batch = tuple(islice(it, n))
            if not batch:
                return
            if strict and len(batch) != n:
                raise ValueError('batched(): incomplete batch')
            yield batch
    return gen()


def tee(iterable, n=2, /):
    """Returns a tuple of n independent iterators."""
    if n < 0:
        raise ValueError('n must be >= 0')
    it = iter(iterable)
    buffers = [[] for _ in range(n)]

    def gen(mybuf):
        while True:
            if not mybuf:
                try:
                    value = next(it)
                except StopIteration:
                    return
                for b in buffers:
                    b.append(value)
            yield mybuf.pop(0)
    return tuple(gen(b) for b in buffers)
