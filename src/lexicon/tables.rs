//! Read-only lookup tables stored as bytes: a word table (word → bit set, an
//! open-addressing hash table) and a byte trie (leftmost-longest phrase matching). Both
//! are built by `build.rs` from the data files and compiled in with `include_bytes!`, so
//! a process reads them in place instead of building hash sets and automata at start-up;
//! the same builders serve a gazetteer parsed at run time.
//!
//! `build.rs` includes this file as a module of its own, so it imports nothing from the
//! crate. Every number is stored little-endian as a `u32`, read without alignment.

/// The value stored for "no entry" in the trie.
const NONE: u32 = u32::MAX;

/// The `i`-th little-endian `u32` of `bytes`.
#[inline]
fn u32_at(bytes: &[u8], i: usize) -> u32 {
    let b = &bytes[i * 4..i * 4 + 4];
    u32::from_le_bytes([b[0], b[1], b[2], b[3]])
}

fn push_u32(out: &mut Vec<u8>, v: u32) {
    out.extend_from_slice(&v.to_le_bytes());
}

/// A fixed 64-bit hash of a word (multiply-rotate over 8-byte chunks): the same at build
/// time and at run time, on every platform.
#[inline]
pub fn hash(word: &[u8]) -> u64 {
    const K: u64 = 0x51_7c_c1_b7_27_22_0a_95;
    let mut h: u64 = word.len() as u64;
    let mut chunks = word.chunks_exact(8);
    for c in &mut chunks {
        let v = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
        h = (h.rotate_left(5) ^ v).wrapping_mul(K);
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        // Byte by byte, not a copy into a buffer (a `memcpy` call for most words).
        let v = rest
            .iter()
            .enumerate()
            .fold(0u64, |v, (i, &b)| v | u64::from(b) << (8 * i));
        h = (h.rotate_left(5) ^ v).wrapping_mul(K);
    }
    h ^ (h >> 29)
}

/// A word table: every key maps to a non-zero `u32` (a set of bits, one per list).
/// Layout: slot count (a power of two), then per slot the key's offset, its length (0 for
/// an empty slot) and its value, then the keys' bytes.
#[derive(Clone, Copy)]
pub struct WordTable<'a> {
    bytes: &'a [u8],
}

impl<'a> WordTable<'a> {
    pub const fn new(bytes: &'a [u8]) -> WordTable<'a> {
        WordTable { bytes }
    }

    /// The value stored for `word`, 0 when it is not in the table.
    #[inline]
    pub fn get(&self, word: &str) -> u32 {
        self.get_bytes(word.as_bytes())
    }

    /// [`WordTable::get`] for a word given as bytes (a word lower-cased into a buffer
    /// needs no UTF-8 check before its probe).
    #[inline]
    pub fn get_bytes(&self, word: &[u8]) -> u32 {
        let slots = u32_at(self.bytes, 0) as usize;
        if slots == 0 {
            return 0;
        }
        let keys = 4 + slots * 12;
        let mask = slots - 1;
        let mut i = hash(word) as usize & mask;
        loop {
            let base = 1 + i * 3;
            let len = u32_at(self.bytes, base + 1) as usize;
            if len == 0 {
                return 0;
            }
            if len == word.len() {
                let at = keys + u32_at(self.bytes, base) as usize;
                if &self.bytes[at..at + len] == word {
                    return u32_at(self.bytes, base + 2);
                }
            }
            i = (i + 1) & mask;
        }
    }
}

/// Builds a [`WordTable`]'s bytes from `(key, bits)` pairs; a key listed twice gets the
/// union of its bits. Empty keys are skipped.
pub fn build_word_table(entries: &[(String, u32)]) -> Vec<u8> {
    let mut merged: Vec<(&str, u32)> = Vec::new();
    let mut index: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for (k, v) in entries.iter().filter(|(k, _)| !k.is_empty()) {
        match index.get(k.as_str()) {
            Some(&i) => merged[i].1 |= v,
            None => {
                index.insert(k.as_str(), merged.len());
                merged.push((k.as_str(), *v));
            }
        }
    }
    // At most half full: a miss ends after about two probes.
    let slots = (merged.len() * 2).next_power_of_two().max(2);
    let mut table = vec![(0u32, 0u32, 0u32); slots];
    let mut keys = Vec::new();
    for (k, v) in merged {
        let mut i = hash(k.as_bytes()) as usize & (slots - 1);
        while table[i].1 != 0 {
            i = (i + 1) & (slots - 1);
        }
        table[i] = (keys.len() as u32, k.len() as u32, v);
        keys.extend_from_slice(k.as_bytes());
    }
    let mut out = Vec::with_capacity(4 + slots * 12 + keys.len());
    push_u32(&mut out, slots as u32);
    for (off, len, v) in table {
        push_u32(&mut out, off);
        push_u32(&mut out, len);
        push_u32(&mut out, v);
    }
    out.extend_from_slice(&keys);
    out
}

/// A byte trie over phrases, each with a value. Layout: node count, edge count, the
/// root's 256 children (`NONE` when absent), 256 bytes saying which bytes have a root
/// child (1) or none (0), a bit per pair of bytes saying whether a phrase starts with
/// the pair or is the pair's first byte alone (65,536 bits), per node its value (`NONE` when no phrase
/// ends there) and its first edge (plus one end mark), per edge its target node, then
/// per edge its byte; a node's edges are sorted by byte.
#[derive(Clone, Copy)]
pub struct Trie<'a> {
    root: &'a [u8],
    /// Per first byte, whether any phrase starts with it: the scan's one-load test.
    starts: &'a [u8; 256],
    /// Per pair of first bytes, whether a walk from the first can get past the second
    /// (see [`pair_bit`]): most walks end there, and one bit test is cheaper.
    pairs: &'a [u8; PAIR_BYTES],
    value: &'a [u8],
    first_edge: &'a [u8],
    target: &'a [u8],
    label: &'a [u8],
}

