//! The rule registry: every rule of every stage, named, in one list.
//!
//! A *rule* is one decision a stage makes that produces or types a finding ("a quote
//! followed by `, X said` is X's", "a number after a currency sign is money"). Each has a
//! stable dotted name (`quotes.after_x_said`), a one-line description, and the function
//! that applies it. The list below is the only place rules are declared; the rest of the
//! engine refers to them by constant (`rules::QUOTES_AFTER_X_SAID`).
//!
//! What the registry gives:
//! - `newsdesk extract --explain FILE` prints, for each finding, the rules that produced
//!   and typed it (each finding carries a [`RuleSet`]).
//! - `NEWSDESK_RULES=-quotes.colon_intro,-figures` switches rules (or a whole stage) off
//!   for experiments; the variable is read once per process.
//! - `tests/rules_registry.rs` checks that every rule fires on at least one test case and
//!   that every rule is referenced in the file its entry names.
//!
//! ## Adding a rule
//!
//! 1. Add one line to the `registry!` list below: constant, dotted name (`stage.name`, the
//!    stage one of [`STAGES`]), the file and function that apply it, and a one-line
//!    description written for a reader of `--explain` output. Keep a stage's rules
//!    together.
//! 2. At the point where the stage decides, guard the decision with [`fire`], giving the
//!    span of the text the decision is about (the figure, the quote, the name):
//!    ```ignore
//!    if looks_like_money && rules::fire(rules::FIGURES_CURRENCY_WORD, span) {
//!        return Some(money);
//!    }
//!    ```
//!    `fire` returns `false` when the rule is switched off (so the stage falls through
//!    to its next rule) and records the firing so the finding built from `span` lists
//!    it. A rule that rejects something (a filter) is guarded the same way: when it is
//!    off, the thing is kept.
//! 3. Add a sentence of your own to `tests/rules_registry.rs` on which the rule fires, if
//!    none of the fixtures exercises it.
//!
//! Rules never change what they decide by being traced: `fire` only records, and the
//! trace is attached to findings after all stages have run (see [`attach`]).

use crate::model::{Analysis, RuleId, RuleSet, Span};
use std::cell::RefCell;
use std::sync::OnceLock;

/// The stages, in the order `analyze` runs them. A rule's name starts with one of them.
pub const STAGES: &[&str] = &[
    "people",
    "quotes",
    "places",
    "organizations",
    "figures",
    "dates",
];

/// One registry entry.
#[derive(Debug, Clone, Copy)]
pub struct Rule {
    pub id: RuleId,
    /// The constant's name (`QUOTES_COLON_INTRO`), so a test can find where it is used.
    pub constant: &'static str,
    /// Dotted name: `stage.rule`.
    pub name: &'static str,
    /// Source file (under `src/analyze/`) and function that apply the rule.
    pub site: &'static str,
    /// One line for a reader of `--explain`.
    pub doc: &'static str,
}

impl Rule {
    /// The stage part of the name.
    pub fn stage(&self) -> &'static str {
        // A byte scan, not `split('.')`: `attach` asks this of every firing, per stage.
        let end = self.name.bytes().position(|b| b == b'.');
        &self.name[..end.unwrap_or(self.name.len())]
    }
}

macro_rules! registry {
    ($( $id:ident = $name:literal, $site:literal, $doc:literal; )*) => {
        #[allow(non_camel_case_types, clippy::upper_case_acronyms)]
        #[repr(u16)]
        enum Index { $( $id, )* }
        $( pub const $id: RuleId = RuleId(Index::$id as u16); )*
        /// Every rule, in registry order (`RULES[id.0]` is rule `id`).
        pub static RULES: &[Rule] = &[ $( Rule { id: $id, constant: stringify!($id), name: $name, site: $site, doc: $doc }, )* ];
    };
}

