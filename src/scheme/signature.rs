//! Reading a signature out of a delivery, as a scheme's `SignatureSpec` describes: the header
//! (or body field, or query parameter), its items, its prefix and its encoding.

use crate::encoding;
use crate::input::Delivery;

use super::{Encoding, Scheme};

/// One signature token found in the delivery.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FoundSignature {
    /// Where it was read (a header, `body:field` or `query:param`).
    pub header: String,
    /// The token as sent, prefix removed.
    pub text: String,
    /// The token decoded with the scheme's encoding, when it decodes.
    pub bytes: Option<Vec<u8>>,
}

/// Why no signature could be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// None of the places the scheme reads holds a signature.
    Missing {
        /// Where the signature was expected.
        header: String,
        /// What was expected there.
        what: &'static str,
    },
    /// A signature is there but cannot be read.
    Malformed {
        /// Where the signature was read.
        header: String,
        /// Why it cannot be read.
        reason: String,
    },
}

/// Reads the signature header(s) into tokens, each decoded with the scheme's encoding.
pub fn extract_signatures(
    scheme: &Scheme,
    delivery: &Delivery,
) -> Result<Vec<FoundSignature>, Problem> {
    let spec = &scheme.signature;
    let mut found = Vec::new();
    let mut seen_header = None;
    for header in &spec.headers {
        let mut read = |value: &str| {
            seen_header.get_or_insert_with(|| header.clone());
            if let Some(envelope) = &spec.envelope {
                if let Some(text) = enveloped(envelope, value) {
                    found.push(FoundSignature {
                        header: header.clone(),
                        bytes: decode(spec.encoding, &text),
                        text,
                    });
                }
                return;
            }
            signature_tokens(scheme, value, |text| {
                found.push(FoundSignature {
                    header: header.clone(),
                    text: text.to_owned(),
                    bytes: decode(spec.encoding, text),
                });
            });
        };
        // Headers are read where they are; body fields, form fields and query parameters are
        // made.
        if header.contains(':') {
            delivery.values(header).iter().for_each(|v| read(v));
        } else {
            delivery.headers.get_all(header).for_each(read);
        }
    }
    let Some(header) = seen_header else {
        return Err(Problem::Missing {
            header: scheme.signature_header().to_owned(),
            what: "signature",
        });
    };
    if found.is_empty() {
        let reason = match (&spec.items, &spec.prefix) {
            _ if spec.envelope.is_some() => {
                let e = spec.envelope.as_ref().map_or("", |e| e.member.as_str());
                format!("it is not an encoded JSON object with a `{e}` member")
            }
            (Some(_), _) if spec.pair.is_some() => {
                format!("it has no {} entry", quoted_keys(&spec.keys))
            }
            (_, Some(prefix)) => format!("it does not start with `{prefix}`"),
            (_, None) => "it is empty".to_owned(),
        };
        return Err(Problem::Malformed { header, reason });
    }
    if found.iter().all(|s| s.bytes.is_none()) {
        return Err(Problem::Malformed {
            header,
            reason: format!(
                "its signature `{}` is not {}",
                crate::escape::for_terminal(&found[0].text),
                spec.encoding.id()
            ),
        });
    }
    Ok(found)
}

/// The first value of a named part as the scheme reads it: `item:env` is the `env` item of the
/// signature header's structured value (Hygraph's `sign=…, env=…, t=…`); any other name is
/// looked up in the delivery (`Delivery::values`).
pub fn named_value(scheme: &Scheme, delivery: &Delivery, name: &str) -> Option<String> {
    let Some(key) = name.strip_prefix("item:") else {
        return delivery.values(name).into_iter().next();
    };
    let (Some(items), Some(pair)) = (&scheme.signature.items, &scheme.signature.pair) else {
        return None;
    };
    scheme.signature.headers.iter().find_map(|header| {
        delivery.values(header).iter().find_map(|value| {
            structured_items(value, items, pair)
                .find(|(k, _)| *k == key)
                .map(|(_, v)| v.to_owned())
        })
    })
}

