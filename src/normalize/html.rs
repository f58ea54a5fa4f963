//! HTML detection and tag lexing for articles that arrive as markup.
//!
//! # Grammar
//!
//! ```text
//! tag      = "<" "/"? name attr* "/"? ">"     (name = ASCII letter, then letters, digits, "-")
//! attr     = anything but ">", with "…" and '…' quoted values skipped whole
//! comment  = "<!--" … "-->"  |  "<!" … ">"  |  "<?" … ">"
//! raw      = "<script" … "</script" … ">"  (also style, noscript, template, iframe, svg,
//!                                             object, head's title is kept)
//! ```
//!
//! A `<` that does not open one of these is an ordinary char. A tag that does not close
//! within 4 KiB is not a tag either, so a stray `<` costs little.

use std::sync::LazyLock;

use regex::bytes::Regex;

/// What the markup tells the normalizer.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Mode {
    /// Tags are removed and their kinds applied.
    pub(crate) strip: bool,
    /// The document has block structure, so a line break in the source is a space.
    pub(crate) flow: bool,
}

/// How far into the input [`detect`] looks.
const DETECT_WINDOW: usize = 256 * 1024;

/// Longest tag (with attributes) that is lexed as a tag.
const MAX_TAG: usize = 4096;

static ANY_TAG: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i-u)<(?:p|div|br|html|body|head|li|ul|ol|table|tr|td|th|h[1-6]|span|a|b|i|u|em|strong|img|script|style|article|section|figure|meta|link|iframe|blockquote)(?:\s[^<>]*)?/?>|</(?:p|div|span|a|b|i|u|em|strong|li|ul|ol|td|tr|h[1-6]|html|body|article|section|figure|blockquote)>",
    )
    .expect("static regex")
});

static BLOCK_TAG: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i-u)<(?:p|div|html|body|article|section|li|tr|table|h[1-6]|blockquote)[\s/>]")
        .expect("static regex")
});

/// Decides whether `input` is markup (looking at its first 256 KiB).
pub(crate) fn detect(input: &str) -> Mode {
    let window = &input.as_bytes()[..input.len().min(DETECT_WINDOW)];
    if memchr::memchr(b'<', window).is_none() || !ANY_TAG.is_match(window) {
        return Mode::default();
    }
    Mode {
        strip: true,
        flow: BLOCK_TAG.is_match(window),
    }
}

/// What a lexed tag becomes in the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Tag {
    /// A block boundary: a line break.
    Block,
    /// A cell or a dropped element: a space.
    Space,
    /// An inline tag or a comment: nothing.
    Inline,
}

/// Lexes the tag, comment or raw element at the start of `s` (which starts with `<`).
///
/// Returns its kind and byte length, or `None` when the `<` is an ordinary char.
pub(crate) fn lex(s: &str) -> Option<(Tag, usize)> {
    let b = s.as_bytes();
    match b.get(1)? {
        b'!' if b[2..].starts_with(b"--") => {
            let end = find(&b[4..], b"-->").map_or(b.len(), |i| i + 7);
            Some((Tag::Inline, end))
        }
        b'!' | b'?' => Some((Tag::Inline, tag_end(b)?)),
        b'/' => {
            let name = name(&b[2..])?;
            Some((kind(name), tag_end(b)?))
        }
        c if c.is_ascii_alphabetic() => {
            let name = name(&b[1..])?;
            let end = tag_end(b)?;
            if is_raw(name) {
                return Some((Tag::Space, raw_end(b, end, name)));
            }
            Some((kind(name), end))
        }
        _ => None,
    }
}

/// The tag name at the start of `b`.
fn name(b: &[u8]) -> Option<&[u8]> {
    if !b.first()?.is_ascii_alphabetic() {
        return None;
    }
    let len = b
        .iter()
        .position(|c| !(c.is_ascii_alphanumeric() || *c == b'-'))
        .unwrap_or(b.len());
    Some(&b[..len])
}