registry! {
    // ---- people: which capitalized runs are people, how mentions join, roles ----------
    PEOPLE_TITLED_SURNAME = "people.titled_surname", "people/mod.rs::is_person",
        "a single capitalized word right after an honorific, title or role noun is a person's name";
    PEOPLE_GIVEN_NAME = "people.given_name", "people/mod.rs::is_person",
        "a run of capitalized words starting with a known given name (or East Asian family name) is a person";
    PEOPLE_LONE_GIVEN_NAME = "people.lone_given_name", "people/mod.rs::is_person",
        "a known given name standing alone is a person when a speech verb follows or a person slot holds it (\"with X\", \"X, 46,\")";
    PEOPLE_KNOWN_NON_PERSON = "people.known_non_person", "people/mod.rs::is_person",
        "a capitalized run that is a known place, organization or other non-person name is not a person";
    PEOPLE_HEAD_WORD_SURNAME = "people.head_word_surname", "people/mod.rs::is_person",
        "a given name and a surname that is also an organization or place head word (\"Ana Church\") is a person after a title or before a role appositive";
    PEOPLE_PERSON_CONTEXT = "people.person_context", "people/mod.rs::is_person",
        "a name-shaped run (capitalized words, no function words) in a person slot is a person even when no list knows it";
    PEOPLE_TITLED_NAME = "people.titled_name", "people/mod.rs::is_person",
        "a run of capitalized words after an honorific, title or role noun is a person";
    PEOPLE_INITIAL = "people.initial", "people/mod.rs::is_person",
        "a run of capitalized words opening with an initial (\"J. Smith\") is a person";
    PEOPLE_ROLE_APPOSITIVE = "people.role_appositive", "people/mod.rs::is_person",
        "a capitalized run next to an appositive headed by a role noun (\"X, a spokesman\") is a person";
    PEOPLE_SPEECH_VERB = "people.speech_verb", "people/mod.rs::is_person",
        "a capitalized run right before or after a speech verb (\"X said\", \"said X\") is a person";
    PEOPLE_SAME_NAME = "people.same_name", "people/build.rs::full_names",
        "two full names that are equal, or one the end of the other, are one person";
    PEOPLE_SURNAME_MENTION = "people.surname_mention", "people/build.rs::bare_mentions",
        "a bare surname (or titled surname) refers to the nearest person with that surname";
    PEOPLE_FIRST_NAME_MENTION = "people.first_name_mention", "people/build.rs::bare_mentions",
        "a bare given name that exactly one person has refers to that person";
    PEOPLE_ROLE_BEFORE = "people.role_before", "people/build.rs::mention_role",
        "the role is the title or role phrase right before the name (\"Chief economist Jane Roe\")";
    PEOPLE_ROLE_AS = "people.role_as", "people/build.rs::mention_role",
        "the role after \"served as\", \"resigned as\", \"was named as\" (\"Jane Roe resigned as finance minister\")";
    PEOPLE_ROLE_AFTER = "people.role_after", "people/build.rs::mention_role",
        "the role is the appositive or predicate after the name (\"Jane Roe, the chief economist\")";
    PEOPLE_OF_AFFILIATION = "people.of_affiliation", "people/build.rs::mention_role",
        "an \"of\" phrase after a name completes its title (\"Mayor Ana Ruiz of Springfield\"), or is the role when it names an organization (\"X of the Green Party\")";
    PEOPLE_PERSON_NOUN_APPOSITIVE = "people.person_noun_appositive", "people/roles.rs::role_phrase",
        "an appositive opened by an article and headed by a noun naming a kind of person (WordNet noun.person: \"Jo Roe, a radio host\", \"X, a Cruz supporter\") is the role; it does not make the name a person";
    PEOPLE_PERSON_NOUN_TITLE = "people.person_noun_title", "people/roles.rs::premodifier_role",
        "a noun naming a kind of person right before a name heads its title when a modifier precedes it (\"Fox News host Jo Roe\", \"Clinton supporter Jo Roe\")";
    PEOPLE_LIST_ROLE = "people.list_role", "people/build.rs::assign_role",
        "a plural title or role before a list of names is each name's role (\"Sens. A and B\", \"foreign ministers A, B and C\", \"defectors from the party, including A and B\")";
    PEOPLE_ROLE_COREF = "people.role_coref", "people/role_coref.rs::complete_roles",
        "a definite description \"the driver of the train\" refers to the one person whose role has that head (\"driver\") and completes the role";
    PEOPLE_PARTY_TAG = "people.party_tag", "people/build.rs::mention_role",
        "a party-state tag after a name (\"Jane Roe (D-Ore.)\", \"Roe, R-Ky.,\") marks a person and is part of the role";

    // ---- quotes: direct quotes and their speakers -------------------------------------
    QUOTES_SKIP_NAMING = "quotes.skip_naming", "quotes/mod.rs::attribute_chain",
        "a quoted phrase used as a name or title (\"dubbed the “King”\") is not a statement";
    QUOTES_SKIP_WORK_TITLE = "quotes.skip_work_title", "quotes/mod.rs::attribute_chain",
        "an unattributed title-case quote, or one after a preposition, names a work, not a statement";
    QUOTES_AFTER_ACCORDING_TO = "quotes.after_according_to", "quotes/attribution.rs::after_according_to",
        "a quote followed by \"according to X\" is X's";
    QUOTES_AFTER_SAID_X = "quotes.after_said_x", "quotes/attribution.rs::after_attribution",
        "a quote followed by \"said X\" is X's";
    QUOTES_AFTER_X_SAID = "quotes.after_x_said", "quotes/attribution.rs::after_attribution",
        "a quote followed by \"X said\" is X's";
    QUOTES_IN_THE_WORDS_OF = "quotes.in_the_words_of", "quotes/attribution.rs::before_attribution",
        "a quote introduced by \"in the words of X,\" is X's";
    QUOTES_COLON_INTRO = "quotes.colon_intro", "quotes/attribution.rs::before_attribution",
        "a quote introduced by \"X said:\" or \"X told reporters,\" is X's";
    QUOTES_COLON_PARTICIPLE = "quotes.colon_participle", "quotes/attribution.rs::before_attribution",
        "a quote introduced by a participle (\"Roe backed Lee, saying, “…”\") is the participle's subject's (the clause before it), not the object next to it";
    QUOTES_CLOSED_QUOTE_NEW_VERB = "quotes.closed_quote_new_verb", "quotes/context.rs::starts_new_statement",
        "after a quote closed by its own full stop, \"X said\" with its own object, clause or quote (\"“… .” Roe then recalled an incident that …\") starts a new statement; it is not the quote's attribution";
    QUOTES_LINE_END_CLOSES_QUOTE = "quotes.line_end_closes_quote", "quotes/context.rs::line_break_after",
        "a quote closed by its own full stop at the end of a line ends its sentence: \"X said\" on the next line is not its attribution";
    QUOTES_PARTICIPIAL_OPENER = "quotes.participial_opener", "quotes/phrases.rs::after_participial_opener",
        "a sentence opening with a participle or adverbial phrase (\"Speaking in Ames, Roe …\", \"Asked about it, Roe …\", \"Hours later, Roe …\") has its subject after the phrase's comma";
    QUOTES_PUT_IT = "quotes.put_it", "quotes/attribution.rs::before_attribution",
        "\"as X put it: “…”\" / \"X put it this way, “…”\": \"put it\" introduces X's quote like a speech verb";
    QUOTES_APPOSITIVE_CLAUSE = "quotes.appositive_clause", "quotes/appositive.rs::opens_appositive",
        "an appositive may be a participle or relative clause with its own verb (\"Ann Lee, recalling her years with Cole, said\", \"Ann Lee, who thinks Cole erred, called …\"): the speaker is still Ann Lee";
    QUOTES_GOVERNING_VERB = "quotes.governing_verb", "quotes/attribution.rs::governing_attribution",
        "a partial quote governed by an earlier speech or stance verb in its sentence is that verb's subject's";
    QUOTES_GOVERNING_SAID_FAR = "quotes.governing_said_far", "quotes/attribution.rs::governing_attribution",
        "a short quoted phrase later in a sentence whose \"said\"-type verb has a speaker is that speaker's";
    QUOTES_FOLLOW_ON = "quotes.follow_on", "quotes/mod.rs::follow_on",
        "an unattributed quote right after an attributed one (same or next paragraph) has the same speaker";
    QUOTES_DASH_BYLINE = "quotes.dash_byline", "quotes/attribution.rs::dash_byline",
        "a quote followed by a dash and a name ending the line (“…” — Jane Roe) is that person's";
    QUOTES_APPOSITIVE_OWNER = "quotes.appositive_owner", "quotes/appositive.rs::appositive_owner",
        "in \"X, an aide to Y, said\" the speaker is X, the person the appositive describes, not the Y named in it";
    QUOTES_NAME_MODIFIER_HEAD = "quotes.name_modifier_head", "quotes/appositive.rs::speaker_name_end",
        "in \"said former Dole aide Ann Lee\" the speaker is the name after the role, not the name modifying the role";
    QUOTES_NAME_MODIFIES_NOUN = "quotes.name_modifies_noun", "quotes/appositive.rs::speaker_name_end",
        "in \"said a senior Cole adviser\" or \"said Cole ally Ann Lee\" the name modifies the speaker's noun: the speaker is the whole phrase or the name after the noun, not Cole";
    QUOTES_PP_MODIFIED_SUBJECT = "quotes.pp_modified_subject", "quotes/phrases.rs::subject_of",
        "in \"a staffer in the room said\" or \"another aide familiar with the talks said\" the subject is the person noun with its phrase, not the noun after the preposition";
    QUOTES_UNKNOWN_NAME_APPOSITIVE = "quotes.unknown_name_appositive", "quotes/attribution.rs::unknown_name_before_appositive",
        "in \"“…,” Amy Vole, deputy adviser, said\" a given name and capitalised words before the appositive's comma are the speaker, even when the people stage did not know the name";
    QUOTES_OWNED_BODY = "quotes.owned_body", "quotes/speakers.rs::owned_voice",
        "\"Roe's campaign said\" or \"Roe's office said\": a campaign or office speaks as itself; the speaker is the phrase as written, not its owner Roe";
    QUOTES_SLASH_JOINED_NAMES = "quotes.slash_joined_names", "quotes/context.rs::slash_joins_names",
        "in \"according to a Times/KTVX News poll\" a slash between two capitalised words, with no space, joins them into one source phrase";
    QUOTES_ROLE_TO_PHRASE = "quotes.role_to_phrase", "quotes/context.rs::role_takes_to",
        "in \"said a longtime adviser to Roe\" the \"to\" phrase after a lower-case role noun belongs to the speaker phrase";
    QUOTES_POLL_SHARE = "quotes.poll_share", "quotes/speakers.rs::poll_of_share",
        "in \"In a Times poll released Monday, 61 percent of riders said …\" or \"A Times poll found that 61 percent said …\" the poll is the source of the share's statement";
    QUOTES_COORDINATED_PEOPLE = "quotes.coordinated_people", "quotes/speakers.rs::coordinated_people",
        "\"Cruz and Trump said\": two people joined by \"and\" speak together; the speaker is the pair as the article names it, not the last one";
    QUOTES_WHO_ANTECEDENT = "quotes.who_antecedent", "quotes/phrases.rs::subject_of",
        "in \"<noun phrase>, who said …\" the noun phrase before the comma is the subject";
    QUOTES_PRONOUN_OBJECT = "quotes.pronoun_object", "quotes/told.rs::pronoun_object_of",
        "\"accused him of lying\": an object pronoun with the charge after it opens the statement of a verb that takes an object";
    QUOTES_OPENING_PARTICIPLE = "quotes.opening_participle", "quotes/participle.rs::opening_participle",
        "\"Noting that the pier had failed, Lark said …\": a reporting participle opening the sentence reports the clause up to the comma for the main clause's subject";
    QUOTES_SHORT_ANSWER = "quotes.short_answer", "quotes/short_answers.rs::short_answer",
        "\"Lark said no.\", \"Roe said she would.\": an answer word or a pronoun with an auxiliary ending the sentence after \"say\" is the whole statement";
    QUOTES_CUE_NOUN = "quotes.cue_noun", "quotes/cue_nouns.rs::cue_is_noun",
        "\"three state primaries\", \"Coastal states swing\", \"pledged delegates\": a speech-verb spelling used as a noun or noun modifier cues no statement";
    QUOTES_WHICH_ANTECEDENT = "quotes.which_antecedent", "quotes/phrases.rs::subject_of",
        "in \"<name, group or document>, which argued …\" the noun phrase before the comma is the subject";
    QUOTES_SUBJECT_BEFORE_MODIFIER = "quotes.subject_before_modifier", "quotes/phrases.rs::is_modifier_object",
        "a noun after a preposition inside a participial or relative modifier (\"a survey charting debt among farmers has found\") is not the verb's subject";
    QUOTES_PARTICIPLE_AFTER_ATTRIBUTION = "quotes.participle_after_attribution", "quotes/phrases.rs::gerund_subject",
        "\"“…,” she said, adding that …\": a participle after an attribution reports the same speaker";
    QUOTES_PARTICIPLE_APPOSITIVE_SUBJECT = "quotes.participle_appositive_subject", "quotes/phrases.rs::attribution_before",
        "\"Jane Roe, a Cole supporter, praised Kim Lee, calling …\": after \"<person>, <appositive>, <verb> <name>,\" the participle is the person's, not the object's";
    QUOTES_PARTICIPLE_SENTENCE_SUBJECT = "quotes.participle_sentence_subject", "quotes/phrases.rs::gerund_subject",
        "\"The agency declined to comment, saying …\": a participle after a comma reports the group or organization opening the sentence";
    QUOTES_COORDINATED_GROUP = "quotes.coordinated_group", "quotes/phrases.rs::coordinated_subject",
        "\"The agency has deemed … and says …\": a speech verb coordinated with an earlier verb reports the group or organization opening the sentence";
    QUOTES_SAID_AGE_PLACE = "quotes.said_age_place", "quotes/attribution.rs::age_or_place_comma",
        "in \"“…,” Jane Roe, 41, of Dayton, Ohio, said\" the age and the \"City, State\" pair belong to the name's appositive: their commas do not count towards the \"X said\" limit";
    QUOTES_BRACKET_TAG = "quotes.bracket_tag", "quotes/phrases.rs::subject_end",
        "a short bracket between a name and its verb (\"Sen. Jane Roe (D-Ohio) said\") is skipped";
    QUOTES_CONTINUATION = "quotes.continuation", "quotes/mod.rs::continuations",
        "an unattributed quote opening a sentence continues the latest statement before it (same or next paragraph), when no other person is named between";
    QUOTES_ATTRIBUTION_TAIL = "quotes.attribution_tail", "quotes/mod.rs::attribution_end",
        "names in the rest of a quote's attribution sentence (\"said Roe, who advised Smith\") do not stop the next quote from continuing the same speaker";
    QUOTES_SENTENCE_SUBJECT = "quotes.sentence_subject", "quotes/mod.rs::by_sentence_subject",
        "a quote inside a sentence that no other rule attributed is said by the sentence's subject (a person, pronoun or description: \"critics are crying “fraud”\")";
    QUOTES_CLOSING_SAID = "quotes.closing_said", "quotes/mod.rs::by_sentence_subject",
        "a quote inside a sentence that ends in \", X said\" (\"workers are more “hopeful” than last year, Lark said\") is X's, not the sentence subject's";
    QUOTES_AFTER_ANY_VERB = "quotes.after_any_verb", "quotes/mod.rs::attribute_chain",
        "a quote closing on a comma, \"?\" or \"!\" followed by a subject and any verb, or a verb and its subject (\"an angry Roe retorted\", \"beamed Jane Roe\"), is that subject's; a described speaker is kept as written";
    QUOTES_DESCRIBED_SPEAKER = "quotes.described_speaker", "quotes/attribution.rs::described_speaker",
        "a speaker phrase after or before \"said\" that no name or role list knows (\"a young woman\", \"the congressional report\") is kept as written";
    QUOTES_INTRODUCED_BY = "quotes.introduced_by", "quotes/mod.rs::introduced_by",
        "a quote opening the sentence after one whose only named person is its subject is that person's";

    // ---- quotes: indirect statements --------------------------------------------------
    QUOTES_INDIRECT_SAID_X = "quotes.indirect_said_x", "quotes/indirect.rs::verb_first_inversion",
        "\"<clause>, said X.\": the clause before an inverted speech verb is X's statement";
    QUOTES_INDIRECT_X_SAID = "quotes.indirect_x_said", "quotes/indirect.rs::inversion",
        "\"<clause>, X said.\": the clause before a trailing \"X said\" is X's statement";
    QUOTES_INDIRECT_X_SAID_PHRASE = "quotes.indirect_x_said_phrase", "quotes/indirect.rs::indirect_at",
        "\"<clause>, X said in a statement.\": an inversion whose verb is followed by a phrase, not a clause";
    QUOTES_PRONOUN_SPEAKER = "quotes.pronoun_speaker", "quotes/speakers.rs::pronoun_as_speaker",
        "a personal pronoun with no antecedent found (he, she, they, we, I) is reported as the speaker as written";
    QUOTES_SKIP_APPOSITIVE_TAIL = "quotes.skip_appositive_tail", "quotes/indirect.rs::tail_after",
        "after \"…, said X,\" or \"…, according to X,\" an article or role noun opens X's description, not a further statement";
    QUOTES_SKIP_ANNOUNCED_THING = "quotes.skip_announced_thing", "quotes/sources.rs::announced_thing",
        "\"X, the chair, announced the creation of …\": a speech verb before an announced thing (\"the creation of\", \"a plan to\") has its object there, no inverted speaker";
    QUOTES_SKIP_NAME_DESCRIPTION = "quotes.skip_name_description", "quotes/description.rs::name_and_description",
        "\"Acme, which sells boats, denied the report\": a name and its description before \", <verb> X\" are the verb's subject, no inverted statement";
    QUOTES_OPENER_BEFORE_QUOTE = "quotes.opener_before_quote", "quotes/indirect.rs::opener_before_quote",
        "\"While prices rose, he said, “…”\": the clause before an attribution that introduces a quote is the same speaker's statement";
    QUOTES_HEADLINE_SAYS = "quotes.headline_says", "quotes/labels.rs::headline_statement",
        "\"Mayor Says Bridge Will Reopen\": in a title-case line, the rest of the line after a capitalised speech verb is the opening phrase's statement";
    QUOTES_INDIRECT_X_TOLD_Y = "quotes.indirect_x_told_y", "quotes/indirect.rs::indirect_at",
        "\"<clause>, X told Politico.\": the clause before a trailing \"X told <listener>\" is X's statement";
    QUOTES_ASIDE_ATTRIBUTION = "quotes.aside_attribution", "quotes/reported.rs::aside_inversion",
        "\"<clause>, X told reporters, <clause>\" / \"…, X said in an interview, …\": an attribution set inside the sentence that ends in a listener or a short phrase splits the statement as a bare \"…, X said, …\" does";
    QUOTES_TAIL_CONTINUES = "quotes.tail_continues", "quotes/reported.rs::tail_continues",
        "\"…, Roe said, and she left it there\" / \"It is his job, he said, to talk to Congress\": after an attribution set inside the sentence, \"and\" before a clause or predicate, or \"to\" before a verb, goes on with the statement";
    QUOTES_TAIL_AFTER = "quotes.tail_after", "quotes/indirect.rs::tail_after",
        "\"<clause>, Roe said, <clause>.\": the clause going on after an attribution set inside the sentence is the same speaker's";
    QUOTES_INDIRECT_THAT = "quotes.indirect_that", "quotes/indirect.rs::indirect_at",
        "\"X said (that) <clause>\": the clause after a speech verb is its subject's statement";
    QUOTES_WHO_NO_COMMA = "quotes.who_no_comma", "quotes/reported.rs::reported_subject",
        "in \"<noun phrase> who say …\" with no comma, the noun phrase is the speaker";
    QUOTES_OPENING_NP_ASIDE = "quotes.opening_np_aside", "quotes/reported.rs::reported_subject",
        "when an aside (comma, bracket or dash) ends right before a speech verb, the noun phrase opening the sentence before the aside is the speaker";
    QUOTES_HYPHEN_ASIDE = "quotes.hyphen_aside", "quotes/reported.rs::dash_aside_start",
        "a hyphen with spaces around it, alone or doubled (\"Roe - a former aide - said\", \"Roe -- who ran twice -- said\"), sets off an aside between a subject and its speech verb like a dash";
    QUOTES_SUBJECT_PAST_ADVERB = "quotes.subject_past_adverb", "quotes/reported.rs::reported_subject",
        "an adverb or a dashed aside between a subject and its speech verb (\"has since said\", \"Roe — a former aide — said\") is skipped";
    QUOTES_SAID_COMMA_CLAUSE = "quotes.said_comma_clause", "quotes/reported.rs::said_comma_clause",
        "\"Roe said, the plan failed.\": a speech verb after the subject opening the sentence and followed by a comma reports the clause after the comma";
    QUOTES_LABELLED_LINE = "quotes.labelled_line", "quotes/labels.rs::labelled_line",
        "a line opened by a short capitalised label and a colon (\"ROE: …\", \"Q: …\", \"Mayor Roe: Bridge will reopen\") is the label's statement";
    QUOTES_PROGRESSIVE_SAID = "quotes.progressive_said", "quotes/reported.rs::progressive_statement",
        "\"Roe is saying that the plan failed\": a speech verb in \"-ing\" after a form of \"be\" reports its clause for the subject before the auxiliary";
    QUOTES_STANCE_GOVERNOR = "quotes.stance_governor", "quotes/governors.rs::stance_governor",
        "\"Roe continued to say …\" / \"Roe was quick to add …\" / \"Voters were more likely to say …\" / \"went out of his way to say\": the subject of the verb or predicate before \"to\" speaks";
    QUOTES_QUANTIFIER_SUBJECT = "quotes.quantifier_subject", "quotes/reported.rs::quantifier_subject",
        "\"Some say the plan failed\" / \"Another says …\": a quantifier standing alone as the subject opening a clause is the speaker";
    QUOTES_INFINITIVE_SAID = "quotes.infinitive_said", "quotes/reported.rs::infinitive_subject",
        "\"Roe went on to say …\" / \"Roe took to Twitter to say …\": a speech verb after \"went on to\" or \"took to X to\" speaks for the subject of that verb";
    QUOTES_HEAD_FRAGMENT = "quotes.head_fragment", "quotes/reported.rs::head_fragment",
        "\"The outreach, they said, raised new worries\": the one to three words before an attribution set inside the sentence are the head of the statement after it";
    QUOTES_CUE_ALSO_REPORTS = "quotes.cue_also_reports", "quotes/reported.rs::clause_after_quote_cue",
        "a speech verb that a quotation before it took as its cue across a line break still reports the clause after it";
    QUOTES_TOLD_LISTENER_PHRASE = "quotes.told_listener_phrase", "quotes/told.rs::listener_phrase_end",
        "\"Roe told his audience they …\" / \"told friends he …\": a possessive or plural group noun phrase after \"tell\"/\"ask\" is the listener, and the clause starts after it";
    QUOTES_COLON_CLAUSE = "quotes.colon_clause", "quotes/indirect.rs::clause_start",
        "\"Insiders said: the lead is large\": an unquoted clause after a speech verb and a colon is the statement";
    QUOTES_CONJOINED_SUBJECT = "quotes.conjoined_subject", "quotes/coordinated.rs::conjoined_subject",
        "\"current and former officials said …\" / \"…, teachers and union officials told the paper.\" / \"Lark and others said …\": a subject of two conjuncts speaks as one group, in the article's words";
    QUOTES_RELATIVE_SUBJECT = "quotes.relative_subject", "quotes/relatives.rs::relative_subject",
        "\"Those who studied the plans say …\" / \"Lark and others who want it closed said …\" / \"Most of them said …\": the phrase opening the sentence, carried to the verb by a restrictive \"who\" clause or a quantifier's \"of them\", is the speaker (never a person named inside the clause)";
    QUOTES_ASKED_QUESTION = "quotes.asked_question", "quotes/questions.rs::active_question",
        "\"Roe asked the mayor whether the pier is safe\" / \"Roe asked about the budget\": a question put by the subject of \"asked\", from its opening word (whether, if, a wh-word, about, for) to the next comma or the sentence end";
    QUOTES_ASKED_PASSIVE = "quotes.asked_passive", "quotes/questions.rs::passive_question",
        "\"Asked whether the pier is safe, Lee said …\" / \"Lee was asked about the budget\": a question put to someone; the asker is the agent after \"by\", else unnamed (never the person who answered)";
    QUOTES_REQUEST_INFINITIVE = "quotes.request_infinitive", "quotes/told.rs::request_infinitive",
        "\"Roe asked the council to cancel the contract\" / \"told Jo Lee to sit down\": the object of \"ask\"/\"tell\" before \"to\" and a verb is the listener of a request, reported with the infinitive";
    QUOTES_MEDIUM_PARTICIPLE = "quotes.medium_participle", "quotes/participle.rs::medium_participle",
        "\"The board issued a statement saying the pier is safe\": a speech participle after the noun of a medium (statement, email, letter, tweet …) reports its clause for the subject of the verb before the medium";
    QUOTES_PREP_PARTICIPLE = "quotes.prep_participle", "quotes/participle.rs::prep_participle_subject",
        "\"Lark ended the talks by saying the pier is safe\": a speech participle after \"by\", \"while\", \"after\" or \"before\" inside a sentence speaks for the person or noun phrase opening it";
    QUOTES_PARTICIPLE_OPENING_NP = "quotes.participle_opening_np", "quotes/participle.rs::participle_opening_speaker",
        "\"Other officials echoed the plan, saying …\": a speech participle after a comma speaks for the noun phrase opening the sentence when no person or group walk names one";
    QUOTES_TIME_BEFORE_CLAUSE = "quotes.time_before_clause", "quotes/told.rs::past_time_phrase",
        "\"Roe said last week she …\" / \"told the paper earlier this month the plan …\": a time phrase between a speech verb (or its listener) and the clause is skipped";
    QUOTES_ASIDE_BEFORE_THAT = "quotes.aside_before_that", "quotes/told.rs::aside_then_that",
        "\"Roe told the paper, however, that …\": a short aside in commas between the listener and \"that\" is skipped";
    QUOTES_SHARE_SUBJECT = "quotes.share_subject", "quotes/shares.rs::share_subject",
        "\"Two in three said …\" / \"About one in five voters say …\" / \"Those surveyed say …\": a share of a surveyed group written in words is the speaker";
    QUOTES_PREDICATE_TAIL = "quotes.predicate_tail", "quotes/reported.rs::predicate_tail",
        "\"Time, Roe added, was on their side\": a predicate after an attribution set inside the sentence completes the statement even when short";
    QUOTES_AS_NOTED = "quotes.as_noted", "quotes/reported.rs::as_noted",
        "\"As the paper noted, the plan failed\": a speech verb closing an \"as\" clause reports the clause after its comma for the noun phrase before it";
    QUOTES_SUBJECT_PAST_PHRASE = "quotes.subject_past_phrase", "quotes/reported.rs::subject_past_phrase",
        "\"Ann Lee on Tuesday said …\" / \"Ann Lee in a blog post said …\": a short phrase of time, place or medium between the subject and its speech verb is skipped";
    QUOTES_DESCRIPTION_SPEECH_WORD = "quotes.description_speech_word", "quotes/description.rs::speech_word_in_description",
        "\"Ann Lee, a former state legislator who spoke to us, said …\": a speech-verb word after a determiner, preposition or \"who\", or before a role noun, belongs to the description and does not end the walk back to the speaker";
    QUOTES_RELATIVE_ANTECEDENT = "quotes.relative_antecedent", "quotes/description.rs::relative_antecedent",
        "\"The official, who spoke on the condition of anonymity, said …\": with no person before \", who\", the noun phrase there is the speaker";
    QUOTES_PAST_VERB_PLURAL_NOUN = "quotes.past_verb_plural_noun", "quotes/description.rs::next_speech_word_is_verb",
        "\"An aide said comments from the mayor were …\": after a past-tense speech verb, a plural speech-verb word (\"comments\", \"reports\") is a noun in the clause, not a second verb";
    QUOTES_NOUN_BEFORE_TIMED_VERB = "quotes.noun_before_timed_verb", "quotes/description.rs::speech_noun_before_timed_verb",
        "\"Hospital reports early on Saturday indicate …\": an -s speech-verb word followed by a time phrase and a speech verb is a plural noun, that verb's subject";
    QUOTES_ACCORDING_TO = "quotes.according_to", "quotes/according.rs::according_to",
        "\"according to X, <clause>\" / \"<clause>, according to X\": the clause is X's statement";
    QUOTES_ACCORDING_AFTER_OPENER = "quotes.according_after_opener", "quotes/according.rs::opener_before_according",
        "\"Since May, according to the union, the crews have lost jobs\": after a short opening phrase, a mid-sentence \"according to X,\" reports the clause that follows";
    QUOTES_ACCORDING_SHORT_HEAD = "quotes.according_short_head", "quotes/according.rs::short_head_tail",
        "\"The cost, according to the audit, has doubled\": when only a head of one or two words stands before a mid-sentence \"according to X,\", the rest of the sentence after the source is X's statement (the head is its own fragment)";
    QUOTES_ACCORDING_TO_SOURCE = "quotes.according_to_source", "quotes/according.rs::according_source",
        "after \"according to\", the words up to the closing comma or sentence end name the source when no noun phrase walk does (\"according to his biography\", \"according to state records\")";
    QUOTES_QUANTITY_SOURCE = "quotes.quantity_source", "quotes/sources.rs::quantity_subject",
        "a share of people before a speech verb (\"36 percent of voters said\", \"About 4 in 10 say\") is the statement's source";
    QUOTES_GROUP_PHRASE = "quotes.group_phrase", "quotes/sources.rs::group_phrase",
        "a short phrase ending in a plural group noun (\"veteran Republicans\", \"some Democrats\") is a statement's source when no other speaker rule takes it";
    QUOTES_DESCRIBED_SUBJECT = "quotes.described_subject", "quotes/sources.rs::described_subject",
        "\"The letter warned that …\", \"That person said …\": a determiner and one to three lower-case nouns opening the clause right before a said-type verb are its source, as written";
    QUOTES_RESTATED_SHARE = "quotes.restated_share", "quotes/sources.rs::past_restated_share",
        "\"about two-thirds, 67 percent, say …\": a share restated in numbers between commas before the speech verb belongs to the share subject";
    QUOTES_TIME_BEFORE_VERB = "quotes.time_before_verb", "quotes/phrases.rs::time_phrase_before",
        "\"Roe, the party's chair, last week announced …\", \"Roe on Monday said …\": a time phrase between a subject and its speech verb is skipped";
    QUOTES_LONG_SUBJECT = "quotes.long_subject", "quotes/sources.rs::long_subject",
        "a speaker phrase opening the sentence keeps its modifiers up to the speech verb (\"Friends of the mayor who have seen him say\", \"Farm economists, like their city colleagues, say\")";
    QUOTES_JOINED_ATTRIBUTION = "quotes.joined_attribution", "quotes/joined.rs::joined_attribution",
        "\"Most riders said the fare was fair, and a third said it was too high\" / \"… but noted that …\" / \"…, saying …\": a reported clause ends before a second attribution joined to it by a comma, semicolon or conjunction";
    QUOTES_JOINED_APPOSITIVE = "quotes.joined_appositive", "quotes/joined.rs::appositive_joint",
        "\"The board said it was on track, and Jo Roe, the budget chief, said …\": a comma before a second cue that closes an appositive of a named subject is no inversion; the first statement ends before the conjunction opening the name";
    QUOTES_BACKWARD_AFTER_CUE = "quotes.backward_after_cue", "quotes/joined.rs::backward_start",
        "\"As the mayor noted, the fare rose 5 percent, according to the audit\" / \"The board praised the plan, which would cut fares, officials said\": a statement reported by a cue after it starts after the joint of an attribution of its own in the stretch before";
    QUOTES_RELATIVE_INSIDE = "quotes.relative_inside", "quotes/joined.rs::relative_inside",
        "\"Lee said the pier needs repairs that the engineers said would cost $2 million\": a restrictive relative clause's own attribution inside a reported statement reports the relative clause's predicate for its subject";
    QUOTES_SPLIT_HEAD = "quotes.split_head", "quotes/heads.rs::add_split_heads",
        "\"In his town, Lee said, most offenders go to treatment\" / \"The club, she said, is “doing better”\": the one to eight words opening a sentence before an attribution set off by commas are part of the statement it introduces";
    QUOTES_PARTIAL_IN_CLAUSE = "quotes.partial_in_clause", "quotes/mod.rs::partials_in_clause",
        "a quote that cuts short a reported clause is the same speaker's words";
    QUOTES_PARTIAL_IN_SENTENCE = "quotes.partial_in_sentence", "quotes/mod.rs::indirect_statements",
        "a quoted phrase later in the sentence of a reported clause is the same speaker's words";

    // ---- places ------------------------------------------------------------------------
    PLACES_GAZETTEER = "places.gazetteer", "places.rs::extract_from",
        "a name in the place list that stands alone as a proper noun is a place";
    PLACES_COMPASS = "places.compass", "places.rs::extract_from",
        "a known place with a compass word before or after it (\"East X\", \"X Central\") is one place";
    PLACES_DATELINE = "places.dateline", "places.rs::extract_from",
        "the capitalised city opening a paragraph before a dash (\"SPRINGFIELD, Ill. (AP) —\", \"NEW YORK —\") is a place, when it is a known place or a region or agency follows";
    PLACES_HEAD_WORD = "places.head_word", "places.rs::place_by_form",
        "a name ending in a place word (\"… River\") or starting with one (\"Mount …\") is a place";
    PLACES_CUE_WORD = "places.cue_word", "places.rs::place_by_context",
        "a name after a place preposition (\"in X\", \"near X\") is a place";
    PLACES_MOTION_TO = "places.motion_to", "places.rs::place_by_context",
        "a name after a verb or noun of going and \"to\" (\"moved to X\", \"a trip to X\") is a place";
    PLACES_DIRECTION_OF = "places.direction_of", "places.rs::place_by_context",
        "a name after \"<direction> of\" (\"west of X\") is a place";
    PLACES_SUCH_AS = "places.such_as", "places.rs::place_by_context",
        "a name after \"cities such as\" / \"towns including\" is a place";
    PLACES_BEFORE_KNOWN = "places.before_known", "places.rs::place_by_context",
        "a name right before \", <known place>\" (\"X, Ontario\") is a place";
    PLACES_LIST_MEMBER = "places.list_member", "places.rs::place_by_context",
        "a name listed next to a known place (\"X or Y\", \"X, Y and Z\") is a place";
    PLACES_NOT_ROLE_SLOT = "places.not_role_slot", "places.rs::place_by_context",
        "a name after a role noun and \"at\" (\"an analyst at X\", \"a professor of law at X\") is an employer, not a place";
    PLACES_THE_REGION = "places.the_region", "places.rs::place_by_context",
        "a compass word named with \"the\" (\"in the West\", \"the South\") is a region";
    PLACES_LOCATED_VENUE = "places.located_venue", "places.rs::extract_from",
        "a museum, zoo or space centre that every mention only locates things in (\"at X Museum\") is a place";
    PLACES_ORG_SHORT_FORM = "places.org_short_form", "places.rs::is_org_short_form",
        "a one-word name an organization of the article starts with (\"at Harvard\" after \"Harvard University\") is not a place by its slot";
    PLACES_DROP_PEOPLE = "places.drop_people", "places.rs::drop_people",
        "a place mention inside a person's name is the person, not the place";

    // ---- organizations -------------------------------------------------------------------
    ORGS_GAZETTEER = "organizations.gazetteer", "organizations.rs::org_by_form",
        "a name in the organization list is an organization";
    ORGS_HEAD_WORD = "organizations.head_word", "organizations.rs::org_by_form",
        "a name ending in an organization word (\"… Bank\"), or with one before \"of\", is an organization";
    ORGS_AMPERSAND = "organizations.ampersand", "organizations.rs::org_by_form",
        "a several-word name joined by \"&\" is an organization";
    ORGS_WEB_NAME = "organizations.web_name", "organizations.rs::org_by_form",
        "a one-word web name (\"example.com\") is an organization";
    ORGS_NAMED_AFTER_COUNTRY = "organizations.named_after_country", "organizations.rs::extract_from",
        "a name ending in a country but starting with other words (\"Environment X\") is an organization";
    ORGS_ACRONYM = "organizations.acronym", "organizations.rs::acronym_is_org",
        "an acronym that is known, defined after an organization's name (or spelled out as one in brackets after it: \"ROS [reactive oxygen species]\" is none), in an organization slot, after \"the\" heading its phrase or before a role noun (\"the XYZ said\", \"the XYZ chair\", not \"the XYZ version\"), or speaking or spoken to (\"XYZ said\", \"told XYZ\") is an organization";
    ORGS_ACRONYM_EMPLOYER = "organizations.acronym_employer", "organizations.rs::acronym_is_org",
        "an acronym whose possessive comes before a person's name or a role noun (\"XYZ's Jane Roe\", \"XYZ's chief economist\") is the employer";
    ORGS_HEADLINE_PERSON = "organizations.headline_person", "organizations.rs::extract_from",
        "a title-case run opening with a person's name and a verb or function word after it (\"Jo Roe Slams The Council\") is a headline, not an organization";
    ORGS_CONTEXT = "organizations.context", "organizations.rs::extract_from",
        "a name in an organization's slot (\"analyst at X\", \"according to X\", \"X spokeswoman\") is an organization";
    ORGS_THE_PLURAL_NAME = "organizations.the_plural_name", "organizations.rs::org_by_form",
        "in a sentence about sport, a name of two or more words after \"the\" ending in a plural (\"the Rice Owls\") is a team or club";
    ORGS_FANS_TEAM = "organizations.fans_team", "organizations.rs::org_by_form",
        "a name ending in a plural before \"fan\" or \"fans\" (\"a Harriers fan\") is a team, band or club";
    ORGS_THE_OUTLET = "organizations.the_outlet", "organizations.rs::extract_from",
        "a newspaper's head word alone after \"the\" (\"the Times reported\") is the newspaper";
    ORGS_DATELINE_AGENCY = "organizations.dateline_agency", "organizations.rs::extract_from",
        "the name in brackets after a dateline's city (\"SPRINGFIELD (Wirex) —\") is the news agency that filed the story";
    ORGS_ADVOCACY_NAME = "organizations.advocacy_name", "organizations.rs::org_by_form",
        "capitalized words ending in a plural of people, \"for\"/\"Against\"/\"Without\" and a capitalized cause (\"Anglers for Clean Rivers\") name a group";
    ORGS_OFFICER_OFFICE = "organizations.officer_office", "organizations.rs::extract_from",
        "a role noun's possessive before \"Office\"/\"Department\" (\"the Lake County Coroner's Office\"; lower-case \"office\" only after a name) is an organization";
    ORGS_OPENER_COMMON_WORD = "organizations.opener_common_word", "organizations.rs::org_by_context",
        "an ordinary English word opening a sentence before \"officials\" or another follower (\"Government officials said\") is no organization";
    ORGS_LOWERCASE_GAZETTEER = "organizations.lowercase_gazetteer", "organizations.rs::extract_from",
        "a listed organization written outside any capitalized run (\"eBay\") is an organization";

    // ---- figures -------------------------------------------------------------------------
    FIGURES_SKIP_CODE = "figures.skip_code", "figures/recognize/bare.rs::unsigned_number_step",
        "a number that is a code, version, phone number or identifier is not a figure";
    FIGURES_SKIP_DATE_OR_TIME = "figures.skip_date_or_time", "figures/recognize/bare.rs::unsigned_number_step",
        "a number that is part of a date, year or clock time is not a figure";
    FIGURES_SKIP_NAME_PART = "figures.skip_name_part", "figures/recognize/bare.rs::unsigned_number_step",
        "a number that is part of a name (\"Apollo 11\", \"Route 66\") is not a figure";
    FIGURES_VULGAR_FRACTION = "figures.vulgar_fraction", "figures/recognize/mod.rs::step",
        "a fraction character (\"½\") on its own is a ratio";
    FIGURES_HASH_RANK = "figures.hash_rank", "figures/recognize/mod.rs::step",
        "\"#2\" is a rank";
    FIGURES_SLASH_FRACTION = "figures.slash_fraction", "figures/recognize/bare.rs::digit_fraction",
        "\"3/5\" with a small denominator is a ratio";
    FIGURES_N_IN_M = "figures.n_in_m", "figures/recognize/bare.rs::unsigned_number_step",
        "\"one in five\", \"3 out of 4\" is a ratio";
    FIGURES_ORDINAL_RANK = "figures.ordinal_rank", "figures/recognize/words.rs::ordinal_rank",
        "an ordinal before a place or superlative (\"fourth place\", \"third-largest\") is a rank";
    FIGURES_WORD_FRACTION = "figures.word_fraction", "figures/recognize/words.rs::word_step",
        "a spelled fraction (\"half\", \"two-thirds\", \"a third of\") is a ratio";
    FIGURES_NEGATIVE = "figures.negative", "figures/recognize/bare.rs::number_step",
        "a minus sign attached before a figure makes its value negative";
    FIGURES_SKIP_SPEECH_COUNT = "figures.skip_speech_count", "figures/recognize/words.rs::word_step",
        "a lone \"one\", an anaphoric \"the two\", or a small spelled count in a direct quote is speech, not a figure";
    FIGURES_MONEY = "figures.money", "figures/mod.rs::extract",
        "typed money: a currency sign, code or word with the number";
    FIGURES_PERCENT = "figures.percent", "figures/mod.rs::extract",
        "typed percent: a percent sign or word with the number";
    FIGURES_COUNT = "figures.count", "figures/mod.rs::extract",
        "typed count: a number of things or people";
    FIGURES_QUANTITY = "figures.quantity", "figures/mod.rs::extract",
        "typed quantity: a number with a physical unit or duration";
    FIGURES_RATIO = "figures.ratio", "figures/mod.rs::extract",
        "typed ratio: a fraction, \"n in m\" or \"n-fold\"";
    FIGURES_RANK = "figures.rank", "figures/mod.rs::extract",
        "typed rank: an ordinal position";
    FIGURES_AGE = "figures.age", "figures/mod.rs::extract",
        "typed age: a person's age (\"Jane Roe, 34,\", \"a 9-year-old\")";

    // ---- dates ---------------------------------------------------------------------------
    DATES_ISO = "dates.iso", "dates/mod.rs::extract", "an ISO date (2024-03-05)";
    DATES_SLASHED = "dates.slashed", "dates/mod.rs::extract", "a slashed date (5/3/2024)";
    DATES_YEAR_RANGE = "dates.year_range", "dates/mod.rs::extract",
        "\"from 1990 to 1995\" / \"between 1990 and 1995\"";
    DATES_MONTH_DAY = "dates.month_day", "dates/mod.rs::extract",
        "a month and day, optionally weekday and year (\"March 5, 2024\")";
    DATES_DAY_MONTH = "dates.day_month", "dates/mod.rs::extract",
        "a day and month, optionally weekday and year (\"5 March 2024\")";
    DATES_MONTH_YEAR = "dates.month_year", "dates/mod.rs::extract", "a month and year (\"March 2024\")";
    DATES_CLOCK = "dates.clock", "dates/mod.rs::extract",
        "a clock time (\"14:30\", \"2.40pm\"), a bare \"2.40\" being a number";
    DATES_RELATIVE = "dates.relative", "dates/mod.rs::extract", "\"last week\", \"next year\"";
    DATES_AGO = "dates.ago", "dates/mod.rs::extract", "\"three days ago\"";
    DATES_FOLLOWING = "dates.following", "dates/mod.rs::extract", "\"the following day\"";
    DATES_DEICTIC = "dates.deictic", "dates/mod.rs::extract", "\"today\", \"yesterday\", \"tomorrow\"";
    DATES_WEEKDAY = "dates.weekday", "dates/mod.rs::extract", "a weekday (\"on Tuesday\")";
    DATES_MONTH = "dates.month", "dates/mod.rs::extract",
        "a month name, with a cue when the month is also a common word (May, March, August)";
    DATES_YEAR = "dates.year", "dates/mod.rs::extract",
        "a year (1600–2099) that is not a count, money or part of a longer number";
}