/// Whether [`extract_signatures`] succeeds, without building its result: some token of a
/// signature header decodes (auto-detection asks this of every candidate scheme).
pub fn readable(scheme: &Scheme, delivery: &Delivery) -> bool {
    let spec = &scheme.signature;
    if spec.envelope.is_some() {
        // Rare (eBay): the signature sits inside an encoded JSON object.
        return extract_signatures(scheme, delivery).is_ok();
    }
    let mut any = false;
    let mut read = |value: &str| {
        if !any {
            signature_tokens(scheme, value, |text| {
                any = any || decodes(spec.encoding, text);
            });
        }
    };
    for header in &spec.headers {
        if header.contains(':') {
            delivery.values(header).iter().for_each(|v| read(v));
        } else {
            delivery.headers.get_all(header).for_each(&mut read);
        }
    }
    any
}

/// Whether [`decode`] gives bytes, without keeping them.
fn decodes(encoding: Encoding, text: &str) -> bool {
    match encoding {
        Encoding::Hex | Encoding::HexUpper => !text.is_empty() && is_hex(text),
        Encoding::Plain => !text.is_empty(),
        _ => decode(encoding, text).is_some(),
    }
}

/// The member `envelope.member` of the JSON object `value` encodes.
pub fn enveloped(envelope: &super::Envelope, value: &str) -> Option<String> {
    let json = decode(envelope.encoding, value.trim())?;
    let object: serde_json::Value = serde_json::from_slice(&json).ok()?;
    object.get(&envelope.member)?.as_str().map(str::to_owned)
}

/// A member of the JSON object the signature header encodes (eBay's `kid`), when the scheme
/// reads its signature from such an envelope.
pub fn envelope_member(scheme: &Scheme, delivery: &Delivery, member: &str) -> Option<String> {
    let envelope = scheme.signature.envelope.as_ref()?;
    let value = delivery
        .values(scheme.signature_header())
        .into_iter()
        .next()?;
    let other = super::Envelope {
        encoding: envelope.encoding,
        member: member.to_owned(),
    };
    enveloped(&other, &value)
}

fn quoted_keys(keys: &[String]) -> String {
    keys.iter()
        .map(|k| format!("`{k}`"))
        .collect::<Vec<_>>()
        .join(" or ")
}

/// The signature tokens of one header value, before decoding.
fn signature_tokens(scheme: &Scheme, value: &str, mut each: impl FnMut(&str)) {
    let spec = &scheme.signature;
    match (&spec.items, &spec.pair) {
        (Some(items), Some(pair)) => structured_items(value, items, pair)
            .filter(|(k, _)| spec.keys.iter().any(|want| want == k))
            .map(|(_, v)| v)
            .filter(|v| !v.is_empty())
            .for_each(each),
        // Items without names: every item is a signature, or those at the positions `keys` names.
        (Some(items), None) if spec.keys.is_empty() => value
            .split(items.as_str())
            .for_each(|item| plain_token(spec.prefix.as_deref(), item, &mut each)),
        (Some(items), None) => unnamed_items(value, items)
            .filter(|(at, _)| spec.keys.iter().any(|want| names_position(want, *at)))
            .map(|(_, v)| v)
            .filter(|v| !v.is_empty())
            .for_each(&mut each),
        _ => plain_token(spec.prefix.as_deref(), value, &mut each),
    }
}

/// A plain value: its prefix (when the scheme has one) removed, trimmed, if not empty.
fn plain_token(prefix: Option<&str>, value: &str, each: &mut impl FnMut(&str)) {
    let value = value.trim();
    let token = match prefix {
        Some(prefix) => match value.get(..prefix.len()) {
            Some(head) if head.eq_ignore_ascii_case(prefix) => value[prefix.len()..].trim(),
            _ => return,
        },
        None => value,
    };
    if !token.is_empty() {
        each(token);
    }
}

