//! The parsed document: values with their original number tokens and WTF-8 strings.

use std::borrow::Cow;
use std::fmt;

/// A parsed JSON document that remembers what a re-serialiser needs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Value {
    Null,
    Bool(bool),
    /// The original token text (`1.0`, `1e2`, `-0`, `12345678901234567890`): whether a dialect
    /// prints `1.0` or `1` cannot be recovered once the token has become an f64.
    Number(String),
    String(JsonString),
    Array(Vec<Value>),
    /// Members in document order, duplicates kept; each dialect decides what to do with them.
    Object(Vec<(JsonString, Value)>),
}

/// Decoded string content (escapes resolved), stored as WTF-8: UTF-8 that may also hold lone
/// surrogates (U+D800..U+DFFF) as three-byte sequences. JSON allows `"\ud800"`, and JavaScript
/// and Python carry such a string through to their output, so a `String` could not hold it.
/// Byte order equals code point order, which is the order Python's `sort_keys` and Go's map
/// keys use.
#[derive(Clone, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct JsonString(pub(super) Vec<u8>);

impl JsonString {
    /// The text, unless it holds a lone surrogate.
    pub fn as_str(&self) -> Option<&str> {
        std::str::from_utf8(&self.0).ok()
    }

    /// The text with each lone surrogate shown as U+FFFD.
    pub fn to_string_lossy(&self) -> Cow<'_, str> {
        if let Some(text) = self.as_str() {
            return Cow::Borrowed(text);
        }
        Cow::Owned(
            code_points(&self.0)
                .map(|code_point| char::from_u32(code_point).unwrap_or('\u{FFFD}'))
                .collect(),
        )
    }

    /// The stored bytes: UTF-8 except for lone surrogates.
    pub fn as_wtf8(&self) -> &[u8] {
        &self.0
    }
}

impl From<&str> for JsonString {
    fn from(text: &str) -> Self {
        JsonString(text.as_bytes().to_vec())
    }
}

impl From<String> for JsonString {
    fn from(text: String) -> Self {
        JsonString(text.into_bytes())
    }
}

impl PartialEq<str> for JsonString {
    fn eq(&self, other: &str) -> bool {
        self.0 == other.as_bytes()
    }
}

impl PartialEq<&str> for JsonString {
    fn eq(&self, other: &&str) -> bool {
        self.0 == other.as_bytes()
    }
}

impl fmt::Debug for JsonString {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("\"")?;
        for code_point in code_points(&self.0) {
            match char::from_u32(code_point) {
                Some(c) => write!(f, "{}", c.escape_debug())?,
                None => write!(f, "\\u{{{code_point:x}}}")?,
            }
        }
        f.write_str("\"")
    }
}

impl fmt::Display for JsonString {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_string_lossy())
    }
}

/// UTF-8 encoding extended to surrogates (that extension is what makes it WTF-8).
pub(super) fn push_wtf8(out: &mut Vec<u8>, code_point: u32) {
    match char::from_u32(code_point) {
        Some(c) => out.extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes()),
        // Only surrogates (< 0x10000) get here: three bytes like any other BMP code point.
        None => out.extend_from_slice(&[
            0xE0 | (code_point >> 12) as u8,
            0x80 | ((code_point >> 6) & 0x3F) as u8,
            0x80 | (code_point & 0x3F) as u8,
        ]),
    }
}

/// The first code point of well-formed WTF-8 and its length in bytes.
pub(super) fn decode_wtf8(bytes: &[u8]) -> Option<(u32, usize)> {
    let lead = *bytes.first()?;
    let (len, payload) = match lead {
        0x00..=0x7F => return Some((u32::from(lead), 1)),
        0xC0..=0xDF => (2, lead & 0x1F),
        0xE0..=0xEF => (3, lead & 0x0F),
        _ => (4, lead & 0x07),
    };
    let tail = bytes.get(1..len)?;
    let code_point = tail.iter().fold(u32::from(payload), |acc, &byte| {
        (acc << 6) | u32::from(byte & 0x3F)
    });
    Some((code_point, len))
}

pub(super) fn code_points(mut bytes: &[u8]) -> impl Iterator<Item = u32> + '_ {
    std::iter::from_fn(move || {
        let (code_point, len) = decode_wtf8(bytes)?;
        bytes = bytes.get(len..).unwrap_or_default();
        Some(code_point)
    })
}
