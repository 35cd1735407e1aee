"""`random.Random`: independent generators, each keeping its own
Mersenne Twister state (swapped in around every call)."""


class Random:
    def __init__(self, x=None):
        saved = getstate()
        seed(x)
        self._state = getstate()
        setstate(saved)

    def _call(self, f, *args, **kwargs):
        saved = getstate()
        setstate(self._state)
        try:
            return f(*args, **kwargs)
        finally:
            self._state = getstate()
            setstate(saved)

    def seed(self, a=None, version=2):
        self._call(seed, a, version)

    def getstate(self):
        return self._state

    def setstate(self, state):
        self._call(setstate, state)

    def random(self):
        return self._call(random)

    def uniform(self, a, b):
        return self._call(uniform, a, b)

    def triangular(self, low=0.0, high=1.0, mode=None):
        return self._call(triangular, low, high, mode)

    def randint(self, a, b):
        return self._call(randint, a, b)

    def randrange(self, *args, **kwargs):
        return self._call(randrange, *args, **kwargs)

    def choice(self, seq):
        return self._call(choice, seq)

    def choices(self, *args, **kwargs):
        return self._call(choices, *args, **kwargs)

    def shuffle(self, x):
        return self._call(shuffle, x)

    def sample(self, *args, **kwargs):
        return self._call(sample, *args, **kwargs)

    def getrandbits(self, k):
        return self._call(getrandbits, k)

    def gauss(self, mu=0.0, sigma=1.0):
        return self._call(gauss, mu, sigma)
