//! Lower-casing words for lookups without allocating: word lists are lower case, and
//! every stage asks them about words as written. Most words of a text are already lower
//! case, and most others are short ASCII words that can be lowered on the stack.

/// Calls `f` with the word lower-cased. Lookups run for every word of every article, so
/// a short ASCII word is lower-cased on the stack instead of into a new `String`.
pub fn with_lower<R>(word: &str, f: impl FnOnce(&str) -> R) -> R {
    const SHORT: usize = 48;
    if !word.is_ascii() {
        return if word.chars().any(char::is_uppercase) {
            f(&word.to_lowercase())
        } else {
            f(word)
        };
    }
    if !word.bytes().any(|b| b.is_ascii_uppercase()) {
        return f(word);
    }
    if word.len() <= SHORT {
        let mut buf = [0u8; SHORT];
        let lowered = &mut buf[..word.len()];
        // A byte loop, not `copy_from_slice` (a `memcpy` call for a few bytes).
        for (to, b) in lowered.iter_mut().zip(word.bytes()) {
            *to = b.to_ascii_lowercase();
        }
        // ASCII in, ASCII out: always valid UTF-8.
        return f(std::str::from_utf8(lowered).unwrap_or(word));
    }
    f(&word.to_lowercase())
}

/// Calls `f` with exactly `word.to_lowercase()`: a short ASCII word is lower-cased on
/// the stack ([`with_lower`]), any other word through `str::to_lowercase`.
pub fn with_lowercase<R>(word: &str, f: impl FnOnce(&str) -> R) -> R {
    if word.is_ascii() {
        with_lower(word, f)
    } else {
        f(&word.to_lowercase())
    }
}

/// `word.to_lowercase()`, borrowed from `word` when that changes nothing (most words of
/// a text): no allocation for a word already in lower case.
pub fn lower_cow(word: &str) -> std::borrow::Cow<'_, str> {
    use std::borrow::Cow;
    if !word.is_ascii() {
        Cow::Owned(word.to_lowercase())
    } else if word.bytes().any(|b| b.is_ascii_uppercase()) {
        Cow::Owned(word.to_ascii_lowercase())
    } else {
        Cow::Borrowed(word)
    }
}

/// The word with its first letter upper-cased ("union" -> "Union", "the board" -> "The
/// board"): a group speaker as a sentence would open with it, or a word as a heads list
/// writes it.
pub fn capitalize(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
        None => String::new(),
    }
}
