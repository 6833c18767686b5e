//! Quotes and their attribution: direct quotes (every mark style, nested, partial,
//! multi-sentence, cross-paragraph and split quotes) and indirect statements, each
//! with a resolved speaker (person or group), the speaker's role, the verbatim
//! statement span, its cue and its sentence. Speakers who are people and were missed
//! by the people stage are added to `people`.
//!
//! Modules: `marks` finds quoted segments, `context` is the token view with sentences
//! and noun-phrase walks, `attribution` holds the patterns, `speakers` resolves who.

mod attribution;
mod context;
pub mod marks;
mod speakers;

use crate::analyze::people::tokens::TokenView;
use crate::analyze::rules;
use crate::model::{Document, Person, Quote, QuoteKind, Span};
use context::Ctx;
use speakers::{Said, Speaker};

/// Finds statements and their speakers; speakers that are people and not yet in
/// `people` are added there.
pub fn extract(doc: &Document, people: &mut Vec<Person>) -> Vec<Quote> {
    extract_from(doc, &TokenView::new(&doc.text, &doc.paragraphs), people)
}

/// [`extract`] on the tokens the people stage made.
pub fn extract_from(doc: &Document, view: &TokenView, people: &mut Vec<Person>) -> Vec<Quote> {
    let segs = marks::scan(&doc.text, &doc.paragraphs);
    let mut ctx = Ctx::new(doc, view, people, segs);
    let mut log: Vec<Said> = Vec::new();
    let mut found: Vec<(Span, Speaker, QuoteKind, Option<usize>)> = Vec::new();
    let mut used_cues: std::collections::HashSet<usize> = std::collections::HashSet::new();

    // Direct quotes, chained across paragraphs.
    let n = ctx.segs.len();
    let mut seg_speaker: Vec<Option<Speaker>> = vec![None; n];
    let mut si = 0;
    while si < n {
        let mut chain = vec![si];
        while chain
            .last()
            .is_some_and(|&l| l + 1 < n && ctx.segs[l + 1].continues)
        {
            chain.push(chain[chain.len() - 1] + 1);
        }
        si = chain[chain.len() - 1] + 1;
        let head = chain[0];
        let head_span = ctx.segs[head].inner;
        if ctx.segs[head].single && ctx.word_count(head) < 2
            || ctx.is_naming(head) && rules::fire(rules::QUOTES_SKIP_NAMING, head_span)
        {
            continue;
        }
        let mut hit = None;
        for &c in &chain {
            if let Some(f) = ctx.after_attribution(c, &log) {
                hit = Some(f);
                break;
            }
        }
        if hit.is_none() {
            hit = ctx.before_attribution(head, &log);
        }
        // Verbs that introduce a quote do not also report an indirect statement.
        if let Some(c) = hit.as_ref().and_then(|f| f.cue) {
            used_cues.insert(c);
        }
        if hit.is_none() {
            hit = ctx.governing_attribution(head, &log);
        }
        if hit.is_none()
            && ctx.names_a_work(head)
            && rules::fire(rules::QUOTES_SKIP_WORK_TITLE, head_span)
        {
            continue;
        }
        if hit.is_none() && ctx.word_count(head) >= 4 {
            hit = follow_on(doc, &ctx, head, &seg_speaker)
                .filter(|_| rules::fire(rules::QUOTES_FOLLOW_ON, head_span))
                .map(|speaker| attribution::Found { speaker, cue: None });
        }
        if hit.is_none() && ctx.word_count(head) >= 6 {
            hit = introduced_by(&ctx, head)
                .filter(|_| rules::fire(rules::QUOTES_INTRODUCED_BY, head_span))
                .map(|speaker| attribution::Found { speaker, cue: None });
        }
        let Some(f) = hit else { continue };
        for &c in &chain {
            seg_speaker[c] = Some(f.speaker.clone());
            let seg = ctx.segs[c];
            push_log(
                &mut log,
                Said {
                    at: seg.inner.start,
                    paragraph: seg.paragraph,
                    speaker: f.speaker.clone(),
                },
            );
            found.push((seg.inner, f.speaker.clone(), QuoteKind::Direct, f.cue));
        }
    }

    // Indirect statements.
    let mut covered_until = 0usize;
    let mut covered_by: Option<Speaker> = None;
    let mut partial_in_clause: Vec<(usize, Speaker, Option<usize>)> = Vec::new();
    for k in 0..ctx.toks.len() {
        if ctx.in_quote[k].is_some() || !ctx.is_word(k) || used_cues.contains(&k) {
            continue;
        }
        let lw = ctx.lw(k);
        let hit = if lw == "according" {
            ctx.according_to(k, &log)
        } else if crate::analyze::people::lexicon::LEX
            .speech_verb(lw)
            .is_some()
        {
            ctx.indirect_at(k, &log)
        } else {
            None
        };
        let Some((f, cs, ce)) = hit else { continue };
        let span = Span::new(ctx.toks[cs].start, ctx.toks[ce].end);
        // An inverted or "according to" clause already reported by an earlier cue.
        if cs < k && span.start < covered_until {
            continue;
        }
        // A cue inside a clause already reported ("The authors say the results confirm
        // …") is part of that statement, unless the same speaker speaks again
        // ("…, which he says would lead to less violence").
        if ctx.toks[k].start < covered_until && covered_by.as_ref() != Some(&f.speaker) {
            continue;
        }
        if span.end > covered_until {
            covered_until = span.end;
            covered_by = Some(f.speaker.clone());
        }
        // "Nasdaq says that all trades … “or immediately prior” are cancelled": a partial
        // quote that cuts the reported clause short is the same speaker's words.
        let quoted_next = (ce + 1..(ce + 4).min(ctx.toks.len())).find_map(|j| ctx.in_quote[j]);
        if let Some(si) = quoted_next.filter(|&si| ctx.same_sent(ctx.open_tok(si), ce)) {
            partial_in_clause.push((si, f.speaker.clone(), f.cue));
        }
        push_log(
            &mut log,
            Said {
                at: span.start,
                paragraph: ctx.para[cs],
                speaker: f.speaker.clone(),
            },
        );
        // "<clause>, Roe said, <clause>.": the statement goes on after the attribution.
        if ce < k
            && let Some((ts, te)) = ctx.tail_after(k)
        {
            let tail = Span::new(ctx.toks[ts].start, ctx.toks[te].end);
            covered_until = covered_until.max(tail.end);
            found.push((tail, f.speaker.clone(), QuoteKind::Indirect, f.cue));
        }
        found.push((span, f.speaker, QuoteKind::Indirect, f.cue));
    }

    for (si, speaker, cue) in partial_in_clause {
        let seg = ctx.segs[si];
        let unclaimed = seg_speaker[si].is_none();
        if unclaimed
            && !ctx.is_naming(si)
            && !ctx.names_a_work(si)
            && !(seg.single && ctx.word_count(si) < 2)
            && rules::fire(rules::QUOTES_PARTIAL_IN_CLAUSE, seg.inner)
        {
            seg_speaker[si] = Some(speaker.clone());
            found.push((seg.inner, speaker, QuoteKind::Direct, cue));
        }
    }

    found.sort_by_key(|(s, ..)| s.start);
    let quotes: Vec<Quote> = found
        .into_iter()
        .map(|(span, sp, kind, cue)| {
            let (speaker, aliases, role) = ctx.describe(&sp);
            Quote {
                speaker,
                aliases,
                role,
                text: span,
                kind,
                cue: cue.map(|c| Span::new(ctx.toks[c].start, ctx.toks[c].end)),
                sentence: doc.sentence_at(span.start).unwrap_or(0),
                rules: Default::default(),
            }
        })
        .collect();
    *people = ctx.people;
    quotes
}

