//! The English "Golden Rules" of the pragmatic segmenter as a table test: 48 cases of
//! sentence splitting (abbreviations, numbers, quotations, lists, ellipses).
//!
//! Cases copied from pySBD (github.com/nipunsadvilkar/pySBD,
//! benchmarks/english_golden_rules.py); the rules come from the pragmatic_segmenter
//! Ruby gem. pySBD's licence:
//!
//! MIT License
//!
//! Copyright (c) 2019 Nipun Sadvilkar
//!
//! Permission is hereby granted, free of charge, to any person obtaining a copy
//! of this software and associated documentation files (the "Software"), to deal
//! in the Software without restriction, including without limitation the rights
//! to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
//! copies of the Software, and to permit persons to whom the Software is
//! furnished to do so, subject to the following conditions:
//!
//! The above copyright notice and this permission notice shall be included in all
//! copies or substantial portions of the Software.
//!
//! THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
//! IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
//! FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
//! AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
//! LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
//! OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE
//! SOFTWARE.
//!
//! The test asserts a floor on the number of cases that pass and prints the failing
//! ones, so a regression fails and an improvement shows.

use newsdesk::text::segment::{paragraphs, sentences};

fn split(text: &str) -> Vec<String> {
    let ps = paragraphs(text);
    sentences(text, &ps)
        .iter()
        .map(|s| s.span.of(text).to_string())
        .collect()
}

