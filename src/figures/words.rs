//! Word tables of the figure grammar: number words, and the roles that ordinary words
//! play next to a number (counted noun, stop word, code prefix, rank noun, money cue).
//!
//! The tables are closed-class grammar words plus a list of common countable nouns of
//! regional news. They are built once into one hash map ([`Lexicon`]) keyed by the folded
//! bytes, with a cheap multiplicative hash ([`WordHasher`]: the keys are short fixed words,
//! not attacker-chosen); number words are matched by a `match` table because every word
//! of the text that may be one is tested against them.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// A cardinal number word.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum NumWord {
    /// nol … sembilan.
    Unit(u64),
    /// sepuluh (10).
    Sepuluh,
    /// sebelas (11).
    Sebelas,
    /// seratus (100).
    Seratus,
    /// seribu (1000).
    Seribu,
    /// sejuta (1 000 000).
    Sejuta,
    /// belas (+10 after a unit).
    Belas,
    /// puluh (×10 after a unit).
    Puluh,
    /// ratus (×100 after a unit).
    Ratus,
    /// ribu, juta, miliar/milyar, triliun.
    Scale(u64),
}

/// Classifies a folded word as a cardinal number word.
pub(crate) fn num_word(w: &[u8]) -> Option<NumWord> {
    use NumWord::*;
    Some(match w {
        b"nol" => Unit(0),
        b"satu" => Unit(1),
        b"dua" => Unit(2),
        b"tiga" => Unit(3),
        b"empat" => Unit(4),
        b"lima" => Unit(5),
        b"enam" => Unit(6),
        b"tujuh" => Unit(7),
        b"delapan" => Unit(8),
        b"sembilan" => Unit(9),
        b"sepuluh" => Sepuluh,
        b"sebelas" => Sebelas,
        b"seratus" => Seratus,
        b"seribu" => Seribu,
        b"sejuta" => Sejuta,
        b"belas" => Belas,
        b"puluh" => Puluh,
        b"ratus" => Ratus,
        b"ribu" => Scale(1_000),
        b"juta" => Scale(1_000_000),
        b"miliar" | b"milyar" => Scale(1_000_000_000),
        b"triliun" => Scale(1_000_000_000_000),
        _ => return None,
    })
}

/// What a word can open.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum Opening {
    /// A cardinal phrase: its first word ("dua", "sepuluh", "seribu").
    Cardinal(NumWord),
    /// An ordinal: "pertama", "kedua" … "kesepuluh", "keseratus" (as its cardinal).
    Ordinal(NumWord),
}

/// Whether the folded word `w` (three to ten letters) opens a number phrase or is an
/// ordinal.
pub(crate) fn opening(w: &[u8]) -> Option<Opening> {
    if !(3..=10).contains(&w.len()) {
        return None;
    }
    match num_word(w) {
        Some(nw) if starts_number(nw) => Some(Opening::Cardinal(nw)),
        Some(_) => None,
        None if w == b"pertama" => Some(Opening::Ordinal(NumWord::Unit(1))),
        None => {
            let rest = w.strip_prefix(b"ke")?;
            num_word(rest)
                .filter(|&nw| starts_number(nw) && nw != NumWord::Unit(0))
                .map(Opening::Ordinal)
        }
    }
}

/// True when a word whose first three bytes are `first`, `second`, `third` may be a word
/// with an [`opening`]. A cheap filter before the word table: it looks at the low five bits
/// of each byte, so it may pass a few other words, never fewer.
pub(crate) fn maybe_number_word(first: u8, second: u8, third: u8) -> bool {
    let pair = usize::from(first & 31) << 5 | usize::from(second & 31);
    PREFIXES[pair] >> (third & 31) & 1 != 0
}

/// [`maybe_number_word`]'s table: for each first and second letter (their low five bits),
/// a bit per third letter.
static PREFIXES: [u32; 1024] = prefixes();

/// The words with an [`opening`]: the phrase openers, their ordinals with "ke", and
/// "pertama".
const OPENING_WORDS: [&str; 31] = [
    "nol",
    "satu",
    "dua",
    "tiga",
    "empat",
    "lima",
    "enam",
    "tujuh",
    "delapan",
    "sembilan",
    "sepuluh",
    "sebelas",
    "seratus",
    "seribu",
    "sejuta",
    "kesatu",
    "kedua",
    "ketiga",
    "keempat",
    "kelima",
    "keenam",
    "ketujuh",
    "kedelapan",
    "kesembilan",
    "kesepuluh",
    "kesebelas",
    "keseratus",
    "keseribu",
    "kesejuta",
    "pertama",
    "kenol",
];

