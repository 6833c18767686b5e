//! The speakers assigned so far, in text order, for pronouns and follow-ons to look back
//! on: a sorted list that a pass through the text can add to as it goes in time linear in
//! the list's length.
//!
//! A later pass (reported speech after direct quotes) adds entries between the earlier
//! ones. Inserted into one sorted vector, each entry would move every later one, and a
//! long document would cost time growing with the square of its statements. During a
//! pass the entries beyond the pass's reach are kept aside instead, in reverse order,
//! and taken back as the pass moves on; outside a pass every entry is in the list.

use super::speakers::Said;

/// See the module documentation. Reads as the slice of the entries within reach (all of
/// them outside a pass), by position.
pub(crate) struct SaidLog {
    /// The entries before the pass's reach, by position.
    near: Vec<Said>,
    /// The entries from the reach on, last first.
    ahead: Vec<Said>,
}

impl std::ops::Deref for SaidLog {
    type Target = [Said];

    fn deref(&self) -> &[Said] {
        &self.near
    }
}

impl SaidLog {
    pub fn new() -> SaidLog {
        SaidLog {
            near: Vec::new(),
            ahead: Vec::new(),
        }
    }

    /// Starts a pass through the text: only the entries before the position given to
    /// [`SaidLog::reach`] are read until [`SaidLog::end_pass`].
    pub fn start_pass(&mut self) {
        self.end_pass();
        self.ahead = std::mem::take(&mut self.near);
        self.ahead.reverse();
    }

    /// Brings every entry before byte `at` within reach.
    pub fn reach(&mut self, at: usize) {
        while self.ahead.last().is_some_and(|s| s.at < at) {
            self.near.extend(self.ahead.pop());
        }
    }

    /// Ends a pass: every entry is within reach again.
    pub fn end_pass(&mut self) {
        while let Some(s) = self.ahead.pop() {
            self.near.push(s);
        }
    }

    /// Adds `s` after the entries at or before its position.
    pub fn push(&mut self, s: Said) {
        self.reach(s.at + 1);
        let i = self.near.partition_point(|x| x.at <= s.at);
        self.near.insert(i, s);
    }
}

#[cfg(test)]
mod tests {
    use super::super::speakers::Speaker;
    use super::*;

    fn said(at: usize) -> Said {
        Said {
            at,
            paragraph: at / 100,
            speaker: Speaker::Person(at),
        }
    }

    fn positions(log: &SaidLog) -> Vec<usize> {
        log.iter().map(|s| s.at).collect()
    }

    #[test]
    fn a_pass_reads_what_is_within_reach_and_ends_with_every_entry_in_order() {
        let mut log = SaidLog::new();
        for at in [10, 300, 500, 700] {
            log.push(said(at));
        }
        log.start_pass();
        assert!(log.is_empty());
        log.reach(400);
        assert_eq!(positions(&log), [10, 300]);
        log.push(said(350));
        log.push(said(300));
        assert_eq!(positions(&log), [10, 300, 300, 350]);
        // An entry past the reach brings the ones before it within reach.
        log.push(said(600));
        assert_eq!(positions(&log), [10, 300, 300, 350, 500, 600]);
        log.end_pass();
        assert_eq!(positions(&log), [10, 300, 300, 350, 500, 600, 700]);
        // Equal positions keep the order they were added in.
        let people: Vec<_> = log
            .iter()
            .filter(|s| s.at == 300)
            .map(|s| s.paragraph)
            .collect();
        assert_eq!(people.len(), 2);
    }
}
