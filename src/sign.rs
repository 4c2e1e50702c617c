//! The sender's side: make a correctly signed delivery for any scheme, from the same scheme
//! data and the same template code (`verify::Prepared::content`) the verifier uses, so a new
//! provider in the registry or a `--scheme` file needs no code here.
//!
//! The signature goes where the scheme reads it: a header (with its prefix, or as an item of a
//! structured value next to the timestamp item), a JSON body field (`body:a.b`) or a URL query
//! parameter (`query:p`).

use base64::Engine as _;
use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use ed25519_dalek::Signer as _;
use sha2::Digest as _;

use crate::input::{Delivery, Headers, Secret};
use crate::mac;
use crate::scheme::{Algorithm, Encoding, Part, Scheme, TimeUnit};
use crate::verify::{self, Options, Prepared, Problem};

/// What to sign: the body and the request around it.
#[derive(Debug, Clone)]
pub struct Request {
    /// The raw body to sign and send.
    pub body: Vec<u8>,
    /// The HTTP method (signed by schemes that sign it).
    pub method: String,
    /// The URL the delivery goes to (signed by URL-signed schemes).
    pub url: String,
    /// Headers to send besides the ones the scheme needs.
    pub headers: Headers,
    /// Unix seconds; written in the scheme's unit.
    pub timestamp: i64,
    /// The delivery id, for schemes with an id header.
    pub id: String,
}

/// The key to sign with.
pub enum SigningKey {
    /// An HMAC secret, a token or Basic credentials, as the user holds it.
    Secret(Secret),
    /// An Ed25519 private key.
    Ed25519(ed25519_dalek::SigningKey),
    /// An ECDSA P-256 private key.
    P256(p256::ecdsa::SigningKey),
}

impl std::fmt::Debug for SigningKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SigningKey::Secret(s) => write!(f, "{s:?}"),
            SigningKey::Ed25519(_) => f.write_str("Ed25519 private key"),
            SigningKey::P256(_) => f.write_str("P-256 private key"),
        }
    }
}

/// Why a delivery cannot be signed; each is a usage error (exit 2).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum SignError {
    /// The scheme does not sign deliveries (a token or none).
    #[error("{0} does not sign its deliveries, so there is nothing to sign")]
    Unsigned(String),
    /// The key is of the wrong kind for the scheme.
    #[error("{0}")]
    WrongKey(String),
    /// The request lacks something the scheme signs (a URL, a timestamp, ...).
    #[error("{0}")]
    Delivery(String),
    /// The scheme's family cannot be signed by hookcheck yet.
    #[error("hookcheck cannot sign {0} deliveries yet: it verifies them only")]
    Unsupported(String),
}

/// The DER prefix of an Ed25519 PKCS#8 private key; the 32-byte seed follows it.
const ED25519_PKCS8_PREFIX: [u8; 16] = [
    0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x04, 0x22, 0x04, 0x20,
];

/// Reads a private key for `algorithm`: PEM (`PRIVATE KEY`, `EC PRIVATE KEY`), base64 or hex
/// of PKCS#8 DER, Ed25519's 64-byte seed+public key (libsodium, PyNaCl, Discord's examples),
/// or a P-256 32-byte scalar. A public key is refused by name.
pub fn private_key(algorithm: Algorithm, text: &[u8]) -> Result<SigningKey, String> {
    let text = std::str::from_utf8(text)
        .map_err(|_| "is not text".to_owned())?
        .trim();
    let (label, bytes) = decode_armour(text).ok_or("is not PEM, hex or base64")?;
    if label.as_deref().is_some_and(|l| l.contains("PUBLIC")) {
        return Err(public_key_refusal());
    }
    match algorithm {
        Algorithm::Ed25519 => {
            let seed: [u8; 32] = match bytes.len() {
                48 if bytes.starts_with(&ED25519_PKCS8_PREFIX) => bytes[16..].try_into().ok(),
                64 => bytes[..32].try_into().ok(),
                44 => return Err(public_key_refusal()),
                32 => {
                    return Err("is 32 bytes, which could be a public key as well as a private \
                                seed: give the private key as PEM (BEGIN PRIVATE KEY) or as the \
                                64-byte seed + public key"
                        .to_owned());
                }
                n => {
                    return Err(format!(
                        "is {n} bytes, not an Ed25519 private key (PKCS#8 or 64-byte seed + public key)"
                    ));
                }
            }
            .ok_or("is not an Ed25519 private key")?;
            let key = ed25519_dalek::SigningKey::from_bytes(&seed);
            if bytes.len() == 64 && key.verifying_key().as_bytes() != &bytes[32..] {
                return Err(
                    "is 64 bytes whose second half is not the public key of the first: \
                            not an Ed25519 seed + public key"
                        .to_owned(),
                );
            }
            Ok(SigningKey::Ed25519(key))
        }
        Algorithm::EcdsaP256 => {
            use p256::pkcs8::DecodePrivateKey as _;
            let as_public = crate::input::PublicKey::new(text.as_bytes());
            if crate::asymmetric::parse(algorithm, &as_public).is_ok() && bytes.len() != 32 {
                return Err(public_key_refusal());
            }
            let key = p256::ecdsa::SigningKey::from_pkcs8_der(&bytes)
                .ok()
                .or_else(|| {
                    p256::SecretKey::from_sec1_der(&bytes)
                        .ok()
                        .map(p256::ecdsa::SigningKey::from)
                })
                .or_else(|| p256::ecdsa::SigningKey::from_slice(&bytes).ok())
                .ok_or("is not a P-256 private key (PKCS#8, SEC1 or a 32-byte scalar)")?;
            Ok(SigningKey::P256(key))
        }
        other => Err(format!(
            "is a private key, but this scheme uses {}: give its secret with --secret-file",
            other.id()
        )),
    }
}