const fn prefixes() -> [u32; 1024] {
    let mut t = [0u32; 1024];
    let mut k = 0;
    while k < OPENING_WORDS.len() {
        let w = OPENING_WORDS[k].as_bytes();
        t[((w[0] & 31) as usize) << 5 | (w[1] & 31) as usize] |= 1 << (w[2] & 31);
        k += 1;
    }
    t
}

/// True for the number words that can open a number phrase (not "belas", "ribu" …).
pub(crate) fn starts_number(w: NumWord) -> bool {
    !matches!(
        w,
        NumWord::Belas | NumWord::Puluh | NumWord::Ratus | NumWord::Scale(_)
    )
}

/// The scale written after a digit numeral: "ribu", "juta", "miliar", "triliun", and,
/// only after "Rp" (`money`), the abbreviations "rb", "jt", "m", "t" and the approximate
/// plurals "ribuan", "jutaan" ….
pub(crate) fn scale_word(w: &[u8], money: bool) -> Option<u64> {
    match (w, money) {
        (b"ribu", _) | (b"rb", true) => Some(1_000),
        (b"juta", _) | (b"jt", true) => Some(1_000_000),
        (b"miliar" | b"milyar", _) | (b"m", true) => Some(1_000_000_000),
        (b"triliun", _) | (b"t", true) => Some(1_000_000_000_000),
        // "Rp 130 jutaan": about 130 million; the plural reads as its scale after "Rp".
        (b"ribuan", true) => Some(1_000),
        (b"jutaan", true) => Some(1_000_000),
        (b"miliaran" | b"milyaran", true) => Some(1_000_000_000),
        (b"triliunan", true) => Some(1_000_000_000_000),
        _ => None,
    }
}

/// The role of a word next to a number. A word may have several roles.
pub(crate) mod role {
    /// A countable noun: "provinsi", "orang", "personel" (accepted even after "satu",
    /// after "ke N", and when capitalized or written as an acronym).
    pub const NOUN: u16 = 1;
    /// Never a counted noun: function words, time units, measures, currencies, months.
    pub const STOP: u16 = 1 << 1;
    /// Before a number, makes it a code or designation: "Pasal 5", "RT 05", "pukul 8".
    pub const CODE: u16 = 1 << 2;
    /// Before a number or ordinal word, makes it a rank: "peringkat 5", "juara pertama".
    pub const RANK: u16 = 1 << 3;
    /// Before a number with a scale word, makes it money: "anggaran … 18 miliar".
    pub const MONEY: u16 = 1 << 4;
    /// Like MONEY, but only with "miliar"/"triliun": "sebesar 18 miliar".
    pub const MONEY_WEAK: u16 = 1 << 5;
    /// A currency other than the rupiah: the amount before it is not reported.
    pub const FOREIGN: u16 = 1 << 6;
    /// A unit of time or measure, a month or weekday, a currency.
    pub const UNIT: u16 = 1 << 7;
}

