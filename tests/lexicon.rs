//! The word lists under `data/` (`newsdesk::lexicon`): every line of every list parses
//! in its list's shape, every list names its source and licence, every file under
//! `data/` is a registered list (or the sample article / README), every list is read by
//! some stage, and `data/README.md` lists every file.

use newsdesk::lexicon::{ALL, List};
use std::path::{Path, PathBuf};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Files under `data/` that are not word lists.
const NOT_LISTS: &[&str] = &["README.md", "sample-article.txt", "sample-article-2.txt"];

#[test]
fn every_line_of_every_list_parses() {
    let errors: Vec<String> = ALL
        .iter()
        .flat_map(|(_, list)| list.check())
        .map(|e| e.to_string())
        .collect();
    assert!(errors.is_empty(), "{}", errors.join("\n"));
    for (name, list) in ALL {
        assert!(list.entries().count() > 0, "{name} is empty");
    }
}

#[test]
fn every_data_file_is_a_registered_list() {
    let registered: Vec<&str> = ALL.iter().map(|(_, l)| l.file).collect();
    for entry in std::fs::read_dir(root().join("data")).unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().into_owned();
        assert!(
            registered.contains(&name.as_str()) || NOT_LISTS.contains(&name.as_str()),
            "data/{name} is not registered in src/lexicon.rs"
        );
    }
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") && !path.ends_with("lexicon.rs") {
            out.push(path);
        }
    }
}

#[test]
fn every_list_is_read_by_some_stage() {
    let mut files = Vec::new();
    rust_files(&root().join("src"), &mut files);
    files.extend(
        [
            "src/analyze/people/lexicon.rs",
            "src/analyze/figures/lexicon.rs",
        ]
        .map(|p| root().join(p)),
    );
    let source: String = files
        .iter()
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect();
    let scripts: String = std::fs::read_dir(root().join("scripts"))
        .map(|dir| {
            dir.filter_map(|e| std::fs::read_to_string(e.ok()?.path()).ok())
                .collect()
        })
        .unwrap_or_default();
    // build.rs compiles some lists into the word table, by file name.
    let build_rs = std::fs::read_to_string(root().join("build.rs")).unwrap();
    for (name, list) in ALL {
        assert!(
            source.contains(&format!("lexicon::{name}"))
                || scripts.contains(list.file)
                || build_rs.contains(&format!("\"{}\"", list.file)),
            "neither a stage, build.rs nor a generator script reads lexicon::{name}"
        );
    }
}

#[test]
fn the_data_readme_lists_every_file() {
    let readme = std::fs::read_to_string(root().join("data/README.md")).unwrap();
    for (_, List { file, .. }) in ALL {
        assert!(
            readme.contains(&format!("`{file}`")),
            "data/README.md does not list {file}"
        );
    }
}
