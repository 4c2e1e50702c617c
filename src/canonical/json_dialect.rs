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

use std::borrow::Cow;
use std::collections::HashMap;
use std::collections::hash_map::Entry;
use std::fmt;
use std::sync::OnceLock;

/// Deeper documents are rejected rather than risking the stack; real webhook bodies nest < 20.
const MAX_DEPTH: usize = 512;

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
pub struct JsonString(Vec<u8>);

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

// ---------------------------------------------------------------------------------------------
// Parsing

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

/// UTF-8 encoding extended to surrogates (that extension is what makes it WTF-8).
fn push_wtf8(out: &mut Vec<u8>, code_point: u32) {
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
fn decode_wtf8(bytes: &[u8]) -> Option<(u32, usize)> {
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

fn code_points(mut bytes: &[u8]) -> impl Iterator<Item = u32> + '_ {
    std::iter::from_fn(move || {
        let (code_point, len) = decode_wtf8(bytes)?;
        bytes = bytes.get(len..).unwrap_or_default();
        Some(code_point)
    })
}

// ---------------------------------------------------------------------------------------------
// Dialects

/// How one serialiser writes JSON. The named presets are associated constants and listed in
/// [`Dialect::ALL`]; other combinations (say a preset plus a trailing newline) are built with
/// struct update syntax and are named "custom".
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Dialect {
    pub whitespace: Whitespace,
    pub non_ascii: NonAscii,
    /// Case of the hex digits in every `\uXXXX` the dialect writes. No serialiser checked mixes
    /// cases between control characters, non-ASCII and HTML escapes.
    pub hex_case: HexCase,
    /// PHP writes `/` as `\/` unless JSON_UNESCAPED_SLASHES.
    pub escape_slash: bool,
    pub html_safe: HtmlSafe,
    /// U+007F as `\u007f`: Python with ensure_ascii and .NET do it; JS, PHP, Go, Java do not.
    pub escape_del: bool,
    pub lone_surrogates: LoneSurrogates,
    pub key_order: KeyOrder,
    pub duplicate_keys: DuplicateKeys,
    /// Gson's default (`serializeNulls` off) drops object members whose value is null.
    pub drop_null_members: bool,
    /// PHP's `json_decode($body, true)` makes objects into arrays: `{}` comes back as `[]`, and
    /// an object whose keys are exactly "0", "1", … in order comes back as a list.
    pub php_assoc_arrays: bool,
    pub numbers: NumberStyle,
    /// Go's `Encoder.Encode`, `print(json.dumps(…))` and editors add one `\n`.
    pub trailing_newline: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Whitespace {
    /// `,` and `:` with nothing around them.
    Compact,
    /// Python's `json.dumps` default: `", "` between items, `": "` after keys, one line.
    PythonDefault,
    /// One member per line, `indent` spaces per level, `": "` after keys, `{}` and `[]` when
    /// empty (JSON.stringify, json.dumps(indent=), PHP JSON_PRETTY_PRINT, Stripe).
    Pretty { indent: u8 },
    /// Jackson 2's DefaultPrettyPrinter: objects one member per line with 2-space indent and
    /// `" : "`, arrays on one line as `[ 1, 2 ]`, empties as `{ }` and `[ ]`; only objects
    /// deepen the indent. (It writes the system line separator; `\n` is assumed.)
    JacksonPretty,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum NonAscii {
    /// UTF-8 bytes as they are.
    Raw,
    /// Only characters beyond U+FFFF, as a surrogate pair. Jackson does this when it writes
    /// bytes (writeValueAsBytes, an OutputStream) and escapes each half of a pair on its own
    /// (jackson-core #223); writing a String keeps them raw.
    EscapeAstral,
    /// Every code point ≥ U+0080 as `\uXXXX`, astral ones as a surrogate pair.
    Escape,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum HexCase {
    Lower,
    Upper,
}

/// Characters escaped as `\uXXXX` so the JSON can sit inside HTML or a script.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum HtmlSafe {
    Off,
    /// `<` `>` `&` U+2028 U+2029: Go's `json.Marshal`, Rails' `to_json`.
    GoRails,
    /// `<` `>` `&` `=` `'` U+2028 U+2029: Gson's default `htmlSafe`.
    Gson,
    /// `<` `>` `&` `'` `+` `` ` `` and `"` (as `\u0022`, not `\"`): System.Text.Json's default
    /// encoder (dotnet/runtime JsonWriterHelper.Escaping.cs). U+2028/9 go with non-ASCII.
    DotNet,
}

impl HtmlSafe {
    fn ascii(self) -> &'static [u8] {
        match self {
            HtmlSafe::Off => b"",
            HtmlSafe::GoRails => b"<>&",
            HtmlSafe::Gson => b"<>&='",
            HtmlSafe::DotNet => b"<>&'+`\"",
        }
    }

    fn escapes_line_separators(self) -> bool {
        matches!(self, HtmlSafe::GoRails | HtmlSafe::Gson)
    }
}

/// What becomes of a `\ud800` that has no partner.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum LoneSurrogates {
    /// `\ud800` again (JavaScript, Python).
    Escape,
    /// U+FFFD: Go's decoder replaces it before the encoder sees it.
    Replace,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum KeyOrder {
    Original,
    /// By code point (Python `sort_keys`, Go maps, serde_json's BTreeMap), not by UTF-16 unit.
    Sorted,
    /// JS objects list array-index keys ("0" … "4294967294", no leading zeros) first in
    /// ascending numeric order, then the other keys in insertion order.
    JsIntegerKeysFirst,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DuplicateKeys {
    /// Write every member, as the bytes had them.
    KeepAll,
    /// What every map-based parser does: the last value wins, at the first key's position.
    LastWins,
}

/// How numbers come back out of a parse → serialise cycle. Integer tokens are kept exactly
/// where the language's parser keeps them; everything else goes through an f64.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum NumberStyle {
    /// The token as written (JsonNode/JsonElement/Gson trees keep it; so do providers).
    Original,
    /// JavaScript Number::toString: `1.0`→`1`, `1e2`→`100`, `-0`→`0`, `1e21`→`1e+21`,
    /// `1E-7`→`1e-7`, integers beyond 2^53 rounded.
    Js,
    /// Go's float64 encoder: as JavaScript but `-0` stays `-0`.
    Go,
    /// CPython: integers exact (`-0`→`0`), floats by `repr`: `1e2`→`100.0`, `1e+16`, `1e-05`.
    Python,
    /// PHP ≥ 7.1 (serialize_precision -1): integers exact while they fit i64, otherwise floats;
    /// `10.0`→`10`, `1.0e+25`, `1.0e-5`, `-0.0`→`-0`.
    Php,
    /// Jackson's tree model: integers exact, floats by Java's Double.toString (JDK 19+):
    /// `100.0`, `1.0E7`, `1.0E-4`, `4.9E-324`.
    Java,
    /// serde_json::Value with default features: integers exact while they fit u64/i64, `-0` →
    /// `-0.0`, and floats from serde's fast (not always correctly rounded) parser.
    Serde,
}

impl Dialect {
    const COMPACT_RAW: Dialect = Dialect {
        whitespace: Whitespace::Compact,
        non_ascii: NonAscii::Raw,
        hex_case: HexCase::Lower,
        escape_slash: false,
        html_safe: HtmlSafe::Off,
        escape_del: false,
        lone_surrogates: LoneSurrogates::Escape,
        key_order: KeyOrder::Original,
        duplicate_keys: DuplicateKeys::LastWins,
        drop_null_members: false,
        php_assoc_arrays: false,
        numbers: NumberStyle::Original,
        trailing_newline: false,
    };

    pub const JS_COMPACT: Dialect = Dialect {
        key_order: KeyOrder::JsIntegerKeysFirst,
        numbers: NumberStyle::Js,
        ..Self::COMPACT_RAW
    };
    pub const JS_PRETTY_2: Dialect = Dialect {
        whitespace: Whitespace::Pretty { indent: 2 },
        ..Self::JS_COMPACT
    };
    /// Checked against the Stripe bodies in shared/conformance (2-space, `": "`, `{}` for an
    /// empty object, no final newline).
    pub const STRIPE_PRETTY: Dialect = Dialect {
        whitespace: Whitespace::Pretty { indent: 2 },
        ..Self::COMPACT_RAW
    };
    pub const PRETTY_4: Dialect = Dialect {
        whitespace: Whitespace::Pretty { indent: 4 },
        ..Self::COMPACT_RAW
    };
    pub const PYTHON_DEFAULT: Dialect = Dialect {
        whitespace: Whitespace::PythonDefault,
        non_ascii: NonAscii::Escape,
        escape_del: true,
        numbers: NumberStyle::Python,
        ..Self::COMPACT_RAW
    };
    pub const PYTHON_COMPACT: Dialect = Dialect {
        whitespace: Whitespace::Compact,
        ..Self::PYTHON_DEFAULT
    };
    pub const PYTHON_COMPACT_UNICODE: Dialect = Dialect {
        non_ascii: NonAscii::Raw,
        escape_del: false,
        ..Self::PYTHON_COMPACT
    };
    pub const PYTHON_DEFAULT_UNICODE: Dialect = Dialect {
        non_ascii: NonAscii::Raw,
        escape_del: false,
        ..Self::PYTHON_DEFAULT
    };
    pub const PYTHON_SORTED: Dialect = Dialect {
        key_order: KeyOrder::Sorted,
        ..Self::PYTHON_DEFAULT
    };
    pub const COMPACT_SORTED: Dialect = Dialect {
        key_order: KeyOrder::Sorted,
        numbers: NumberStyle::Serde,
        ..Self::COMPACT_RAW
    };
    pub const ESCAPED_LOWER: Dialect = Dialect {
        non_ascii: NonAscii::Escape,
        ..Self::COMPACT_RAW
    };
    pub const ESCAPED_UPPER: Dialect = Dialect {
        hex_case: HexCase::Upper,
        ..Self::ESCAPED_LOWER
    };
    pub const PHP_DEFAULT: Dialect = Dialect {
        non_ascii: NonAscii::Escape,
        escape_slash: true,
        numbers: NumberStyle::Php,
        ..Self::COMPACT_RAW
    };
    pub const PHP_UNESCAPED_SLASHES: Dialect = Dialect {
        escape_slash: false,
        ..Self::PHP_DEFAULT
    };
    pub const PHP_ASSOC: Dialect = Dialect {
        php_assoc_arrays: true,
        ..Self::PHP_DEFAULT
    };
    pub const PHP_PRETTY: Dialect = Dialect {
        whitespace: Whitespace::Pretty { indent: 4 },
        ..Self::PHP_DEFAULT
    };
    /// A Go struct keeps its field order, so document order stands in for it.
    pub const GO_HTML_SAFE: Dialect = Dialect {
        html_safe: HtmlSafe::GoRails,
        lone_surrogates: LoneSurrogates::Replace,
        numbers: NumberStyle::Go,
        ..Self::COMPACT_RAW
    };
    pub const GO_MAP: Dialect = Dialect {
        key_order: KeyOrder::Sorted,
        ..Self::GO_HTML_SAFE
    };
    /// Numbers as the provider wrote them: Rails is modelled as the sender, not as a
    /// parse → to_json cycle (which would print floats with Ruby's Float#to_s).
    pub const RAILS: Dialect = Dialect {
        html_safe: HtmlSafe::GoRails,
        ..Self::COMPACT_RAW
    };
    /// JsonNode/JsonElement keep number tokens as written.
    pub const DOTNET: Dialect = Dialect {
        non_ascii: NonAscii::Escape,
        hex_case: HexCase::Upper,
        html_safe: HtmlSafe::DotNet,
        escape_del: true,
        ..Self::COMPACT_RAW
    };
    pub const GSON: Dialect = Dialect {
        html_safe: HtmlSafe::Gson,
        drop_null_members: true,
        ..Self::COMPACT_RAW
    };
    /// writeValueAsString: a Java String, so characters beyond U+FFFF stay raw.
    pub const JACKSON: Dialect = Dialect {
        hex_case: HexCase::Upper,
        numbers: NumberStyle::Java,
        ..Self::COMPACT_RAW
    };
    pub const JACKSON_PRETTY: Dialect = Dialect {
        whitespace: Whitespace::JacksonPretty,
        ..Self::JACKSON
    };
    pub const JACKSON_BYTES: Dialect = Dialect {
        non_ascii: NonAscii::EscapeAstral,
        ..Self::JACKSON
    };

    /// The named presets, most common first.
    pub const ALL: &'static [Dialect] = &PRESET_DIALECTS;

    /// Stable snake_case id used in JSON output; "custom" for an unnamed combination.
    pub fn name(&self) -> &'static str {
        self.preset().map_or("custom", |preset| preset.name)
    }

    /// One line for humans.
    pub fn describe(&self) -> &'static str {
        self.preset()
            .map_or("custom combination of serialiser options", |preset| {
                preset.describe
            })
    }

    fn preset(&self) -> Option<&'static Preset> {
        PRESETS.iter().find(|preset| preset.dialect == *self)
    }
}

struct Preset {
    dialect: Dialect,
    name: &'static str,
    describe: &'static str,
}

/// Ordered by how often the failure catalogue sees each re-serialiser.
const PRESETS: [Preset; 24] = [
    Preset {
        dialect: Dialect::JS_COMPACT,
        name: "js_compact",
        describe: "compact JSON.stringify (JavaScript)",
    },
    Preset {
        dialect: Dialect::PYTHON_DEFAULT,
        name: "python_default",
        describe: "json.dumps defaults (Python): \", \" and \": \", \\u escapes",
    },
    Preset {
        dialect: Dialect::JS_PRETTY_2,
        name: "js_pretty_2",
        describe: "JSON.stringify(value, null, 2) (JavaScript)",
    },
    Preset {
        dialect: Dialect::STRIPE_PRETTY,
        name: "stripe_pretty",
        describe: "2-space pretty JSON as Stripe sends it, numbers and key order untouched",
    },
    Preset {
        dialect: Dialect::ESCAPED_LOWER,
        name: "escaped_lower",
        describe: "compact, non-ASCII as lowercase \\uxxxx (what Meta signs)",
    },
    Preset {
        dialect: Dialect::PYTHON_COMPACT,
        name: "python_compact",
        describe: "json.dumps separators=(',', ':') (Python), \\u escapes",
    },
    Preset {
        dialect: Dialect::PYTHON_COMPACT_UNICODE,
        name: "python_compact_unicode",
        describe: "json.dumps compact with ensure_ascii=False (Python; httpx json=)",
    },
    Preset {
        dialect: Dialect::PHP_DEFAULT,
        name: "php_default",
        describe: "json_encode(json_decode($body)) (PHP): \\/ and \\u escapes",
    },
    Preset {
        dialect: Dialect::PYTHON_SORTED,
        name: "python_sorted",
        describe: "json.dumps sort_keys=True (Python)",
    },
    Preset {
        dialect: Dialect::GO_HTML_SAFE,
        name: "go_html_safe",
        describe: "json.Marshal of a struct (Go): <>& and U+2028/9 escaped",
    },
    Preset {
        dialect: Dialect::RAILS,
        name: "rails",
        describe: "to_json (Rails ActiveSupport): <>& and U+2028/9 escaped",
    },
    Preset {
        dialect: Dialect::COMPACT_SORTED,
        name: "compact_sorted",
        describe: "serde_json::Value to_string (Rust): keys sorted",
    },
    Preset {
        dialect: Dialect::GO_MAP,
        name: "go_map",
        describe: "json.Marshal of map[string]any (Go): keys sorted, HTML-safe",
    },
    Preset {
        dialect: Dialect::PHP_UNESCAPED_SLASHES,
        name: "php_unescaped_slashes",
        describe: "json_encode with JSON_UNESCAPED_SLASHES (PHP)",
    },
    Preset {
        dialect: Dialect::ESCAPED_UPPER,
        name: "escaped_upper",
        describe: "compact, non-ASCII as uppercase \\uXXXX (Java/.NET style)",
    },
    Preset {
        dialect: Dialect::PYTHON_DEFAULT_UNICODE,
        name: "python_default_unicode",
        describe: "json.dumps ensure_ascii=False (Python)",
    },
    Preset {
        dialect: Dialect::PRETTY_4,
        name: "pretty_4",
        describe: "4-space pretty JSON, numbers and key order untouched",
    },
    Preset {
        dialect: Dialect::PHP_ASSOC,
        name: "php_assoc",
        describe: "json_encode(json_decode($body, true)) (PHP): {} comes back as []",
    },
    Preset {
        dialect: Dialect::PHP_PRETTY,
        name: "php_pretty",
        describe: "json_encode with JSON_PRETTY_PRINT (PHP)",
    },
    Preset {
        dialect: Dialect::DOTNET,
        name: "dotnet",
        describe: "System.Text.Json defaults (.NET): non-ASCII and <>&'+\"` as \\uXXXX",
    },
    Preset {
        dialect: Dialect::JACKSON,
        name: "jackson",
        describe: "ObjectMapper.writeValueAsString of a tree (Java Jackson)",
    },
    Preset {
        dialect: Dialect::JACKSON_PRETTY,
        name: "jackson_pretty",
        describe: "Jackson default pretty printer: \" : \", arrays on one line",
    },
    Preset {
        dialect: Dialect::JACKSON_BYTES,
        name: "jackson_bytes",
        describe: "ObjectMapper.writeValueAsBytes (Java Jackson): emoji as \\uD83D\\uDE00",
    },
    Preset {
        dialect: Dialect::GSON,
        name: "gson",
        describe: "Gson toJson of a tree (Java): HTML-safe, null members dropped",
    },
];

