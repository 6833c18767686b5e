//! Text primitives: segmentation into paragraphs, sentences and tokens (with byte
//! spans), and a normalized view of the text that maps back to original offsets.

pub mod normalize;
pub mod segment;
pub mod words;
