//! Strict RFC 8259 parsing into a [`Value`], keeping number tokens and lone surrogates.

use super::value::{JsonString, Value, push_wtf8};

/// Deeper documents are rejected rather than risking the stack; real webhook bodies nest < 20.
pub(super) const MAX_DEPTH: usize = 512;

/// Parses strict RFC 8259 JSON (any value at the top, JSON whitespace around it, UTF-8 text).
/// Returns `None` for anything else, including a byte order mark and documents nested deeper
/// than 512 levels.
pub fn parse(bytes: &[u8]) -> Option<Value> {
    let mut parser = Parser { bytes, pos: 0 };
    parser.skip_whitespace();
    let value = parser.value(0)?;
    parser.skip_whitespace();
    (parser.pos == bytes.len()).then_some(value)
}

struct Parser<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl Parser<'_> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn next(&mut self) -> Option<u8> {
        let byte = self.peek()?;
        self.pos += 1;
        Some(byte)
    }

    fn eat(&mut self, byte: u8) -> bool {
        let found = self.peek() == Some(byte);
        if found {
            self.pos += 1;
        }
        found
    }

    fn skip_whitespace(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.peek() {
            self.pos += 1;
        }
    }

    fn value(&mut self, depth: usize) -> Option<Value> {
        match self.peek()? {
            b'{' => self.object(depth + 1),
            b'[' => self.array(depth + 1),
            b'"' => self.string().map(Value::String),
            b't' => self.literal(b"true", Value::Bool(true)),
            b'f' => self.literal(b"false", Value::Bool(false)),
            b'n' => self.literal(b"null", Value::Null),
            b'-' | b'0'..=b'9' => self.number(),
            _ => None,
        }
    }

    fn literal(&mut self, word: &[u8], value: Value) -> Option<Value> {
        let end = self.pos + word.len();
        (self.bytes.get(self.pos..end)? == word).then(|| {
            self.pos = end;
            value
        })
    }

    fn array(&mut self, depth: usize) -> Option<Value> {
        if depth > MAX_DEPTH {
            return None;
        }
        self.pos += 1; // '['
        let mut items = Vec::new();
        self.skip_whitespace();
        if self.eat(b']') {
            return Some(Value::Array(items));
        }
        loop {
            self.skip_whitespace();
            items.push(self.value(depth)?);
            self.skip_whitespace();
            match self.next()? {
                b',' => {}
                b']' => {
                    items.shrink_to_fit();
                    return Some(Value::Array(items));
                }
                _ => return None,
            }
        }
    }

    fn object(&mut self, depth: usize) -> Option<Value> {
        if depth > MAX_DEPTH {
            return None;
        }
        self.pos += 1; // '{'
        let mut members = Vec::new();
        self.skip_whitespace();
        if self.eat(b'}') {
            return Some(Value::Object(members));
        }
        loop {
            self.skip_whitespace();
            if self.peek()? != b'"' {
                return None;
            }
            let key = self.string()?;
            self.skip_whitespace();
            if !self.eat(b':') {
                return None;
            }
            self.skip_whitespace();
            members.push((key, self.value(depth)?));
            self.skip_whitespace();
            match self.next()? {
                b',' => {}
                b'}' => {
                    members.shrink_to_fit();
                    return Some(Value::Object(members));
                }
                _ => return None,
            }
        }
    }

    /// `-? (0 | [1-9][0-9]*) (.[0-9]+)? ([eE][+-]?[0-9]+)?`, kept as text.
    fn number(&mut self) -> Option<Value> {
        let start = self.pos;
        self.eat(b'-');
        match self.next()? {
            b'0' => {}
            b'1'..=b'9' => self.skip_digits(),
            _ => return None,
        }
        if self.eat(b'.') && !self.skip_digits_at_least_one() {
            return None;
        }
        if let Some(b'e' | b'E') = self.peek() {
            self.pos += 1;
            if !self.eat(b'+') {
                self.eat(b'-');
            }
            if !self.skip_digits_at_least_one() {
                return None;
            }
        }
        let token = std::str::from_utf8(self.bytes.get(start..self.pos)?).ok()?;
        Some(Value::Number(token.to_owned()))
    }

    fn skip_digits(&mut self) {
        while let Some(b'0'..=b'9') = self.peek() {
            self.pos += 1;
        }
    }

    fn skip_digits_at_least_one(&mut self) -> bool {
        let start = self.pos;
        self.skip_digits();
        self.pos > start
    }

    fn string(&mut self) -> Option<JsonString> {
        self.pos += 1; // '"'
        let mut decoded = Vec::new();
        loop {
            let rest = self.bytes.get(self.pos..)?;
            let run_len = rest
                .iter()
                .position(|&byte| byte == b'"' || byte == b'\\' || byte < 0x20)?;
            let run = rest.get(..run_len)?;
            self.pos += run_len;
            // The run ends at an ASCII byte, so it never splits a UTF-8 sequence. from_utf8 also
            // rejects surrogates written as raw bytes: only the `\u` form may carry them.
            std::str::from_utf8(run).ok()?;
            decoded.extend_from_slice(run);
            match self.next()? {
                b'"' => return Some(JsonString(decoded)),
                b'\\' => self.escape(&mut decoded)?,
                _ => return None, // control characters must be escaped
            }
        }
    }

    fn escape(&mut self, decoded: &mut Vec<u8>) -> Option<()> {
        let byte = match self.next()? {
            b'"' => b'"',
            b'\\' => b'\\',
            b'/' => b'/',
            b'b' => 0x08,
            b'f' => 0x0C,
            b'n' => b'\n',
            b'r' => b'\r',
            b't' => b'\t',
            b'u' => {
                let code_point = self.unicode_escape()?;
                push_wtf8(decoded, code_point);
                return Some(());
            }
            _ => return None,
        };
        decoded.push(byte);
        Some(())
    }

    /// After `\u`: one code unit, or a whole astral character when a high surrogate is
    /// immediately followed by an escaped low one. Anything else stays a lone surrogate.
    fn unicode_escape(&mut self) -> Option<u32> {
        let unit = self.hex4()?;
        if !(0xD800..0xDC00).contains(&unit)
            || self.bytes.get(self.pos..self.pos + 2) != Some(b"\\u")
        {
            return Some(unit);
        }
        let before_second = self.pos;
        self.pos += 2;
        let low = self.hex4()?;
        if (0xDC00..0xE000).contains(&low) {
            return Some(0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00));
        }
        self.pos = before_second;
        Some(unit)
    }

    fn hex4(&mut self) -> Option<u32> {
        let mut unit = 0;
        for _ in 0..4 {
            let digit = char::from(self.next()?).to_digit(16)?;
            unit = unit * 16 + digit;
        }
        Some(unit)
    }
}
