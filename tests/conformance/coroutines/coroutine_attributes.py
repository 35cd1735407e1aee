async def named():
    return 1
c = named()
print(c.__name__, c.__qualname__, type(c).__name__)
print(c.cr_running, c.cr_await, c.cr_frame is not None)
import inspect
print(inspect.iscoroutine(c), inspect.iscoroutinefunction(named), inspect.iscoroutinefunction(print))
print(inspect.getcoroutinestate(c))
try:
    c.send(None)
except StopIteration:
    pass
print(inspect.getcoroutinestate(c))
try:
    iter(c)
except TypeError as e:
    print(type(e).__name__, e)