const PRESET_DIALECTS: [Dialect; PRESETS.len()] = {
    let mut dialects = [Dialect::COMPACT_RAW; PRESETS.len()];
    let mut i = 0;
    while i < PRESETS.len() {
        dialects[i] = PRESETS[i].dialect;
        i += 1;
    }
    dialects
};

// ---------------------------------------------------------------------------------------------
// Rendering

/// Appends `value` serialised in `dialect` to `out`. Recursion follows the nesting, which
/// `parse` caps at 512 levels; a deeper `Value` built by hand is the caller's to avoid.
pub fn render(value: &Value, dialect: &Dialect, out: &mut Vec<u8>) {
    let ascii_rules = ascii_rules(dialect);
    let mut renderer = Renderer {
        dialect,
        copy_through: copy_through(dialect, &ascii_rules),
        ascii_rules,
        spare_member_lists: Vec::new(),
        out,
    };
    renderer.value(value, 0);
    if dialect.trailing_newline {
        renderer.out.push(b'\n');
    }
}

#[derive(Clone, Copy, PartialEq)]
enum AsciiRule {
    Raw,
    /// `\` and this byte.
    Backslash(u8),
    /// `\u00XX`
    Hex,
}

fn ascii_rules(dialect: &Dialect) -> [AsciiRule; 128] {
    let mut rules = [AsciiRule::Raw; 128];
    for rule in &mut rules[..0x20] {
        *rule = AsciiRule::Hex;
    }
    // Every serialiser checked uses the short forms (Go only since 1.22).
    for (byte, letter) in [
        (0x08, b'b'),
        (0x0C, b'f'),
        (b'\n', b'n'),
        (b'\r', b'r'),
        (b'\t', b't'),
        (b'"', b'"'),
        (b'\\', b'\\'),
    ] {
        rules[usize::from(byte)] = AsciiRule::Backslash(letter);
    }
    if dialect.escape_slash {
        rules[usize::from(b'/')] = AsciiRule::Backslash(b'/');
    }
    if dialect.escape_del {
        rules[0x7F] = AsciiRule::Hex;
    }
    for &byte in dialect.html_safe.ascii() {
        rules[usize::from(byte)] = AsciiRule::Hex;
    }
    rules
}

/// Bytes a string can copy without a closer look. Continuation bytes are always fine: they are
/// only ever reached after a lead byte that was copied as well.
fn copy_through(dialect: &Dialect, ascii_rules: &[AsciiRule; 128]) -> [bool; 256] {
    let mut plain = [false; 256];
    for (byte, rule) in ascii_rules.iter().enumerate() {
        plain[byte] = *rule == AsciiRule::Raw;
    }
    let two_and_three_byte_raw = dialect.non_ascii != NonAscii::Escape;
    for (byte, plain) in plain.iter_mut().enumerate().skip(0x80) {
        *plain = match byte {
            0x80..=0xBF => true,
            0xC0..=0xDF => two_and_three_byte_raw,
            // ED may start a lone surrogate, E2 may start U+2028/9: decide those one by one.
            0xE2 | 0xED => false,
            0xE0..=0xEF => two_and_three_byte_raw,
            _ => dialect.non_ascii == NonAscii::Raw,
        };
    }
    plain
}

#[derive(Clone, Copy)]
enum Container {
    Array,
    Object,
}

struct Renderer<'a, 'v> {
    dialect: &'a Dialect,
    ascii_rules: [AsciiRule; 128],
    copy_through: [bool; 256],
    /// Emptied member lists kept for reuse, so an object costs no allocation.
    spare_member_lists: Vec<Vec<(&'v JsonString, &'v Value)>>,
    out: &'a mut Vec<u8>,
}

impl<'v> Renderer<'_, 'v> {
    /// `level` is the indentation level of the line the value starts on.
    fn value(&mut self, value: &'v Value, level: usize) {
        match value {
            Value::Null => self.out.extend_from_slice(b"null"),
            Value::Bool(true) => self.out.extend_from_slice(b"true"),
            Value::Bool(false) => self.out.extend_from_slice(b"false"),
            Value::Number(token) => write_number(token, self.dialect.numbers, self.out),
            Value::String(text) => self.string(text),
            Value::Array(items) => self.array(items.iter(), level),
            Value::Object(members) => self.object(members, level),
        }
    }

    fn array(&mut self, items: impl ExactSizeIterator<Item = &'v Value>, level: usize) {
        if items.len() == 0 {
            self.empty(Container::Array);
            return;
        }
        // Jackson writes arrays inline, so they do not deepen the indent.
        let inner = match self.dialect.whitespace {
            Whitespace::JacksonPretty => level,
            _ => level + 1,
        };
        self.out.push(b'[');
        for (i, item) in items.enumerate() {
            self.before_member(i == 0, Container::Array, inner);
            self.value(item, inner);
        }
        self.before_close(Container::Array, level);
        self.out.push(b']');
    }

    fn object(&mut self, members: &'v [(JsonString, Value)], level: usize) {
        let members = self.arrange(members);
        if self.dialect.php_assoc_arrays && is_php_list(&members) {
            self.array(members.iter().map(|&(_, value)| value), level);
        } else if members.is_empty() {
            self.empty(Container::Object);
        } else {
            self.members(&members, level);
        }
        self.spare_member_lists.push(members);
    }

    fn members(&mut self, members: &[(&'v JsonString, &'v Value)], level: usize) {
        self.out.push(b'{');
        for (i, &(key, value)) in members.iter().enumerate() {
            self.before_member(i == 0, Container::Object, level + 1);
            self.string(key);
            self.out.extend_from_slice(match self.dialect.whitespace {
                Whitespace::Compact => b":",
                Whitespace::PythonDefault | Whitespace::Pretty { .. } => b": ",
                Whitespace::JacksonPretty => b" : ",
            });
            self.value(value, level + 1);
        }
        self.before_close(Container::Object, level);
        self.out.push(b'}');
    }

    fn empty(&mut self, container: Container) {
        let jackson = self.dialect.whitespace == Whitespace::JacksonPretty;
        self.out.extend_from_slice(match (container, jackson) {
            (Container::Array, false) => b"[]",
            (Container::Array, true) => b"[ ]",
            (Container::Object, false) => b"{}",
            (Container::Object, true) => b"{ }",
        });
    }

    fn before_member(&mut self, first: bool, container: Container, level: usize) {
        if !first {
            self.out.push(b',');
        }
        match (self.dialect.whitespace, container) {
            (Whitespace::Compact, _) => {}
            (Whitespace::PythonDefault, _) => {
                if !first {
                    self.out.push(b' ');
                }
            }
            (Whitespace::Pretty { indent }, _) => self.new_line(level * usize::from(indent)),
            (Whitespace::JacksonPretty, Container::Array) => self.out.push(b' '),
            (Whitespace::JacksonPretty, Container::Object) => self.new_line(level * 2),
        }
    }

    fn before_close(&mut self, container: Container, level: usize) {
        match (self.dialect.whitespace, container) {
            (Whitespace::Compact | Whitespace::PythonDefault, _) => {}
            (Whitespace::Pretty { indent }, _) => self.new_line(level * usize::from(indent)),
            (Whitespace::JacksonPretty, Container::Array) => self.out.push(b' '),
            (Whitespace::JacksonPretty, Container::Object) => self.new_line(level * 2),
        }
    }

    fn new_line(&mut self, spaces: usize) {
        self.out.push(b'\n');
        self.out.resize(self.out.len() + spaces, b' ');
    }

    /// The members a map-based parser would hold, in the order its serialiser writes them.
    fn arrange(&mut self, members: &'v [(JsonString, Value)]) -> Vec<(&'v JsonString, &'v Value)> {
        let mut arranged = self.spare_member_lists.pop().unwrap_or_default();
        arranged.clear();
        match self.dialect.duplicate_keys {
            DuplicateKeys::KeepAll => {
                arranged.extend(members.iter().map(|(key, value)| (key, value)));
            }
            DuplicateKeys::LastWins => last_value_wins(members, &mut arranged),
        }
        if self.dialect.drop_null_members {
            arranged.retain(|(_, value)| **value != Value::Null);
        }
        match self.dialect.key_order {
            KeyOrder::Original => {}
            KeyOrder::Sorted => arranged.sort_by(|a, b| a.0.cmp(b.0)),
            // Stable, so non-index keys keep their insertion order behind the index keys.
            KeyOrder::JsIntegerKeysFirst => {
                if arranged
                    .iter()
                    .any(|(key, _)| js_array_index(key.as_wtf8()).is_some())
                {
                    arranged.sort_by_cached_key(|(key, _)| {
                        js_array_index(key.as_wtf8()).map_or((1, 0), |index| (0, index))
                    });
                }
            }
        }
        arranged
    }

    fn string(&mut self, text: &JsonString) {
        let bytes = text.as_wtf8();
        self.out.push(b'"');
        let mut run_start = 0;
        let mut i = 0;
        loop {
            let rest = bytes.get(i..).unwrap_or_default();
            let Some(skip) = rest
                .iter()
                .position(|&byte| !self.copy_through[usize::from(byte)])
            else {
                break;
            };
            i += skip;
            let Some(&byte) = bytes.get(i) else { break };
            let (width, escape) = if byte < 0x80 {
                match self.ascii_rules[usize::from(byte)] {
                    AsciiRule::Raw => (1, None),
                    AsciiRule::Backslash(letter) => (1, Some(Escape::Backslash(letter))),
                    AsciiRule::Hex => (1, Some(Escape::Unit(u32::from(byte)))),
                }
            } else {
                let Some((code_point, width)) = decode_wtf8(bytes.get(i..).unwrap_or_default())
                else {
                    break;
                };
                (width, self.non_ascii_escape(code_point))
            };
            if let Some(escape) = escape {
                self.out
                    .extend_from_slice(bytes.get(run_start..i).unwrap_or_default());
                self.escape(escape);
                run_start = i + width;
            }
            i += width;
        }
        self.out
            .extend_from_slice(bytes.get(run_start..).unwrap_or_default());
        self.out.push(b'"');
    }

    fn non_ascii_escape(&self, code_point: u32) -> Option<Escape> {
        let dialect = self.dialect;
        if (0xD800..0xE000).contains(&code_point) {
            let escape_all = dialect.non_ascii == NonAscii::Escape;
            return Some(match (dialect.lone_surrogates, escape_all) {
                (LoneSurrogates::Escape, _) => Escape::Unit(code_point),
                (LoneSurrogates::Replace, true) => Escape::Unit(0xFFFD),
                (LoneSurrogates::Replace, false) => Escape::Replacement,
            });
        }
        if (code_point == 0x2028 || code_point == 0x2029)
            && dialect.html_safe.escapes_line_separators()
        {
            return Some(Escape::Unit(code_point));
        }
        match (dialect.non_ascii, code_point.checked_sub(0x10000)) {
            (NonAscii::Raw, _) | (NonAscii::EscapeAstral, None) => None,
            (_, Some(offset)) => Some(Escape::Pair(
                0xD800 + (offset >> 10),
                0xDC00 + (offset & 0x3FF),
            )),
            (NonAscii::Escape, None) => Some(Escape::Unit(code_point)),
        }
    }

    fn escape(&mut self, escape: Escape) {
        match escape {
            Escape::Backslash(letter) => self.out.extend_from_slice(&[b'\\', letter]),
            Escape::Unit(unit) => self.hex_escape(unit),
            Escape::Pair(high, low) => {
                self.hex_escape(high);
                self.hex_escape(low);
            }
            Escape::Replacement => self.out.extend_from_slice("\u{FFFD}".as_bytes()),
        }
    }

    fn hex_escape(&mut self, unit: u32) {
        let digits: &[u8; 16] = match self.dialect.hex_case {
            HexCase::Lower => b"0123456789abcdef",
            HexCase::Upper => b"0123456789ABCDEF",
        };
        let nibble = |shift: u32| digits[((unit >> shift) & 0xF) as usize];
        self.out
            .extend_from_slice(&[b'\\', b'u', nibble(12), nibble(8), nibble(4), nibble(0)]);
    }
}

#[derive(Clone, Copy)]
enum Escape {
    Backslash(u8),
    Unit(u32),
    Pair(u32, u32),
    /// Raw U+FFFD in place of a lone surrogate.
    Replacement,
}

fn last_value_wins<'v>(
    members: &'v [(JsonString, Value)],
    arranged: &mut Vec<(&'v JsonString, &'v Value)>,
) {
    // Webhook objects are mostly small: a linear scan beats hashing there.
    if members.len() <= 16 {
        for (key, value) in members {
            // Comparing the first byte first skips most calls into memcmp.
            let same = |seen: &&JsonString| {
                seen.0.len() == key.0.len() && seen.0.first() == key.0.first() && *seen == key
            };
            match arranged.iter_mut().find(|(seen, _)| same(seen)) {
                Some(slot) => slot.1 = value,
                None => arranged.push((key, value)),
            }
        }
        return;
    }
    let mut position: HashMap<&[u8], usize> = HashMap::with_capacity(members.len());
    for (key, value) in members {
        match position.entry(key.as_wtf8()) {
            Entry::Occupied(seen) => {
                if let Some(slot) = arranged.get_mut(*seen.get()) {
                    slot.1 = value;
                }
            }
            Entry::Vacant(slot) => {
                slot.insert(arranged.len());
                arranged.push((key, value));
            }
        }
    }
}

/// Decimal digits without sign or leading zeros ("0" alone is fine), as a number.
fn canonical_integer(key: &[u8]) -> Option<u64> {
    match key {
        [] => None,
        [b'0'] => Some(0),
        [b'0', ..] => None,
        _ => key.iter().try_fold(0u64, |acc, &byte| {
            let digit = char::from(byte).to_digit(10)?;
            acc.checked_mul(10)?.checked_add(u64::from(digit))
        }),
    }
}

fn js_array_index(key: &[u8]) -> Option<u64> {
    canonical_integer(key).filter(|&index| index <= 4_294_967_294)
}

/// PHP encodes an array as a JSON list when its keys are 0, 1, … in order (and `{}` as `[]`).
fn is_php_list(members: &[(&JsonString, &Value)]) -> bool {
    members
        .iter()
        .zip(0u64..)
        .all(|((key, _), index)| canonical_integer(key.as_wtf8()) == Some(index))
}

// ---------------------------------------------------------------------------------------------
// Numbers

