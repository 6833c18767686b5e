//! Numerals in the token stream: the step that reads a numeral (fractions such as "3/5",
//! signs, exclusions, then [`Scanner::classify`]) and the few frames in which a number
//! with no unit and no noun is still a figure (victims of a verb of harm, "6 dead",
//! "14 of its 22 reactors", an appositive age, a scaled or qualified amount).

use super::*;

/// Verbs whose object count is people: "killing 12", "injured more than 150".
const HARM_VERBS: &[&str] = &[
    "kill",
    "kills",
    "killed",
    "killing",
    "injure",
    "injures",
    "injured",
    "injuring",
    "wound",
    "wounds",
    "wounded",
    "wounding",
    "left",
    "leaving",
    "claimed",
    "claiming",
    "evacuated",
    "evacuating",
    "rescued",
    "arrested",
    "detained",
    "displaced",
    "displacing",
    "employs",
    "employed",
];
/// Denominators written in digit fractions ("3/5", "1/40"); "9/11" or "7/12" read as
/// dates or names, not fractions.
const FRACTION_DENOMINATORS: &[&str] = &[
    "2", "3", "4", "5", "6", "8", "10", "16", "20", "32", "40", "50", "64", "100", "1000",
];
const DETERMINERS: &[&str] = &[
    "its", "the", "their", "his", "her", "our", "these", "those", "all", "your", "my",
];

