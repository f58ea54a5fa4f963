//! Actors in single sentences written for these tests: bodies found by the form of their
//! name, and descriptions that reach people through a list.

use warta::{Article, Extractor};

/// The record of one text.
fn record(text: &str) -> warta::record::Record {
    static EXTRACTOR: std::sync::LazyLock<Extractor> =
        std::sync::LazyLock::new(|| Extractor::new().expect("embedded lexicons load"));
    EXTRACTOR.extract(&Article::new("t", text))
}

/// The institution ids of a text, in record order.
fn institution_ids(text: &str) -> Vec<String> {
    record(text)
        .institutions
        .into_iter()
        .map(|i| i.id)
        .collect()
}

#[test]
fn a_list_ends_a_name_at_its_last_dan() {
    let ids = institution_ids(
        "Bantuan diserahkan kepada Ikatan Pedagang Pasar Sentral, Yayasan Bina Insani dan \
         Persija FC.",
    );
    assert_eq!(
        ids,
        [
            "ormas:ikatan-pedagang-pasar-sentral",
            "yayasan:yayasan-bina-insani",
            "persija"
        ]
    );
}

#[test]
fn dan_inside_a_name_outside_a_list_stays() {
    let ids = institution_ids("Yayasan Pendidikan dan Kebudayaan Nusantara membuka sekolah.");
    assert_eq!(ids, ["yayasan:yayasan-pendidikan-dan-kebudayaan-nusantara"]);
}

#[test]
fn a_body_named_after_its_city_is_one_name() {
    let ids = institution_ids("Rektor Universitas Semarang menutup acara itu.");
    assert_eq!(ids, ["universitas:universitas-semarang"]);
}

#[test]
fn a_company_by_its_form() {
    let ids = institution_ids("PT Sinar Harapan Mandiri memberi bantuan beras.");
    assert_eq!(ids, ["perusahaan:pt-sinar-harapan-mandiri"]);
}

#[test]
fn the_description_before_a_list_word_goes_to_everyone_listed() {
    // "warga setempat" after the list reaches only the last name, as an apposition: the
    // list's own description, before "adalah", reaches all three.
    let r = record("Ketiga tersangka adalah HR (52), AS (45) dan MY (38), warga setempat.");
    let people: Vec<(&str, Vec<&str>)> = r
        .people
        .iter()
        .map(|p| {
            let titles = p.roles.iter().map(|x| x.title.as_str()).collect();
            (p.name.as_str(), titles)
        })
        .collect();
    assert_eq!(
        people,
        [
            ("HR", vec!["tersangka"]),
            ("AS", vec!["tersangka"]),
            ("MY", vec!["warga", "tersangka"])
        ]
    );
}
