async def fail():
    raise KeyError("inside coroutine")
async def caller():
    try:
        await fail()
    except KeyError as e:
        print("  caller caught", repr(e))
        raise RuntimeError("wrapped") from e
c = caller()
try:
    c.send(None)
except RuntimeError as e:
    print(type(e).__name__, e, "cause:", repr(e.__cause__))
