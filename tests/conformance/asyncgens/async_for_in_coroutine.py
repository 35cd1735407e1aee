async def letters():
    for ch in "abc":
        print("  producing", ch)
        yield ch
async def consume():
    out = []
    async for ch in letters():
        out.append(ch.upper())
    return out
c = consume()
try:
    c.send(None)
except StopIteration as e:
    print(e.value)
