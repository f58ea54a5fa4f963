//! What each event kind reads and takes in: the count kinds it reads, the kinds a main
//! event of it takes in as its parts, the kinds that lead an article only from its
//! headline or lead, the kinds that happen inside a meeting, and the count kinds an
//! event that is not the main one stands for.

/// The count kinds each event kind reads.
pub(super) fn count_kinds(kind: &str) -> &'static [&'static str] {
    match kind {
        "protest" => &["participants", "dead", "injured", "arrested"],
        "riot" => &[
            "participants",
            "dead",
            "injured",
            "arrested",
            "damaged",
            "displaced",
        ],
        "armed-clash" => &["dead", "injured", "displaced"],
        "attack" => &["dead", "injured", "missing", "damaged", "displaced"],
        "disaster" => &["dead", "injured", "missing", "displaced", "damaged"],
        "accident" => &["dead", "injured", "missing", "damaged"],
        "arrest" => &["arrested"],
        _ => &[],
    }
}

/// The kinds a main event of each kind takes in as parts of itself rather than as events
/// of their own: the attacks of a riot or a clash, the drownings and fires of a flood or
/// an arson, the plenary that passed a Perda or set an election result, and the signing of
/// a regulation.
pub(super) fn absorbs(main: &str) -> &'static [&'static str] {
    match main {
        "riot" | "armed-clash" => &["attack"],
        "disaster" | "attack" => &["accident"],
        "policy" => &["meeting", "signing"],
        "election" => &["meeting", "signing", "handover"],
        _ => &[],
    }
}

/// The kinds that a trial named beside them is the later news of: a headline that names
/// a crime or an accident and its trial ("Dua Gadis Pelaku Pembunuhan Divonis 5 Tahun",
/// "Sopir Bus Maut Dituntut 6 Tahun") reports the trial. Not a protest or a riot at a
/// court ("Demo Kawal Sidang MK Ricuh"): the crowd is the news.
pub(super) const TRIED: &[&str] = &["attack", "arrest", "accident", "disaster", "armed-clash"];

/// The kinds of incidents and decisions, which lead an article only from its headline
/// or lead.
pub(super) const INCIDENTS: &[&str] = &[
    "protest",
    "riot",
    "armed-clash",
    "attack",
    "disaster",
    "accident",
    "arrest",
    "court",
    "election",
    "policy",
];

/// Kinds that happen inside a meeting when its sentence says so ("… menyerahkan bantuan
/// saat Rakor …"): the meeting is then the main event.
pub(super) const CEREMONIAL: &[&str] = &[
    "handover",
    "signing",
    "visit",
    "declaration",
    "inauguration",
    "ceremony",
];

/// Whether an event of kind `kind` stands for the count kind `count` when it is not the
/// main event.
pub(super) fn owns(kind: &str, count: &str) -> bool {
    match kind {
        "arrest" => count == "arrested",
        "riot" | "attack" | "armed-clash" => {
            matches!(count, "dead" | "injured" | "damaged" | "displaced")
        }
        _ => false,
    }
}
