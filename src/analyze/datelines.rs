//! Datelines: where a story was filed, written in capitals at the start of a paragraph
//! before a dash, with an optional region and news agency ("SPRINGFIELD, Ill. (AP) —",
//! "NEW YORK —", "KANATA, Ontario (Reuters) -"). The city is a place; the agency in
//! brackets is an organization. A capitalised paragraph opening counts only with some
//! evidence that it is a dateline — a known place, a region after a comma or an agency in
//! brackets — so a shouted headline or "EXCLUSIVE —" is none.

use super::gazetteer::PLACES;
use crate::model::{Document, Span};

/// One dateline: the city (as written), its places entry when known, and the agency.
#[derive(Debug, Clone, Copy)]
pub struct Dateline {
    pub city: Span,
    pub entry: Option<usize>,
    pub agency: Option<Span>,
}

/// The datelines of the document, one per paragraph at most.
pub fn datelines(doc: &Document) -> Vec<Dateline> {
    doc.paragraphs
        .iter()
        .filter_map(|p| parse(doc, p.start, &doc.text[p.start..p.end]))
        .collect()
}

/// A capitalised word of a city's name: "NEW", "ST.", "O'HARE", "WILKES-BARRE".
fn is_caps_word(w: &str) -> bool {
    w.chars().any(|c| c.is_alphabetic())
        && w.chars()
            .all(|c| c.is_uppercase() || matches!(c, '.' | '\'' | '’' | '-'))
}

/// "DES MOINES" → "Des Moines", "ST. LOUIS" → "St. Louis": the form the gazetteer lists.
fn title_case(caps: &str) -> String {
    caps.split(' ')
        .map(|w| {
            let mut out = String::with_capacity(w.len());
            let mut start = true;
            for c in w.chars() {
                if start {
                    out.push(c);
                } else {
                    out.extend(c.to_lowercase());
                }
                start = matches!(c, '-' | ' ');
            }
            out
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Parses a paragraph opening `text` (starting at byte `at`) as a dateline.
fn parse(doc: &Document, at: usize, text: &str) -> Option<Dateline> {
    // The city: capitalised words separated by single spaces, up to four of them.
    let mut end = 0;
    for (i, w) in text.split(' ').take(4).enumerate() {
        let word = w.trim_end_matches(',');
        if !is_caps_word(word) || word.len() < 2 && i == 0 {
            break;
        }
        end = if i == 0 {
            word.len()
        } else {
            end + 1 + word.len()
        };
        if word.len() < w.len() {
            break;
        }
    }
    let city = text.get(..end)?.trim_end_matches('-');
    if city.chars().filter(|c| c.is_alphabetic()).count() < 3 {
        return None;
    }
    let mut rest = &text[city.len()..];
    // ", Ill." / ", Ontario" / ", N.H.": a region of one or two capitalised words.
    let mut region = false;
    if let Some(r) = rest.strip_prefix(", ") {
        let words: Vec<&str> = r.split(' ').take(2).collect();
        let n = words
            .iter()
            .take_while(|w| w.starts_with(char::is_uppercase) && !w.contains('('))
            .count();
        if n == 0 {
            return None;
        }
        let len = words[..n].iter().map(|w| w.len() + 1).sum::<usize>() - 1;
        rest = &r[len..];
        region = true;
    }
    let mut agency = None;
    let trimmed = rest.trim_start_matches(' ');
    if let Some(inner) = trimmed.strip_prefix('(') {
        let close = inner.find(')')?;
        let name = &inner[..close];
        if name.is_empty() || !name.starts_with(char::is_uppercase) || name.len() > 30 {
            return None;
        }
        let start = at + (text.len() - inner.len());
        agency = Some(Span::new(start, start + name.len()));
        rest = &inner[close + 1..];
    }
    let dash = rest.trim_start_matches(' ');
    if !(dash.starts_with('—') || dash.starts_with('–') || dash.starts_with('-')) {
        return None;
    }
    let entry = PLACES.lookup(&title_case(city));
    if entry.is_none() && !region && agency.is_none() {
        return None;
    }
    let _ = doc;
    Some(Dateline {
        city: Span::new(at, at + city.len()),
        entry,
        agency,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn title_case_matches_the_gazetteer_form() {
        assert_eq!(title_case("DES MOINES"), "Des Moines");
        assert_eq!(title_case("ST. LOUIS"), "St. Louis");
        assert_eq!(title_case("WILKES-BARRE"), "Wilkes-Barre");
    }
}
