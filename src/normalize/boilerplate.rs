//! Recognizes page chrome in normalized text so that later stages skip it.
//!
//! Rules work on the folded text, line by line (a line is a paragraph after
//! normalization), and are anchored to whole lines or line starts, so a word like
//! "komentar" inside real prose is never blanked. Only a few rules are inline:
//!
//! * `{{ … }}` template placeholders (and the whole line when templates are all it has);
//! * "Baca juga …" / "Simak juga …" / "Lihat juga …" links, to the end of their line;
//! * ad placeholders such as "Example 728x250";
//! * a view counter ("Dibaca 1.234 kali") at a line start or after a `|`.
//!
//! Most text holds no chrome, so the inline regex is not run over the text: one
//! vectorized search finds its cue words (`baca`, `simak`, `lihat`, `example`, `{{`) and
//! the regex is tried, anchored, only just before and at each cue.
//!
//! Whole-line rules: "Discussion about this post", "Scroll untuk baca artikel",
//! advertisement markers, share and comment widgets (including a line made only of social
//! network names), view counters, `Tag:` lines, copyright lines and related-article
//! headers ("Berita Terkait", "Baca Selengkapnya"). A poll widget ("… Poll - Loading poll")
//! blanks its own line and the short lines after it, up to a blank line in the original.
//!
//! Bylines ("Penulis: X | Editor: Y") and closing author codes ("(abc04)") are not chrome:
//! later stages read them.

use std::ops::Range;
use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, MatchKind};
use regex::{Regex, RegexSet};
use regex_automata::{meta, Anchored, Input};

/// Whole-line rules, over a folded line.
static LINE_RULES: LazyLock<RegexSet> = LazyLock::new(|| {
    RegexSet::new([
        r"^discussion about this post$",
        r"^scroll (?:untuk|to|ke bawah)(?-u:\b).{0,60}$",
        r"^[- ]*(?:advertisement|advertisment|iklan|sponsored(?: content)?|konten (?:sponsor|bersponsor)|ads by google)[- ]*$",
        r"^(?:[0-9]+ )?(?:komentar|comments?|tweet|tinggalkan (?:balasan|komentar)|leave a (?:reply|comment)|(?:berikan|tulis|lihat|kirim) komentar|post a comment|balas|reply|loading|memuat)(?: ?\([0-9]+\))? ?[:.]*$",
        r"^(?:dibaca|dilihat|views?) ?:? ?[0-9][0-9.,]* ?(?:kali|x)?$",
        r"^[0-9][0-9.,]* ?(?:views?|kali dibaca|kali dilihat|x dibaca|dibaca|pembaca)$",
        r"^(?:tags?|tag terkait|topik|kata kunci|keywords?) ?:.*$|^tags?$",
        r"^(?:copyright(?-u:\b)|©|\(c\) [0-9]{4}|hak cipta(?-u:\b)).{0,300}$|^.{0,120}all rights reserved\.?$",
        r"^(?:berita|artikel|baca|video|foto|konten|tulisan|postingan|posting) (?:terkait|lainnya|selengkapnya|populer|terpopuler|pilihan|terbaru|menarik)(?: lainnya| untuk anda)? ?:?$",
        r"^(?:editor'?s'? (?:pick|choice)|pilihan (?:editor|redaksi)|related(?: articles?| posts?| news| stories)?|rekomendasi(?: untuk anda| berita)?|terpopuler|most popular|trending(?: now)?|you may also like|anda mungkin (?:juga )?suka) ?:?$",
    ])
    .expect("static regex set")
});

/// Line-start markers that blank only themselves ("ADVERTISEMENT Lorem…").
static PREFIX: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:- ?)?(?:advertisement|scroll to continue with content|scroll (?:untuk|ke bawah untuk) (?:baca|membaca|melanjutkan membaca|lanjut membaca)(?: artikel| berita)?)(?: ?-)?(?-u:\b)",
    )
    .expect("static regex")
});

