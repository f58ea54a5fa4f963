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
                    table.long.insert(word, index);
                }
            }
        }
        table
    }

    /// The value of `word`, if it is in the table.
    #[inline]
    pub(crate) fn get(&self, word: &str) -> Option<&T> {
        let index = match key(word) {
            Some(k) => {
                let mask = self.slots.len() - 1;
                let mut i = self.first(k);
                loop {
                    let slot = &self.slots[i];
                    if slot.value == 0 {
                        return None;
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

/// The slot key of `word`: its bytes zero-padded to 16, or `None` when it does not fit.
#[inline]
fn key(word: &str) -> Option<[u64; 2]> {
    let bytes = word.as_bytes();
    if bytes.len() > INLINE || bytes.contains(&0) {
        return None;
    }
    let mut buf = [0u8; INLINE];
    buf[..bytes.len()].copy_from_slice(bytes);
    let (a, b) = buf.split_at(8);
    Some([
        u64::from_le_bytes(a.try_into().ok()?),
        u64::from_le_bytes(b.try_into().ok()?),
    ])
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