fn push_log(log: &mut Vec<Said>, s: Said) {
    let i = log.partition_point(|x| x.at <= s.at);
    log.insert(i, s);
}

/// An unattributed quote right after an attributed one (same paragraph, or opening the
/// next paragraph) belongs to the same speaker, unless someone else is named between.
fn follow_on(
    doc: &Document,
    ctx: &Ctx,
    si: usize,
    seg_speaker: &[Option<Speaker>],
) -> Option<Speaker> {
    let prev = si.checked_sub(1)?;
    let sp = seg_speaker[prev].clone()?;
    let (a, b) = (ctx.segs[prev], ctx.segs[si]);
    let o = ctx.open_tok(si);
    let starts_paragraph = o == 0 || ctx.para[o - 1] != ctx.para[o];
    // Picture captions between the two paragraphs do not break the run.
    let next_prose = (a.paragraph + 1..b.paragraph).all(|pi| {
        doc.paragraphs
            .get(pi)
            .is_some_and(|p| marks::is_caption(p.of(&doc.text)))
    });
    if !(a.paragraph == b.paragraph
        || (b.paragraph <= a.paragraph + 3 && next_prose && starts_paragraph))
    {
        return None;
    }
    // The quote's own sentence naming someone else after it ("…," Roe, a former aide,
    // wrote) is an attribution the rules could not read, not a follow-on.
    if let Some(c) = ctx.close_tok(si) {
        for k in c + 1..(c + 20).min(ctx.toks.len()) {
            if !ctx.same_sent(k, c) || ctx.in_quote[k].is_some() {
                break;
            }
            if ctx.mention[k].is_some_and(|p| Speaker::Person(p) != sp) {
                return None;
            }
        }
    }
    let from = ctx.toks.partition_point(|t| t.start < a.inner.end);
    for k in from..o {
        if ctx.in_quote[k].is_some() {
            continue;
        }
        if let Some(p) = ctx.mention[k]
            && Speaker::Person(p) != sp
        {
            return None;
        }
    }
    Some(sp)
}

/// A quote that opens a sentence right after one introducing a single person as its
/// subject ("Steve Ellis offered his explanation. “People who …”") is that person's.
fn introduced_by(ctx: &Ctx, si: usize) -> Option<Speaker> {
    let o = ctx.open_tok(si);
    let cur = ctx.sent[o];
    if ctx.sents[cur].0 != o || cur == 0 {
        return None;
    }
    let (a, b) = ctx.sents[cur - 1];
    if ctx.para[a] != ctx.para[o] || b - a > context::MAX_SENTENCE_TOKENS {
        return None;
    }
    let mut who: Option<(usize, usize)> = None;
    for k in a..=b {
        if ctx.in_quote[k].is_some() {
            return None;
        }
        if let Some(p) = ctx.mention[k] {
            // A name inside a prepositional phrase ("Vice President of Taxpayers for
            // Common Sense, Steve Ellis, …") is not the sentence's subject.
            let ms = ctx.mention_start(k, p);
            if ms > a && context::PP_IN_NP.contains(&ctx.lw(ms - 1)) {
                continue;
            }
            match who {
                None => who = Some((p, k)),
                Some((q, _)) if q != p => return None,
                _ => {}
            }
        }
    }
    let (p, at) = who?;
    (at < a + 12).then_some(Speaker::Person(p))
}
