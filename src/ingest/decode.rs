//! Bytes to text: UTF-8 (with or without BOM), UTF-16 LE/BE with BOM, and a
//! Windows-1252 fallback for legacy text. Binary data (PDFs, images, archives, NUL
//! bytes, mostly control characters) and empty input are refused with a message that
//! says what to upload instead.

use crate::error::{Error, Result};

const UPLOAD_INSTEAD: &str = "upload the article as .txt, .md or .html, or paste its text";

/// Known binary formats by their first bytes, with the name shown to the user.
const MAGIC: &[(&[u8], &str)] = &[
    (b"%PDF", "a PDF file"),
    (b"\x89PNG", "a PNG image"),
    (b"\xFF\xD8\xFF", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"RIFF", "a media file (RIFF/WebP/WAV)"),
    (
        b"PK\x03\x04",
        "a ZIP archive or Office document (.docx/.xlsx)",
    ),
    (b"\xD0\xCF\x11\xE0", "an old Office document (.doc/.xls)"),
    (b"\x1F\x8B", "a gzip archive"),
    (b"BZh", "a bzip2 archive"),
    (b"7z\xBC\xAF", "a 7-Zip archive"),
    (b"Rar!", "a RAR archive"),
    (b"\x7FELF", "a program (ELF binary)"),
    (b"MZ", "a Windows program"),
    (b"ID3", "an MP3 audio file"),
    (b"OggS", "an Ogg media file"),
    (b"\x00\x00\x00\x18ftyp", "a video file (MP4)"),
    (b"\x00\x00\x00\x20ftyp", "a video file (MP4)"),
    (b"\x1A\x45\xDF\xA3", "a video file (WebM/MKV)"),
    (b"{\\rtf", "an RTF document"),
];

fn refuse_binary(what: &str) -> Error {
    Error::BadInput(format!(
        "This looks like {what}, not article text; {UPLOAD_INSTEAD}."
    ))
}

/// Decodes `bytes` into text, or explains why it is not article text.
pub fn decode(bytes: &[u8]) -> Result<String> {
    if let Some((_, what)) = MAGIC.iter().find(|(m, _)| bytes.starts_with(m)) {
        // "MZ" and "BZh" are also plausible starts of plain text; only trust them with NULs.
        let weak =
            what.contains("Windows program") || what.contains("bzip2") || what.contains("RTF");
        if !weak || bytes.iter().take(4096).any(|&b| b == 0) {
            return Err(refuse_binary(what));
        }
    }
    let text = if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        utf8_or_fallback(rest)?
    } else if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        decode_utf16(rest, encoding_rs::UTF_16LE)?
    } else if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        decode_utf16(rest, encoding_rs::UTF_16BE)?
    } else {
        if bytes.contains(&0) {
            return Err(refuse_binary("a binary file (it contains NUL bytes)"));
        }
        utf8_or_fallback(bytes)?
    };
    check_textual(&text)?;
    Ok(text)
}

fn decode_utf16(bytes: &[u8], encoding: &'static encoding_rs::Encoding) -> Result<String> {
    let (text, had_errors) = encoding.decode_without_bom_handling(bytes);
    if had_errors
        && text.chars().filter(|&c| c == '\u{FFFD}').count() * 20 > text.chars().count().max(1)
    {
        return Err(Error::BadInput(format!(
            "The file starts like UTF-16 text but most of it does not decode; save it as UTF-8 and {UPLOAD_INSTEAD}."
        )));
    }
    Ok(text.into_owned())
}

/// Valid UTF-8 as is; otherwise Windows-1252 when the bytes read like legacy Western
/// text (a few accented letters and typographic marks among ASCII words).
fn utf8_or_fallback(bytes: &[u8]) -> Result<String> {
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok(s.to_owned()),
        Err(_) => {
            let high = bytes.iter().filter(|&&b| b >= 0x80).count();
            let (text, _, _) = encoding_rs::WINDOWS_1252.decode(bytes);
            let plausible_high = text
                .chars()
                .filter(|&c| !c.is_ascii())
                .filter(|&c| {
                    c.is_alphabetic()
                        || matches!(
                            c,
                            '‘' | '’'
                                | '“'
                                | '”'
                                | '–'
                                | '—'
                                | '…'
                                | '€'
                                | '£'
                                | '°'
                                | '©'
                                | '•'
                                | '\u{a0}'
                                | '´'
                                | '·'
                                | '½'
                                | '¼'
                                | '¾'
                                | '§'
                                | '¿'
                                | '¡'
                                | '«'
                                | '»'
                        )
                })
                .count();
            // Legacy text is mostly ASCII, and its non-ASCII bytes are letters/marks.
            if high * 3 <= bytes.len() && plausible_high * 10 >= high * 9 {
                Ok(text.into_owned())
            } else {
                Err(Error::BadInput(format!(
                    "The file is not valid UTF-8 text and does not read as Windows-1252 either (it may be binary or in another encoding); save it as UTF-8 and {UPLOAD_INSTEAD}."
                )))
            }
        }
    }
}

