import asyncio


async def check(host):
    await asyncio.sleep(0.1)
    if host == "db":
        raise ConnectionError(f"{host} is down")
    return f"{host} ok"


async def main():
    try:
        await asyncio.gather(check("web"), check("db"), check("cache"))
    except ConnectionError as e:
        print("gather raised:", e)

    results = await asyncio.gather(check("web"), check("db"), check("cache"), return_exceptions=True)
    for r in results:
        print(repr(r))


asyncio.run(main())
