# Coroutines still referenced when the program ends are reported during
# interpreter shutdown as "<sys>:0", once per message.
async def f():
    pass


async def g():
    pass


a = f()
b = g()
c = f()
print("end")