fn write_number(token: &str, style: NumberStyle, out: &mut Vec<u8>) {
    let is_integer = !token.bytes().any(|byte| matches!(byte, b'.' | b'e' | b'E'));
    // Up to 15 digits an integer survives an f64 exactly, and every style prints it plainly.
    let small_integer = is_integer && token.trim_start_matches('-').len() <= 15 && token != "-0";
    let exact = match style {
        NumberStyle::Original => true,
        _ if small_integer => true,
        NumberStyle::Python | NumberStyle::Java => is_integer,
        NumberStyle::Php => is_integer && token.parse::<i64>().is_ok(),
        NumberStyle::Js | NumberStyle::Go | NumberStyle::Serde => false,
    };
    if exact {
        // The sign of integer zero does not survive a big-integer parse.
        let token = if style != NumberStyle::Original && token == "-0" {
            "0"
        } else {
            token
        };
        out.extend_from_slice(token.as_bytes());
        return;
    }
    if style == NumberStyle::Serde {
        serde_number(token, out);
        return;
    }
    let decimal = match shortest_decimal(token) {
        Ok(decimal) => decimal,
        Err(x) => {
            out.extend_from_slice(non_finite(style, x).as_bytes());
            return;
        }
    };
    match style {
        NumberStyle::Js => js_number(&decimal, false, out),
        NumberStyle::Go => js_number(&decimal, true, out),
        NumberStyle::Python => python_float(&decimal, out),
        NumberStyle::Php => php_float(&decimal, out),
        NumberStyle::Java => java_double(&java_digits(decimal, token), out),
        NumberStyle::Original | NumberStyle::Serde => {} // written above
    }
}

/// What each language makes of a number that overflowed to ±infinity (`NaN` only reaches here
/// from a `Value` built by hand).
fn non_finite(style: NumberStyle, x: f64) -> &'static str {
    let (nan, infinity, negative_infinity) = match style {
        NumberStyle::Python => ("NaN", "Infinity", "-Infinity"),
        // Jackson's default WRITE_NAN_AS_STRINGS quotes them.
        NumberStyle::Java => ("\"NaN\"", "\"Infinity\"", "\"-Infinity\""),
        // json_encode fails ("Inf and NaN cannot be JSON encoded"); partial output writes 0.
        NumberStyle::Php => ("0", "0", "0"),
        // JSON.stringify and serde_json write null; Go refuses to decode such a number at all.
        _ => ("null", "null", "null"),
    };
    if x.is_nan() {
        nan
    } else if x > 0.0 {
        infinity
    } else {
        negative_infinity
    }
}

fn parse_f64(token: &str) -> f64 {
    // Cannot fail for a token the parser accepted; overflow gives ±inf.
    token.parse().unwrap_or(f64::NAN)
}

/// The shortest digits that read back as the same f64 (the ones JS, Python, Go, PHP ≥ 7.1 and
/// ryu print), with the decimal point position: value = 0.DIGITS × 10^point.
struct Decimal {
    negative: bool,
    /// No leading or trailing zeros, except "0" for zero.
    digits: String,
    point: i32,
}

/// `Err` carries the infinity a too-large token becomes.
fn shortest_decimal(token: &str) -> Result<Decimal, f64> {
    if let Some(decimal) = Decimal::from_short_token(token) {
        return Ok(decimal);
    }
    let x = parse_f64(token);
    if x.is_finite() {
        Ok(Decimal::shortest(x))
    } else {
        Err(x)
    }
}

impl Decimal {
    /// Straight from the token when it has at most 15 significant digits and a moderate
    /// exponent: every such decimal reads as a distinct f64, so its own digits are the
    /// shortest ones and no float conversion is needed (the common case, and much faster).
    fn from_short_token(token: &str) -> Option<Decimal> {
        let (negative, unsigned) = match token.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, token),
        };
        let (mantissa, exponent) = match unsigned.split_once(['e', 'E']) {
            Some((mantissa, exponent)) => (mantissa, exponent.parse::<i32>().ok()?),
            None => (unsigned, 0),
        };
        let (whole, fraction) = mantissa.split_once('.').unwrap_or((mantissa, ""));
        let all_digits = || whole.bytes().chain(fraction.bytes());
        if !all_digits().all(|byte| byte.is_ascii_digit()) {
            return None;
        }
        let leading_zeros = all_digits().take_while(|&byte| byte == b'0').count();
        let total = whole.len() + fraction.len();
        let trailing_zeros = all_digits().rev().take_while(|&byte| byte == b'0').count();
        if leading_zeros == total {
            return Some(Decimal {
                negative,
                digits: "0".to_owned(),
                point: 1,
            });
        }
        let significant = total - leading_zeros - trailing_zeros;
        let point = i32::try_from(whole.len())
            .ok()?
            .checked_sub(i32::try_from(leading_zeros).ok()?)?
            .checked_add(exponent)?;
        if significant > 15 || !(-290..=290).contains(&point) {
            return None;
        }
        let digits = all_digits()
            .skip(leading_zeros)
            .take(significant)
            .map(char::from)
            .collect();
        Some(Decimal {
            negative,
            digits,
            point,
        })
    }

    fn shortest(x: f64) -> Decimal {
        let shortest = Decimal::from_exponent_notation(&format!("{x:e}"));
        // Rust's `{:e}` prints the shortest round-trip digits but breaks a tie between two
        // equally close candidates upwards, where JS, Python, PHP, Go and Java pick the even
        // digit (1184895543937690.25 is 1184895543937690.2 to all of them). A tie needs 16 or
        // more digits (x / ulp(x) ≥ 2^52); Rust's fixed-precision formatting rounds half to
        // even, so redo the last digit with it.
        if shortest.digits.len() < 15 {
            return shortest;
        }
        let precision = shortest.digits.len() - 1;
        let rounded = format!("{x:.precision$e}");
        if rounded.parse::<f64>() == Ok(x) {
            Decimal::from_exponent_notation(&rounded)
        } else {
            shortest
        }
    }

    /// From Rust's exponent notation: "-1.25e-10", "5e-324", "0e0".
    fn from_exponent_notation(text: &str) -> Decimal {
        let (mantissa, exponent) = text.split_once('e').unwrap_or((text, "0"));
        let mut digits: String = mantissa.chars().filter(char::is_ascii_digit).collect();
        while digits.len() > 1 && digits.ends_with('0') {
            digits.pop();
        }
        if digits.is_empty() {
            digits.push('0');
        }
        Decimal {
            negative: mantissa.starts_with('-'),
            digits,
            point: exponent.parse::<i32>().unwrap_or(0) + 1,
        }
    }

    fn is_zero(&self) -> bool {
        self.digits == "0"
    }

    /// "123.45", "0.00012", "1200", and "1200.0" with `point_zero`.
    fn write_fixed(&self, point_zero: bool, out: &mut Vec<u8>) {
        if self.negative {
            out.push(b'-');
        }
        let digits = self.digits.as_bytes();
        let point = self.point;
        let digit_count = i32::try_from(digits.len()).unwrap_or(i32::MAX);
        if point <= 0 {
            out.extend_from_slice(b"0.");
            out.resize(out.len() + point.unsigned_abs() as usize, b'0');
            out.extend_from_slice(digits);
        } else if point >= digit_count {
            out.extend_from_slice(digits);
            out.resize(out.len() + point.abs_diff(digit_count) as usize, b'0');
            if point_zero {
                out.extend_from_slice(b".0");
            }
        } else {
            let (whole, fraction) = digits.split_at(point.unsigned_abs() as usize);
            out.extend_from_slice(whole);
            out.push(b'.');
            out.extend_from_slice(fraction);
        }
    }

    /// "1.5e+300" and friends: `marker` is e or E, `plus` writes "+" for positive exponents,
    /// `min_exponent_digits` pads with zeros, `point_zero` writes "1.0e…" rather than "1e…".
    fn write_exponent(
        &self,
        marker: u8,
        plus: bool,
        min_exponent_digits: usize,
        point_zero: bool,
        out: &mut Vec<u8>,
    ) {
        if self.negative {
            out.push(b'-');
        }
        let (first, rest) = self.digits.as_bytes().split_at(1.min(self.digits.len()));
        out.extend_from_slice(first);
        if !rest.is_empty() {
            out.push(b'.');
            out.extend_from_slice(rest);
        } else if point_zero {
            out.extend_from_slice(b".0");
        }
        out.push(marker);
        let exponent = self.point - 1;
        if exponent < 0 {
            out.push(b'-');
        } else if plus {
            out.push(b'+');
        }
        let digits = exponent.unsigned_abs().to_string();
        out.resize(
            out.len() + min_exponent_digits.saturating_sub(digits.len()),
            b'0',
        );
        out.extend_from_slice(digits.as_bytes());
    }
}

/// Number::prototype.toString (ECMA-262 Number::toString); `keep_negative_zero` is Go's only
/// difference.
fn js_number(decimal: &Decimal, keep_negative_zero: bool, out: &mut Vec<u8>) {
    if decimal.is_zero() {
        let negative = keep_negative_zero && decimal.negative;
        out.extend_from_slice(if negative { b"-0" } else { b"0" });
    } else if decimal.point > 21 || decimal.point <= -6 {
        decimal.write_exponent(b'e', true, 1, false, out);
    } else {
        decimal.write_fixed(false, out);
    }
}

/// CPython `float.__repr__`.
fn python_float(decimal: &Decimal, out: &mut Vec<u8>) {
    if decimal.point > 16 || decimal.point < -3 {
        decimal.write_exponent(b'e', true, 2, false, out);
    } else {
        decimal.write_fixed(true, out);
    }
}

/// PHP's json_encode of a double: php_gcvt with precision 17 and shortest digits.
fn php_float(decimal: &Decimal, out: &mut Vec<u8>) {
    if decimal.point > 17 || decimal.point < -3 {
        decimal.write_exponent(b'e', true, 1, true, out);
    } else {
        decimal.write_fixed(false, out);
    }
}

/// When one digit would do, Java still picks the closest of the one- or two-digit decimals
/// that round-trip (4.9E-324, not 5.0E-324). Away from subnormals the two-digit grid is far
/// coarser than the doubles, so that is the one-digit value itself.
fn java_digits(decimal: Decimal, token: &str) -> Decimal {
    if decimal.digits.len() != 1 || (-290..=290).contains(&decimal.point) {
        return decimal;
    }
    let x = parse_f64(token);
    let two_digits = format!("{x:.1e}");
    if two_digits.parse::<f64>() == Ok(x) {
        Decimal::from_exponent_notation(&two_digits)
    } else {
        decimal
    }
}

/// Java's Double.toString as specified since JDK 19. JDK 17 differs on rare values: it prints
/// 1e23 as 9.999999999999999E22 and some integers beyond 2^54 with a 17th digit.
fn java_double(decimal: &Decimal, out: &mut Vec<u8>) {
    if (-2..=7).contains(&decimal.point) {
        decimal.write_fixed(true, out);
    } else {
        decimal.write_exponent(b'E', false, 1, true, out);
    }
}

/// serde_json::Value with default features: integers fit u64 (non-negative) or i64
/// (negative, but not -0), anything else is an f64 from serde's own parser.
fn serde_number(token: &str, out: &mut Vec<u8>) {
    let is_integer = !token.bytes().any(|byte| matches!(byte, b'.' | b'e' | b'E'));
    let fits = match token.strip_prefix('-') {
        Some("0") => false,
        Some(_) => token.parse::<i64>().is_ok(),
        None => token.parse::<u64>().is_ok(),
    };
    if is_integer && fits {
        out.extend_from_slice(token.as_bytes());
        return;
    }
    let Some(x) = serde_parse_float(token) else {
        // serde_json rejects the document ("number out of range"); it would write null.
        out.extend_from_slice(b"null");
        return;
    };
    if x == 0.0 {
        out.extend_from_slice(if x.is_sign_negative() {
            b"-0.0"
        } else {
            b"0.0"
        });
        return;
    }
    let decimal = Decimal::shortest(x);
    if decimal.point > 16 || decimal.point <= -5 {
        decimal.write_exponent(b'e', true, 1, false, out);
    } else {
        decimal.write_fixed(true, out);
    }
}

/// serde_json's float parser without the `float_roundtrip` feature: up to 19 significant
/// digits kept in a u64 (the rest dropped), then one multiplication or division by a power of
/// ten. Two roundings, so the last digit can differ from a correct parse (9.185216796600543e-26
/// comes back as 9.185216796600544e-26). `None` where serde reports "number out of range".
fn serde_parse_float(token: &str) -> Option<f64> {
    let (negative, unsigned) = match token.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, token),
    };
    let (mantissa, exponent_text) = match unsigned.find(['e', 'E']) {
        Some(at) => (&unsigned[..at], Some(&unsigned[at + 1..])),
        None => (unsigned, None),
    };
    let (whole, fraction) = mantissa.split_once('.').unwrap_or((mantissa, ""));

    let mut significand: u64 = 0;
    let mut exponent: i32 = 0;
    let mut overflowed = false;
    for (byte, after_point) in whole
        .bytes()
        .map(|b| (b, false))
        .chain(fraction.bytes().map(|b| (b, true)))
    {
        let digit = u64::from(char::from(byte).to_digit(10)?);
        if !overflowed {
            match significand
                .checked_mul(10)
                .and_then(|s| s.checked_add(digit))
            {
                Some(next) => {
                    significand = next;
                    if after_point {
                        exponent = exponent.saturating_sub(1);
                    }
                    continue;
                }
                None => overflowed = true,
            }
        }
        // Dropped digits still count when they sit before the decimal point.
        if !after_point {
            exponent = exponent.saturating_add(1);
        }
    }

    if let Some(text) = exponent_text {
        let (exponent_negative, digits) = match text.as_bytes().first() {
            Some(b'-') => (true, &text[1..]),
            Some(b'+') => (false, &text[1..]),
            _ => (false, text),
        };
        match digits.parse::<i32>() {
            Ok(value) if exponent_negative => exponent = exponent.saturating_sub(value),
            Ok(value) => exponent = exponent.saturating_add(value),
            // An exponent beyond i32: zero or underflow, else out of range.
            Err(_) if exponent_negative || significand == 0 => {
                return Some(if negative { -0.0 } else { 0.0 });
            }
            Err(_) => return None,
        }
    }

    let mut value = significand as f64;
    loop {
        match powers_of_ten().get(exponent.unsigned_abs() as usize) {
            Some(&power) => {
                if exponent >= 0 {
                    value *= power;
                    if value.is_infinite() {
                        return None;
                    }
                } else {
                    value /= power;
                }
                break;
            }
            None if value == 0.0 => break,
            None if exponent >= 0 => return None,
            None => {
                value /= 1e308;
                exponent += 308;
            }
        }
    }
    Some(if negative { -value } else { value })
}

