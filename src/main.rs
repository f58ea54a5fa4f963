//! The `warta` command-line tool. STUB.
fn main() {}
