//! Sides: who acted in an event and on whom (`actor1`, `actor2`), as ACLED codes them.
//!
//! Each kind says which actors stand on which side, by category: at a protest or a riot
//! the crowd acts (groups; else people) against a body named after the trigger ("di depan
//! Gedung DPRD"); in an armed clash the security forces face an armed group; in an attack
//! the attackers (armed groups, unknown persons, people described as `pelaku`) strike
//! civilians, people described as `korban` or a post; in an arrest the police, prosecution
//! or KPK act on the people described as `tersangka`, `pelaku`, `terduga` (or a group); in
//! court the court acts on the `terdakwa`; in an election stage the election bodies act;
//! in a policy the government or parliament. Disasters and accidents have no sides.
//! Actors are read in the evidence sentences of the event, in text order.

use std::ops::Range;

/// An actor of an event.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Actor {
    /// Index into the people.
    Person(usize),
    /// Index into the institution mentions.
    Institution(usize),
    /// Index into the groups.
    Group(usize),
}

/// What the sides reader needs of one actor candidate.
#[derive(Clone, Debug)]
pub struct Candidate<'a> {
    /// The actor.
    pub actor: Actor,
    /// Where it is mentioned (normalized offsets).
    pub at: Range<usize>,
    /// Institution category ("police", "court" …), group type ("mahasiswa"), or the
    /// person's titles and descriptions ("tersangka", "kapolres").
    pub tags: Vec<&'a str>,
}

