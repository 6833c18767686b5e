//! ASCII whitespace and letters read eight bytes at a time, for the scans that only
//! count words, measure the runs between spaces or look for the rare word that is no
//! plain word (`ingest::clean::words_upto`, the longest unbroken run of an article, list
//! markers): most of an article is ASCII, and a byte-by-byte loop over it cost more than
//! the checks themselves.

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGH: u64 = 0x8080_8080_8080_8080;

/// The eight bytes at `bytes[i..]` as a little-endian word, when there are eight and all
/// are ASCII.
#[inline]
pub(crate) fn ascii_group(bytes: &[u8], i: usize) -> Option<u64> {
    let group: [u8; 8] = bytes.get(i..i.checked_add(8)?)?.try_into().ok()?;
    let x = u64::from_le_bytes(group);
    (x & HIGH == 0).then_some(x)
}

/// For eight ASCII bytes (an [`ascii_group`]), the high bit of each byte that is
/// whitespace as `char::is_whitespace` reads ASCII: space, or tab to carriage return
/// (0x09–0x0D). Byte `k` of the group is bit `8k + 7`.
#[inline]
pub(crate) fn space_bits(x: u64) -> u64 {
    let blank = blank_bits(x);
    // Bytes below 0x80: adding 0x80 - n sets the high bit iff the byte is n or more.
    let from_tab = (x + (0x80 - 0x09) * ONES) & HIGH;
    let past_return = (x + (0x80 - 0x0E) * ONES) & HIGH;
    blank | (from_tab & !past_return)
}

/// For the high bits of a group's non-space bytes (`!space_bits & HIGH`), those that
/// start a word: the byte before is a space, or (for the first byte) `after_space`.
#[inline]
pub(crate) fn word_starts(word: u64, space: u64, after_space: bool) -> u64 {
    word & ((space << 8) | if after_space { 0x80 } else { 0 })
}

/// The high bits of the non-space bytes of a group whose space bits are `space`.
#[inline]
pub(crate) fn word_bits(space: u64) -> u64 {
    !space & HIGH
}

/// For eight ASCII bytes (an [`ascii_group`]), the high bit of each ASCII letter.
#[inline]
pub(crate) fn letter_bits(x: u64) -> u64 {
    // Setting bit 5 folds capitals onto small letters; other bytes stay out of a–z.
    let y = x | (0x20 * ONES);
    let from_a = (y + (0x80 - b'a' as u64) * ONES) & HIGH;
    let past_z = (y + (0x80 - b'z' as u64 - 1) * ONES) & HIGH;
    from_a & !past_z
}

/// For eight ASCII bytes, the high bit of each space (0x20) byte.
#[inline]
pub(crate) fn blank_bits(x: u64) -> u64 {
    let y = x ^ (0x20 * ONES);
    let nonzero = ((y & !HIGH) + !HIGH) | y;
    !nonzero & HIGH
}

/// For eight ASCII bytes, their space bits ([`blank_bits`]) when every byte is an ASCII
/// letter or a space.
#[inline]
pub(crate) fn only_letters_and_blanks(x: u64) -> Option<u64> {
    let blank = blank_bits(x);
    (blank | letter_bits(x) == HIGH).then_some(blank)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn space_bits_mark_exactly_the_ascii_whitespace_bytes() {
        for b in 0u8..0x80 {
            for k in 0..8 {
                let mut group = [b'x'; 8];
                group[k] = b;
                let x = u64::from_le_bytes(group);
                assert_eq!(ascii_group(&group, 0), Some(x));
                let want = if char::from(b).is_whitespace() {
                    0x80u64 << (8 * k)
                } else {
                    0
                };
                assert_eq!(space_bits(x), want, "byte {b:#x} at {k}");
            }
        }
        let all: Vec<u8> = b" \t\n\x0b\x0c\r  ".to_vec();
        let x = ascii_group(&all, 0).unwrap();
        assert_eq!(space_bits(x), HIGH);
        assert_eq!(ascii_group("abcdefg\u{e9}".as_bytes(), 0), None);
        assert_eq!(ascii_group(b"short", 0), None);
    }

    #[test]
    fn letter_and_blank_bits_mark_exactly_their_bytes() {
        for b in 0u8..0x80 {
            for k in 0..8 {
                let mut group = [b' '; 8];
                group[k] = b;
                let x = u64::from_le_bytes(group);
                let at = 0x80u64 << (8 * k);
                assert_eq!(letter_bits(x), if b.is_ascii_alphabetic() { at } else { 0 });
                let blanks = HIGH & !at | if b == b' ' { at } else { 0 };
                assert_eq!(blank_bits(x), blanks, "byte {b:#x} at {k}");
            }
        }
    }

    #[test]
    fn word_starts_follow_a_space_or_the_state_before() {
        let x = ascii_group(b"ab cd  e", 0).unwrap();
        let space = space_bits(x);
        let starts = word_starts(word_bits(space), space, true);
        assert_eq!(starts.count_ones(), 3);
        assert_eq!(word_starts(word_bits(space), space, false).count_ones(), 2);
    }
}
