//! Kinds: decides kind, unit and extent for a number core from the words around it —
//! rank, money, percent, quantity with a unit, age, magnitude, count of a noun — the
//! kind following from the unit the grammar read.

use super::ranges::After;
use super::*;

/// A number core with its left context read: where the figure starts, its qualifier
/// and its value (a range's lower bound).
pub(super) struct Reading {
    pub core: Core,
    pub start: usize,
    pub qual_start: usize,
    pub qualifier: Option<String>,
    pub value: f64,
    pub value_max: Option<f64>,
    /// Last token of the number (or of a range's second number).
    pub end: usize,
    pub year_like: bool,
    pub money: Option<String>,
    pub between: bool,
}

impl Reading {
    /// The qualifier and range bounds put on a figure found for this reading.
    pub fn finish(&self, mut f: Found) -> Found {
        f.first = self.qual_start.min(f.first);
        if f.qualifier.is_none() {
            f.qualifier = self.qualifier.clone();
        }
        f.value_max = f.value_max.or(self.value_max);
        f
    }
}

impl Scanner<'_> {
    /// Decide kind, unit and extent for a number core (with its left context).
    pub(super) fn classify(&self, core: Core, floor: usize) -> Option<Found> {
        let money = if core.words {
            None
        } else {
            self.currency_before(core.first)
                .filter(|(s, _)| *s >= floor)
        };
        let start = money.as_ref().map(|(s, _)| *s).unwrap_or(core.first);
        let (mut value, mut value_max, mut end, mut between) = (core.value, None, core.last, None);
        // "MUSD 60": the code carries a million.
        let mult = match money {
            Some(_) => self.code_at(start).map(|(_, m)| m).unwrap_or(1.0),
            None => 1.0,
        };
        match self.read_after(&core, start, money.is_some()) {
            After::Score(f) => return Some(f),
            After::Years => return None,
            After::Range { second, between: b } => {
                if core.scale == 1.0 && second.scale > 1.0 {
                    value *= second.scale;
                }
                value_max = Some(second.value);
                end = second.last;
                between = b;
            }
            After::Plain => {}
        }
        value *= mult;
        value_max = value_max.map(|v: f64| v * mult);
        let (qual_start, qualifier) = match (between, self.qualifier_before(start, floor)) {
            (Some(b), _) => (b, Some(self.s(b).to_string())),
            (None, Some((q0, q))) => (q0, Some(q)),
            (None, None) => (start, None),
        };
        let r = Reading {
            core,
            start,
            qual_start,
            qualifier,
            value,
            value_max,
            end,
            year_like: core.year_like && value_max.is_none(),
            money: money.map(|(_, code)| code),
            between: between.is_some()
                || self
                    .prev(qual_start)
                    .is_some_and(|p| self.word_is(p, "between")),
        };
        if core.ordinal {
            return self.ordinal_figure(&r).map(|f| r.finish(f));
        }
        if let Some(code) = &r.money {
            let mut f = self.found(start, end, FigureKind::Money, Some(value), code.clone());
            // "$5 billion dollars" / "US$ 20,000": swallow a repeated currency word.
            if let Some((c, last)) = self.currency_after(end + 1)
                && c.position == CurrencyPosition::Word
            {
                f.last = last;
            }
            return Some(r.finish(self.money_tail(f)));
        }
        self.figure_after(&r)
    }

    /// Numeric ordinals: "33rd floor", "his 28th of the campaign", "3rd-largest".
    fn ordinal_figure(&self, r: &Reading) -> Option<Found> {
        let k = r.end + 1;
        let v = Some(r.core.value);
        if self.word_is(k, "century") || self.word_is(k, "centuries") {
            return None;
        }
        if let Some((last, unit)) = self.counted_np(k) {
            if !is_in(RANK_NOUNS, self.l(k)) && !self.ranks_a_thing(k, last) {
                // "30th anniversary", "39th mission": a numbered occasion, not a ranking.
                return None;
            }
            let unit = if is_in(RANK_NOUNS, self.l(k)) {
                "rank".to_string()
            } else {
                unit
            };
            return Some(self.found(r.start, last, FigureKind::Rank, v, unit));
        }
        if self.word_is(k, "of") && !self.is_month(k + 1) {
            return Some(self.found(r.start, r.end, FigureKind::Rank, v, ""));
        }
        if self.is_dash(k) && self.attached(k) {
            return self
                .ordinal_rank(r.core.first, r.core.value)
                .filter(|f| self.tag(rules::FIGURES_ORDINAL_RANK, f.first, f.last));
        }
        None
    }

    /// An ordinal before a noun ranks it when a superlative or "place"-like word is near
    /// ("the 3rd biggest city") or the noun is a step on a measured scale ("33rd floor",
    /// "5th lap"); "the 30th anniversary", "its 39th mission" or "the 14th Amendment"
    /// only number an occasion or name a thing.
    fn ranks_a_thing(&self, first: usize, last: usize) -> bool {
        (first..=last).any(|k| {
            let w = self.l(k);
            let scale_step = LEXICON
                .units
                .get(w)
                .is_some_and(|u| matches!(u.kind, UnitKind::Quantity | UnitKind::Count));
            is_in(RANK_NOUNS, w)
                || scale_step
                || (w.len() > 4 && w.ends_with("est"))
                || matches!(w, "most" | "least")
        })
    }

    /// Everything after the number when no currency came before it.
    fn figure_after(&self, r: &Reading) -> Option<Found> {
        let k = r.end + 1;
        if let Some(f) = self.postfix_currency(r, k) {
            return Some(r.finish(self.money_tail(f)));
        }
        let hyphen_unit = self.is_dash(k) && self.attached(k) && self.attached(k + 1);
        let unit_here = if hyphen_unit {
            self.unit_at(k + 1)
        } else if self.joined(k) {
            self.unit_at(k).or_else(|| self.bracketed_unit(k))
        } else {
            None
        };
        // "a 1,700-strong unit": a count of members.
        if hyphen_unit && self.word_is(k + 1, "strong") && !r.year_like {
            let unit = self
                .counted_np(k + 2)
                .map(|(_, u)| u)
                .unwrap_or_else(|| "people".to_string());
            return Some(r.finish(self.found(
                r.start,
                k + 1,
                FigureKind::Count,
                Some(r.value),
                unit,
            )));
        }
        if let Some(f) = self.age_figure(r, unit_here) {
            return Some(r.finish(f));
        }
        if let Some(f) = self.magnitude_figure(r, k, hyphen_unit) {
            return Some(r.finish(f));
        }
        if let Some((u, uend)) = unit_here {
            return self.unit_figure(r, u, uend).map(|f| r.finish(f));
        }
        if let Some(f) = self.shared_unit(r, k) {
            return Some(r.finish(f));
        }
        let currency_at = if hyphen_unit { k + 1 } else { k };
        if self.joined(k)
            && let Some(f) = self.currency_word_figure(r, currency_at)
        {
            return Some(r.finish(self.money_tail(f)));
        }
        if let Some(f) = self.counted_figure(r, k) {
            return f.map(|f| r.finish(f));
        }
        if r.year_like {
            return None;
        }
        self.bare_number(r.core, r.start, r.end, r.value, r.qualifier.is_some())
            .map(|f| r.finish(f))
    }

    /// Currency written after the number: "20€", "100 USD", "115USD", "30 MUSD", "10 $".
    fn postfix_currency(&self, r: &Reading, k: usize) -> Option<Found> {
        if !self.joined(k) || r.year_like {
            return None;
        }
        let (code, mult) = if self.kind(k) == Some(TokKind::Sym) {
            let c = LEXICON.currencies.get(self.s(k))?;
            // "10 $" only when the sign does not open the next amount ("10 $ 30").
            let opens_next = self.is_num(k + 1) && self.joined(k + 1);
            if c.position != CurrencyPosition::Symbol || (self.s(k) == "$" && opens_next) {
                return None;
            }
            (if c.code == "$" { self.dollar } else { c.code }, 1.0)
        } else {
            self.code_at(k)?
        };
        let mut last = k;
        let mut value = r.value * mult;
        // "75 USD million"
        if let Some(scale) = LEXICON.number_word(self.l(k + 1), WordClass::Scale)
            && self.is_word(k + 1)
            && self.joined(k + 1)
            && mult == 1.0
        {
            value *= scale;
            last = k + 1;
        }
        let mut f = self.found(r.start, last, FigureKind::Money, Some(value), code);
        f.value_max = r.value_max.map(|v| v * mult);
        Some(f)
    }

    /// Ages: "62-year-old", "84 year old", "nine-month-old", "aged 42", "at the age of four".
    fn age_figure(&self, r: &Reading, unit_here: Option<(Unit, usize)>) -> Option<Found> {
        if let Some((u, uend)) = unit_here
            && u.kind == UnitKind::Duration
            && matches!(u.name, "years" | "months" | "weeks" | "days")
        {
            let mut m = uend + 1;
            if self.is_dash(m) && self.attached(m) {
                m += 1;
            }
            if self.word_is(m, "old") && self.joined(m) {
                return Some(self.found(r.start, m, FigureKind::Age, Some(r.value), u.name));
            }
        }
        let p = self.prev(r.qual_start)?;
        let aged = matches!(self.l(p), "aged" | "ages" | "age")
            || (self.word_is(p, "of") && p >= 1 && self.word_is(p - 1, "age"));
        if !aged || r.year_like || r.value > 130.0 {
            return None;
        }
        let (last, unit) = match unit_here {
            Some((u, uend)) if u.kind == UnitKind::Duration => (uend, u.name),
            _ => (r.end, "years"),
        };
        let first = if self.word_is(p, "aged") { p } else { r.start };
        Some(self.found(first, last, FigureKind::Age, Some(r.value), unit))
    }

    /// Magnitudes: "a 5.6 magnitude", "magnitude 6.2", "a magnitude of 4.1".
    fn magnitude_figure(&self, r: &Reading, k: usize, hyphen_unit: bool) -> Option<Found> {
        if r.core.words || r.year_like {
            return None;
        }
        let v = Some(r.value);
        if self.word_is(k, "magnitude") && self.joined(k)
            || (hyphen_unit && self.word_is(k + 1, "magnitude"))
        {
            let last = if hyphen_unit { k + 1 } else { k };
            return Some(self.found(r.start, last, FigureKind::Quantity, v, "magnitude"));
        }
        let p = self.prev(r.qual_start)?;
        let p2 = if self.word_is(p, "of") || self.is_dash(p) {
            p.checked_sub(1)?
        } else {
            p
        };
        self.word_is(p2, "magnitude")
            .then(|| self.found(p2, r.end, FigureKind::Quantity, v, "magnitude"))
    }

    /// A number with a unit from the table: percent, duration, quantity, count.
    fn unit_figure(&self, r: &Reading, u: Unit, uend: usize) -> Option<Found> {
        let v = Some(r.value);
        let kind = match u.kind {
            UnitKind::Furniture => return None,
            UnitKind::Percent => FigureKind::Percent,
            UnitKind::Count => FigureKind::Count,
            UnitKind::Duration => {
                let after = self.l(uend + 1);
                // "five years ago": a point in time.
                if matches!(after, "ago" | "later" | "earlier" | "previously") || r.year_like {
                    return None;
                }
                // "in the 20th minute", "on 12 minutes": a moment in a match, not an amount.
                let moment = u.name == "minutes"
                    && r.qualifier.is_none()
                    && self.sports
                    && self
                        .prev(r.start)
                        .is_some_and(|p| matches!(self.l(p), "on" | "at" | "after"));
                if moment {
                    return None;
                }
                FigureKind::Quantity
            }
            UnitKind::Quantity => {
                // "one point" is not a score of points; "a point" neither.
                if (r.core.words && r.value <= 1.0 && u.name == "points") || r.year_like {
                    return None;
                }
                FigureKind::Quantity
            }
        };
        let f = self.found(r.start, uend, kind, v, u.name);
        let f = self.compound_unit(f);
        let first_negative = self.negative_sign(r.core.first).is_some();
        let f = self.unit_range(f, r.between, first_negative);
        Some(self.paired_unit(f))
    }

    /// A number whose unit is written once after the next: "45 and 50 mg", "5 or 6
    /// percent"; and a bare "in" after a measure at the end of a clause ("2 in.",
    /// "a 4 in long blade").
    fn shared_unit(&self, r: &Reading, k: usize) -> Option<Found> {
        if r.core.words || r.year_like || r.value_max.is_some() {
            return None;
        }
        if self.word_is(k, "in") && self.joined(k) {
            let next = k + 1;
            let clause_end = next >= self.n()
                || self.gap(next) >= Gap::Line
                || (self.is_sym(next, ".") && self.gap(next + 1) >= Gap::Line);
            let dimension = matches!(
                self.l(next),
                "thick" | "long" | "wide" | "tall" | "deep" | "high"
            );
            if clause_end || dimension {
                return Some(self.found(r.start, k, FigureKind::Quantity, Some(r.value), "inches"));
            }
        }
        if !(self.word_is(k, "and") || self.word_is(k, "or")) || !self.is_num(k + 1) {
            return None;
        }
        let c2 = self
            .numeral(k + 1, false)
            .filter(|c| !c.ordinal && !c.year_like)?;
        let (u, _) = self
            .unit_at(c2.last + 1)
            .filter(|_| self.joined(c2.last + 1))?;
        let kind = match u.kind {
            UnitKind::Percent => FigureKind::Percent,
            UnitKind::Quantity | UnitKind::Duration => FigureKind::Quantity,
            UnitKind::Count => FigureKind::Count,
            UnitKind::Furniture => return None,
        };
        Some(self.found(r.start, r.end, kind, Some(r.value), u.name))
    }

    /// Currency names after the number: "660 billion dollars", "four cents", "5 billion yuan".
    fn currency_word_figure(&self, r: &Reading, at: usize) -> Option<Found> {
        let (c, cend) = self.currency_after(at)?;
        let code = if c.code == "$" { self.dollar } else { c.code };
        let v = match c.position {
            CurrencyPosition::Minor => r.value / 100.0,
            CurrencyPosition::Word => {
                let lw = self.l(at);
                // "won" is the verb far more often than the currency; "pounds" are weight
                // unless the article writes "£" or "sterling".
                let doubtful = (lw == "won" && r.core.scale == 1.0)
                    || (matches!(lw, "pound" | "pounds")
                        && r.core.scale == 1.0
                        && (self.word_is(cend + 1, "of")
                            || !self.text.contains('£') && !self.lower.contains("sterling")));
                if doubtful || r.year_like {
                    return None;
                }
                r.value
            }
            _ => return None,
        };
        let mut f = self.found(r.start, cend, FigureKind::Money, Some(v), code);
        if c.position == CurrencyPosition::Minor {
            f.value_max = r.value_max.map(|m| m / 100.0);
        }
        Some(f)
    }

    /// A counted noun phrase: "1,200 people", "three newer versions". `Some(None)` when
    /// the number is a year before a noun ("in 2009 elections", "below 1990 levels").
    fn counted_figure(&self, r: &Reading, k: usize) -> Option<Option<Found>> {
        let (last, unit) = self.counted_np(k)?;
        let head = unit.rsplit(' ').next().unwrap_or("").to_string();
        if r.year_like {
            let dated = self.prev(r.start).is_some_and(|p| {
                matches!(
                    self.l(p),
                    "in" | "since"
                        | "the"
                        | "from"
                        | "by"
                        | "until"
                        | "during"
                        | "after"
                        | "before"
                        // "below 2005 levels", "its 2015 report": a year that dates the
                        // noun after it.
                        | "below"
                        | "above"
                        | "its"
                        | "their"
                        | "his"
                        | "her"
                        | "our"
                        | "this"
                        | "that"
                )
            });
            // Edited news writes counts from 1,000 up with a comma, so a bare number that
            // reads as a recent year dates the noun ("2016 candidates", "2012 voters")
            // unless a qualifier makes it an amount ("about 2000 people").
            let recent_year = r.qualifier.is_none() && (1900.0..=2100.0).contains(&r.value);
            if !self.is_plural(&head) || dated || recent_year {
                return Some(None);
            }
        }
        let v = Some(r.value);
        // A head noun that is itself a unit ("15 IQ points").
        if let Some(u) = LEXICON.units.get(head.as_str())
            && (u.kind == UnitKind::Quantity || u.kind == UnitKind::Duration)
        {
            return Some(Some(self.found(
                r.start,
                last,
                FigureKind::Quantity,
                v,
                unit,
            )));
        }
        Some(Some(self.found(r.start, last, FigureKind::Count, v, unit)))
    }
}
