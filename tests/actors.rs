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
fn a_school_by_its_form_with_its_number_and_place() {
    let ids = institution_ids(
        "Siswa SMKN 2 Atambua, SMA 3 Soe dan SD Negeri XIV Oesapa ikut lomba. Kepala SMPN 1 \
         Plaosan Prayitno membuka acara.",
    );
    assert_eq!(
        ids,
        [
            "sekolah:smkn-2-atambua",
            "sekolah:sma-3-soe",
            "sekolah:sd-negeri-xiv-oesapa",
            "sekolah:smpn-1-plaosan"
        ]
    );
    // Neither a year after a head word nor a school's bare type names a body.
    assert!(institution_ids("Klub 2019 itu. Murid SD di desa itu belajar di teras.").is_empty());
}

#[test]
fn a_noun_of_kind_in_lowercase_before_a_name_names_a_body() {
    let ids = institution_ids(
        "Penumpang maskapai Sayap Nusa Air tertahan. Ia menggandeng band Gemintang Biru.",
    );
    assert_eq!(
        ids,
        ["perusahaan:sayap-nusa-air", "kelompok-musik:gemintang-biru"]
    );
    // Not a person, a month or common words after it.
    let ids = institution_ids(
        "Saham perusahaan Budi Santoso naik. Terbit di majalah Oktober lalu. Ia masuk klub \
         Sepak Bola.",
    );
    assert!(ids.is_empty(), "{ids:?}");
}

#[test]
fn a_noun_of_kind_before_bernama_or_after_the_name_names_a_body() {
    let ids = institution_ids(
        "Ia lalu mendirikan perusahaan rintisan bernama Kopi Senja Lestari di Bandung.",
    );
    assert_eq!(ids, ["perusahaan:kopi-senja-lestari"]);
    let ids = institution_ids(
        "Sementara itu, Gemintang Biru adalah sebuah band asal Malang. Kemudian Sayap          Nusa, maskapai milik daerah, menambah rute.",
    );
    assert_eq!(
        ids,
        ["kelompok-musik:gemintang-biru", "perusahaan:sayap-nusa"]
    );
    // A list, a noun that leads the next name, and the tail of a longer name are not.
    let ids = institution_ids(
        "Pemerintah Daerah, perusahaan, dan warga hadir. Dilansir Harian Pagi,          perusahaan Sayap Nusa Air menambah rute. Data PT Sayap Nusa (Persero) Tbk, emiten          penerbangan itu, naik.",
    );
    assert!(
        !ids.iter()
            .any(|i| i.contains("harian-pagi") || i.contains("tbk")),
        "{ids:?}"
    );
}

#[test]
fn a_street_named_after_a_body_names_no_body() {
    let ids = institution_ids("Kecelakaan terjadi di Jalan SMA XIV, dekat Jl. Universitas.");
    assert!(ids.is_empty(), "{ids:?}");
}

#[test]
fn an_acronym_defined_after_a_body_names_it() {
    for text in [
        "Ikatan Pedagang Pasar Tradisional ( IPPT ) menolak relokasi. Ketua IPPT hadir.",
        "Ikatan Pedagang Pasar Tradisional atau IPPT menolak relokasi. Ketua IPPT hadir.",
        "Ikatan Pedagang Pasar Tradisional atau yang biasa disingkat IPPT menolak relokasi. \
         Ketua IPPT hadir.",
    ] {
        let rec = record(text);
        let mentions: Vec<&str> = rec.institutions[0]
            .mentions
            .iter()
            .map(|m| m.text.as_str())
            .collect();
        assert_eq!(
            mentions,
            ["Ikatan Pedagang Pasar Tradisional", "IPPT", "IPPT"],
            "{text}"
        );
    }
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

/// The people of a text: (name, role titles).
fn people(text: &str) -> Vec<(String, Vec<String>)> {
    record(text)
        .people
        .into_iter()
        .map(|p| (p.name, p.roles.into_iter().map(|r| r.title).collect()))
        .collect()
}

#[test]
fn an_acronym_spelled_out_after_it_is_no_person() {
    // A role before it ("tokoh") is no evidence then; a person with a note is still one.
    let found = people(
        "Sudah lama Martono menjadi tokoh Kosgoro (Koperasi Serba Guna Gotong Royong). \
         Menurut Agus (Anggota DPRD Sulsel), rapat itu penting.",
    );
    let names: Vec<&str> = found.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names, ["Martono", "Agus"]);
}

