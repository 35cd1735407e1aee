import asyncio
import concurrent.futures
import time

def job(name, log):
    log.append(name + " start")
    time.sleep(0.1)
    log.append(name + " end")
    return name

async def main():
    loop = asyncio.get_running_loop()
    log = []
    start = loop.time()
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
        results = await asyncio.gather(*(loop.run_in_executor(pool, job, n, log) for n in "abc"))
    print(results)
    print(log)
    print("serialized: took at least 0.3 s:", loop.time() - start > 0.29)

asyncio.run(main())
