//! Whether a mention's event happened, and as what: the words around a trigger that say
//! it has not happened (a plan, a request, a negation, a topic, a risk, a habit), that it
//! is the cause or background of another event, or the cause of a death or an injury.

use std::ops::Range;

use jiff::civil::Date;

use crate::entities::Context;
use crate::lexicon::Lexicons;

/// Words before a trigger, in its clause, that say the event has not happened.
const IRREALIS_BEFORE: &[&str] = &[
    "akan",
    "bakal",
    "hendak",
    "berencana",
    "rencananya",
    "direncanakan",
    "dijadwalkan",
    "agar",
    "supaya",
    "harus",
    "perlu",
    "wajib",
    "jangan",
    "tidak",
    "belum",
    "ingin",
    "mengusulkan",
    "rencana",
    "mengimbau",
    "imbauan",
    "meminta",
    "mengajak",
    "menyerukan",
    "mendesak",
    "menuntut",
];

/// Words right before a trigger that make it a topic, a risk or a comparison, not an event
/// that happened: "jelang pemungutan suara", "antisipasi banjir", "rawan longsor", "seperti
/// banjir tahun lalu".
const TOPIC_BEFORE: &[&str] = &[
    "jelang",
    "menjelang",
    "persiapan",
    "kesiapan",
    "pengamanan",
    "antisipasi",
    "mengantisipasi",
    "mencegah",
    "pencegahan",
    "cegah",
    "potensi",
    "berpotensi",
    "rawan",
    "risiko",
    "ancaman",
    "simulasi",
    "seperti",
    "mirip",
    "bak",
    "layaknya",
    "ibarat",
    "peringatan",
    "memperingati",
    "mengenang",
    "mitigasi",
    "siaga",
    "waspada",
    "waspadai",
    // A landmark in time or a stage named as a period: "sepekan sebelum pemungutan
    // suara", "mulai masa kampanye hingga penetapan hasil".
    "sebelum",
    "hingga",
    "sampai",
    "menuju",
    "masa",
    "tahapan",
    // A topic or the subject of a document: "keputusan KPU tentang penetapan hasil",
    // "diskusi mengenai banjir".
    "tentang",
    "mengenai",
];

/// Words right before a trigger that make it the cause or background of the event the
/// sentence reports: "Polisi Tangkap 14 Warga Usai Bentrok".
const BACKGROUND: &[&str] = &[
    "usai",
    "seusai",
    "setelah",
    "sesudah",
    "pasca",
    "buntut",
    "akibat",
    "imbas",
    "dampak",
    "gara-gara",
    "terkait",
    "soal",
    "kasus",
    "perkara",
];

/// Whether the trigger at `pos` of folded text `folded` is said as the cause or the
/// background of another event: one of the two words before it is a word of
/// [`BACKGROUND`] ("Polisi Tangkap 14 Warga Usai Bentrok", "Terkait Karhutla, …").
pub(crate) fn is_background(folded: &str, pos: usize) -> bool {
    let mut before = words_before(folded, pos, 3);
    let (first, second, third) = (before.next(), before.next(), before.next());
    // "Duduk Perkara Kecelakaan …" tells the facts of the event: it is the subject.
    // "Pasca-Tsunami": the word of cause may be glued to the trigger by a hyphen.
    let cause = |w: Option<&str>, next: Option<&str>| {
        w.map(|w| w.trim_end_matches('-'))
            .is_some_and(|w| BACKGROUND.contains(&w) && !(w == "perkara" && next == Some("duduk")))
    };
    cause(first, second) || cause(second, third)
}

/// Whether the trigger at `pos` of a headline `folded` is named as the cause or the
/// background of what the headline reports: as in a text ([`is_background`]), or after
/// "karena" ("Pencopotan Personel karena Karhutla").
pub(crate) fn is_headline_background(folded: &str, pos: usize) -> bool {
    is_background(folded, pos) || words_before(folded, pos, 1).next() == Some("karena")
}

/// How long before the reference day an event named by its date is a past one.
const PAST_DAYS: i64 = 30;

