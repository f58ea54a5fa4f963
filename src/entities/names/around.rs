//! What is written around a name candidate: the cues that introduce a person.

use std::ops::Range;

use super::Input;
use crate::entities::people::{FoundRole, People};
use crate::entities::Context;
use crate::lexicon::kind;

/// What is written right before a candidate.
pub(super) enum Before {
    /// An honorific or rank ("Pak", "H.", "AKBP").
    Honorific,
    /// "bernama", "atas nama".
    Named,
    /// "berinisial", "inisial".
    Initials,
    /// A speech verb ("kata", "ujar").
    Speech,
    /// A description, with its place ("warga Desa X,", "tersangka").
    Role(FoundRole),
    /// A kinship word ("istri", "putra").
    Kin,
    /// A word after which a name is a place ("di", "ke", "dari").
    Locative,
    /// A noun after which a name is a thing's ("film", "klub", "pesawat").
    Thing,
    /// An office without a name, then a phrase and a comma: "Anggota DPRD Sulut dari
    /// Fraksi PDI Perjuangan, Julius" (`people.offices[k]`).
    Office(usize),
    /// Nothing that says.
    Nothing,
}

impl Before {
    /// Reads what precedes the candidate starting at `start`; `honorifics` tells whether
    /// the candidate's run had honorifics right before it.
    pub(super) fn read(input: &Input, people: &People, start: usize, honorifics: bool) -> Before {
        let ctx = input.ctx;
        if honorifics {
            return Before::Honorific;
        }
        let word = ctx.word_before(start).trim_end_matches('.');
        let kinds = ctx.lex.word_kinds(word);
        if kinds & kind::NAME_CUE != 0 {
            return match word {
                "berinisial" | "inisial" | "insial" | "berinisal" => Before::Initials,
                _ => Before::Named,
            };
        }
        if let Some(h) = ctx.hit_before(start) {
            let gap = &ctx.text[ctx.hits[h].range.end..start];
            if ctx.honorific(h) && gap.bytes().all(|b| b == b' ' || b == b'.') {
                return Before::Honorific;
            }
            if gap.bytes().all(|b| b == b' ') {
                if let Some(t) = ctx.term(h, "cue") {
                    let written = &ctx.folded[ctx.hits[h].range.clone()];
                    if !written.ends_with("nya") && t != "harap" {
                        return Before::Speech;
                    }
                }
            }
        }
        if let Some(role) = role_before(input, start) {
            return Before::Role(role);
        }
        if let Some(o) = office_before(ctx, people, start) {
            return Before::Office(o);
        }
        if kinds & kind::KIN != 0 {
            Before::Kin
        } else if kinds & kind::LOCATIVE != 0 {
            Before::Locative
        } else if kinds & kind::THING_CUE != 0 {
            Before::Thing
        } else {
            Before::Nothing
        }
    }
}

/// Whether "bernama", "berinisial" (or "atas nama") is written right before `start`.
pub(super) fn firm_before(input: &Input, start: usize) -> bool {
    let word = input.ctx.word_before(start).trim_end_matches('.');
    input.ctx.lex.word_kinds(word) & kind::NAME_CUE != 0
}

/// Whether an age, a birth note or a degree is written right after `end`.
pub(super) fn firm_after(input: &Input, end: usize) -> bool {
    let ctx = input.ctx;
    let rest = &ctx.text[end..];
    age(rest)
        || (rest.trim_start_matches(' ').starts_with('(')
            && ctx.folded[end..]
                .trim_start_matches([' ', '('])
                .starts_with("lahir"))
        || degree_after(ctx, rest)
}

