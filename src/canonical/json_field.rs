//! A field of a JSON body as its bytes were sent, for schemes that sign one field's JSON text
//! rather than the body (Exact Online's `Content`, Treezor's `object_payload`).
//!
//! A parse that rebuilt the value would lose what was signed (whitespace, escapes, number
//! spelling), so the field's value is located in the raw bytes. A key that occurs twice on the
//! way is refused: a receiver's parser keeps one of the two (usually the last), and checking
//! the other would let a delivery carry an unsigned twin of the signed field.

use crate::canonical::json_dialect::{self, Dialect};

/// Nesting deeper than this is refused (as in `json_dialect::parse`).
const MAX_DEPTH: usize = 512;

/// Why a field could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FieldError {
    /// The body is not JSON, or has no such field.
    Missing,
    /// An object on the path has the key more than once.
    Duplicate(String),
}

/// The raw bytes of the value at `path` (`a.b`, numbers index arrays) in the JSON `body`.
pub fn raw<'b>(body: &'b [u8], path: &str) -> Result<&'b [u8], FieldError> {
    let mut scanner = Scanner {
        bytes: body,
        pos: 0,
    };
    scanner.whitespace();
    let (mut start, mut end) = scanner.value(0).ok_or(FieldError::Missing)?;
    scanner.whitespace();
    if scanner.pos != body.len() {
        return Err(FieldError::Missing);
    }
    for key in path.split('.') {
        let mut inner = Scanner {
            bytes: &body[..end],
            pos: start,
        };
        (start, end) = inner.member(key)?;
    }
    Ok(&body[start..end])
}

/// The value at `path` serialised again in the named dialect (`php_default`: PHP's
/// `json_encode` defaults), as senders that sign their own re-encoding of a field do.
pub fn rendered(body: &[u8], path: &str, dialect: &str) -> Result<Vec<u8>, FieldError> {
    let dialect = dialect_named(dialect).ok_or(FieldError::Missing)?;
    let value = json_dialect::parse(raw(body, path)?).ok_or(FieldError::Missing)?;
    let mut out = Vec::new();
    json_dialect::render(&value, &dialect, &mut out);
    Ok(out)
}

/// A named serialiser preset (`js_compact`, `php_default`, … as `hookcheck` reports them).
pub fn dialect_named(name: &str) -> Option<Dialect> {
    Dialect::ALL.iter().find(|d| d.name() == name).copied()
}

/// `text` as a JSON string literal, quoted and escaped as JavaScript's `JSON.stringify` writes
/// it (`"`, `\` and control characters escaped, everything else as it is). Bytes that are not
/// UTF-8 become U+FFFD, as they do when a JavaScript receiver reads the body as a string.
pub fn string_literal(text: &[u8]) -> Vec<u8> {
    let value = json_dialect::Value::String(String::from_utf8_lossy(text).into_owned().into());
    let mut out = Vec::with_capacity(text.len() + 2);
    json_dialect::render(&value, &Dialect::JS_COMPACT, &mut out);
    out
}