/// The registry entry of `id`.
pub fn rule(id: RuleId) -> &'static Rule {
    &RULES[usize::from(id.0)]
}

/// The rule called `name` (`stage.rule`), if there is one.
pub fn by_name(name: &str) -> Option<&'static Rule> {
    RULES.iter().find(|r| r.name == name)
}

/// The rules switched off by `spec`, a comma-separated list of `-stage.rule` or `-stage`
/// items (a leading `+` or no sign switches back on). Unknown names are an error that
/// names them.
pub fn parse_spec(spec: &str) -> Result<RuleSet, String> {
    let mut off = RuleSet::default();
    let mut unknown = Vec::new();
    for item in spec.split(',').map(str::trim).filter(|s| !s.is_empty()) {
        let (enable, name) = match item.strip_prefix('-') {
            Some(rest) => (false, rest.trim()),
            None => (true, item.trim_start_matches('+').trim()),
        };
        let matched: Vec<RuleId> = RULES
            .iter()
            .filter(|r| r.name == name || r.stage() == name)
            .map(|r| r.id)
            .collect();
        if matched.is_empty() {
            unknown.push(name.to_string());
        }
        for id in matched {
            if enable {
                off.remove(id);
            } else {
                off.insert(id);
            }
        }
    }
    if unknown.is_empty() {
        Ok(off)
    } else {
        Err(format!(
            "NEWSDESK_RULES names no such rule or stage: {} (see `newsdesk rules` for the list)",
            unknown.join(", ")
        ))
    }
}

