//! Fuzz target; see docs/FUZZING.md.
warta_fuzz::target_main!(warta_fuzz::lexicon);