/// The chars a [`PREFIX`] match starts with: other lines are not searched.
const PREFIX_FIRST: [char; 3] = ['-', 'a', 's'];

/// Inline rules, over the whole folded text. Word boundaries are ASCII (`(?-u:\b)`)
/// so that the fast DFA engine runs over non-ASCII text too.
///
/// Searched only where [`INLINE_CUES`] finds a cue, by [`inline_matches`].
static INLINE: LazyLock<meta::Regex> =
    LazyLock::new(|| meta::Regex::new(INLINE_PATTERN).expect("static regex"));

/// The pattern of [`INLINE`].
const INLINE_PATTERN: &str = r"(?m)\{\{[^{}\n]{0,300}\}\}|(?-u:\b)(?:baca|simak|lihat) (?:juga|pula)(?-u:\b)|(?-u:\b)example [0-9]{2,4} ?x ?[0-9]{2,4}(?-u:\b)|(?:^|\|) ?(?:dibaca|dilihat) ?:? ?[0-9][0-9.,]* ?(?:kali|x)(?-u:\b)";

/// Cues of the [`INLINE`] rules: every match holds one, and starts at most
/// [`CUE_LEAD`] bytes before it ("| dibaca" starts four bytes before "baca"). `{{` is
/// found apart, so that the cues here are long enough for a fast vectorized search.
static INLINE_CUES: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostFirst)
        .build(["baca", "simak", "lihat", "example"])
        .expect("static cues")
});

/// The template cue, searched apart from [`INLINE_CUES`].
const TEMPLATE_CUE: &[u8] = b"{{";

/// How far before its cue an [`INLINE`] match may start.
const CUE_LEAD: usize = 4;

/// The bytes an [`INLINE`] match can start with (`{`, the first letters, `|`, and the
/// space or `d` of a counter at a line start): the regex is not tried elsewhere.
const INLINE_FIRST: &[u8] = b"{bsle| d";

/// Longest line that whole-line rules look at.
const MAX_RULE_LINE: usize = 400;
/// Longest line that starts a poll widget.
const MAX_POLL_HEAD: usize = 120;
/// Longest line that continues a poll widget.
const MAX_POLL_LINE: usize = 160;
/// Longest headline after "Baca juga" that is blanked with it.
const MAX_LINK: usize = 200;
/// Most lines a poll widget runs over.
const MAX_POLL_LINES: usize = 16;

/// Finds the boilerplate ranges of a normalized text.
///
/// `folded` is the folded text, `text` the same in original case, `para_breaks` the
/// sorted offsets of the newlines that stood for a blank line in the original.
pub(crate) fn find(text: &str, folded: &str, para_breaks: &[usize]) -> Vec<Range<usize>> {
    let inline = inline_matches(folded);
    let mut scan = Scan {
        text,
        folded,
        para_breaks,
        inline: &inline,
        next_inline: 0,
        next_break: 0,
        poll_lines: None,
        out: Vec::new(),
    };
    let mut start = 0;
    for end in memchr::memchr_iter(b'\n', folded.as_bytes()).chain([folded.len()]) {
        scan.line(start..end);
        start = end + 1;
    }
    merge(scan.out)
}

