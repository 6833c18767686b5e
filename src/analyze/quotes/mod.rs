//! Quotes and their attribution: direct quotes (every mark style, nested, partial,
//! multi-sentence, cross-paragraph and split quotes) and indirect statements, each
//! with a resolved speaker (person or group), the speaker's role, the verbatim
//! statement span, its cue and its sentence. Speakers who are people and were missed
//! by the people stage are added to `people`.
//!
//! Modules: `marks` finds quoted segments, `context` is the token view with sentences
//! and mentions, `phrases` walks noun phrases over it, `attribution` holds the
//! direct-quote patterns, `indirect` the reported-speech patterns, `speakers` resolves
//! who. This module runs them in order and keeps the follow-on rules.

mod according;
mod appositive;
mod attribution;
mod context;
mod coordinated;
mod cue_nouns;
mod description;
mod governors;
mod heads;
mod indirect;
mod joined;
mod labels;
pub mod marks;
mod participle;
mod phrases;
mod questions;
mod relatives;
mod reported;
mod said_log;
mod shares;
mod short_answers;
mod sources;
mod speakers;
mod subject;
mod told;

use crate::analyze::people::tokens::TokenView;
use crate::analyze::rules;
use crate::model::{Document, Person, Quote, QuoteKind, Span};
use context::Ctx;
use said_log::SaidLog;
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
    let mut run = Run {
        log: SaidLog::new(),
        found: Vec::new(),
        seg_speaker: vec![None; ctx.segs.len()],
        used_cues: vec![false; ctx.toks.len()],
    };
    direct_quotes(doc, &mut ctx, &mut run);
    let partial = indirect_statements(&mut ctx, &mut run);
    partials_in_clause(&ctx, &mut run, partial);
    by_sentence_subject(&mut ctx, &mut run);
    continuations(doc, &ctx, &mut run);
    heads::add_split_heads(&ctx, &mut run.found);

    let mut found = run.found;
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

/// A quoted segment inside or after a reported clause: segment, the clause's speaker and
/// cue, and the rule that links them.
type Partial = (usize, Speaker, Option<usize>, crate::model::RuleId);

/// The quote segments in runs that continue one another (a quote carried on across
/// paragraphs), each run as its segment indices in order.
fn chains(ctx: &Ctx) -> Vec<Vec<usize>> {
    let mut out: Vec<Vec<usize>> = Vec::new();
    for (si, seg) in ctx.segs.iter().enumerate() {
        match out.last_mut() {
            Some(chain) if seg.continues && si > 0 => chain.push(si),
            _ => out.push(vec![si]),
        }
    }
    out
}

/// Unattributed quotes that open a sentence continue the latest statement before them
/// ("“A,” Roe said. “B.”", or "Roe said the plan failed. “It was doomed.”"): same
/// paragraph, or the next one when the quote opens it, and no other person named
/// between the statement and the quote, nor after the quote in its sentence.
fn continuations(doc: &Document, ctx: &Ctx, run: &mut Run) {
    // A quote looks back on the log only before it opens.
    run.log.start_pass();
    for chain in chains(ctx) {
        let head = chain[0];
        if run.seg_speaker[head].is_some() {
            continue;
        }
        run.log.reach(ctx.segs[head].open);
        let Some(sp) = continued_speaker(doc, ctx, &run.log, head) else {
            continue;
        };
        if !rules::fire(rules::QUOTES_CONTINUATION, ctx.segs[head].inner) {
            continue;
        }
        for &c in &chain {
            let seg = ctx.segs[c];
            run.seg_speaker[c] = Some(sp.clone());
            run.log.push(Said {
                at: seg.inner.start,
                paragraph: seg.paragraph,
                speaker: sp.clone(),
            });
            run.found
                .push((seg.inner, sp.clone(), QuoteKind::Direct, None));
        }
    }
    run.log.end_pass();
}