fn public_key_refusal() -> String {
    "is a public key: a public key can only verify; signing needs the sender's private key"
        .to_owned()
}

/// `-----BEGIN X-----` armour (label, DER), or bare hex / base64.
fn decode_armour(text: &str) -> Option<(Option<String>, Vec<u8>)> {
    if let Some(rest) = text.strip_prefix("-----BEGIN ") {
        let (label, rest) = rest.split_once("-----")?;
        let body: String = rest
            .lines()
            .take_while(|l| !l.starts_with("-----END"))
            .map(str::trim)
            .collect();
        return Some((Some(label.to_owned()), STANDARD.decode(body).ok()?));
    }
    let text = text
        .strip_prefix("whsk_")
        .or_else(|| text.strip_prefix("whpk_"))
        .unwrap_or(text);
    if text.len() % 2 == 0 && text.bytes().all(|b| b.is_ascii_hexdigit()) {
        return hex::decode(text).ok().map(|b| (None, b));
    }
    STANDARD
        .decode(text)
        .or_else(|_| URL_SAFE_NO_PAD.decode(text))
        .ok()
        .map(|b| (None, b))
}

/// Signs `request` under `scheme` with `key`. `options` carries `--algorithm` and
/// `--token-header`. The returned delivery has the scheme's headers (or body field, or query
/// parameter) filled in; its `url` is the URL to send to.
pub fn sign(
    scheme: &Scheme,
    request: &Request,
    key: &SigningKey,
    options: &Options,
) -> Result<Delivery, SignError> {
    let algorithm = options.algorithm.unwrap_or(scheme.algorithm);
    check_key(scheme, algorithm, key)?;
    let mut delivery = Delivery {
        headers: request.headers.clone(),
        body: request.body.clone(),
        url: Some(request.url.clone()),
        method: Some(request.method.to_ascii_uppercase()),
        timestamp_override: None,
        params: Vec::new(),
    };
    if !delivery.headers.contains("Content-Type") {
        delivery
            .headers
            .push("Content-Type", content_type(&delivery.body));
    }
    if let (Algorithm::Token | Algorithm::Basic, SigningKey::Secret(secret)) = (algorithm, key) {
        let header = options
            .token_header
            .clone()
            .unwrap_or_else(|| scheme.signature_header().to_owned());
        let token = match algorithm {
            Algorithm::Basic => STANDARD.encode(secret.expose()),
            _ => String::from_utf8_lossy(secret.expose()).into_owned(),
        };
        let value = match &scheme.signature.auth_scheme {
            Some(word) => format!("{word} {token}"),
            None => token,
        };
        set_part(&mut delivery, &header, &value)?;
        return Ok(delivery);
    }

    let template = scheme.template();
    // The timestamp, where the scheme carries it (an item of the signature header is written
    // with the signature below).
    let mut lead_items = Vec::new();
    if let Some(ts) = &scheme.timestamp {
        let text = timestamp_text(ts.unit, request.timestamp);
        match (&ts.header, &ts.field) {
            // A timestamp inside the body (Linear's webhookTimestamp) is the body's own.
            (Some(h), _) if h.starts_with("body:") => {}
            (Some(h), _) => set_part(&mut delivery, h, &text)?,
            (None, Some(field)) => lead_items.push((field.clone(), text)),
            (None, None) => {}
        }
    }
    // Other signed items of the signature header: the value the sender gave with -H
    // (Hygraph's `env`), else the delivery id (NMI's nonce).
    let mut given_items = false;
    for key in template.parts.iter().filter_map(Part::item) {
        if !lead_items.iter().any(|(k, _)| k == key) {
            let given =
                crate::scheme::signature::named_value(scheme, &delivery, &format!("item:{key}"));
            given_items |= given.is_some();
            lead_items.push((key.to_owned(), given.unwrap_or_else(|| request.id.clone())));
        }
    }
    let items = SignatureItems {
        lead: &lead_items,
        signature_first: given_items,
    };
    if let Some(h) = scheme.id_headers.first() {
        if !delivery.has(h) {
            set_part(&mut delivery, h, &request.id)?;
        }
    }
    // Headers the provider's verifier insists on: the exact values it wants, and a stand-in
    // for each other required header the request does not give (`-H` sets a real one).
    for (h, value) in &scheme.required_values {
        if !delivery.has(h) {
            set_part(&mut delivery, h, value)?;
        }
    }
    for h in &scheme.required_headers {
        if !delivery.has(h) {
            set_part(
                &mut delivery,
                h,
                &format!("hookcheck-sign-{}", h.to_ascii_lowercase()),
            )?;
        }
    }
    if let Some(param) = &scheme.body_hash_param {
        if verify::sorted_form(&delivery.body).is_empty() {
            let hash = hex::encode(sha2::Sha256::digest(&delivery.body));
            set_part(&mut delivery, &format!("query:{param}"), &hash)?;
        }
    }
    for part in &template.parts {
        if let Part::SignedHeaders(list) = part {
            if !delivery.headers.contains(list) {
                let mut names = vec![list.to_ascii_lowercase()];
                if let Some(h) = scheme.timestamp.as_ref().and_then(|t| t.header.as_ref()) {
                    if !h.contains(':') {
                        names.push(h.to_ascii_lowercase());
                    }
                }
                delivery.headers.push(list.clone(), names.join(","));
            }
        }
    }

    // A placeholder signature lets the verifier's own reader collect every signed part.
    let header = scheme.signature_header().to_owned();
    let placeholder = encode(scheme.signature.encoding, &[0]);
    set_signature(&mut delivery, scheme, &header, &items, &placeholder)?;
    let secret_bytes: &[u8] = match key {
        SigningKey::Secret(s) => s.expose(),
        _ => b"",
    };
    let message = {
        let prepared =
            Prepared::new(scheme, &delivery, options).map_err(|p| problem(scheme, &p))?;
        prepared
            .content(&prepared.template, &delivery.body, secret_bytes)
            .concat()
    };
    let signature = match key {
        SigningKey::Secret(secret) => {
            let mac_key = scheme.secret.key(secret.expose()).map_err(|reason| {
                SignError::WrongKey(format!(
                    "the secret {reason}, which {} requires",
                    scheme.secret.id()
                ))
            })?;
            if mac_key.is_empty() && algorithm.is_hmac() {
                return Err(SignError::WrongKey(
                    "the secret decodes to an empty key, which anyone could sign with".to_owned(),
                ));
            }
            mac::digest(algorithm, &mac_key, &[&message]).ok_or_else(|| {
                SignError::WrongKey(format!("{} is not a digest algorithm", algorithm.id()))
            })?
        }
        SigningKey::Ed25519(k) => k.sign(&message).to_bytes().to_vec(),
        SigningKey::P256(k) => {
            let sig: p256::ecdsa::Signature = k.sign(&message);
            sig.to_der().as_bytes().to_vec()
        }
    };
    let text = encode(scheme.signature.encoding, &signature);
    set_signature(&mut delivery, scheme, &header, &items, &text)?;
    Ok(delivery)
}

