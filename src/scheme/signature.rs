//! Reading a signature out of a delivery, as a scheme's `SignatureSpec` describes: the header
//! (or body field, or query parameter), its items, its prefix and its encoding.

use base64::Engine as _;
use base64::engine::general_purpose::{STANDARD, STANDARD_NO_PAD, URL_SAFE, URL_SAFE_NO_PAD};

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
            signature_tokens(scheme, value, |text| {
                found.push(FoundSignature {
                    header: header.clone(),
                    text: text.to_owned(),
                    bytes: decode(spec.encoding, text),
                });
            });
        };
        // Headers are read where they are; body fields and query parameters are made.
        if header.starts_with("body:") || header.starts_with("query:") {
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
            (Some(_), _) => format!("it has no {} entry", quoted_keys(&spec.keys)),
            (None, Some(prefix)) => format!("it does not start with `{prefix}`"),
            (None, None) => "it is empty".to_owned(),
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

/// Whether [`extract_signatures`] succeeds, without building its result: some token of a
/// signature header decodes (auto-detection asks this of every candidate scheme).
pub fn readable(scheme: &Scheme, delivery: &Delivery) -> bool {
    let spec = &scheme.signature;
    let mut any = false;
    let mut read = |value: &str| {
        if !any {
            signature_tokens(scheme, value, |text| {
                any = any || decodes(spec.encoding, text)
            });
        }
    };
    for header in &spec.headers {
        if header.starts_with("body:") || header.starts_with("query:") {
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
        Encoding::Hex => !text.is_empty() && is_hex(text),
        Encoding::Plain => !text.is_empty(),
        _ => decode(encoding, text).is_some(),
    }
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
        _ => {
            let value = value.trim();
            let token = match &spec.prefix {
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

/// Decodes a signature token; hex accepts either case, base64 with or without padding.
pub fn decode(encoding: Encoding, text: &str) -> Option<Vec<u8>> {
    match encoding {
        Encoding::Hex => decode_hex(text),
        Encoding::Base64 => STANDARD
            .decode(text)
            .or_else(|_| STANDARD_NO_PAD.decode(text))
            .ok(),
        Encoding::Base64url => URL_SAFE_NO_PAD
            .decode(text)
            .or_else(|_| URL_SAFE.decode(text))
            .ok(),
        Encoding::Base64Hex => STANDARD
            .decode(text)
            .or_else(|_| STANDARD_NO_PAD.decode(text))
            .ok()
            .and_then(|hex_text| decode_hex(std::str::from_utf8(&hex_text).ok()?)),
        Encoding::Plain => Some(text.as_bytes().to_vec()),
    }
    .filter(|b| !b.is_empty())
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
