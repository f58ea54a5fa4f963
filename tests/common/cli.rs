//! Running the `warta` binary in the CLI tests.

use std::io::Write;
use std::process::{Command, Output, Stdio};

/// The binary under test.
pub const WARTA: &str = env!("CARGO_BIN_EXE_warta");

/// Runs `warta args…` with `stdin` fed from another thread (so that a large output cannot
/// block the input), and returns its output.
pub fn warta(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(WARTA)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut input = child.stdin.take().unwrap();
    let data = stdin.to_vec();
    let feeder = std::thread::spawn(move || {
        let _ = input.write_all(&data);
    });
    let out = child.wait_with_output().unwrap();
    feeder.join().unwrap();
    out
}
