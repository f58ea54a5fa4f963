//! A headline given apart from the text (a JSONL `title`): the event kinds it names, read
//! with the same triggers as the text, which tell the main event of the article.

use jiff::civil::Date;

use super::mentions::{harm_cause, is_headline_background, named_by_past_date};
use crate::gazetteer::{Entry, Gazetteer};
use crate::lexicon::Lexicons;

/// What a separate headline names.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct HeadlineKinds<'l> {
    /// The event kinds it reports, in its order, but for those it names as a cause or a
    /// background ("Terkait Karhutla, …", "… karena Karhutla") or by a past date
    /// ("Kerusuhan 22 Mei, …").
    pub kinds: Vec<&'l str>,
    /// The subtype of each of `kinds`, as its first trigger there says ("Gempa" →
    /// `gempa`; empty for a row without one).
    pub subtypes: Vec<&'l str>,
    /// The kinds it names as the cause of a death or an injury ("Pelajar Tewas Usai
    /// Dikeroyok": attack), in its order.
    pub harm: Vec<&'l str>,
}

/// Reads headline `title` with the triggers of `gazetteer`; `reference` is the
/// article's reference day (for events named by a past date).
pub fn read<'l>(
    lex: &'l Lexicons,
    gazetteer: &Gazetteer,
    title: &str,
    reference: Option<Date>,
) -> HeadlineKinds<'l> {
    let folded = crate::normalize::fold(title);
    let mut out = HeadlineKinds::default();
    for h in gazetteer.scan(&folded) {
        for e in gazetteer.entries(&h) {
            let Entry::Event(r) = e else { continue };
            let row = &lex.events[*r as usize];
            let kind = row.kind.as_str();
            if !out.kinds.contains(&kind)
                && !is_headline_background(&folded, h.range.start)
                && !named_by_past_date(&folded, h.range.end, reference)
            {
                out.kinds.push(kind);
                out.subtypes.push(row.subtype.as_str());
            }
            if !out.harm.contains(&kind) && harm_cause(lex, &folded, h.range.start) {
                out.harm.push(kind);
            }
        }
    }
    out
}
