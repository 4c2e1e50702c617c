//! The words of a diagnosis: what probably happened, and what to do on the receiving side.

use crate::canonical::url::{UrlParts, default_port};
use crate::input::Headers;
use crate::outcome::CauseCode;
use crate::scheme::SecretFormat;

pub fn body_summary(code: CauseCode, _variant: &str) -> String {
    use CauseCode::{
        BodyBase64Encoded, BodyBomAdded, BodyCharsetChanged, BodyCompressed, BodyCrlfConverted,
        BodyEmpty, BodyFormPayloadExtracted, BodyFormReencoded, BodyJsonReserialized,
        BodyTrailingNewlineAdded, BodyTrailingNewlineRemoved, BodyWhitespaceTrimmed, BodyWrapped,
    };
    let what = match code {
        BodyTrailingNewlineAdded => "the body has a trailing newline that was not signed",
        BodyTrailingNewlineRemoved => {
            "the signed body ended with a newline that the received body lacks"
        }
        BodyCrlfConverted => "line endings were converted between LF and CRLF",
        BodyBomAdded => "a UTF-8 byte order mark was added in front of the body",
        BodyWhitespaceTrimmed => "the body differs from the signed one by surrounding whitespace",
        BodyJsonReserialized => "the JSON was re-serialised: same value, other bytes",
        BodyFormReencoded => "the form body was re-encoded",
        BodyFormPayloadExtracted => {
            "the signed body is the form-encoded `payload=` wrapper, not the JSON alone (or the reverse)"
        }
        BodyBase64Encoded => "the body is base64-encoded; the signature covers the decoded bytes",
        BodyCompressed => "the body is compressed; the signature covers the decompressed bytes",
        BodyEmpty => "the signature is over an empty body",
        BodyCharsetChanged => "the body was decoded in the wrong character set and encoded again",
        BodyWrapped => "the body is an envelope around the signed bytes",
        _ => "the body was changed",
    };
    what.to_owned()
}

pub fn body_fix(code: CauseCode) -> &'static str {
    use CauseCode::{
        BodyBase64Encoded, BodyBomAdded, BodyCharsetChanged, BodyCompressed, BodyCrlfConverted,
        BodyEmpty, BodyFormPayloadExtracted, BodyFormReencoded, BodyJsonReserialized,
        BodyTrailingNewlineAdded, BodyTrailingNewlineRemoved, BodyWhitespaceTrimmed, BodyWrapped,
    };
    match code {
        BodyJsonReserialized => {
            "your framework parsed the JSON and re-serialised it; verify the raw bytes: express.raw(), request.get_data() (Flask), await request.body() (FastAPI), request.body (Django), php://input"
        }
        BodyTrailingNewlineAdded | BodyTrailingNewlineRemoved | BodyWhitespaceTrimmed => {
            "hash the body exactly as received: no trim, no added newline (editors, `echo` and Go's Encoder add one; `curl -d @file` strips them: use --data-binary)"
        }
        BodyCrlfConverted => {
            "read the body as bytes, not text (text mode, .NET readers and Windows tools convert line endings)"
        }
        BodyBomAdded => {
            "the capture was saved by an editor that adds a BOM; hash the bytes as received"
        }
        BodyFormReencoded | BodyFormPayloadExtracted => {
            "hash the raw form body before any parsing; do not rebuild it from parsed parameters"
        }
        BodyBase64Encoded => "decode the gateway's base64 body (isBase64Encoded) before verifying",
        BodyCompressed => {
            "decompress the body (Content-Encoding) before verifying, or take it before middleware inflates it"
        }
        BodyEmpty => "the body stream was consumed before verification; read the raw body first",
        BodyCharsetChanged => {
            "hash the raw bytes, never a decoded string: no Latin-1/Windows-1252 reads, no ASCII writers (Encoding.ASCII, latin1 streams, utf8_decode, charset defaults)"
        }
        BodyWrapped => {
            "verify the body inside the envelope (API Gateway `body`, base64-decoded when isBase64Encoded; SNS `Message`; SQS `body`), not the envelope"
        }
        _ => "hash the raw bytes as received",
    }
}

pub fn secret_format_fix(format: SecretFormat) -> &'static str {
    match format {
        SecretFormat::Utf8 => "use the secret's text as the key, prefix included; do not decode it",
        SecretFormat::WhsecBase64 => {
            "drop the `whsec_` prefix and base64-decode the rest: those bytes are the key"
        }
        SecretFormat::Base64 => "base64-decode the secret: those bytes are the key",
        SecretFormat::Hex => "hex-decode the secret: those bytes are the key",
        SecretFormat::HtmlEntities => {
            "decode HTML entities in the secret (&amp; becomes &): those bytes are the key"
        }
        SecretFormat::UnprefixedKey => {
            "drop the key's `sk_` / `pk_` prefix: the rest of its text is the key"
        }
    }
}

