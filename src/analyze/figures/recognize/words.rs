//! Spelled figures: "three people", "a dozen", "half", "two-thirds", "fourth place".

use super::*;

const SUPERLATIVE_WORDS: &[&str] = &["best", "worst", "most", "least"];

impl Scanner<'_> {
    /// Spelled figures: "three people", "a dozen", "half", "two-thirds", "fourth place",
    /// "nine-month-old".
    pub(super) fn word_step(&self, i: usize, floor: usize, out: &[Found]) -> Step {
        let w = self.l(i);
        // Every rule below starts from a number word, "half" or "a"/"an"; most words are none.
        if !(matches!(w, "half" | "a" | "an") || LEXICON.is_number_word(w)) {
            return Step::Nothing;
        }
        // "a gallon of milk", "a mile of road": one of a measured unit.
        if matches!(w, "a" | "an")
            && self.joined(i + 1)
            && let Some((u, e)) = self.unit_at(i + 1)
        {
            let measured = u.kind == UnitKind::Quantity && self.s(i + 1).len() > 2;
            if measured && self.word_is(e + 1, "of") {
                return Step::Found(self.found(i, e, FigureKind::Quantity, Some(1.0), u.name));
            }
        }
        // "half a million", "a quarter million dollars"
        if let Some(core) = self.fraction_scale(i)
            && let Some(f) = self.classify(core, floor)
        {
            return Step::Found(f);
        }
        // Ordinal ranks: "fourth place", "third-largest", "second lowest grade".
        if let Some(v) = LEXICON.number_word(w, WordClass::Ordinal)
            && let Some(f) = self
                .ordinal_rank(i, v)
                .filter(|f| self.tag(rules::FIGURES_ORDINAL_RANK, f.first, f.last))
        {
            return Step::Found(f);
        }
        // Fractions: "half", "almost half", "two-thirds", "a third of", "one in five".
        if let Some(f) = self
            .word_fraction(i, floor)
            .filter(|f| self.tag(rules::FIGURES_WORD_FRACTION, f.first, f.last))
        {
            return Step::Found(f);
        }
        if let Some(f) = self.fused_scale(i, w) {
            return Step::Found(f);
        }
        if !(LEXICON.is_cardinal_word(w) || matches!(w, "a" | "an")) {
            return Step::Nothing;
        }
        let Some(core) = self.word_number(i) else {
            return Step::Nothing;
        };
        // "Seven Days", "Three Mile Island": a capitalized number word inside a name.
        if self.in_name(core.first, core.last) {
            return Step::Skip(core.last + 1);
        }
        // "one" alone is an article-like pronoun far more often than a figure ("one of
        // the", "one serious"); keep it only in a list of counts or with a unit.
        let lone_one = core.first == core.last && matches!(w, "one" | "a" | "an");
        match self.classify(core, floor) {
            Some(mut f) => {
                let speech =
                    |f: &Found| self.tag(rules::FIGURES_SKIP_SPEECH_COUNT, f.first, f.last);
                if lone_one
                    && f.kind == FigureKind::Count
                    && !self.coordinated_with_count(f.first, out)
                    && speech(&f)
                {
                    return Step::Skip(core.last + 1);
                }
                // "the two countries": an anaphoric pair, not a figure.
                if core.value <= 2.0
                    && f.qualifier.is_none()
                    && f.kind == FigureKind::Count
                    && let Some(p) = self.prev(core.first)
                    && matches!(self.l(p), "the" | "these" | "those" | "both")
                    && speech(&f)
                {
                    return Step::Skip(core.last + 1);
                }
                // Small spelled counts inside a direct quote are speech, not figures
                // ("two things", "three guys"); measured amounts stay.
                if f.in_quote && f.kind == FigureKind::Count && core.value <= 10.0 && speech(&f) {
                    return Step::Skip(core.last + 1);
                }
                if f.first < floor {
                    f.first = floor.max(core.first);
                }
                // "minus five percent"
                if let Some(p) = self.prev(core.first).filter(|&p| p >= floor)
                    && f.first == core.first
                    && self.word_is(p, "minus")
                {
                    f.first = p;
                    f.value = f.value.map(|v| -v);
                    f.value_max = f.value_max.map(|v| -v);
                }
                Step::Found(f)
            }
            None => Step::Skip(core.last + 1),
        }
    }

    /// "billion-year contract", "million-dollar": a bare scale word fused to a unit.
    fn fused_scale(&self, i: usize, w: &str) -> Option<Found> {
        if let Some(scale) = LEXICON.number_word(w, WordClass::Scale)
            && self.is_dash(i + 1)
            && self.attached(i + 1)
            && self.attached(i + 2)
        {
            let prev_num = self
                .prev(i)
                .is_some_and(|p| self.is_num(p) || LEXICON.is_cardinal_word(self.l(p)));
            if !prev_num {
                if let Some((u, end)) = self.unit_at(i + 2)
                    && matches!(u.kind, UnitKind::Duration | UnitKind::Quantity)
                {
                    return Some(self.found(i, end, FigureKind::Quantity, Some(scale), u.name));
                }
                if let Some((c, end)) = self.currency_after(i + 2)
                    && c.position == CurrencyPosition::Word
                {
                    let code = if c.code == "$" { self.dollar } else { c.code };
                    return Some(self.found(i, end, FigureKind::Money, Some(scale), code));
                }
            }
        }
        None
    }

    /// "two mountain rescue teams and one police helicopter".
    pub(super) fn coordinated_with_count(&self, first: usize, out: &[Found]) -> bool {
        let Some(p) = self.prev(first) else {
            return false;
        };
        if !(self.word_is(p, "and") || self.is_sym(p, ",")) {
            return false;
        }
        out.last().is_some_and(|f| {
            f.kind == FigureKind::Count && f.last + 1 >= p.saturating_sub(1) && f.last < p
        })
    }

    pub(super) fn ordinal_rank(&self, i: usize, v: f64) -> Option<Found> {
        let j = i + 1;
        // "third-largest"
        let (k, hyphen) = if self.is_dash(j) && self.attached(j) && self.attached(j + 1) {
            (j + 1, true)
        } else {
            (j, false)
        };
        if !self.is_word(k) || !(hyphen || self.joined(k)) {
            return None;
        }
        let w = self.l(k);
        let superlative = (w.len() > 4
            && w.ends_with("est")
            && !matches!(
                w,
                "interest"
                    | "protest"
                    | "request"
                    | "contest"
                    | "harvest"
                    | "forest"
                    | "honest"
                    | "modest"
                    | "suggest"
                    | "arrest"
                    | "invest"
                    | "digest"
                    | "manifest"
                    | "conquest"
                    | "behest"
                    | "quest"
            ))
            || is_in(SUPERLATIVE_WORDS, w);
        if is_in(RANK_NOUNS, w) {
            return Some(self.found(i, k, FigureKind::Rank, Some(v), "rank"));
        }
        if superlative {
            let mut last = k;
            if matches!(w, "most" | "least") && self.is_word(k + 1) && self.joined(k + 1) {
                last = k + 1;
            }
            // and the noun it ranks: "second lowest grade", "second-largest copper mine"
            for _ in 0..2 {
                if self.word_ok_in_np(last + 1)
                    && self.joined(last + 1)
                    && !self.capitalized(last + 1)
                {
                    last += 1;
                    if self.is_plural(self.l(last)) {
                        break;
                    }
                } else {
                    break;
                }
            }
            return Some(self.found(i, last, FigureKind::Rank, Some(v), "rank"));
        }
        None
    }

    /// Number words written with capitals, mid-sentence, before a capitalized word.
    fn in_name(&self, first: usize, last: usize) -> bool {
        let starts_sentence = self.gap(first) >= Gap::Line
            || self
                .prev(first)
                .is_none_or(|p| matches!(self.s(p), "." | "!" | "?" | "\"" | "“" | ":"));
        self.capitalized(first)
            && !starts_sentence
            && !self.in_headline(first)
            && self.capitalized(last + 1)
            && self.joined(last + 1)
    }
}
