//! Label tables: month and weekday names, number words, parts of day, time zones.
//!
//! Every table is one `match` over the folded (lowercase) label, in the style of
//! jiff's `fmt::friendly` label matching. The regex alternations used by the
//! grammar are kept next to the tables so that the two cannot drift apart: a unit
//! test checks that every label the regex accepts is known to its table.

use jiff::civil::Weekday;

/// Full month names (and old spellings), for the grammar.
pub(crate) const MONTH_FULL: &str = "januari|februari|pebruari|maret|april|mei|juni|juli|\
agustus|september|oktober|november|nopember|desember";

/// Month abbreviations, for the grammar. Only accepted after a day number or before a
/// year, never alone.
pub(crate) const MONTH_ABBR: &str =
    "jan|feb|peb|mar|mrt|apr|jun|jul|agst|agt|agu|ags|aug|sept|sep|okt|oct|nov|nop|des|dec";

/// Weekday names, for the grammar. Normalized text may carry `"` or `'` in "Jum'at".
pub(crate) const WEEKDAY: &str = "senin|selasa|rabu|kamis|jum['\"’]?at|sabtu|minggu|ahad";

/// Parts of day, for the grammar (longest first).
pub(crate) const PART_OF_DAY: &str =
    "dini[ \\t]+hari|tengah[ \\t]+malam|tengah[ \\t]+hari|pagi|siang|sore|petang|malam|subuh";

/// Number words from one to ninety-nine, for the grammar (compounds first).
pub(crate) const NUMBER_WORD: &str = "(?:dua|tiga|empat|lima|enam|tujuh|delapan|sembilan)\
[ \\t]+puluh(?:[ \\t]+(?:satu|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan))?|\
(?:dua|tiga|empat|lima|enam|tujuh|delapan|sembilan)[ \\t]+belas|sepuluh|sebelas|satu|dua|tiga|\
empat|lima|enam|tujuh|delapan|sembilan";

/// The month number of a folded month label ("agt." → 8).
pub(crate) fn month(label: &str) -> Option<i8> {
    Some(match label.trim_end_matches('.') {
        "januari" | "jan" => 1,
        "februari" | "pebruari" | "feb" | "peb" => 2,
        "maret" | "mar" | "mrt" => 3,
        "april" | "apr" => 4,
        "mei" => 5,
        "juni" | "jun" => 6,
        "juli" | "jul" => 7,
        "agustus" | "agst" | "agt" | "agu" | "ags" | "aug" => 8,
        "september" | "sept" | "sep" => 9,
        "oktober" | "okt" | "oct" => 10,
        "november" | "nopember" | "nov" | "nop" => 11,
        "desember" | "des" | "dec" => 12,
        _ => return None,
    })
}

/// The weekday of a folded weekday label ("jum'at" → Friday, "ahad" → Sunday).
pub(crate) fn weekday(label: &str) -> Option<Weekday> {
    Some(match label {
        "senin" => Weekday::Monday,
        "selasa" => Weekday::Tuesday,
        "rabu" => Weekday::Wednesday,
        "kamis" => Weekday::Thursday,
        "jumat" | "jum'at" | "jum\"at" | "jum’at" => Weekday::Friday,
        "sabtu" => Weekday::Saturday,
        "minggu" | "ahad" => Weekday::Sunday,
        _ => return None,
    })
}

/// The canonical lowercase Indonesian name of a weekday, as records spell it.
pub(crate) fn weekday_name(weekday: Weekday) -> &'static str {
    match weekday {
        Weekday::Monday => "senin",
        Weekday::Tuesday => "selasa",
        Weekday::Wednesday => "rabu",
        Weekday::Thursday => "kamis",
        Weekday::Friday => "jumat",
        Weekday::Saturday => "sabtu",
        Weekday::Sunday => "minggu",
    }
}

/// The canonical part-of-day label ("dini  hari" → "dini hari").
pub(crate) fn part_of_day(label: &str) -> Option<&'static str> {
    let mut words = label.split_ascii_whitespace();
    let first = words.next()?;
    let second = words.next();
    Some(match (first, second) {
        ("dini", Some("hari")) => "dini hari",
        ("tengah", Some("malam")) => "tengah malam",
        ("tengah", Some("hari")) => "tengah hari",
        ("pagi", None) => "pagi",
        ("siang", None) => "siang",
        ("sore", None) => "sore",
        ("petang", None) => "petang",
        ("malam", None) => "malam",
        ("subuh", None) => "subuh",
        _ => return None,
    })
}

/// The canonical time zone ("wita" → "WITA").
pub(crate) fn zone(label: &str) -> Option<&'static str> {
    Some(match label {
        "wib" => "WIB",
        "wita" => "WITA",
        "wit" => "WIT",
        _ => return None,
    })
}

/// The value of a digit string or an Indonesian number word ("dua belas" → 12).
pub(crate) fn number(label: &str) -> Option<i32> {
    if label.bytes().all(|b| b.is_ascii_digit()) {
        return label.parse().ok();
    }
    let words: Vec<&str> = label.split_ascii_whitespace().collect();
    let value = crate::figures::numeral::phrase_value(&words.join(" "))?;
    i32::try_from(value).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_month_label_in_the_grammar_is_known() {
        for label in MONTH_FULL.split('|').chain(MONTH_ABBR.split('|')) {
            assert!(month(label).is_some(), "{label}");
        }
        assert_eq!(month("agt."), Some(8));
        assert_eq!(month("pebruari"), Some(2));
        assert_eq!(month("nopember"), Some(11));
        assert_eq!(month("juli"), Some(7));
        assert_eq!(month("julia"), None);
    }

    #[test]
    fn weekday_labels() {
        for label in [
            "senin", "selasa", "rabu", "kamis", "jumat", "sabtu", "minggu",
        ] {
            let wd = weekday(label).unwrap();
            assert_eq!(weekday_name(wd), label);
        }
        assert_eq!(weekday("jum'at"), Some(Weekday::Friday));
        assert_eq!(weekday("ahad"), Some(Weekday::Sunday));
        assert_eq!(weekday("mingguan"), None);
    }

    #[test]
    fn number_words() {
        assert_eq!(number("8"), Some(8));
        assert_eq!(number("dua"), Some(2));
        assert_eq!(number("sepuluh"), Some(10));
        assert_eq!(number("sebelas"), Some(11));
        assert_eq!(number("dua belas"), Some(12));
        assert_eq!(number("tiga puluh"), Some(30));
        assert_eq!(number("dua puluh lima"), Some(25));
        assert_eq!(number("puluh"), None);
        assert_eq!(number(""), None);
        assert_eq!(number("99999999999999999999"), None);
    }

    #[test]
    fn parts_of_day_and_zones() {
        assert_eq!(part_of_day("dini  hari"), Some("dini hari"));
        assert_eq!(part_of_day("petang"), Some("petang"));
        assert_eq!(part_of_day("hari"), None);
        assert_eq!(zone("wita"), Some("WITA"));
        assert_eq!(zone("wet"), None);
    }
}
