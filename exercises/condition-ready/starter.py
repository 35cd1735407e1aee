import asyncio

lobby = []


async def player(name, delay):
    await asyncio.sleep(delay)
    lobby.append(name)
    print(f"{name} joined")


async def host():
    while len(lobby) < 3:
        await asyncio.sleep(1)
    print("game starts with", ", ".join(lobby))


async def main():
    await asyncio.gather(host(), player("ivy", 0.5), player("jon", 1.0), player("kim", 1.5))


asyncio.run(main())