#[test]
fn a_name_read_as_a_place_stays_a_place() {
    // "stasiun Clarke Quay" makes it a place; the second mention has nothing more.
    let found = people(
        "Pembangunan di sekitar stasiun Clarke Quay terus berjalan. Kawasan dekat The \
         Central dan Clarke Quay ramai dikunjungi.",
    );
    assert_eq!(found, Vec::<(String, Vec<String>)>::new());
}

#[test]
fn a_street_named_after_a_person_is_no_mention_of_them() {
    let r = record(
        "Gubernur menemui Budi Sudirman di kantornya. Kantor itu berada di jalan Sudirman, \
         dekat pasar.",
    );
    let budi = &r.people[0];
    assert_eq!(budi.name, "Budi Sudirman");
    let mentions: Vec<&str> = budi.mentions.iter().map(|m| m.text.as_str()).collect();
    assert_eq!(mentions, ["Budi Sudirman"]);
}

#[test]
fn a_description_as_a_predicate() {
    let found = people("Stephen Wirawan adalah seorang penulis asal Bandung.");
    assert_eq!(
        found,
        [("Stephen Wirawan".to_string(), vec!["penulis".to_string()])]
    );
}

#[test]
fn capitals_before_a_capitalized_word_are_no_initials() {
    // "SMP Negeri 1" names a school; "AS (32)" after "tersangka" is a suspect.
    let found = people(
        "Ia menjabat Kepala Sekolah SMP Negeri 1 Sukamaju. Polisi menahan tersangka AS (32).",
    );
    let names: Vec<&str> = found.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names, ["AS"]);
}

/// The groups of a text: (id, name, number of mentions).
fn groups(text: &str) -> Vec<(String, String, usize)> {
    record(text)
        .groups
        .into_iter()
        .map(|g| (g.id, g.name, g.mentions.len()))
        .collect()
}

#[test]
fn a_group_takes_its_quantity_and_its_body_into_its_name() {
    let got = groups(
        "Ratusan mahasiswa Universitas Cenderawasih berunjuk rasa. Para mahasiswa itu \
         menuntut dialog.",
    );
    assert_eq!(
        got,
        [(
            "group:mahasiswa".to_string(),
            "Ratusan mahasiswa Universitas Cenderawasih".to_string(),
            2
        )]
    );
}

#[test]
fn a_group_right_before_a_place_is_tied_to_it() {
    let got = groups("Sebanyak 120 warga Kecamatan Cawas mengungsi ke balai desa.");
    assert_eq!(
        got,
        [(
            "group:warga@33.10.05".to_string(),
            "120 warga Kecamatan Cawas".to_string(),
            1
        )]
    );
}

#[test]
fn one_person_described_by_a_group_word_is_no_group() {
    let got = groups("Seorang warga dan salah satu pedagang melapor ke polisi.");
    assert_eq!(got, []);
}

#[test]
fn a_village_name_stops_at_a_headline_verb() {
    let got = groups("Warga Desa Sukamaju Perbaiki Jalan Rusak\nPETANI dan nelayan hadir.");
    let ids: Vec<&str> = got.iter().map(|g| g.0.as_str()).collect();
    assert_eq!(ids, ["group:warga", "group:petani", "group:nelayan"]);
    assert_eq!(got[0].1, "Warga Desa Sukamaju");
}

/// The names of the people of a text, in record order.
fn person_names(text: &str) -> Vec<String> {
    record(text).people.into_iter().map(|p| p.name).collect()
}

