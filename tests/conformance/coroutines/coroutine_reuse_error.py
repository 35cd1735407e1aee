async def once():
    return "value"
c = once()
for attempt in range(2):
    try:
        c.send(None)
    except StopIteration as e:
        print("attempt", attempt, "value", e.value)
    except RuntimeError as e:
        print("attempt", attempt, type(e).__name__, e)
async def outer():
    inner = once()
    first = await inner
    try:
        await inner
    except RuntimeError as e:
        return first, str(e)
c = outer()
try:
    c.send(None)
except StopIteration as e:
    print(e.value)
