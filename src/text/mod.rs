//! Text primitives: segmentation into paragraphs, sentences and tokens (with byte
//! spans), and a normalized view of the text that maps back to original offsets.

mod abbrev;
mod boundary;
pub mod case;
mod chars;
mod lists;
pub mod normalize;
pub mod segment;
mod tokens;
pub mod words;