/// One past the `>` that closes the tag starting at `b[0]`, skipping quoted values.
fn tag_end(b: &[u8]) -> Option<usize> {
    let mut quote = None;
    for (i, &c) in b.iter().enumerate().take(MAX_TAG).skip(1) {
        match (quote, c) {
            (None, b'>') => return Some(i + 1),
            (None, b'"' | b'\'') => quote = Some(c),
            (Some(q), _) if q == c => quote = None,
            _ => {}
        }
    }
    None
}

/// Elements whose content is not text.
fn is_raw(name: &[u8]) -> bool {
    const RAW: [&str; 7] = [
        "script", "style", "noscript", "template", "iframe", "svg", "object",
    ];
    RAW.iter().any(|r| name.eq_ignore_ascii_case(r.as_bytes()))
}

/// One past the end of the raw element whose open tag ends at `open_end`: the `>` of
/// `</name`, or the end of the input when it never closes.
fn raw_end(b: &[u8], open_end: usize, name: &[u8]) -> usize {
    let mut at = open_end;
    while let Some(i) = find(&b[at..], b"</") {
        let close = at + i;
        let rest = &b[close + 2..];
        if rest.len() >= name.len() && rest[..name.len()].eq_ignore_ascii_case(name) {
            return tag_end(&b[close..]).map_or(b.len(), |e| close + e);
        }
        at = close + 2;
    }
    b.len()
}

/// What the element `name` becomes.
fn kind(name: &[u8]) -> Tag {
    const BLOCK: [&str; 38] = [
        "p",
        "div",
        "br",
        "li",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "tr",
        "ul",
        "ol",
        "table",
        "thead",
        "tbody",
        "tfoot",
        "blockquote",
        "section",
        "article",
        "header",
        "footer",
        "aside",
        "nav",
        "main",
        "figure",
        "figcaption",
        "hr",
        "pre",
        "dl",
        "dt",
        "dd",
        "title",
        "address",
        "form",
        "caption",
        "center",
        "summary",
    ];
    if BLOCK
        .iter()
        .any(|t| name.eq_ignore_ascii_case(t.as_bytes()))
    {
        Tag::Block
    } else if name.eq_ignore_ascii_case(b"td") || name.eq_ignore_ascii_case(b"th") || is_raw(name) {
        // A cell, or a stray end of a dropped element ("x</script>Gubernur"): the words
        // on either side stay apart.
        Tag::Space
    } else {
        Tag::Inline
    }
}

/// First index of `needle` in `hay`.
fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    memchr::memmem::find(hay, needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_markup() {
        assert_eq!(
            detect("<p>Halo</p>"),
            Mode {
                strip: true,
                flow: true
            }
        );
        assert_eq!(
            detect("Baris satu<br>\nBaris dua"),
            Mode {
                strip: true,
                flow: false
            }
        );
        assert_eq!(detect("nilai x < 5 dan y > 3"), Mode::default());
        assert_eq!(detect("tanpa tag sama sekali"), Mode::default());
    }

    #[test]
    fn lexes_tags() {
        assert_eq!(lex("<p class=\"a>b\">x"), Some((Tag::Block, 15)));
        assert_eq!(lex("</P>"), Some((Tag::Block, 4)));
        assert_eq!(lex("</script>Gubernur"), Some((Tag::Space, 9)));
        assert_eq!(lex("</Style >"), Some((Tag::Space, 9)));
        assert_eq!(lex("</span>"), Some((Tag::Inline, 7)));
        assert_eq!(lex("<br/>"), Some((Tag::Block, 5)));
        assert_eq!(lex("<b>"), Some((Tag::Inline, 3)));
        assert_eq!(lex("<td>"), Some((Tag::Space, 4)));
        assert_eq!(lex("<!-- a > b -->x"), Some((Tag::Inline, 14)));
        assert_eq!(
            lex("<script>if (a<b) x();</SCRIPT>y"),
            Some((Tag::Space, 30))
        );
        assert_eq!(lex("<style>p{}"), Some((Tag::Space, 10)));
        assert_eq!(lex("< 5"), None);
        assert_eq!(lex("<5"), None);
        assert_eq!(lex("<a href"), None);
    }
}