/// Countable nouns of regional news (role NOUN).
#[rustfmt::skip]
const NOUNS: &[&str] = &[
    // places and administrative units
    "provinsi", "kabupaten", "kota", "kecamatan", "distrik", "kelurahan", "desa", "kampung",
    "dusun", "nagari", "gampong", "rt", "rw", "pulau", "negara", "daerah", "wilayah", "kawasan",
    "titik", "lokasi", "tempat", "pos", "posko", "tps", "dapil", "zona", "blok", "ruas",
    "jalur", "sungai", "gunung", "pantai", "bandara", "pelabuhan", "terminal", "jembatan",
    // people
    "orang", "jiwa", "warga", "penduduk", "personel", "personil", "anggota", "petugas",
    "pegawai", "karyawan", "pekerja", "buruh", "guru", "siswa", "murid", "pelajar", "mahasiswa",
    "santri", "dosen", "dokter", "perawat", "bidan", "pasien", "korban", "tersangka",
    "terdakwa", "terpidana", "pelaku", "saksi", "narapidana", "napi", "tahanan", "pengungsi",
    "kk", "keluarga", "kepala", "pemilih", "peserta", "calon", "kandidat", "paslon", "pasangan",
    "caleg", "kader", "relawan", "pendukung", "simpatisan", "massa", "demonstran", "pengendara",
    "penumpang", "pengemudi", "sopir", "nelayan", "petani", "pedagang", "pengusaha", "investor",
    "pengunjung", "penonton", "wisatawan", "turis", "jemaah", "jamaah", "pemain", "atlet",
    "pelatih", "prajurit", "polisi", "tentara", "pejabat", "tokoh", "perwakilan", "utusan",
    "delegasi", "pimpinan", "pemimpin", "menteri", "bupati", "camat", "lurah", "kades", "hakim",
    "jaksa", "pengacara", "wartawan", "jurnalis", "pelanggar", "pendaftar", "pelamar",
    "penerima", "pelanggan", "nasabah", "konsumen", "pengguna", "anak", "balita", "bayi",
    "remaja", "pemuda", "lansia", "ibu", "pria", "wanita", "perempuan", "laki-laki", "oknum",
    "asn", "pns", "pppk", "honorer", "kpps", "pps", "ppk", "panwascam", "pengawas", "saksi",
    "penyelenggara", "pasukan", "personel", "satpam", "kpm", "pemudik", "penyintas", "tenaga",
    "ahli", "adik", "kakak",
    // organisations
    "tim", "regu", "kelompok", "organisasi", "ormas", "lembaga", "instansi", "opd", "skpd",
    "perusahaan", "umkm", "koperasi", "bank", "partai", "parpol", "fraksi", "komisi", "dinas",
    "badan", "kementerian", "satuan", "satker", "polres", "polsek", "kodim", "koramil", "kompi",
    "peleton", "batalyon", "sekolah", "madrasah", "pesantren", "universitas", "kampus",
    "puskesmas", "klinik", "rumah", "hotel", "masjid", "gereja", "pura", "vihara", "pasar",
    "toko", "kios", "warung", "gedung", "bangunan", "kantor", "ruangan", "kamar", "kelas",
    "lokalisasi",
    // things and events
    "unit", "buah", "ekor", "kali", "kasus", "kejadian", "peristiwa", "insiden", "kecelakaan",
    "kebakaran", "bencana", "kegiatan", "acara", "program", "proyek", "paket", "kontrak",
    "dokumen", "berkas", "surat", "laporan", "pengaduan", "perkara", "izin", "sertifikat",
    "kendaraan", "mobil", "motor", "sepeda", "truk", "bus", "kapal", "perahu", "pesawat",
    "helikopter", "senjata", "pucuk", "butir", "amunisi", "peluru", "proyektil", "batang",
    "lembar", "biji", "bungkus", "karung", "kotak", "botol", "set", "pasang", "pohon", "bibit",
    "sapi", "kambing", "ayam", "hewan", "ternak", "ikan", "dosis", "vaksin", "sampel",
    "spesimen", "soal", "pertanyaan", "poin", "gol", "medali", "pertandingan", "laga",
    "kemenangan", "kekalahan", "lagu", "film", "buku", "judul", "artikel", "akun", "situs",
    "aplikasi", "jenis", "macam", "item", "produk", "merek", "tahap", "gelombang", "sesi",
    "putaran", "ronde", "langkah", "aspek", "isu", "hal", "indikator", "kategori", "sektor",
    "bidang", "fakta", "unsur", "pasal", "kursi", "suara", "formasi", "lowongan", "hotspot",
    "sumur", "tambang", "ponsel", "handphone", "laptop", "komputer", "kamera", "alat", "mesin",
    "perangkat", "video", "foto", "gambar", "keping", "rangkaian", "kardus", "meja", "menara",
    "tiang", "lampu", "tenda", "perkebunan", "kebun", "sawah", "lahan", "bidang", "petak",
    "kavling", "kapling", "rumah-rumah", "kabupaten/kota", "desa/kelurahan",
    "provinsi/kabupaten/kota",
];