/// A description right before `start`, possibly through "berinisial"/"bernama", a comma,
/// the body it belongs to and a place: "korban Budi", "tersangka berinisial AS",
/// "warga Desa Sukamaju, Budi", "Rektor UGM Ova Emilia", "Pengamat politik Universitas
/// Gadjah Mada (UGM), Bayu" (pengamat of UGM). Before a comma the words back to the
/// description form a noun phrase whose head, its first description, is the role:
/// "kuasa hukum terdakwa, Ilham" is the lawyer, not the defendant.
pub(super) fn role_before(input: &Input, start: usize) -> Option<FoundRole> {
    let ctx = input.ctx;
    let text = ctx.text;
    let trim = |p: usize| text[..p].trim_end_matches([' ', ',']).len();
    let mut pos = trim(past_honorifics(ctx, start));
    if matches!(
        ctx.word_before(pos),
        "berinisial" | "bernama" | "inisial" | "berinisal"
    ) {
        pos = trim(word_start(ctx, pos));
    }
    let comma = text[pos..start].contains(',');
    let (mut body, mut place, mut found) = (None, None, None);
    let mut p = pos;
    for _ in 0..if comma { 8 } else { 4 } {
        if p == 0 || text[..p].ends_with(['.', '!', '?', ':', '"', '\n', ',']) {
            break;
        }
        if let Some(m) = input
            .bodies
            .iter()
            .find(|m| m.range.end == p && m.range.start < p)
        {
            body = body.or(Some(m));
            p = text[..m.range.start].trim_end_matches(' ').len();
            continue;
        }
        // An acronym in parentheses: "Universitas Gadjah Mada (UGM)".
        if text[..p].ends_with(')') {
            match text[..p].rfind('(').filter(|&o| p - o <= 12) {
                Some(o) => {
                    p = text[..o].trim_end_matches(' ').len();
                    continue;
                }
                None => break,
            }
        }
        if let Some(h) = ctx.hit_before(p).filter(|&h| ctx.hits[h].range.end == p) {
            if let Some(pl) = input.places.by_hit.get(h).copied().flatten() {
                place = place.or(Some(pl));
                p = ctx.hits[h].range.start;
                if matches!(
                    ctx.word_before(p),
                    "desa"
                        | "kelurahan"
                        | "kecamatan"
                        | "kota"
                        | "kabupaten"
                        | "asal"
                        | "dusun"
                        | "kampung"
                        | "provinsi"
                ) {
                    p = word_start(ctx, p);
                }
                p = text[..p].trim_end_matches(' ').len();
                continue;
            }
        }
        if let Some((title, at)) = role_ending_at(ctx, p) {
            found = Some(title);
            if !comma {
                break;
            }
            // Past the whole description ("tokoh agama": not "tokoh" again).
            p = text[..at].trim_end_matches(' ').len();
            continue;
        } else if !comma && body.is_none() && place.is_none() {
            break;
        }
        let w = ctx.word_before(p);
        if w.is_empty() {
            break;
        }
        p = text[..word_start(ctx, p)].trim_end_matches(' ').len();
    }
    let title = found?;
    let mut r = role(ctx, title, place);
    if let Some(m) = body {
        r.institution = Some(m.kind.clone());
        r.jurisdiction = m.jurisdiction.or(place);
    }
    Some(r)
}

/// The description that a list of names before `start` in its sentence belongs to:
/// "Ketiga tersangka adalah HR (52), AS (45) dan MY (38)", "korban yakni Budi dan Ani".
/// Read back word by word, at most forty words, to the sentence start.
pub(super) fn role_of_list(input: &Input, start: usize) -> Option<FoundRole> {
    let ctx = input.ctx;
    // A list word is a hit of the `list` term kind ("adalah", "yakni"). Most names
    // follow none: look for one first, in the 300 bytes before.
    let is_list = |h: usize| ctx.term(h, "list").is_some();
    let first = ctx.hit_from(start.saturating_sub(300))?;
    if !(first..ctx.hits.len())
        .take_while(|&h| ctx.hits[h].range.start < start)
        .any(is_list)
    {
        return None;
    }
    let mut pos = past_honorifics(ctx, start);
    let mut listed = false;
    for _ in 0..40 {
        let head = ctx.text[..pos].trim_end_matches([' ', ',', '(', ')']);
        if head.is_empty() || head.ends_with(['.', '!', '?', ':', '"', '\n']) {
            return None;
        }
        let word = ctx.word_before(head.len());
        if word.is_empty() {
            pos = head.len().saturating_sub(1);
            while !ctx.text.is_char_boundary(pos) {
                pos -= 1;
            }
            continue;
        }
        let list_word = ctx
            .hit_before(head.len())
            .is_some_and(|h| ctx.hits[h].range.end == head.len() && is_list(h));
        if list_word {
            listed = true;
        } else if listed {
            if let Some(t) = ctx.lex.closed(word).role {
                return Some(role(ctx, t, None));
            }
        }
        pos = word_start(ctx, head.len());
    }
    None
}

