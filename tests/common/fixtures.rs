//! The fixture articles (`tests/fixtures/articles/*.txt`), found one way for every test
//! and benchmark (benches include this file with `#[path]`).
#![allow(dead_code)]

use std::path::{Path, PathBuf};

/// The fixture articles' directory.
pub fn articles_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/articles")
}

/// The `.txt` articles of `dir`, sorted by path.
pub fn article_paths_in(dir: &Path) -> Vec<PathBuf> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    paths
}

/// The fixture articles, sorted by path.
pub fn article_paths() -> Vec<PathBuf> {
    article_paths_in(&articles_dir())
}

/// Every fixture article as (file name, bytes), sorted by name.
pub fn articles() -> Vec<(String, Vec<u8>)> {
    article_paths()
        .into_iter()
        .map(|p| {
            let bytes =
                std::fs::read(&p).unwrap_or_else(|e| panic!("cannot read {}: {e}", p.display()));
            (
                p.file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default(),
                bytes,
            )
        })
        .collect()
}
