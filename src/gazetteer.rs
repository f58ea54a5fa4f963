//! The gazetteer: one Aho-Corasick automaton over every alias of every lexicon.
//!
//! STUB.
