class AsyncRange:
    def __init__(self, n):
        self.i = 0
        self.n = n
    def __aiter__(self):
        return self
    async def __anext__(self):
        if self.i >= self.n:
            raise StopAsyncIteration
        self.i += 1
        return self.i - 1
async def main():
    total = 0
    async for x in AsyncRange(4):
        print("  x =", x)
        total += x
    return total
c = main()
try:
    c.send(None)
except StopIteration as e:
    print("total", e.value)
