# put()/get() that need not wait, on queues in unusual states: after
# join() has seen the count reach zero, shut down with items left, with a
# float maxsize, with waiters on both sides, and on subclasses.
import asyncio


async def after_join():
    q = asyncio.Queue()
    await q.put('a')
    q.get_nowait()
    q.task_done()
    await q.join()                 # the finished event is set again here
    await q.put('b')               # so this put must clear it
    waiter = asyncio.create_task(q.join())
    await asyncio.sleep(0)
    print('join done early:', waiter.done(), q._unfinished_tasks)
    print(await q.get())
    q.task_done()
    await waiter
    print('join done:', waiter.done())


async def shut_down():
    q = asyncio.Queue(3)
    await q.put(1)
    await q.put(2)
    q.shutdown()
    try:
        await q.put(3)
    except asyncio.QueueShutDown:
        print('put after shutdown: QueueShutDown')
    print('get after shutdown:', await q.get(), await q.get())
    try:
        await q.get()
    except asyncio.QueueShutDown:
        print('empty and shut down: QueueShutDown')


async def float_maxsize():
    q = asyncio.Queue(2.0)
    await q.put('x')
    await q.put('y')
    print('full with maxsize 2.0:', q.full(), q.qsize())
    t = asyncio.create_task(q.put('z'))
    await asyncio.sleep(0)
    print('putter waiting:', not t.done())
    print(await q.get())
    await t
    print(list(q._queue))


async def waiters_both_sides():
    q = asyncio.Queue(1)
    log = []

    async def getter(n):
        log.append(f'getter {n} got {await q.get()}')

    getters = [asyncio.create_task(getter(n)) for n in range(3)]
    await asyncio.sleep(0)
    for item in 'abc':
        await q.put(item)
        log.append(f'put {item}')
    await asyncio.gather(*getters)
    print(log)

    await q.put(1)
    async def putter(n):
        await q.put(n * 10)
        log.append(f'putter {n} done')
    log.clear()
    putters = [asyncio.create_task(putter(n)) for n in range(1, 4)]
    await asyncio.sleep(0)
    for _ in range(4):
        log.append(f'got {await q.get()}')
        await asyncio.sleep(0)
    await asyncio.gather(*putters)
    print(log)


class Counting(asyncio.Queue):
    puts = 0

    def _put(self, item):
        Counting.puts += 1
        super()._put(item)


class Watched(asyncio.Queue):
    def __setattr__(self, name, value):
        if name == '_unfinished_tasks':
            print('  unfinished ->', value)
        super().__setattr__(name, value)


async def subclasses():
    c = Counting()
    for i in range(3):
        await c.put(i)
    print('Counting:', Counting.puts, [await c.get() for _ in range(3)])
    w = Watched()
    await w.put('p')
    await w.put('q')
    print('Watched:', await w.get(), w.qsize())


async def main():
    for step in (after_join, shut_down, float_maxsize, waiters_both_sides, subclasses):
        print(f'-- {step.__name__}')
        await step()


asyncio.run(main())