/// `pos` moved back over the honorifics and ranks written right before it ("Hj.", "dr.",
/// "AKBP").
fn past_honorifics(ctx: &Context, pos: usize) -> usize {
    let mut p = pos;
    while let Some(h) = ctx.hit_before(p) {
        let gap = &ctx.text[ctx.hits[h].range.end..p];
        if !(ctx.honorific(h) && gap.bytes().all(|b| b == b' ' || b == b'.')) {
            break;
        }
        p = ctx.hits[h].range.start;
    }
    p
}

/// The honorifics and ranks written right before `pos`, in text order ("Hj.", "dr.").
pub(super) fn honorifics_before(ctx: &Context, pos: usize) -> Vec<String> {
    let mut out = Vec::new();
    let mut p = pos;
    while let Some(h) = ctx.hit_before(p) {
        let gap = &ctx.text[ctx.hits[h].range.end..p];
        if !(ctx.honorific(h) && gap.bytes().all(|b| b == b' ' || b == b'.')) {
            break;
        }
        out.push(
            ctx.text[ctx.hits[h].range.clone()]
                .trim_end_matches('.')
                .to_string(),
        );
        p = ctx.hits[h].range.start;
    }
    out.reverse();
    out
}

/// The start of the word that [`Context::word_before`] reads before `pos`.
fn word_start(ctx: &Context, pos: usize) -> usize {
    let word = ctx.word_before(pos);
    ctx.folded[..pos].trim_end_matches([' ', '-']).len() - word.len()
}

/// The description (a title of class `role`) whose words end at `pos`, and where it
/// starts: two words ("kuasa hukum") before one ("warga").
fn role_ending_at(ctx: &Context, pos: usize) -> Option<(u32, usize)> {
    let last = ctx.word_before(pos);
    let info = ctx.lex.closed(last);
    let last_start = word_start(ctx, pos);
    if info.role_tail {
        let before = ctx.word_before(last_start);
        if !before.is_empty() {
            let two = format!("{before} {last}");
            if let Some(t) = ctx.lex.role(&two) {
                return Some((t, word_start(ctx, last_start)));
            }
        }
    }
    info.role.map(|t| (t, last_start))
}

/// A description title as a role, with its place.
fn role(ctx: &Context, title: u32, place: Option<u32>) -> FoundRole {
    FoundRole {
        title: ctx.lex.titles[title as usize].id.clone(),
        acting: None,
        jurisdiction: place,
        institution: None,
    }
}

/// What is written right after a candidate.
pub(super) enum After {
    /// An age in parentheses: "(45)", "(45 tahun)".
    Age,
    /// A birth note: "(lahir 1 Desember 1977 …)".
    Born,
    /// A degree after a comma: ", S.H.", ", M.Si".
    Degree,
    /// A speech verb or a verb whose subject is a person: "mengatakan", "lahir".
    Verb,
    /// ", warga Desa X,": a description as an apposition.
    Role(FoundRole),
    /// ", Kepala Dinas Kesehatan Riau,": an office without a name (`people.offices[k]`).
    Office(usize),
    /// Nothing that says.
    Nothing,
}

impl After {
    /// Reads what follows the candidate ending at `end`.
    pub(super) fn read(input: &Input, people: &People, end: usize) -> After {
        let ctx = input.ctx;
        let rest = &ctx.text[end..];
        if age(rest) {
            return After::Age;
        }
        let open = rest.trim_start_matches(' ');
        if let Some(r) = open.strip_prefix('(') {
            if ctx.folded[end..]
                .trim_start_matches([' ', '('])
                .starts_with("lahir")
                && !r.is_empty()
            {
                return After::Born;
            }
        }
        if degree_after(ctx, rest) {
            return After::Degree;
        }
        let next_word = next_word(&ctx.folded[end..]);
        if !next_word.is_empty()
            && rest.starts_with(' ')
            && ctx.lex.word_kinds(next_word) & kind::PERSON_VERB != 0
        {
            return After::Verb;
        }
        if let Some(o) = office_after(ctx, people, end) {
            return After::Office(o);
        }
        if let Some(r) = role_after(input, end) {
            return After::Role(r);
        }
        let Some(h) = ctx.hit_from(end) else {
            return After::Nothing;
        };
        let gap = &ctx.text[end..ctx.hits[h].range.start];
        if gap.bytes().all(|b| b == b' ') && !gap.is_empty() {
            let written = &ctx.folded[ctx.hits[h].range.clone()];
            let verb = written.starts_with("me") || written.starts_with("ber");
            if ctx.term(h, "cue").is_some() && verb {
                return After::Verb;
            }
            return After::Nothing;
        }
        After::Nothing
    }
}

