//! Text primitives: segmentation into paragraphs, sentences and tokens (with byte
//! spans), and a normalized view of the text that maps back to original offsets.

mod abbrev;
mod boundary;
pub mod case;
mod chars;
mod lists;
pub mod normalize;
pub mod segment;
pub(crate) mod spaces;
mod tokens;
pub mod words;

/// The readable files of `tests/fixtures/articles` (articles, their gold JSON, the
/// notes), each with its path, in directory order: the inputs of the tests that hold a
/// fast path to the loop it replaced.
#[cfg(test)]
pub(crate) fn fixture_files() -> Vec<(std::path::PathBuf, String)> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/articles");
    std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| {
            let p = e.ok()?.path();
            let text = std::fs::read_to_string(&p).ok()?;
            Some((p, text))
        })
        .collect()
}