/// Words that are never the counted noun after a number (role STOP).
#[rustfmt::skip]
const STOPS: &[&str] = &[
    // function words
    "yang", "dan", "di", "ke", "dari", "pada", "untuk", "dengan", "dalam", "oleh", "atau",
    "serta", "ini", "itu", "tersebut", "lalu", "silam", "mendatang", "lagi", "lebih", "kurang",
    "hingga", "sampai", "sejak", "per", "atas", "bawah", "antara", "tentang", "sebagai",
    "adalah", "ialah", "yakni", "yaitu", "juga", "pun", "saja", "sudah", "telah", "akan",
    "belum", "masih", "sedang", "tidak", "tak", "bukan", "namun", "tetapi", "tapi", "sedangkan",
    "sementara", "karena", "sehingga", "agar", "supaya", "jika", "kalau", "bila", "ketika",
    "saat", "setelah", "sebelum", "selama", "usai", "kemudian", "lain", "lainnya", "masing",
    "masing-masing", "sekitar", "hampir", "besar", "kecil", "baru", "lama", "terakhir",
    "pertama", "terbesar", "teratas", "terbaik", "mereka", "kami", "kita", "dia", "ia", "saya",
    "anda", "kamu", "semua", "seluruh", "para", "sang", "si", "pula", "hanya", "cuma", "bahkan",
    "setiap", "tiap", "ada", "jadi", "menjadi", "merupakan", "mencapai", "sebesar", "sebanyak",
    "senilai", "sejumlah", "kata", "ujar", "ucap", "jelas", "tegas", "tutur", "ungkap", "ya",
    "nah", "sangat", "paling", "sama", "secara", "bagi", "tanpa", "melalui", "menuju", "dekat",
    "jauh", "tinggi", "rendah", "banyak", "sedikit", "cukup", "sisa", "tersisa", "total",
    "terdiri", "diantaranya", "antaranya", "berikut", "seperti", "bersama", "sekaligus",
    "kembali", "nanti", "kini", "sekarang", "tadi", "kemarin", "besok", "pagi", "siang", "sore",
    "malam", "dini", "persen", "prosen", "rupiah", "per", "besar-besaran", "kecil-kecilan",
    "skala", "milik", "dulu", "sakit", "hitam", "putih", "merah", "biru", "hijau", "kuning",
    "tambahan", "sekali", "kalinya", "berturut-turut", "sekaligus", "saja", "sendiri",
    "hal-hal", "mata", "belah", "sisi", "kesatuan",
    // vague quantities and scale words
    "puluhan", "belasan", "ratusan", "ribuan", "jutaan", "miliaran", "triliunan", "ribu",
    "juta", "miliar", "milyar", "triliun", "rb", "jt", "puluh", "belas", "ratus",
    // number words
    "nol", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan",
    "sepuluh", "sebelas", "seratus", "seribu", "sejuta",
];

/// Units of time, measure and the calendar (roles STOP and UNIT): a number before them is
/// a duration, a measure or a date, never a count or a rank ("ke 64 kg").
#[rustfmt::skip]
const UNITS: &[&str] = &[
    // time units and clock words
    "detik", "menit", "jam", "hari", "pekan", "minggu", "bulan", "tahun", "windu", "dekade",
    "abad", "semester", "triwulan", "kuartal", "caturwulan", "tahunan", "harian", "bulanan",
    "wib", "wita", "wit", "gmt", "utc",
    // months and weekdays
    "januari", "februari", "pebruari", "maret", "april", "mei", "juni", "juli", "agustus",
    "september", "oktober", "november", "nopember", "desember", "jan", "feb", "mar", "apr",
    "jun", "jul", "agu", "agt", "sep", "sept", "okt", "nov", "des", "senin", "selasa", "rabu",
    "kamis", "jumat", "sabtu", "ahad",
    // measures
    "meter", "kilometer", "sentimeter", "milimeter", "km", "cm", "mm", "m", "mil", "knot",
    "inci", "inch", "kaki", "feet", "persegi", "kubik", "hektar", "hektare", "ha", "are",
    "liter", "mililiter", "ml", "galon", "barel", "ton", "kuintal", "kg", "kilogram", "kilo",
    "gram", "gr", "mg", "miligram", "ons", "pon", "karat", "derajat", "celsius", "volt", "watt",
    "kw", "kwh", "mw", "megawatt", "ampere", "mah", "gb", "mb", "tb", "kb", "gbps", "mbps",
    "kbps", "ghz", "mhz", "hz", "cc", "hp", "ps", "nm", "rpm", "mp", "megapiksel", "megapixel",
    "piksel", "pixel", "inci", "sr", "magnitudo", "ppm", "kali-lipat", "lipat", "mph",
    "kpj", "mikron", "mikrometer", "nanometer", "centimeter", "desimeter", "hektometer",
    "basis", "persenan", "lux", "desibel", "db", "kalori", "kkal", "joule",
];

/// Currencies other than the rupiah (roles STOP, UNIT and FOREIGN).
#[rustfmt::skip]
const FOREIGN: &[&str] = &[
    "dolar", "dollar", "usd", "euro", "yen", "yuan", "ringgit", "won", "rupee", "rupe", "peso",
    "baht", "riyal", "real", "dirham", "pound", "poundsterling", "franc", "sen", "sgd",
];

