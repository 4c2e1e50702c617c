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
        (Some(items), None) => value
            .split(items.as_str())
            .for_each(|item| plain_token(spec.prefix.as_deref(), item, &mut each)),
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

/// Hex in either case. (`hex::decode` goes through a fallible iterator and costs more than
/// the HMAC of a 2 KiB body; batch decodes one per delivery. A table, not a `match`: the
/// branches on random digits mispredict about half the time.)
fn decode_hex(text: &str) -> Option<Vec<u8>> {
    const INVALID: u8 = 0xff;
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
