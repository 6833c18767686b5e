//! The shape of the source tree: module imports run one way and files stay small.
//!
//! Reads every file under `src/`, collects the modules each one names (`use crate::…`,
//! `use super::…` and paths such as `crate::store::Store` in code), and checks that
//!
//! - no two sibling modules depend on each other, directly or around a longer circle
//!   (an edge `a::b::x → a::c::y` counts as `a::b → a::c`; a module using its own
//!   parent or child is not a circle);
//! - the top-level modules keep their layers: a module imports only modules of a lower
//!   layer (see [`LAYERS`]);
//! - no file under `src/` is longer than [`MAX_FILE_LINES`] lines, and no function is
//!   longer than [`MAX_FN_LINES`] lines.
//!
//! The reader is a small scanner, not a Rust parser: it drops comments, string and char
//! literals, then reads paths. That is enough for this code base, and a test below
//! checks it on a made-up file.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The top-level modules from the bottom layer up. A module may import modules of its
/// own layer's foundations (layer 0) and of any lower layer, never of a higher one.
/// `text` sits below `ingest` because ingest builds its `Document` with text's
/// segmenter; `render` sits above `commands` because it renders their responses.
const LAYERS: &[&[&str]] = &[
    &[
        "model",
        "error",
        "config",
        "discord_limits",
        "lexicon",
        "parallel",
        "heap",
    ],
    &["text"],
    &["ingest"],
    &["analyze"],
    &["query"],
    &["store"],
    &["briefing"],
    &["commands"],
    &["render"],
    &["bot", "console"],
];

const MAX_FILE_LINES: usize = 800;
const MAX_FN_LINES: usize = 120;

fn src_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

/// Every `.rs` file under `dir`, sorted.
fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).expect("read src dir") {
            let path = entry.expect("dir entry").path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(path);
            }
        }
    }
    out.sort();
    out
}

/// The module path of a source file: `src/query/index.rs` → `["query", "index"]`,
/// `src/store/mod.rs` → `["store"]`, `src/lib.rs` → `[]`.
fn module_of(src: &Path, file: &Path) -> Vec<String> {
    let rel = file.strip_prefix(src).expect("under src");
    let mut parts: Vec<String> = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    let last = parts.pop().expect("file name");
    let stem = last.trim_end_matches(".rs");
    if !matches!(stem, "mod" | "lib" | "main") {
        parts.push(stem.to_string());
    }
    parts
}

/// The source without comments and without the contents of string and char literals
/// (a literal becomes `""`), so paths in docs and messages are not read as imports.
fn strip_comments_and_strings(src: &str) -> String {
    let b = src.as_bytes();
    let mut out = String::with_capacity(src.len());
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'/' if b.get(i + 1) == Some(&b'/') => {
                while i < b.len() && b[i] != b'\n' {
                    i += 1;
                }
            }
            b'/' if b.get(i + 1) == Some(&b'*') => {
                let mut depth = 0usize;
                while i < b.len() {
                    if b[i] == b'/' && b.get(i + 1) == Some(&b'*') {
                        depth += 1;
                        i += 2;
                    } else if b[i] == b'*' && b.get(i + 1) == Some(&b'/') {
                        depth -= 1;
                        i += 2;
                        if depth == 0 {
                            break;
                        }
                    } else {
                        i += 1;
                    }
                }
            }
            b'r' if matches!(b.get(i + 1), Some(b'"' | b'#'))
                && (i == 0 || !is_ident_byte(b[i - 1])) =>
            {
                // Raw string r"…" or r#"…"#.
                let mut j = i + 1;
                let mut hashes = 0;
                while b.get(j) == Some(&b'#') {
                    hashes += 1;
                    j += 1;
                }
                if b.get(j) != Some(&b'"') {
                    out.push('r');
                    i += 1;
                    continue;
                }
                j += 1;
                loop {
                    if j >= b.len() {
                        break;
                    }
                    if b[j] == b'"' && b[j + 1..].iter().take(hashes).all(|&c| c == b'#') {
                        j += 1 + hashes;
                        break;
                    }
                    j += 1;
                }
                out.push_str("\"\"");
                i = j;
            }
            b'"' => {
                i += 1;
                while i < b.len() && b[i] != b'"' {
                    if b[i] == b'\\' {
                        i += 1;
                    }
                    i += 1;
                }
                i += 1;
                out.push_str("\"\"");
            }
            b'\'' => {
                // A char literal ('x', '\n', '\u{..}') or a lifetime ('a).
                let rest = &src[i + 1..];
                let mut chars = rest.char_indices();
                match chars.next() {
                    Some((_, '\\')) => {
                        let end = rest[1..].find('\'').map_or(rest.len(), |e| e + 2);
                        i += 1 + end;
                        out.push_str("' '");
                    }
                    Some((_, c)) if rest[c.len_utf8()..].starts_with('\'') => {
                        i += 2 + c.len_utf8();
                        out.push_str("' '");
                    }
                    _ => {
                        out.push('\'');
                        i += 1;
                    }
                }
            }
            _ => {
                let ch = src[i..].chars().next().expect("char");
                out.push(ch);
                i += ch.len_utf8();
            }
        }
    }
    out
}

