//! Credit lines: "Reporting by Jane Roe.", "Image: Diego Grez.", and a credit closing a
//! caption ("… at dusk. Photo: Jane Roe.").
//!
//! Each shape is a short regex for its head and a check in code for its tail. The tails
//! were bounded repetitions of a Unicode class (`[^.]{0,200}`, `.{0,120}`), which the
//! regex crate compiles as one copy of the class per repetition: 4–8 M instructions per
//! pattern, more than the rest of a one-sentence article's analysis. The checks below
//! accept exactly what those patterns accepted.

use regex::Regex;
use std::sync::LazyLock;

/// "Reporting by", "(Additional reporting by", "Compiled by" opening a line.
static REPORTING_HEAD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\(?(?:Additional )?(?:Reporting|Writing|Editing|Compiled|Produced) by\b").unwrap()
});

/// "Image:", "Photo credit:" opening a line, up to the credit's first character.
static CREDIT_HEAD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:image|images|photo|photos|photograph|picture|pictures|credit|credits|photo credit|image credit|image source|illustration|graphic|file photo|photo illustration)\s*:\s*(?-i:[\p{Lu}\d©(])").unwrap()
});

/// ". Photo:" inside a line: a sentence end, then a credit label and its colon.
static TRAILING_HEAD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[.!?][\x22'”’)]?\s+(?:Image|Images|Photo|Photos|Photograph|Picture|Credit|Photo credit|Image credit|Illustration|Graphic)\s*:").unwrap()
});

/// Builds the three head patterns (see [`super::clean::warm_up`]).
pub(super) fn warm_up() {
    LazyLock::force(&REPORTING_HEAD);
    LazyLock::force(&CREDIT_HEAD);
    LazyLock::force(&TRAILING_HEAD);
}

/// `^\(?(?:Additional )?(?:Reporting|…) by\b[^.]{0,200}\)?\.?$`: a reporting credit
/// standing alone ("Reporting by Jane Roe; Editing by Sam Poe").
pub(super) fn is_reporting_credit(line: &str) -> bool {
    // Every form opens with one of these characters: most lines never build the regex.
    if !line.starts_with(['(', 'A', 'R', 'W', 'E', 'C', 'P']) {
        return false;
    }
    let Some(head) = REPORTING_HEAD.find(line) else {
        return false;
    };
    // `[^.]{0,200}\)?\.?$`: a final '.' can only be the `\.?`, and a final ')' may be
    // the `\)?` instead of the 200th character.
    let rest = &line[head.end()..];
    let rest = rest.strip_suffix('.').unwrap_or(rest);
    let n = rest.chars().count();
    !rest.contains('.') && (n <= 200 || n == 201 && rest.ends_with(')'))
}

/// `(?i)^(?:image|photo|…)\s*:\s*(?-i:[\p{Lu}\d©(]).{0,120}$`: a picture credit on its
/// own line ("Image: Diego Grez.").
pub(super) fn is_credit_line(line: &str) -> bool {
    // Every label opens with one of these four-letter stems, in which no letter has a
    // case variant outside ASCII: most lines never build the regex.
    let stem = line.get(..4).map(str::to_ascii_lowercase);
    let stems = ["imag", "phot", "pict", "cred", "illu", "grap", "file"];
    if !stem.is_some_and(|s| stems.contains(&s.as_str())) {
        return false;
    }
    // After the credit's first character: at most 120 characters, none a line break.
    CREDIT_HEAD.find(line).is_some_and(|head| {
        let rest = &line[head.end()..];
        !rest.contains('\n') && rest.chars().count() <= 120
    })
}

/// `[.!?][\x22'”’)]?\s+(?:Image|Photo|…)\s*:\s*[^.!?:]{1,80}[.]?$` anywhere in `tail`: a
/// credit closing a caption.
pub(super) fn has_trailing_credit(tail: &str) -> bool {
    TRAILING_HEAD.find_iter(tail).any(|head| {
        // The head's colon is its last character. After it: whitespace the `\s*` may
        // take, then 1 to 80 characters none of `.!?:`, then an optional '.'.
        let after = &tail[head.end()..];
        let body = after.strip_suffix('.').unwrap_or(after);
        let n = body.chars().count();
        let leading_space = body.chars().take_while(|c| c.is_whitespace()).count();
        !body.contains(['.', '!', '?', ':']) && n >= 1 && n - leading_space <= 80
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The patterns these functions replace, for comparison.
    const REPORTING: &str = r"^\(?(?:Additional )?(?:Reporting|Writing|Editing|Compiled|Produced) by\b[^.]{0,200}\)?\.?$";
    const CREDIT: &str = r"(?i)^(?:image|images|photo|photos|photograph|picture|pictures|credit|credits|photo credit|image credit|image source|illustration|graphic|file photo|photo illustration)\s*:\s*(?-i:[\p{Lu}\d©(]).{0,120}$";
    const TRAILING: &str = r"([.!?][\x22'”’)]?)\s+(?:Image|Images|Photo|Photos|Photograph|Picture|Credit|Photo credit|Image credit|Illustration|Graphic)\s*:\s*[^.!?:]{1,80}[.]?$";

    /// Lines built from credit-like pieces, with lengths around every bound.
    fn lines() -> Vec<String> {
        let heads = [
            "Reporting by",
            "(Additional reporting by",
            "(Additional Reporting by",
            "Compiled by",
            "Produced byline",
            "Image:",
            "image :",
            "Photos:  ",
            "Photo credit: ",
            "FILE PHOTO:",
            "Graphic:(",
            "Picture: ©",
            "Credit: 4",
            "Credit: jane",
            "at dusk. Photo: ",
            "at dusk.” Image credit:",
            "at dusk!) Picture : ",
            "x. Photo: a. Image: ",
            "Photo: x. Image:",
            "dusk.\tCredit:\u{a0}",
        ];
        let bodies = [
            "",
            " ",
            ".",
            " .",
            "Jane Roe",
            " Jane Roe.",
            "A)",
            "A).",
            "Ann: Lee",
            "Ann!",
        ];
        let mut out = Vec::new();
        for h in heads {
            for b in bodies {
                for pad in [0, 1, 78, 79, 80, 81, 118, 119, 120, 121, 199, 200, 201, 202] {
                    for fill in ["x", "é", " "] {
                        out.push(format!("{h} {}{b}", fill.repeat(pad)));
                        out.push(format!("{h}{b}{}", fill.repeat(pad)));
                        out.push(format!("{h}J{}{b})", fill.repeat(pad)));
                    }
                }
            }
        }
        out
    }

    #[test]
    fn the_checks_accept_what_the_patterns_accepted() {
        let (reporting, credit, trailing) = (
            Regex::new(REPORTING).unwrap(),
            Regex::new(CREDIT).unwrap(),
            Regex::new(TRAILING).unwrap(),
        );
        let (mut hits, lines) = (0, lines());
        for line in &lines {
            assert_eq!(
                is_reporting_credit(line),
                reporting.is_match(line),
                "{line:?}"
            );
            assert_eq!(is_credit_line(line), credit.is_match(line), "{line:?}");
            assert_eq!(
                has_trailing_credit(line),
                trailing.is_match(line),
                "{line:?}"
            );
            hits += usize::from(reporting.is_match(line))
                + usize::from(credit.is_match(line))
                + usize::from(trailing.is_match(line));
        }
        assert!(
            hits > 500,
            "only {hits} matches among {} lines",
            lines.len()
        );
    }
}
