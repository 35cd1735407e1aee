"""anext(iterator, default): the awaitable it returns, in Python."""


async def anext_default(iterator, default):
    try:
        return await type(iterator).__anext__(iterator)
    except StopAsyncIteration:
        return default