fn check_key(scheme: &Scheme, algorithm: Algorithm, key: &SigningKey) -> Result<(), SignError> {
    let wrong = |m: String| Err(SignError::WrongKey(m));
    match (algorithm, key) {
        (Algorithm::None, _) => Err(SignError::Unsigned(scheme.title.clone())),
        // A JWT needs claims and RSA a certificate's private key: not signed here.
        (unsignable, _)
            if matches!(unsignable, Algorithm::Jwt | Algorithm::EcdsaP256Sha1)
                || unsignable.is_rsa() =>
        {
            Err(SignError::Unsupported(format!(
                "{} ({})",
                scheme.name,
                algorithm.id()
            )))
        }
        (Algorithm::Ed25519, SigningKey::Ed25519(_))
        | (Algorithm::EcdsaP256, SigningKey::P256(_)) => Ok(()),
        (Algorithm::Ed25519 | Algorithm::EcdsaP256, _) => wrong(format!(
            "{} signs with {}: give the sender's private key with --private-key-file",
            scheme.name,
            algorithm.id()
        )),
        (_, SigningKey::Secret(s)) if s.is_empty() => {
            wrong("the secret is empty, and an empty key signs nothing".to_owned())
        }
        (_, SigningKey::Secret(_)) => Ok(()),
        (_, _) => wrong(format!(
            "{} uses {}: give its secret with --secret-file, not a private key",
            scheme.name,
            algorithm.id()
        )),
    }
}

