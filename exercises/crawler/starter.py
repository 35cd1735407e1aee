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


async def main():
    # A first, naive crawler: one page at a time, no timeout, no retries.
    todo = ["/"]
    seen = {"/"}
    results = {}
    while todo:
        url = todo.pop(0)
        try:
            links = await fetch(url)
        except ConnectionError as e:
            print(f"{url}: attempt 1 failed ({type(e).__name__})")
            print(f"{url}: gave up")
            results[url] = "failed"
            continue
        print(f"{url}: ok, {len(links)} links")
        results[url] = "ok"
        for link in links:
            if link not in seen:
                seen.add(link)
                todo.append(link)
    failed = sorted(url for url, r in results.items() if r == "failed")
    print(f"crawled {len(results)} pages; failed: {failed}")


asyncio.run(main())