/// The speaker an unattributed quote `si` continues (see [`continuations`]).
fn continued_speaker(doc: &Document, ctx: &Ctx, log: &[Said], si: usize) -> Option<Speaker> {
    let seg = ctx.segs[si];
    let words = ctx.word_count(si);
    let ends_sentence = seg
        .inner
        .of(&doc.text)
        .trim_end()
        .ends_with(['.', '?', '!', ',', '…']);
    if words < 2 || (words < 5 && !ends_sentence) || seg.single && words < 5 {
        return None;
    }
    if ctx.is_naming(si) || ctx.names_a_work(si) {
        return None;
    }
    let o = ctx.open_tok(si);
    let (ss, _) = ctx.sents[ctx.sent[o]];
    if ss != o {
        return None;
    }
    let said = log[..log.partition_point(|x| x.at < seg.open)].last()?;
    let starts_paragraph = o == 0 || ctx.para[o - 1] != ctx.para[o];
    let next_prose = (said.paragraph + 1..seg.paragraph).all(|pi| {
        doc.paragraphs
            .get(pi)
            .is_some_and(|p| marks::is_caption(p.of(&doc.text)))
    });
    if !(said.paragraph == seg.paragraph
        || (starts_paragraph && seg.paragraph <= said.paragraph + 2 && next_prose))
    {
        return None;
    }
    let other = |p: usize| Speaker::Person(p) != said.speaker;
    // Nobody else named between the statement and the quote (outside quotes and the
    // speaker's own attribution)…
    let from = ctx.toks.partition_point(|t| t.start < said.at);
    let named =
        |a: usize| (a..o).any(|k| ctx.in_quote[k].is_none() && ctx.mention[k].is_some_and(other));
    if named(from) {
        let prev = ctx.in_quote.get(from).copied().flatten();
        let tail = prev.map_or(from, |p| attribution_end(ctx, p).max(from));
        if named(tail) || !rules::fire(rules::QUOTES_ATTRIBUTION_TAIL, seg.inner) {
            return None;
        }
    }
    // …nor in the quote's own sentence after it (an attribution no rule could read).
    if let Some(c) = ctx.close_tok(si) {
        for k in c + 1..(c + 20).min(ctx.toks.len()) {
            if !ctx.same_sent(k, c) || ctx.in_quote[k].is_some() {
                break;
            }
            if ctx.mention[k].is_some_and(other) {
                return None;
            }
        }
    }
    Some(said.speaker.clone())
}

/// Quote chains still unattributed whose first quote sits inside a sentence: the
/// sentence's subject said them (see `subject`).
fn by_sentence_subject(ctx: &mut Ctx, run: &mut Run) {
    for chain in chains(ctx) {
        let head = chain[0];
        let seg = ctx.segs[head];
        if run.seg_speaker[head].is_some()
            || seg.single && ctx.word_count(head) < 2
            || ctx.is_naming(head)
            || ctx.names_a_work(head)
        {
            continue;
        }
        let closing = ctx
            .closing_attribution(head, &run.log)
            .filter(|_| rules::fire(rules::QUOTES_CLOSING_SAID, seg.inner));
        let Some(f) = closing.or_else(|| {
            ctx.subject_attribution(head, &run.log)
                .filter(|_| rules::fire(rules::QUOTES_SENTENCE_SUBJECT, seg.inner))
        }) else {
            continue;
        };
        run.attribute(ctx, &chain, &f);
    }
}

/// What one extraction run has found so far.
struct Run {
    /// Speakers assigned so far, by position (for pronouns and follow-ons).
    log: SaidLog,
    /// Statement span, speaker, kind and cue token.
    found: Vec<(Span, Speaker, QuoteKind, Option<usize>)>,
    /// The speaker of each quoted segment, once attributed.
    seg_speaker: Vec<Option<Speaker>>,
    /// Cue tokens that introduced a direct quote (they report no indirect statement),
    /// by token.
    used_cues: Vec<bool>,
}

impl Run {
    /// Gives every segment of `chain` to the attribution `f`: its speaker, a log entry
    /// for later pronouns and follow-ons, and a direct quote.
    fn attribute(&mut self, ctx: &Ctx, chain: &[usize], f: &attribution::Found) {
        for &c in chain {
            self.seg_speaker[c] = Some(f.speaker.clone());
            let seg = ctx.segs[c];
            self.log.push(Said {
                at: seg.inner.start,
                paragraph: seg.paragraph,
                speaker: f.speaker.clone(),
            });
            self.found
                .push((seg.inner, f.speaker.clone(), QuoteKind::Direct, f.cue));
        }
    }
}