/// The matches of [`INLINE`] in `folded`, as a search over the whole text finds them
/// (leftmost first, not overlapping), but trying the regex only near cues.
///
/// Every match starts in the window of a cue occurrence: from [`CUE_LEAD`] bytes before
/// it to its last byte. The window reaches over the cue because a cue found may hide an
/// overlapping one (`{{{`); the cues overlap no other. Windows are tried
/// in order, one anchored search per position, from the end of the last match on; the
/// first position with a match starts the leftmost match.
fn inline_matches(folded: &str) -> Vec<Range<usize>> {
    let hay = folded.as_bytes();
    let mut cues: Vec<Range<usize>> = memchr::memmem::find_iter(hay, TEMPLATE_CUE)
        .map(|i| i..i + TEMPLATE_CUE.len())
        .collect();
    let templates = cues.len();
    cues.extend(INLINE_CUES.find_iter(hay).map(|m| m.range()));
    if templates > 0 && cues.len() > templates {
        cues.sort_by_key(|c| c.start);
    }
    let mut out = Vec::new();
    let mut next = 0;
    for cue in cues {
        let mut at = next.max(cue.start.saturating_sub(CUE_LEAD));
        while at < cue.end {
            if !INLINE_FIRST.contains(&hay[at]) {
                at += 1;
                continue;
            }
            let input = Input::new(hay).range(at..).anchored(Anchored::Yes);
            match INLINE.search(&input) {
                Some(m) => {
                    out.push(m.range());
                    at = m.end();
                }
                None => at += 1,
            }
        }
        next = at;
    }
    out
}

/// The state of one pass over the lines.
struct Scan<'a> {
    text: &'a str,
    folded: &'a str,
    para_breaks: &'a [usize],
    inline: &'a [Range<usize>],
    next_inline: usize,
    next_break: usize,
    /// Lines blanked so far in an open poll widget.
    poll_lines: Option<usize>,
    out: Vec<Range<usize>>,
}

impl Scan<'_> {
    /// Applies the rules to one line.
    fn line(&mut self, line: Range<usize>) {
        let s = &self.folded[line.clone()];
        let after_blank = self.after_blank(line.start);
        let inline = self.take_inline(line.end);
        if self.poll_continues(s, after_blank) || self.is_chrome_line(s) {
            self.out.push(line);
            return;
        }
        if s.starts_with(PREFIX_FIRST) {
            if let Some(m) = PREFIX.find(s) {
                self.out.push(line.start..line.start + m.end());
            }
        }
        self.inline_rules(line, inline);
    }

    /// True when the newline before `start` stood for a blank line.
    fn after_blank(&mut self, start: usize) -> bool {
        let Some(nl) = start.checked_sub(1) else {
            return true;
        };
        while self
            .para_breaks
            .get(self.next_break)
            .is_some_and(|&p| p < nl)
        {
            self.next_break += 1;
        }
        self.para_breaks.get(self.next_break) == Some(&nl)
    }

    /// The inline matches that start before `end`.
    fn take_inline(&mut self, end: usize) -> Range<usize> {
        let from = self.next_inline;
        while self
            .inline
            .get(self.next_inline)
            .is_some_and(|m| m.start < end)
        {
            self.next_inline += 1;
        }
        from..self.next_inline
    }

    /// Tracks a poll widget: true when line `s` belongs to one.
    fn poll_continues(&mut self, s: &str, after_blank: bool) -> bool {
        if let Some(n) = self.poll_lines {
            if !after_blank && n < MAX_POLL_LINES && is_poll_line(s) {
                self.poll_lines = Some(n + 1);
                return true;
            }
            self.poll_lines = None;
        }
        if s.len() <= MAX_POLL_HEAD && s.contains("poll") && s.contains("loading") {
            self.poll_lines = Some(0);
            return true;
        }
        false
    }

    /// Whole-line rules.
    fn is_chrome_line(&self, s: &str) -> bool {
        !s.is_empty() && s.len() <= MAX_RULE_LINE && (LINE_RULES.is_match(s) || is_social_line(s))
    }

    /// Applies the inline matches `which` (indices into `self.inline`) to `line`.
    fn inline_rules(&mut self, line: Range<usize>, which: Range<usize>) {
        let mut templates = Vec::new();
        for m in self.inline[which].iter() {
            let m = m.start.max(line.start)..m.end.min(line.end);
            match self.folded.as_bytes().get(m.start) {
                Some(b'{') => templates.push(m),
                Some(b'b' | b's' | b'l') if self.is_read_also(&line, &m) => {
                    self.out.push(self.read_also(&line, &m));
                }
                Some(b'e' | b'd' | b'|' | b' ') => self.out.push(trim_bar(self.folded, m)),
                _ => {}
            }
        }
        if templates.is_empty() {
            return;
        }
        if mostly_templates(&self.folded[line.clone()], line.start, &templates) {
            self.out.push(line);
        } else {
            self.out.extend(templates);
        }
    }

    /// A "Baca juga" match is a link when a `:` follows it, or when it is capitalized
    /// and followed by a capitalized word, as headlines are ("Baca juga Warga Sambut…");
    /// a "baca juga" inside prose is neither.
    fn is_read_also(&self, line: &Range<usize>, m: &Range<usize>) -> bool {
        let capital = self
            .text
            .as_bytes()
            .get(m.start)
            .is_some_and(u8::is_ascii_uppercase);
        let next_capital = self.text[m.end..line.end]
            .trim_start()
            .starts_with(|c: char| c.is_uppercase());
        colon_after(self.folded, m.end, line.end).is_some() || (capital && next_capital)
    }

    /// The blanked range of a "Baca juga" link: to the end of the line, or only the
    /// marker (and its `:`) when the rest of the line is not a headline.
    fn read_also(&self, line: &Range<usize>, m: &Range<usize>) -> Range<usize> {
        if is_headline(&self.folded[m.end..line.end]) {
            return m.start..line.end;
        }
        m.start..colon_after(self.folded, m.end, line.end).unwrap_or(m.end)
    }
}

