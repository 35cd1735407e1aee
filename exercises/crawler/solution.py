import asyncio

# A pretend web site: url -> (seconds to answer, links on the page).
PAGES = {
    "/": (0.3, ["/a", "/b", "/c"]),
    "/a": (0.5, ["/d", "/"]),
    "/b": (0.4, ["/e"]),
    "/c": (3.0, []),
    "/d": (0.2, []),
    "/e": (0.6, ["/a"]),
}
FLAKY = {"/b": 1, "/d": 2}  # these fail this many times before they work
in_flight = 0


async def fetch(url):
    """The network. The server refuses more than 2 requests at once."""
    global in_flight
    in_flight += 1
    try:
        if in_flight > 2:
            raise ConnectionRefusedError("rate limit exceeded")
        delay, links = PAGES[url]
        await asyncio.sleep(delay)
        if FLAKY.get(url, 0) > 0:
            FLAKY[url] -= 1
            raise ConnectionResetError("connection reset")
        return links
    finally:
        in_flight -= 1


async def fetch_with_retries(url, limit):
    for attempt in range(1, 4):
        try:
            async with limit:
                return await asyncio.wait_for(fetch(url), timeout=1.0)
        except (ConnectionError, TimeoutError) as e:
            print(f"{url}: attempt {attempt} failed ({type(e).__name__})")
    return None


async def worker(queue, seen, limit, results):
    while True:
        url = await queue.get()
        try:
            links = await fetch_with_retries(url, limit)
            if links is None:
                print(f"{url}: gave up")
                results[url] = "failed"
                continue
            print(f"{url}: ok, {len(links)} links")
            results[url] = "ok"
            for link in links:
                if link not in seen:
                    seen.add(link)
                    queue.put_nowait(link)
        finally:
            queue.task_done()


async def main():
    queue = asyncio.Queue()
    seen = {"/"}
    results = {}
    limit = asyncio.Semaphore(2)
    queue.put_nowait("/")
    workers = [asyncio.create_task(worker(queue, seen, limit, results), name=f"worker-{i}") for i in (1, 2, 3)]
    await queue.join()
    for w in workers:
        w.cancel()
    await asyncio.gather(*workers, return_exceptions=True)
    failed = sorted(url for url, r in results.items() if r == "failed")
    print(f"crawled {len(results)} pages; failed: {failed}")


asyncio.run(main())
