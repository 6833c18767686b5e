//! Reading units and currencies around a number: a currency symbol or code before it
//! ("US$", "€", "Rs."), a unit or currency name after it ("km", "per cent", "dollars"),
//! and the qualifier before it ("more than", "about").

use super::*;

impl Scanner<'_> {
    /// A currency written before the number: "$", "US$", "HK$ ", "€", "USD ", "Rs. ".
    pub(super) fn currency_before(&self, first: usize) -> Option<(usize, String)> {
        let p = self.prev(first)?;
        if !self.joined(first) {
            return None;
        }
        if self.kind(p) == Some(TokKind::Sym) {
            let sym = self.s(p);
            let cur = LEXICON
                .currencies
                .get(sym)
                .filter(|c| c.position == CurrencyPosition::Symbol)?;
            if sym == "$" {
                if let Some(pp) = self.prev(p)
                    && self.is_word(pp)
                    && self.attached(p)
                {
                    let key = format!("{}$", self.s(pp));
                    if let Some(c) = LEXICON.currencies.get(key.as_str()) {
                        return Some((pp, c.code.to_string()));
                    }
                }
                return Some((p, self.dollar.to_string()));
            }
            return Some((p, cur.code.to_string()));
        }
        // "Rs. 500"
        let (code_tok, start) = if self.is_sym(p, ".") {
            (p.checked_sub(1)?, p.checked_sub(1)?)
        } else {
            (p, p)
        };
        if self.is_word(code_tok) {
            if let Some(c) = LEXICON.currencies.get(self.s(code_tok))
                && c.position == CurrencyPosition::Code
            {
                return Some((start, c.code.to_string()));
            }
            // "MUSD 60": millions of the currency.
            if let Some((c, _)) = self.code_at(code_tok) {
                return Some((start, c.to_string()));
            }
        }
        None
    }

    /// A qualifier ending just before token `start`; returns its first token and text.
    pub(super) fn qualifier_before(&self, start: usize, floor: usize) -> Option<(usize, String)> {
        for len in [3usize, 2, 1] {
            let Some(first) = start.checked_sub(len) else {
                continue;
            };
            if first < floor {
                continue;
            }
            if !(first..start).all(|k| self.is_word(k)) {
                continue;
            }
            if !(first + 1..=start).all(|k| self.joined(k)) {
                continue;
            }
            let phrase: Vec<&str> = (first..start).map(|k| self.l(k)).collect();
            let phrase = phrase.join(" ");
            if QUALIFIERS.contains(&phrase.as_str()) {
                let text = &self.text[self.toks[first].start..self.toks[start - 1].end];
                return Some((first, text.to_string()));
            }
        }
        None
    }

    /// A unit from the table starting at token `j` (one to three words, or a symbol such
    /// as `°C`); returns the unit and its last token.
    pub(super) fn unit_at(&self, j: usize) -> Option<(Unit, usize)> {
        if self.is_sym(j, "°") && self.is_word(j + 1) && self.attached(j + 1) {
            let key = format!("°{}", self.s(j + 1));
            if let Some(u) = LEXICON.units_exact.get(key.as_str()) {
                return Some((*u, j + 1));
            }
        }
        if self.is_sym(j, "%") {
            return Some((
                Unit {
                    name: "%",
                    kind: UnitKind::Percent,
                },
                j,
            ));
        }
        if !self.is_word(j) {
            return None;
        }
        // A form written with capitals ("MB", "MWh") is read as written before any
        // lowercase form ("mb") is tried.
        let exact = LEXICON
            .units_exact
            .get(self.s(j))
            .filter(|_| self.s(j).len() > 1);
        // One buffer for the longer phrases tried.
        let mut joined = String::new();
        for len in (1..=LEXICON.max_unit_words).rev() {
            if len == 1
                && let Some(u) = exact
            {
                return Some((*u, j));
            }
            let end = j + len - 1;
            if end >= self.n()
                || !(j..=end).all(|k| self.is_word(k))
                || !(j + 1..=end).all(|k| self.joined(k))
            {
                continue;
            }
            // The words lower-cased and joined by spaces; one word is read in place.
            let phrase = if len == 1 {
                self.l(j)
            } else {
                joined.clear();
                // Room for a phrase of a few words at once.
                joined.reserve(32);
                for k in j..=end {
                    if k > j {
                        joined.push(' ');
                    }
                    joined.push_str(self.l(k));
                }
                joined.as_str()
            };
            // "km2", "km²": the square of a length unit.
            let squared = (self.is_sym(end + 1, "²")
                || (self.is_num(end + 1) && self.s(end + 1) == "2"))
                && self.attached(end + 1);
            if squared && let Some(u) = LEXICON.units.get(&format!("sq {phrase}")) {
                return Some((*u, end + 1));
            }
            if let Some(u) = LEXICON.units.get(phrase) {
                // "m" alone is a metre only right after a numeral.
                if len == 1
                    && phrase.len() == 1
                    && !self.attached(j)
                    && self.is_word(j + 1)
                    && self.joined(j + 1)
                {
                    continue;
                }
                return Some((*u, end));
            }
        }
        let w = self.s(j);
        if w.len() == 1 && !self.attached(j) {
            return None;
        }
        LEXICON.units_exact.get(w).map(|u| (*u, j))
    }

    /// A currency name after the number: "dollars", "Australian dollars", "yuan", "cents".
    pub(super) fn currency_after(&self, j: usize) -> Option<(Currency, usize)> {
        for len in (1..=LEXICON.max_currency_words).rev() {
            let end = j + len - 1;
            if end >= self.n() || !(j..=end).all(|k| self.is_word(k) || self.is_sym(k, ".")) {
                continue;
            }
            if !(j..=end).all(|k| self.joined(k)) {
                continue;
            }
            if len == 1 {
                // One word (or period) is read in place.
                if let Some(c) = LEXICON.currency_words.get(self.l(j)) {
                    return Some((*c, end));
                }
                continue;
            }
            let mut phrase = String::new();
            for k in j..=end {
                let after_word = !phrase.is_empty() && !phrase.ends_with('.');
                let after_abbreviation = phrase.ends_with('.') && k > j && !self.attached(k);
                if self.is_word(k) && (after_word || after_abbreviation) {
                    phrase.push(' ');
                }
                phrase.push_str(self.l(k));
            }
            if let Some(c) = LEXICON.currency_words.get(&phrase) {
                return Some((*c, end));
            }
        }
        None
    }

    pub(super) fn has_unit_after(&self, c: &Core) -> bool {
        let j = c.last + 1;
        self.unit_at(j)
            .is_some_and(|(u, _)| u.kind != UnitKind::Furniture)
            || self.currency_after(j).is_some()
    }

    /// A currency code as a word: "USD", "EUR", and the finance shorthand for millions
    /// "MUSD", "MEUR". Returns the ISO code and the multiplier.
    pub(super) fn code_at(&self, k: usize) -> Option<(&'static str, f64)> {
        if !self.is_word(k) {
            return None;
        }
        let w = self.s(k);
        let code = |w: &str| {
            LEXICON
                .currencies
                .get(w)
                .filter(|c| c.position == CurrencyPosition::Code && w.len() == 3)
                .map(|c| c.code)
        };
        if let Some(c) = code(w) {
            return Some((c, 1.0));
        }
        let rest = w.strip_prefix('M').filter(|r| r.len() == 3)?;
        code(rest).map(|c| (c, 1e6))
    }

    /// The cents of an amount: "3 dollars 50 cents", "thirteen dollars and forty-five
    /// cents", "15 USD 50". `f` is money ending at its currency; returns it widened.
    pub(super) fn money_tail(&self, mut f: Found) -> Found {
        let Some(v) = f.value else { return f };
        if f.value_max.is_some() || !self.is_word(f.last) {
            return f;
        }
        let mut k = f.last + 1;
        if self.word_is(k, "and") {
            k += 1;
        }
        if !self.joined(k) || self.in_quote.get(k) != self.in_quote.get(f.first) {
            return f;
        }
        // The tail follows a main unit ("dollars", "USD"), never cents.
        let minor = LEXICON
            .currency_words
            .get(self.l(f.last))
            .is_some_and(|c| c.position == CurrencyPosition::Minor);
        if minor || matches!(self.l(k), "a" | "an") {
            return f;
        }
        let Some(c) = self.core(k, false) else {
            return f;
        };
        if c.ordinal || c.year_like || c.value >= 100.0 || c.value < 1.0 || !c.int {
            return f;
        }
        if let Some((cur, cend)) = self.currency_after(c.last + 1) {
            if cur.position == CurrencyPosition::Minor {
                f.value = Some(v + c.value / 100.0);
                f.last = cend;
            }
            return f;
        }
        let next = c.last + 1;
        let more_follows = self.is_word(next) && self.joined(next) && !is_in(NP_STOP, self.l(next));
        if self.unit_follows(&c) || more_follows || self.is_num(next) {
            return f;
        }
        f.value = Some(v + c.value / 100.0);
        f.last = c.last;
        f
    }

    /// A unit in brackets right after the number: "20 (kg)", "20 [kg]".
    pub(super) fn bracketed_unit(&self, k: usize) -> Option<(Unit, usize)> {
        let close = match self.s(k) {
            "(" => ")",
            "[" => "]",
            "{" => "}",
            "<" => ">",
            _ => return None,
        };
        let (u, e) = self.unit_at(k + 1)?;
        (self.is_sym(e + 1, close) && u.kind != UnitKind::Furniture).then_some((u, e + 1))
    }

    /// The minor unit of a two-unit measure: "5 ft 2 in", "5 feet and 2 inches",
    /// "2 hours 30 minutes". `f` is the first part; returns it widened.
    pub(super) fn compound_unit(&self, mut f: Found) -> Found {
        let Some(v) = f.value else { return f };
        let Some(&(_, minor, ratio)) = COMPOUND_UNITS.iter().find(|(major, _, _)| *major == f.unit)
        else {
            return f;
        };
        let mut k = f.last + 1;
        if self.word_is(k, "and") {
            k += 1;
        }
        if !self.is_num(k) || !self.joined(k) {
            return f;
        }
        let Some(c) = self
            .numeral(k, false)
            .filter(|c| c.value < ratio && !c.ordinal)
        else {
            return f;
        };
        let u = c.last + 1;
        let end = match self.unit_at(u) {
            Some((unit, e)) if unit.name == minor => e,
            // "in" and the inch mark are read as inches only after feet.
            _ if minor == "inches" && (self.word_is(u, "in") || self.is_sym(u, "\"")) => u,
            _ => return f,
        };
        if !self.joined(u) {
            return f;
        }
        f.value = Some(v + c.value / ratio);
        f.last = end;
        f
    }

    /// A measure restated in other units in brackets is one figure: "6 feet (1.8 m)",
    /// "300 miles (480 km)", "10 miles (km)".
    pub(super) fn paired_unit(&self, mut f: Found) -> Found {
        if f.kind != FigureKind::Quantity || !self.is_sym(f.last + 1, "(") {
            return f;
        }
        let k = f.last + 2;
        let unit_from = match self.core(k, false) {
            Some(c) if !c.words && !c.ordinal => c.last + 1,
            Some(_) => return f,
            None => k,
        };
        let Some((u, e)) = self.unit_at(unit_from) else {
            return f;
        };
        if matches!(u.kind, UnitKind::Quantity | UnitKind::Duration) && self.is_sym(e + 1, ")") {
            f.last = e + 1;
        }
        f
    }
}

/// Two-unit measures: (major unit, minor unit, minor units per major unit), with the
/// unit names the unit tables report.
const COMPOUND_UNITS: &[(&str, &str, f64)] = &[
    ("feet", "inches", 12.0),
    ("lb", "oz", 16.0),
    ("hours", "minutes", 60.0),
    ("minutes", "s", 60.0),
    ("m", "cm", 100.0),
];