/// A headline is short and does not end like a sentence of prose (`.` or `."`).
fn is_headline(s: &str) -> bool {
    let end = s.trim_end_matches(['"', '\'', ')', ' ']);
    s.len() <= MAX_LINK && (!end.ends_with('.') || end.ends_with("..."))
}

/// One past a `:` that follows `at` (after spaces), before `end`.
fn colon_after(s: &str, at: usize, end: usize) -> Option<usize> {
    let rest = s.get(at..end)?;
    let trimmed = rest.trim_start_matches(' ');
    trimmed
        .starts_with([':', ';'])
        .then(|| end - trimmed.len() + 1)
}

/// A line that can continue a poll widget: short, and not a full sentence of prose.
fn is_poll_line(s: &str) -> bool {
    if s.is_empty() || s.len() > MAX_POLL_LINE {
        return false;
    }
    let words = s.split(' ').count();
    !(words >= 12 && s.ends_with('.'))
}

/// A line made only of share/social-network words, with at least one network name or
/// share verb ("Bagikan: Facebook Twitter", "Share on WhatsApp").
fn is_social_line(s: &str) -> bool {
    const NETWORK: [&str; 22] = [
        "facebook",
        "twitter",
        "whatsapp",
        "wa",
        "telegram",
        "line",
        "linkedin",
        "pinterest",
        "email",
        "reddit",
        "tumblr",
        "messenger",
        "instagram",
        "tiktok",
        "youtube",
        "google",
        "pocket",
        "skype",
        "x",
        "tweet",
        "bagikan",
        "share",
    ];
    const FILLER: [&str; 18] = [
        "this", "on", "ke", "via", "to", "artikel", "berita", "ini", "e", "mail", "copy", "salin",
        "link", "tautan", "print", "cetak", "more", "lainnya",
    ];
    if s.len() > 200 || !s.bytes().any(|b| b.is_ascii_alphabetic()) {
        return false;
    }
    let mut network = false;
    for w in s.split(|c: char| !(c.is_alphanumeric() || c == '+')) {
        let w = w.trim_end_matches('+');
        if w.is_empty() || w.bytes().all(|b| b.is_ascii_digit()) {
            continue;
        }
        if NETWORK.contains(&w) {
            network = true;
        } else if !FILLER.contains(&w) {
            return false;
        }
    }
    network
}

