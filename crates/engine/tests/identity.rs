//! Object identities (`id()`, the default `hash()`, default reprs) do not
//! depend on heap addresses, so a program whose output depends on them —
//! the iteration order of a set of objects, a dict keyed by `id` — prints
//! the same every run.

use looplab_engine::run_program;

const PROGRAM: &str = "\
class Node:
    def __init__(self, name):
        self.name = name
nodes = [Node(f'n{i}') for i in range(64)]
print([n.name for n in set(nodes)])
by_id = {id(n): n.name for n in nodes}
print([by_id[k] for k in sorted(by_id)])
print(len({id(n) for n in nodes}), len({hash(n) for n in nodes}))
a = nodes[0]
print(id(a) == id(a), hash(a) == hash(a), hash(a) == id(a) >> 4)
print(repr(object()))
";

#[test]
fn same_program_same_identities() {
    let (first, err, code) = run_program(PROGRAM, "main.py", "");
    assert_eq!(code, 0, "{err}");
    // Disturb the heap so a second run's objects land at other addresses.
    let ballast: Vec<Vec<u8>> = (0..2000).map(|i| vec![0u8; 16 + (i * 37) % 500]).collect();
    let (second, _, _) = run_program(PROGRAM, "main.py", "");
    drop(ballast);
    assert_eq!(first, second);
    let lines: Vec<&str> = first.lines().collect();
    // Distinct live objects have distinct ids and hashes.
    assert_eq!(lines[2], "64 64");
    assert_eq!(lines[3], "True True True");
    assert!(lines[4].starts_with("<object object at 0x"), "{}", lines[4]);
}
