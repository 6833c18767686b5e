//! Words a question may use for the article's words: "arrested" for "detained", "death
//! toll" for "died". Two lists, both keyed by Snowball stem: `data/ask_synonyms.txt`
//! (generated from WordNet 3.0 by `scripts/gen_synonyms.py`: a word's most frequent
//! sense, its synonyms in that sense and the words derived from it) and
//! `data/ask_synonyms_news.txt` (hand-kept groups of general news wording WordNet does
//! not link). Inflections need no list: terms are stemmed.

use crate::analyze::terms;
use crate::lexicon;
use foldhash::{HashMap, HashMapExt};
use std::sync::LazyLock;

const WORDNET: &str = lexicon::ASK_SYNONYMS.text;
const NEWS: &str = lexicon::ASK_SYNONYMS_NEWS.text;

/// Stem → term ids of the stems that may stand for it.
static RELATED: LazyLock<HashMap<String, Vec<u32>>> = LazyLock::new(|| {
    let mut map: HashMap<String, Vec<u32>> = HashMap::new();
    let lines = |text: &'static str| {
        text.lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
    };
    for line in lines(WORDNET) {
        let Some((key, rest)) = line.split_once(':') else {
            continue;
        };
        let entry = map.entry(key.trim().to_string()).or_default();
        entry.extend(rest.split_whitespace().map(terms::term_of_stem));
    }
    for line in lines(NEWS) {
        let group: Vec<&str> = line.split_whitespace().collect();
        for &member in &group {
            let entry = map.entry(member.to_string()).or_default();
            entry.extend(
                group
                    .iter()
                    .filter(|&&o| o != member)
                    .map(|o| terms::term_of_stem(o)),
            );
        }
    }
    for ids in map.values_mut() {
        ids.sort_unstable();
        ids.dedup();
    }
    map
});

/// Term ids of the words that may stand for `word` (lower-cased) in an article, not
/// counting `word`'s own term.
pub fn related(word: &str) -> Vec<u32> {
    let own = terms::term(word);
    RELATED
        .get(&terms::stem(word))
        .map(|ids| ids.iter().copied().filter(|&t| Some(t) != own).collect())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::related;
    use crate::analyze::terms::term;

    #[test]
    fn question_words_reach_the_article_words() {
        assert!(related("arrested").contains(&term("detained").unwrap()));
        assert!(related("died").contains(&term("death").unwrap()));
        assert!(related("toll").contains(&term("killed").unwrap()));
        assert!(related("zzzz").is_empty());
    }
}
