//! Language check: the engine's rules are written for English, so an article in another
//! language would get nonsense answers. This stage detects the body's language (whatlang's
//! trigram/script detector, on the whole body — never on a headline, where it guesses wildly)
//! and reports it only when the detection is reliable and the language is not English, so
//! the front ends can say "this looks like German" instead of answering nonsense.

use crate::model::{Document, Span};

/// Bodies shorter than this many words are too short to judge.
const MIN_WORDS: usize = 8;
/// Enough text to decide on; detecting over a 5 MB body would only cost time.
const SAMPLE_BYTES: usize = 32 * 1024;

/// The ISO 639-3 code of the body's language when whatlang detects it reliably and it is
/// not English; `None` for English, undecided, or too little text.
pub fn detect_foreign(doc: &Document) -> Option<String> {
    let sample = body_sample(doc);
    if sample.split_whitespace().take(MIN_WORDS).count() < MIN_WORDS {
        return None;
    }
    let info = whatlang::detect(sample)?;
    (info.is_reliable() && info.lang() != whatlang::Lang::Eng).then(|| info.lang().code().to_string())
}

/// The English name of an ISO 639-3 code whatlang reports ("deu" → "German"), for messages.
pub fn language_name(code: &str) -> Option<&'static str> {
    whatlang::Lang::from_code(code).map(|l| l.eng_name())
}

/// Up to `SAMPLE_BYTES` of the text after the headline, cut on a char boundary.
fn body_sample(doc: &Document) -> &str {
    let text = doc.text.as_str();
    let start = doc
        .headline
        .filter(|h| h.start == 0 && h.end <= text.len() && text.is_char_boundary(h.end))
        .map(|h: Span| h.end)
        .unwrap_or(0);
    let body = &text[start..];
    // A document that is nothing but its headline: judge the headline after all.
    let body = if body.trim().is_empty() { text } else { body };
    let mut end = body.len().min(SAMPLE_BYTES);
    while !body.is_char_boundary(end) {
        end -= 1;
    }
    &body[..end]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(text: &str) -> Document {
        Document { text: text.to_string(), ..Default::default() }
    }

    #[test]
    fn english_is_not_foreign() {
        let d = doc("The minister said on Tuesday that the government would raise the tax on fuel by three percent next year, despite protests from farmers and hauliers.");
        assert_eq!(detect_foreign(&d), None);
    }

    #[test]
    fn german_and_russian_bodies_are_detected() {
        let de = doc("Die Bundesregierung hat am Dienstag beschlossen, die Steuer auf Kraftstoff im kommenden Jahr um drei Prozent zu erhöhen, obwohl Landwirte und Spediteure dagegen protestieren.");
        assert_eq!(detect_foreign(&de).as_deref(), Some("deu"));
        let ru = doc("Правительство во вторник решило повысить налог на топливо в следующем году на три процента, несмотря на протесты фермеров и перевозчиков. Министр финансов заявил журналистам, что это решение было трудным, но необходимым. По его словам, доходы бюджета в этом году оказались ниже, чем ожидалось.");
        assert_eq!(detect_foreign(&ru).as_deref(), Some("rus"));
        assert_eq!(language_name("deu"), Some("German"));
    }

    #[test]
    fn short_text_is_undecided() {
        assert_eq!(detect_foreign(&doc("Trump warns China")), None);
        assert_eq!(detect_foreign(&doc("")), None);
    }

    #[test]
    fn headline_is_not_what_is_judged() {
        let text = "Bundesregierung erhöht Steuer\n\nThe minister said on Tuesday that the government would raise the tax on fuel by three percent next year, despite protests from farmers.";
        let d = Document { headline: Some(Span::new(0, 29)), ..doc(text) };
        assert_eq!(detect_foreign(&d), None);
    }
}
