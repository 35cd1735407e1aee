import asyncio


async def runner(name, start_gun):
    print(name, "is ready")
    await start_gun.wait()
    print(name, "runs!")


async def main():
    start_gun = asyncio.Event()
    runners = [asyncio.create_task(runner(n, start_gun)) for n in ("Ana", "Ben", "Cai")]
    await asyncio.sleep(1)
    print("bang!")
    start_gun.set()
    await asyncio.gather(*runners)


asyncio.run(main())