impl<'a> Trie<'a> {
    /// Reads a trie from bytes made by [`build_trie`].
    pub fn new(bytes: &'a [u8]) -> Trie<'a> {
        let nodes = u32_at(bytes, 0) as usize;
        let edges = u32_at(bytes, 1) as usize;
        let (root, rest) = bytes[8..].split_at(256 * 4);
        let (starts, rest) = rest.split_at(256);
        let starts: &[u8; 256] = starts.try_into().expect("a trie holds 256 start bytes");
        let (pairs, rest) = rest.split_at(PAIR_BYTES);
        let pairs: &[u8; PAIR_BYTES] = pairs.try_into().expect("a trie holds its pair bits");
        let (value, rest) = rest.split_at(nodes * 4);
        let (first_edge, rest) = rest.split_at((nodes + 1) * 4);
        let (target, label) = rest.split_at(edges * 4);
        Trie {
            root,
            starts,
            pairs,
            value,
            first_edge,
            target,
            label,
        }
    }

    #[inline]
    fn child(&self, node: usize, byte: u8) -> Option<usize> {
        let from = u32_at(self.first_edge, node) as usize;
        let to = u32_at(self.first_edge, node + 1) as usize;
        let labels = &self.label[from..to];
        let i = labels.iter().position(|&b| b >= byte)?;
        (labels[i] == byte).then(|| u32_at(self.target, from + i) as usize)
    }

    /// The longest phrase starting at `text[start]`: its end and value.
    #[inline]
    pub fn longest_at(&self, text: &[u8], start: usize) -> Option<(usize, u32)> {
        let first = u32_at(self.root, text[start] as usize);
        if first == NONE {
            return None;
        }
        let mut node = first as usize;
        let mut best = None;
        let mut at = start + 1;
        loop {
            let v = u32_at(self.value, node);
            if v != NONE {
                best = Some((at, v));
            }
            let Some(&b) = text.get(at) else { break };
            match self.child(node, b) {
                Some(next) => node = next,
                None => break,
            }
            at += 1;
        }
        best
    }

    /// Every leftmost-longest phrase match, left to right, without overlaps (the
    /// semantics of aho-corasick's `MatchKind::LeftmostLongest`): `(start, end, value)`.
    pub fn find_iter<'t>(
        &'t self,
        text: &'t [u8],
    ) -> impl Iterator<Item = (usize, usize, u32)> + 't {
        let mut at = 0;
        std::iter::from_fn(move || {
            while at < text.len() {
                if self.starts[text[at] as usize] == 0 {
                    at += 1;
                    continue;
                }
                // No phrase is the first byte alone nor starts with these two bytes: the
                // walk would end at once (most walks from a lower-case start do).
                let next = text.get(at + 1).copied();
                let (i, bit) = pair_bit(text[at], next.unwrap_or(0));
                if next.is_some() && self.pairs[i] & bit == 0 {
                    at += 1;
                    continue;
                }
                if let Some((end, v)) = self.longest_at(text, at) {
                    let start = at;
                    at = end;
                    return Some((start, end, v));
                }
                at += 1;
            }
            None
        })
    }

    /// The value of the phrase that is exactly `text`, if any.
    pub fn exact(&self, text: &[u8]) -> Option<u32> {
        if text.is_empty() {
            return None;
        }
        self.longest_at(text, 0)
            .filter(|&(end, _)| end == text.len())
            .map(|(_, v)| v)
    }
}

/// Bytes of a trie's pair bits: one bit per pair of bytes.
const PAIR_BYTES: usize = 256 * 256 / 8;

/// Where the bit for a walk starting with `first` then `second` is: byte index and mask.
/// It is set when the phrase `first` alone exists (the walk has a match whatever
/// follows) or some phrase starts with the two bytes.
#[inline]
fn pair_bit(first: u8, second: u8) -> (usize, u8) {
    let pair = usize::from(first) << 8 | usize::from(second);
    (pair >> 3, 1 << (pair & 7))
}

