//! STUB.
fn main() {}
