//! warta turns Indonesian news articles into typed, source-anchored event records.
//!
//! It reads regional news (coordination meetings, the officials who opened them, the
//! institutions present, places, dates, quotes and figures) and emits one `warta/1`
//! [`Record`] per article. Every span in a record points into the caller's original
//! bytes.
//!
//! ```
//! use warta::{Article, Extractor};
//!
//! let extractor = Extractor::new()?;
//! let article = Article::new(
//!     "demo",
//!     "Samarinda – Gubernur Kaltim membuka Rakor Forkopimda se-Kaltim, Kamis (6/7/2023).",
//! );
//! let record = extractor.extract(&article);
//! assert_eq!(record.doc.dateline.as_deref(), Some("64.72"));
//! assert!(record.places.iter().any(|p| p.id == "64"));
//! let kaltim = record.places.iter().find(|p| p.id == "64").unwrap();
//! let span = &kaltim.mentions[0];
//! assert_eq!(&article.text[span.start..span.end], span.text);
//! let rakor = &record.events[0];
//! assert_eq!(rakor.subtype.as_deref(), Some("rakor-forkopimda"));
//! assert_eq!(rakor.scope.as_deref(), Some("64"));
//! assert_eq!(rakor.date.as_ref().and_then(|d| d.value.as_deref()), Some("2023-07-06"));
//! # Ok::<(), warta::Error>(())
//! ```
//!
//! The pipeline runs one way, one module per stage:
//! [`normalize`] → [`segment`] → [`gazetteer`] (+ [`time`], [`figures`], [`quotes`])
//! → [`entities`] → [`document`] → [`events`] → [`record`], assembled by [`extract`];
//! [`jsonl`] reads the JSONL input of `warta extract --jsonl`; [`acled`] turns records into
//! ACLED rows (`warta export --format acled`).
#![deny(missing_docs)]

pub mod acled;
mod bytes;
pub mod document;
pub mod entities;
pub mod error;
pub mod events;
pub mod extract;
pub mod figures;
pub mod gazetteer;
pub mod html;
pub mod jsonl;
pub mod lexicon;
pub mod normalize;
pub mod quotes;
pub mod record;
pub mod segment;
pub mod time;

pub use error::Error;

/// The README's examples, run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;
pub use extract::{Article, Extractor, ExtractorBuilder, NameDecision, Profile};
pub use record::Record;