/// Direct quotes, chained across paragraphs: each chain of continuing segments gets the
/// speaker of the first attribution rule that finds one.
fn direct_quotes(doc: &Document, ctx: &mut Ctx, run: &mut Run) {
    for chain in chains(ctx) {
        let Some(f) = attribute_chain(doc, ctx, run, &chain) else {
            continue;
        };
        run.attribute(ctx, &chain, &f);
    }
}

/// The attribution of one chain of quoted segments, trying the rules in order.
fn attribute_chain(
    doc: &Document,
    ctx: &mut Ctx,
    run: &mut Run,
    chain: &[usize],
) -> Option<attribution::Found> {
    let head = chain[0];
    let head_span = ctx.segs[head].inner;
    if ctx.segs[head].single && ctx.word_count(head) < 2
        || ctx.is_naming(head) && rules::fire(rules::QUOTES_SKIP_NAMING, head_span)
    {
        return None;
    }
    let mut hit = None;
    for &c in chain {
        if let Some(f) = ctx.after_attribution(c, &run.log) {
            hit = Some(f);
            break;
        }
    }
    if hit.is_none() {
        hit = ctx.before_attribution(head, &run.log);
    }
    // Verbs that introduce a quote do not also report an indirect statement.
    if let Some(c) = hit.as_ref().and_then(|f| f.cue) {
        run.used_cues[c] = true;
    }
    if hit.is_none() {
        hit = ctx
            .after_any_verb(head, &run.log)
            .filter(|_| rules::fire(rules::QUOTES_AFTER_ANY_VERB, head_span));
    }
    if hit.is_none() {
        hit = ctx.governing_attribution(head, &run.log);
    }
    if hit.is_none()
        && ctx.names_a_work(head)
        && rules::fire(rules::QUOTES_SKIP_WORK_TITLE, head_span)
    {
        return None;
    }
    if hit.is_none() && ctx.word_count(head) >= 4 {
        hit = follow_on(doc, ctx, head, &run.seg_speaker)
            .filter(|_| rules::fire(rules::QUOTES_FOLLOW_ON, head_span))
            .map(|speaker| attribution::Found { speaker, cue: None });
    }
    if hit.is_none() && ctx.word_count(head) >= 6 {
        hit = introduced_by(ctx, head)
            .filter(|_| rules::fire(rules::QUOTES_INTRODUCED_BY, head_span))
            .map(|speaker| attribution::Found { speaker, cue: None });
    }
    hit
}

