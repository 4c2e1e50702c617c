//! Hypotheses about the body: the bytes the sender may have signed, derived from the bytes
//! received. Each names the cause it would establish if it verifies.

use std::io::Read;

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;

use crate::outcome::CauseCode;

/// A candidate for the signed body.
#[derive(Debug, Clone)]
pub struct BodyVariant {
    pub code: CauseCode,
    /// What was changed, for `detail.variant`.
    pub variant: String,
    pub bytes: Vec<u8>,
}

fn v(code: CauseCode, variant: &str, bytes: Vec<u8>) -> BodyVariant {
    BodyVariant {
        code,
        variant: variant.to_owned(),
        bytes,
    }
}

/// Byte-level changes: newlines, CRLF, BOM, whitespace, base64, compression, form encoding.
pub fn variants(body: &[u8]) -> Vec<BodyVariant> {
    let mut all = Vec::new();
    each_variant(body, &mut |v| {
        all.push(v);
        false
    });
    all
}

/// The first variant (in [`variants`] order) that `accept` takes, made one at a time so that
/// a large body is held at most twice.
pub fn first_variant(
    body: &[u8],
    accept: &mut dyn FnMut(&mut BodyVariant) -> bool,
) -> Option<BodyVariant> {
    let mut found = None;
    each_variant(body, &mut |mut v| {
        let hit = accept(&mut v);
        if hit {
            found = Some(v);
        }
        hit
    });
    found
}

/// Hands each variant to `sink` in turn until it returns true.
fn each_variant(body: &[u8], sink: &mut dyn FnMut(BodyVariant) -> bool) {
    let mut out = Sink { sink, done: false };
    push_variants(body, &mut out);
}

/// Passes variants on until one is accepted; later ones are then dropped unseen.
struct Sink<'s> {
    sink: &'s mut dyn FnMut(BodyVariant) -> bool,
    done: bool,
}

impl Sink<'_> {
    fn push(&mut self, v: BodyVariant) {
        if !self.done {
            self.done = (self.sink)(v);
        }
    }
}

fn push_variants(body: &[u8], out: &mut Sink<'_>) {
    use CauseCode::{
        BodyBase64Encoded, BodyBomAdded, BodyCompressed, BodyCrlfConverted, BodyEmpty,
        BodyTrailingNewlineAdded, BodyTrailingNewlineRemoved, BodyWhitespaceTrimmed,
    };
    if let Some(stripped) = body.strip_suffix(b"\r\n") {
        out.push(v(
            BodyTrailingNewlineAdded,
            "trailing CRLF removed",
            stripped.to_vec(),
        ));
    } else if let Some(stripped) = body.strip_suffix(b"\n") {
        out.push(v(
            BodyTrailingNewlineAdded,
            "trailing LF removed",
            stripped.to_vec(),
        ));
    }
    let all_stripped = trim_end_newlines(body);
    if all_stripped.len() + 2 < body.len() {
        out.push(v(
            BodyTrailingNewlineAdded,
            &format!(
                "all trailing newlines removed ({})",
                name_whitespace(&body[all_stripped.len()..])
            ),
            all_stripped.to_vec(),
        ));
    }
    out.push(v(
        BodyTrailingNewlineRemoved,
        "trailing LF added",
        [body, b"\n"].concat(),
    ));
    out.push(v(
        BodyTrailingNewlineRemoved,
        "trailing CRLF added",
        [body, b"\r\n"].concat(),
    ));
    if contains(body, b"\r\n") {
        out.push(v(
            BodyCrlfConverted,
            "CRLF line endings turned into LF",
            replace(body, b"\r\n", b"\n"),
        ));
    }
    if body.contains(&b'\n') {
        let lf = replace(body, b"\r\n", b"\n");
        out.push(v(
            BodyCrlfConverted,
            "LF line endings turned into CRLF",
            replace(&lf, b"\n", b"\r\n"),
        ));
    }
    if let Some(rest) = body.strip_prefix(b"\xEF\xBB\xBF") {
        out.push(v(
            BodyBomAdded,
            "UTF-8 byte order mark removed from the start",
            rest.to_vec(),
        ));
    }
    let trimmed = body.trim_ascii();
    if trimmed.len() != body.len() && trimmed.len() != all_stripped.len() {
        let lead = body.len() - body.trim_ascii_start().len();
        let trail = body.len() - body.trim_ascii_end().len();
        let mut parts = Vec::new();
        if lead > 0 {
            parts.push(format!("leading {}", name_whitespace(&body[..lead])));
        }
        if trail > 0 {
            parts.push(format!(
                "trailing {}",
                name_whitespace(&body[body.len() - trail..])
            ));
        }
        out.push(v(
            BodyWhitespaceTrimmed,
            &format!("surrounding whitespace removed ({})", parts.join("; ")),
            trimmed.to_vec(),
        ));
    }
    if let Some(decoded) = base64_body(body) {
        out.push(v(BodyBase64Encoded, "body base64-decoded", decoded));
    }
    if let Some((name, inflated)) = decompress(body) {
        out.push(v(
            BodyCompressed,
            &format!("{name} body decompressed"),
            inflated,
        ));
    }
    form_variants(body, out);
    if !body.is_empty() {
        out.push(v(BodyEmpty, "empty body", Vec::new()));
    }
}

