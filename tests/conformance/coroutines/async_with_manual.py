class Resource:
    def __init__(self, name):
        self.name = name
    async def __aenter__(self):
        print("  acquire", self.name)
        return self.name.upper()
    async def __aexit__(self, et, ev, tb):
        print("  release", self.name, et.__name__ if et else None)
        return et is ValueError
async def main():
    async with Resource("db") as r:
        print("  using", r)
    async with Resource("net"):
        raise ValueError("suppressed by __aexit__")
    try:
        async with Resource("disk"):
            raise KeyError("escapes")
    except KeyError as e:
        print("  caught", repr(e))
    return "ok"
c = main()
try:
    c.send(None)
except StopIteration as e:
    print(e.value)
