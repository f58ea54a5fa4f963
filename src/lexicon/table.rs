//! A read-only table from short words to values, laid out for lookups that miss the cache:
//! a word of up to 16 bytes is stored in its slot, so that a lookup reads one slot (one
//! cache line) instead of a hash-map bucket and then the key's heap bytes. Longer words
//! go to an ordinary hash map.

use rustc_hash::FxHashMap;

/// The longest word stored in a slot.
const INLINE: usize = 16;

/// A slot: the word's bytes, zero-padded (words hold no NUL byte, checked on insert), and
/// the index of its value plus one (0: empty).
#[derive(Clone, Copy, Debug, Default)]
#[repr(align(32))]
struct Slot {
    key: [u64; 2],
    len: u32,
    value: u32,
}

/// Words (lowercase, as folded) → `T`, built once, looked up many times.
#[derive(Clone, Debug)]
pub(crate) struct WordTable<T> {
    slots: Box<[Slot]>,
    /// A hash's first slot is its top bits: `hash >> shift`.
    shift: u32,
    /// Words that do not fit a slot (longer than [`INLINE`] or holding a NUL).
    long: FxHashMap<String, u32>,
    /// Whether `long` holds a word short enough for a slot (one with a NUL byte).
    short_in_long: bool,
    values: Vec<T>,
}

impl<T> Default for WordTable<T> {
    fn default() -> WordTable<T> {
        WordTable::new(std::iter::empty())
    }
}

impl<T> WordTable<T> {
    /// A table of `entries` (a word given twice keeps its last value).
    pub(crate) fn new(entries: impl Iterator<Item = (String, T)>) -> WordTable<T> {
        let entries: Vec<(String, T)> = entries.collect();
        let size = (2 * entries.len()).next_power_of_two().max(16);
        let mut table = WordTable {
            slots: vec![Slot::default(); size].into_boxed_slice(),
            shift: 64 - size.trailing_zeros(),
            long: FxHashMap::default(),
            short_in_long: false,
            values: Vec::with_capacity(entries.len()),
        };
        for (word, value) in entries {
            table.values.push(value);
            let index = table.values.len() as u32;
            match key(&word) {
                Some(k) => {
                    let mut i = table.first(k);
                    let mask = table.slots.len() - 1;
                    loop {
                        let slot = &mut table.slots[i];
                        if slot.value == 0 || (slot.key == k && slot.len == word.len() as u32) {
                            *slot = Slot {
                                key: k,
                                len: word.len() as u32,
                                value: index,
                            };
                            break;
                        }
                        i = (i + 1) & mask;
                    }
                }
                None => {
                    table.short_in_long |= word.len() <= INLINE;
                    table.long.insert(word, index);
                }
            }
        }
        table
    }

    /// The value of `word`, if it is in the table.
    #[inline]
    pub(crate) fn get(&self, word: &str) -> Option<&T> {
        // A word with a NUL byte is never in a slot (see [`key`]): it misses the slots
        // and is looked up in `long`, where it was put.
        let bytes = word.as_bytes();
        let index = match (bytes.len() <= INLINE).then(|| padded(bytes)) {
            Some(k) => {
                let mask = self.slots.len() - 1;
                let mut i = self.first(k);
                loop {
                    let slot = &self.slots[i];
                    if slot.value == 0 {
                        if !(self.short_in_long && bytes.contains(&0)) {
                            return None;
                        }
                        break *self.long.get(word)?;
                    }
                    if slot.key == k && slot.len == word.len() as u32 {
                        break slot.value;
                    }
                    i = (i + 1) & mask;
                }
            }
            None => *self.long.get(word)?,
        };
        self.values.get(index as usize - 1)
    }

    /// Every value, in insertion order.
    pub(crate) fn values(&self) -> impl Iterator<Item = &T> {
        self.values.iter()
    }

    fn first(&self, k: [u64; 2]) -> usize {
        const K: u64 = 0x517c_c1b7_2722_0a95;
        let h = (k[0].wrapping_mul(K) ^ k[1]).wrapping_mul(K);
        (h >> self.shift) as usize
    }
}