fn problem(scheme: &Scheme, problem: &Problem) -> SignError {
    SignError::Delivery(match problem {
        Problem::Missing { header, what } if header.starts_with("item:") => format!(
            "{} signs the {} ({what}): give the header with it, e.g. -H '{}: {}=…'",
            scheme.name,
            crate::input::describe_part(header),
            scheme.signature_header(),
            &header[5..]
        ),
        Problem::Missing { header, what } if header.contains(':') => format!(
            "{} signs the {} ({what}), which the delivery does not have",
            scheme.name,
            crate::input::describe_part(header)
        ),
        Problem::Missing { header, what } => format!(
            "{} signs the {what} part {header}, which the delivery does not have: add it with -H",
            scheme.name
        ),
        Problem::Malformed { header, reason } => format!("{header}: {reason}"),
    })
}

/// A guess for a body with no Content-Type given.
fn content_type(body: &[u8]) -> &'static str {
    let t = body.trim_ascii_start();
    if t.starts_with(b"{") || t.starts_with(b"[") {
        "application/json"
    } else if !verify::sorted_form(body).is_empty() {
        "application/x-www-form-urlencoded"
    } else {
        "text/plain"
    }
}

/// Encodes signature bytes as the scheme writes them.
pub fn encode(encoding: Encoding, bytes: &[u8]) -> String {
    match encoding {
        Encoding::Hex => hex::encode(bytes),
        Encoding::HexUpper => hex::encode_upper(bytes),
        Encoding::Base64 => STANDARD.encode(bytes),
        Encoding::Base64url => URL_SAFE_NO_PAD.encode(bytes),
        Encoding::Base64Hex => STANDARD.encode(hex::encode(bytes)),
        Encoding::Base64Percent => STANDARD
            .encode(bytes)
            .replace('+', "%2B")
            .replace('/', "%2F")
            .replace('=', "%3D"),
        Encoding::Plain => String::from_utf8_lossy(bytes).into_owned(),
    }
}

/// The items written beside the signature in a structured header: the timestamp (first) and
/// other signed items, and whether the signature leads them.
struct SignatureItems<'a> {
    lead: &'a [(String, String)],
    signature_first: bool,
}

/// Writes the signature (and the items that share its header: the timestamp, a nonce) where
/// the scheme reads it.
fn set_signature(
    delivery: &mut Delivery,
    scheme: &Scheme,
    header: &str,
    extra: &SignatureItems<'_>,
    text: &str,
) -> Result<(), SignError> {
    let spec = &scheme.signature;
    let timestamp_field = scheme.timestamp.as_ref().and_then(|t| t.field.as_ref());
    let value = match (&spec.items, &spec.pair) {
        (Some(items), Some(pair)) => {
            let key = spec.keys.first().map_or("v1", String::as_str);
            let pairs = extra.lead.iter().map(|(k, v)| format!("{k}{pair}{v}"));
            let signature = format!("{key}{pair}{text}");
            let mut out: Vec<String> = Vec::new();
            if extra.signature_first {
                // Hygraph's documented order: signature, the items, the timestamp (pushed first).
                out.push(signature);
                let mut rest: Vec<String> = pairs.collect();
                if timestamp_field.is_some() && !rest.is_empty() {
                    rest.rotate_left(1);
                }
                out.extend(rest);
            } else {
                out.extend(pairs);
                out.push(signature);
            }
            out.join(items)
        }
        // Items without names go by position: the leading ones, then the signature.
        (Some(items), None) => {
            let mut lead: Vec<&(String, String)> = extra.lead.iter().collect();
            lead.sort_by_key(|(k, _)| k.parse::<usize>().unwrap_or(usize::MAX));
            let mut out: Vec<&str> = lead.iter().map(|(_, v)| v.as_str()).collect();
            out.push(text);
            out.join(items)
        }
        _ => format!("{}{text}", spec.prefix.as_deref().unwrap_or("")),
    };
    set_part(delivery, header, &value)
}

