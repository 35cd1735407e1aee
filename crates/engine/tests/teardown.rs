//! A page runs many programs in one process: what a finished program made
//! must be freed, reference cycles through modules and classes included.

use looplab_engine::alloc::{heap_in_use, CountingAlloc};

#[global_allocator]
static ALLOC: CountingAlloc = CountingAlloc;

const PROGRAM: &str = "\
import asyncio

class Worker:
    def __init__(self, q):
        self.q = q

    async def run(self):
        while (item := await self.q.get()) is not None:
            print(item)

async def main():
    q = asyncio.Queue()
    task = asyncio.create_task(Worker(q).run())
    for i in range(3):
        await q.put(i)
    await q.put(None)
    await task

asyncio.run(main())
";

#[test]
fn programs_run_one_after_another_do_not_accumulate_memory() {
    let (out, _, code) = looplab_engine::run_program(PROGRAM, "main.py", "");
    assert_eq!((out.as_str(), code), ("0\n1\n2\n", 0));
    let before = heap_in_use();
    for _ in 0..20 {
        looplab_engine::run_program(PROGRAM, "main.py", "");
    }
    let per_run = heap_in_use().saturating_sub(before) / 20;
    // Leaking the asyncio module and the program's classes cost ~640 KB a run.
    assert!(per_run < 64 * 1024, "{per_run} bytes kept per run");
}
