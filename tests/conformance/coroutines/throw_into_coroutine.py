class Wait:
    def __await__(self):
        yield "waiting"
async def guarded():
    try:
        await Wait()
        return "normal"
    except ValueError as e:
        print("  coroutine caught", e)
        await Wait()
        return "recovered"
    finally:
        print("  coroutine finally")
c = guarded()
print(c.send(None))
print(c.throw(ValueError("injected")))
try:
    c.send(None)
except StopIteration as e:
    print("result", e.value)
c2 = guarded()
c2.send(None)
c2.close()
print("closed c2")
