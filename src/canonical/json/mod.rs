//! Parse a JSON body without losing anything a byte-exact re-serialiser needs, and re-emit it
//! the way common serialisers would (`JSON.stringify`, `json.dumps`, `json_encode`,
//! `encoding/json`, Jackson, Gson, System.Text.Json, serde_json, Rails, Stripe's pretty JSON).
//!
//! Why: a receiver that parses the body and then hashes its own re-serialisation signs different
//! bytes. Rendering the parsed body in every dialect and comparing HMACs names the framework
//! that did it (failure-modes.md: body_reserialized_compact … body_number_normalized).
//!
//! The byte rules were checked against the real tools where they run (Node, CPython, PHP, Go,
//! Jackson, Gson, ActiveSupport, serde_json; see the vectors in the tests) and taken from the
//! cited source otherwise (.NET).
//!
//! [`value`] holds the parsed document, [`parse`](mod@parse) reads it, [`dialect`] models
//! each serialiser's choices, [`render`](mod@render) writes a value in a dialect and
//! [`number`] formats numbers as each language does.

pub mod dialect;
pub mod number;
pub mod parse;
pub mod render;
pub mod value;

#[cfg(test)]
mod tests;

pub use dialect::*;
pub use parse::parse;
pub use render::render;
pub use value::{JsonString, Value};