/// Whitespace named exactly: "a space", "two LFs", "a CRLF and a tab".
pub fn name_whitespace(ws: &[u8]) -> String {
    let mut runs: Vec<(&str, usize)> = Vec::new();
    let mut i = 0;
    while i < ws.len() {
        let (name, len) = match ws[i] {
            b'\r' if ws.get(i + 1) == Some(&b'\n') => ("CRLF", 2),
            b'\r' => ("CR", 1),
            b'\n' => ("LF", 1),
            b' ' => ("space", 1),
            b'\t' => ("tab", 1),
            0x0C => ("form feed", 1),
            _ => ("other byte", 1),
        };
        match runs.last_mut() {
            Some((last, n)) if *last == name => *n += 1,
            _ => runs.push((name, 1)),
        }
        i += len;
    }
    let words: Vec<String> = runs
        .into_iter()
        .map(|(name, n)| {
            const NUMBERS: [&str; 9] = [
                "", "", "two", "three", "four", "five", "six", "seven", "eight",
            ];
            let article = if name == "LF" { "an" } else { "a" };
            match n {
                1 => format!("{article} {name}"),
                2..=8 => format!("{} {name}s", NUMBERS[n]),
                _ => format!("{n} {name}s"),
            }
        })
        .collect();
    match words.len() {
        0 => "nothing".to_owned(),
        1 => words[0].clone(),
        _ => {
            let (last, rest) = words.split_last().unwrap_or((&words[0], &[]));
            format!("{} and {last}", rest.join(", "))
        }
    }
}

fn trim_end_newlines(b: &[u8]) -> &[u8] {
    let end = b
        .iter()
        .rposition(|&c| c != b'\n' && c != b'\r')
        .map_or(0, |i| i + 1);
    &b[..end]
}

fn contains(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len()).any(|w| w == needle)
}

pub fn replace(hay: &[u8], from: &[u8], to: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(hay.len());
    let mut i = 0;
    while i < hay.len() {
        if hay[i..].starts_with(from) {
            out.extend_from_slice(to);
            i += from.len();
        } else {
            out.push(hay[i]);
            i += 1;
        }
    }
    out
}

/// An API gateway may hand over the body base64-encoded; only bodies that decode to text count.
fn base64_body(body: &[u8]) -> Option<Vec<u8>> {
    let text = body.trim_ascii();
    if text.len() < 8
        || !text
            .iter()
            .all(|b| b.is_ascii_alphanumeric() || b"+/=".contains(b))
    {
        return None;
    }
    let decoded = STANDARD.decode(text).ok()?;
    std::str::from_utf8(&decoded).is_ok().then_some(decoded)
}

/// gzip (`1f 8b`) or zlib (`78 ..`) bodies; the signature usually covers the inflated bytes.
fn decompress(body: &[u8]) -> Option<(&'static str, Vec<u8>)> {
    const LIMIT: u64 = 64 << 20;
    let mut out = Vec::new();
    if body.starts_with(&[0x1f, 0x8b]) {
        flate2::read::MultiGzDecoder::new(body)
            .take(LIMIT)
            .read_to_end(&mut out)
            .ok()?;
        return Some(("gzip", out));
    }
    if body.len() > 2 && body[0] == 0x78 && (u16::from(body[0]) << 8 | u16::from(body[1])) % 31 == 0
    {
        flate2::read::ZlibDecoder::new(body)
            .take(LIMIT)
            .read_to_end(&mut out)
            .ok()?;
        return Some(("deflate", out));
    }
    None
}

