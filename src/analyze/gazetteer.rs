//! The name lists the entity stages share: the gazetteer type (a `Canonical|alias|…`
//! data file matched with aho-corasick on word boundaries), the head-word type, and the
//! compiled place and organization gazetteers, their heads and the title words. It sits
//! below `proper_nouns`, `places` and `organizations`, which all read it, so none of
//! them has to import another for its lists.

use crate::lexicon::compiled;
use crate::lexicon::tables::{self, Trie, WordTable};
use crate::model::Span;
use foldhash::{HashMap, HashMapExt};
use std::borrow::Cow;
use std::sync::LazyLock;

/// Places gazetteer (data/places.txt).
pub(crate) static PLACES: LazyLock<Gazetteer> = LazyLock::new(|| {
    Gazetteer::compiled(
        crate::lexicon::PLACES.text,
        compiled::PLACES_TRIE,
        compiled::PLACES_FORMS,
    )
});
pub(crate) static PLACE_HEADS: LazyLock<Heads> =
    LazyLock::new(|| heads(crate::lexicon::PLACE_HEADS.text));

/// Organizations gazetteer (data/organizations.txt).
pub(crate) static ORGS: LazyLock<Gazetteer> = LazyLock::new(|| {
    Gazetteer::compiled(
        crate::lexicon::ORGANIZATIONS.text,
        compiled::ORGANIZATIONS_TRIE,
        compiled::ORGANIZATIONS_FORMS,
    )
});
pub(crate) static ORG_HEADS: LazyLock<Heads> =
    LazyLock::new(|| heads(crate::lexicon::ORG_HEADS.text));

/// English names of languages (data/languages.txt): "wrote in Danish", "taught English".
static LANGUAGES: LazyLock<foldhash::HashSet<&'static str>> =
    LazyLock::new(|| crate::lexicon::LANGUAGES.words().collect());

/// Whether a name is a language's name, which is never a place or an organization.
pub(crate) fn is_language(name: &str) -> bool {
    LANGUAGES.contains(name)
}

/// English adverbs (data/adverbs.txt, WordNet 3.0): "Recently", "Clearly".
static ADVERBS: LazyLock<foldhash::HashSet<&'static str>> =
    LazyLock::new(|| crate::lexicon::ADVERBS.words().collect());

/// Whether a word, in any case, is an English adverb of data/adverbs.txt.
pub(crate) fn is_adverb(word: &str) -> bool {
    crate::text::case::with_lower(word, |w| ADVERBS.contains(w))
}

/// The number words of data/number_words.txt ("one", "dozen", "third", "million").
static NUMBER_WORDS: LazyLock<foldhash::HashSet<&'static str>> =
    LazyLock::new(|| crate::lexicon::NUMBER_WORDS.words().collect());

/// Whether a lower-case word is a number word of data/number_words.txt.
pub(crate) fn is_number_word(lower: &str) -> bool {
    NUMBER_WORDS.contains(lower)
}

/// Whether a places entry is listed under Countries.
pub(crate) fn is_country(entry: usize) -> bool {
    PLACES.section.get(entry).is_some_and(|s| s == "Countries")
}

/// Endings of plural names for peoples, parties and faiths ("Americans", "Democrats",
/// "Israelis", "Muslims", "Arabs", "Serbs", "Jews", "Islamists", "Shiites"); place names
/// seldom end so ("Randers", "Salinas", "Cauquenes" do not).
pub(crate) const GROUP_PLURAL_ENDINGS: &[&str] =
    &["ans", "ats", "is", "ims", "bs", "ews", "ists", "ites"];

/// The title abbreviations of data/abbreviations.txt ("Mr.", "Gov.", "Lt.").
static TITLE_ABBREVIATIONS: LazyLock<foldhash::HashSet<&'static str>> = LazyLock::new(|| {
    crate::lexicon::ABBREVIATIONS
        .entries()
        .filter(|e| e.field(1) == "title")
        .map(|e| e.field(0))
        .collect()
});

/// Whether a word is a title abbreviation with its period ("Gov.", "Sen.").
pub(crate) fn is_title_abbreviation(word: &str) -> bool {
    TITLE_ABBREVIATIONS.contains(word)
}

/// Whether a word is a title: one of [`TITLE_WORDS`], a title abbreviation, or a short
/// one written without its period, as British style does ("Mr Smith", "Dr Jones").
pub(crate) fn is_title(word: &str) -> bool {
    TITLE_WORD_SET.contains(word)
        || TITLE_ABBREVIATIONS.contains(word)
        || (word.len() <= 4
            && word.chars().all(char::is_alphabetic)
            && with_period(word, |w| TITLE_ABBREVIATIONS.contains(w)))
}

/// Calls `f` with `word` and a period after it, written on the stack (`word` is at
/// most four bytes).
fn with_period<R>(word: &str, f: impl FnOnce(&str) -> R) -> R {
    let mut buf = [0u8; 5];
    let n = word.len();
    if n > 4 {
        return f(&format!("{word}."));
    }
    buf[..n].copy_from_slice(word.as_bytes());
    buf[n] = b'.';
    // A whole string and an ASCII period: always valid UTF-8.
    match std::str::from_utf8(&buf[..=n]) {
        Ok(w) => f(w),
        Err(_) => f(&format!("{word}.")),
    }
}

