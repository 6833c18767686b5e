//! Ranges, lists and scores after a number: "8–10", "$1.5-2 billion", "5 to 7 percent",
//! "between 5 and 10", "44 mg to 50 mg", and a bare "2-1" score.

use super::*;

/// Verbs of change: "rose from 5 to 7" states two values, not a range.
const CHANGE_VERBS: &[&str] = &[
    "rose",
    "risen",
    "rise",
    "rises",
    "fell",
    "fallen",
    "fall",
    "falls",
    "increased",
    "decreased",
    "dropped",
    "climbed",
    "jumped",
    "grew",
    "grown",
    "cut",
    "raised",
    "lowered",
    "slipped",
    "surged",
    "soared",
    "plunged",
    "plummeted",
    "declined",
    "shrank",
    "up",
    "down",
    "moved",
    "went",
    "changed",
    "slid",
    "tumbled",
    "sank",
    "gained",
    "lost",
    "revised",
    "reduced",
    "boosted",
    "doubled",
];

/// What follows a number core: nothing special, the second number of a range, a score,
/// or a span of years (a date, so no figure).
pub(super) enum After {
    Plain,
    Range {
        second: Core,
        between: Option<usize>,
    },
    Score(Found),
    Years,
}

impl Scanner<'_> {
    /// "from 40 to 45 percent" is a range, "rose from 40 to 45 percent" a change.
    fn after_change_verb(&self, start: usize) -> bool {
        self.prev(start)
            .is_some_and(|p| self.word_is(p, "from") && p > 0 && is_in(CHANGE_VERBS, self.l(p - 1)))
    }

    /// The token after `c` starts a unit, a percent sign or a counted noun.
    pub(super) fn unit_follows(&self, c: &Core) -> bool {
        let k = c.last + 1;
        let hyphen_unit = self.is_dash(k) && self.attached(k) && self.unit_at(k + 1).is_some();
        self.has_unit_after(c) || hyphen_unit || self.is_sym(k, "%") || self.counted_np(k).is_some()
    }

    /// Reads what follows `core` (whose figure starts at `start`).
    pub(super) fn read_after(&self, core: &Core, start: usize, money: bool) -> After {
        let mut j = core.last + 1;
        // "8- to 16-meter": the first number's unit is left to the second.
        if self.is_dash(j) && self.attached(j) && self.word_is(j + 1, "to") {
            j += 1;
        }
        if let Some(score) = self.dash_score(core, start, money) {
            return After::Score(score);
        }
        if core.ordinal {
            return After::Plain;
        }
        let dash = self.is_dash(j) && self.joined(j);
        let to = self.word_is(j, "to")
            && self.gap(j) == Gap::Space
            && !money
            && !self.after_change_verb(start);
        let between = self.prev(start).filter(|&p| self.word_is(p, "between"));
        let and = self.word_is(j, "and") && between.is_some();
        if !(dash || to || and) {
            return After::Plain;
        }
        let mut k = j + 1;
        // "$1.5-$2 billion"
        if money && self.kind(k) == Some(TokKind::Sym) && self.currency_before(k + 1).is_some() {
            k += 1;
        }
        if !self.joined(k) {
            return After::Plain;
        }
        let Some(c2) = self.core(k, money) else {
            return After::Plain;
        };
        let same_form = c2.words == core.words && !c2.ordinal;
        if same_form
            && c2.value > core.value / core.scale.max(1.0)
            && !(core.year_like && (c2.year_like || c2.digits == 2))
        {
            // "5 to 7" needs a unit after it to be a range; a dash alone does not.
            if !self.is_dash(j) && !self.unit_follows(&c2) {
                return After::Plain;
            }
            let between = if self.word_is(j, "and") {
                between
            } else {
                None
            };
            return After::Range {
                second: c2,
                between,
            };
        }
        if core.year_like || c2.year_like {
            // "2000-2005", "1995 to 1999": a span of years, which is a date.
            return After::Years;
        }
        After::Plain
    }

    /// A bare "2-1" with no unit is a score.
    fn dash_score(&self, core: &Core, start: usize, money: bool) -> Option<Found> {
        let j = core.last + 1;
        if core.words || !core.int || core.value > 200.0 || money || core.ordinal {
            return None;
        }
        if !(self.is_dash(j) && self.joined(j) && self.joined(j + 1)) {
            return None;
        }
        let c2 = self
            .numeral(j + 1, false)
            .filter(|c2| c2.int && c2.value <= 200.0 && c2.last == j + 1)?;
        let aged = self
            .prev(start)
            .is_some_and(|p| matches!(self.l(p), "aged" | "ages" | "age"));
        let glued_on = self.is_dash(c2.last + 1) || self.is_sym(c2.last + 1, "/");
        if self.unit_follows(&c2) || aged || glued_on {
            return None;
        }
        let mut f = self.found(start, c2.last, FigureKind::Score, None, "");
        if self.sports {
            f.unit = "goals".into();
        }
        Some(f)
    }

    /// A range whose ends both carry the unit: "44 mg to 50 mg", "between 5 km and 8 km",
    /// "-18 °C to -34 °C". `f` is the first end; returns it widened to the second.
    /// When the first number has a minus sign (applied to the whole figure later), the
    /// bounds are stored negated so that they come out right.
    pub(super) fn unit_range(&self, mut f: Found, between: bool, first_negative: bool) -> Found {
        if f.value_max.is_some() || f.value.is_none() {
            return f;
        }
        let j = f.last + 1;
        let link = self.is_dash(j) || self.word_is(j, "to") || (between && self.word_is(j, "and"));
        if !link || !self.joined(j) {
            return f;
        }
        let mut k = j + 1;
        let negative = (self.is_sym(k, "-") || self.is_sym(k, "−") || self.word_is(k, "minus"))
            && self.is_num(k + 1);
        if negative {
            k += 1;
        }
        let Some(c2) = self.core(k, false).filter(|c| !c.ordinal && !c.year_like) else {
            return f;
        };
        let Some((u, uend)) = self.unit_at(c2.last + 1) else {
            return f;
        };
        if u.name != f.unit || !self.joined(c2.last + 1) {
            return f;
        }
        let second = if negative { -c2.value } else { c2.value };
        let first = f.value.unwrap_or(second);
        let first = if first_negative { -first } else { first };
        let (lo, hi) = (first.min(second), first.max(second));
        let sign = if first_negative { -1.0 } else { 1.0 };
        f.value = Some(sign * lo);
        f.value_max = Some(sign * hi);
        f.last = uend;
        f
    }
}