/// True when a line holds nothing but templates, bullets, digits and punctuation.
fn mostly_templates(line: &str, offset: usize, templates: &[Range<usize>]) -> bool {
    let mut at = 0;
    let mut letters = 0usize;
    let mut count = |s: &str| {
        let mut run = 0;
        for c in s.chars() {
            run = if c.is_alphabetic() { run + 1 } else { 0 };
            letters = letters.max(run);
        }
    };
    for t in templates {
        count(line.get(at..t.start - offset).unwrap_or(""));
        at = t.end - offset;
    }
    count(line.get(at..).unwrap_or(""));
    letters < 3
}

/// Drops a leading `|` (and space) from a counter match.
fn trim_bar(folded: &str, m: Range<usize>) -> Range<usize> {
    let s = &folded[m.clone()];
    let trimmed = s.trim_start_matches(['|', ' ', '\n']);
    m.start + (s.len() - trimmed.len())..m.end
}

/// Sorts and merges overlapping or touching ranges.
fn merge(mut ranges: Vec<Range<usize>>) -> Vec<Range<usize>> {
    ranges.retain(|r| r.start < r.end);
    ranges.sort_by_key(|r| r.start);
    let mut out: Vec<Range<usize>> = Vec::with_capacity(ranges.len());
    for r in ranges {
        match out.last_mut() {
            Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
            _ => out.push(r),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn social_lines() {
        assert!(is_social_line("facebook twitter whatsapp telegram"));
        assert!(is_social_line("bagikan:"));
        assert!(is_social_line("share on facebook"));
        assert!(is_social_line(
            "bagikan artikel ini: facebook | twitter | 12"
        ));
        assert!(!is_social_line("facebook milik meta"));
        assert!(!is_social_line("artikel ini"));
        assert!(!is_social_line("12 34"));
    }

    #[test]
    fn template_lines() {
        let line = "• {{a.b}} % ( {{c}} % )";
        let t = [4..11, 16..21];
        assert_eq!(&line[4..11], "{{a.b}}");
        assert_eq!(&line[16..21], "{{c}}");
        assert!(mostly_templates(line, 0, &t));
        let line = "Harga {{x}} naik";
        assert!(!mostly_templates(line, 0, std::slice::from_ref(&(6..11))));
    }

    #[test]
    fn inline_matches_as_a_whole_search_finds_them() {
        let text = "baca juga: x\n| dibaca 1.234 kali | {{{a}}} example 728x90";
        let found: Vec<&str> = inline_matches(text).into_iter().map(|r| &text[r]).collect();
        assert_eq!(
            found,
            [
                "baca juga",
                "| dibaca 1.234 kali",
                "{{a}}",
                "example 728x90"
            ]
        );
        let whole = Regex::new(INLINE_PATTERN).unwrap();
        for s in [
            "dibaca 12 kali",
            " dibaca 12 kali",
            "x\ndilihat: 3 kali",
            "x\n dibaca 5x",
            "a | dibaca 1.234 kali",
            "a |dilihat 7 kali",
            "{{{{a}}",
            "simak juga",
        ] {
            let want: Vec<Range<usize>> = whole.find_iter(s).map(|m| m.range()).collect();
            assert_eq!(want.len(), 1, "{s:?}");
            assert_eq!(inline_matches(s), want, "{s:?}");
        }
        let alphabet = [
            "baca", "simak", "lihat", " juga", " pula", "di", "| ", "|", " ", "\n", ": ", "12",
            "3.4", " kali", "x", "{{", "}}", "{", "a", "é", "example", "example ", "mbaca",
            "dibaca", "dilihat", " 12 kali", "\n ",
        ];
        let mut next = crate::normalize::test_rng(3);
        for _ in 0..30_000 {
            let len = next() % 14;
            let s: String = (0..len)
                .map(|_| alphabet[next() % alphabet.len()])
                .collect();
            let want: Vec<Range<usize>> = whole.find_iter(&s).map(|m| m.range()).collect();
            assert_eq!(inline_matches(&s), want, "{s:?}");
        }
    }

    #[test]
    fn merges() {
        assert_eq!(merge(vec![5..9, 0..2, 1..3, 9..10]), vec![0..3, 5..10]);
    }
}
