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
/// English's commonest function words. Running English prose has one of these in every
/// four or five words; no other language whatlang knows comes near that rate, so a
/// sample this dense in them is English without running the trigram detector (which
/// was a tenth of the whole engine's time).
const ENGLISH_MARKERS: &[&str] = &[
    "the", "of", "and", "to", "in", "is", "that", "for", "was", "with", "on", "said", "by", "he",
    "it",
];
/// Share of the first words that must be markers for the fast "English" answer.
const ENGLISH_MARKER_SHARE: f32 = 0.15;
/// Words looked at by the fast check.
const MARKER_WINDOW: usize = 200;

/// The ISO 639-3 code of the body's language when whatlang detects it reliably and it is
/// not English; `None` for English, undecided, or too little text.
pub fn detect_foreign(doc: &Document) -> Option<String> {
    let sample = body_sample(doc);
    if sample.split_whitespace().take(MIN_WORDS).count() < MIN_WORDS {
        return None;
    }
    if reads_as_english(sample) {
        return None;
    }
    let info = whatlang::detect(sample)?;
    (info.is_reliable() && info.lang() != whatlang::Lang::Eng)
        .then(|| info.lang().code().to_string())
}

/// Whether the sample's first words are dense in English function words.
fn reads_as_english(sample: &str) -> bool {
    let (mut words, mut markers) = (0usize, 0usize);
    for w in sample
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .take(MARKER_WINDOW)
    {
        words += 1;
        if w.len() <= 4 && ENGLISH_MARKERS.iter().any(|m| m.eq_ignore_ascii_case(w)) {
            markers += 1;
        }
    }
    words >= MIN_WORDS && markers as f32 >= words as f32 * ENGLISH_MARKER_SHARE
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
        Document {
            text: text.to_string(),
            ..Default::default()
        }
    }

    #[test]
    fn english_is_not_foreign() {
        let d = doc(
            "The minister said on Tuesday that the government would raise the tax on fuel by three percent next year, despite protests from farmers and hauliers.",
        );
        assert_eq!(detect_foreign(&d), None);
    }

    #[test]
    fn german_and_russian_bodies_are_detected() {
        let de = doc(
            "Die Bundesregierung hat am Dienstag beschlossen, die Steuer auf Kraftstoff im kommenden Jahr um drei Prozent zu erhöhen, obwohl Landwirte und Spediteure dagegen protestieren.",
        );
        assert_eq!(detect_foreign(&de).as_deref(), Some("deu"));
        let ru = doc(
            "Правительство во вторник решило повысить налог на топливо в следующем году на три процента, несмотря на протесты фермеров и перевозчиков. Министр финансов заявил журналистам, что это решение было трудным, но необходимым. По его словам, доходы бюджета в этом году оказались ниже, чем ожидалось.",
        );
        assert_eq!(detect_foreign(&ru).as_deref(), Some("rus"));
        assert_eq!(language_name("deu"), Some("German"));
    }

    #[test]
    fn the_fast_english_check_needs_english_function_words() {
        assert!(reads_as_english(
            "The minister said on Tuesday that the government would raise the tax on fuel by three percent."
        ));
        // Dutch, Danish and Afrikaans share words with English, but not at this rate.
        assert!(!reads_as_english(
            "De regering heeft op dinsdag besloten om de belasting op brandstof volgend jaar met drie procent te verhogen."
        ));
        assert!(!reads_as_english(
            "Regeringen besluttede tirsdag at hæve afgiften på brændstof med tre procent næste år, trods protester fra landmænd."
        ));
        assert!(!reads_as_english(
            "Die regering het Dinsdag besluit om die belasting op brandstof volgende jaar met drie persent te verhoog."
        ));
    }

    #[test]
    fn short_text_is_undecided() {
        assert_eq!(detect_foreign(&doc("Trump warns China")), None);
        assert_eq!(detect_foreign(&doc("")), None);
    }

    #[test]
    fn headline_is_not_what_is_judged() {
        let text = "Bundesregierung erhöht Steuer\n\nThe minister said on Tuesday that the government would raise the tax on fuel by three percent next year, despite protests from farmers.";
        let d = Document {
            headline: Some(Span::new(0, 29)),
            ..doc(text)
        };
        assert_eq!(detect_foreign(&d), None);
    }
}
