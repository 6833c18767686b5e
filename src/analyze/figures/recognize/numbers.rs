//! Lexing numbers: a numeral with its scale word or ordinal suffix ("46,600", "5.2bn",
//! "33rd", "10 1/2"), a run of number words ("two hundred and fifty", "a dozen"), spelled
//! fractions and ratios ("two-thirds", "one in five") and a minus sign.

use super::*;

impl Scanner<'_> {
    pub(super) fn numeral(&self, i: usize, money: bool) -> Option<Core> {
        let raw = self.s(i);
        if raw.matches('.').count() > 1 {
            return None;
        }
        if raw.contains(',') {
            let mut groups = raw.split('.').next().unwrap_or("").split(',');
            let head = groups.next().unwrap_or("");
            if head.is_empty() || head.len() > 3 || groups.any(|g| g.len() != 3) {
                return None;
            }
        }
        let clean: String = raw.chars().filter(|c| *c != ',').collect();
        let mut value: f64 = clean.parse().ok()?;
        // "10 000": thousands grouped with a space.
        let mut last = i;
        let grouped = raw.len() <= 3
            && raw.bytes().all(|b| b.is_ascii_digit())
            && self.is_num(i + 1)
            && self.gap(i + 1) == Gap::Space
            && self.s(i + 1).len() == 3
            && self.s(i + 1).bytes().all(|b| b.is_ascii_digit())
            && !self.is_num(i + 2)
            && !self.is_sym(i + 2, "/");
        if grouped {
            value = value * 1000.0 + self.s(i + 1).parse::<f64>().ok()?;
            last = i + 1;
        }
        let int = !raw.contains('.');
        let digits = clean.split('.').next().map(str::len).unwrap_or(0);
        let year_like =
            int && !raw.contains(',') && digits == 4 && (1000.0..=2100.0).contains(&value);
        let mut core = Core {
            first: i,
            last,
            value,
            scale: 1.0,
            words: false,
            int,
            ordinal: false,
            year_like,
            digits,
        };
        self.mixed_fraction(&mut core);
        let j = core.last + 1;
        if self.is_word(j) && self.attached(j) && matches!(self.l(j), "st" | "nd" | "rd" | "th") {
            core.ordinal = true;
            core.last = j;
            return Some(core);
        }
        if self.is_word(j) && self.joined(j) {
            let w = self.l(j);
            let scale = LEXICON
                .number_word(w, WordClass::Scale)
                .or_else(|| LEXICON.number_word(w, WordClass::Hundred))
                .or_else(|| {
                    let abbr = LEXICON.number_word(w, WordClass::Abbr)?;
                    // "5m" is five metres unless money is meant; single letters only attached.
                    let single = w.len() == 1;
                    // "1.5m people": a scale when a plural noun follows.
                    let plural_next =
                        self.is_word(j + 1) && self.joined(j + 1) && self.is_plural(self.l(j + 1));
                    if single && (!self.attached(j) || !(money || plural_next)) {
                        return None;
                    }
                    Some(abbr)
                });
            if let Some(scale) = scale {
                core.value *= scale;
                core.scale = scale;
                core.last = j;
                core.year_like = false;
            }
        }
        Some(core)
    }

    /// Number words from `i`: "twenty-five", "two hundred and fifty", "a dozen",
    /// "more than two billion" (the qualifier is found separately).
    pub(super) fn word_number(&self, i: usize) -> Option<Core> {
        let mut j = i;
        let mut total = 0.0;
        let mut current = 0.0;
        let mut last_class: Option<WordClass> = None;
        let mut end = None;
        let mut scale = 1.0;
        if matches!(self.l(i), "a" | "an") && self.is_word(i) {
            let next = i + 1;
            // "a billion-dollar contract": the article belongs to the noun, not the number.
            if self.is_dash(next + 1) && self.attached(next + 1) {
                return None;
            }
            let w = self.l(next);
            let ok = self.is_word(next)
                && self.joined(next)
                && (LEXICON.number_word(w, WordClass::Scale).is_some()
                    || LEXICON.number_word(w, WordClass::Hundred).is_some()
                    || LEXICON.number_word(w, WordClass::Dozen).is_some());
            if !ok {
                return None;
            }
            current = 1.0;
            j = next;
        }
        while j < self.n() && self.is_word(j) {
            if j > i && !self.joined(j) {
                break;
            }
            let w = self.l(j);
            // "two and a half"
            if w == "and"
                && matches!(last_class, Some(WordClass::Unit | WordClass::Tens))
                && self.word_is(j + 1, "a")
                && self.word_is(j + 2, "half")
            {
                current += 0.5;
                end = Some(j + 2);
                break;
            }
            if w == "and" && matches!(last_class, Some(WordClass::Hundred | WordClass::Scale)) {
                let nw = self.l(j + 1);
                if self.is_word(j + 1)
                    && (LEXICON.number_word(nw, WordClass::Unit).is_some()
                        || LEXICON.number_word(nw, WordClass::Tens).is_some())
                {
                    j += 1;
                    continue;
                }
                break;
            }
            if let Some(v) = LEXICON.number_word(w, WordClass::Unit) {
                if matches!(last_class, Some(WordClass::Unit | WordClass::Tens)) {
                    break;
                }
                current += v;
                last_class = Some(WordClass::Unit);
            } else if let Some(v) = LEXICON.number_word(w, WordClass::Tens) {
                if matches!(last_class, Some(WordClass::Unit | WordClass::Tens)) {
                    break;
                }
                current += v;
                last_class = Some(WordClass::Tens);
                // twenty-five
                if self.is_dash(j + 1)
                    && self.attached(j + 1)
                    && self.attached(j + 2)
                    && let Some(u) = LEXICON
                        .number_word(self.l(j + 2), WordClass::Unit)
                        .filter(|u| *u < 10.0)
                {
                    current += u;
                    j += 2;
                    last_class = Some(WordClass::Unit);
                }
            } else if let Some(v) = LEXICON.number_word(w, WordClass::Hundred) {
                if last_class == Some(WordClass::Hundred) {
                    break;
                }
                current = current.max(1.0) * v;
                last_class = Some(WordClass::Hundred);
            } else if let Some(v) = LEXICON.number_word(w, WordClass::Scale) {
                if last_class.is_none() && current == 0.0 {
                    break;
                }
                total += current.max(1.0) * v;
                current = 0.0;
                scale = v;
                last_class = Some(WordClass::Scale);
            } else if let Some(v) = LEXICON.number_word(w, WordClass::Dozen) {
                current = current.max(1.0) * v;
                last_class = Some(WordClass::Dozen);
            } else {
                break;
            }
            end = Some(j);
            j += 1;
        }
        let last = end?;
        Some(Core {
            first: i,
            last,
            value: total + current,
            scale,
            words: true,
            int: (total + current).fract() == 0.0,
            ordinal: false,
            year_like: false,
            digits: 0,
        })
    }

    pub(super) fn core(&self, i: usize, money: bool) -> Option<Core> {
        match self.kind(i)? {
            TokKind::Num => self.numeral(i, money),
            TokKind::Word => self.word_number(i),
            TokKind::Sym => None,
        }
    }

    pub(super) fn word_fraction(&self, i: usize, floor: usize) -> Option<Found> {
        let w = self.l(i);
        let n = self.n();
        let with_qualifier = |mut f: Found| {
            if let Some((q0, q)) = self.qualifier_before(f.first, floor) {
                f.first = q0;
                f.qualifier = Some(q);
            }
            f
        };
        if w == "half" {
            return self.half(i, floor).map(with_qualifier);
        }
        // "two-thirds", "two thirds of", "a third of", "one-quarter", "three quarters"
        let numerator = if matches!(w, "a" | "an") {
            Some(1.0)
        } else {
            LEXICON
                .number_word(w, WordClass::Unit)
                .filter(|v| *v >= 1.0 && *v <= 10.0)
        };
        if let Some(num) = numerator {
            let (k, hyphen) = if self.is_dash(i + 1) && self.attached(i + 1) && self.attached(i + 2)
            {
                (i + 2, true)
            } else {
                (i + 1, false)
            };
            if k < n
                && self.is_word(k)
                && (hyphen || self.joined(k))
                && let Some(den) = LEXICON.number_word(self.l(k), WordClass::Fraction)
            {
                let plural = self.l(k).ends_with('s') || self.l(k) == "halves";
                let of_follows = self.word_is(k + 1, "of");
                let ok = if num > 1.0 {
                    plural
                } else {
                    // "exactly one sixth." at the end of a clause
                    let clause_end = self.is_sym(k + 1, ".") || self.is_sym(k + 1, ";");
                    !plural && (hyphen || of_follows || clause_end) && (den > 2.0 || hyphen)
                };
                if ok {
                    // "one-half miles", "two-thirds of a mile" stay fractions of the unit.
                    let v = Some(num / den);
                    let f = match self
                        .unit_at(k + 1)
                        .filter(|(u, _)| u.kind == UnitKind::Quantity)
                    {
                        Some((u, e)) if self.joined(k + 1) => {
                            self.found(i, e, FigureKind::Quantity, v, u.name)
                        }
                        _ => self.found(i, k, FigureKind::Ratio, v, "fraction"),
                    };
                    return Some(with_qualifier(f));
                }
            }
            // "one in five", "9 out of 10" (spelled)
            if let Some(f) = self.n_in_m(i, num, i) {
                return Some(with_qualifier(f));
            }
        }
        None
    }

    /// "half" alone is a figure only when qualified ("almost half") or followed by what
    /// it is half of ("half of", "half the"); "the second half", "half-time" are not.
    fn half(&self, i: usize, floor: usize) -> Option<Found> {
        let next = self.l(i + 1);
        let prev = self.prev(i).map(|p| self.l(p)).unwrap_or("");
        if self.is_dash(i + 1) && self.attached(i + 1) {
            return None; // half-time, half-brother
        }
        if matches!(
            prev,
            "first"
                | "second"
                | "the"
                | "a"
                | "an"
                | "this"
                | "that"
                | "each"
                | "other"
                | "latter"
                | "former"
                | "one"
                | "and"
                | "final"
                | "opening"
        ) {
            return None;
        }
        let qualified = self.qualifier_before(i, floor).is_some() || prev == "than";
        let follows = self.joined(i + 1)
            && matches!(
                next,
                "of" | "the"
                    | "as"
                    | "its"
                    | "their"
                    | "his"
                    | "her"
                    | "our"
                    | "them"
                    | "those"
                    | "these"
                    | "all"
                    | "that"
            );
        if qualified || follows {
            return Some(self.found(i, i, FigureKind::Ratio, Some(0.5), "fraction"));
        }
        None
    }

    /// "one in five", "1 in 4", "nine out of ten": a ratio.
    pub(super) fn n_in_m(&self, first: usize, num: f64, last_of_num: usize) -> Option<Found> {
        let mut k = last_of_num + 1;
        if self.word_is(k, "in") {
            k += 1;
        } else if self.word_is(k, "out") && self.word_is(k + 1, "of") {
            k += 2;
        } else {
            return None;
        }
        if !self.joined(k) {
            return None;
        }
        let den = self.core(k, false)?;
        if den.ordinal || den.year_like || den.value <= num || !den.int || den.value > 1000.0 {
            return None;
        }
        // "5 in 10 years" is a time span, not a ratio.
        if self.unit_at(den.last + 1).is_some() {
            return None;
        }
        Some(self.found(
            first,
            den.last,
            FigureKind::Ratio,
            Some(num / den.value),
            "fraction",
        ))
    }

    /// A minus sign written before a numeral ("-5 degrees", "−0.3%", "minus 5"), not a
    /// hyphen inside a range or a code.
    pub(super) fn negative_sign(&self, i: usize) -> Option<usize> {
        let p = self.prev(i)?;
        if self.word_is(p, "minus") && self.joined(i) {
            return Some(p);
        }
        if self.attached(i)
            && (self.is_sym(p, "-") || self.is_sym(p, "−"))
            && self.gap(p) >= Gap::Space
        {
            let before = self.prev(p);
            let after_number =
                before.is_some_and(|b| self.is_num(b) || LEXICON.is_cardinal_word(self.l(b)));
            if !after_number {
                return Some(p);
            }
        }
        None
    }

    /// "10 1/2": a whole number and a fraction of it.
    fn mixed_fraction(&self, core: &mut Core) {
        let i = core.last;
        let (n, slash, d) = (i + 1, i + 2, i + 3);
        let shape = core.int
            && self.is_num(n)
            && self.gap(n) == Gap::Space
            && self.is_sym(slash, "/")
            && self.attached(slash)
            && self.is_num(d)
            && self.attached(d)
            && !self.is_sym(d + 1, "/");
        if !shape {
            return;
        }
        let (Ok(num), Ok(den)) = (self.s(n).parse::<f64>(), self.s(d).parse::<f64>()) else {
            return;
        };
        if (2.0..=16.0).contains(&den) && num >= 1.0 && num < den {
            core.value += num / den;
            core.int = false;
            core.year_like = false;
            core.last = d;
        }
    }

    /// A spelled fraction of a scale word: "half a million", "a quarter million",
    /// "three quarters billion".
    pub(super) fn fraction_scale(&self, i: usize) -> Option<Core> {
        let mut k = i;
        let mut num = 1.0;
        if matches!(self.l(k), "a" | "an") {
            k += 1;
        } else if let Some(v) = LEXICON.number_word(self.l(k), WordClass::Unit) {
            num = v;
            k += 1;
        }
        if !self.is_word(k) || (k > i && !self.joined(k)) {
            return None;
        }
        let den = if self.l(k) == "half" {
            2.0
        } else {
            LEXICON.number_word(self.l(k), WordClass::Fraction)?
        };
        let mut s = k + 1;
        if self.word_is(s, "a") {
            s += 1;
        }
        let scale = LEXICON.number_word(self.l(s), WordClass::Scale)?;
        if !self.is_word(s) || !self.joined(s) || num >= den {
            return None;
        }
        Some(Core {
            first: i,
            last: s,
            value: num / den * scale,
            scale,
            words: true,
            int: false,
            ordinal: false,
            year_like: false,
            digits: 0,
        })
    }
}
