//! The words of a diagnosis: what probably happened, and what to do on the receiving side.

use crate::input::Headers;
use crate::outcome::CauseCode;
use crate::scheme::SecretFormat;

pub fn body_summary(code: CauseCode, _variant: &str) -> String {
    use CauseCode::*;
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
        _ => "the body was changed",
    };
    what.to_owned()
}

pub fn body_fix(code: CauseCode) -> &'static str {
    use CauseCode::*;
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
    }
}

/// URLs a proxy or the receiver may have produced instead of the one that was signed.
pub fn url_variants(url: &str, headers: &Headers) -> Vec<(&'static str, String)> {
    let mut out: Vec<(&'static str, String)> = Vec::new();
    let (scheme, rest) = match url.split_once("://") {
        Some(parts) => parts,
        None => return out,
    };
    let (authority, path_query) = match rest.find('/') {
        Some(i) => (&rest[..i], &rest[i..]),
        None => (rest, "/"),
    };
    let (path, query) = match path_query.split_once('?') {
        Some((p, q)) => (p, Some(q)),
        None => (path_query, None),
    };
    let join = |s: &str, a: &str, p: &str, q: Option<&str>| match q {
        Some(q) => format!("{s}://{a}{p}?{q}"),
        None => format!("{s}://{a}{p}"),
    };
    let other_scheme = if scheme == "https" { "http" } else { "https" };
    out.push(("http vs https", join(other_scheme, authority, path, query)));
    let default_port = if scheme == "https" { ":443" } else { ":80" };
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
            out.push(("trailing slash dropped", join(scheme, authority, p, query)))
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
    out.retain(|(_, u)| u != url);
    out
}
