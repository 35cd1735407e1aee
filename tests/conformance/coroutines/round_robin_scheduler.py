from collections import deque
class Yield:
    def __await__(self):
        yield
async def task(name, n):
    for i in range(n):
        print(f"{name} step {i}")
        await Yield()
    return f"{name} finished"
def run_all(coros):
    ready = deque(coros)
    results = []
    while ready:
        c = ready.popleft()
        try:
            c.send(None)
            ready.append(c)
        except StopIteration as e:
            results.append(e.value)
    return results
print(run_all([task("A", 3), task("B", 1), task("C", 2)]))