#[test]
fn streets_and_venues_named_after_people_are_no_people() {
    // A rank or an honorific between a street's or a venue's noun and a name, and a
    // venue's noun opening the name.
    let names = person_names(
        "Gedung itu berlokasi di Jl Kapten Tendean, Jakarta Selatan. Laga digelar di \
         Stadion Utama Gelora Bung Karno, lalu di Stadion Si Jalak Harupat, Kabupaten \
         Bandung. Keluarga berkumpul di Paviliun Kartika. Kapolres Metro Bekasi Kota AKBP \
         Roland Ronaldy hadir.",
    );
    assert_eq!(names, ["Roland Ronaldy"]);
}

#[test]
fn a_farewell_is_no_street() {
    let names = person_names(
        "Rekan-rekannya menulis di karangan bunga: Selamat Jalan Pak Asmara. Petugas itu \
         tertimpa pohon saat memadamkan api, Senin (16/9/2019).",
    );
    assert_eq!(names, ["Asmara"]);
}

/// The main event's counts of a text: (kind, value).
fn main_counts(text: &str) -> Vec<(String, f64)> {
    record(text).events[0]
        .counts
        .iter()
        .map(|c| (c.kind.clone(), c.value))
        .collect()
}

#[test]
fn a_toll_broken_down_in_its_sentence_keeps_its_total() {
    let counts = main_counts(
        "Kontak tembak antara aparat gabungan dan KKB terjadi di Distrik Ilaga, Kabupaten \
         Puncak, Papua, Selasa (17/9/2019). Empat anggota KKB tewas dalam kontak tembak itu, \
         tiga orang tewas di lokasi dan satu orang meninggal di rumah sakit.",
    );
    assert_eq!(counts, [("dead".to_string(), 4.0)]);
}

#[test]
fn a_part_of_a_total_counts_unless_the_toll_describes_the_total() {
    let counts = main_counts(
        "Kecelakaan bus terjadi di Kecamatan Bagor, Nganjuk, Senin (9/9/2019). Tujuh \
         penumpang dilarikan ke rumah sakit, namun tiga dari tujuh korban kemudian \
         dinyatakan meninggal.",
    );
    assert_eq!(counts, [("dead".to_string(), 3.0)]);
    let counts = main_counts(
        "Kecelakaan bus terjadi di Kecamatan Bagor, Nganjuk, Senin (9/9/2019). Polisi \
         menyebut satu dari delapan korban tewas sudah dikenali keluarganya.",
    );
    assert_eq!(counts, [("dead".to_string(), 8.0)]);
}

#[test]
fn an_arrest_in_the_same_sentence_leaves_a_clash_its_dead() {
    let counts = main_counts(
        "Polisi terlibat baku tembak dengan KKB di Kecamatan Trienggadeng, Pidie Jaya, Kamis \
         (19/9/2019). Empat anggota KKB tewas dan satu orang diamankan polisi.",
    );
    assert_eq!(counts, [("dead".to_string(), 4.0)]);
}

/// The place ids of a text, in record order.
fn place_ids(text: &str) -> Vec<String> {
    record(text).places.into_iter().map(|p| p.id).collect()
}

#[test]
fn a_name_glued_to_a_place_of_another_province_is_no_place() {
    // "Metro" (Kota Metro, Lampung) in the name of a Jakarta police unit; "Papua" in the
    // name of a dormitory in Surabaya; but a regency before a city of its province is an
    // address ("Sleman Yogyakarta").
    let ids = place_ids(
        "Polisi Tangkap Pencuri\nKasat Reskrim Polres Metro Jakarta Timur AKBP Hery Purnomo \
         mengatakan pelaku tinggal di Asrama Mahasiswa Papua Surabaya. Kapolres Sleman \
         Yogyakarta AKBP Rizky Ferdiansyah juga hadir.",
    );
    assert!(!ids.iter().any(|id| id == "18.72" || id == "91"), "{ids:?}");
    for id in ["31.75", "35.78", "34.04"] {
        assert!(ids.iter().any(|x| x == id), "{id} not in {ids:?}");
    }
}