/// Nationality adjectives and place words of data/place_words.txt, lower case.
static PLACE_WORDS: LazyLock<foldhash::HashSet<&'static str>> =
    LazyLock::new(|| crate::lexicon::PLACE_WORDS.words().collect());

/// Whether a lower-cased word is a nationality adjective or place word ("american").
pub(crate) fn is_place_word(lower: &str) -> bool {
    PLACE_WORDS.contains(lower)
}

/// Whether `name` (a place as the engine outputs it) is a country's name or alias.
pub fn is_country_name(name: &str) -> bool {
    PLACES.lookup(name).is_some_and(is_country)
}

/// Lower-case words that make a capitalized run a title, not a name ("President").
/// [`TITLE_WORDS`] as a set: one hash probe per word instead of a scan of the list.
static TITLE_WORD_SET: LazyLock<foldhash::HashSet<&'static str>> =
    LazyLock::new(|| TITLE_WORDS.iter().copied().collect());

pub(crate) const TITLE_WORDS: &[&str] = &[
    "President",
    "Prime",
    "Minister",
    "Governor",
    "Senator",
    "Sen.",
    "Rep.",
    "Representative",
    "Mayor",
    "Secretary",
    "Ambassador",
    "Foreign",
    "Defense",
    "Defence",
    "Finance",
    "Chancellor",
    "Premier",
    "King",
    "Queen",
    "Prince",
    "Princess",
    "General",
    "Gen.",
    "Chief",
    "Judge",
    "Justice",
    "Attorney",
    "Commissioner",
    "Director",
    "Chairman",
    "Speaker",
    "Leader",
    "Vice",
    "Deputy",
    "Mr.",
    "Mrs.",
    "Ms.",
    "Dr.",
    "Professor",
    "Prof.",
    "Sheriff",
    "Coach",
    "Captain",
    "Officer",
    "Inspector",
    "Sergeant",
    "Constable",
    "Lord",
    "Sir",
    "Dame",
    "Pope",
    "Bishop",
    "Cardinal",
    "Emperor",
    "Sultan",
    "Sheikh",
    "Crown",
    "Spokesman",
    "Spokeswoman",
];

/// A gazetteer compiled from a `Canonical|alias|…` data file: its forms in a byte trie
/// (see `lexicon::tables`) valued by entry, matched leftmost-longest.
pub struct Gazetteer {
    pub canonical: Vec<String>,
    /// For every entry, the `# --- Section` heading it was listed under ("" when none).
    pub section: Vec<String>,
    /// The trie's bytes: made by build.rs for the compiled-in files, so start-up reads
    /// them in place (building an aho-corasick automaton and a form map cost 29 M
    /// instructions, a quarter of a one-article CLI call).
    trie: Cow<'static, [u8]>,
    /// Every form to its entry plus one (`tables::gazetteer_forms`), so a whole-string
    /// lookup is one hash probe, not a walk.
    forms: Cow<'static, [u8]>,
}

/// One gazetteer hit.
#[derive(Debug, Clone, Copy)]
pub struct GazMatch {
    pub span: Span,
    pub entry: usize,
}

impl Gazetteer {
    pub fn parse(data: &str) -> Gazetteer {
        let entries = tables::gazetteer_entries(data);
        let trie = Cow::Owned(tables::gazetteer_trie(&entries));
        let forms = Cow::Owned(tables::gazetteer_forms(&entries));
        Gazetteer::with_tables(&entries, trie, forms)
    }

    /// A gazetteer over `data` whose trie and form table build.rs made from the same file.
    fn compiled(data: &str, trie: &'static [u8], forms: &'static [u8]) -> Gazetteer {
        let entries = tables::gazetteer_entries(data);
        Gazetteer::with_tables(&entries, Cow::Borrowed(trie), Cow::Borrowed(forms))
    }

    fn with_tables(
        entries: &[(&str, Vec<&str>)],
        trie: Cow<'static, [u8]>,
        forms: Cow<'static, [u8]>,
    ) -> Gazetteer {
        Gazetteer {
            canonical: entries.iter().map(|(_, f)| f[0].to_string()).collect(),
            section: entries.iter().map(|(s, _)| s.to_string()).collect(),
            trie,
            forms,
        }
    }