fn is_ident_byte(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'_'
}

/// Every path starting with `crate` or `super` in the (stripped) source, with `use`
/// groups expanded: `use crate::a::{b, c::d}` gives `crate::a::b` and `crate::a::c::d`.
fn crate_paths(code: &str) -> Vec<Vec<String>> {
    let tokens = tokenize(code);
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let t = tokens[i].as_str();
        let starts = (t == "crate" || t == "super")
            && (i == 0 || tokens[i - 1] != "::")
            && tokens.get(i + 1).is_some_and(|n| n == "::");
        if starts {
            let mut prefix = vec![t.to_string()];
            i = read_tree(&tokens, i + 1, &mut prefix, &mut out);
        } else {
            i += 1;
        }
    }
    out
}

/// Reads `::seg::seg…` or `::{tree, tree}` after `prefix`, from `tokens[at]`, pushing
/// each full path; returns the index after what was read.
fn read_tree(
    tokens: &[String],
    mut at: usize,
    prefix: &mut Vec<String>,
    out: &mut Vec<Vec<String>>,
) -> usize {
    let depth = prefix.len();
    while tokens.get(at).is_some_and(|t| t == "::") {
        match tokens.get(at + 1).map(String::as_str) {
            Some("{") => {
                // The group's items continue the path read so far.
                let base = prefix.len();
                at += 2;
                loop {
                    match tokens.get(at).map(String::as_str) {
                        None => break,
                        Some("}") => {
                            at += 1;
                            break;
                        }
                        Some(",") => at += 1,
                        Some(seg) => {
                            prefix.push(seg.to_string());
                            at = read_tree(tokens, at + 1, prefix, out);
                            prefix.truncate(base);
                            // Skip `as name` and anything else up to the next item.
                            while let Some(t) = tokens.get(at) {
                                if t == "," || t == "}" {
                                    break;
                                }
                                at += 1;
                            }
                        }
                    }
                }
                prefix.truncate(depth);
                return at;
            }
            Some(seg) if seg.bytes().all(is_ident_byte) || seg == "*" => {
                prefix.push(seg.to_string());
                at += 2;
            }
            _ => break,
        }
    }
    out.push(prefix.clone());
    prefix.truncate(depth);
    at
}

/// Identifiers, `::` and single punctuation characters.
fn tokenize(code: &str) -> Vec<String> {
    let b = code.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if is_ident_byte(c) {
            let start = i;
            while i < b.len() && is_ident_byte(b[i]) {
                i += 1;
            }
            out.push(code[start..i].to_string());
        } else if c == b':' && b.get(i + 1) == Some(&b':') {
            out.push("::".into());
            i += 2;
        } else if c.is_ascii_whitespace() {
            i += 1;
        } else {
            let ch = code[i..].chars().next().expect("char");
            out.push(ch.to_string());
            i += ch.len_utf8();
        }
    }
    out
}

/// The module a path names: the longest known module its leading segments spell.
fn resolve(
    path: &[String],
    from: &[String],
    is_mod_file: bool,
    modules: &BTreeSet<Vec<String>>,
) -> Option<Vec<String>> {
    let mut full: Vec<String> = Vec::new();
    let mut segs = path.iter().peekable();
    match segs.next().map(String::as_str) {
        Some("crate") => {}
        Some("super") => {
            // `super` of `a::b` is `a`, whether `b` is `a/b.rs` or `a/b/mod.rs`.
            let _ = is_mod_file;
            full.extend(from.iter().take(from.len().saturating_sub(1)).cloned());
            while segs.peek().is_some_and(|s| *s == "super") {
                segs.next();
                full.pop();
            }
        }
        _ => return None,
    }
    full.extend(segs.cloned());
    (1..=full.len())
        .rev()
        .map(|n| full[..n].to_vec())
        .find(|m| modules.contains(m))
}

