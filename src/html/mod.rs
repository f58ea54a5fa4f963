//! HTML views of records: an annotated article ([`page`]) and an archive report
//! ([`report`]).
//!
//! Both write one self-contained page (inline CSS and SVG, no network, no script from
//! elsewhere). Article text, ids and every other value of a record are untrusted: they
//! reach the page only through [`escape_text`] and [`escape_attr`].

pub mod page;
pub mod report;

/// Escapes `s` for an HTML text node: `&`, `<` and `>` become entities.
pub fn escape_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    push_text(&mut out, s);
    out
}

/// Escapes `s` for a double- or single-quoted attribute value: `&`, `<`, `>`, `"` and
/// `'` become entities.
pub fn escape_attr(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    push_attr(&mut out, s);
    out
}

/// Appends `s` to `out`, escaped for a text node (see [`escape_text`]).
pub fn push_text(out: &mut String, s: &str) {
    push_escaped(out, s, false);
}

/// Appends `s` to `out`, escaped for an attribute value (see [`escape_attr`]).
pub fn push_attr(out: &mut String, s: &str) {
    push_escaped(out, s, true);
}

fn push_escaped(out: &mut String, s: &str, attr: bool) {
    let mut last = 0;
    for (i, b) in s.bytes().enumerate() {
        let entity = match b {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' if attr => "&quot;",
            b'\'' if attr => "&#39;",
            _ => continue,
        };
        out.push_str(&s[last..i]);
        out.push_str(entity);
        last = i + 1;
    }
    out.push_str(&s[last..]);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_and_attributes_are_escaped() {
        assert_eq!(
            escape_text("<script>alert('x')</script> & \"q\""),
            "&lt;script&gt;alert('x')&lt;/script&gt; &amp; \"q\""
        );
        assert_eq!(
            escape_attr("\" onmouseover='x' <b>&"),
            "&quot; onmouseover=&#39;x&#39; &lt;b&gt;&amp;"
        );
        assert_eq!(escape_text("Kaltim – Samarinda"), "Kaltim – Samarinda");
    }
}