#[test]
fn a_toll_verb_right_before_a_number_takes_it() {
    // "menewaskan tiga remaja dan satu orang terluka": three dead, one hurt; not three hurt.
    let mut counts = main_counts(
        "Bus terguling di Kecamatan Bagor, Nganjuk, Senin (9/9/2019). Kecelakaan itu \
         menewaskan tiga remaja dan satu orang terluka berat.",
    );
    counts.sort_by(|a, b| a.0.cmp(&b.0));
    assert_eq!(
        counts,
        [("dead".to_string(), 3.0), ("injured".to_string(), 1.0)]
    );
}

/// The main event's kind and place id of a text.
fn main_place(text: &str) -> (String, Option<String>) {
    let e = record(text).events.into_iter().next().expect("an event");
    (e.kind, e.place)
}

#[test]
fn the_main_event_happened_where_its_lead_says_or_inside_it() {
    // Where an earthquake was felt, later in a paragraph, is not where it struck.
    let (kind, place) = main_place(
        "Gempa bumi bermagnitudo 6,0 mengguncang Tuban, Jawa Timur, Kamis (19/9/2019). \
         Guncangan terasa hingga Yogyakarta. Seorang warga Kecamatan Depok, Sleman, \
         mengaku kaget. Warga lain di Kecamatan Ngaglik, Sleman, berlari keluar rumah.",
    );
    assert_eq!(
        (kind.as_str(), place.as_deref()),
        ("disaster", Some("35.23"))
    );
    // A place inside the lead's, later in the paragraph, says where inside it.
    let (_, place) = main_place(
        "Seorang nenek dibunuh di Garut, Jawa Barat, Senin (16/9/2019). Polisi menangkap \
         pelaku. Pembunuhan itu terjadi di rumah korban di Kecamatan Cibiuk, Garut.",
    );
    assert_eq!(place.as_deref(), Some("32.05.40"));
}

#[test]
fn a_beating_is_an_attack_but_not_a_gong_or_a_match() {
    let (kind, _) = main_place(
        "Seorang jambret babak belur dihajar warga di Pasar Baru, Senin (16/9/2019) malam.",
    );
    assert_eq!(kind, "attack");
    let (kind, _) =
        main_place("Warga memukuli seorang pencuri motor hingga luka di Desa Sukamaju, Bogor.");
    assert_eq!(kind, "attack");
    // An opening ceremony's gong and a football score are no attack.
    for text in [
        "Pameran itu dibuka dengan pemukulan gong oleh bupati, Senin (16/9/2019).",
        "Madrid dihajar PSG 0-3 dalam laga perdana Liga Champions, Rabu (18/9/2019).",
    ] {
        let kinds: Vec<String> = record(text).events.into_iter().map(|e| e.kind).collect();
        assert!(!kinds.contains(&"attack".to_string()), "{text}: {kinds:?}");
    }
}

/// The event kinds of a text, main first.
fn event_kinds(article: &Article) -> Vec<String> {
    static EXTRACTOR: std::sync::LazyLock<Extractor> =
        std::sync::LazyLock::new(|| Extractor::new().expect("embedded lexicons load"));
    EXTRACTOR
        .extract(article)
        .events
        .into_iter()
        .map(|e| e.kind)
        .collect()
}

/// The main event's kind of an article given with a separate headline `title` (and a
/// publication day, where the text's dates need one).
fn titled_main_kind(
    text: &str,
    title: &str,
    published: Option<jiff::civil::Date>,
) -> Option<String> {
    let mut article = Article::new("t", text);
    article.title = Some(title.to_string());
    article.published = published;
    event_kinds(&article).into_iter().next()
}

