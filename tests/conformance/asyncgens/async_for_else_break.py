async def gen(n):
    for i in range(n):
        yield i
async def main():
    log = []
    async for x in gen(3):
        log.append(x)
    else:
        log.append("else-ran")
    async for x in gen(5):
        if x == 2:
            log.append("break")
            break
        log.append(x)
    else:
        log.append("not reached")
    return log
c = main()
try:
    c.send(None)
except StopIteration as e:
    print(e.value)
