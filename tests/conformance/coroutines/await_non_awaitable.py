async def bad():
    await 42
c = bad()
try:
    c.send(None)
except TypeError as e:
    print(type(e).__name__, e)
class NoIter:
    def __await__(self):
        return 5
async def bad2():
    await NoIter()
c2 = bad2()
try:
    c2.send(None)
except TypeError as e:
    print(type(e).__name__, e)
