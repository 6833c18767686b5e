//! Checks on a user's add: an article long enough to be one, and not a second copy of
//! an article the scope already holds ("already added as a3"). A copy is the same
//! story — the same file again, or its text under another headline or with a few words
//! changed — judged by the body's fingerprint (`analyze::fingerprint`).

use super::entry::Entry;
use crate::analyze::fingerprint;
use crate::error::{Error, Result};
use crate::model::{Analysis, Document};

/// Fewest words an added article may have: one full news sentence ("Hi" is not an
/// article; a one-sentence brief is).
pub const MIN_WORDS: usize = 8;
/// Share of fingerprint two bodies must share to be one story.
const SAME_STORY: f32 = 0.8;

/// What a user's add checks. The default checks nothing (imports, tests).
#[derive(Debug, Clone, Copy, Default)]
pub struct AddChecks {
    /// Refuse text shorter than this many words (0: any length).
    pub min_words: usize,
    /// Refuse a copy of an article the scope holds.
    pub refuse_duplicates: bool,
}

impl AddChecks {
    /// The checks of `/article add`: the minimum length, and duplicates unless allowed
    /// (pasted text: the way to add a copy anyway).
    pub fn for_user(allow_duplicate: bool) -> AddChecks {
        AddChecks {
            min_words: MIN_WORDS,
            refuse_duplicates: !allow_duplicate,
        }
    }

    pub(super) fn check_length(&self, doc: &Document) -> Result<()> {
        let words = doc.word_count();
        if words < self.min_words {
            return Err(Error::BadInput(format!(
                "This is only {words} word{} — too short to be an article (at least {} words). \
                 Paste or upload the whole article.",
                if words == 1 { "" } else { "s" },
                self.min_words
            )));
        }
        Ok(())
    }
}

/// Refuses the new article when an article of the scope tells the same story. Articles
/// a load has not analyzed yet are not waited for.
pub(super) fn refuse_copy(articles: &[Entry], new: &Analysis) -> Result<()> {
    for e in articles {
        let Some(old) = e.cell.get() else { continue };
        if fingerprint::resemblance(&old.analysis.fingerprint, &new.fingerprint) >= SAME_STORY {
            return Err(Error::BadInput(format!(
                "This article was already added as {} (“{}”). To add a second copy anyway, paste its \
                 text with /article add text:.",
                old.id,
                old.title()
            )));
        }
    }
    Ok(())
}