/// One side of an event: lists of categories, types, group types and descriptions.
type Side = &'static [&'static [&'static str]];

/// The tag of a person the text gives no description: at an arrest, in court or in an
/// attack, a named person who is no official is the one arrested, tried or struck.
pub const UNDESCRIBED: &str = "-";

/// The institution categories and types, group types and person descriptions on each side
/// of an event of kind `kind` and subtype `subtype`: (actor1, actor2). `None` for kinds
/// without sides.
fn roles(kind: &str, subtype: &str) -> Option<(Side, Side)> {
    const SECURITY: &[&str] = &[
        "police", "military", "polri", "polda", "polres", "polsek", "brimob", "tni", "kodam",
        "korem", "kodim", "koramil", "densus", "satgas", "kapolda", "kapolres", "kapolsek",
    ];
    const CROWD: &[&str] = &[
        "mahasiswa",
        "pelajar",
        "buruh",
        "warga",
        "petani",
        "nelayan",
        "ojol",
        "sopir",
        "pedagang",
        "guru-honorer",
        "nakes",
        "suporter",
        "ormas",
        "massa",
        "pengungsi",
        "narapidana",
        "preman",
        "geng-motor",
    ];
    const ARMED: &[&str] = &["kkb", "teroris", "otk", "geng-motor", "preman", "pelaku"];
    const VICTIMS: &[&str] = &[
        "korban",
        "warga",
        "pelajar",
        "mahasiswa",
        "petani",
        "nelayan",
        "pria",
        "wanita",
        "remaja",
        "pemuda",
        "anak",
        "siswa",
        "sopir",
        "pedagang",
        UNDESCRIBED,
    ];
    const ENFORCERS: &[&str] = &[
        "police",
        "prosecution",
        "kpk",
        "bnn",
        "polri",
        "polda",
        "polres",
        "polsek",
        "bareskrim",
        "densus",
        "kejati",
        "kejari",
        "kejagung",
        "bnnp",
        "bnnk",
        "kapolres",
        "kapolda",
        "kapolsek",
        "satreskrim",
        "satresnarkoba",
        "ditreskrimum",
        "ditreskrimsus",
        "ditresnarkoba",
    ];
    const SUSPECTS: &[&str] = &[
        "tersangka",
        "pelaku",
        "terduga",
        "terdakwa",
        "pengedar",
        "kurir",
        "bandar",
        "pria",
        "wanita",
        "pemuda",
        "remaja",
        UNDESCRIBED,
    ];
    const COURTS: &[&str] = &["court", "pengadilan", "pn", "pt", "ma", "mk", "hakim"];
    const DEFENDANTS: &[&str] = &[
        "terdakwa",
        "terpidana",
        "tersangka",
        "pemohon",
        "penggugat",
        UNDESCRIBED,
    ];
    const PROSECUTION: &[&str] = &[
        "prosecution",
        "kejari",
        "kejati",
        "kejagung",
        "jaksa",
        "jpu",
    ];
    const ELECTORAL: &[&str] = &["kpu", "bawaslu", "dkpp", "ppk", "pps", "kpps", "panwascam"];
    const RULERS: &[&str] = &[
        "regional-government",
        "ministry",
        "government",
        "dprd",
        "dpr",
        "pemprov",
        "pemkab",
        "pemkot",
        "gubernur",
        "bupati",
        "wali-kota",
        "presiden",
        "menteri",
    ];
    // Beside the rulers, what a crowd protests against.
    const TARGETS: &[&str] = &["kpu", "bawaslu", "company", "perusahaan"];
    Some(match kind {
        // Clashes between crowds: rioters on both sides (see `sides`).
        "riot" if matches!(subtype, "bentrok" | "tawuran") => (&[CROWD], &[]),
        "riot" if subtype == "amuk-massa" => (&[CROWD], &[SUSPECTS]),
        "protest" | "riot" => (&[CROWD], &[RULERS, TARGETS]),
        "armed-clash" => (&[SECURITY], &[&["kkb", "teroris"]]),
        "attack" => (&[ARMED], &[VICTIMS]),
        "arrest" => (&[ENFORCERS], &[SUSPECTS]),
        "court" if subtype == "tuntutan" => (&[PROSECUTION], &[DEFENDANTS]),
        "court" => (&[COURTS], &[DEFENDANTS]),
        "election" => (&[ELECTORAL], &[]),
        "policy" => (&[RULERS], &[]),
        _ => return None,
    })
}

/// The sides of an event of kind `kind` from the candidates of its evidence (in text
/// order): actor1 and actor2, each actor once, none on both sides.
pub fn sides(kind: &str, subtype: &str, candidates: &[Candidate]) -> (Vec<Actor>, Vec<Actor>) {
    let Some((one, two)) = roles(kind, subtype) else {
        return (Vec::new(), Vec::new());
    };
    let mut actor1: Vec<Actor> = Vec::new();
    let mut actor2: Vec<Actor> = Vec::new();
    for c in candidates {
        let on = |side: Side| c.tags.iter().any(|t| side.iter().any(|l| l.contains(t)));
        if actor1.contains(&c.actor) || actor2.contains(&c.actor) {
            continue;
        }
        if on(one) {
            actor1.push(c.actor);
        } else if on(two) {
            actor2.push(c.actor);
        }
    }
    // A clash between crowds has them on both sides ("bentrok antarwarga": warga and warga).
    if kind == "riot" && matches!(subtype, "bentrok" | "tawuran") && actor2.is_empty() {
        actor2.extend(actor1.iter().filter(|a| matches!(a, Actor::Group(_))));
    }
    (actor1, actor2)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cand(actor: Actor, tags: &[&'static str]) -> Candidate<'static> {
        Candidate {
            actor,
            at: 0..0,
            tags: tags.to_vec(),
        }
    }

    #[test]
    fn the_police_arrest_the_suspects() {
        let c = [
            cand(Actor::Institution(0), &["polres", "police"]),
            cand(Actor::Person(0), &["tersangka"]),
            cand(Actor::Person(1), &["kapolres"]),
            cand(Actor::Group(0), &["warga"]),
        ];
        let (a1, a2) = sides("arrest", "penangkapan", &c);
        assert_eq!(a1, [Actor::Institution(0), Actor::Person(1)]);
        assert_eq!(a2, [Actor::Person(0)]);
    }

    #[test]
    fn a_crowd_protests_before_a_parliament() {
        let c = [
            cand(Actor::Group(0), &["mahasiswa"]),
            cand(Actor::Institution(2), &["dprd", "state-body"]),
            cand(Actor::Institution(3), &["polres", "police"]),
        ];
        let (a1, a2) = sides("protest", "unjuk-rasa", &c);
        assert_eq!(a1, [Actor::Group(0)]);
        assert_eq!(a2, [Actor::Institution(2)]);
    }

    #[test]
    fn disasters_have_no_sides() {
        let c = [cand(Actor::Group(0), &["warga"])];
        assert_eq!(sides("disaster", "banjir", &c), (vec![], vec![]));
    }
}
