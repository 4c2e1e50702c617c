//! Writing a [`Value`] in a [`Dialect`]: whitespace, escapes, key order and duplicates.

use std::collections::HashMap;
use std::collections::hash_map::Entry;

use super::dialect::{
    Dialect, DuplicateKeys, HexCase, KeyOrder, LoneSurrogates, NonAscii, Whitespace,
};
use super::number::write_number;
use super::value::{JsonString, Value, decode_wtf8};

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
