//! Find stack needs: `stackprobe SRCFILE STACK_KB` exits 0 if parsing fits.
fn main() {
    let a: Vec<String> = std::env::args().collect();
    let src = std::fs::read_to_string(&a[1]).expect("read");
    let kb: usize = a[2].parse().expect("kb");
    let r = std::thread::Builder::new()
        .stack_size(kb << 10)
        .spawn(move || {
            looplab_parser::parse_module(&src)
                .map(|_| ())
                .map_err(|e| e.msg)
        })
        .expect("spawn")
        .join()
        .expect("join");
    println!("{r:?}");
}
