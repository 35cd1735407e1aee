class Step:
    def __init__(self, label):
        self.label = label
    def __await__(self):
        yield self.label
async def stepped():
    for i in range(2):
        await Step(f"before {i}")
        yield i
    await Step("final")
def run(coro):
    try:
        while True:
            print("  loop saw:", coro.send(None))
    except StopIteration as e:
        return e.value
async def main():
    got = []
    async for v in stepped():
        print("  main got", v)
        got.append(v)
    return got
print(run(main()))
