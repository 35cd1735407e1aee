def documented(a: int, b: str = "x") -> bool:
    """Return True.

    More text here.
    """
    return True
print(documented.__doc__)
print(documented.__annotations__)
print(documented.__name__, documented.__qualname__, documented.__defaults__)
def outer():
    def inner():
        pass
    return inner
print(outer().__qualname__, outer.__doc__)