/// Builds a [`Trie`]'s bytes from `(phrase, value)` pairs; when a phrase is listed twice
/// the first value wins. Empty phrases are skipped.
pub fn build_trie<'p>(phrases: impl IntoIterator<Item = (&'p str, u32)>) -> Vec<u8> {
    // Per node: its value and its children (byte, node), kept sorted.
    let mut nodes: Vec<(u32, Vec<(u8, u32)>)> = vec![(NONE, Vec::new())];
    for (phrase, value) in phrases {
        let mut node = 0usize;
        for &b in phrase.as_bytes() {
            let children = &nodes[node].1;
            node = match children.binary_search_by_key(&b, |c| c.0) {
                Ok(i) => children[i].1 as usize,
                Err(i) => {
                    let new = nodes.len();
                    nodes[node].1.insert(i, (b, new as u32));
                    nodes.push((NONE, Vec::new()));
                    new
                }
            };
        }
        if node != 0 && nodes[node].0 == NONE {
            nodes[node].0 = value;
        }
    }
    let edges: usize = nodes.iter().map(|n| n.1.len()).sum();
    let mut out = Vec::new();
    push_u32(&mut out, nodes.len() as u32);
    push_u32(&mut out, edges as u32);
    let mut root = [NONE; 256];
    for &(b, to) in &nodes[0].1 {
        root[b as usize] = to;
    }
    root.iter().for_each(|&r| push_u32(&mut out, r));
    out.extend(root.iter().map(|&r| u8::from(r != NONE)));
    let mut pairs = vec![0u8; PAIR_BYTES];
    for &(first, node) in &nodes[0].1 {
        let (value, children) = &nodes[node as usize];
        for second in 0..=255u8 {
            let passes = *value != NONE || children.iter().any(|c| c.0 == second);
            if passes {
                let (i, bit) = pair_bit(first, second);
                pairs[i] |= bit;
            }
        }
    }
    out.extend_from_slice(&pairs);
    nodes.iter().for_each(|n| push_u32(&mut out, n.0));
    let mut first = 0u32;
    for n in &nodes {
        push_u32(&mut out, first);
        first += n.1.len() as u32;
    }
    push_u32(&mut out, first);
    for n in &nodes {
        n.1.iter().for_each(|&(_, to)| push_u32(&mut out, to));
    }
    for n in &nodes {
        out.extend(n.1.iter().map(|&(b, _)| b));
    }
    out
}

/// The entries of a `Canonical|alias|…` gazetteer file: for each, the `# --- Section`
/// heading it is listed under ("" before the first) and its non-empty forms, canonical
/// first. Lines that are blank, comments, or hold no form are skipped.
pub fn gazetteer_entries(data: &str) -> Vec<(&str, Vec<&str>)> {
    let mut out = Vec::new();
    let mut section = "";
    for line in data.lines().map(str::trim).filter(|l| !l.is_empty()) {
        if let Some(heading) = line.strip_prefix("# ---") {
            section = heading.trim();
            continue;
        }
        if line.starts_with('#') {
            continue;
        }
        let forms: Vec<&str> = line
            .split('|')
            .map(str::trim)
            .filter(|f| !f.is_empty())
            .collect();
        if !forms.is_empty() {
            out.push((section, forms));
        }
    }
    out
}

/// A gazetteer's trie: every form of every entry, valued by its entry's index.
pub fn gazetteer_trie(entries: &[(&str, Vec<&str>)]) -> Vec<u8> {
    build_trie(
        entries
            .iter()
            .enumerate()
            .flat_map(|(i, (_, forms))| forms.iter().map(move |f| (*f, i as u32))),
    )
}

/// A gazetteer's forms as a word table, each valued by its entry's index plus one (the
/// first entry listing a form wins, as in the trie): whole-string lookups in one probe.
pub fn gazetteer_forms(entries: &[(&str, Vec<&str>)]) -> Vec<u8> {
    let mut seen = std::collections::HashSet::new();
    let mut forms = Vec::new();
    for (i, (_, fs)) in entries.iter().enumerate() {
        for f in fs {
            if seen.insert(*f) {
                forms.push((f.to_string(), i as u32 + 1));
            }
        }
    }
    build_word_table(&forms)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_word_table_finds_its_keys_and_nothing_else() {
        let entries: Vec<(String, u32)> = (0..500)
            .map(|i| (format!("w{i}"), 1 << (i % 7)))
            .chain([("w3".to_string(), 1 << 20)])
            .collect();
        let bytes = build_word_table(&entries);
        let t = WordTable::new(&bytes);
        assert_eq!(t.get("w3"), (1 << 3) | (1 << 20));
        assert_eq!(t.get("w499"), 1 << (499 % 7));
        assert_eq!(t.get("w500"), 0);
        assert_eq!(t.get(""), 0);
    }

    #[test]
    fn the_trie_matches_leftmost_longest_without_overlaps() {
        let bytes = build_trie([("New York", 0), ("New", 1), ("York", 2), ("New", 9)]);
        let t = Trie::new(&bytes);
        let text = b"New York and New Yor";
        let found: Vec<_> = t.find_iter(text).collect();
        assert_eq!(found, [(0, 8, 0), (13, 16, 1)]);
        assert_eq!(t.exact(b"New"), Some(1));
        assert_eq!(t.exact(b"New Y"), None);
        assert_eq!(t.exact(b""), None);
    }
}
