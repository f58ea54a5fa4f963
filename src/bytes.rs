//! Eight bytes at a time: which bytes of a little-endian `u64` are letters, digits, or
//! ASCII letters and digits, marked by the high bit of each byte. The scanners that step
//! through words (`gazetteer`, `figures`) find a word's end with one of these per eight
//! bytes instead of a table lookup per byte.

/// One in each byte.
pub(crate) const ONES: u64 = 0x0101_0101_0101_0101;
/// The high bit of each byte.
pub(crate) const HIGH: u64 = 0x8080_8080_8080_8080;

/// The eight bytes from `i` as a little-endian word, padded with zero bytes (neither
/// letters nor digits) past the end of `b`.
pub(crate) fn chunk(b: &[u8], i: usize) -> u64 {
    let rest = b.get(i..).unwrap_or_default();
    if let Some(c) = rest.first_chunk::<8>() {
        return u64::from_le_bytes(*c);
    }
    let mut buf = [0u8; 8];
    buf[..rest.len()].copy_from_slice(rest);
    u64::from_le_bytes(buf)
}

/// The high bit of each byte of `x` that is an ASCII letter or a byte of 0x80 and above
/// (any byte of a non-ASCII char, as `figures` reads words).
///
/// Per byte, without carries between bytes: an ASCII byte ORed with 0x20 is a letter when
/// it lies in `a..=z`; adding `0x80 - b'a'` to its low seven bits sets the high bit when
/// it is at least `a`, adding `0x80 - b'z' - 1` when it is past `z`. Bytes of 0x80 and
/// above are letters.
pub(crate) fn letters(x: u64) -> u64 {
    let low7 = (x | (0x20 * ONES)) & !HIGH;
    let from_a = low7 + (0x80 - u64::from(b'a')) * ONES;
    let past_z = low7 + (0x80 - u64::from(b'z') - 1) * ONES;
    ((from_a & !past_z) | x) & HIGH
}

/// The high bit of each byte of `x` that is an ASCII digit (as in [`letters`]).
///
/// A digit XORed with `b'0'` is below ten: adding `0x80 - 10` to its low seven bits leaves
/// the high bit clear; any other byte sets it there or has it set already.
pub(crate) fn digits(x: u64) -> u64 {
    let t = x ^ (u64::from(b'0') * ONES);
    let not_digit = ((t & !HIGH) + (0x80 - 10) * ONES) | t;
    !not_digit & HIGH
}

/// The high bit of each byte of `x` that is an ASCII letter or digit: [`letters`] without
/// the bytes of 0x80 and above, and [`digits`].
#[inline(always)]
pub(crate) fn ascii_alnum(x: u64) -> u64 {
    ((letters(x) & !x) | digits(x)) & HIGH
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_byte_value_is_classified_in_every_lane() {
        for b in 0..=255u8 {
            for lane in 0..8 {
                let mut eight = [b'-'; 8];
                eight[lane] = b;
                let x = u64::from_le_bytes(eight);
                let bit = |m: u64| m >> (8 * lane + 7) & 1 == 1;
                assert_eq!(
                    bit(letters(x)),
                    b.is_ascii_alphabetic() || b >= 0x80,
                    "{b:#x}"
                );
                assert_eq!(bit(digits(x)), b.is_ascii_digit(), "{b:#x}");
                assert_eq!(bit(ascii_alnum(x)), b.is_ascii_alphanumeric(), "{b:#x}");
                // The other lanes hold '-': none of the three.
                assert_eq!(ascii_alnum(x) & !(0x80 << (8 * lane)), 0, "{b:#x}");
            }
        }
        assert_eq!(chunk(b"abc", 1), u64::from_le_bytes(*b"bc\0\0\0\0\0\0"));
        assert_eq!(chunk(b"abc", 5), 0);
    }
}
