async def failing():
    yield 1
    raise RuntimeError("async gen failed")
async def main():
    seen = []
    try:
        async for v in failing():
            seen.append(v)
    except RuntimeError as e:
        seen.append(f"{type(e).__name__}: {e}")
    return seen
c = main()
try:
    c.send(None)
except StopIteration as e:
    print(e.value)
async def bad_stop():
    yield 1
    raise StopAsyncIteration
g = bad_stop()
def drive(aw):
    try:
        aw.send(None)
    except StopIteration as e:
        return e.value
print(drive(g.__anext__()))
try:
    drive(g.__anext__())
except RuntimeError as e:
    print(type(e).__name__, e)