#[test]
fn rapat_as_tight_is_no_meeting() {
    for text in [
        "Pintu dan jendela rumah itu tertutup rapat saat polisi tiba, Senin (16/9/2019).",
        "Kamar itu dikunci rapat-rapat dari dalam oleh penghuninya.",
        "Jarak antarkendaraan terlalu rapat sehingga tabrakan tak terhindarkan.",
    ] {
        let kinds = event_kinds(&Article::new("t", text));
        assert!(!kinds.contains(&"meeting".to_string()), "{text}: {kinds:?}");
    }
    // Meetings said in the plural stay meetings.
    let kinds = event_kinds(&Article::new(
        "t",
        "Pasal itu disusun dalam rapat-rapat tertutup di DPR, Senin (16/9/2019).",
    ));
    assert_eq!(kinds.first().map(String::as_str), Some("meeting"));
}

#[test]
fn a_separate_headline_names_the_main_event_even_when_the_text_tells_it_as_background() {
    assert_eq!(
        titled_main_kind(
            "Seorang pemuda di Desa Sukamaju, Kabupaten Garut, Jawa Barat, diamankan warga, \
             Selasa (17/9/2019). Usai membunuh anak tetangganya, pelaku AH (31) sempat \
             melarikan diri.",
            "Pemuda Gorok Anak Tetangga hingga Tewas",
            None,
        )
        .as_deref(),
        Some("attack")
    );
    // What a headline names as a cause ("karena", "Pasca-") does not lead.
    assert_ne!(
        titled_main_kind(
            "Wisatawan kembali berdatangan ke pantai itu. Pengelola mengunjungi sejumlah \
             biro perjalanan di Jakarta, Senin (16/9/2019). Pantai itu rusak pasca tsunami \
             tahun lalu.",
            "Kembalikan Wisatawan Pasca-Tsunami, Pengelola Gelar Triathlon",
            None,
        )
        .as_deref(),
        Some("disaster")
    );
}

#[test]
fn a_trial_leads_over_the_crime_and_a_dated_riot_is_a_past_one() {
    assert_eq!(
        titled_main_kind(
            "Dua remaja pelaku pembunuhan seorang pelajar di Medan divonis lima tahun penjara \
             oleh majelis hakim Pengadilan Negeri Medan, Kamis (19/9/2019).",
            "Dua Remaja Pelaku Pembunuhan Pelajar Divonis 5 Tahun",
            jiff::civil::Date::new(2019, 9, 19).ok(),
        )
        .as_deref(),
        Some("court")
    );
    assert_eq!(
        titled_main_kind(
            "Majelis hakim memvonis 29 terdakwa kerusuhan 22 Mei dengan empat bulan penjara \
             dalam sidang di Pengadilan Negeri Jakarta Pusat, Kamis (19/9/2019).",
            "Kerusuhan 22 Mei, 29 Terdakwa Divonis 4 Bulan Penjara",
            jiff::civil::Date::new(2019, 9, 19).ok(),
        )
        .as_deref(),
        Some("court")
    );
}

#[test]
fn the_headline_trigger_chooses_the_subtype_of_the_main_event() {
    let mut article = Article::new(
        "t",
        "Warga berhamburan keluar rumah, Minggu (15/9/2019). Kepala Bidang Mitigasi \
         Gempabumi dan Tsunami BMKG, Daryono, menyebut tidak ada tsunami. Gempa \
         bermagnitudo 6,0 itu mengguncang Halmahera Selatan, Maluku Utara.",
    );
    article.title = Some("Gempa Magnitudo 6 Guncang Halmahera Selatan".to_string());
    let e = Extractor::new()
        .expect("embedded lexicons load")
        .extract(&article)
        .events
        .into_iter()
        .next()
        .expect("an event");
    assert_eq!(
        (e.kind.as_str(), e.subtype.as_deref()),
        ("disaster", Some("gempa"))
    );
}

