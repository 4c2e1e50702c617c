//! Bodies decoded in the wrong character set and encoded again: UTF-8 read as Latin-1 or
//! Windows-1252 (mojibake, `é` becomes `Ã©`), the reverse (UTF-8 written out as a single-byte
//! charset), and non-ASCII characters written as ASCII escapes (`\u00e9`, Python's
//! `backslashreplace`). Only changes that can be undone give variants; lossy ones (`?`, U+FFFD)
//! are left to the suspects.

use crate::outcome::CauseCode;

use super::body::BodyVariant;

/// Windows-1252 bytes 0x80..=0x9F; `None` where the code page leaves the byte undefined
/// (WHATWG then maps it to the C1 control of the same value, as Latin-1 does).
const CP1252_HIGH: [Option<char>; 32] = [
    Some('\u{20AC}'),
    None,
    Some('\u{201A}'),
    Some('\u{0192}'),
    Some('\u{201E}'),
    Some('\u{2026}'),
    Some('\u{2020}'),
    Some('\u{2021}'),
    Some('\u{02C6}'),
    Some('\u{2030}'),
    Some('\u{0160}'),
    Some('\u{2039}'),
    Some('\u{0152}'),
    None,
    Some('\u{017D}'),
    None,
    None,
    Some('\u{2018}'),
    Some('\u{2019}'),
    Some('\u{201C}'),
    Some('\u{201D}'),
    Some('\u{2022}'),
    Some('\u{2013}'),
    Some('\u{2014}'),
    Some('\u{02DC}'),
    Some('\u{2122}'),
    Some('\u{0161}'),
    Some('\u{203A}'),
    Some('\u{0153}'),
    None,
    Some('\u{017E}'),
    Some('\u{0178}'),
];

#[derive(Clone, Copy, PartialEq, Eq)]
enum Charset {
    Latin1,
    Windows1252,
}

impl Charset {
    fn decode_byte(self, b: u8) -> char {
        match (self, b) {
            (Charset::Windows1252, 0x80..=0x9F) => {
                CP1252_HIGH[usize::from(b - 0x80)].unwrap_or(char::from(b))
            }
            _ => char::from(b),
        }
    }

    fn encode_char(self, c: char) -> Option<u8> {
        let code = u32::from(c);
        if self == Charset::Windows1252 {
            if let Some(i) = CP1252_HIGH.iter().position(|m| *m == Some(c)) {
                return u8::try_from(0x80 + i).ok();
            }
            if (0x80..=0x9F).contains(&code) && CP1252_HIGH[(code - 0x80) as usize].is_some() {
                return None;
            }
        }
        u8::try_from(code).ok()
    }
}

/// Each reversible charset change, most common first, handed to `sink` until it returns true.
pub fn each_variant(body: &[u8], sink: &mut dyn FnMut(BodyVariant) -> bool) {
    if body.is_ascii() {
        if let Some(bytes) = unescape_json_u(body) {
            if sink(v(
                "`\\uXXXX` escapes turned back into UTF-8 (the body was re-written as ASCII with escapes)",
                bytes,
            )) {
                return;
            }
        }
        if let Some(bytes) = unescape_python(body) {
            sink(v(
                "Python `backslashreplace` escapes (`\\xe9`, `\\u2014`, `\\U0001f600`) turned back into UTF-8",
                bytes,
            ));
        }
        return;
    }
    match std::str::from_utf8(body) {
        Ok(text) => {
            let latin1 = mojibake_undone(text, Charset::Latin1);
            if let Some(bytes) = &latin1 {
                if sink(v(
                    "UTF-8 read as Latin-1 and encoded again undone (`Ã©` back to `é`)",
                    bytes.clone(),
                )) {
                    return;
                }
            }
            if let Some(bytes) =
                mojibake_undone(text, Charset::Windows1252).filter(|b| Some(b) != latin1.as_ref())
            {
                if sink(v(
                    "UTF-8 read as Windows-1252 and encoded again undone (`â€”` back to `—`)",
                    bytes,
                )) {
                    return;
                }
            }
            for (upper, label) in [
                (
                    false,
                    "non-ASCII characters written as `\\uXXXX` escapes (ASCII with escapes)",
                ),
                (
                    true,
                    "non-ASCII characters written as upper-case `\\uXXXX` escapes (ASCII with escapes)",
                ),
            ] {
                if sink(v(label, escape_json_u(text, upper))) {
                    return;
                }
            }
        }
        Err(_) => {
            let latin1 = single_byte_to_utf8(body, Charset::Latin1);
            if sink(v(
                "the body is Latin-1: decoded back to the UTF-8 that was signed",
                latin1.clone(),
            )) {
                return;
            }
            let cp1252 = single_byte_to_utf8(body, Charset::Windows1252);
            if cp1252 != latin1 {
                sink(v(
                    "the body is Windows-1252: decoded back to the UTF-8 that was signed",
                    cp1252,
                ));
            }
        }
    }
}

