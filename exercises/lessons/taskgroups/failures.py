import asyncio


async def parse(text):
    await asyncio.sleep(0.1)
    if text == "":
        raise ValueError("empty input")
    if text.isdigit():
        raise TypeError(f"{text} is a number")
    return text.upper()


async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            for text in ["ok", "", "42"]:
                tg.create_task(parse(text))
    except* ValueError as group:
        for e in group.exceptions:
            print("bad value:", e)


asyncio.run(main())