static DISABLED: OnceLock<RuleSet> = OnceLock::new();

/// Reads `NEWSDESK_RULES` once. Call at startup to report a bad value; `enabled` calls it
/// too, and then ignores unknown names (they were reported here).
pub fn configure_from_env() -> Result<(), String> {
    let spec = std::env::var("NEWSDESK_RULES").unwrap_or_default();
    let parsed = parse_spec(&spec);
    let off = match &parsed {
        Ok(off) => off.clone(),
        Err(_) => parse_known(&spec),
    };
    let _ = DISABLED.set(off);
    parsed.map(|_| ())
}

fn parse_known(spec: &str) -> RuleSet {
    let mut off = RuleSet::default();
    for item in spec.split(',') {
        if let Ok(set) = parse_spec(item) {
            off.union_with(&set);
        }
    }
    off
}

fn disabled() -> &'static RuleSet {
    DISABLED.get_or_init(|| parse_known(&std::env::var("NEWSDESK_RULES").unwrap_or_default()))
}

/// Whether rule `id` is switched on (all are unless `NEWSDESK_RULES` says otherwise).
#[inline]
pub fn enabled(id: RuleId) -> bool {
    !disabled().contains(id)
}

thread_local! {
    /// Rule firings of the analysis running on this thread, when one is being traced.
    static TRACE: RefCell<Option<Vec<(RuleId, Span)>>> = const { RefCell::new(None) };
    /// Every rule that fired on this thread since it started (for the registry test).
    static EVER: RefCell<RuleSet> = RefCell::new(RuleSet::default());
}