fn v(variant: &str, bytes: Vec<u8>) -> BodyVariant {
    BodyVariant {
        code: CauseCode::BodyCharsetChanged,
        variant: variant.to_owned(),
        bytes,
    }
}

/// Text that is UTF-8 bytes once decoded as `charset`: each character back to its byte. None
/// when a character has no byte in the charset, or the bytes are not UTF-8, or nothing changes.
fn mojibake_undone(text: &str, charset: Charset) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(text.len());
    for c in text.chars() {
        out.push(charset.encode_char(c)?);
    }
    (out != text.as_bytes() && std::str::from_utf8(&out).is_ok()).then_some(out)
}

fn single_byte_to_utf8(body: &[u8], charset: Charset) -> Vec<u8> {
    let text: String = body.iter().map(|&b| charset.decode_byte(b)).collect();
    text.into_bytes()
}

/// `\uXXXX` (a surrogate pair counts as one character) for every character from U+0080.
fn escape_json_u(text: &str, upper: bool) -> Vec<u8> {
    let mut out = String::with_capacity(text.len() + text.len() / 4);
    for c in text.chars() {
        if c.is_ascii() {
            out.push(c);
            continue;
        }
        let mut units = [0u16; 2];
        for unit in c.encode_utf16(&mut units) {
            if upper {
                out.push_str(&format!("\\u{unit:04X}"));
            } else {
                out.push_str(&format!("\\u{unit:04x}"));
            }
        }
    }
    out.into_bytes()
}

fn hex(bytes: &[u8]) -> Option<u32> {
    let s = std::str::from_utf8(bytes).ok()?;
    if !s.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    u32::from_str_radix(s, 16).ok()
}

/// True when the backslash at `i` is itself escaped (an odd run of backslashes before it).
fn escaped(body: &[u8], i: usize) -> bool {
    body[..i].iter().rev().take_while(|&&b| b == b'\\').count() % 2 == 1
}

/// `\uXXXX` escapes of characters from U+0080 back to UTF-8; ASCII escapes stay.
fn unescape_json_u(body: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(body.len());
    let mut i = 0;
    let mut changed = false;
    while i < body.len() {
        if body[i] == b'\\' && body.get(i + 1) == Some(&b'u') && !escaped(body, i) {
            if let Some(unit) = body.get(i + 2..i + 6).and_then(hex) {
                let mut end = i + 6;
                let c = if (0xD800..0xDC00).contains(&unit) {
                    let low = (body.get(end..end + 2) == Some(b"\\u"))
                        .then(|| body.get(end + 2..end + 6).and_then(hex))
                        .flatten()
                        .filter(|l| (0xDC00..0xE000).contains(l));
                    low.and_then(|low| {
                        end += 6;
                        char::from_u32(0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00))
                    })
                } else {
                    char::from_u32(unit)
                };
                if let Some(c) = c.filter(|c| !c.is_ascii()) {
                    let mut buf = [0u8; 4];
                    out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
                    i = end;
                    changed = true;
                    continue;
                }
            }
        }
        out.push(body[i]);
        i += 1;
    }
    changed.then_some(out)
}