/// Sets a named part (`Delivery::values` syntax): a header, a JSON body field, a form field
/// or a query parameter of the URL.
pub fn set_part(delivery: &mut Delivery, name: &str, value: &str) -> Result<(), SignError> {
    if let Some(path) = name.strip_prefix("body:") {
        let mut json: serde_json::Value = serde_json::from_slice(&delivery.body).map_err(|_| {
            SignError::Delivery(format!(
                "the scheme writes the body field {path}, but the body is not JSON"
            ))
        })?;
        set_json(&mut json, path, value).ok_or_else(|| {
            SignError::Delivery(format!("the body has no place for the field {path}"))
        })?;
        delivery.body = serde_json::to_vec(&json).unwrap_or_default();
        return Ok(());
    }
    if let Some(field) = name.strip_prefix("form:") {
        let mut kept: Vec<(String, String)> = form_urlencoded::parse(delivery.body.trim_ascii())
            .filter(|(k, _)| k != field)
            .map(|(k, v)| (k.into_owned(), v.into_owned()))
            .collect();
        kept.push((field.to_owned(), value.to_owned()));
        delivery.body = form_urlencoded::Serializer::new(String::new())
            .extend_pairs(kept)
            .finish()
            .into_bytes();
        return Ok(());
    }
    if let Some(param) = name.strip_prefix("query:") {
        let url = delivery.url.take().unwrap_or_default();
        let (base, query) = url.split_once('?').unwrap_or((&url, ""));
        let mut kept: Vec<(String, String)> = form_urlencoded::parse(query.as_bytes())
            .filter(|(k, _)| k != param)
            .map(|(k, v)| (k.into_owned(), v.into_owned()))
            .collect();
        kept.push((param.to_owned(), value.to_owned()));
        let query = form_urlencoded::Serializer::new(String::new())
            .extend_pairs(kept)
            .finish();
        delivery.url = Some(format!("{base}?{query}"));
        return Ok(());
    }
    delivery.headers.set(name, value.to_owned());
    Ok(())
}

fn set_json(root: &mut serde_json::Value, path: &str, value: &str) -> Option<()> {
    let keys: Vec<&str> = path.split('.').collect();
    let (last, inner) = keys.split_last()?;
    let mut at = root;
    for key in inner {
        at = match at {
            serde_json::Value::Array(items) => items.get_mut(key.parse::<usize>().ok()?)?,
            serde_json::Value::Object(map) => map
                .entry(key.to_string())
                .or_insert_with(|| serde_json::json!({})),
            _ => return None,
        };
    }
    match at {
        serde_json::Value::Object(map) => {
            map.insert(
                last.to_string(),
                serde_json::Value::String(value.to_owned()),
            );
            Some(())
        }
        _ => None,
    }
}

/// Unix seconds written in the scheme's unit.
pub fn timestamp_text(unit: TimeUnit, seconds: i64) -> String {
    match unit {
        TimeUnit::Seconds => seconds.to_string(),
        TimeUnit::Milliseconds | TimeUnit::MillisecondsOrRfc3339 => {
            (seconds.saturating_mul(1000)).to_string()
        }
        TimeUnit::Rfc3339 | TimeUnit::Iso8601 => rfc3339(seconds),
    }
}

/// `1763899200` → `2025-11-23T12:00:00Z`.
pub fn rfc3339(seconds: i64) -> String {
    let days = seconds.div_euclid(86_400);
    let secs = seconds.rem_euclid(86_400);
    // Civil date from days (Howard Hinnant's algorithm).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z",
        secs / 3600,
        (secs % 3600) / 60,
        secs % 60
    )
}

/// A fresh delivery id: 16 random bytes as hex, from the OS's randomness.
pub fn fresh_id() -> String {
    use std::hash::{BuildHasher as _, Hasher as _};
    // RandomState is seeded from the OS per process; two hashers give 128 bits.
    let mut out = String::new();
    for i in 0..2u8 {
        let mut h = std::collections::hash_map::RandomState::new().build_hasher();
        h.write_u8(i);
        h.write_u128(
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| d.as_nanos()),
        );
        out.push_str(&format!("{:016x}", h.finish()));
    }
    format!("msg_{out}")
}

