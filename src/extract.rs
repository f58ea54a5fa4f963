//! The extractor. STUB.
use crate::record::{Doc, Record};
use crate::Error;

/// An article to extract from.
#[derive(Clone, Debug, Default)]
pub struct Article {
    /// Caller-supplied id.
    pub id: String,
    /// The article text.
    pub text: String,
}

impl Article {
    /// An article with an id and text.
    pub fn new(id: impl Into<String>, text: impl Into<String>) -> Article {
        Article {
            id: id.into(),
            text: text.into(),
        }
    }
}

/// Builds an [`Extractor`].
#[derive(Debug, Default)]
pub struct ExtractorBuilder {}

/// Extracts records. Build once, reuse across documents and threads.
#[derive(Debug)]
pub struct Extractor {}

impl Extractor {
    /// An extractor over the embedded lexicons.
    pub fn new() -> Result<Extractor, Error> {
        Ok(Extractor {})
    }

    /// Extracts one record.
    pub fn extract(&self, article: &Article) -> Record {
        Record::empty(Doc {
            id: article.id.clone(),
            bytes: article.text.len(),
            ..Doc::default()
        })
    }
}