impl Scanner<'_> {
    pub(super) fn number_step(&self, i: usize, floor: usize) -> Step {
        let step = self.unsigned_number_step(i, floor);
        match (step, self.negative_sign(i)) {
            (Step::Found(mut f), Some(sign))
                if sign >= floor
                    && f.first == i
                    && self.tag(rules::FIGURES_NEGATIVE, sign, f.last) =>
            {
                f.first = sign;
                f.value = f.value.map(|v| -v);
                f.value_max = f.value_max.map(|v| -v);
                Step::Found(f)
            }
            (step, _) => step,
        }
    }

    fn unsigned_number_step(&self, i: usize, floor: usize) -> Step {
        let money_prefix = self.currency_before(i).filter(|(s, _)| *s >= floor);
        let Some(core) = self.numeral(i, money_prefix.is_some()) else {
            // "1.2.3": a version number; skip the whole code.
            return Step::Skip(i + 1);
        };
        let (a, b) = (core.first, core.last);
        if self.is_code(&core) && self.tag(rules::FIGURES_SKIP_CODE, a, b)
            || self.is_date_or_time(&core) && self.tag(rules::FIGURES_SKIP_DATE_OR_TIME, a, b)
            || self.is_list_number(&core)
            || self.is_table_cell(&core)
        {
            return Step::Skip(self.skip_number_run(core.last));
        }
        if self.is_sym(core.last + 1, "/") && self.attached(core.last + 1) {
            return match self.digit_fraction(core, floor) {
                Some(f) => Step::Found(f),
                None => Step::Skip(self.skip_number_run(core.last)),
            };
        }
        if let Some(f) = self
            .n_in_m(i, core.value, core.last)
            .filter(|_| core.int && !core.ordinal && core.scale == 1.0)
            .filter(|f| self.tag(rules::FIGURES_N_IN_M, f.first, f.last))
        {
            return Step::Found(f);
        }
        if self.is_name_part(&core)
            && money_prefix.is_none()
            && !self.has_unit_after(&core)
            && self.tag(rules::FIGURES_SKIP_NAME_PART, a, b)
        {
            return Step::Skip(self.skip_number_run(core.last));
        }
        match self.classify(core, floor) {
            Some(f) => Step::Found(f),
            None => Step::Skip(core.last + 1),
        }
    }

    /// "3/5", "1/4 inch": a fraction, a quantity when a unit follows.
    fn digit_fraction(&self, core: Core, floor: usize) -> Option<Found> {
        let den = self.numeral(core.last + 2, false)?;
        let ok = self.is_num(core.last + 2)
            && self.attached(core.last + 2)
            && core.int
            && den.int
            && is_in(FRACTION_DENOMINATORS, self.s(den.first))
            && core.value < den.value
            && !self.is_sym(den.last + 1, "/")
            && self.tag(rules::FIGURES_SLASH_FRACTION, core.first, den.last);
        if !ok {
            return None;
        }
        let value = Some(core.value / den.value);
        let mut f = match self
            .unit_at(den.last + 1)
            .filter(|(u, _)| u.kind == UnitKind::Quantity)
        {
            Some((u, e)) if self.joined(den.last + 1) => {
                self.found(core.first, e, FigureKind::Quantity, value, u.name)
            }
            _ => self.found(core.first, den.last, FigureKind::Ratio, value, "fraction"),
        };
        if let Some((q0, q)) = self.qualifier_before(core.first, floor) {
            f.first = q0;
            f.qualifier = Some(q);
        }
        Some(f)
    }

    /// A number with no unit and no noun after it: a figure only in a few frames.
    pub(super) fn bare_number(
        &self,
        core: Core,
        start: usize,
        end: usize,
        value: f64,
        qualified: bool,
    ) -> Option<Found> {
        let k = end + 1;
        let p = self.prev(start);
        // "kills 12", "injuring more than 150": the victims of a verb of harm.
        let harm_at = if qualified {
            self.prev(start).and_then(|_| self.prev(start))
        } else {
            p
        };
        let harm = |q: usize| is_in(HARM_VERBS, self.l(q));
        if p.is_some_and(harm) || harm_at.is_some_and(|q| self.is_word(q) && harm(q)) {
            return Some(self.found(start, end, FigureKind::Count, Some(value), "people"));
        }
        // "6 dead", "all six aboard".
        if self.is_word(k) && is_in(PEOPLE_PREDICATES, self.l(k)) && self.joined(k) {
            return Some(self.found(start, k, FigureKind::Count, Some(value), "people"));
        }
        // "14 of its 22 nuclear reactors"
        if self.word_is(k, "of") && core.int {
            let mut m = k + 1;
            while self.is_word(m) && is_in(DETERMINERS, self.l(m)) {
                m += 1;
            }
            let mut np_at = m;
            if let Some(c2) = self.core(m, false) {
                np_at = c2.last + 1;
            }
            if let Some((_, unit)) = self.counted_np(np_at) {
                return Some(self.found(start, end, FigureKind::Count, Some(value), unit));
            }
        }
        // "Attendance: 70,073", "Population 1,200": a label naming what is counted.
        if let Some(p) = p
            && let Some((_, unit)) = COUNT_LABELS.iter().find(|(l, _)| *l == self.l(p))
            && self.is_word(p)
        {
            return Some(self.found(p, end, FigureKind::Count, Some(value), *unit));
        }
        // A market index level: "closed at 10,520", "ended at 2,870".
        if !core.words
            && p.is_some_and(|p| self.word_is(p, "at") && p > 0 && self.closing_verb(p - 1))
        {
            let unit = if self.mentions_points { "points" } else { "" };
            return Some(self.found(start, end, FigureKind::Quantity, Some(value), unit));
        }
        if let Some(f) = self.appositive_age(core, start, end, value) {
            return Some(f);
        }
        // A scaled number stands on its own: "sold 2 million last year".
        if core.scale >= 1000.0 {
            return Some(self.found(start, end, FigureKind::Count, Some(value), ""));
        }
        // A qualified bare number: "as many as 80,000", "about 300".
        if qualified && !core.ordinal {
            return Some(self.found(start, end, FigureKind::Count, Some(value), ""));
        }
        None
    }

    fn closing_verb(&self, i: usize) -> bool {
        matches!(
            self.l(i),
            "closed" | "close" | "ended" | "finished" | "stood" | "opened"
        )
    }

    /// Appositive ages: "Thomas Sam, 42, and"; "(42)" after a name. In a sports report a
    /// bracketed number after a name is the minute of a goal, which is not a figure.
    fn appositive_age(&self, core: Core, start: usize, end: usize, value: f64) -> Option<Found> {
        if core.words || !core.int || !(1.0..=120.0).contains(&value) {
            return None;
        }
        let p = self.prev(start)?;
        let k = end + 1;
        let closes = |m: usize| {
            self.is_sym(m, ",")
                || self.is_sym(m, ")")
                || self.is_sym(m, ";")
                || self.is_sym(m, ".")
                || m >= self.n()
        };
        let age = self.found(start, end, FigureKind::Age, Some(value), "years");
        if self.is_sym(p, ",")
            && p > 0
            && self.capitalized(p - 1)
            && !self.is_month(p - 1)
            && !crate::lexicon::is_weekday(self.l(p - 1))
            && closes(k)
        {
            return Some(age);
        }
        if self.is_sym(p, "(")
            && self.is_sym(k, ")")
            && p > 0
            && self.capitalized(p - 1)
            && !self.sports
        {
            return Some(age);
        }
        None
    }
}