    /// Matches on word boundaries (a possessive may follow).
    pub fn find(&self, text: &str) -> Vec<GazMatch> {
        let mut out = Vec::new();
        let trie = Trie::new(&self.trie);
        for (start, end, entry) in trie.find_iter(text.as_bytes()) {
            let m = start..end;
            let before_ok = text[..m.start]
                .chars()
                .next_back()
                .is_none_or(|c| !c.is_alphanumeric());
            let after = text[m.end..].chars().next();
            let matched = &text[m.start..m.end];
            // "US" must not match the start of "USA" nor "U.S" the start of "U.S.A.".
            let after_ok = match after {
                None => true,
                Some(c) if c.is_alphanumeric() => false,
                Some('.') if !matched.ends_with('.') => !text[m.end + 1..]
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_alphanumeric()),
                Some(_) => true,
            };
            if before_ok && after_ok {
                out.push(GazMatch {
                    span: Span::new(m.start, m.end),
                    entry: entry as usize,
                });
            }
        }
        out
    }

    /// The entry a whole string names exactly, if any.
    pub fn lookup(&self, s: &str) -> Option<usize> {
        let entry = WordTable::new(&self.forms).get(s);
        entry.checked_sub(1).map(|e| e as usize)
    }
}

/// Final words ("heads") from a data file, longest first, indexed by their last word so
/// a chunk is checked only against the heads that could end it.
pub struct Heads {
    all: Vec<Vec<String>>,
    by_last: HashMap<String, Vec<usize>>,
}

impl std::ops::Deref for Heads {
    type Target = [Vec<String>];
    fn deref(&self) -> &[Vec<String>] {
        &self.all
    }
}

impl Heads {
    /// The heads whose last word is `word`.
    pub fn ending_in<'a>(&'a self, word: &str) -> impl Iterator<Item = &'a Vec<String>> + 'a {
        self.by_last
            .get(word)
            .into_iter()
            .flatten()
            .map(|&i| &self.all[i])
    }
    /// Whether `word` alone is one of the heads ("Bank", "Police").
    pub fn is_one_word_head(&self, word: &str) -> bool {
        self.ending_in(word).any(|h| h.len() == 1)
    }
}

/// Reads a heads data file (one head per line, `#` comments).
pub fn heads(data: &str) -> Heads {
    let mut all: Vec<Vec<String>> = data
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| l.split_whitespace().map(str::to_string).collect())
        .collect();
    all.sort_by_key(|h| std::cmp::Reverse(h.len()));
    let mut by_last: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, h) in all.iter().enumerate() {
        if let Some(last) = h.last() {
            by_last.entry(last.clone()).or_default().push(i);
        }
    }
    Heads { all, by_last }
}

#[cfg(test)]
mod tests {
    use super::*;
    use aho_corasick::{AhoCorasick, MatchKind};

    /// The data file's forms and their entries, in file order.
    fn forms(data: &str) -> Vec<(String, usize)> {
        let entries = tables::gazetteer_entries(data);
        let mut out = Vec::new();
        for (i, (_, fs)) in entries.iter().enumerate() {
            out.extend(fs.iter().map(|f| (f.to_string(), i)));
        }
        out
    }

    #[test]
    fn the_built_tries_are_those_of_the_data_files() {
        for (gaz, list) in [
            (&*PLACES, crate::lexicon::PLACES),
            (&*ORGS, crate::lexicon::ORGANIZATIONS),
        ] {
            let parsed = Gazetteer::parse(list.text);
            assert_eq!(*gaz.trie, *parsed.trie, "{}", list.file);
            assert_eq!(*gaz.forms, *parsed.forms, "{}", list.file);
        }
    }

    /// The trie matches as an aho-corasick leftmost-longest automaton over the same
    /// forms did (the matcher it replaced), on every form and on running text.
    #[test]
    fn the_trie_agrees_with_a_leftmost_longest_automaton() {
        for (gaz, list) in [
            (&*PLACES, crate::lexicon::PLACES),
            (&*ORGS, crate::lexicon::ORGANIZATIONS),
        ] {
            let forms = forms(list.text);
            let ac = AhoCorasick::builder()
                .match_kind(MatchKind::LeftmostLongest)
                .build(forms.iter().map(|f| &f.0))
                .unwrap();
            let ac_find = |text: &str| -> Vec<(usize, usize, usize)> {
                let ms = ac.find_iter(text);
                ms.map(|m| (m.start(), m.end(), forms[m.pattern().as_usize()].1))
                    .collect()
            };
            let trie = Trie::new(&gaz.trie);
            let trie_find = |text: &str| -> Vec<(usize, usize, usize)> {
                let ms = trie.find_iter(text.as_bytes());
                ms.map(|(s, e, v)| (s, e, v as usize)).collect()
            };
            let mut text = String::new();
            for (form, _) in &forms {
                let whole = ac_find(form).into_iter().find(|m| m.1 == form.len());
                assert_eq!(gaz.lookup(form), whole.map(|m| m.2), "{form}");
                let by_trie = trie.exact(form.as_bytes()).map(|e| e as usize);
                assert_eq!(by_trie, whole.map(|m| m.2), "{form}");
                text.push_str(form);
                text.push_str(if form.len() % 3 == 0 { " and " } else { "n " });
            }
            text.push_str(include_str!("../../data/sample-article.txt"));
            text.push_str(include_str!("../../data/sample-article-2.txt"));
            assert_eq!(trie_find(&text), ac_find(&text));
            assert_eq!(gaz.lookup("no such place or body"), None);
        }
    }
}