/// Module → modules it names (neither itself nor an ancestor or descendant).
fn dependency_graph() -> BTreeMap<String, BTreeSet<String>> {
    let src = src_dir();
    let files = rust_files(&src);
    let modules: BTreeSet<Vec<String>> = files.iter().map(|f| module_of(&src, f)).collect();
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for file in &files {
        let from = module_of(&src, file);
        if from.is_empty() {
            continue; // lib.rs and main.rs only declare and wire modules.
        }
        let code = strip_comments_and_strings(&std::fs::read_to_string(file).expect("read"));
        let is_mod_file = file.ends_with("mod.rs");
        for path in crate_paths(&code) {
            let Some(to) = resolve(&path, &from, is_mod_file, &modules) else {
                continue;
            };
            if to.starts_with(&from) || from.starts_with(&to) {
                continue;
            }
            graph
                .entry(from.join("::"))
                .or_default()
                .insert(to.join("::"));
        }
    }
    graph
}

/// Edges between siblings: `a::b::x → a::c::y` becomes `a::b → a::c`.
fn sibling_edges(graph: &BTreeMap<String, BTreeSet<String>>) -> BTreeMap<String, BTreeSet<String>> {
    let mut out: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (from, tos) in graph {
        let f: Vec<&str> = from.split("::").collect();
        for to in tos {
            let t: Vec<&str> = to.split("::").collect();
            let common = f.iter().zip(&t).take_while(|(a, b)| a == b).count();
            if common < f.len() && common < t.len() {
                out.entry(f[..=common].join("::"))
                    .or_default()
                    .insert(t[..=common].join("::"));
            }
        }
    }
    out
}

/// Strongly connected components with more than one module (Tarjan).
fn circles(graph: &BTreeMap<String, BTreeSet<String>>) -> Vec<Vec<String>> {
    struct Tarjan<'a> {
        graph: &'a BTreeMap<String, BTreeSet<String>>,
        index: BTreeMap<&'a str, usize>,
        low: BTreeMap<&'a str, usize>,
        stack: Vec<&'a str>,
        on_stack: BTreeSet<&'a str>,
        found: Vec<Vec<String>>,
    }
    impl<'a> Tarjan<'a> {
        fn visit(&mut self, v: &'a str) {
            let n = self.index.len();
            self.index.insert(v, n);
            self.low.insert(v, n);
            self.stack.push(v);
            self.on_stack.insert(v);
            for w in self.graph.get(v).into_iter().flatten() {
                let w = w.as_str();
                if !self.index.contains_key(w) {
                    self.visit(w);
                    let lw = self.low[w];
                    let lv = self.low.get_mut(v).expect("visited");
                    *lv = (*lv).min(lw);
                } else if self.on_stack.contains(w) {
                    let iw = self.index[w];
                    let lv = self.low.get_mut(v).expect("visited");
                    *lv = (*lv).min(iw);
                }
            }
            if self.low[v] == self.index[v] {
                let mut component = Vec::new();
                while let Some(w) = self.stack.pop() {
                    self.on_stack.remove(w);
                    component.push(w.to_string());
                    if w == v {
                        break;
                    }
                }
                if component.len() > 1 {
                    component.sort();
                    self.found.push(component);
                }
            }
        }
    }
    let mut t = Tarjan {
        graph,
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        stack: Vec::new(),
        on_stack: BTreeSet::new(),
        found: Vec::new(),
    };
    for v in graph.keys() {
        if !t.index.contains_key(v.as_str()) {
            t.visit(v);
        }
    }
    t.found.sort();
    t.found
}

fn describe(graph: &BTreeMap<String, BTreeSet<String>>, circle: &[String]) -> String {
    let mut lines = vec![format!("  circle: {}", circle.join(", "))];
    for m in circle {
        let inside: Vec<&str> = graph
            .get(m)
            .into_iter()
            .flatten()
            .filter(|t| circle.contains(t))
            .map(String::as_str)
            .collect();
        lines.push(format!("    {m} → {}", inside.join(", ")));
    }
    lines.join("\n")
}

#[test]
fn no_module_imports_another_that_imports_it_back() {
    let graph = sibling_edges(&dependency_graph());
    let new: Vec<String> = circles(&graph)
        .iter()
        .map(|c| describe(&graph, c))
        .collect();
    assert!(
        new.is_empty(),
        "import circles among src/ modules (move what they share into the lower one, or a small shared module):\n{}",
        new.join("\n")
    );
}