/// `t=1, v1=ab` → (t, 1), (v1, ab): items split and trimmed, each split once at `pair`.
pub fn structured_items<'v>(
    value: &'v str,
    items: &'v str,
    pair: &'v str,
) -> impl Iterator<Item = (&'v str, &'v str)> + 'v {
    value
        .split(items)
        .map(str::trim)
        .filter(|item| !item.is_empty())
        .filter_map(move |item| item.split_once(pair).map(|(k, v)| (k.trim(), v.trim())))
}

/// Items without names (Recurly's `<timestamp>,<signature>,<signature>`), with their positions
/// from 0.
pub fn unnamed_items<'v>(
    value: &'v str,
    items: &'v str,
) -> impl Iterator<Item = (usize, &'v str)> + 'v {
    value
        .split(items)
        .map(str::trim)
        .filter(|item| !item.is_empty())
        .enumerate()
}

/// Whether `key` (a key of a scheme whose items have no names) names position `at`: `N` names
/// position N alone, `N+` it and every later one.
pub fn names_position(key: &str, at: usize) -> bool {
    match key.strip_suffix('+') {
        Some(first) => first.parse::<usize>().is_ok_and(|n| at >= n),
        None => key.parse::<usize>().is_ok_and(|n| at == n),
    }
}

/// Whether `key` is a position (`0`, `1+`): the only keys items without names have.
pub fn is_position(key: &str) -> bool {
    key.strip_suffix('+')
        .unwrap_or(key)
        .parse::<usize>()
        .is_ok()
}

/// The first value of item `key` in the scheme's structured signature header: a named item
/// (`t` in `t=…,s=…`), or for items without names a position (`0`).
pub fn signature_item(scheme: &Scheme, delivery: &Delivery, key: &str) -> Option<String> {
    let spec = &scheme.signature;
    let items = spec.items.as_deref()?;
    spec.headers.iter().find_map(|h| {
        delivery
            .headers
            .get_all(h)
            .find_map(|v| match spec.pair.as_deref() {
                Some(pair) => structured_items(v, items, pair)
                    .find(|(k, _)| *k == key)
                    .map(|(_, v)| v.to_owned()),
                None => unnamed_items(v, items)
                    .find(|(at, _)| names_position(key, *at))
                    .map(|(_, v)| v.to_owned()),
            })
    })
}

/// Decodes a signature token; hex accepts either case, base64 with or without padding.
pub fn decode(encoding: Encoding, text: &str) -> Option<Vec<u8>> {
    match encoding {
        Encoding::Hex | Encoding::HexUpper => decode_hex(text),
        Encoding::Base64 => encoding::base64(text),
        Encoding::Base64url => encoding::base64url(text),
        Encoding::Base64Hex => encoding::base64(text)
            .and_then(|hex_text| decode_hex(std::str::from_utf8(&hex_text).ok()?)),
        Encoding::Base64Percent => {
            let b64 = percent_decoded(text)?;
            encoding::base64(std::str::from_utf8(&b64).ok()?)
        }
        Encoding::Plain => Some(text.as_bytes().to_vec()),
    }
    .filter(|b| !b.is_empty())
}

/// `%2B` → `+`, as Python's `unquote_plus` reads Antom's signatures: a bare `+` is a space
/// (which base64 then refuses, as Antom's SDK does); a broken escape is no signature.
fn percent_decoded(text: &str) -> Option<Vec<u8>> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' => {
                let pair = std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?;
                out.push(u8::from_str_radix(pair, 16).ok()?);
                i += 3;
            }
            b'+' => {
                out.push(b' ');
                i += 1;
            }
            b => {
                out.push(b);
                i += 1;
            }
        }
    }
    Some(out)
}

/// Each byte's value as a hex digit, or [`INVALID`] (high bits set) for any other byte.
static NIBBLE: [u8; 256] = {
    let mut table = [INVALID; 256];
    let mut c = 0;
    while c < 256 {
        table[c] = match c as u8 {
            b @ b'0'..=b'9' => b - b'0',
            b @ b'a'..=b'f' => b - b'a' + 10,
            b @ b'A'..=b'F' => b - b'A' + 10,
            _ => INVALID,
        };
        c += 1;
    }
    table
};
const INVALID: u8 = 0xff;