/// Applies rule `id` to the text at `span`: returns `false` when the rule is switched
/// off; otherwise records the firing (for the finding built from `span`) and returns
/// `true`.
pub fn fire(id: RuleId, span: Span) -> bool {
    if !enabled(id) {
        return false;
    }
    TRACE.with(|t| {
        if let Some(v) = t.borrow_mut().as_mut() {
            v.push((id, span));
        }
    });
    EVER.with(|e| e.borrow_mut().insert(id));
    true
}

/// Runs `f` with a trace of its own (on a helper thread of an analysis): its result and
/// the rules that fired in it, for [`absorb`] and [`attach`] on the analysing thread.
pub fn traced<T>(f: impl FnOnce() -> T) -> (T, Vec<(RuleId, Span)>) {
    let trace = Trace::start();
    let out = f();
    (out, trace.finish())
}

/// Counts firings made on a helper thread as fired on this one, for
/// [`fired_on_this_thread`] (the caller adds them to its trace's firings itself).
pub fn absorb(fired: &[(RuleId, Span)]) {
    EVER.with(|e| {
        let mut e = e.borrow_mut();
        fired.iter().for_each(|&(id, _)| e.insert(id));
    });
}

/// Every rule that has fired on the calling thread so far.
pub fn fired_on_this_thread() -> RuleSet {
    EVER.with(|e| e.borrow().clone())
}

