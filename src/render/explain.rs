//! The `newsdesk extract --explain FILE` listing: every quote, figure, person,
//! organization, place and date, each followed by the rules that produced and typed it
//! (names and one-line descriptions from `analyze::rules`), and `newsdesk rules`, the
//! registry itself.

use crate::analyze::rules::{self, RULES};
use crate::model::{Analysis, Document, QuoteKind, RuleSet};
use std::fmt::Write;

/// Longest excerpt of a finding's text shown on its line.
const EXCERPT_CHARS: usize = 100;

pub fn explain_report(doc: &Document, a: &Analysis) -> String {
    let mut out = String::new();
    for q in &a.quotes {
        let kind = match q.kind {
            QuoteKind::Direct => "direct",
            QuoteKind::Indirect => "indirect",
        };
        let line = format!(
            "quote ({kind}) by {}: “{}”",
            q.speaker_label(),
            excerpt(doc.slice(q.text))
        );
        finding(&mut out, &line, &q.rules);
    }
    for f in &a.figures {
        let line = format!("figure [{}]: {}", f.kind.as_str(), doc.slice(f.text));
        finding(&mut out, &line, &f.rules);
    }
    for p in &a.people {
        let role = if p.role.is_empty() {
            String::new()
        } else {
            format!(" ({})", p.role)
        };
        finding(&mut out, &format!("person: {}{role}", p.name), &p.rules);
    }
    for o in &a.organizations {
        finding(&mut out, &format!("organization: {}", o.name), &o.rules);
    }
    for p in &a.places {
        finding(&mut out, &format!("place: {}", p.name), &p.rules);
    }
    for d in &a.dates {
        let value = d.value.as_deref().unwrap_or("unresolved");
        let line = format!("date: {} = {value}", doc.slice(d.text));
        finding(&mut out, &line, &d.rules);
    }
    if out.is_empty() {
        out.push_str("nothing found\n");
    }
    out
}

fn finding(out: &mut String, line: &str, set: &RuleSet) {
    let _ = writeln!(out, "{line}");
    if set.is_empty() {
        let _ = writeln!(out, "    (no rule recorded)");
    }
    for id in set.iter() {
        let r = rules::rule(id);
        let _ = writeln!(out, "    {:<34} {}", r.name, r.doc);
    }
}

/// The registry as a table: name, where it is applied, description.
pub fn rules_listing() -> String {
    let mut out = String::new();
    for r in RULES {
        let on = if rules::enabled(r.id) { "" } else { "  [off]" };
        let _ = writeln!(out, "{:<34} {}{on}\n    {}", r.name, r.doc, r.site);
    }
    let _ = writeln!(out, "{} rules", RULES.len());
    out
}

fn excerpt(s: &str) -> String {
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if s.chars().count() <= EXCERPT_CHARS {
        s
    } else {
        let cut: String = s.chars().take(EXCERPT_CHARS).collect();
        format!("{}…", cut.trim_end())
    }
}