#[test]
fn top_level_modules_import_only_lower_layers() {
    let layer_of = |m: &str| LAYERS.iter().position(|l| l.contains(&m));
    let graph = sibling_edges(&dependency_graph());
    let mut wrong = Vec::new();
    for (from, tos) in &graph {
        if from.contains("::") {
            continue;
        }
        let Some(lf) = layer_of(from) else {
            wrong.push(format!("  {from} is in no layer: add it to LAYERS"));
            continue;
        };
        for to in tos {
            match layer_of(to) {
                Some(lt) if lt < lf || (lt == 0 && lf == 0) => {}
                Some(_) => wrong.push(format!("  {from} imports {to}, a layer above or beside it")),
                None => wrong.push(format!("  {to} is in no layer: add it to LAYERS")),
            }
        }
    }
    assert!(wrong.is_empty(), "layering:\n{}", wrong.join("\n"));
}

/// Line count of each function (from its `fn` line to its closing brace at the same
/// indentation) in stripped source.
fn long_functions(code: &str) -> Vec<(String, usize)> {
    let lines: Vec<&str> = code.lines().collect();
    let mut out = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let trimmed = line.trim_start();
        let indent = line.len() - trimmed.len();
        let signature = trimmed
            .split_whitespace()
            .skip_while(|w| {
                w.starts_with("pub")
                    || matches!(*w, "async" | "const" | "unsafe" | "extern" | "default")
            })
            .collect::<Vec<_>>();
        if signature.first() != Some(&"fn") {
            continue;
        }
        let name: String = signature
            .get(1)
            .map(|n| {
                n.chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect()
            })
            .unwrap_or_default();
        // A declaration without a body (trait method) ends with `;` before any `{`.
        let Some(end) = lines[i..].iter().position(|l| {
            let t = l.trim_start();
            l.len() - t.len() == indent
                && (t.starts_with('}') || (t.ends_with(';') && !t.contains('{')))
        }) else {
            continue;
        };
        out.push((name, end + 1));
    }
    out
}

#[test]
fn files_and_functions_stay_small() {
    let src = src_dir();
    let mut wrong = Vec::new();
    for file in rust_files(&src) {
        let rel = file.strip_prefix(&src).expect("under src");
        let text = std::fs::read_to_string(&file).expect("read");
        let n = text.lines().count();
        if n > MAX_FILE_LINES {
            wrong.push(format!(
                "  {} has {n} lines (most {MAX_FILE_LINES})",
                rel.display()
            ));
        }
        for (name, len) in long_functions(&strip_comments_and_strings(&text)) {
            if len > MAX_FN_LINES {
                wrong.push(format!(
                    "  {}: fn {name} has {len} lines (most {MAX_FN_LINES})",
                    rel.display()
                ));
            }
        }
    }
    assert!(wrong.is_empty(), "too big:\n{}", wrong.join("\n"));
}

#[test]
fn the_reader_finds_paths_in_code_and_not_in_comments_or_strings() {
    let code = strip_comments_and_strings(
        "use crate::a::{b, c::{d, e as f}};\n\
         // use crate::nope;\n\
         /* crate::nope2 */\n\
         let s = \"crate::nope3\"; let r = r#\"crate::nope4\"#; let c = '\\'';\n\
         fn x<'a>() { super::g::h(); crate::i::J::new(); }\n",
    );
    let got: Vec<String> = crate_paths(&code).iter().map(|p| p.join("::")).collect();
    assert_eq!(
        got,
        [
            "crate::a::b",
            "crate::a::c::d",
            "crate::a::c::e",
            "super::g::h",
            "crate::i::J::new"
        ]
    );
    let long = long_functions(
        "fn a() {\n    x();\n}\n    pub(crate) fn b(\n        y: u8,\n    ) {\n    }\n",
    );
    assert_eq!(long, [("a".to_string(), 3), ("b".to_string(), 4)]);
}

#[test]
fn a_circle_is_found_between_siblings_not_between_parent_and_child() {
    let mut g: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut edge = |a: &str, b: &str| {
        g.entry(a.into()).or_default().insert(b.into());
    };
    edge("x::p", "x");
    edge("x", "x::p");
    edge("y::a::deep", "y::b");
    edge("y::b", "y::a");
    edge("z", "y");
    let siblings = sibling_edges(&g);
    assert_eq!(
        circles(&siblings),
        [vec!["y::a".to_string(), "y::b".to_string()]]
    );
}
