import asyncio

lobby = []


async def player(name, delay, cond):
    await asyncio.sleep(delay)
    async with cond:
        lobby.append(name)
        print(f"{name} joined")
        cond.notify_all()


async def host(cond):
    async with cond:
        await cond.wait_for(lambda: len(lobby) >= 3)
        print("game starts with", ", ".join(lobby))


async def main():
    cond = asyncio.Condition()
    await asyncio.gather(host(cond), player("ivy", 0.5, cond), player("jon", 1.0, cond), player("kim", 1.5, cond))


asyncio.run(main())