/// (input, expected sentences), in the order of the Golden Rules.
const GOLDEN: &[(&str, &[&str])] = &[
    (
        "Hello World. My name is Jonas.",
        &["Hello World.", "My name is Jonas."],
    ),
    (
        "What is your name? My name is Jonas.",
        &["What is your name?", "My name is Jonas."],
    ),
    ("There it is! I found it.", &["There it is!", "I found it."]),
    (
        "My name is Jonas E. Smith.",
        &["My name is Jonas E. Smith."],
    ),
    ("Please turn to p. 55.", &["Please turn to p. 55."]),
    (
        "Were Jane and co. at the party?",
        &["Were Jane and co. at the party?"],
    ),
    (
        "They closed the deal with Pitt, Briggs & Co. at noon.",
        &["They closed the deal with Pitt, Briggs & Co. at noon."],
    ),
    (
        "Let's ask Jane and co. They should know.",
        &["Let's ask Jane and co.", "They should know."],
    ),
    (
        "They closed the deal with Pitt, Briggs & Co. It closed yesterday.",
        &[
            "They closed the deal with Pitt, Briggs & Co.",
            "It closed yesterday.",
        ],
    ),
    (
        "I can see Mt. Fuji from here.",
        &["I can see Mt. Fuji from here."],
    ),
    (
        "St. Michael's Church is on 5th st. near the light.",
        &["St. Michael's Church is on 5th st. near the light."],
    ),
    ("That is JFK Jr.'s book.", &["That is JFK Jr.'s book."]),
    (
        "I visited the U.S.A. last year.",
        &["I visited the U.S.A. last year."],
    ),
    (
        "I live in the E.U. How about you?",
        &["I live in the E.U.", "How about you?"],
    ),
    (
        "I live in the U.S. How about you?",
        &["I live in the U.S.", "How about you?"],
    ),
    (
        "I work for the U.S. Government in Virginia.",
        &["I work for the U.S. Government in Virginia."],
    ),
    (
        "I have lived in the U.S. for 20 years.",
        &["I have lived in the U.S. for 20 years."],
    ),
    (
        "At 5 a.m. Mr. Smith went to the bank. He left the bank at 6 P.M. Mr. Smith then went to the store.",
        &[
            "At 5 a.m. Mr. Smith went to the bank.",
            "He left the bank at 6 P.M.",
            "Mr. Smith then went to the store.",
        ],
    ),
    (
        "She has $100.00 in her bag.",
        &["She has $100.00 in her bag."],
    ),
    (
        "She has $100.00. It is in her bag.",
        &["She has $100.00.", "It is in her bag."],
    ),
    (
        "He teaches science (He previously worked for 5 years as an engineer.) at the local University.",
        &[
            "He teaches science (He previously worked for 5 years as an engineer.) at the local University.",
        ],
    ),
    (
        "Her email is Jane.Doe@example.com. I sent her an email.",
        &["Her email is Jane.Doe@example.com.", "I sent her an email."],
    ),
    (
        "The site is: https://www.example.50.com/new-site/awesome_content.html. Please check it out.",
        &[
            "The site is: https://www.example.50.com/new-site/awesome_content.html.",
            "Please check it out.",
        ],
    ),
    (
        "She turned to him, 'This is great.' she said.",
        &["She turned to him, 'This is great.' she said."],
    ),
    (
        "She turned to him, \"This is great.\" she said.",
        &["She turned to him, \"This is great.\" she said."],
    ),
    (
        "She turned to him, \"This is great.\" She held the book out to show him.",
        &[
            "She turned to him, \"This is great.\"",
            "She held the book out to show him.",
        ],
    ),
    (
        "Hello!! Long time no see.",
        &["Hello!!", "Long time no see."],
    ),
    ("Hello?? Who is there?", &["Hello??", "Who is there?"]),
    ("Hello!? Is that you?", &["Hello!?", "Is that you?"]),
    ("Hello?! Is that you?", &["Hello?!", "Is that you?"]),
    (
        "1.) The first item 2.) The second item",
        &["1.) The first item", "2.) The second item"],
    ),
    (
        "1.) The first item. 2.) The second item.",
        &["1.) The first item.", "2.) The second item."],
    ),
    (
        "1) The first item 2) The second item",
        &["1) The first item", "2) The second item"],
    ),
    (
        "1) The first item. 2) The second item.",
        &["1) The first item.", "2) The second item."],
    ),
    (
        "1. The first item 2. The second item",
        &["1. The first item", "2. The second item"],
    ),
    (
        "1. The first item. 2. The second item.",
        &["1. The first item.", "2. The second item."],
    ),
    (
        "• 9. The first item • 10. The second item",
        &["• 9. The first item", "• 10. The second item"],
    ),
    (
        "⁃9. The first item ⁃10. The second item",
        &["⁃9. The first item", "⁃10. The second item"],
    ),
    (
        "a. The first item b. The second item c. The third list item",
        &[
            "a. The first item",
            "b. The second item",
            "c. The third list item",
        ],
    ),
    (
        "You can find it at N°. 1026.253.553. That is where the treasure is.",
        &[
            "You can find it at N°. 1026.253.553.",
            "That is where the treasure is.",
        ],
    ),
    (
        "She works at Yahoo! in the accounting department.",
        &["She works at Yahoo! in the accounting department."],
    ),
    (
        "We make a good team, you and I. Did you see Albert I. Jones yesterday?",
        &[
            "We make a good team, you and I.",
            "Did you see Albert I. Jones yesterday?",
        ],
    ),
    (
        "Thoreau argues that by simplifying one’s life, “the laws of the universe will appear less complex. . . .”",
        &[
            "Thoreau argues that by simplifying one’s life, “the laws of the universe will appear less complex. . . .”",
        ],
    ),
    (
        "\"Bohr [...] used the analogy of parallel stairways [...]\" (Smith 55).",
        &["\"Bohr [...] used the analogy of parallel stairways [...]\" (Smith 55)."],
    ),
    (
        "If words are left off at the end of a sentence, and that is all that is omitted, indicate the omission with ellipsis marks (preceded and followed by a space) and then indicate the end of the sentence with a period . . . . Next sentence.",
        &[
            "If words are left off at the end of a sentence, and that is all that is omitted, indicate the omission with ellipsis marks (preceded and followed by a space) and then indicate the end of the sentence with a period . . . .",
            "Next sentence.",
        ],
    ),
    (
        "I never meant that.... She left the store.",
        &["I never meant that....", "She left the store."],
    ),
    (
        "I wasn’t really ... well, what I mean...see . . . what I'm saying, the thing is . . . I didn’t mean it.",
        &[
            "I wasn’t really ... well, what I mean...see . . . what I'm saying, the thing is . . . I didn’t mean it.",
        ],
    ),
    (
        "One further habit which was somewhat weakened . . . was that of combining words into self-interpreting compounds. . . . The practice was not abandoned. . . .",
        &[
            "One further habit which was somewhat weakened . . . was that of combining words into self-interpreting compounds.",
            ". . . The practice was not abandoned. . . .",
        ],
    ),
];

/// Cases passing today: all 48 (issue #13 asked for 46). Was 36 before the list,
/// spaced-ellipsis, fronted-time, "N°." and trailing-citation rules of src/text/.
/// No case fails today; a failing one is printed with what the splitter returned.
const FLOOR: usize = 48;

#[test]
fn golden_rules_floor() {
    let mut failing = Vec::new();
    for (i, (text, want)) in GOLDEN.iter().enumerate() {
        let got = split(text);
        if got != *want {
            failing.push(format!("rule {}: {text:?}\n    got {got:?}", i + 1));
        }
    }
    let passed = GOLDEN.len() - failing.len();
    println!("{passed}/{} Golden Rules pass", GOLDEN.len());
    for f in &failing {
        println!("{f}");
    }
    assert!(
        passed >= FLOOR,
        "{passed}/{} Golden Rules pass, floor {FLOOR}:\n{}",
        GOLDEN.len(),
        failing.join("\n")
    );
}
