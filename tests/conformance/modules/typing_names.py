from typing import List, Dict, Optional, Union, Tuple, Any, Callable, Iterable, Iterator, Sequence, TypeVar, Generic
print(List[int], Dict[str, int], Optional[int], Union[int, str])
print(Tuple[int, ...], Callable[[int], str], Iterable[str])
T = TypeVar("T")
class Box(Generic[T]):
    def __init__(self, item: T):
        self.item = item
b: Box[int] = Box(5)
print(b.item, Box[int].__origin__ is Box, T)
print(list[int], dict[str, list[int]], int | None, tuple[int, str])
def f(x: Optional[List[int]] = None) -> Dict[str, Any]:
    return {"x": x}
print(f(), f([1]))
from typing import NamedTuple, TypedDict, Literal
class P(NamedTuple):
    x: int
    y: int = 0
print(P(1), P(1, 2)._asdict())
class Movie(TypedDict):
    title: str
print(Movie(title="x"), Literal["a", "b"])
