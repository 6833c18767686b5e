//! A date pattern compiled on first use, without literal prefilters.
//!
//! The regex crate builds every pattern with prefilters: it extracts the literals a match
//! must start with or contain (every case variant of "earlier|later|…" under `(?i)`) and
//! builds Teddy / Aho-Corasick searchers from them. For these short, alternation-heavy
//! patterns that costs far more than the automaton itself (`(?i)… (this|last|next|…)
//! (week|month|year|weekend)`: 5.5 M instructions of which 0.8 M are the automaton), and
//! the patterns only ever search one sentence that the cue gates already picked, where a
//! prefilter saves nothing. So they are built with `regex_automata`'s meta regex (the
//! engine inside `regex::Regex`, same syntax, same leftmost-first matches) with the
//! automatic prefilter off.

use regex_automata::meta::Regex;
use regex_automata::util::captures::Captures;
use std::sync::OnceLock;

/// A pattern compiled on first use: a sentence's gates (`may_match`) rule out most
/// patterns, so a CLI call on one short article compiles only the few it needs.
pub(super) struct LazyPattern {
    source: String,
    compiled: OnceLock<Regex>,
}

impl LazyPattern {
    pub(super) fn new(source: String) -> LazyPattern {
        LazyPattern {
            source,
            compiled: OnceLock::new(),
        }
    }

    fn regex(&self) -> &Regex {
        self.compiled.get_or_init(|| {
            Regex::builder()
                .configure(Regex::config().auto_prefilter(false))
                .build(&self.source)
                .expect("date pattern compiles")
        })
    }

    /// Every non-overlapping match in `hay`, with its groups.
    pub(super) fn captures_iter<'h>(&self, hay: &'h str) -> impl Iterator<Item = Caps<'h>> {
        (self.regex().captures_iter(hay)).map(move |caps| Caps { hay, caps })
    }

    /// The leftmost-first match in `hay`, with its groups.
    pub(super) fn captures<'h>(&self, hay: &'h str) -> Option<Caps<'h>> {
        let re = self.regex();
        let mut caps = re.create_captures();
        re.captures(hay, &mut caps);
        caps.is_match().then_some(Caps { hay, caps })
    }

    #[cfg(test)]
    pub(super) fn is_match(&self, hay: &str) -> bool {
        self.regex().is_match(hay)
    }
}

/// One match's groups over the text it was found in.
pub(super) struct Caps<'h> {
    hay: &'h str,
    caps: Captures,
}

/// One group of a match: its byte range and text.
#[derive(Debug, Clone, Copy)]
pub(super) struct Group<'h> {
    hay: &'h str,
    start: usize,
    end: usize,
}

impl<'h> Group<'h> {
    pub(super) fn start(&self) -> usize {
        self.start
    }
    pub(super) fn end(&self) -> usize {
        self.end
    }
    pub(super) fn as_str(&self) -> &'h str {
        &self.hay[self.start..self.end]
    }
}

impl<'h> Caps<'h> {
    /// Group `i` (0 is the whole match), when it took part in the match.
    pub(super) fn get(&self, i: usize) -> Option<Group<'h>> {
        (self.caps.get_group(i)).map(|span| Group {
            hay: self.hay,
            start: span.start,
            end: span.end,
        })
    }
    /// How many groups the pattern has, the whole match included.
    pub(super) fn len(&self) -> usize {
        self.caps.group_len()
    }
}
