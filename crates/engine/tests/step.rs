//! `Interpreter::step`: one scheduler step at a time, as the browser's Step
//! button uses it.

use looplab_engine::{run_program, Interpreter, Limits, Status, Stream};

const TWO_WORKERS: &str = "\
import asyncio
async def worker(n):
    print('a', n)
    await asyncio.sleep(0)
    print('b', n)
async def main():
    await asyncio.gather(worker(1), worker(2))
asyncio.run(main())
";

#[test]
fn each_task_step_is_one_step() {
    let mut it = Interpreter::new(TWO_WORKERS, "main.py", Limits::default());
    it.manual_clock = true;
    let mut printed = Vec::new();
    let mut steps = 0;
    while let Status::Running = it.step(1_000_000) {
        steps += 1;
        assert!(steps < 100, "the program should end in a few steps");
        printed.push(it.trace().text(Stream::Stdout).lines().count());
    }
    // Each worker step prints one line, so the output never grows by two
    // lines in one step.
    let grew: Vec<usize> = printed.windows(2).map(|w| w[1] - w[0]).collect();
    assert!(grew.iter().all(|&g| g <= 1), "{printed:?}");
    assert!(grew.iter().filter(|&&g| g == 1).count() >= 3, "{printed:?}");
    let (expected, _, _) = run_program(TWO_WORKERS, "main.py", "");
    assert_eq!(it.trace().text(Stream::Stdout), expected);
}

#[test]
fn step_stops_when_the_loop_would_sleep() {
    let src = "import asyncio\nasync def main():\n    await asyncio.sleep(5)\n    print('done')\nasyncio.run(main())\n";
    let mut it = Interpreter::new(src, "main.py", Limits::default());
    it.manual_clock = true;
    for _ in 0..20 {
        if it.sleeping_until().is_some() {
            break;
        }
        assert_eq!(it.step(1_000_000), Status::Running);
    }
    assert_eq!(it.sleeping_until(), Some(5.0));
    it.advance_clock(5.0);
    assert_eq!(it.clock(), 5.0);
    assert_eq!(it.run_to_end(), 0);
    assert_eq!(it.trace().text(Stream::Stdout), "done\n");
}