/// Records rule firings on this thread until [`Trace::finish`] (or drop), restoring any
/// trace that was running before.
pub struct Trace {
    outer: Option<Vec<(RuleId, Span)>>,
    done: bool,
}

impl Trace {
    pub fn start() -> Trace {
        let outer = TRACE.with(|t| t.borrow_mut().replace(Vec::new()));
        Trace { outer, done: false }
    }

    /// The firings recorded since `start`.
    pub fn finish(mut self) -> Vec<(RuleId, Span)> {
        self.done = true;
        let outer = self.outer.take();
        TRACE.with(|t| std::mem::replace(&mut *t.borrow_mut(), outer).unwrap_or_default())
    }
}

impl Drop for Trace {
    fn drop(&mut self) {
        if !self.done {
            let outer = self.outer.take();
            TRACE.with(|t| *t.borrow_mut() = outer);
        }
    }
}

/// Firings of one stage, sorted by span start, for [`attach`].
struct StageFirings {
    v: Vec<(RuleId, Span)>,
    /// The longest firing span, so a lookup knows how far back to look.
    longest: usize,
}

impl StageFirings {
    /// The firings of each of `stages`, in one pass over `fired` (it is long on a long
    /// document; a pass per stage cost more than the sorting).
    fn by_stage<const N: usize>(fired: &[(RuleId, Span)], stages: [&str; N]) -> [StageFirings; N] {
        let mut v: [Vec<(RuleId, Span)>; N] = std::array::from_fn(|_| Vec::new());
        for &(id, s) in fired {
            // A backwards span (a rule's bug) names no text: it is left out, not allowed
            // to break the lookup for everyone else.
            if s.start > s.end {
                continue;
            }
            let stage = rule(id).stage();
            if let Some(i) = stages.iter().position(|&st| st == stage) {
                v[i].push((id, s));
            }
        }
        v.map(|mut v| {
            v.sort_by_key(|(_, s)| (s.start, s.end));
            let longest = v.iter().map(|(_, s)| s.len()).max().unwrap_or(0);
            StageFirings { v, longest }
        })
    }

