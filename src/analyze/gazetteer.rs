//! The name lists the entity stages share: the gazetteer type (a `Canonical|alias|…`
//! data file matched with aho-corasick on word boundaries), the head-word type, and the
//! compiled place and organization gazetteers, their heads and the title words. It sits
//! below `proper_nouns`, `places` and `organizations`, which all read it, so none of
//! them has to import another for its lists.

use crate::model::Span;
use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use foldhash::{HashMap, HashMapExt};
use std::sync::LazyLock;

/// Places gazetteer (data/places.txt).
pub(crate) static PLACES: LazyLock<Gazetteer> =
    LazyLock::new(|| Gazetteer::parse(crate::lexicon::PLACES.text));
pub(crate) static PLACE_HEADS: LazyLock<Heads> =
    LazyLock::new(|| heads(crate::lexicon::PLACE_HEADS.text));

/// Organizations gazetteer (data/organizations.txt).
pub(crate) static ORGS: LazyLock<Gazetteer> =
    LazyLock::new(|| Gazetteer::parse(crate::lexicon::ORGANIZATIONS.text));
pub(crate) static ORG_HEADS: LazyLock<Heads> =
    LazyLock::new(|| heads(crate::lexicon::ORG_HEADS.text));

/// English names of languages (data/languages.txt): "wrote in Danish", "taught English".
static LANGUAGES: LazyLock<foldhash::HashSet<&'static str>> =
    LazyLock::new(|| crate::lexicon::LANGUAGES.words().collect());

/// Whether a name is a language's name, which is never a place or an organization.
pub(crate) fn is_language(name: &str) -> bool {
    LANGUAGES.contains(name)
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
    TITLE_WORDS.contains(&word)
        || TITLE_ABBREVIATIONS.contains(word)
        || (word.len() <= 4
            && word.chars().all(char::is_alphabetic)
            && TITLE_ABBREVIATIONS.contains(format!("{word}.").as_str()))
}

/// Whether `name` (a place as the engine outputs it) is a country's name or alias.
pub fn is_country_name(name: &str) -> bool {
    PLACES.lookup(name).is_some_and(is_country)
}

/// Lower-case words that make a capitalized run a title, not a name ("President").
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

/// A gazetteer compiled from a `Canonical|alias|…` data file.
pub struct Gazetteer {
    pub canonical: Vec<String>,
    /// For every entry, the `# --- Section` heading it was listed under ("" when none).
    pub section: Vec<String>,
    /// For every pattern, the entry it belongs to.
    entry_of: Vec<usize>,
    matcher: AhoCorasick,
    /// Every form, spelled exactly, to its entry (the first entry listing it wins, as in
    /// the matcher), so a whole-string lookup is one hash probe, not a scan.
    exact: HashMap<String, usize>,
}

/// One gazetteer hit.
#[derive(Debug, Clone, Copy)]
pub struct GazMatch {
    pub span: Span,
    pub entry: usize,
}

impl Gazetteer {
    pub fn parse(data: &str) -> Gazetteer {
        let mut canonical = Vec::new();
        let mut patterns = Vec::new();
        let mut entry_of = Vec::new();
        let mut section = Vec::new();
        let mut current = String::new();
        for line in data.lines().map(str::trim).filter(|l| !l.is_empty()) {
            if let Some(heading) = line.strip_prefix("# ---") {
                current = heading.trim().to_string();
                continue;
            }
            if line.starts_with('#') {
                continue;
            }
            let entry = canonical.len();
            section.push(current.clone());
            let mut forms = line.split('|').map(str::trim).filter(|f| !f.is_empty());
            let Some(first) = forms.next() else { continue };
            canonical.push(first.to_string());
            patterns.push(first.to_string());
            entry_of.push(entry);
            for f in forms {
                patterns.push(f.to_string());
                entry_of.push(entry);
            }
        }
        // A contiguous NFA, not a DFA: building the two DFAs took 45 M instructions, a
        // third of a one-article CLI call (the NFAs: 9 M). Scanning costs more (16 M
        // instead of 9 M instructions on 218 KB, about 2 % of the engine's time).
        let matcher = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .kind(Some(AhoCorasickKind::ContiguousNFA))
            .build(&patterns)
            .expect("gazetteer patterns compile");
        let mut exact = HashMap::with_capacity(patterns.len());
        for (pattern, &entry) in patterns.iter().zip(&entry_of) {
            exact.entry(pattern.clone()).or_insert(entry);
        }
        Gazetteer {
            canonical,
            section,
            entry_of,
            matcher,
            exact,
        }
    }

    /// Matches on word boundaries (a possessive may follow).
    pub fn find(&self, text: &str) -> Vec<GazMatch> {
        let mut out = Vec::new();
        for m in self.matcher.find_iter(text) {
            let before_ok = text[..m.start()]
                .chars()
                .next_back()
                .is_none_or(|c| !c.is_alphanumeric());
            let after = text[m.end()..].chars().next();
            let matched = &text[m.start()..m.end()];
            // "US" must not match the start of "USA" nor "U.S" the start of "U.S.A.".
            let after_ok = match after {
                None => true,
                Some(c) if c.is_alphanumeric() => false,
                Some('.') if !matched.ends_with('.') => !text[m.end() + 1..]
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_alphanumeric()),
                Some(_) => true,
            };
            if before_ok && after_ok {
                out.push(GazMatch {
                    span: Span::new(m.start(), m.end()),
                    entry: self.entry_of[m.pattern().as_usize()],
                });
            }
        }
        out
    }

    /// The entry a whole string names exactly, if any.
    pub fn lookup(&self, s: &str) -> Option<usize> {
        self.exact.get(s).copied()
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

    #[test]
    fn exact_lookup_agrees_with_the_matcher_for_every_form() {
        for gaz in [&*PLACES, &*ORGS] {
            for (pattern_id, form) in gaz.exact.keys().enumerate() {
                let by_matcher = gaz
                    .matcher
                    .find_iter(form.as_str())
                    .find(|m| m.start() == 0 && m.end() == form.len())
                    .map(|m| gaz.entry_of[m.pattern().as_usize()]);
                assert_eq!(gaz.lookup(form), by_matcher, "form {pattern_id}: {form}");
            }
            assert_eq!(gaz.lookup("no such place or body"), None);
        }
    }
}