/// 1e0 … 1e308, each the correctly rounded f64.
fn powers_of_ten() -> &'static [f64] {
    static POWERS: OnceLock<Vec<f64>> = OnceLock::new();
    POWERS.get_or_init(|| {
        (0..=308)
            .map(|exponent| format!("1e{exponent}").parse().unwrap_or(f64::INFINITY))
            .collect()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Clone, Copy)]
    struct Probe {
        name: &'static str,
        json: &'static str,
    }

    /// One real tool's output for a probe. `fixups` replace spots where the tool version that ran
    /// here differs from the newer behaviour the dialect models; each group's comment says why.
    struct Vector {
        dialect: Dialect,
        probe: Probe,
        tool_output: &'static str,
        fixups: &'static [(&'static str, &'static str)],
    }

    fn render_to_vec(value: &Value, dialect: &Dialect) -> Vec<u8> {
        let mut out = Vec::new();
        render(value, dialect, &mut out);
        out
    }

    fn parse_probe(probe: Probe) -> Value {
        parse(probe.json.as_bytes()).unwrap_or_else(|| panic!("probe {} parses", probe.name))
    }

    #[test]
    fn renders_exactly_what_the_real_serialisers_wrote() {
        let mut failures = Vec::new();
        for vector in VECTORS {
            let mut expected = vector.tool_output.to_owned();
            for (from, to) in vector.fixups {
                expected = expected.replace(from, to);
            }
            let rendered = render_to_vec(&parse_probe(vector.probe), &vector.dialect);
            if rendered != expected.as_bytes() {
                failures.push(format!(
                    "{} on {}:\n  expected {expected}\n  rendered {}",
                    vector.dialect.name(),
                    vector.probe.name,
                    String::from_utf8_lossy(&rendered)
                ));
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }

    /// shared/conformance/cases/026-stripe-secret-trailing-space/body, byte for byte; the other
    /// Stripe bodies there have the same shape (`{}` for empty objects, no final newline).
    const STRIPE_BODY: &str = r#"{
  "id": "evt_gunltEmPGCaz8vl12GOZKwbh",
  "object": "event",
  "api_version": "2025-10-29.clover",
  "created": 1763783207,
  "data": {
    "object": {
      "id": "pi_Rv4GALaDXWCgF4kVxaZjgk7E",
      "object": "payment_intent",
      "amount": 2000,
      "amount_received": 2000,
      "currency": "usd",
      "customer": "cus_WcdguTYaQlQmkg",
      "description": "Order #1042",
      "latest_charge": "ch_aMWJOqdCUFPatK3P2vkun1UY",
      "metadata": {},
      "payment_method_types": [
        "card"
      ],
      "status": "succeeded",
      "created": 1763783203
    }
  },
  "livemode": false,
  "pending_webhooks": 1,
  "request": {
    "id": "req_ClDycl7YMynyEr",
    "idempotency_key": "1ef44a61-46bd-4606-9bfd-ed027a015aff"
  },
  "type": "payment_intent.succeeded"
}"#;

    #[test]
    fn stripe_pretty_reproduces_a_stripe_body() {
        let value = parse(STRIPE_BODY.as_bytes()).expect("Stripe body parses");
        let rendered = render_to_vec(&value, &Dialect::STRIPE_PRETTY);
        assert_eq!(String::from_utf8_lossy(&rendered), STRIPE_BODY);
    }

    // No .NET runtime here: these expectations are written from System.Text.Json's escaping
    // source (dotnet/runtime JsonWriterHelper.Escaping.cs: AllowList excludes " ' & + < > `
    // and DEL; `"` becomes \u0022; short forms for \b \t \n \f \r \\; hex "X4") and the
    // Microsoft page's example "\u0436\u0430\u0440\u043A\u043E" (uppercase hex).
    const ESCAPE_PROBE: &str = r#"{"s":"é<>&'+`\"\\/\u007f\u2028😀\n\u001f=","n":1.0}"#;

    #[test]
    fn dotnet_follows_the_documented_escaping_rules() {
        let value = parse(ESCAPE_PROBE.as_bytes()).expect("probe parses");
        assert_eq!(
            String::from_utf8_lossy(&render_to_vec(&value, &Dialect::DOTNET)),
            r#"{"s":"\u00E9\u003C\u003E\u0026\u0027\u002B\u0060\u0022\\/\u007F\u2028\uD83D\uDE00\n\u001F=","n":1.0}"#
        );
        let cyrillic = parse("\"жарко\"".as_bytes()).expect("string parses");
        assert_eq!(
            render_to_vec(&cyrillic, &Dialect::DOTNET),
            br#""\u0436\u0430\u0440\u043A\u043E""#
        );
    }

    // Rule-based like the .NET case: these dialects are generic rather than one tool's output.
    #[test]
    fn escaped_dialects_differ_only_in_hex_case() {
        let value = parse(ESCAPE_PROBE.as_bytes()).expect("probe parses");
        assert_eq!(
            String::from_utf8_lossy(&render_to_vec(&value, &Dialect::ESCAPED_LOWER)),
            "{\"s\":\"\\u00e9<>&'+`\\\"\\\\/\u{7f}\\u2028\\ud83d\\ude00\\n\\u001f=\",\"n\":1.0}"
        );
        assert_eq!(
            String::from_utf8_lossy(&render_to_vec(&value, &Dialect::ESCAPED_UPPER)),
            "{\"s\":\"\\u00E9<>&'+`\\\"\\\\/\u{7f}\\u2028\\uD83D\\uDE00\\n\\u001F=\",\"n\":1.0}"
        );
    }

    #[test]
    fn pretty_4_indents_four_spaces_and_keeps_numbers() {
        let value = parse(br#"{"a":[1.0,{},[]],"b":{"c":1e2}}"#).expect("parses");
        assert_eq!(
            String::from_utf8_lossy(&render_to_vec(&value, &Dialect::PRETTY_4)),
            "{\n    \"a\": [\n        1.0,\n        {},\n        []\n    ],\n    \"b\": {\n        \"c\": 1e2\n    }\n}"
        );
    }

    #[test]
    fn compact_js_bytes_round_trip_unchanged() {
        // Shaped like a GitHub delivery: compact, raw UTF-8, escapes as JSON.stringify writes
        // them, numbers JavaScript prints the same way, no integer-like keys.
        let body = "{\"ref\":\"refs/heads/main\",\"repository\":{\"id\":881234567,\"name\":\"hook\u{e9}\",\
                    \"private\":false,\"topics\":[],\"owner\":{},\"score\":0.5,\"tiny\":1e-7,\
                    \"huge\":1e+21},\"head_commit\":{\"message\":\"Fix \\\"quotes\\\" \\\\ and\\nnewlines \
                    \u{1f600}\",\"ctl\":\"\\u0000\\u001f\",\"null\":null,\"ok\":true}}";
        let value = parse(body.as_bytes()).expect("body parses");
        assert_eq!(
            String::from_utf8_lossy(&render_to_vec(&value, &Dialect::JS_COMPACT)),
            body
        );
    }

    const ALL_PROBES: [Probe; 7] = [
        STRINGS,
        NUMBERS,
        FLOATS,
        OVERFLOW,
        LONE_SURROGATES,
        DUPLICATES,
        PHP_LISTS,
    ];

    #[test]
    fn every_rendering_is_json_again_and_rendering_is_idempotent() {
        for probe in ALL_PROBES {
            let value = parse_probe(probe);
            for dialect in Dialect::ALL {
                let once = render_to_vec(&value, dialect);
                // CPython writes Infinity for an overflowing number, which is not JSON.
                let python_infinity =
                    dialect.numbers == NumberStyle::Python && probe.name == "overflow";
                let Some(reparsed) = parse(&once) else {
                    assert!(
                        python_infinity,
                        "{} on {} is not JSON",
                        dialect.name(),
                        probe.name
                    );
                    continue;
                };
                // Not idempotent in the real tools either: PHP turns -0.0 into -0 and then into
                // 0; serde's inexact float parser can move a last digit again.
                if !matches!(dialect.numbers, NumberStyle::Php | NumberStyle::Serde) {
                    assert_eq!(
                        String::from_utf8_lossy(&render_to_vec(&reparsed, dialect)),
                        String::from_utf8_lossy(&once),
                        "{} on {}",
                        dialect.name(),
                        probe.name
                    );
                }
            }
        }
    }

    #[test]
    fn rejects_what_rfc_8259_rejects() {
        let invalid: &[&[u8]] = &[
            b"",
            b" ",
            b"[1,]",
            b"{\"a\":1,}",
            b"{'a':1}",
            b"['a']",
            b"NaN",
            b"[NaN]",
            b"Infinity",
            b"-Infinity",
            b"\"a\nb\"",
            b"\"\t\"",
            b"\"\x00\"",
            b"-",
            b"[-]",
            b"01",
            b"[01]",
            b"-01",
            b"00",
            b"1.",
            b".5",
            b"1.e5",
            b"1e",
            b"1e+",
            b"+1",
            b"0x10",
            b"\"\\x41\"",
            b"\"\\u12\"",
            b"\"\\u12G4\"",
            b"\"\\U0041\"",
            b"\"\\'\"",
            b"\"\\ud800\\u12\"",
            b"[1 2]",
            b"{\"a\" 1}",
            b"{\"a\":}",
            b"{1:2}",
            b"{\"a\"}",
            b"[",
            b"]",
            b"{",
            b"\"abc",
            b"tru",
            b"nul",
            b"True",
            b"null null",
            b"{\"a\":1}}",
            b"\xEF\xBB\xBF{}",
            b"\"\xFF\"",
            b"\"\xED\xA0\x80\"",
            b"\"\xC0\x80\"",
            b"\"\xF4\x90\x80\x80\"",
            b"[1]\x00",
            b"\x0C[1]",
            b"/*c*/1",
            b"[1]//",
        ];
        for bytes in invalid {
            assert_eq!(parse(bytes), None, "{:?}", String::from_utf8_lossy(bytes));
        }
        let valid: &[&[u8]] = &[
            b"0",
            b"-0",
            b"1E+2",
            b"-1.5e-10",
            b"\"\"",
            b" \t\n\r[ ]\r\n",
            b"{\"\":{}}",
            b"\"\\u0000\\/\\b\"",
            b"[\"\\ud800\"]",
            b"\"\xF4\x8F\xBF\xBF\"",
            b"true",
            b"null",
        ];
        for bytes in valid {
            assert!(
                parse(bytes).is_some(),
                "{:?}",
                String::from_utf8_lossy(bytes)
            );
        }
    }

    #[test]
    fn nesting_is_bounded() {
        let nested = |depth: usize| [vec![b'['; depth], vec![b']'; depth]].concat();
        assert!(parse(&nested(MAX_DEPTH)).is_some());
        assert_eq!(parse(&nested(MAX_DEPTH + 1)), None);
        assert_eq!(parse(&vec![b'['; 1_000_000]), None);
        assert_eq!(parse(&b"{\"a\":".repeat(100_000)), None);
    }

    #[test]
    fn keeps_lone_surrogates_and_joins_pairs() {
        let Some(Value::Array(items)) =
            parse(br#"["\ud83d\ude00","\ud800x","\udc00\ud800","\ud800\u0041"]"#)
        else {
            panic!("array expected");
        };
        let strings: Vec<&JsonString> = items
            .iter()
            .filter_map(|item| match item {
                Value::String(text) => Some(text),
                _ => None,
            })
            .collect();
        assert_eq!(strings[0].as_str(), Some("\u{1f600}"));
        assert_eq!(strings[1].as_wtf8(), b"\xED\xA0\x80x");
        assert_eq!(strings[1].as_str(), None);
        assert_eq!(strings[1].to_string_lossy(), "\u{FFFD}x");
        assert_eq!(strings[2].as_wtf8(), b"\xED\xB0\x80\xED\xA0\x80");
        assert_eq!(strings[3].to_string_lossy(), "\u{FFFD}A");
        assert_eq!(format!("{:?}", strings[1]), "\"\\u{d800}x\"");
        assert!(*strings[3] != "A");
        let from_str = JsonString::from("é");
        assert!(from_str == "é");
        assert_eq!(from_str.as_str(), Some("é"));
    }

    #[test]
    fn presets_are_distinct_and_named() {
        let mut names = std::collections::HashSet::new();
        let mut dialects = std::collections::HashSet::new();
        for dialect in Dialect::ALL {
            let name = dialect.name();
            assert!(
                name.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
            );
            assert!(names.insert(name), "duplicate name {name}");
            assert!(
                dialects.insert(*dialect),
                "{name} repeats another preset's options"
            );
            assert!(!dialect.describe().is_empty());
        }
        assert_eq!(Dialect::ALL[0].name(), "js_compact");
        let encoder = Dialect {
            trailing_newline: true,
            ..Dialect::GO_MAP
        };
        assert_eq!(encoder.name(), "custom");
        assert_eq!(Dialect::JACKSON_PRETTY.name(), "jackson_pretty");
    }

    #[test]
    fn rewritten_numbers_read_back_as_the_same_double() {
        let mut rng = XorShift(0x9E37_79B9_7F4A_7C15);
        for _ in 0..5_000 {
            let x = f64::from_bits(rng.next());
            if !x.is_finite() {
                continue;
            }
            // Both the exponent form and the plain form, which takes the text-only path when
            // it is short.
            for token in [format!("{x:e}"), format!("{x}")] {
                for style in [
                    NumberStyle::Js,
                    NumberStyle::Go,
                    NumberStyle::Python,
                    NumberStyle::Php,
                    NumberStyle::Java,
                ] {
                    let mut out = Vec::new();
                    write_number(&token, style, &mut out);
                    let text = String::from_utf8_lossy(&out);
                    let back: f64 = text
                        .parse()
                        .unwrap_or_else(|_| panic!("{style:?} wrote {text} for {token}"));
                    assert_eq!(
                        back.to_bits(),
                        x.to_bits(),
                        "{style:?} wrote {text} for {token}"
                    );
                }
            }
        }
    }

    #[test]
    fn short_tokens_give_the_same_digits_as_a_float_round_trip() {
        let mut rng = XorShift(0x0123_4567_89AB_CDEF);
        for _ in 0..5_000 {
            let digits = 1 + rng.next() % 15;
            let mantissa: String = (0..digits)
                .map(|_| char::from(b'0' + (rng.next() % 10) as u8))
                .collect();
            let split = (rng.next() % (digits + 1)) as usize;
            let exponent = (rng.next() % 500) as i32 - 250;
            let whole = mantissa[..split].trim_start_matches('0');
            let fraction = &mantissa[split..];
            let sign = if rng.next() % 2 == 0 { "-" } else { "" };
            let token = format!(
                "{sign}{}.{}e{exponent}",
                if whole.is_empty() { "0" } else { whole },
                if fraction.is_empty() { "0" } else { fraction }
            );
            let Some(fast) = Decimal::from_short_token(&token) else {
                continue;
            };
            let slow = Decimal::shortest(parse_f64(&token));
            assert_eq!(
                (fast.negative, &fast.digits, fast.point),
                (slow.negative, &slow.digits, slow.point),
                "{token}"
            );
        }
    }

    /// Numbers in a `Value` built by other code need not be valid tokens; rendering still must
    /// not panic.
    #[test]
    fn odd_number_text_does_not_panic() {
        for token in [
            "",
            "-",
            "abc",
            "1e",
            "NaN",
            "1.2.3",
            "é",
            "--1",
            "1e99999999999",
            ".",
        ] {
            let value = Value::Array(vec![Value::Number(token.to_owned())]);
            for dialect in Dialect::ALL {
                render_to_vec(&value, dialect);
            }
        }
    }

    struct XorShift(u64);

    impl XorShift {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            self.0
        }
    }

    #[test]
    fn arbitrary_and_mutated_bytes_never_panic() {
        let mut rng = XorShift(0x2545_F491_4F6C_DD1D);
        let interesting = b"{}[]\",:\\u0123456789abcdefABCDEF-+.eEtrufalsn \t\n\r\x00\x1f\x7f\xc3\xa9\xed\xa0\xf0\x9f\x98\x80";
        let seeds: Vec<&[u8]> = ALL_PROBES
            .iter()
            .map(|probe| probe.json.as_bytes())
            .chain([STRIPE_BODY.as_bytes(), ESCAPE_PROBE.as_bytes()])
            .collect();
        for round in 0..30_000 {
            let mut bytes = if round % 10 == 0 {
                (0..rng.next() % 64).map(|_| rng.next() as u8).collect()
            } else {
                seeds[(rng.next() % seeds.len() as u64) as usize].to_vec()
            };
            for _ in 0..1 + rng.next() % 4 {
                let at = (rng.next() % (bytes.len() as u64 + 1)) as usize;
                let pick = interesting[(rng.next() % interesting.len() as u64) as usize];
                match rng.next() % 4 {
                    0 if at < bytes.len() => bytes[at] = pick,
                    1 => bytes.insert(at, pick),
                    2 if at < bytes.len() => {
                        bytes.remove(at);
                    }
                    _ => bytes.truncate(at),
                }
            }
            if let Some(value) = parse(&bytes) {
                // One preset and one random combination per round keeps this fast in debug.
                let preset = Dialect::ALL[(rng.next() % Dialect::ALL.len() as u64) as usize];
                render_to_vec(&value, &preset);
                render_to_vec(&value, &random_dialect(&mut rng));
            }
        }
    }

    fn random_dialect(rng: &mut XorShift) -> Dialect {
        let mut pick = |n: u64| rng.next() % n;
        Dialect {
            whitespace: match pick(4) {
                0 => Whitespace::Compact,
                1 => Whitespace::PythonDefault,
                2 => Whitespace::JacksonPretty,
                _ => Whitespace::Pretty {
                    indent: pick(9) as u8,
                },
            },
            non_ascii: [NonAscii::Raw, NonAscii::EscapeAstral, NonAscii::Escape][pick(3) as usize],
            hex_case: [HexCase::Lower, HexCase::Upper][pick(2) as usize],
            escape_slash: pick(2) == 0,
            html_safe: [
                HtmlSafe::Off,
                HtmlSafe::GoRails,
                HtmlSafe::Gson,
                HtmlSafe::DotNet,
            ][pick(4) as usize],
            escape_del: pick(2) == 0,
            lone_surrogates: [LoneSurrogates::Escape, LoneSurrogates::Replace][pick(2) as usize],
            key_order: [
                KeyOrder::Original,
                KeyOrder::Sorted,
                KeyOrder::JsIntegerKeysFirst,
            ][pick(3) as usize],
            duplicate_keys: [DuplicateKeys::KeepAll, DuplicateKeys::LastWins][pick(2) as usize],
            drop_null_members: pick(2) == 0,
            php_assoc_arrays: pick(2) == 0,
            numbers: [
                NumberStyle::Original,
                NumberStyle::Js,
                NumberStyle::Go,
                NumberStyle::Python,
                NumberStyle::Php,
                NumberStyle::Java,
                NumberStyle::Serde,
            ][pick(7) as usize],
            trailing_newline: pick(2) == 0,
        }
    }

    /// A ~64 KiB body shaped like a webhook: nested objects, arrays, non-ASCII, floats.
    fn large_body() -> Vec<u8> {
        let mut body = String::from("{\"id\":\"evt_1\",\"data\":{\"object\":{\"lines\":[");
        let mut i = 0;
        while body.len() < 64 * 1024 - 400 {
            if i > 0 {
                body.push(',');
            }
            body.push_str(&format!(
                "{{\"id\":\"il_{i:06}\",\"amount\":{},\"unit\":{}.5,\"rate\":1.0e-{},\
                 \"desc\":\"Zeile {i}: Größe <b>&amp;</b> caf\u{e9} \u{1f600} \\\"q\\\"\",\
                 \"period\":{{\"start\":1761062431,\"end\":1763654431}},\"metadata\":{{}},\
                 \"tags\":[\"a\",\"b\",null,true]}}",
                100 + i,
                i,
                i % 9
            ));
            i += 1;
        }
        body.push_str("]}},\"type\":\"invoice.finalized\"}");
        body.into_bytes()
    }

    #[test]
    #[ignore = "timing; run with cargo test --release -- --ignored --nocapture"]
    fn parse_and_render_all_presets_of_64_kib() {
        let body = large_body();
        let mut out = Vec::with_capacity(256 * 1024);
        let mut total = Vec::new();
        let mut parse_only = Vec::new();
        for _ in 0..200 {
            let start = std::time::Instant::now();
            let value = parse(&body).expect("body parses");
            parse_only.push(start.elapsed());
            for dialect in Dialect::ALL {
                out.clear();
                render(&value, dialect, &mut out);
            }
            total.push(start.elapsed());
        }
        total.sort();
        parse_only.sort();
        let median = total[total.len() / 2];
        println!(
            "{} bytes, parse + {} presets: median {median:?}, min {:?} (parse alone: median {:?})",
            body.len(),
            Dialect::ALL.len(),
            total[0],
            parse_only[parse_only.len() / 2],
        );
        if !cfg!(debug_assertions) {
            assert!(median < std::time::Duration::from_millis(10));
        }
    }

    // Probe documents (the files under vectors/../probes in the scratch crate).
    const STRINGS: Probe = Probe {
        name: "strings",
        json: r#"{
  "text": "caf\u00e9 über é/ü <a href='x'>&amp;</a> a=b+c `t` \u2028 \u2029 😀 \ud83d\ude00",
  "ctl": "\b\f\n\r\t\u0000\u0001\u001f\u007f\u0080",
  "quote": "\"\\\/",
  "nested": {"arr": [1, [], {}, [{"x": null}], true, false, "s"], "empty_obj": {}, "empty_arr": []},
  "b": 1, "2": 2, "10": 3, "01": 4, "-1": 5, "4294967294": 6, "4294967295": 7,
  "é": "non-ascii key", "Z": "upper", "a": "lower", "😀": "astral key", "Ａ": "fullwidth key", "": "empty key"
}
"#,
    };
    const NUMBERS: Probe = Probe {
        name: "numbers",
        json: r#"{"zero_frac": 1.0, "exp": 1e2, "neg_zero": -0, "neg_zero_frac": -0.0, "big_exp": 1e21, "upper_exp": 1E-7,
 "small": 0.000001, "smaller": 0.0000001, "big_int": 12345678901234567890, "just_over_2_53": 9007199254740993,
 "ten_pow_16": 1e16, "ten_pow_15": 1e15, "ten_pow_17": 1e17, "point_one": 0.1, "tiny": 1e-5, "milli": 0.0001, "fraction": 123e-2,
 "plus_exp": 1.0e+2, "max": 1.7976931348623157e308, "min_sub": 5e-324, "neg": -1.25e-10, "int": 100,
 "seven": 1e7, "eps": 2.220446049250313e-16, "twentyone_nines": 999999999999999999999, "long_frac": 123456789.123456789,
 "third": 0.3333333333333333, "huge": 1e300, "mant": 1.5e300, "i64max": 9223372036854775807,
 "i64min": -9223372036854775808, "i64over": 9223372036854775808, "zero": 0, "price": 136.0, "score": 0.0, "exp_zero": 0e10,
 "list": [1.10, 2.50, 1e-3, 1.5e-3, 12.5e3]}
"#,
    };
    const FLOATS: Probe = Probe {
        name: "floats",
        json: r#"[9.185216796600543e-26, 8.76956759745008e-24, 7.798798475274093e-22, 5.791761678359811e-20, 3.06099724304992e-18, 2.967483481637556e-16, 1.434823024876469e-14, 6.3858010560880666e-12, 8.697334100691557e-10, 2.238283448974696e-08, 5.202503190574054e-06, 0.00017003857726090738, 0.010442728393239174, 3.4193349383293468, 787.2991170091934, 34411.22971664369, 7265750.613278385, 377448577.3850661, 64659023030.934105, 5998432588392.953, 911911652576253.8, 2.8528479735771156e+16, 4.824823061170006e+18, 1.5552393003499297e+20, 2.3164191741039664e+22, 9.540425729310012e+24, 2.8540940512566904e+26, -7.903639390942385e+168, -5.330930403353807e-192, -1.5612650459994524e-307, 4.261622989538378e+189, -5.69894179362087e-178, 1.5074260393704108e+40, -5.181597527652386e-35, -2.012615740688622e+186, -2.751857270134548e+83, -3.668829144425245e-248, -8.036465840654936e-193, 3.463683118023715e+232, -2.14121960263066e+100, 1.2229575831051418e-141, -1.5227255057877473e+290, 3.3217533744521556e-96, 1e+22, 1e+23, 2.2250738585072014e-308, 9007199254740992.0, 0.30000000000000004, 0.3333333333333333, 0.6666666666666666, 123456789.0, 5e-07, 1.5e-06, 4.35, 0.3, 100.5, 0.001, 9.999999999999999e+20, 1e+21, 1.23e+20]"#,
    };
    const OVERFLOW: Probe = Probe {
        name: "overflow",
        json: r#"{"too_big":1e400,"too_neg":-1e400,"underflow":1e-400}"#,
    };
    const LONE_SURROGATES: Probe = Probe {
        name: "lone_surrogates",
        json: r#"{"lone":"\ud800x\udfffy\udc00\ud800","pair":"\ud83d\ude00"}"#,
    };
    const DUPLICATES: Probe = Probe {
        name: "duplicates",
        json: r#"{"a":1,"b":2,"a":3,"2":4,"2":5}"#,
    };
    const PHP_LISTS: Probe = Probe {
        name: "php_lists",
        json: r#"{"listlike": {"0": "a", "1": "b"}, "out_of_order": {"1": "a", "0": "b"}, "gap": {"0": "a", "2": "b"}, "empty": {}, "nested": [{}, {"0": {}}], "not_canonical": {"00": "x"}}
"#,
    };

    /// Exact outputs of the real tools on the probes, captured once and pasted here.
    const VECTORS: &[Vector] = &[
        // node -e 'process.stdout.write(JSON.stringify(JSON.parse(require("fs").readFileSync(0, "utf8"))))' (Node 20.20.2)
        Vector {
            dialect: Dialect::JS_COMPACT,
            probe: STRINGS,
            tool_output: "{\"2\":2,\"10\":3,\"4294967294\":6,\"text\":\"café über é/ü <a href='x'>&amp;</a> a=b+c `t` \u{2028} \u{2029} 😀 😀\",\"ctl\":\"\\b\\f\\n\\r\\t\\u0000\\u0001\\u001f\u{7f}\u{80}\",\"quote\":\"\\\"\\\\/\",\"nested\":{\"arr\":[1,[],{},[{\"x\":null}],true,false,\"s\"],\"empty_obj\":{},\"empty_arr\":[]},\"b\":1,\"01\":4,\"-1\":5,\"4294967295\":7,\"é\":\"non-ascii key\",\"Z\":\"upper\",\"a\":\"lower\",\"😀\":\"astral key\",\"Ａ\":\"fullwidth key\",\"\":\"empty key\"}",
            fixups: &[],
        },
        Vector {
            dialect: Dialect::JS_COMPACT,
            probe: NUMBERS,
            tool_output: r#"{"zero_frac":1,"exp":100,"neg_zero":0,"neg_zero_frac":0,"big_exp":1e+21,"upper_exp":1e-7,"small":0.000001,"smaller":1e-7,"big_int":12345678901234567000,"just_over_2_53":9007199254740992,"ten_pow_16":10000000000000000,"ten_pow_15":1000000000000000,"ten_pow_17":100000000000000000,"point_one":0.1,"tiny":0.00001,"milli":0.0001,"fraction":1.23,"plus_exp":100,"max":1.7976931348623157e+308,"min_sub":5e-324,"neg":-1.25e-10,"int":100,"seven":10000000,"eps":2.220446049250313e-16,"twentyone_nines":1e+21,"long_frac":123456789.12345679,"third":0.3333333333333333,"huge":1e+300,"mant":1.5e+300,"i64max":9223372036854776000,"i64min":-9223372036854776000,"i64over":9223372036854776000,"zero":0,"price":136,"score":0,"exp_zero":0,"list":[1.1,2.5,0.001,0.0015,12500]}"#,
            fixups: &[],
        },
        Vector {
            dialect: Dialect::JS_COMPACT,
            probe: FLOATS,
            tool_output: r#"[9.185216796600543e-26,8.76956759745008e-24,7.798798475274093e-22,5.791761678359811e-20,3.06099724304992e-18,2.967483481637556e-16,1.434823024876469e-14,6.3858010560880666e-12,8.697334100691557e-10,2.238283448974696e-8,0.000005202503190574054,0.00017003857726090738,0.010442728393239174,3.4193349383293468,787.2991170091934,34411.22971664369,7265750.613278385,377448577.3850661,64659023030.934105,5998432588392.953,911911652576253.8,28528479735771156,4824823061170006000,155523930034992970000,2.3164191741039664e+22,9.540425729310012e+24,2.8540940512566904e+26,-7.903639390942385e+168,-5.330930403353807e-192,-1.5612650459994524e-307,4.261622989538378e+189,-5.69894179362087e-178,1.5074260393704108e+40,-5.181597527652386e-35,-2.012615740688622e+186,-2.751857270134548e+83,-3.668829144425245e-248,-8.036465840654936e-193,3.463683118023715e+232,-2.14121960263066e+100,1.2229575831051418e-141,-1.5227255057877473e+290,3.3217533744521556e-96,1e+22,1e+23,2.2250738585072014e-308,9007199254740992,0.30000000000000004,0.3333333333333333,0.6666666666666666,123456789,5e-7,0.0000015,4.35,0.3,100.5,0.001,999999999999999900000,1e+21,123000000000000000000]"#,
            fixups: &[],
        },
        Vector {
            dialect: Dialect::JS_COMPACT,
            probe: OVERFLOW,
            tool_output: r#"{"too_big":null,"too_neg":null,"underflow":0}"#,
            fixups: &[],
        },
        Vector {
            dialect: Dialect::JS_COMPACT,
            probe: LONE_SURROGATES,
            tool_output: r#"{"lone":"\ud800x\udfffy\udc00\ud800","pair":"😀"}"#,
            fixups: &[],
        },
        Vector {
            dialect: Dialect::JS_COMPACT,
            probe: DUPLICATES,
            tool_output: r#"{"2":5,"a":3,"b":2}"#,
            fixups: &[],
        },
        Vector {
            dialect: Dialect::JS_COMPACT,
            probe: PHP_LISTS,
            tool_output: r#"{"listlike":{"0":"a","1":"b"},"out_of_order":{"0":"b","1":"a"},"gap":{"0":"a","2":"b"},"empty":{},"nested":[{},{"0":{}}],"not_canonical":{"00":"x"}}"#,
            fixups: &[],
        },
        // the same with JSON.stringify(value, null, 2)
        Vector {
            dialect: Dialect::JS_PRETTY_2,
            probe: STRINGS,
            tool_output: concat!(
                "{\n",
                "  \"2\": 2,\n",
                "  \"10\": 3,\n",
                "  \"4294967294\": 6,\n",
                "  \"text\": \"café über é/ü <a href='x'>&amp;</a> a=b+c `t` \u{2028} \u{2029} 😀 😀\",\n",
                "  \"ctl\": \"\\b\\f\\n\\r\\t\\u0000\\u0001\\u001f\u{7f}\u{80}\",\n",
                "  \"quote\": \"\\\"\\\\/\",\n",
                "  \"nested\": {\n",
                "    \"arr\": [\n",
                "      1,\n",
                "      [],\n",
                "      {},\n",
                "      [\n",
                "        {\n",
                "          \"x\": null\n",
                "        }\n",
                "      ],\n",
                "      true,\n",
                "      false,\n",
                "      \"s\"\n",
                "    ],\n",
                "    \"empty_obj\": {},\n",
                "    \"empty_arr\": []\n",
                "  },\n",
                "  \"b\": 1,\n",
                "  \"01\": 4,\n",
                "  \"-1\": 5,\n",
                "  \"4294967295\": 7,\n",
                "  \"é\": \"non-ascii key\",\n",
                "  \"Z\": \"upper\",\n",
                "  \"a\": \"lower\",\n",
                "  \"😀\": \"astral key\",\n",
                "  \"Ａ\": \"fullwidth key\",\n",
                "  \"\": \"empty key\"\n",
                "}",
            ),
            fixups: &[],
        },
        Vector {
            dialect: Dialect::JS_PRETTY_2,
            probe: NUMBERS,
            tool_output: r#"{
  "zero_frac": 1,
  "exp": 100,
  "neg_zero": 0,
  "neg_zero_frac": 0,
  "big_exp": 1e+21,
  "upper_exp": 1e-7,
  "small": 0.000001,
  "smaller": 1e-7,
  "big_int": 12345678901234567000,
  "just_over_2_53": 9007199254740992,
  "ten_pow_16": 10000000000000000,
  "ten_pow_15": 1000000000000000,
  "ten_pow_17": 100000000000000000,
  "point_one": 0.1,
  "tiny": 0.00001,
  "milli": 0.0001,
  "fraction": 1.23,
  "plus_exp": 100,
  "max": 1.7976931348623157e+308,
  "min_sub": 5e-324,
  "neg": -1.25e-10,
  "int": 100,
  "seven": 10000000,
  "eps": 2.220446049250313e-16,
  "twentyone_nines": 1e+21,
  "long_frac": 123456789.12345679,
  "third": 0.3333333333333333,
  "huge": 1e+300,
  "mant": 1.5e+300,
  "i64max": 9223372036854776000,
  "i64min": -9223372036854776000,
  "i64over": 9223372036854776000,
  "zero": 0,
  "price": 136,
  "score": 0,
  "exp_zero": 0,
  "list": [
    1.1,
    2.5,
    0.001,
    0.0015,
    12500
  ]
}"#,
            fixups: &[],
        },
        Vector {
            dialect: Dialect::JS_PRETTY_2,
            probe: PHP_LISTS,
            tool_output: r#"{
  "listlike": {
    "0": "a",
    "1": "b"
  },
  "out_of_order": {
    "0": "b",
    "1": "a"
  },
  "gap": {
    "0": "a",
    "2": "b"
  },
  "empty": {},
  "nested": [
    {},
    {
      "0": {}
    }
  ],
  "not_canonical": {
    "00": "x"
  }
}"#,
            fixups: &[],
        },
        // python3 -c 'import json,sys; sys.stdout.buffer.write(json.dumps(json.loads(sys.stdin.buffer.read())).encode())' (CPython 3.11.7)
        Vector {
            dialect: Dialect::PYTHON_DEFAULT,
            probe: STRINGS,
            tool_output: r#"{"text": "caf\u00e9 \u00fcber \u00e9/\u00fc <a href='x'>&amp;</a> a=b+c `t` \u2028 \u2029 \ud83d\ude00 \ud83d\ude00", "ctl": "\b\f\n\r\t\u0000\u0001\u001f\u007f\u0080", "quote": "\"\\/", "nested": {"arr": [1, [], {}, [{"x": null}], true, false, "s"], "empty_obj": {}, "empty_arr": []}, "b": 1, "2": 2, "10": 3, "01": 4, "-1": 5, "4294967294": 6, "4294967295": 7, "\u00e9": "non-ascii key", "Z": "upper", "a": "lower", "\ud83d\ude00": "astral key", "\uff21": "fullwidth key", "": "empty key"}"#,
            fixups: &[],
        },
        Vector {
            dialect: Dialect::PYTHON_DEFAULT,
            probe: NUMBERS,
            tool_output: r#"{"zero_frac": 1.0, "exp": 100.0, "neg_zero": 0, "neg_zero_frac": -0.0, "big_exp": 1e+21, "upper_exp": 1e-07, "small": 1e-06, "smaller": 1e-07, "big_int": 12345678901234567890, "just_over_2_53": 9007199254740993, "ten_pow_16": 1e+16, "ten_pow_15": 1000000000000000.0, "ten_pow_17": 1e+17, "point_one": 0.1, "tiny": 1e-05, "milli": 0.0001, "fraction": 1.23, "plus_exp": 100.0, "max": 1.7976931348623157e+308, "min_sub": 5e-324, "neg": -1.25e-10, "int": 100, "seven": 10000000.0, "eps": 2.220446049250313e-16, "twentyone_nines": 999999999999999999999, "long_frac": 123456789.12345679, "third": 0.3333333333333333, "huge": 1e+300, "mant": 1.5e+300, "i64max": 9223372036854775807, "i64min": -9223372036854775808, "i64over": 9223372036854775808, "zero": 0, "price": 136.0, "score": 0.0, "exp_zero": 0.0, "list": [1.1, 2.5, 0.001, 0.0015, 12500.0]}"#,
            fixups: &[],
        },
        Vector {
            dialect: Dialect::PYTHON_DEFAULT,
            probe: FLOATS,
            tool_output: r#"[9.185216796600543e-26, 8.76956759745008e-24, 7.798798475274093e-22, 5.791761678359811e-20, 3.06099724304992e-18, 2.967483481637556e-16, 1.434823024876469e-14, 6.3858010560880666e-12, 8.697334100691557e-10, 2.238283448974696e-08, 5.202503190574054e-06, 0.00017003857726090738, 0.010442728393239174, 3.4193349383293468, 787.2991170091934, 34411.22971664369, 7265750.613278385, 377448577.3850661, 64659023030.934105, 5998432588392.953, 911911652576253.8, 2.8528479735771156e+16, 4.824823061170006e+18, 1.5552393003499297e+20, 2.3164191741039664e+22, 9.540425729310012e+24, 2.8540940512566904e+26, -7.903639390942385e+168, -5.330930403353807e-192, -1.5612650459994524e-307, 4.261622989538378e+189, -5.69894179362087e-178, 1.5074260393704108e+40, -5.181597527652386e-35, -2.012615740688622e+186, -2.751857270134548e+83, -3.668829144425245e-248, -8.036465840654936e-193, 3.463683118023715e+232, -2.14121960263066e+100, 1.2229575831051418e-141, -1.5227255057877473e+290, 3.3217533744521556e-96, 1e+22, 1e+23, 2.2250738585072014e-308, 9007199254740992.0, 0.30000000000000004, 0.3333333333333333, 0.6666666666666666, 123456789.0, 5e-07, 1.5e-06, 4.35, 0.3, 100.5, 0.001, 9.999999999999999e+20, 1e+21, 1.23e+20]"#,
            fixups: &[],
        },
        Vector {
            dialect: Dialect::PYTHON_DEFAULT,
            probe: OVERFLOW,
            tool_output: r#"{"too_big": Infinity, "too_neg": -Infinity, "underflow": 0.0}"#,
            fixups: &[],
        },
        Vector {
            dialect: Dialect::PYTHON_DEFAULT,
            probe: LONE_SURROGATES,
            tool_output: r#"{"lone": "\ud800x\udfffy\udc00\ud800", "pair": "\ud83d\ude00"}"#,
            fixups: &[],
        },
        Vector {
            dialect: Dialect::PYTHON_DEFAULT,
            probe: DUPLICATES,
            tool_output: r#"{"a": 3, "b": 2, "2": 5}"#,
            fixups: &[],
        },
        // the same with json.dumps(value, separators=(",", ":"))
        Vector {
            dialect: Dialect::PYTHON_COMPACT,
            probe: STRINGS,
            tool_output: r#"{"text":"caf\u00e9 \u00fcber \u00e9/\u00fc <a href='x'>&amp;</a> a=b+c `t` \u2028 \u2029 \ud83d\ude00 \ud83d\ude00","ctl":"\b\f\n\r\t\u0000\u0001\u001f\u007f\u0080","quote":"\"\\/","nested":{"arr":[1,[],{},[{"x":null}],true,false,"s"],"empty_obj":{},"empty_arr":[]},"b":1,"2":2,"10":3,"01":4,"-1":5,"4294967294":6,"4294967295":7,"\u00e9":"non-ascii key","Z":"upper","a":"lower","\ud83d\ude00":"astral key","\uff21":"fullwidth key","":"empty key"}"#,
            fixups: &[],
        },
        Vector {
            dialect: Dialect::PYTHON_COMPACT,
            probe: NUMBERS,
            tool_output: r#"{"zero_frac":1.0,"exp":100.0,"neg_zero":0,"neg_zero_frac":-0.0,"big_exp":1e+21,"upper_exp":1e-07,"small":1e-06,"smaller":1e-07,"big_int":12345678901234567890,"just_over_2_53":9007199254740993,"ten_pow_16":1e+16,"ten_pow_15":1000000000000000.0,"ten_pow_17":1e+17,"point_one":0.1,"tiny":1e-05,"milli":0.0001,"fraction":1.23,"plus_exp":100.0,"max":1.7976931348623157e+308,"min_sub":5e-324,"neg":-1.25e-10,"int":100,"seven":10000000.0,"eps":2.220446049250313e-16,"twentyone_nines":999999999999999999999,"long_frac":123456789.12345679,"third":0.3333333333333333,"huge":1e+300,"mant":1.5e+300,"i64max":9223372036854775807,"i64min":-9223372036854775808,"i64over":9223372036854775808,"zero":0,"price":136.0,"score":0.0,"exp_zero":0.0,"list":[1.1,2.5,0.001,0.0015,12500.0]}"#,
            fixups: &[],
        },
        Vector {
            dialect: Dialect::PYTHON_COMPACT,
            probe: LONE_SURROGATES,
            tool_output: r#"{"lone":"\ud800x\udfffy\udc00\ud800","pair":"\ud83d\ude00"}"#,
            fixups: &[],
        },
        // the same with json.dumps(value, separators=(",", ":"), ensure_ascii=False)
        Vector {
            dialect: Dialect::PYTHON_COMPACT_UNICODE,
            probe: STRINGS,
            tool_output: "{\"text\":\"café über é/ü <a href='x'>&amp;</a> a=b+c `t` \u{2028} \u{2029} 😀 😀\",\"ctl\":\"\\b\\f\\n\\r\\t\\u0000\\u0001\\u001f\u{7f}\u{80}\",\"quote\":\"\\\"\\\\/\",\"nested\":{\"arr\":[1,[],{},[{\"x\":null}],true,false,\"s\"],\"empty_obj\":{},\"empty_arr\":[]},\"b\":1,\"2\":2,\"10\":3,\"01\":4,\"-1\":5,\"4294967294\":6,\"4294967295\":7,\"é\":\"non-ascii key\",\"Z\":\"upper\",\"a\":\"lower\",\"😀\":\"astral key\",\"Ａ\":\"fullwidth key\",\"\":\"empty key\"}",
            fixups: &[],
        },
        Vector {
            dialect: Dialect::PYTHON_COMPACT_UNICODE,
            probe: NUMBERS,
            tool_output: r#"{"zero_frac":1.0,"exp":100.0,"neg_zero":0,"neg_zero_frac":-0.0,"big_exp":1e+21,"upper_exp":1e-07,"small":1e-06,"smaller":1e-07,"big_int":12345678901234567890,"just_over_2_53":9007199254740993,"ten_pow_16":1e+16,"ten_pow_15":1000000000000000.0,"ten_pow_17":1e+17,"point_one":0.1,"tiny":1e-05,"milli":0.0001,"fraction":1.23,"plus_exp":100.0,"max":1.7976931348623157e+308,"min_sub":5e-324,"neg":-1.25e-10,"int":100,"seven":10000000.0,"eps":2.220446049250313e-16,"twentyone_nines":999999999999999999999,"long_frac":123456789.12345679,"third":0.3333333333333333,"huge":1e+300,"mant":1.5e+300,"i64max":9223372036854775807,"i64min":-9223372036854775808,"i64over":9223372036854775808,"zero":0,"price":136.0,"score":0.0,"exp_zero":0.0,"list":[1.1,2.5,0.001,0.0015,12500.0]}"#,
            fixups: &[],
        },
        // the same with json.dumps(value, ensure_ascii=False)
        Vector {
            dialect: Dialect::PYTHON_DEFAULT_UNICODE,
            probe: STRINGS,
            tool_output: "{\"text\": \"café über é/ü <a href='x'>&amp;</a> a=b+c `t` \u{2028} \u{2029} 😀 😀\", \"ctl\": \"\\b\\f\\n\\r\\t\\u0000\\u0001\\u001f\u{7f}\u{80}\", \"quote\": \"\\\"\\\\/\", \"nested\": {\"arr\": [1, [], {}, [{\"x\": null}], true, false, \"s\"], \"empty_obj\": {}, \"empty_arr\": []}, \"b\": 1, \"2\": 2, \"10\": 3, \"01\": 4, \"-1\": 5, \"4294967294\": 6, \"4294967295\": 7, \"é\": \"non-ascii key\", \"Z\": \"upper\", \"a\": \"lower\", \"😀\": \"astral key\", \"Ａ\": \"fullwidth key\", \"\": \"empty key\"}",
            fixups: &[],
        },
        // the same with json.dumps(value, sort_keys=True)
        Vector {
            dialect: Dialect::PYTHON_SORTED,
            probe: STRINGS,
            tool_output: r#"{"": "empty key", "-1": 5, "01": 4, "10": 3, "2": 2, "4294967294": 6, "4294967295": 7, "Z": "upper", "a": "lower", "b": 1, "ctl": "\b\f\n\r\t\u0000\u0001\u001f\u007f\u0080", "nested": {"arr": [1, [], {}, [{"x": null}], true, false, "s"], "empty_arr": [], "empty_obj": {}}, "quote": "\"\\/", "text": "caf\u00e9 \u00fcber \u00e9/\u00fc <a href='x'>&amp;</a> a=b+c `t` \u2028 \u2029 \ud83d\ude00 \ud83d\ude00", "\u00e9": "non-ascii key", "\uff21": "fullwidth key", "\ud83d\ude00": "astral key"}"#,
            fixups: &[],
        },
        Vector {
            dialect: Dialect::PYTHON_SORTED,
            probe: NUMBERS,
            tool_output: r#"{"big_exp": 1e+21, "big_int": 12345678901234567890, "eps": 2.220446049250313e-16, "exp": 100.0, "exp_zero": 0.0, "fraction": 1.23, "huge": 1e+300, "i64max": 9223372036854775807, "i64min": -9223372036854775808, "i64over": 9223372036854775808, "int": 100, "just_over_2_53": 9007199254740993, "list": [1.1, 2.5, 0.001, 0.0015, 12500.0], "long_frac": 123456789.12345679, "mant": 1.5e+300, "max": 1.7976931348623157e+308, "milli": 0.0001, "min_sub": 5e-324, "neg": -1.25e-10, "neg_zero": 0, "neg_zero_frac": -0.0, "plus_exp": 100.0, "point_one": 0.1, "price": 136.0, "score": 0.0, "seven": 10000000.0, "small": 1e-06, "smaller": 1e-07, "ten_pow_15": 1000000000000000.0, "ten_pow_16": 1e+16, "ten_pow_17": 1e+17, "third": 0.3333333333333333, "tiny": 1e-05, "twentyone_nines": 999999999999999999999, "upper_exp": 1e-07, "zero": 0, "zero_frac": 1.0}"#,
            fixups: &[],
        },
        Vector {
            dialect: Dialect::PYTHON_SORTED,
            probe: DUPLICATES,
            tool_output: r#"{"2": 5, "a": 3, "b": 2}"#,
            fixups: &[],
        },
        // php -r 'echo json_encode(json_decode(file_get_contents("php://stdin")));' (PHP 8.2.36)
        Vector {
            dialect: Dialect::PHP_DEFAULT,
            probe: STRINGS,
            tool_output: "{\"text\":\"caf\\u00e9 \\u00fcber \\u00e9\\/\\u00fc <a href='x'>&amp;<\\/a> a=b+c `t` \\u2028 \\u2029 \\ud83d\\ude00 \\ud83d\\ude00\",\"ctl\":\"\\b\\f\\n\\r\\t\\u0000\\u0001\\u001f\u{7f}\\u0080\",\"quote\":\"\\\"\\\\\\/\",\"nested\":{\"arr\":[1,[],{},[{\"x\":null}],true,false,\"s\"],\"empty_obj\":{},\"empty_arr\":[]},\"b\":1,\"2\":2,\"10\":3,\"01\":4,\"-1\":5,\"4294967294\":6,\"4294967295\":7,\"\\u00e9\":\"non-ascii key\",\"Z\":\"upper\",\"a\":\"lower\",\"\\ud83d\\ude00\":\"astral key\",\"\\uff21\":\"fullwidth key\",\"\":\"empty key\"}",
            fixups: &[],
        },
        Vector {
            dialect: Dialect::PHP_DEFAULT,
            probe: NUMBERS,
            tool_output: r#"{"zero_frac":1,"exp":100,"neg_zero":0,"neg_zero_frac":-0,"big_exp":1.0e+21,"upper_exp":1.0e-7,"small":1.0e-6,"smaller":1.0e-7,"big_int":1.2345678901234567e+19,"just_over_2_53":9007199254740993,"ten_pow_16":10000000000000000,"ten_pow_15":1000000000000000,"ten_pow_17":1.0e+17,"point_one":0.1,"tiny":1.0e-5,"milli":0.0001,"fraction":1.23,"plus_exp":100,"max":1.7976931348623157e+308,"min_sub":5.0e-324,"neg":-1.25e-10,"int":100,"seven":10000000,"eps":2.220446049250313e-16,"twentyone_nines":1.0e+21,"long_frac":123456789.12345679,"third":0.3333333333333333,"huge":1.0e+300,"mant":1.5e+300,"i64max":9223372036854775807,"i64min":-9223372036854775808,"i64over":9.223372036854776e+18,"zero":0,"price":136,"score":0,"exp_zero":0,"list":[1.1,2.5,0.001,0.0015,12500]}"#,
            fixups: &[],
        },
        Vector {
            dialect: Dialect::PHP_DEFAULT,
            probe: FLOATS,
            tool_output: r#"[9.185216796600543e-26,8.76956759745008e-24,7.798798475274093e-22,5.791761678359811e-20,3.06099724304992e-18,2.967483481637556e-16,1.434823024876469e-14,6.3858010560880666e-12,8.697334100691557e-10,2.238283448974696e-8,5.202503190574054e-6,0.00017003857726090738,0.010442728393239174,3.4193349383293468,787.2991170091934,34411.22971664369,7265750.613278385,377448577.3850661,64659023030.934105,5998432588392.953,911911652576253.8,28528479735771156,4.824823061170006e+18,1.5552393003499297e+20,2.3164191741039664e+22,9.540425729310012e+24,2.8540940512566904e+26,-7.903639390942385e+168,-5.330930403353807e-192,-1.5612650459994524e-307,4.261622989538378e+189,-5.69894179362087e-178,1.5074260393704108e+40,-5.181597527652386e-35,-2.012615740688622e+186,-2.751857270134548e+83,-3.668829144425245e-248,-8.036465840654936e-193,3.463683118023715e+232,-2.14121960263066e+100,1.2229575831051418e-141,-1.5227255057877473e+290,3.3217533744521556e-96,1.0e+22,1.0e+23,2.2250738585072014e-308,9007199254740992,0.30000000000000004,0.3333333333333333,0.6666666666666666,123456789,5.0e-7,1.5e-6,4.35,0.3,100.5,0.001,9.999999999999999e+20,1.0e+21,1.23e+20]"#,
            fixups: &[],
        },
        Vector {
            dialect: Dialect::PHP_DEFAULT,
            probe: DUPLICATES,
            tool_output: r#"{"a":3,"b":2,"2":5}"#,
            fixups: &[],
        },
        // the same with json_encode(..., JSON_UNESCAPED_SLASHES)
        Vector {
            dialect: Dialect::PHP_UNESCAPED_SLASHES,
            probe: STRINGS,
            tool_output: "{\"text\":\"caf\\u00e9 \\u00fcber \\u00e9/\\u00fc <a href='x'>&amp;</a> a=b+c `t` \\u2028 \\u2029 \\ud83d\\ude00 \\ud83d\\ude00\",\"ctl\":\"\\b\\f\\n\\r\\t\\u0000\\u0001\\u001f\u{7f}\\u0080\",\"quote\":\"\\\"\\\\/\",\"nested\":{\"arr\":[1,[],{},[{\"x\":null}],true,false,\"s\"],\"empty_obj\":{},\"empty_arr\":[]},\"b\":1,\"2\":2,\"10\":3,\"01\":4,\"-1\":5,\"4294967294\":6,\"4294967295\":7,\"\\u00e9\":\"non-ascii key\",\"Z\":\"upper\",\"a\":\"lower\",\"\\ud83d\\ude00\":\"astral key\",\"\\uff21\":\"fullwidth key\",\"\":\"empty key\"}",
            fixups: &[],
        },
        // the same with json_decode(..., true)
        Vector {
            dialect: Dialect::PHP_ASSOC,
            probe: STRINGS,
            tool_output: "{\"text\":\"caf\\u00e9 \\u00fcber \\u00e9\\/\\u00fc <a href='x'>&amp;<\\/a> a=b+c `t` \\u2028 \\u2029 \\ud83d\\ude00 \\ud83d\\ude00\",\"ctl\":\"\\b\\f\\n\\r\\t\\u0000\\u0001\\u001f\u{7f}\\u0080\",\"quote\":\"\\\"\\\\\\/\",\"nested\":{\"arr\":[1,[],[],[{\"x\":null}],true,false,\"s\"],\"empty_obj\":[],\"empty_arr\":[]},\"b\":1,\"2\":2,\"10\":3,\"01\":4,\"-1\":5,\"4294967294\":6,\"4294967295\":7,\"\\u00e9\":\"non-ascii key\",\"Z\":\"upper\",\"a\":\"lower\",\"\\ud83d\\ude00\":\"astral key\",\"\\uff21\":\"fullwidth key\",\"\":\"empty key\"}",
            fixups: &[],
        },
        Vector {
            dialect: Dialect::PHP_ASSOC,
            probe: PHP_LISTS,
            tool_output: r#"{"listlike":["a","b"],"out_of_order":{"1":"a","0":"b"},"gap":{"0":"a","2":"b"},"empty":[],"nested":[[],[[]]],"not_canonical":{"00":"x"}}"#,
            fixups: &[],
        },
        // the same with json_encode(..., JSON_PRETTY_PRINT)
        Vector {
            dialect: Dialect::PHP_PRETTY,
            probe: STRINGS,
            tool_output: concat!(
                "{\n",
                "    \"text\": \"caf\\u00e9 \\u00fcber \\u00e9\\/\\u00fc <a href='x'>&amp;<\\/a> a=b+c `t` \\u2028 \\u2029 \\ud83d\\ude00 \\ud83d\\ude00\",\n",
                "    \"ctl\": \"\\b\\f\\n\\r\\t\\u0000\\u0001\\u001f\u{7f}\\u0080\",\n",
                "    \"quote\": \"\\\"\\\\\\/\",\n",
                "    \"nested\": {\n",
                "        \"arr\": [\n",
                "            1,\n",
                "            [],\n",
                "            {},\n",
                "            [\n",
                "                {\n",
                "                    \"x\": null\n",
                "                }\n",
                "            ],\n",
                "            true,\n",
                "            false,\n",
                "            \"s\"\n",
                "        ],\n",
                "        \"empty_obj\": {},\n",
                "        \"empty_arr\": []\n",
                "    },\n",
                "    \"b\": 1,\n",
                "    \"2\": 2,\n",
                "    \"10\": 3,\n",
                "    \"01\": 4,\n",
                "    \"-1\": 5,\n",
                "    \"4294967294\": 6,\n",
                "    \"4294967295\": 7,\n",
                "    \"\\u00e9\": \"non-ascii key\",\n",
                "    \"Z\": \"upper\",\n",
                "    \"a\": \"lower\",\n",
                "    \"\\ud83d\\ude00\": \"astral key\",\n",
                "    \"\\uff21\": \"fullwidth key\",\n",
                "    \"\": \"empty key\"\n",
                "}",
            ),
            fixups: &[],
        },
        Vector {
            dialect: Dialect::PHP_PRETTY,
            probe: PHP_LISTS,
            tool_output: r#"{
    "listlike": {
        "0": "a",
        "1": "b"
    },
    "out_of_order": {
        "1": "a",
        "0": "b"
    },
    "gap": {
        "0": "a",
        "2": "b"
    },
    "empty": {},
    "nested": [
        {},
        {
            "0": {}
        }
    ],
    "not_canonical": {
        "00": "x"
    }
}"#,
            fixups: &[],
        },
        // Go 1.19.8: var v any; json.Unmarshal(probe, &v); json.Marshal(v). Go 1.22 switched \b and \f
        // to their short forms (go.dev/doc/go1.22, encoding/json); the dialect follows 1.22+
        Vector {
            dialect: Dialect::GO_MAP,
            probe: STRINGS,
            tool_output: "{\"\":\"empty key\",\"-1\":5,\"01\":4,\"10\":3,\"2\":2,\"4294967294\":6,\"4294967295\":7,\"Z\":\"upper\",\"a\":\"lower\",\"b\":1,\"ctl\":\"\\u0008\\u000c\\n\\r\\t\\u0000\\u0001\\u001f\u{7f}\u{80}\",\"nested\":{\"arr\":[1,[],{},[{\"x\":null}],true,false,\"s\"],\"empty_arr\":[],\"empty_obj\":{}},\"quote\":\"\\\"\\\\/\",\"text\":\"café über é/ü \\u003ca href='x'\\u003e\\u0026amp;\\u003c/a\\u003e a=b+c `t` \\u2028 \\u2029 😀 😀\",\"é\":\"non-ascii key\",\"Ａ\":\"fullwidth key\",\"😀\":\"astral key\"}",
            fixups: &[(r"\u0008\u000c", r"\b\f")],
        },
        Vector {
            dialect: Dialect::GO_MAP,
            probe: NUMBERS,
            tool_output: r#"{"big_exp":1e+21,"big_int":12345678901234567000,"eps":2.220446049250313e-16,"exp":100,"exp_zero":0,"fraction":1.23,"huge":1e+300,"i64max":9223372036854776000,"i64min":-9223372036854776000,"i64over":9223372036854776000,"int":100,"just_over_2_53":9007199254740992,"list":[1.1,2.5,0.001,0.0015,12500],"long_frac":123456789.12345679,"mant":1.5e+300,"max":1.7976931348623157e+308,"milli":0.0001,"min_sub":5e-324,"neg":-1.25e-10,"neg_zero":-0,"neg_zero_frac":-0,"plus_exp":100,"point_one":0.1,"price":136,"score":0,"seven":10000000,"small":0.000001,"smaller":1e-7,"ten_pow_15":1000000000000000,"ten_pow_16":10000000000000000,"ten_pow_17":100000000000000000,"third":0.3333333333333333,"tiny":0.00001,"twentyone_nines":1e+21,"upper_exp":1e-7,"zero":0,"zero_frac":1}"#,
            fixups: &[],
        },
        Vector {
            dialect: Dialect::GO_MAP,
            probe: DUPLICATES,
            tool_output: r#"{"2":5,"a":3,"b":2}"#,
            fixups: &[],
        },
        // Go 1.19.8: json.NewEncoder(w).Encode(v) on the same v
        Vector {
            dialect: Dialect {
                trailing_newline: true,
                ..Dialect::GO_MAP
            },
            probe: DUPLICATES,
            tool_output: r#"{"2":5,"a":3,"b":2}
"#,
            fixups: &[],
        },
        // Go 1.19.8, document order as a struct would keep it: json.Decoder.Token() stream with each key,
        // string and number (as float64) written by json.Marshal
        Vector {
            dialect: Dialect::GO_HTML_SAFE,
            probe: STRINGS,
            tool_output: "{\"text\":\"café über é/ü \\u003ca href='x'\\u003e\\u0026amp;\\u003c/a\\u003e a=b+c `t` \\u2028 \\u2029 😀 😀\",\"ctl\":\"\\u0008\\u000c\\n\\r\\t\\u0000\\u0001\\u001f\u{7f}\u{80}\",\"quote\":\"\\\"\\\\/\",\"nested\":{\"arr\":[1,[],{},[{\"x\":null}],true,false,\"s\"],\"empty_obj\":{},\"empty_arr\":[]},\"b\":1,\"2\":2,\"10\":3,\"01\":4,\"-1\":5,\"4294967294\":6,\"4294967295\":7,\"é\":\"non-ascii key\",\"Z\":\"upper\",\"a\":\"lower\",\"😀\":\"astral key\",\"Ａ\":\"fullwidth key\",\"\":\"empty key\"}",
            fixups: &[(r"\u0008\u000c", r"\b\f")],
        },
        Vector {
            dialect: Dialect::GO_HTML_SAFE,
            probe: NUMBERS,
            tool_output: r#"{"zero_frac":1,"exp":100,"neg_zero":-0,"neg_zero_frac":-0,"big_exp":1e+21,"upper_exp":1e-7,"small":0.000001,"smaller":1e-7,"big_int":12345678901234567000,"just_over_2_53":9007199254740992,"ten_pow_16":10000000000000000,"ten_pow_15":1000000000000000,"ten_pow_17":100000000000000000,"point_one":0.1,"tiny":0.00001,"milli":0.0001,"fraction":1.23,"plus_exp":100,"max":1.7976931348623157e+308,"min_sub":5e-324,"neg":-1.25e-10,"int":100,"seven":10000000,"eps":2.220446049250313e-16,"twentyone_nines":1e+21,"long_frac":123456789.12345679,"third":0.3333333333333333,"huge":1e+300,"mant":1.5e+300,"i64max":9223372036854776000,"i64min":-9223372036854776000,"i64over":9223372036854776000,"zero":0,"price":136,"score":0,"exp_zero":0,"list":[1.1,2.5,0.001,0.0015,12500]}"#,
            fixups: &[],
        },
        Vector {
            dialect: Dialect::GO_HTML_SAFE,
            probe: FLOATS,
            tool_output: r#"[9.185216796600543e-26,8.76956759745008e-24,7.798798475274093e-22,5.791761678359811e-20,3.06099724304992e-18,2.967483481637556e-16,1.434823024876469e-14,6.3858010560880666e-12,8.697334100691557e-10,2.238283448974696e-8,0.000005202503190574054,0.00017003857726090738,0.010442728393239174,3.4193349383293468,787.2991170091934,34411.22971664369,7265750.613278385,377448577.3850661,64659023030.934105,5998432588392.953,911911652576253.8,28528479735771156,4824823061170006000,155523930034992970000,2.3164191741039664e+22,9.540425729310012e+24,2.8540940512566904e+26,-7.903639390942385e+168,-5.330930403353807e-192,-1.5612650459994524e-307,4.261622989538378e+189,-5.69894179362087e-178,1.5074260393704108e+40,-5.181597527652386e-35,-2.012615740688622e+186,-2.751857270134548e+83,-3.668829144425245e-248,-8.036465840654936e-193,3.463683118023715e+232,-2.14121960263066e+100,1.2229575831051418e-141,-1.5227255057877473e+290,3.3217533744521556e-96,1e+22,1e+23,2.2250738585072014e-308,9007199254740992,0.30000000000000004,0.3333333333333333,0.6666666666666666,123456789,5e-7,0.0000015,4.35,0.3,100.5,0.001,999999999999999900000,1e+21,123000000000000000000]"#,
            fixups: &[],
        },
        Vector {
            dialect: Dialect::GO_HTML_SAFE,
            probe: LONE_SURROGATES,
            tool_output: "{\"lone\":\"�x�y��\",\"pair\":\"😀\"}",
            fixups: &[],
        },
        // serde_json 1.0.154 (default features): serde_json::to_vec(&serde_json::from_slice::<Value>(probe)?)
        Vector {
            dialect: Dialect::COMPACT_SORTED,
            probe: STRINGS,
            tool_output: "{\"\":\"empty key\",\"-1\":5,\"01\":4,\"10\":3,\"2\":2,\"4294967294\":6,\"4294967295\":7,\"Z\":\"upper\",\"a\":\"lower\",\"b\":1,\"ctl\":\"\\b\\f\\n\\r\\t\\u0000\\u0001\\u001f\u{7f}\u{80}\",\"nested\":{\"arr\":[1,[],{},[{\"x\":null}],true,false,\"s\"],\"empty_arr\":[],\"empty_obj\":{}},\"quote\":\"\\\"\\\\/\",\"text\":\"café über é/ü <a href='x'>&amp;</a> a=b+c `t` \u{2028} \u{2029} 😀 😀\",\"é\":\"non-ascii key\",\"Ａ\":\"fullwidth key\",\"😀\":\"astral key\"}",
            fixups: &[],
        },
        Vector {
            dialect: Dialect::COMPACT_SORTED,
            probe: NUMBERS,
            tool_output: r#"{"big_exp":1e+21,"big_int":12345678901234567890,"eps":2.220446049250313e-16,"exp":100.0,"exp_zero":0.0,"fraction":1.23,"huge":1e+300,"i64max":9223372036854775807,"i64min":-9223372036854775808,"i64over":9223372036854775808,"int":100,"just_over_2_53":9007199254740993,"list":[1.1,2.5,0.001,0.0015,12500.0],"long_frac":123456789.12345679,"mant":1.5e+300,"max":1.7976931348623157e+308,"milli":0.0001,"min_sub":5e-324,"neg":-1.25e-10,"neg_zero":-0.0,"neg_zero_frac":-0.0,"plus_exp":100.0,"point_one":0.1,"price":136.0,"score":0.0,"seven":10000000.0,"small":1e-6,"smaller":1e-7,"ten_pow_15":1000000000000000.0,"ten_pow_16":1e+16,"ten_pow_17":1e+17,"third":0.3333333333333333,"tiny":0.00001,"twentyone_nines":1e+21,"upper_exp":1e-7,"zero":0,"zero_frac":1.0}"#,
            fixups: &[],
        },
        Vector {
            dialect: Dialect::COMPACT_SORTED,
            probe: FLOATS,
            tool_output: r#"[9.185216796600544e-26,8.76956759745008e-24,7.798798475274094e-22,5.791761678359811e-20,3.0609972430499196e-18,2.967483481637556e-16,1.4348230248764693e-14,6.3858010560880666e-12,8.697334100691557e-10,2.2382834489746962e-8,5.202503190574054e-6,0.00017003857726090738,0.010442728393239174,3.4193349383293468,787.2991170091934,34411.22971664369,7265750.613278385,377448577.3850661,64659023030.934105,5998432588392.953,911911652576253.8,2.8528479735771156e+16,4.824823061170006e+18,1.5552393003499297e+20,2.3164191741039664e+22,9.540425729310012e+24,2.8540940512566904e+26,-7.903639390942385e+168,-5.3309304033538065e-192,-1.5612650459994526e-307,4.2616229895383784e+189,-5.698941793620869e-178,1.5074260393704108e+40,-5.181597527652386e-35,-2.012615740688622e+186,-2.751857270134548e+83,-3.668829144425245e-248,-8.036465840654936e-193,3.463683118023715e+232,-2.1412196026306602e+100,1.2229575831051418e-141,-1.5227255057877471e+290,3.321753374452156e-96,1e+22,1e+23,2.2250738585072014e-308,9007199254740992.0,0.30000000000000004,0.3333333333333333,0.6666666666666666,123456789.0,5e-7,1.5e-6,4.35,0.3,100.5,0.001,1e+21,1e+21,1.23e+20]"#,
            fixups: &[],
        },
        Vector {
            dialect: Dialect::COMPACT_SORTED,
            probe: DUPLICATES,
            tool_output: r#"{"2":5,"a":3,"b":2}"#,
            fixups: &[],
        },
        // ruby -rjson -ractive_support -ractive_support/json -e 'print JSON.parse(STDIN.read).to_json'
        // (Ruby 3.1.7, ActiveSupport 6.1.7); probes without floats, see Dialect::RAILS
        Vector {
            dialect: Dialect::RAILS,
            probe: STRINGS,
            tool_output: "{\"text\":\"café über é/ü \\u003ca href='x'\\u003e\\u0026amp;\\u003c/a\\u003e a=b+c `t` \\u2028 \\u2029 😀 😀\",\"ctl\":\"\\b\\f\\n\\r\\t\\u0000\\u0001\\u001f\u{7f}\u{80}\",\"quote\":\"\\\"\\\\/\",\"nested\":{\"arr\":[1,[],{},[{\"x\":null}],true,false,\"s\"],\"empty_obj\":{},\"empty_arr\":[]},\"b\":1,\"2\":2,\"10\":3,\"01\":4,\"-1\":5,\"4294967294\":6,\"4294967295\":7,\"é\":\"non-ascii key\",\"Z\":\"upper\",\"a\":\"lower\",\"😀\":\"astral key\",\"Ａ\":\"fullwidth key\",\"\":\"empty key\"}",
            fixups: &[],
        },
        Vector {
            dialect: Dialect::RAILS,
            probe: PHP_LISTS,
            tool_output: r#"{"listlike":{"0":"a","1":"b"},"out_of_order":{"1":"a","0":"b"},"gap":{"0":"a","2":"b"},"empty":{},"nested":[{},{"0":{}}],"not_canonical":{"00":"x"}}"#,
            fixups: &[],
        },
        Vector {
            dialect: Dialect::RAILS,
            probe: DUPLICATES,
            tool_output: r#"{"a":3,"b":2,"2":5}"#,
            fixups: &[],
        },
        // Jackson 2.14 on OpenJDK 17.0.15: mapper.writeValueAsString(mapper.readTree(probe)). JDK 17's
        // Double.toString prints 1e23 as 9.999999999999999E22; JDK 19+ (modelled) prints 1.0E23
        Vector {
            dialect: Dialect::JACKSON,
            probe: STRINGS,
            tool_output: "{\"text\":\"café über é/ü <a href='x'>&amp;</a> a=b+c `t` \u{2028} \u{2029} 😀 😀\",\"ctl\":\"\\b\\f\\n\\r\\t\\u0000\\u0001\\u001F\u{7f}\u{80}\",\"quote\":\"\\\"\\\\/\",\"nested\":{\"arr\":[1,[],{},[{\"x\":null}],true,false,\"s\"],\"empty_obj\":{},\"empty_arr\":[]},\"b\":1,\"2\":2,\"10\":3,\"01\":4,\"-1\":5,\"4294967294\":6,\"4294967295\":7,\"é\":\"non-ascii key\",\"Z\":\"upper\",\"a\":\"lower\",\"😀\":\"astral key\",\"Ａ\":\"fullwidth key\",\"\":\"empty key\"}",
            fixups: &[],
        },
        Vector {
            dialect: Dialect::JACKSON,
            probe: NUMBERS,
            tool_output: r#"{"zero_frac":1.0,"exp":100.0,"neg_zero":0,"neg_zero_frac":-0.0,"big_exp":1.0E21,"upper_exp":1.0E-7,"small":1.0E-6,"smaller":1.0E-7,"big_int":12345678901234567890,"just_over_2_53":9007199254740993,"ten_pow_16":1.0E16,"ten_pow_15":1.0E15,"ten_pow_17":1.0E17,"point_one":0.1,"tiny":1.0E-5,"milli":1.0E-4,"fraction":1.23,"plus_exp":100.0,"max":1.7976931348623157E308,"min_sub":4.9E-324,"neg":-1.25E-10,"int":100,"seven":1.0E7,"eps":2.220446049250313E-16,"twentyone_nines":999999999999999999999,"long_frac":1.2345678912345679E8,"third":0.3333333333333333,"huge":1.0E300,"mant":1.5E300,"i64max":9223372036854775807,"i64min":-9223372036854775808,"i64over":9223372036854775808,"zero":0,"price":136.0,"score":0.0,"exp_zero":0.0,"list":[1.1,2.5,0.001,0.0015,12500.0]}"#,
            fixups: &[],
        },
        Vector {
            dialect: Dialect::JACKSON,
            probe: FLOATS,
            tool_output: r#"[9.185216796600543E-26,8.76956759745008E-24,7.798798475274093E-22,5.791761678359811E-20,3.06099724304992E-18,2.967483481637556E-16,1.434823024876469E-14,6.3858010560880666E-12,8.697334100691557E-10,2.238283448974696E-8,5.202503190574054E-6,1.7003857726090738E-4,0.010442728393239174,3.4193349383293468,787.2991170091934,34411.22971664369,7265750.613278385,3.774485773850661E8,6.4659023030934105E10,5.998432588392953E12,9.119116525762538E14,2.8528479735771156E16,4.824823061170006E18,1.5552393003499297E20,2.3164191741039664E22,9.540425729310012E24,2.8540940512566904E26,-7.903639390942385E168,-5.330930403353807E-192,-1.5612650459994524E-307,4.261622989538378E189,-5.69894179362087E-178,1.5074260393704108E40,-5.181597527652386E-35,-2.012615740688622E186,-2.751857270134548E83,-3.668829144425245E-248,-8.036465840654936E-193,3.463683118023715E232,-2.14121960263066E100,1.2229575831051418E-141,-1.5227255057877473E290,3.3217533744521556E-96,1.0E22,9.999999999999999E22,2.2250738585072014E-308,9.007199254740992E15,0.30000000000000004,0.3333333333333333,0.6666666666666666,1.23456789E8,5.0E-7,1.5E-6,4.35,0.3,100.5,0.001,9.999999999999999E20,1.0E21,1.23E20]"#,
            fixups: &[("9.999999999999999E22", "1.0E23")],
        },
        Vector {
            dialect: Dialect::JACKSON,
            probe: OVERFLOW,
            tool_output: r#"{"too_big":"Infinity","too_neg":"-Infinity","underflow":0.0}"#,
            fixups: &[],
        },
        Vector {
            dialect: Dialect::JACKSON,
            probe: DUPLICATES,
            tool_output: r#"{"a":3,"b":2,"2":5}"#,
            fixups: &[],
        },
        // the same with mapper.writerWithDefaultPrettyPrinter()
        Vector {
            dialect: Dialect::JACKSON_PRETTY,
            probe: STRINGS,
            tool_output: concat!(
                "{\n",
                "  \"text\" : \"café über é/ü <a href='x'>&amp;</a> a=b+c `t` \u{2028} \u{2029} 😀 😀\",\n",
                "  \"ctl\" : \"\\b\\f\\n\\r\\t\\u0000\\u0001\\u001F\u{7f}\u{80}\",\n",
                "  \"quote\" : \"\\\"\\\\/\",\n",
                "  \"nested\" : {\n",
                "    \"arr\" : [ 1, [ ], { }, [ {\n",
                "      \"x\" : null\n",
                "    } ], true, false, \"s\" ],\n",
                "    \"empty_obj\" : { },\n",
                "    \"empty_arr\" : [ ]\n",
                "  },\n",
                "  \"b\" : 1,\n",
                "  \"2\" : 2,\n",
                "  \"10\" : 3,\n",
                "  \"01\" : 4,\n",
                "  \"-1\" : 5,\n",
                "  \"4294967294\" : 6,\n",
                "  \"4294967295\" : 7,\n",
                "  \"é\" : \"non-ascii key\",\n",
                "  \"Z\" : \"upper\",\n",
                "  \"a\" : \"lower\",\n",
                "  \"😀\" : \"astral key\",\n",
                "  \"Ａ\" : \"fullwidth key\",\n",
                "  \"\" : \"empty key\"\n",
                "}",
            ),
            fixups: &[],
        },
        Vector {
            dialect: Dialect::JACKSON_PRETTY,
            probe: NUMBERS,
            tool_output: r#"{
  "zero_frac" : 1.0,
  "exp" : 100.0,
  "neg_zero" : 0,
  "neg_zero_frac" : -0.0,
  "big_exp" : 1.0E21,
  "upper_exp" : 1.0E-7,
  "small" : 1.0E-6,
  "smaller" : 1.0E-7,
  "big_int" : 12345678901234567890,
  "just_over_2_53" : 9007199254740993,
  "ten_pow_16" : 1.0E16,
  "ten_pow_15" : 1.0E15,
  "ten_pow_17" : 1.0E17,
  "point_one" : 0.1,
  "tiny" : 1.0E-5,
  "milli" : 1.0E-4,
  "fraction" : 1.23,
  "plus_exp" : 100.0,
  "max" : 1.7976931348623157E308,
  "min_sub" : 4.9E-324,
  "neg" : -1.25E-10,
  "int" : 100,
  "seven" : 1.0E7,
  "eps" : 2.220446049250313E-16,
  "twentyone_nines" : 999999999999999999999,
  "long_frac" : 1.2345678912345679E8,
  "third" : 0.3333333333333333,
  "huge" : 1.0E300,
  "mant" : 1.5E300,
  "i64max" : 9223372036854775807,
  "i64min" : -9223372036854775808,
  "i64over" : 9223372036854775808,
  "zero" : 0,
  "price" : 136.0,
  "score" : 0.0,
  "exp_zero" : 0.0,
  "list" : [ 1.1, 2.5, 0.001, 0.0015, 12500.0 ]
}"#,
            fixups: &[],
        },
        Vector {
            dialect: Dialect::JACKSON_PRETTY,
            probe: PHP_LISTS,
            tool_output: r#"{
  "listlike" : {
    "0" : "a",
    "1" : "b"
  },
  "out_of_order" : {
    "1" : "a",
    "0" : "b"
  },
  "gap" : {
    "0" : "a",
    "2" : "b"
  },
  "empty" : { },
  "nested" : [ { }, {
    "0" : { }
  } ],
  "not_canonical" : {
    "00" : "x"
  }
}"#,
            fixups: &[],
        },
        // the same with mapper.writeValueAsBytes(tree)
        Vector {
            dialect: Dialect::JACKSON_BYTES,
            probe: STRINGS,
            tool_output: "{\"text\":\"café über é/ü <a href='x'>&amp;</a> a=b+c `t` \u{2028} \u{2029} \\uD83D\\uDE00 \\uD83D\\uDE00\",\"ctl\":\"\\b\\f\\n\\r\\t\\u0000\\u0001\\u001F\u{7f}\u{80}\",\"quote\":\"\\\"\\\\/\",\"nested\":{\"arr\":[1,[],{},[{\"x\":null}],true,false,\"s\"],\"empty_obj\":{},\"empty_arr\":[]},\"b\":1,\"2\":2,\"10\":3,\"01\":4,\"-1\":5,\"4294967294\":6,\"4294967295\":7,\"é\":\"non-ascii key\",\"Z\":\"upper\",\"a\":\"lower\",\"\\uD83D\\uDE00\":\"astral key\",\"Ａ\":\"fullwidth key\",\"\":\"empty key\"}",
            fixups: &[],
        },
        // Gson 2.10 on OpenJDK 17.0.15: new Gson().toJson(JsonParser.parseString(probe))
        Vector {
            dialect: Dialect::GSON,
            probe: STRINGS,
            tool_output: "{\"text\":\"café über é/ü \\u003ca href\\u003d\\u0027x\\u0027\\u003e\\u0026amp;\\u003c/a\\u003e a\\u003db+c `t` \\u2028 \\u2029 😀 😀\",\"ctl\":\"\\b\\f\\n\\r\\t\\u0000\\u0001\\u001f\u{7f}\u{80}\",\"quote\":\"\\\"\\\\/\",\"nested\":{\"arr\":[1,[],{},[{}],true,false,\"s\"],\"empty_obj\":{},\"empty_arr\":[]},\"b\":1,\"2\":2,\"10\":3,\"01\":4,\"-1\":5,\"4294967294\":6,\"4294967295\":7,\"é\":\"non-ascii key\",\"Z\":\"upper\",\"a\":\"lower\",\"😀\":\"astral key\",\"Ａ\":\"fullwidth key\",\"\":\"empty key\"}",
            fixups: &[],
        },
        Vector {
            dialect: Dialect::GSON,
            probe: NUMBERS,
            tool_output: r#"{"zero_frac":1.0,"exp":1e2,"neg_zero":-0,"neg_zero_frac":-0.0,"big_exp":1e21,"upper_exp":1E-7,"small":0.000001,"smaller":0.0000001,"big_int":12345678901234567890,"just_over_2_53":9007199254740993,"ten_pow_16":1e16,"ten_pow_15":1e15,"ten_pow_17":1e17,"point_one":0.1,"tiny":1e-5,"milli":0.0001,"fraction":123e-2,"plus_exp":1.0e+2,"max":1.7976931348623157e308,"min_sub":5e-324,"neg":-1.25e-10,"int":100,"seven":1e7,"eps":2.220446049250313e-16,"twentyone_nines":999999999999999999999,"long_frac":123456789.123456789,"third":0.3333333333333333,"huge":1e300,"mant":1.5e300,"i64max":9223372036854775807,"i64min":-9223372036854775808,"i64over":9223372036854775808,"zero":0,"price":136.0,"score":0.0,"exp_zero":0e10,"list":[1.10,2.50,1e-3,1.5e-3,12.5e3]}"#,
            fixups: &[],
        },
        Vector {
            dialect: Dialect::GSON,
            probe: OVERFLOW,
            tool_output: r#"{"too_big":1e400,"too_neg":-1e400,"underflow":1e-400}"#,
            fixups: &[],
        },
    ];
}