/// Words before a number that make it a code, a designation or a clock time (role CODE).
#[rustfmt::skip]
const CODES: &[&str] = &[
    "no", "nomor", "nomer", "nmr", "pasal", "ayat", "huruf", "butir", "bab", "angka", "rt",
    "rw", "uu", "undang-undang", "perda", "perpres", "perppu", "pp", "permen", "permendagri",
    "pergub", "perbup", "perwali", "kepmen", "keppres", "kepres", "inpres", "sk", "se", "tahun",
    "thn", "th", "pukul", "jam", "tanggal", "tgl", "kelas", "jilid", "halaman", "hal", "hlm",
    "km", "kilometer", "jalan", "jl", "jln", "gang", "gg", "blok", "lantai", "ruang", "kamar",
    "seri", "versi", "tipe", "type", "model", "edisi", "episode", "vol", "volume", "lot", "kav",
    "kavling", "gedung", "angkatan", "babak", "ronde", "pekan", "menit", "detik", "zona",
    "sektor", "pos", "pintu", "gate", "loket", "koridor", "rute", "trayek", "level", "grade",
    "golongan", "gol", "eselon", "kode", "register", "reg", "plat", "nopol", "telp", "telepon",
    "tel", "hp", "wa", "fax", "faks", "skor", "usia", "umur", "berusia", "berumur", "ukuran",
    "nomor-nomor", "sila", "dapil", "tps", "dan/atau", "ring", "liga", "seksi", "regu", "sd",
    "smp", "sma", "smk", "sdn", "smpn", "sman", "smkn", "mts", "jam-jam", "roda",
];

/// Nouns before a number or an ordinal word that make it a rank (role RANK).
#[rustfmt::skip]
const RANKS: &[&str] = &[
    "peringkat", "urutan", "posisi", "ranking", "rangking", "juara",
];

/// Money words: a number with a scale word ("18 miliar") after one of these (within a
/// few words) is an amount of rupiah (role MONEY).
#[rustfmt::skip]
const MONEY: &[&str] = &[
    "senilai", "seharga", "anggaran", "dana", "biaya", "nilai", "hibah", "apbd", "apbn", "pagu",
    "modal", "investasi", "kerugian", "gaji", "upah", "tunjangan", "honor", "honorarium",
    "harga", "tarif", "denda", "utang", "hutang", "pinjaman", "kredit", "pendapatan",
    "penerimaan", "pajak", "retribusi", "omzet", "omset", "belanja", "subsidi", "insentif",
    "santunan", "uang", "tabungan", "setoran", "transaksi", "aset", "laba", "keuntungan",
    "nominal", "sumbangan", "donasi", "tebusan", "suap", "gratifikasi", "dianggarkan",
    "menganggarkan", "mengalokasikan", "dialokasikan", "alokasi", "pad", "bansos", "dbh", "dak",
    "dau", "rugi", "merugi", "merugikan", "membayar", "dibayar", "bayar", "ganti", "kompensasi",
    "cicilan", "premi", "kas", "duit",
];

/// Generic amount words ("sebesar 18 miliar"): money only with miliar/triliun (MONEY_WEAK).
const MONEY_WEAK: &[&str] = &["sebesar", "sejumlah", "total", "mencapai"];

/// A hasher for short words: each eight-byte chunk is folded in with a rotate, xor and
/// multiply (the FxHash step). Far cheaper than SipHash on words of a few letters.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct WordHasher(u64);

impl WordHasher {
    fn add(&mut self, v: u64) {
        self.0 = (self.0.rotate_left(5) ^ v).wrapping_mul(0x517c_c1b7_2722_0a95);
    }
}