struct Scanner<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl Scanner<'_> {
    fn whitespace(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.bytes.get(self.pos) {
            self.pos += 1;
        }
    }

    fn eat(&mut self, byte: u8) -> bool {
        self.whitespace();
        let found = self.bytes.get(self.pos) == Some(&byte);
        if found {
            self.pos += 1;
        }
        found
    }

    /// The span of the member `key` of the object (or item `key` of the array) here.
    fn member(&mut self, key: &str) -> Result<(usize, usize), FieldError> {
        self.whitespace();
        match self.bytes.get(self.pos) {
            Some(b'{') => {
                self.pos += 1;
                let mut found = None;
                if self.eat(b'}') {
                    return Err(FieldError::Missing);
                }
                loop {
                    self.whitespace();
                    let (ks, ke) = self.string().ok_or(FieldError::Missing)?;
                    let name: String = serde_json::from_slice(&self.bytes[ks..ke])
                        .map_err(|_| FieldError::Missing)?;
                    if !self.eat(b':') {
                        return Err(FieldError::Missing);
                    }
                    self.whitespace();
                    let span = self.value(1).ok_or(FieldError::Missing)?;
                    if name == key && found.replace(span).is_some() {
                        return Err(FieldError::Duplicate(key.to_owned()));
                    }
                    if self.eat(b'}') {
                        return found.ok_or(FieldError::Missing);
                    }
                    if !self.eat(b',') {
                        return Err(FieldError::Missing);
                    }
                }
            }
            Some(b'[') => {
                let want: usize = key.parse().map_err(|_| FieldError::Missing)?;
                self.pos += 1;
                if self.eat(b']') {
                    return Err(FieldError::Missing);
                }
                let mut index = 0;
                loop {
                    self.whitespace();
                    let span = self.value(1).ok_or(FieldError::Missing)?;
                    if index == want {
                        return Ok(span);
                    }
                    index += 1;
                    if !self.eat(b',') {
                        return Err(FieldError::Missing);
                    }
                }
            }
            _ => Err(FieldError::Missing),
        }
    }

    /// Skips one value starting here (no leading whitespace); its span.
    fn value(&mut self, depth: usize) -> Option<(usize, usize)> {
        if depth > MAX_DEPTH {
            return None;
        }
        let start = self.pos;
        match *self.bytes.get(self.pos)? {
            b'"' => return self.string(),
            b'{' | b'[' => {
                let close = if self.bytes[self.pos] == b'{' {
                    b'}'
                } else {
                    b']'
                };
                self.pos += 1;
                if !self.eat(close) {
                    loop {
                        self.whitespace();
                        if close == b'}' {
                            self.string()?;
                            if !self.eat(b':') {
                                return None;
                            }
                            self.whitespace();
                        }
                        self.value(depth + 1)?;
                        if self.eat(close) {
                            break;
                        }
                        if !self.eat(b',') {
                            return None;
                        }
                    }
                }
            }
            b't' | b'f' | b'n' => {
                let word: &[u8] = match self.bytes[self.pos] {
                    b't' => b"true",
                    b'f' => b"false",
                    _ => b"null",
                };
                if !self.bytes[self.pos..].starts_with(word) {
                    return None;
                }
                self.pos += word.len();
            }
            b'-' | b'0'..=b'9' => {
                while let Some(b'-' | b'+' | b'.' | b'e' | b'E' | b'0'..=b'9') =
                    self.bytes.get(self.pos)
                {
                    self.pos += 1;
                }
                // The number's spelling is checked where it matters (a dialect's parse); here
                // only its extent.
            }
            _ => return None,
        }
        Some((start, self.pos))
    }

    /// Skips a string starting here; its span, quotes included.
    fn string(&mut self) -> Option<(usize, usize)> {
        let start = self.pos;
        if self.bytes.get(self.pos) != Some(&b'"') {
            return None;
        }
        self.pos += 1;
        loop {
            match *self.bytes.get(self.pos)? {
                b'"' => {
                    self.pos += 1;
                    return Some((start, self.pos));
                }
                b'\\' => self.pos += 2,
                c if c < 0x20 => return None,
                _ => self.pos += 1,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn raw_fields_keep_their_bytes() {
        let body = br#"{"Content":{ "Topic" : "Accounts", "n": 1.50 },"HashCode":"AB"}"#;
        assert_eq!(
            raw(body, "Content").unwrap(),
            br#"{ "Topic" : "Accounts", "n": 1.50 }"#
        );
        assert_eq!(raw(body, "Content.n").unwrap(), b"1.50");
        assert_eq!(raw(body, "HashCode").unwrap(), br#""AB""#);
        let nested = br#" { "a" : [ {"b":"x\"y"} , 2 ] } "#;
        assert_eq!(raw(nested, "a.0.b").unwrap(), br#""x\"y""#);
        assert_eq!(raw(nested, "a.1").unwrap(), b"2");
        assert_eq!(raw(nested, "a.2"), Err(FieldError::Missing));
        assert_eq!(raw(br#"{"a":1}"#, "b"), Err(FieldError::Missing));
        assert_eq!(raw(b"a=1", "a"), Err(FieldError::Missing));
        assert_eq!(raw(br#"{"a":1} x"#, "a"), Err(FieldError::Missing));
        // An escaped key is the same key.
        assert_eq!(raw(br#"{"\u0061":1}"#, "a").unwrap(), b"1");
    }

    #[test]
    fn a_key_twice_on_the_path_is_refused() {
        let body = br#"{"Content":{"a":1},"Content":{"a":2},"HashCode":"AB"}"#;
        assert_eq!(
            raw(body, "Content"),
            Err(FieldError::Duplicate("Content".into()))
        );
        let inner = br#"{"p":{"a":1,"a":2}}"#;
        assert_eq!(raw(inner, "p.a"), Err(FieldError::Duplicate("a".into())));
        // Elsewhere in the body a repeated key does not matter here.
        assert_eq!(raw(br#"{"x":1,"x":2,"p":3}"#, "p").unwrap(), b"3");
    }

    #[test]
    fn schemes_name_exactly_the_dialect_presets() {
        let presets: Vec<&str> = Dialect::ALL.iter().map(Dialect::name).collect();
        assert_eq!(presets, crate::scheme::template::JSON_DIALECTS);
    }

    #[test]
    fn rendered_in_php_and_string_literals_as_javascript() {
        let body = "{\"object_payload\":{\"name\":\"café\",\"url\":\"a/b\",\"n\":10.0}}";
        assert_eq!(
            rendered(body.as_bytes(), "object_payload", "php_default").unwrap(),
            br#"{"name":"caf\u00e9","url":"a\/b","n":10}"#
        );
        assert_eq!(
            string_literal("a\"b\\c\n\u{1}é/".as_bytes()),
            "\"a\\\"b\\\\c\\n\\u0001é/\"".as_bytes()
        );
        assert!(dialect_named("no_such_dialect").is_none());
    }
}
