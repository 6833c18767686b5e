//! libFuzzer target: any bytes, with a format hint chosen by the first byte, through
//! ingest → analyze → JSON rendering. A panic, a span off a char boundary or outside the
//! text, or a bad sentence index is a crash (checks shared with tests/fuzz_props.rs).

#![no_main]

#[path = "../../tests/hostile_support/mod.rs"]
mod hostile_support;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&selector, bytes)) = data.split_first() else { return };
    let hint = match selector % 4 {
        0 => None,
        1 => Some("article.txt"),
        2 => Some("article.md"),
        _ => Some("article.html"),
    };
    match hostile_support::pipeline(bytes, hint) {
        Ok(_) | Err(newsdesk::Error::BadInput(_)) | Err(newsdesk::Error::Limit(_)) => {}
        Err(other) => panic!("unexpected error kind from ingest: {other:?}"),
    }
});
