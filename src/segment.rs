//! Paragraphs, sentences and word boundaries over normalized text.
//!
//! STUB — to be replaced by the full implementation.

use std::ops::Range;

/// Paragraph and sentence ranges of a normalized text, in text order.
#[derive(Clone, Debug, Default)]
pub struct Segments {
    /// Paragraphs (lines), without the newline.
    pub paragraphs: Vec<Range<usize>>,
    /// Sentences, never crossing a paragraph.
    pub sentences: Vec<Range<usize>>,
}

impl Segments {
    /// Splits `text` into paragraphs and sentences.
    pub fn new(text: &str) -> Segments {
        let mut paragraphs = Vec::new();
        let mut start = 0;
        for (i, b) in text.bytes().enumerate() {
            if b == b'\n' {
                paragraphs.push(start..i);
                start = i + 1;
            }
        }
        paragraphs.push(start..text.len());
        let sentences = paragraphs.clone();
        Segments {
            paragraphs,
            sentences,
        }
    }

    /// Index of the sentence containing byte `pos`.
    pub fn sentence_at(&self, pos: usize) -> Option<usize> {
        index_at(&self.sentences, pos)
    }

    /// Index of the paragraph containing byte `pos`.
    pub fn paragraph_at(&self, pos: usize) -> Option<usize> {
        index_at(&self.paragraphs, pos)
    }
}

fn index_at(ranges: &[Range<usize>], pos: usize) -> Option<usize> {
    let i = ranges.partition_point(|r| r.end < pos);
    (i < ranges.len() && ranges[i].start <= pos).then_some(i)
}

/// True when `pos` starts a word: the char before it (if any) is not alphanumeric.
pub fn is_word_start(text: &str, pos: usize) -> bool {
    text[..pos]
        .chars()
        .next_back()
        .is_none_or(|c| !c.is_alphanumeric())
}

/// True when `pos` ends a word: the char at it (if any) is not alphanumeric.
pub fn is_word_end(text: &str, pos: usize) -> bool {
    text[pos..]
        .chars()
        .next()
        .is_none_or(|c| !c.is_alphanumeric())
}