/// Whether the trigger ending at `end` of folded text `folded` names a past event by its
/// date, as the press names cases and tragedies: "Kerusuhan 22 Mei", "kerusuhan 21-22
/// Mei 2019", "Tragedi 1998" — a date right after it, over a month before `reference`
/// (a day and month without a year fall in the last year up to `reference`). Such an
/// event is the background of what is reported now ("Kerusuhan 22 Mei, 29 Karyawan
/// Divonis"). Without a reference nothing is past.
pub(crate) fn named_by_past_date(folded: &str, end: usize, reference: Option<Date>) -> bool {
    let (Some(reference), Some(rest)) = (reference, folded[end..].strip_prefix(' ')) else {
        return false;
    };
    date_named(rest, reference).is_some_and(|last| {
        last.until(reference)
            .is_ok_and(|span| i64::from(span.get_days()) > PAST_DAYS)
    })
}

/// The last day of the date that `text` opens with: a year ("1998 …"), or a day (or
/// days, "21-22") and a month, with its year or else the last one up to `reference`.
fn date_named(text: &str, reference: Date) -> Option<Date> {
    let mut words = text
        .split(' ')
        .filter(|w| !w.is_empty())
        .map(|w| w.trim_end_matches([',', '.', ':', ';']));
    let number = |w: &str| crate::time::digits::<i16>(w, 4);
    let year_of = |w: &str| number(w).filter(|y| (1900..=2100).contains(y));
    let first = words.next()?;
    if first.len() == 4 {
        return Date::new(year_of(first)?, 12, 31).ok();
    }
    let day = i8::try_from(number(first.rsplit('-').next()?)?).ok()?;
    let month = crate::time::labels::month(words.next()?)?;
    let year = match words.next().and_then(year_of) {
        Some(y) => y,
        None if Date::new(reference.year(), month, day).ok()? > reference => reference.year() - 1,
        None => reference.year(),
    };
    Date::new(year, month, day).ok()
}

/// Words of cause between a death or an injury and the trigger that caused it ("tewas
/// usai dikeroyok", "luka-luka akibat ditabrak").
const HARM_CAUSES: &[&str] = &[
    "usai",
    "seusai",
    "setelah",
    "sesudah",
    "akibat",
    "gara-gara",
    "pasca",
    "karena",
];

/// Whether the trigger at `pos` of folded text `folded` is the cause of a death or an
/// injury that the two words before it report ("Pelajar Tewas Usai Dikeroyok"): a toll
/// word of the dead or the injured (`terms`, kind `toll`), then a word of cause.
pub(crate) fn harm_cause(lex: &Lexicons, folded: &str, pos: usize) -> bool {
    let mut before = words_before(folded, pos, 2);
    let (Some(cause), Some(harm)) = (before.next(), before.next()) else {
        return false;
    };
    HARM_CAUSES.contains(&cause)
        && lex.word(harm).is_some_and(|info| {
            info.terms.iter().any(|&t| {
                let term = &lex.terms[t as usize];
                term.kind == "toll" && matches!(term.value.as_str(), "dead" | "injured")
            })
        })
}

/// Words right after a trigger that put it in the future or elsewhere ("pengundian nomor
/// urut dijadwalkan Senin"), and habits: "banjir yang kerap melanda".
const IRREALIS_AFTER: &[&str] = &[
    "dijadwalkan",
    "direncanakan",
    "rencananya",
    "mendatang",
    "berikutnya",
    "serupa",
    "selanjutnya",
    "kerap",
    "sering",
    "langganan",
];

/// Whether the clause of a trigger says the event has not happened.
pub(super) fn irrealis(ctx: &Context, trigger: Range<usize>, name_end: usize) -> bool {
    let text = ctx.folded;
    if words_before(text, trigger.start, 2).any(|w| TOPIC_BEFORE.contains(&w)) {
        return true;
    }
    let clause_start = clause_start(text, trigger.start, false);
    let before = text[clause_start..trigger.start]
        .split(' ')
        .rev()
        .filter(|w| !w.is_empty())
        .take(8)
        .any(|w| IRREALIS_BEFORE.contains(&w));
    let after = text[name_end.min(text.len())..]
        .split(' ')
        .filter(|w| !w.is_empty())
        .take(2)
        .any(|w| IRREALIS_AFTER.contains(&w.trim_end_matches([',', '.'])));
    before || after
}