/// Indirect statements, cue by cue outside quotes. Returns the quoted segments that cut
/// a reported clause short (with the clause's speaker and cue), for
/// [`partials_in_clause`].
fn indirect_statements(ctx: &mut Ctx, run: &mut Run) -> Vec<Partial> {
    let mut covered_until = 0usize;
    let mut covered_by: Option<Speaker> = None;
    let mut partial_in_clause: Vec<Partial> = Vec::new();
    // The rules read the log up to the end of the cue's paragraph at most.
    run.log.start_pass();
    let mut reached = 0;
    for k in 0..ctx.toks.len() {
        if k >= reached {
            reached = paragraph_end(ctx, k);
            run.log
                .reach(ctx.toks.get(reached).map_or(usize::MAX, |t| t.start));
        }
        if ctx.in_quote[k].is_some() || !ctx.is_word(k) {
            continue;
        }
        let lw = ctx.lw(k);
        let mut asked = false;
        let hit = if run.used_cues[k] {
            // A verb that introduced a quote may still close the clause before it
            // ("While X, he said, “…”"): see `indirect::opener_before_quote`.
            ctx.opener_before_quote(k, &run.log)
                .or_else(|| ctx.clause_after_quote_cue(k, &run.log))
        } else if lw == "according" {
            ctx.according_to(k, &run.log)
        } else if crate::analyze::people::lexicon::LEX
            .speech_verb(lw)
            .is_some()
        {
            ctx.indirect_at(k, &run.log).or_else(|| {
                asked = true;
                ctx.question_at(k, &run.log)
            })
        } else {
            ctx.labelled_line(k, &run.log)
        };
        let Some((mut f, cs, ce)) = hit else { continue };
        let span = Span::new(ctx.toks[cs].start, ctx.toks[ce].end);
        // An inverted or "according to" clause already reported by an earlier cue,
        // unless it starts after that cue's own clause (see `end_before_backward`).
        if cs < k && span.start < covered_until && !end_before_backward(ctx, run, cs) {
            continue;
        }
        // A cue inside a clause already reported ("The authors say the results confirm
        // …") is part of that statement, unless the same speaker speaks again
        // ("…, which he says would lead to less violence").
        // "… who said and did …": coordinated verbs, no second statement.
        let joined = (ctx.toks[k].start < covered_until
            && cs > k
            && !matches!(ctx.lw(cs), "and" | "or" | "but"))
        .then(|| end_joined(ctx, run, k))
        .flatten();
        if ctx.toks[k].start < covered_until
            && joined.is_none()
            && covered_by.as_ref() != Some(&f.speaker)
            && !ctx.relative_inside(k, cs, ce)
        {
            continue;
        }
        // "…, saying …" / "… but noted that …": the second cue shares the first's subject.
        if let Some(Some(sp)) = joined {
            f.speaker = sp;
        }
        if span.end > covered_until {
            covered_until = span.end;
            covered_by = Some(f.speaker.clone());
        }
        let said = Said {
            at: span.start,
            paragraph: ctx.para[cs],
            speaker: f.speaker.clone(),
        };
        if asked {
            // A question: its sentence's quotes are the answer, not the asker's words.
            if !questions::is_unnamed(&f.speaker) {
                run.log.push(said);
            }
            run.found
                .push((span, f.speaker, QuoteKind::Indirect, f.cue));
            continue;
        }
        clause_partials(ctx, k, cs, ce, &f, &mut partial_in_clause);
        run.log.push(said);
        // "<clause>, Roe said, <clause>.": the statement goes on after the attribution.
        if ce < k
            && let Some((ts, te)) = ctx.tail_after(k)
        {
            let tail = Span::new(ctx.toks[ts].start, ctx.toks[te].end);
            covered_until = covered_until.max(tail.end);
            run.found
                .push((tail, f.speaker.clone(), QuoteKind::Indirect, f.cue));
        }
        // "The outreach, they said, raised …": the short head before an attribution set
        // inside the sentence is part of the statement (see `reported::head_fragment`).
        if cs > k
            && let Some((hs, he)) = ctx.head_fragment(k, cs)
        {
            let head = Span::new(ctx.toks[hs].start, ctx.toks[he].end);
            run.found
                .push((head, f.speaker.clone(), QuoteKind::Indirect, f.cue));
        }
        run.found
            .push((span, f.speaker, QuoteKind::Indirect, f.cue));
    }
    run.log.end_pass();
    partial_in_clause
}

/// The first token after the paragraph of token `k` (the token count at the end).
fn paragraph_end(ctx: &Ctx, k: usize) -> usize {
    let p = ctx.para[k];
    (k..ctx.toks.len())
        .find(|&j| ctx.para[j] != p)
        .unwrap_or(ctx.toks.len())
}

/// Quoted phrases inside a reported clause (tokens `cs..=ce`, cue at `k`) and, when the
/// clause follows its cue, later in the clause's sentence: the same speaker's words.
/// "Nasdaq says that all trades … “or immediately prior” are cancelled": a partial
/// quote that cuts the reported clause short is the speaker's too.
fn clause_partials(
    ctx: &Ctx,
    k: usize,
    cs: usize,
    ce: usize,
    f: &attribution::Found,
    out: &mut Vec<Partial>,
) {
    let quoted_next = (ce + 1..(ce + 4).min(ctx.toks.len())).find_map(|j| ctx.in_quote[j]);
    if let Some(si) = quoted_next.filter(|&si| ctx.same_sent(ctx.open_tok(si), ce)) {
        out.push((
            si,
            f.speaker.clone(),
            f.cue,
            rules::QUOTES_PARTIAL_IN_CLAUSE,
        ));
    }
    // "Roe said the plan was “a costly blunder” and “a waste”": quoted phrases later
    // in the clause's sentence are the speaker's words too.
    if cs > k {
        let (_, sent_end) = ctx.sents[ctx.sent[ce]];
        let mut last = quoted_next;
        for j in ce + 1..=sent_end {
            if let Some(si) = ctx.in_quote[j]
                && last != Some(si)
            {
                last = Some(si);
                if ctx.same_sent(ctx.open_tok(si), ce) {
                    out.push((
                        si,
                        f.speaker.clone(),
                        f.cue,
                        rules::QUOTES_PARTIAL_IN_SENTENCE,
                    ));
                }
            }
        }
    }
}