/// Whether `text` is hex that [`decode_hex`] takes, without decoding it (no branch per digit).
fn is_hex(text: &str) -> bool {
    text.len() % 2 == 0
        && text
            .bytes()
            .fold(0u8, |bad, c| bad | NIBBLE[usize::from(c)])
            & 0xf0
            == 0
}

/// Hex in either case. (`hex::decode` goes through a fallible iterator and costs more than
/// the HMAC of a 2 KiB body; batch decodes one per delivery. A table, not a `match`: the
/// branches on random digits mispredict about half the time.)
fn decode_hex(text: &str) -> Option<Vec<u8>> {
    let bytes = text.as_bytes();
    if bytes.len() % 2 != 0 {
        return None;
    }
    let mut out = Vec::with_capacity(bytes.len() / 2);
    let mut bad = 0;
    for p in bytes.chunks_exact(2) {
        let (high, low) = (NIBBLE[usize::from(p[0])], NIBBLE[usize::from(p[1])]);
        bad |= high | low;
        out.push(high << 4 | (low & 0x0f));
    }
    // Any invalid digit sets the high bits; valid nibbles never do.
    (bad & 0xf0 == 0).then_some(out)
}

#[cfg(test)]
mod position_tests {
    use super::{is_position, names_position, unnamed_items};

    #[test]
    fn unnamed_items_are_named_by_position() {
        // Recurly: `<unix ms>,<signature>[,<signature>]`.
        let items: Vec<(usize, &str)> = unnamed_items("1763950000000, ab ,cd,", ",").collect();
        assert_eq!(items, [(0, "1763950000000"), (1, "ab"), (2, "cd")]);
        assert!(names_position("0", 0) && !names_position("0", 1));
        assert!(names_position("1+", 1) && names_position("1+", 7) && !names_position("1+", 0));
        assert!(!names_position("v1", 1));
        assert!(is_position("0") && is_position("12+") && !is_position("t") && !is_position("+"));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::Headers;
    use crate::scheme::registry;

    /// `readable` says what `extract_signatures(..).is_ok()` says, for every built-in scheme
    /// and values of every shape (plain, prefixed, structured, each encoding, broken ones).
    #[test]
    fn readable_agrees_with_extract_signatures() {
        let values = [
            "",
            " ",
            "sha256=",
            "sha256=abcd",
            "SHA256=ABCD",
            "sha256=abc",
            "sha256=zz",
            "abcdef0123456789",
            "dGVzdA==",
            "dGVzdA",
            "dGVz_A",
            "not base64!",
            "t=1,v1=abcd",
            "t=1, v1=, v0=abcd",
            "v1,dGVzdA== v1a,abcd",
            "v1=abcd;v2=dGVzdA",
            "a.b.c",
            "sha1=0123456789abcdef0123456789abcdef01234567",
            "t=1700000000,v1=5257a869e7ecebeda32affa62cdca3fa51cad7e77a0e56ff536d0ce8e108d8bd",
        ];
        for i in 0..registry::count() {
            let scheme = registry::get(i);
            let mut cases = vec![Delivery::new(Headers::new(), b"{}".to_vec())];
            for value in values {
                for header in &scheme.signature.headers {
                    let mut headers = Headers::new();
                    let mut body = b"{}".to_vec();
                    let mut url = None;
                    if let Some(field) = header.strip_prefix("body:") {
                        body = serde_json::json!({ field: value }).to_string().into_bytes();
                    } else if let Some(param) = header.strip_prefix("query:") {
                        url = Some(format!("https://h/p?{param}={value}"));
                    } else {
                        headers.push(header.clone(), value);
                    }
                    let mut delivery = Delivery::new(headers, body);
                    delivery.url = url;
                    cases.push(delivery);
                }
            }
            for delivery in &cases {
                assert_eq!(
                    readable(scheme, delivery),
                    extract_signatures(scheme, delivery).is_ok(),
                    "{}: {:?}",
                    scheme.name,
                    delivery
                );
            }
        }
    }
}