#[test]
fn a_collective_restates_a_toll_and_never_starts_one() {
    // "Kelima korban tewas tersebut": the five dead, broken down after.
    assert_eq!(
        main_counts(
            "Kecelakaan ambulans dengan truk di Tol Pejagan menewaskan 5 orang, Jumat \
             (20/9/2019). Kelima korban tewas tersebut merupakan 3 penumpang dan 1 sopir \
             serta 1 asisten sopir."
        ),
        [("dead".to_string(), 5.0)]
    );
    // "Kedua korban terluka": the two dead, not two injured.
    assert_eq!(
        main_counts(
            "Dua buruh tewas tertimbun longsor di Karangasem, Selasa (17/9/2019). Kedua \
             korban terluka di seluruh badan."
        ),
        [("dead".to_string(), 2.0)]
    );
}

#[test]
fn an_age_in_words_and_an_apposition_leave_the_toll_its_word() {
    // "berusia 17 tahun" between the number's noun and its toll word.
    let counts = main_counts(
        "Tawuran antarkelompok warga pecah di Kecamatan Tebet, Jakarta Selatan, Minggu \
         (2/2/2025) dini hari. Seorang remaja berusia 17 tahun terluka di punggung.",
    );
    assert_eq!(counts, [("injured".to_string(), 1.0)]);
    // A named person whose apposition says the wound; no figure of the injured.
    let counts = main_counts(
        "Polisi terlibat kontak tembak dengan kelompok bersenjata di Distrik Towe, Minggu \
         (6/7/2025). Adapun Yohanes Wenda, yang mengalami luka tembak di kaki, berhasil \
         ditangkap tim.",
    );
    assert_eq!(counts, [("injured".to_string(), 1.0)]);
    // An apposition that says something else is passed over, as before.
    let counts = main_counts(
        "Kecelakaan terjadi di Kecamatan Bagor, Nganjuk, Senin (9/9/2019). Ismail (62), \
         warga setempat, meninggal dunia di lokasi.",
    );
    assert_eq!(counts, [("dead".to_string(), 1.0)]);
}

#[test]
fn a_number_word_opens_a_clause_of_a_title_case_headline_after_a_comma() {
    let counts = main_counts(
        "Tawuran Pecah Lagi di Manggarai, Satu Remaja Terluka Kena Sabetan Celurit\n\
         JAKARTA – Tawuran antarkelompok warga kembali pecah di Manggarai, Minggu \
         (2/2/2025) dini hari.",
    );
    assert_eq!(counts, [("injured".to_string(), 1.0)]);
    // Inside a clause, a capitalized number word is a name's ("Lima" the city).
    let counts = main_counts(
        "Banjir melanda Kecamatan Bagor, Nganjuk, Senin (9/9/2019). Warga asal Lima Desa \
         mengungsi ke balai desa.",
    );
    assert_eq!(counts, []);
}

#[test]
fn an_acronym_in_parentheses_stands_between_a_body_and_its_place() {
    let rec = record(
        "Hakim Pengadilan Negeri (PN) Pekanbaru menolak permohonan praperadilan itu, Selasa \
         (22/7/2025). Putusan dibacakan di ruang sidang PN.",
    );
    let court = rec
        .institutions
        .iter()
        .find(|i| i.id.starts_with("pengadilan"))
        .expect("the court");
    assert_eq!(court.id, "pengadilan@14.71");
    assert_eq!(court.name, "Pengadilan Negeri (PN) Pekanbaru");
    // The acronym, defined inside the name, names the same body later.
    let texts: Vec<&str> = court.mentions.iter().map(|m| m.text.as_str()).collect();
    assert_eq!(texts, ["Pengadilan Negeri (PN) Pekanbaru", "PN"]);
}

#[test]
fn a_title_case_headline_counts_a_number_before_a_capitalized_listed_noun() {
    let counts = main_counts(
        "Usai Bentrok Antarwarga, Polisi Amankan 14 Orang\nMataram – Polisi melakukan \
         penyisiran di Kecamatan Praya Barat, Lombok Tengah, Minggu (4/5/2025). Mereka \
         ditangkap dalam penyisiran itu.",
    );
    assert_eq!(counts, [("arrested".to_string(), 14.0)]);
}