/// The apposition written after a note in parentheses that follows a name ("(45)",
/// "(lahir 1970)"): a description ([`After::Role`]) or an office ([`After::Office`]).
pub(super) fn apposition_after_note(input: &Input, people: &People, end: usize) -> Option<After> {
    let rest = &input.ctx.text[end..];
    let open = rest.len() - rest.trim_start_matches(' ').len();
    let close = rest[open..].find(')').filter(|&c| c < 80)?;
    let at = end + open + close + 1;
    if let Some(o) = office_after(input.ctx, people, at) {
        return Some(After::Office(o));
    }
    role_after(input, at).map(After::Role)
}

/// A description as an apposition after a name, past a note in parentheses if any:
/// "Hasna (41), warga Desa Tetewatu," (a person may have several descriptions).
pub(super) fn apposition_role(input: &Input, end: usize) -> Option<FoundRole> {
    let rest = &input.ctx.text[end..];
    let open = rest.len() - rest.trim_start_matches(' ').len();
    let at = if rest[open..].starts_with('(') {
        let close = rest[open..].find(')').filter(|&c| c < 80)?;
        end + open + close + 1
    } else {
        end
    };
    role_after(input, at)
}

/// ", warga Desa Sukamaju," / ", seorang pedagang" / " adalah seorang penulis": a
/// description as an apposition or a predicate after `end`, with the place written right
/// after it.
fn role_after(input: &Input, end: usize) -> Option<FoundRole> {
    let ctx = input.ctx;
    let rest = ctx.folded[end..].trim_start_matches(' ');
    let comma = rest.starts_with(',');
    let rest = rest.trim_start_matches(',').trim_start_matches(' ');
    let copula = ["adalah ", "merupakan ", "ialah "]
        .iter()
        .find_map(|c| rest.strip_prefix(c));
    let rest = match copula {
        Some(r) => r,
        None if comma => rest,
        None => return None,
    };
    let rest = ["salah seorang ", "salah satu ", "seorang "]
        .iter()
        .find_map(|p| rest.strip_prefix(p))
        .unwrap_or(rest);
    let at = ctx.folded.len() - rest.len();
    let first = next_word(rest);
    let second = next_word(&rest[first.len()..]);
    let two = ctx
        .lex
        .closed(second)
        .role_tail
        .then(|| ctx.lex.role(&format!("{first} {second}")))
        .flatten();
    let (title, len) = match two {
        Some(t) => (t, first.len() + 1 + second.len()),
        None => (ctx.lex.closed(first).role?, first.len()),
    };
    Some(role(ctx, title, place_after(input, at + len)))
}

/// The place written right after `pos`, possibly after a level word ("warga Desa X").
fn place_after(input: &Input, pos: usize) -> Option<u32> {
    let ctx = input.ctx;
    let h = ctx.hit_from(pos)?;
    let gap = ctx.folded[pos..ctx.hits[h].range.start].trim();
    let gap_ok = matches!(
        gap,
        "" | "desa" | "kelurahan" | "kecamatan" | "kota" | "kabupaten" | "asal" | "dari" | "di"
    );
    if gap_ok {
        input.places.by_hit.get(h).copied().flatten()
    } else {
        None
    }
}

/// The first word of `s` after spaces (folded text in, a slice of it out).
fn next_word(s: &str) -> &str {
    let s = s.trim_start_matches(' ');
    let len = s.find(|c: char| !c.is_alphanumeric()).unwrap_or(s.len());
    &s[..len]
}

/// Whether `rest` starts with ", " and a degree of the lexicon (", S.H.", ",SE").
fn degree_after(ctx: &Context, rest: &str) -> bool {
    let Some(r) = rest.strip_prefix(',') else {
        return false;
    };
    crate::entities::people::degree_token(r.trim_start_matches(' ')).is_some_and(|token| {
        ctx.lex
            .compact_term(token.trim_end_matches('.'))
            .is_some_and(|t| ctx.lex.terms[t as usize].kind == "degree")
    })
}