/// "Most riders said the fare was fair, and a third said it was too high": the
/// reported statement holding cue `k` ends before the joint of the second attribution
/// (see `joined`). Returns `None` when it was not cut there, else the first
/// statement's speaker when the second cue shares its subject.
fn end_joined(ctx: &Ctx, run: &mut Run, k: usize) -> Option<Option<Speaker>> {
    let at = ctx.toks[k].start;
    let i = run.found.iter().rposition(|(span, _, kind, _)| {
        *kind == QuoteKind::Indirect && span.start < at && at < span.end
    })?;
    let from = ctx.toks.partition_point(|t| t.start < run.found[i].0.start);
    let (end, shared) = ctx.joined_attribution(k, from)?;
    run.found[i].0.end = ctx.toks[end].end;
    Some(shared.then(|| run.found[i].1.clone()))
}

/// "Weaver says the gap can close, which stood at 263, according to the AP": a
/// statement reported by a cue after it that starts at `cs`, after the joint of an
/// attribution inside the stretch before the cue (see `joined::backward_start`), ends
/// the earlier statement running over it before that joint. Returns whether it did.
fn end_before_backward(ctx: &Ctx, run: &mut Run, cs: usize) -> bool {
    let (sent_start, _) = ctx.sents[ctx.sent[cs]];
    if cs <= sent_start + 1 {
        return false;
    }
    let at = ctx.toks[cs].start;
    let Some(i) = run.found.iter().rposition(|(span, _, kind, _)| {
        *kind == QuoteKind::Indirect && span.start < at && at < span.end
    }) else {
        return false;
    };
    let from = ctx.toks.partition_point(|t| t.start < run.found[i].0.start);
    let Some(end) = ctx.first_statement_end(from, cs) else {
        return false;
    };
    run.found[i].0.end = ctx.toks[end].end;
    true
}

/// A quoted phrase no rule attributed that cuts a reported clause short is the
/// clause speaker's words.
fn partials_in_clause(ctx: &Ctx, run: &mut Run, partial: Vec<Partial>) {
    for (si, speaker, cue, rule) in partial {
        let seg = ctx.segs[si];
        let unclaimed = run.seg_speaker[si].is_none();
        if unclaimed
            && !ctx.is_naming(si)
            && !ctx.names_a_work(si)
            && !(seg.single && ctx.word_count(si) < 2)
            && rules::fire(rule, seg.inner)
        {
            run.seg_speaker[si] = Some(speaker.clone());
            run.found.push((seg.inner, speaker, QuoteKind::Direct, cue));
        }
    }
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
    let named = |from: usize| {
        (from..o).any(|k| {
            ctx.in_quote[k].is_none() && ctx.mention[k].is_some_and(|p| Speaker::Person(p) != sp)
        })
    };
    if named(from)
        && (named(attribution_end(ctx, prev).max(from))
            || !rules::fire(rules::QUOTES_ATTRIBUTION_TAIL, b.inner))
    {
        return None;
    }
    Some(sp)
}

/// The token after the attribution that closes quote `si`'s sentence ("“A,” said Jane
/// Roe, who advised Mayor Smith." — Smith is in Roe's description, not a new speaker):
/// the end of that sentence when a speech verb follows the quote in it, else the quote's
/// close. Names in that stretch do not hand the next quote to someone else.
fn attribution_end(ctx: &Ctx, si: usize) -> usize {
    let Some(c) = ctx.close_tok(si) else {
        return 0;
    };
    let (_, end) = ctx.sents[ctx.sent[c]];
    let cue = (c + 1..=end.min(c + 30)).find(|&k| {
        ctx.in_quote[k].is_none()
            && ctx.is_word(k)
            && crate::analyze::people::lexicon::LEX
                .speech_verb(ctx.w(k))
                .is_some()
    });
    if cue.is_some() { end + 1 } else { c + 1 }
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
