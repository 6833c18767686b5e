//! Numbers that are not figures: codes and versions, dates and clock times, numbers inside
//! names and addresses, list numbering.

use super::*;

impl Scanner<'_> {
    /// Numbers glued to letters or codes: "IE6", "STS-135", "H.R.1424", "39A", "1990s",
    /// "+44 …", and leading-zero numbers (phone numbers, codes).
    pub(super) fn is_code(&self, c: &Core) -> bool {
        let f = c.first;
        if c.words {
            return false;
        }
        if let Some(p) = self.prev(f)
            && self.attached(f)
        {
            // "USD115" is money; "IE6" a code.
            if self.is_word(p) && self.code_at(p).is_none() {
                return true;
            }
            if self.is_sym(p, "+") {
                return true;
            }
            if (self.is_dash(p)
                || self.is_sym(p, ".")
                || self.is_sym(p, "/")
                || self.is_sym(p, "_"))
                && p > 0
                && self.attached(p)
                && (self.is_word(p - 1) || self.is_num(p - 1))
                && !(self.is_dash(p) && self.word_is(p - 1, "magnitude"))
            {
                return true;
            }
        }
        let raw = self.s(f);
        if raw.len() >= 3 && raw.starts_with('0') && !raw.starts_with("0.") {
            return true;
        }
        // Letters glued after the numeral that are not its scale, ordinal or unit.
        let j = c.last + 1;
        if self.is_word(j) && self.attached(j) && c.last == f {
            let w = self.s(j);
            let lw = self.l(j);
            let unit = LEXICON.units.contains_key(lw)
                || LEXICON.units_exact.contains_key(w)
                || self.code_at(j).is_some();
            if !unit && !is_in(TIME_MARKERS, lw) {
                return true;
            }
        }
        false
    }

    pub(super) fn is_date_or_time(&self, c: &Core) -> bool {
        let f = c.first;
        let j = c.last + 1;
        if c.words {
            return false;
        }
        // Month next to the number: "March 9", "9 March", "12th of March".
        if let Some(p) = self.prev(f) {
            if self.is_month(p) && self.joined(f) {
                return true;
            }
            if self.is_sym(p, ".") && p > 0 && self.is_month(p - 1) {
                return true;
            }
        }
        if self.is_month(j) && self.joined(j) {
            return true;
        }
        if self.word_is(j, "of") && self.is_month(j + 1) {
            return true;
        }
        // Clock times and dates written with separators: 17:15, 10/1/2008, 2025-10-23.
        if self.is_sym(j, ":") && self.attached(j) && self.is_num(j + 1) && self.attached(j + 1) {
            return true;
        }
        if self.is_sym(j, "/") && self.attached(j) && self.is_num(j + 1) && self.is_sym(j + 2, "/")
        {
            return true;
        }
        if c.year_like
            && self.is_dash(j)
            && self.attached(j)
            && self.is_num(j + 1)
            && self.s(j + 1).len() == 2
            && self.is_dash(j + 2)
        {
            return true;
        }
        if self.is_word(j) && self.joined(j) {
            let w = self.l(j);
            if is_in(TIME_MARKERS, w) && !c.ordinal {
                return true;
            }
            // "5 a.m.", "2.40 p.m."
            if (w == "a" || w == "p") && self.is_sym(j + 1, ".") && self.word_is(j + 2, "m") {
                return true;
            }
            if w == "local" && self.word_is(j + 1, "time") {
                return true;
            }
        }
        if let Some(p) = self.prev(f) {
            if self.is_sym(p, ":") && self.attached(f) && p > 0 && self.is_num(p - 1) {
                return true;
            }
            if self.is_sym(p, "/")
                && self.attached(f)
                && p > 0
                && self.is_num(p - 1)
                && p >= 2
                && self.is_sym(p - 2, "/")
            {
                return true;
            }
        }
        false
    }

    /// A number inside a name or identifier: "Class 390", "Internet Explorer 6", "HTML 5",
    /// "page 5", "Route 66", "the 747", an address "10 Downing Street".
    pub(super) fn is_name_part(&self, c: &Core) -> bool {
        let f = c.first;
        if c.words {
            return false;
        }
        if let Some(p) = self.prev(f) {
            if self.is_word(p) && self.joined(f) {
                let w = self.l(p);
                if is_in(IDENTIFIER_NOUNS, w) {
                    return true;
                }
                let common = is_in(NP_STOP, w)
                    || QUALIFIERS
                        .iter()
                        .any(|q| q.split(' ').next_back() == Some(w))
                    || COUNT_LABELS.iter().any(|(l, _)| *l == w)
                    || w == "magnitude"
                    || w == "aged"
                    || LEXICON.number_words.contains_key(w);
                if self.capitalized(p) && !common && !self.in_headline(f) && !self.is_month(p) {
                    return true;
                }
            }
            if self.is_sym(p, ".")
                && p > 0
                && self.is_word(p - 1)
                && is_in(IDENTIFIER_NOUNS, self.l(p - 1))
            {
                return true;
            }
        }
        // An address: number, capitalized words, street word.
        let mut k = c.last + 1;
        let mut caps = 0;
        while caps < 4 && self.capitalized(k) && self.joined(k) {
            if caps > 0 && is_in(STREET_WORDS, self.l(k)) {
                return true;
            }
            caps += 1;
            k += 1;
        }
        false
    }

    /// "1." or "2)" opening a line.
    pub(super) fn is_list_number(&self, c: &Core) -> bool {
        let f = c.first;
        c.last == f
            && self.gap(f) >= Gap::Line
            && (self.is_sym(f + 1, ".") || self.is_sym(f + 1, ")"))
            && self.attached(f + 1)
            && self.gap(f + 2) >= Gap::Space
    }

    /// After a number that is part of a code or date, skip the numbers glued to it.
    pub(super) fn skip_number_run(&self, mut last: usize) -> usize {
        while last + 2 < self.n()
            && self.attached(last + 1)
            && self.kind(last + 1) == Some(TokKind::Sym)
            && !self.is_sym(last + 1, "%")
            && self.attached(last + 2)
            && self.is_num(last + 2)
        {
            last += 2;
        }
        last + 1
    }

    /// A numeral right after another with only a space between ("2 1 Arsenal", a results
    /// table flattened into a line): a cell, not an amount.
    pub(super) fn is_table_cell(&self, c: &Core) -> bool {
        let next = c.last + 1;
        let cell_follows = next >= self.n()
            || self.gap(next) >= Gap::Line
            || self.capitalized(next)
            || self.is_num(next);
        !c.words
            && self.gap(c.first) == Gap::Space
            && self.prev(c.first).is_some_and(|p| self.is_num(p))
            && cell_follows
    }
}
