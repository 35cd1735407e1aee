class Countdown:
    def __init__(self, n):
        self.n = n
    def __await__(self):
        while self.n > 0:
            yield self.n
            self.n -= 1
        return "liftoff"
async def launch():
    msg = await Countdown(3)
    return msg.upper()
c = launch()
signals = []
while True:
    try:
        signals.append(c.send(None))
    except StopIteration as e:
        print(signals, e.value)
        break
