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
    let lead_start = ranges.get(1).map(|r| r.start);
    let found = best_place(input, &ranges, lead_start);
    let Some(paragraph) = paragraph else {
        return found.map(|f| f.place);
    };
    // The rest of the paragraph may say where inside that place ("… di Garut … di
    // Kecamatan Cibiuk"), or tell it when the lead does not; not inside a place the lead
    // spreads it over ("Kabupaten Asahan, …, dan Labuhanbatu Selatan").
    let wider = best_place(input, &[ranges[0].clone(), paragraph], lead_start);
    match (found, wider) {
        (None, w) => w.map(|w| w.place),
        (Some(f), Some(w)) if !f.spread && w != f && is_within(ctx.lex, w.place, f.place) => {
            Some(w.place)
        }
        (f, _) => f.map(|f| f.place),
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

/// A place named in the ranges an incident is looked for in.
struct Named {
    depth: usize,
    place: u32,
    range: std::ops::Range<usize>,
    /// The dateline's ("Ambon (ANTARA) –"): where the report was filed.
    dateline: bool,
}

/// The most specific Indonesian place named in `ranges`, the first of the deepest (not
/// the dateline's where another is as deep: "Ambon (ANTARA) – Gempa mengguncang
/// Kabupaten Maluku Tengah"); several of the deepest in a list closed by "dan" or "serta"
/// ("di Kecamatan Barabai, Batu Benawa, dan Pandawan") spread it over their common parent. A person's home only
/// when nothing else is named. `lead_start` is where the lead paragraph (and a dateline)
/// starts.
fn best_place(
    input: &Input,
    ranges: &[std::ops::Range<usize>],
    lead_start: Option<usize>,
) -> Option<Spot> {
    let ctx = input.ctx;
    let lex = ctx.lex;
    // The places named, and people's homes ("warga Kecamatan Somba Opu"), which tell where
    // it happened only when nothing else does.
    let mut named: Vec<Named> = Vec::new();
    let mut homes: Vec<Named> = Vec::new();
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
            let range = ctx.hits[i].range.clone();
            let home = home_end.is_some_and(|e| {
                ctx.folded
                    .get(e..range.start)
                    .is_some_and(|gap| gap.trim() == ",")
            }) || is_home(ctx.folded, r.start, range.start);
            let place = Named {
                depth: id.matches('.').count(),
                place: p,
                dateline: Some(range.start) == lead_start && Some(p) == input.places.dateline,
                range,
            };
            if home {
                home_end = Some(place.range.end);
                homes.push(place);
            } else {
                home_end = None;
                named.push(place);
            }
        }
    }
    let pool = if named.is_empty() { &homes } else { &named };
    let depth = pool.iter().map(|n| n.depth).max()?;
    let deepest = |n: &&Named| n.depth == depth;
    let first = pool
        .iter()
        .filter(deepest)
        .find(|n| !n.dateline)
        .or_else(|| pool.iter().find(deepest))?;
    // The list it opens or belongs to, where it is named (again) in one: places as deep,
    // one after another, with only a comma, "dan" or "serta" between.
    let listed = |a: &Named, b: &Named| {
        a.depth == depth
            && b.depth == depth
            && !(a.dateline || b.dateline)
            && ctx
                .folded
                .get(a.range.end..b.range.start)
                .is_some_and(|gap| {
                    matches!(gap.trim(), "," | "dan" | ", dan" | "serta" | ", serta")
                })
    };
    let in_list = |k: usize| {
        (k > 0 && listed(&pool[k - 1], &pool[k]))
            || (k + 1 < pool.len() && listed(&pool[k], &pool[k + 1]))
    };
    let at = (0..pool.len())
        .find(|&k| pool[k].place == first.place && !pool[k].dateline && in_list(k))
        .unwrap_or(0);
    let mut from = at;
    while from > 0 && listed(&pool[from - 1], &pool[from]) {
        from -= 1;
    }
    let mut to = at;
    while to + 1 < pool.len() && listed(&pool[to], &pool[to + 1]) {
        to += 1;
    }
    // Over Indonesian places only: two provinces stay the first's.
    let mut spread = Some(first.place);
    // A list is closed by "dan" or "serta": commas alone may write an address
    // ("Distrik Mabugi, Ilaga").
    let closed = (from..to).any(|k| {
        ctx.folded
            .get(pool[k].range.end..pool[k + 1].range.start)
            .is_some_and(|gap| gap.contains("dan") || gap.contains("serta"))
    });
    let list = if pool[at].place == first.place && closed {
        &pool[from..=to]
    } else {
        &[]
    };
    for n in list {
        spread = spread.and_then(|s| common_place(lex, s, n.place));
    }
    let indonesian = |p: &u32| {
        lex.places[*p as usize]
            .id
            .starts_with(|c: char| c.is_ascii_digit())
    };
    Some(
        match spread.filter(|p| indonesian(p) && *p != first.place) {
            Some(place) => Spot {
                place,
                spread: true,
            },
            None => Spot {
                place: first.place,
                spread: false,
            },
        },
    )
}

/// A place an incident happened at: one named, or the common parent of a list of them.
#[derive(Clone, Copy, PartialEq)]
struct Spot {
    place: u32,
    /// Whether it spreads over a list of places.
    spread: bool,
}

/// The smallest place that holds both `a` and `b` (either itself when it holds the
/// other), if any.
fn common_place(lex: &crate::lexicon::Lexicons, a: u32, b: u32) -> Option<u32> {
    let mut outer = Some(a);
    while let Some(o) = outer {
        if o == b || is_within(lex, b, o) {
            return Some(o);
        }
        outer = lex.place_parent(o);
    }
    None
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
