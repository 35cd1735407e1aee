import asyncio

async def fail(kind):
    await asyncio.sleep(0)
    if kind == "key":
        raise KeyError("k")
    if kind == "zero":
        return 1 / 0
    return "ok"

for kind in ["ok", "key", "zero"]:
    try:
        print(kind, "->", asyncio.run(fail(kind)))
    except Exception as e:
        print(kind, "raised", type(e).__name__, e)
print("done")