/// An office without a name ending shortly before `start`, the two joined by a phrase of
/// where it belongs and a comma: "Anggota DPRD Sulut dari Fraksi PDI Perjuangan, Julius".
fn office_before(ctx: &Context, people: &People, start: usize) -> Option<usize> {
    let (k, o) = people
        .offices
        .iter()
        .enumerate()
        .filter(|(_, o)| o.range.end <= start && start - o.range.end <= 100)
        .max_by_key(|(_, o)| o.range.end)?;
    let between = &ctx.text[o.range.end..start];
    // Linked to a body or place by name: "Kepala Seksi pada Dinas Sosial, Budi", not
    // "presiden Amerika Serikat pada tahun 2008, Warren".
    let linked = [" dari ", " di ", " pada ", " asal "].iter().any(|l| {
        between
            .strip_prefix(l)
            .is_some_and(|rest| rest.starts_with(|c: char| c.is_uppercase()))
    });
    let shape = between.trim_end().ends_with(',')
        && between.matches(',').count() == 1
        && !between.contains(['.', '"', '\n']);
    (linked && shape).then_some(k)
}

/// The office without a name written as an apposition after `end`: ", Kepala Dinas
/// Kesehatan Riau," (an index into `people.offices`).
fn office_after(ctx: &Context, people: &People, end: usize) -> Option<usize> {
    let rest = &ctx.text[end..];
    let gap = rest.len() - rest.trim_start_matches([' ', ',']).len();
    if rest[..gap].trim() != "," {
        return None;
    }
    people
        .offices
        .iter()
        .position(|o| o.range.start == end + gap)
}

/// Whether `rest` starts with an age in parentheses: " (45)", "(45 tahun)", "( 45 th)".
pub(super) fn age(rest: &str) -> bool {
    let r = rest.trim_start_matches(' ');
    let Some(r) = r.strip_prefix('(') else {
        return false;
    };
    let r = r.trim_start_matches(' ');
    let digits = r.bytes().take_while(u8::is_ascii_digit).count();
    if !(1..=3).contains(&digits) || r[..digits].parse::<u32>().map_or(true, |n| n > 120) {
        return false;
    }
    let tail = r[digits..].trim_start_matches(' ');
    let tail = ["tahun", "thn", "th"]
        .iter()
        .find_map(|u| tail.strip_prefix(u))
        .unwrap_or(tail)
        .trim_start_matches(['.', ' ']);
    tail.starts_with(')')
}

pub(super) use crate::entities::sentence_start;

/// Where the double quotes and line ends of a text are, to tell in logarithmic time
/// whether a position stands inside a pair of quotes of its line.
pub(super) struct Quotes {
    quotes: Vec<usize>,
    lines: Vec<usize>,
}

impl Quotes {
    /// Indexes `text`.
    pub(super) fn new(text: &str) -> Quotes {
        let b = text.as_bytes();
        Quotes {
            quotes: memchr::memchr_iter(b'"', b).collect(),
            lines: memchr::memchr_iter(b'\n', b).collect(),
        }
    }

    /// Whether `range` stands inside a pair of double quotes of its line: a title of a
    /// work ("The Seven Habits …") or a name said in a quote.
    pub(super) fn around(&self, range: &Range<usize>) -> bool {
        let line = self
            .lines
            .partition_point(|&n| n < range.start)
            .checked_sub(1)
            .map_or(0, |i| self.lines[i] + 1);
        let from = self.quotes.partition_point(|&q| q < line);
        let to = self.quotes.partition_point(|&q| q < range.start);
        (to - from) % 2 == 1
    }
}

#[cfg(test)]
mod tests {
    use super::{age, sentence_start, Quotes};

    #[test]
    fn ages() {
        assert!(age(" (45)"));
        assert!(age("(45 tahun), warga"));
        assert!(age(" ( 7 th.)"));
        assert!(!age(" (2024)"));
        assert!(!age(" (KPK)"));
        assert!(!age(" 45"));
    }

    #[test]
    fn sentence_starts_and_quotes() {
        let t = "Ia datang. Budi pulang \"Lovely Bones\" dan \"x\" Ani";
        assert!(sentence_start(t, t.find("Budi").unwrap()));
        assert!(!sentence_start(t, t.find("pulang").unwrap()));
        let q = Quotes::new(t);
        let at = t.find("Lovely").unwrap();
        assert!(q.around(&(at..at + 6)));
        let at = t.find("Ani").unwrap();
        assert!(!q.around(&(at..at + 3)));
        let t2 = "\"a\nB \"C";
        let q = Quotes::new(t2);
        assert!(!q.around(&(3..4)));
        assert!(q.around(&(6..7)));
    }
}