    /// The rules whose spans overlap `span` (or, for an empty span, sit at it).
    fn overlapping(&self, span: Span, into: &mut RuleSet) {
        let v = &self.v;
        let hi = v.partition_point(|(_, s)| s.start < span.end.max(span.start + 1));
        let lo = v.partition_point(|(_, s)| s.start + self.longest < span.start);
        for &(id, s) in v.get(lo..hi).unwrap_or_default() {
            if s.overlaps(span) || s == span {
                into.insert(id);
            }
        }
    }
}

/// Gives every finding in `a` the rules (of its own stage) that fired on its text.
pub fn attach(a: &mut Analysis, fired: &[(RuleId, Span)]) {
    let [quotes, figures, people, orgs, places, dates] = StageFirings::by_stage(
        fired,
        [
            "quotes",
            "figures",
            "people",
            "organizations",
            "places",
            "dates",
        ],
    );
    let Analysis {
        quotes: a_quotes,
        figures: a_figures,
        people: a_people,
        organizations: a_orgs,
        places: a_places,
        dates: a_dates,
        ..
    } = a;
    // Each finding's rules are its own: the named entities (a lookup per mention) and
    // the rest can be done at once, on a helper thread for a long document.
    let mut named = || {
        for p in a_people.iter_mut() {
            for m in &p.mentions {
                people.overlapping(*m, &mut p.rules);
            }
        }
        for o in a_orgs.iter_mut() {
            for m in &o.mentions {
                orgs.overlapping(*m, &mut o.rules);
            }
        }
        for p in a_places.iter_mut() {
            for m in &p.mentions {
                places.overlapping(*m, &mut p.rules);
            }
        }
    };
    let mut rest = || {
        for q in a_quotes.iter_mut() {
            quotes.overlapping(q.text, &mut q.rules);
        }
        for f in a_figures.iter_mut() {
            figures.overlapping(f.text, &mut f.rules);
        }
        for d in a_dates.iter_mut() {
            dates.overlapping(d.text, &mut d.rules);
        }
    };
    if fired.len() >= ATTACH_SPLIT_FROM {
        crate::parallel::join(rest, named);
    } else {
        rest();
        named();
    }
}