/// URLs a proxy or the receiver may have produced instead of the one that was signed.
pub fn url_variants(url: &str, headers: &Headers) -> Vec<(&'static str, String)> {
    let mut out: Vec<(&'static str, String)> = Vec::new();
    let parts = UrlParts::split(url);
    let Some(scheme) = parts.scheme else {
        return out;
    };
    let authority = parts.authority;
    let path_query = parts.target();
    let (path, query) = match path_query.split_once('?') {
        Some((p, q)) => (p, Some(q)),
        None => (path_query.as_str(), None),
    };
    let join = |s: &str, a: &str, p: &str, q: Option<&str>| match q {
        Some(q) => format!("{s}://{a}{p}?{q}"),
        None => format!("{s}://{a}{p}"),
    };
    let other_scheme = if scheme == "https" { "http" } else { "https" };
    out.push(("http vs https", join(other_scheme, authority, path, query)));
    let default_port = default_port(scheme);
    match authority.strip_suffix(default_port) {
        Some(host) => out.push(("default port dropped", join(scheme, host, path, query))),
        None if !authority.contains(':') => out.push((
            "default port added",
            join(scheme, &format!("{authority}{default_port}"), path, query),
        )),
        None => {}
    }
    match path.strip_suffix('/') {
        Some(p) if !p.is_empty() => {
            out.push(("trailing slash dropped", join(scheme, authority, p, query)));
        }
        _ => out.push((
            "trailing slash added",
            join(scheme, authority, &format!("{path}/"), query),
        )),
    }
    if let Some(q) = query {
        out.push(("query string dropped", join(scheme, authority, path, None)));
        let mut params: Vec<&str> = q.split('&').collect();
        params.sort_unstable();
        out.push((
            "query parameters sorted",
            join(scheme, authority, path, Some(&params.join("&"))),
        ));
    }
    if let Some(host) = headers.get("X-Forwarded-Host") {
        let proto = headers.get("X-Forwarded-Proto").unwrap_or(scheme);
        out.push(("forwarded host", join(proto, host, path, query)));
    }
    // A proxy in front rewrote the host: the Host the request arrived with, the original host a
    // proxy kept, or RFC 7239 `Forwarded: host=…;proto=…`.
    for name in ["Host", "X-Original-Host"] {
        if let Some(host) = headers.get(name).map(str::trim).filter(|h| !h.is_empty()) {
            if host != authority {
                out.push((
                    "host rewritten (the Host header's)",
                    join(scheme, host, path, query),
                ));
                let other = if scheme == "https" { "http" } else { "https" };
                out.push((
                    "host rewritten and http vs https",
                    join(other, host, path, query),
                ));
            }
        }
    }
    if let Some(forwarded) = headers.get("Forwarded") {
        let field = |key: &str| {
            forwarded
                .split(',')
                .next()
                .unwrap_or("")
                .split(';')
                .filter_map(|kv| kv.trim().split_once('='))
                .find(|(k, _)| k.eq_ignore_ascii_case(key))
                .map(|(_, v)| v.trim_matches('"').to_owned())
        };
        if let Some(host) = field("host") {
            let proto = field("proto").unwrap_or_else(|| scheme.to_owned());
            out.push((
                "host from the Forwarded header",
                join(&proto, &host, path, query),
            ));
        }
    }
    // A path prefix added or removed by a proxy or the app's mount point.
    for prefix in PATH_PREFIXES {
        match path.strip_prefix(prefix) {
            Some(rest) if rest.starts_with('/') => {
                out.push(("path prefix removed", join(scheme, authority, rest, query)));
            }
            _ => out.push((
                "path prefix added",
                join(scheme, authority, &format!("{prefix}{path}"), query),
            )),
        }
    }
    let segments: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
    if segments.len() >= 2 && !PATH_PREFIXES.iter().any(|p| p[1..] == *segments[0]) {
        let rest = &path[1 + segments[0].len()..];
        out.push((
            "first path segment removed",
            join(scheme, authority, rest, query),
        ));
    }
    if let Some(q) = query {
        let decoded = percent_decode(q);
        if decoded != q {
            out.push((
                "query string percent-decoded",
                join(scheme, authority, path, Some(&decoded)),
            ));
        }
        let encoded = reencode_query(q);
        if encoded != q {
            out.push((
                "query string re-encoded",
                join(scheme, authority, path, Some(&encoded)),
            ));
        }
        if q.contains('+') {
            out.push((
                "`+` in the query written as `%20`",
                join(scheme, authority, path, Some(&q.replace('+', "%20"))),
            ));
        }
        if q.contains("%20") {
            out.push((
                "`%20` in the query written as `+`",
                join(scheme, authority, path, Some(&q.replace("%20", "+"))),
            ));
        }
    }
    out.retain(|(_, u)| u != url);
    let mut seen = std::collections::HashSet::new();
    out.retain(|(_, u)| seen.insert(u.clone()));
    out
}

/// Route prefixes proxies and frameworks add or strip.
const PATH_PREFIXES: [&str; 5] = ["/api", "/webhooks", "/webhook", "/hooks", "/v1"];

fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            let hex = std::str::from_utf8(&bytes[i + 1..i + 3])
                .ok()
                .filter(|h| h.bytes().all(|b| b.is_ascii_hexdigit()))
                .unwrap_or("");
            if let Ok(b) = u8::from_str_radix(hex, 16) {
                // Keep the separators of the query itself encoded.
                if !matches!(b, b'&' | b'=' | b'+' | b'#') {
                    out.push(b);
                    i += 3;
                    continue;
                }
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8(out).unwrap_or_else(|_| text.to_owned())
}

/// The query as `new URL()` / WHATWG and most HTTP clients write it: characters outside the
/// query-safe set percent-encoded (`'` as `%27`, space as `%20`, non-ASCII as UTF-8 bytes).
fn reencode_query(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_ascii_alphanumeric() || "-._~&=%+!$()*,;:@/?".contains(c) {
            out.push(c);
        } else {
            let mut buf = [0u8; 4];
            for b in c.encode_utf8(&mut buf).bytes() {
                out.push_str(&format!("%{b:02X}"));
            }
        }
    }
    out
}