/// Python's `backslashreplace`: `\xNN`, `\uNNNN`, `\UNNNNNNNN` for each non-ASCII code point.
fn unescape_python(body: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(body.len());
    let mut i = 0;
    let mut changed = false;
    while i < body.len() {
        if body[i] == b'\\' && !escaped(body, i) {
            let width = match body.get(i + 1) {
                Some(b'x') => 2,
                Some(b'u') => 4,
                Some(b'U') => 8,
                _ => 0,
            };
            if width > 0 {
                let c = body
                    .get(i + 2..i + 2 + width)
                    .and_then(hex)
                    .and_then(char::from_u32)
                    .filter(|c| !c.is_ascii());
                if let Some(c) = c {
                    let mut buf = [0u8; 4];
                    out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
                    i += 2 + width;
                    changed = true;
                    continue;
                }
            }
        }
        out.push(body[i]);
        i += 1;
    }
    // `\u` escapes alone are the JSON case; Python's form needs a `\x` or `\U`.
    (changed && (body.windows(2).any(|w| w == b"\\x") || body.windows(2).any(|w| w == b"\\U")))
        .then_some(out)
}

/// Signs that non-ASCII text was lost on the way and cannot be rebuilt: U+FFFD replacement
/// characters, or `?` where letters stood. Returns what was seen.
pub fn lossy_signs(body: &[u8]) -> Option<String> {
    const REPLACEMENT: &[u8] = "\u{FFFD}".as_bytes();
    let n = body
        .windows(REPLACEMENT.len())
        .filter(|w| *w == REPLACEMENT)
        .count();
    if n > 0 {
        return Some(format!(
            "{n} U+FFFD replacement character{} (characters that could not be decoded were replaced, e.g. errors='replace' or an ASCII decoder)",
            if n == 1 { "" } else { "s" }
        ));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all(body: &[u8]) -> Vec<BodyVariant> {
        let mut out = Vec::new();
        each_variant(body, &mut |v| {
            out.push(v);
            false
        });
        out
    }

    fn has(body: &[u8], want: &[u8]) -> bool {
        all(body).iter().any(|v| v.bytes == want)
    }

    #[test]
    fn mojibake_is_undone() {
        // "café — ok".encode().decode("latin-1").encode()
        let wire = "{\"a\":\"café ✓\"}".as_bytes();
        let latin: String = wire.iter().map(|&b| char::from(b)).collect();
        assert!(has(latin.as_bytes(), wire));
        // The same through Windows-1252: "—" is E2 80 94; 0x80 is € and 0x94 is ”.
        let wire = "{\"a\":\"x — y\"}".as_bytes();
        let cp: String = wire
            .iter()
            .map(|&b| Charset::Windows1252.decode_byte(b))
            .collect();
        assert!(cp.contains('€'));
        assert!(has(cp.as_bytes(), wire));
    }

    #[test]
    fn single_byte_bodies_are_decoded() {
        assert!(has(b"{\"a\":\"caf\xe9\"}", "{\"a\":\"café\"}".as_bytes()));
        assert!(has(b"{\"a\":\"\x93q\x94\"}", "{\"a\":\"“q”\"}".as_bytes()));
    }

    #[test]
    fn ascii_escapes_both_ways() {
        assert!(has(
            br#"{"a":"caf\u00e9 \ud83d\ude00"}"#,
            "{\"a\":\"café 😀\"}".as_bytes()
        ));
        assert!(has("{\"a\":\"café\"}".as_bytes(), br#"{"a":"caf\u00e9"}"#));
        assert!(has("{\"a\":\"café\"}".as_bytes(), br#"{"a":"caf\u00E9"}"#));
        assert!(has(br"caf\xe9 \u2014 \U0001f600", "café — 😀".as_bytes()));
        // An escaped backslash is not an escape.
        assert!(all(br#"{"a":"\\u00e9"}"#).is_empty());
        assert!(all(b"plain ascii").is_empty());
    }

    #[test]
    fn replacement_characters_are_seen() {
        assert!(lossy_signs("caf\u{FFFD}".as_bytes()).is_some());
        assert!(lossy_signs("café".as_bytes()).is_none());
    }
}