/// Firings from which [`attach`] splits its work over a helper thread (a long
/// document's; a news article has a few hundred).
const ATTACH_SPLIT_FROM: usize = 4096;

/// The names of the rules in `set`, in registry order.
pub fn names(set: &RuleSet) -> Vec<&'static str> {
    set.iter().map(|id| rule(id).name).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_unique_and_staged() {
        for (i, r) in RULES.iter().enumerate() {
            assert_eq!(usize::from(r.id.0), i);
            assert!(STAGES.contains(&r.stage()), "{} has no known stage", r.name);
            assert_eq!(RULES.iter().filter(|o| o.name == r.name).count(), 1);
        }
        assert!(RULES.len() <= RuleSet::CAPACITY);
    }

    #[test]
    fn a_spec_switches_rules_and_stages_off() {
        let off = parse_spec("-quotes.colon_intro, -dates").unwrap();
        assert!(off.contains(QUOTES_COLON_INTRO));
        assert!(off.contains(DATES_YEAR));
        assert!(!off.contains(QUOTES_AFTER_X_SAID));
        let err = parse_spec("-quotes.nope").unwrap_err();
        assert!(err.contains("quotes.nope"));
    }

    #[test]
    fn a_backwards_firing_span_is_ignored_not_a_crash() {
        let backwards = Span { start: 11, end: 10 };
        let fired = [
            (QUOTES_AFTER_X_SAID, backwards),
            (QUOTES_COLON_INTRO, Span::new(4, 9)),
        ];
        let [firings] = StageFirings::by_stage(&fired, ["quotes"]);
        let mut got = RuleSet::default();
        firings.overlapping(Span::new(5, 12), &mut got);
        assert!(got.contains(QUOTES_COLON_INTRO) && !got.contains(QUOTES_AFTER_X_SAID));
    }
}
