//! The annotated article: the original text with every span of its record highlighted,
//! and the events as cards beside it (`warta show`).
