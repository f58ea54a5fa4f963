//! Where an incident happened: the most specific Indonesian place of the sentence of its
//! mention and, for the main event, of the lead (the first paragraph's first two
//! sentences), but for people's homes
//! ("warga Kecamatan X", "tinggal di X"), which count only when the text gives no other.

use super::mentions::EventMention;
use super::text::Sentences;
use super::Input;

/// Where an incident happened: the most specific Indonesian place named in the sentence
/// of its mention and, for the main event, in the lead: the first two sentences of the
/// first paragraph ("di Desa Bolapapu,
/// Kecamatan Kulawi, Kabupaten Sigi" → Kulawi); the first of the deepest.
pub(super) fn incident_place(
    input: &Input,
    sentences: &mut Sentences,
    lead: &EventMention,
    main: bool,
) -> Option<u32> {
    let ctx = input.ctx;
    let text = ctx.text;
    let mut ranges = vec![sentences.at(text, lead.trigger.start)];
    let mut paragraph = None;
    if main {
        let from = input.headline.as_ref().map_or(0, |h| h.end);
        if let Some(k) = text[from..].find(|c: char| !c.is_whitespace()) {
            let start = from + k;
            let end = text[start..].find('\n').map_or(text.len(), |i| start + i);
            // Its first two sentences: a text without line breaks is one paragraph,
            // whose later sentences name where it was felt, where victims live, where
            // officials spoke ("Gempa … mengguncang Tuban … dirasakan hingga …
            // Kecamatan Depok").
            let first = sentences.at(text, start);
            let second = sentences.at(text, first.end.min(end.saturating_sub(1)));
            ranges.push(start..end.min(second.end.max(first.end)));
            paragraph = Some(start..end);
        }
    }
    let found = best_place(input, &ranges);
    let Some(paragraph) = paragraph else {
        return found;
    };
    // The rest of the paragraph may say where inside that place ("… di Garut … di
    // Kecamatan Cibiuk"), or tell it when the lead does not.
    let wider = best_place(input, &[ranges[0].clone(), paragraph]);
    match (found, wider) {
        (None, w) => w,
        (Some(f), Some(w)) if w != f && is_within(ctx.lex, w, f) => Some(w),
        (f, _) => f,
    }
}

/// Whether place `p` lies inside place `outer`.
fn is_within(lex: &crate::lexicon::Lexicons, mut p: u32, outer: u32) -> bool {
    while let Some(parent) = lex.place_parent(p) {
        if parent == outer {
            return true;
        }
        p = parent;
    }
    false
}

/// The most specific Indonesian place named in `ranges`, the first of the deepest; a
/// person's home only when nothing else is named.
fn best_place(input: &Input, ranges: &[std::ops::Range<usize>]) -> Option<u32> {
    let ctx = input.ctx;
    let lex = ctx.lex;
    // The best place, and the best of people's homes ("warga Kecamatan Somba Opu"), which
    // tells where it happened only when nothing else does.
    let mut best: Option<(usize, u32)> = None;
    let mut best_home: Option<(usize, u32)> = None;
    for r in ranges {
        let first = ctx.hits.partition_point(|h| h.range.start < r.start);
        // Where the last home address read so far ends: a place after it and a comma
        // is the same address ("warga Desa X, Kecamatan Y").
        let mut home_end: Option<usize> = None;
        for i in (first..ctx.hits.len()).take_while(|&i| ctx.hits[i].range.end <= r.end) {
            let Some(p) = input.places.by_hit.get(i).copied().flatten() else {
                continue;
            };
            let id = &lex.places[p as usize].id;
            if !id.starts_with(|c: char| c.is_ascii_digit()) {
                continue;
            }
            let start = ctx.hits[i].range.start;
            let home = home_end.is_some_and(|e| {
                ctx.folded
                    .get(e..start)
                    .is_some_and(|gap| gap.trim() == ",")
            }) || is_home(ctx.folded, r.start, start);
            let depth = id.matches('.').count();
            let slot = if home {
                home_end = Some(ctx.hits[i].range.end);
                &mut best_home
            } else {
                home_end = None;
                &mut best
            };
            if slot.is_none_or(|(d, _)| depth > d) {
                *slot = Some((depth, p));
            }
        }
    }
    best.or(best_home).map(|(_, p)| p)
}

/// Whether the place starting at `start` is someone's home, not where something
/// happened: the word before it says so ("warga", "asal", "penduduk", "beralamat",
/// "berdomisili"; "tinggal di"), looked for after `from`.
fn is_home(folded: &str, from: usize, start: usize) -> bool {
    let Some(before) = folded.get(from..start) else {
        return false;
    };
    let mut words = before
        .rsplit(|c: char| !(c.is_alphanumeric() || c == '-'))
        .filter(|w| !w.is_empty());
    match words.next() {
        Some("warga" | "asal" | "penduduk" | "beralamat" | "berdomisili") => {
            // Only when the word touches the place ("warga Desa X"), not across a comma.
            before.trim_end().len() + 1 >= before.len() && !before.trim_end().ends_with(',')
        }
        Some("di") => matches!(words.next(), Some("tinggal" | "bermukim" | "menetap")),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::is_home;

    #[test]
    fn homes_are_told_by_the_word_before_the_place() {
        let s = "arman, warga kecamatan somba opu, tewas di kecamatan pallangga";
        let at = |w: &str| s.find(w).unwrap();
        assert!(is_home(s, 0, at("kecamatan somba")));
        assert!(!is_home(s, 0, at("kecamatan pallangga")));
        let s = "pria asal bandung yang tinggal di cimahi";
        assert!(is_home(s, 0, s.find("bandung").unwrap()));
        assert!(is_home(s, 0, s.find("cimahi").unwrap()));
        // "warga" before a comma is no address: "ratusan warga, di Kecamatan X".
        let s = "ratusan warga, kecamatan tebet";
        assert!(!is_home(s, 0, s.find("kecamatan").unwrap()));
        // Only the words after `from` count.
        let s = "warga kecamatan x";
        assert!(!is_home(s, 6, s.find("kecamatan").unwrap()));
    }
}