/// Where the clause holding byte `pos` starts: after the last clause mark before it (a
/// comma, a sentence mark, a colon, a line break, a quote; an opening parenthesis too
/// when `paren`), else at 0. The readers of a clause look at its last few words only:
/// the mark is looked for in the 256 bytes before `pos`, and without one the clause is
/// taken to start at the first word that begins in them.
fn clause_start(text: &str, pos: usize, paren: bool) -> usize {
    const REACH: usize = 256;
    let low = pos.saturating_sub(REACH);
    let bytes = &text.as_bytes()[low..pos];
    let mark = bytes.iter().rposition(|&b| {
        matches!(b, b',' | b'.' | b';' | b':' | b'!' | b'?' | b'\n' | b'"') || (paren && b == b'(')
    });
    match mark {
        Some(i) => low + i + 1,
        None if low == 0 => 0,
        // The first whole word in reach (spaces and marks are ASCII: a char boundary).
        None => bytes
            .iter()
            .position(|&b| b == b' ')
            .map_or(pos, |i| low + i + 1),
    }
}

/// Up to `n` words right before byte `pos` of `folded`, nearest first, within its clause.
fn words_before(folded: &str, pos: usize, n: usize) -> impl Iterator<Item = &str> {
    let head = &folded[..pos];
    let clause = clause_start(folded, pos, true);
    head[clause..]
        .split(' ')
        .rev()
        .filter(|w| !w.is_empty())
        .take(n)
}

#[cfg(test)]
mod tests {
    use super::{clause_start, harm_cause, named_by_past_date, words_before};
    use crate::lexicon::{LexiconFiles, Lexicons};
    use jiff::civil::Date;

    #[test]
    fn a_clause_starts_after_its_mark_or_at_the_first_word_in_reach() {
        assert_eq!(clause_start("kata dia, akan ada rapat", 19, false), 9);
        assert_eq!(clause_start("akan ada rapat", 9, false), 0);
        assert_eq!(clause_start("ia (akan) rapat", 10, true), 4);
        // A clause longer than the reach: it starts at a whole word, and its last words
        // are still read.
        let long = format!("{}akan digelar rapat", "makan ".repeat(60));
        let pos = long.len() - "rapat".len();
        let start = clause_start(&long, pos, false);
        assert!(start > 0 && long[..start].ends_with(' '));
        let before: Vec<&str> = words_before(&long, pos, 2).collect();
        assert_eq!(before, ["digelar", "akan"]);
    }

    #[test]
    fn a_death_or_injury_then_a_cause_word_makes_the_trigger_its_cause() {
        let lex = Lexicons::load(&LexiconFiles::embedded()).unwrap();
        let at = |s: &str, w: &str| s.find(w).unwrap();
        let s = "pelajar smp tewas usai dikeroyok 2 temannya";
        assert!(harm_cause(&lex, s, at(s, "dikeroyok")));
        let s = "dua warga luka-luka akibat ditabrak truk";
        assert!(harm_cause(&lex, s, at(s, "ditabrak")));
        // A cause word without a death or an injury before it: a background.
        let s = "polisi tangkap 14 warga usai bentrok";
        assert!(!harm_cause(&lex, s, at(s, "bentrok")));
        // "duduk perkara" (the facts of) makes no background.
        assert!(super::is_background("usai kecelakaan", 5));
        assert!(super::is_background("kasus penganiayaan", 6));
        assert!(!super::is_background("duduk perkara kecelakaan", 15));
        // A death without a cause word between.
        let s = "dua orang tewas dalam bentrok";
        assert!(!harm_cause(&lex, s, at(s, "bentrok")));
        // "setelah" is a word of cause too.
        let s = "pria tewas setelah ditembak";
        assert!(harm_cause(&lex, s, at(s, "ditembak")));
    }

    #[test]
    fn an_event_named_by_a_past_date_is_a_past_one() {
        let reference = Date::new(2019, 9, 20).ok();
        let past = |text: &str| named_by_past_date(text, "kerusuhan".len(), reference);
        assert!(past("kerusuhan 22 mei, 29 karyawan divonis"));
        assert!(past("kerusuhan 21-22 mei 2019 di jakarta"));
        assert!(past("kerusuhan 1998 terulang"));
        // This month's, a year to come, no date, no reference: not past.
        assert!(!past("kerusuhan 19 september di wamena"));
        assert!(!past("kerusuhan 2019"));
        assert!(!past("kerusuhan di wamena"));
        assert!(!past("kerusuhan 22 orang tewas"));
        assert!(!named_by_past_date("kerusuhan 22 mei", 9, None));
        // A day and month after the reference day fall in the year before.
        assert!(past("kerusuhan 30 desember"));
    }
}