/// urlencoded bodies re-encoded by a framework: `+`/`%20`, `*`/`%2A`, hex case, order; and
/// the `payload=<urlencoded JSON>` wrapper of GitHub form deliveries and Slack interactivity.
fn form_variants(body: &[u8], out: &mut Sink<'_>) {
    use CauseCode::{BodyFormPayloadExtracted, BodyFormReencoded};
    let looks_form = !body.is_empty()
        && body.iter().all(u8::is_ascii_graphic)
        && body.contains(&b'=')
        && !body.starts_with(b"{")
        && !body.starts_with(b"[");
    if looks_form {
        let swaps: [(&[u8], &[u8], &str); 4] = [
            (b"+", b"%20", "`+` written as `%20`"),
            (b"%20", b"+", "`%20` written as `+`"),
            (b"*", b"%2A", "`*` written as `%2A`"),
            (b"%2A", b"*", "`%2A` written as `*`"),
        ];
        for (from, to, label) in swaps {
            if contains(body, from) {
                out.push(v(BodyFormReencoded, label, replace(body, from, to)));
            }
        }
        let lower = hex_case(body, false);
        if lower != body {
            out.push(v(
                BodyFormReencoded,
                "percent-escapes in lower-case hex",
                lower,
            ));
        }
        let upper = hex_case(body, true);
        if upper != body {
            out.push(v(
                BodyFormReencoded,
                "percent-escapes in upper-case hex",
                upper,
            ));
        }
        let mut params: Vec<&[u8]> = body.split(|&b| b == b'&').collect();
        params.sort_unstable();
        let sorted = params.join(&b'&');
        if sorted != body {
            out.push(v(BodyFormReencoded, "parameters sorted by name", sorted));
        }
        if let Some((_, payload)) = form_urlencoded::parse(body).find(|(k, _)| k == "payload") {
            out.push(v(
                BodyFormPayloadExtracted,
                "the decoded `payload` parameter alone",
                payload.as_bytes().to_vec(),
            ));
        }
    } else if body.starts_with(b"{") || body.starts_with(b"[") {
        let encoded: String = form_urlencoded::Serializer::new(String::new())
            .append_pair("payload", &String::from_utf8_lossy(body))
            .finish();
        out.push(v(
            BodyFormPayloadExtracted,
            "`payload=` + the URL-encoded JSON (form delivery)",
            encoded.as_bytes().to_vec(),
        ));
        out.push(v(
            BodyFormPayloadExtracted,
            "`payload=` + the URL-encoded JSON with %20 for spaces",
            replace(encoded.as_bytes(), b"+", b"%20"),
        ));
    }
}

fn hex_case(body: &[u8], upper: bool) -> Vec<u8> {
    let mut out = body.to_vec();
    let mut i = 0;
    while i + 2 < out.len() {
        if out[i] == b'%' && out[i + 1].is_ascii_hexdigit() && out[i + 2].is_ascii_hexdigit() {
            for b in &mut out[i + 1..i + 3] {
                *b = if upper {
                    b.to_ascii_uppercase()
                } else {
                    b.to_ascii_lowercase()
                };
            }
            i += 3;
        } else {
            i += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn find(vs: &[BodyVariant], code: CauseCode) -> Vec<&[u8]> {
        vs.iter()
            .filter(|v| v.code == code)
            .map(|v| v.bytes.as_slice())
            .collect()
    }

    #[test]
    fn whitespace_is_named_exactly() {
        assert_eq!(name_whitespace(b" "), "a space");
        assert_eq!(name_whitespace(b"\n\n"), "two LFs");
        assert_eq!(name_whitespace(b"\r\n"), "a CRLF");
        assert_eq!(name_whitespace(b" \t"), "a space and a tab");
        assert_eq!(name_whitespace(b"  \t\n"), "two spaces, a tab and an LF");
        let vs = variants(b"  {} \t");
        assert!(vs.iter().any(|v| v.variant
            == "surrounding whitespace removed (leading two spaces; trailing a space and a tab)"));
    }

    #[test]
    fn newline_variants_go_both_ways() {
        let vs = variants(b"{}\n");
        assert!(find(&vs, CauseCode::BodyTrailingNewlineAdded).contains(&&b"{}"[..]));
        assert!(find(&vs, CauseCode::BodyTrailingNewlineRemoved).contains(&&b"{}\n\n"[..]));
        assert!(find(&vs, CauseCode::BodyCrlfConverted).contains(&&b"{}\r\n"[..]));
    }

    #[test]
    fn bom_base64_gzip_form() {
        assert!(find(&variants(b"\xEF\xBB\xBF{}"), CauseCode::BodyBomAdded).contains(&&b"{}"[..]));
        assert!(
            find(&variants(b"eyJhIjogMX0="), CauseCode::BodyBase64Encoded)
                .contains(&&b"{\"a\": 1}"[..])
        );
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        std::io::Write::write_all(&mut gz, b"{\"z\":1}").unwrap();
        let gz = gz.finish().unwrap();
        assert!(find(&variants(&gz), CauseCode::BodyCompressed).contains(&&b"{\"z\":1}"[..]));
        let form = variants(b"text=*hi*+there&a=1");
        assert!(
            find(&form, CauseCode::BodyFormReencoded).contains(&&b"text=%2Ahi%2A+there&a=1"[..])
        );
        assert!(find(&form, CauseCode::BodyFormReencoded).contains(&&b"a=1&text=*hi*+there"[..]));
        let payload = variants(b"payload=%7B%22a%22%3A1%7D");
        assert!(find(&payload, CauseCode::BodyFormPayloadExtracted).contains(&&b"{\"a\":1}"[..]));
    }
}
