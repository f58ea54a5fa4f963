//! The progress bar on stderr (only when stderr is a terminal) and the summary line.

use std::io::IsTerminal;
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// A progress bar, or nothing when stderr is not a terminal or `--quiet` is given.
pub struct Progress {
    bar: Option<ProgressBar>,
    start: Instant,
}

impl Progress {
    /// A bar over `total` input bytes when known (then with an ETA), else a spinner.
    pub fn new(total: Option<u64>, quiet: bool) -> Progress {
        let start = Instant::now();
        if quiet || !std::io::stderr().is_terminal() {
            return Progress { bar: None, start };
        }
        let bar = match total {
            Some(n) => ProgressBar::with_draw_target(Some(n), ProgressDrawTarget::stderr()),
            None => ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr()),
        };
        let template = if total.is_some() {
            "{wide_bar} {bytes}/{total_bytes} {bytes_per_sec} {msg} ETA {eta}"
        } else {
            "{spinner} {bytes} {bytes_per_sec} {msg}"
        };
        if let Ok(style) = ProgressStyle::with_template(template) {
            bar.set_style(style);
        }
        bar.enable_steady_tick(Duration::from_millis(200));
        Progress {
            bar: Some(bar),
            start,
        }
    }

    /// One more document done: `bytes` of input, `docs` documents so far.
    pub fn record(&self, bytes: u64, docs: u64) {
        if let Some(bar) = &self.bar {
            bar.inc(bytes);
            if docs % 64 == 0 {
                let secs = self.start.elapsed().as_secs_f64().max(1e-9);
                bar.set_message(format!("{docs} docs {:.0} docs/s", docs as f64 / secs));
            }
        }
    }

    /// Prints a line on stderr without breaking the bar.
    pub fn println(&self, line: &str) {
        match &self.bar {
            Some(bar) => bar.suspend(|| eprintln!("{line}")),
            None => eprintln!("{line}"),
        }
    }

    /// Removes the bar.
    pub fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}
