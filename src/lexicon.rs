//! Lexicons. STUB.