/// The delivery as an HTTP/1.1 capture that `verify --request` and `batch` read back to the
/// same delivery: origin-form target and Host for `https` URLs, absolute-form otherwise.
pub fn to_http(delivery: &Delivery) -> Vec<u8> {
    let method = delivery.method.as_deref().unwrap_or("POST");
    let url = delivery.url.as_deref().unwrap_or("https://localhost/");
    let (host, path) = split_url(url);
    let target = if url.starts_with("https://") {
        path.clone()
    } else {
        url.to_owned()
    };
    let mut out = format!("{method} {target} HTTP/1.1\r\nHost: {host}\r\n");
    for (name, value) in delivery.headers.iter() {
        if name.eq_ignore_ascii_case("Host") || name.eq_ignore_ascii_case("Content-Length") {
            continue;
        }
        out.push_str(&format!("{name}: {value}\r\n"));
    }
    out.push_str(&format!("Content-Length: {}\r\n\r\n", delivery.body.len()));
    let mut bytes = out.into_bytes();
    bytes.extend_from_slice(&delivery.body);
    bytes
}

/// `https://h:1/p?q` → (`h:1`, `/p?q`).
pub fn split_url(url: &str) -> (String, String) {
    let parts = crate::canonical::url::UrlParts::split(url);
    (parts.authority.to_owned(), parts.target())
}

/// `Name: value` lines.
pub fn to_header_lines(delivery: &Delivery) -> String {
    delivery
        .headers
        .iter()
        .map(|(n, v)| format!("{n}: {v}\n"))
        .collect()
}

/// A curl command that sends the delivery.
pub fn to_curl(delivery: &Delivery) -> String {
    let mut out = format!(
        "curl -sS -X {} {}",
        delivery.method.as_deref().unwrap_or("POST"),
        shell_quote(delivery.url.as_deref().unwrap_or(""))
    );
    for (n, v) in delivery.headers.iter() {
        out.push_str(&format!(" \\\n  -H {}", shell_quote(&format!("{n}: {v}"))));
    }
    out.push_str(&format!(
        " \\\n  --data-binary {}\n",
        shell_quote(&String::from_utf8_lossy(&delivery.body))
    ));
    out
}

fn shell_quote(text: &str) -> String {
    format!("'{}'", text.replace('\'', "'\\''"))
}

/// One JSON Lines delivery, in the shape `batch` reads.
pub fn to_json(delivery: &Delivery, provider: &str) -> String {
    let headers: Vec<[&str; 2]> = delivery.headers.iter().map(|(n, v)| [n, v]).collect();
    let mut object = serde_json::json!({
        "provider": provider,
        "method": delivery.method.as_deref().unwrap_or("POST"),
        "url": delivery.url,
        "headers": headers,
    });
    match std::str::from_utf8(&delivery.body) {
        Ok(text) => object["body"] = serde_json::Value::String(text.to_owned()),
        Err(_) => {
            object["body_base64"] = serde_json::Value::String(STANDARD.encode(&delivery.body));
        }
    }
    format!("{object}\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rfc3339_round_trips() {
        for s in [0, 1_763_899_200, 951_782_400, 4_102_444_799] {
            assert_eq!(
                verify::timestamp::rfc3339_seconds(&rfc3339(s)),
                Some(s),
                "{s}"
            );
        }
        assert_eq!(rfc3339(1_763_899_200), "2025-11-23T12:00:00Z");
    }

    #[test]
    fn urls_split_into_host_and_target() {
        assert_eq!(
            split_url("https://h.test:8443/a?b=1"),
            ("h.test:8443".into(), "/a?b=1".into())
        );
        assert_eq!(split_url("http://h"), ("h".into(), "/".into()));
    }

    #[test]
    fn public_keys_are_refused() {
        let pem = "-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEAPUAXw+hDiVqStwqnTRt+vJyYLM8uxJaMwM1V8SrzRgw=\n-----END PUBLIC KEY-----\n";
        let e = private_key(Algorithm::Ed25519, pem.as_bytes()).unwrap_err();
        assert!(e.contains("public key"), "{e}");
        let raw = "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c";
        assert!(private_key(Algorithm::Ed25519, raw.as_bytes()).is_err());
    }
}
