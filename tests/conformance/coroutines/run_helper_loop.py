class Pause:
    def __await__(self):
        yield "pause"
def run(coro):
    steps = 0
    try:
        while True:
            signal = coro.send(None)
            steps += 1
            print(f"  step {steps}: {signal}")
    except StopIteration as e:
        return e.value
async def worker(n):
    total = 0
    for i in range(n):
        total += i
        await Pause()
    return total
print("result", run(worker(3)))
print("result", run(worker(0)))