/// Refuses empty text and text that is mostly control characters or undecodable.
fn check_textual(text: &str) -> Result<()> {
    if text.trim().is_empty() {
        return Err(Error::BadInput(
            "The article is empty: paste or upload some text.".into(),
        ));
    }
    let (bad, total) = if text.len() <= 1 << 20 {
        unreadable_chars_in_bytes(text)
    } else {
        unreadable_chars(text)
    };
    if bad * 50 > total {
        return Err(refuse_binary(
            "a binary file (it is mostly control characters)",
        ));
    }
    Ok(())
}

/// Control characters other than line breaks, tabs and form feeds, and replacement
/// characters, among the first 2^20 characters: (unreadable, characters read).
fn unreadable_chars(text: &str) -> (usize, usize) {
    let mut total = 0usize;
    let mut bad = 0usize;
    for c in text.chars().take(1 << 20) {
        total += 1;
        if (c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{c}')) || c == '\u{FFFD}' {
            bad += 1;
        }
    }
    (bad, total)
}

/// [`unreadable_chars`] read off the UTF-8 bytes, for a text of at most 2^20 bytes (so
/// of at most 2^20 characters): control characters are U+0000–U+001F and U+007F (one
/// byte) and U+0080–U+009F (C2 80–C2 9F); U+FFFD is EF BF BD.
fn unreadable_chars_in_bytes(text: &str) -> (usize, usize) {
    // One pass over the bytes: a character starts at every byte that is no continuation
    // byte; only control bytes and the lead bytes C2 and EF need a closer look. Eight
    // printable ASCII bytes (most of an article) are taken at once: each starts a
    // character and none is unreadable.
    let bytes = text.as_bytes();
    let (mut bad, mut total) = (0usize, 0usize);
    let mut i = 0;
    while i < bytes.len() {
        if let Some(group) = bytes.get(i..i + 8)
            && let Ok(group) = <[u8; 8]>::try_from(group)
            && all_printable_ascii(u64::from_le_bytes(group))
        {
            total += 8;
            i += 8;
            continue;
        }
        let b = bytes[i];
        total += usize::from(b & 0xC0 != 0x80);
        if !(0x20..0x7F).contains(&b) {
            bad += usize::from(match b {
                b'\n' | b'\r' | b'\t' | 0x0C => false,
                0x00..=0x1F | 0x7F => true,
                0xC2 => matches!(bytes.get(i + 1), Some(0x80..=0x9F)),
                0xEF => bytes.get(i + 1) == Some(&0xBF) && bytes.get(i + 2) == Some(&0xBD),
                _ => false,
            });
        }
        i += 1;
    }
    (bad, total)
}

/// Whether all eight bytes of `x` are printable ASCII (0x20–0x7E).
fn all_printable_ascii(x: u64) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    // Adding 0x60 to a byte below 0x80 sets its high bit iff the byte is 0x20 or more;
    // adding 0x01 sets it iff the byte is 0x7F (the only ASCII byte that reaches 0x80).
    let ascii = x & HIGH == 0;
    let printable = x.wrapping_add(0x60 * ONES) & HIGH == HIGH;
    let delete = x.wrapping_add(ONES) & HIGH != 0;
    ascii && printable && !delete
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_boms_and_legacy_text() {
        assert_eq!(decode(b"\xEF\xBB\xBFHello").unwrap(), "Hello");
        let le: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("Hé".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        assert_eq!(decode(&le).unwrap(), "Hé");
        let be: Vec<u8> = [0xFE, 0xFF]
            .into_iter()
            .chain("Hé".encode_utf16().flat_map(u16::to_be_bytes))
            .collect();
        assert_eq!(decode(&be).unwrap(), "Hé");
        assert_eq!(decode(b"Caf\xE9 \x93quoted\x94").unwrap(), "Café “quoted”");
    }

    #[test]
    fn byte_count_of_unreadable_characters_matches_the_character_count() {
        for text in [
            "plain\ttext\r\n",
            "a\u{1}b\u{7f}c\u{85}d\u{9f}e\u{a0}f\u{FFFD}g\u{c}",
            "Café “quoted” — ΟΔΟΣ 🙂",
            "\u{FFFC}\u{FFFD}\u{FFFE}",
            "eight ok then \u{7f}\u{1f} ~~~~~~~~ \u{85} and ~ \u{0} again: all kinds",
            " !\"#$%&'()*+,-./0123456789:;<=>?@AZ[\\]^_`az{|}~\u{7f}\u{80}\u{9f}\u{a0}",
        ] {
            assert_eq!(
                unreadable_chars_in_bytes(text),
                unreadable_chars(text),
                "{text:?}"
            );
        }
    }

    #[test]
    fn refuses_binary_and_empty() {
        assert!(
            decode(b"%PDF-1.7\n...")
                .unwrap_err()
                .to_string()
                .contains("PDF")
        );
        assert!(decode(b"abc\x00def").is_err());
        assert!(
            decode(b"  \n\t ")
                .unwrap_err()
                .to_string()
                .contains("empty")
        );
        assert!(decode(b"\xC3\x28\xA0\xA1\xE2\x28\xA1\xF0\x28\x8C\xBC\xF0\x90\x28\xBC").is_err());
        assert!(decode(b"\x01\x02\x03\x04\x05abc\x06\x07\x08").is_err());
    }
}
