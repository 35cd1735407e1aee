async def agen():
    yield 1
g = agen()
print(g.__name__, g.__qualname__, g.ag_running)
import inspect
print(inspect.isasyncgen(g), inspect.isasyncgenfunction(agen), inspect.isgeneratorfunction(agen))
print(hasattr(g, "__aiter__"), g.__aiter__() is g)
def drive(aw):
    try:
        aw.send(None)
    except StopIteration as e:
        return e.value
print(drive(g.__anext__()))
try:
    drive(g.__anext__())
except StopAsyncIteration as e:
    print(type(e).__name__, repr(e))