/// The slot key of `word`: its bytes zero-padded to 16, or `None` when it does not fit
/// (longer than [`INLINE`], or holding a NUL byte, which the padding could not tell
/// apart).
fn key(word: &str) -> Option<[u64; 2]> {
    let bytes = word.as_bytes();
    if bytes.len() > INLINE || bytes.contains(&0) {
        return None;
    }
    Some(padded(bytes))
}

/// `bytes` (at most [`INLINE`]) zero-padded to 16 and read as two little-endian words,
/// with a few overlapping loads instead of a copy: a lookup runs this for every word a
/// stage asks about.
#[inline]
fn padded(bytes: &[u8]) -> [u64; 2] {
    let n = bytes.len();
    debug_assert!(n <= INLINE);
    let u64_at = |at: usize| u64::from_le_bytes(bytes[at..at + 8].try_into().unwrap_or([0; 8]));
    let u32_at = |at: usize| {
        u64::from(u32::from_le_bytes(
            bytes[at..at + 4].try_into().unwrap_or([0; 4]),
        ))
    };
    match n {
        0 => [0, 0],
        // Byte i of the word is byte i of the result: the first, middle and last bytes
        // cover words of one to three bytes.
        1..=3 => {
            let b = |i: usize| u64::from(bytes[i]) << (8 * i);
            [b(0) | b(n / 2) | b(n - 1), 0]
        }
        // The last four bytes, shifted down, give the bytes past the first four.
        4..=7 => [u32_at(0) | ((u32_at(n - 4) >> (8 * (8 - n))) << 32), 0],
        8 => [u64_at(0), 0],
        // The last eight bytes, shifted down, give the bytes past the first eight.
        _ => [u64_at(0), u64_at(n - 8) >> (8 * (16 - n))],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_what_was_put_and_nothing_else() {
        let words = [
            "warga",
            "tewas",
            "a",
            "",
            "enambelashuruf16",
            "kata-yang-lebih-panjang-dari-enam-belas",
            "ñandú",
        ];
        let table = WordTable::new(words.iter().enumerate().map(|(i, w)| (w.to_string(), i)));
        for (i, w) in words.iter().enumerate() {
            assert_eq!(table.get(w), Some(&i), "{w}");
        }
        for w in [
            "warg",
            "wargaa",
            "tewas ",
            "b",
            "enambelashuruf1",
            "kata-yang-lebih",
        ] {
            assert_eq!(table.get(w), None, "{w}");
        }
        assert_eq!(table.values().count(), words.len());
    }

    #[test]
    fn the_loaded_key_is_the_zero_padded_bytes_at_every_length() {
        let word = b"abcdefghijklmnop";
        for n in 0..=INLINE {
            let mut buf = [0u8; INLINE];
            buf[..n].copy_from_slice(&word[..n]);
            let want = [
                u64::from_le_bytes(buf[..8].try_into().unwrap()),
                u64::from_le_bytes(buf[8..].try_into().unwrap()),
            ];
            assert_eq!(padded(&word[..n]), want, "length {n}");
        }
    }

    #[test]
    fn a_short_word_with_a_nul_byte_is_found_in_the_long_map() {
        let table = WordTable::new([("a\0b".to_string(), 1), ("a".to_string(), 2)].into_iter());
        assert_eq!(table.get("a\0b"), Some(&1));
        assert_eq!(table.get("a"), Some(&2));
        assert_eq!(table.get("a\0"), None);
        assert_eq!(table.get("ab"), None);
    }

    #[test]
    fn a_word_given_twice_keeps_its_last_value() {
        let table = WordTable::new([("x".to_string(), 1), ("x".to_string(), 2)].into_iter());
        assert_eq!(table.get("x"), Some(&2));
    }

    #[test]
    fn an_empty_table_finds_nothing() {
        let table: WordTable<u8> = WordTable::default();
        assert_eq!(table.get("warga"), None);
    }
}