impl Hasher for WordHasher {
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut buf = [0u8; 8];
            buf[..chunk.len()].copy_from_slice(chunk);
            self.add(u64::from_le_bytes(buf));
        }
    }

    fn write_usize(&mut self, n: usize) {
        self.add(n as u64);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// The word-role table, built once.
#[derive(Clone, Debug)]
pub(crate) struct Lexicon {
    roles: HashMap<&'static [u8], u16, BuildHasherDefault<WordHasher>>,
}

impl Lexicon {
    /// Builds the table from the word lists above.
    pub(crate) fn new() -> Lexicon {
        let mut roles = HashMap::with_capacity_and_hasher(1024, Default::default());
        let lists: [(&[&'static str], u16); 8] = [
            (UNITS, role::STOP | role::UNIT),
            (FOREIGN, role::STOP | role::UNIT | role::FOREIGN),
            (NOUNS, role::NOUN),
            (STOPS, role::STOP),
            (CODES, role::CODE),
            (RANKS, role::RANK),
            (MONEY, role::MONEY),
            (MONEY_WEAK, role::MONEY_WEAK),
        ];
        for (list, flag) in lists {
            for w in list {
                *roles.entry(w.as_bytes()).or_insert(0) |= flag;
            }
        }
        Lexicon { roles }
    }

    /// The roles of a folded word (0 when it has none).
    pub(crate) fn roles(&self, w: &[u8]) -> u16 {
        self.roles.get(w).copied().unwrap_or(0)
    }

    /// True when the word has the role.
    pub(crate) fn is(&self, w: &[u8], role: u16) -> bool {
        self.roles(w) & role != 0
    }
}

/// Pairs "number word + next word" that are idioms, not counts ("empat mata").
pub(crate) fn idiom(number: &[u8], next: &[u8]) -> bool {
    matches!(
        (number, next),
        (b"empat", b"mata") | (b"satu", b"suara") | (b"tiga", b"serangkai")
    )
}

/// The words that, after the noun, turn a count into a factor: "12 kali lipat", "empat
/// kali lebih tinggi", "40 kali dari premi" are factors, not counts.
pub(crate) fn factor_words(noun: &[u8]) -> &'static [&'static [u8]] {
    match noun {
        b"kali" => &[b"lipat", b"lebih", b"dari", b"lipatnya"],
        _ => &[],
    }
}

/// The second words of the two-word counted nouns that begin with `first`, reported whole:
/// "120 kepala keluarga", "3 rumah sakit".
pub(crate) fn second_words(first: &[u8]) -> &'static [&'static [u8]] {
    match first {
        b"kepala" => &[b"keluarga", b"desa", b"daerah", b"sekolah"],
        b"rumah" => &[b"sakit", b"tangga", b"ibadah", b"warga", b"adat"],
        b"tenaga" => &[b"kesehatan", b"kerja", b"medis", b"pendidik", b"honorer"],
        b"pasangan" => &[b"calon"],
        b"perguruan" => &[b"tinggi"],
        b"anak" => &[b"yatim", b"sekolah"],
        _ => &[],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_prefix_filter_passes_every_word_with_an_opening() {
        let pass = |w: &[u8]| maybe_number_word(w[0], w[1], w[2]);
        let openers = [
            "nol", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan",
            "sepuluh", "sebelas", "seratus", "seribu", "sejuta",
        ];
        for w in openers {
            assert_eq!(opening(w.as_bytes()).map(|_| ()), Some(()), "{w}");
            assert!(OPENING_WORDS.contains(&w) && pass(w.as_bytes()), "{w}");
            let ordinal = format!("ke{w}");
            assert!(OPENING_WORDS.contains(&ordinal.as_str()), "{ordinal}");
            assert!(pass(ordinal.as_bytes()), "{ordinal}");
        }
        assert!(pass(b"pertama"));
        assert_eq!(
            opening(b"pertama"),
            Some(Opening::Ordinal(NumWord::Unit(1)))
        );
        assert_eq!(opening(b"kedua"), Some(Opening::Ordinal(NumWord::Unit(2))));
        assert_eq!(
            opening(b"sebelas"),
            Some(Opening::Cardinal(NumWord::Sebelas))
        );
        for w in ["kenol", "ribu", "keribu", "kesatuan", "se", "sembilanbelas"] {
            assert_eq!(opening(w.as_bytes()), None, "{w}");
        }
        for w in [
            "ada", "kapal", "unit", "bupati", "ribu", "kepala", "sudah", "x  ", "7  ",
        ] {
            assert!(!pass(w.as_bytes()), "{w}");
        }
    }

    #[test]
    fn roles_are_found_by_bytes() {
        let lex = Lexicon::new();
        assert_eq!(lex.roles(b"provinsi"), role::NOUN);
        assert_eq!(lex.roles(b"dolar"), role::STOP | role::UNIT | role::FOREIGN);
        assert!(lex.is(b"pasal", role::CODE) && lex.is(b"pasal", role::NOUN));
        assert_eq!(lex.roles(b"provins"), 0);
        assert_eq!(lex.roles(&[0xff, 0xfe]), 0);
    }
}
