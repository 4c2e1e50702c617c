//! JSON Web Keys (RFC 7517) and key sets: the public keys senders publish as JWKS (FusionAuth's
//! `/.well-known/jwks.json`, Fireblocks' `keys.fireblocks.io`), one JWK per key (Plaid's
//! `/webhook_verification_key/get` answer `{"key": {...}}`), or a PEM key wrapped in JSON (eBay's
//! `getPublicKey` answer `{"algorithm":"ECDSA","digest":"SHA1","key":"-----BEGIN..."}`).
//!
//! A set is split into one public key per JWK ([`split`]): each stays a
//! [`PublicKey`](super::PublicKey) whose text is that JWK, so key sets never act as secrets and
//! each key is reported by its own number and `kid`. [`parse`] reads one JWK into [`AnyKey`]
//! (`crate::asymmetric::any_key` reads a key of any format). Only public members are read: a
//! JWK carrying a private member (`d`, `p`, `k`, ...) is refused, so a private key file is
//! never taken by mistake, and an `oct` (symmetric) JWK is refused: a public-key slot never
//! holds an HMAC secret.

use base64::Engine as _;
use base64::engine::general_purpose::{URL_SAFE, URL_SAFE_NO_PAD};
use serde_json::Value;

/// One public key of any kind, with what its JWK said about it.
#[derive(Clone)]
pub struct AnyKey {
    /// The JWK's `kid`; None for a key given as PEM/DER/raw bytes.
    pub kid: Option<String>,
    /// The JWK's `alg`, when it names one: the key is used for that alg only (as `jose` does).
    pub alg: Option<String>,
    /// Plaid's `expired_at` is set: the key was retired.
    pub retired: bool,
    /// The key itself.
    pub key: KeyMaterial,
}

impl std::fmt::Debug for AnyKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "AnyKey({}, kid {:?}, alg {:?})",
            self.key.describe(),
            self.kid,
            self.alg
        )
    }
}

/// The key itself.
#[derive(Clone)]
pub enum KeyMaterial {
    /// An RSA public key (RS256/384/512, and the RSA schemes).
    Rsa(rsa::RsaPublicKey),
    /// An EC P-256 key (ES256, ECDSA schemes).
    P256(p256::ecdsa::VerifyingKey),
    /// An EC P-384 key (ES384).
    P384(p384::ecdsa::VerifyingKey),
    /// An EC P-521 key (ES512).
    P521(Box<p521::ecdsa::VerifyingKey>),
    /// An Ed25519 key (EdDSA, Ed25519 schemes).
    Ed25519(ed25519_dalek::VerifyingKey),
}

impl KeyMaterial {
    /// `RSA`, `EC P-256`, ... for messages.
    pub fn describe(&self) -> &'static str {
        match self {
            KeyMaterial::Rsa(_) => "an RSA key",
            KeyMaterial::P256(_) => "an EC P-256 key",
            KeyMaterial::P384(_) => "an EC P-384 key",
            KeyMaterial::P521(_) => "an EC P-521 key",
            KeyMaterial::Ed25519(_) => "an Ed25519 key",
        }
    }
}

/// True when the key text is JSON (a JWK, a JWKS or a JSON-wrapped key), not PEM/hex/base64.
pub fn is_json(text: &[u8]) -> bool {
    text.iter()
        .find(|b| !b.is_ascii_whitespace())
        .is_some_and(|&b| b == b'{')
}

/// Splits a JWKS (`{"keys": [...]}`), a single JWK, Plaid's `{"key": JWK}` answer or eBay's
/// `{"key": "-----BEGIN PUBLIC KEY-----..."}` answer into one key text per key (JWKs as compact
/// JSON, a wrapped PEM as its text). The reason when the text is none of these.
pub fn split(text: &[u8]) -> Result<Vec<Vec<u8>>, String> {
    let value: Value =
        serde_json::from_slice(text).map_err(|e| format!("is not valid JSON ({e})"))?;
    let Value::Object(map) = &value else {
        return Err("is JSON but not an object (a JWK or {\"keys\": [...]})".to_owned());
    };
    if let Some(keys) = map.get("keys") {
        let Value::Array(keys) = keys else {
            return Err("has `keys` that is not an array".to_owned());
        };
        if keys.is_empty() {
            return Err("is a key set with no keys".to_owned());
        }
        return keys
            .iter()
            .map(|k| match k {
                Value::Object(_) => Ok(k.to_string().into_bytes()),
                _ => Err("has an entry in `keys` that is not a JWK object".to_owned()),
            })
            .collect();
    }
    match map.get("key") {
        Some(Value::Object(_)) => return Ok(vec![map["key"].to_string().into_bytes()]),
        Some(Value::String(pem)) => return Ok(vec![pem.clone().into_bytes()]),
        _ => {}
    }
    if map.contains_key("kty") {
        return Ok(vec![text.to_vec()]);
    }
    Err("is JSON but neither a JWK (no `kty`) nor a key set (no `keys`)".to_owned())
}

fn b64(value: &Value, member: &str) -> Result<Vec<u8>, String> {
    let text = value
        .get(member)
        .and_then(Value::as_str)
        .ok_or_else(|| format!("has no `{member}` member"))?;
    URL_SAFE_NO_PAD
        .decode(text)
        .or_else(|_| URL_SAFE.decode(text))
        .map_err(|_| format!("has a `{member}` that is not base64url"))
}

/// Reads one JWK (JSON text).
pub fn parse_jwk(text: &[u8]) -> Result<AnyKey, String> {
    let jwk: Value = serde_json::from_slice(text).map_err(|e| format!("is not a JWK ({e})"))?;
    let kty = jwk
        .get("kty")
        .and_then(Value::as_str)
        .ok_or("is a JWK with no `kty`")?;
    for private in ["d", "p", "q", "dp", "dq", "qi", "k"] {
        if jwk.get(private).is_some() {
            return Err(format!(
                "is a JWK with the private or secret member `{private}`: give the public key only"
            ));
        }
    }
    if let Some(usage) = jwk.get("use").and_then(Value::as_str) {
        if usage != "sig" {
            return Err(format!(
                "is a JWK for `use: {usage}`, not for signatures (`sig`)"
            ));
        }
    }
    let key = match kty {
        "RSA" => {
            let n = rsa::BigUint::from_bytes_be(&b64(&jwk, "n")?);
            let e = rsa::BigUint::from_bytes_be(&b64(&jwk, "e")?);
            KeyMaterial::Rsa(
                rsa::RsaPublicKey::new(n, e)
                    .map_err(|e| format!("is not a valid RSA JWK ({e})"))?,
            )
        }
        "EC" => {
            let crv = jwk.get("crv").and_then(Value::as_str).unwrap_or("");
            let (x, y) = (b64(&jwk, "x")?, b64(&jwk, "y")?);
            let size = match crv {
                "P-256" => 32,
                "P-384" => 48,
                "P-521" => 66,
                other => {
                    return Err(format!(
                        "is an EC JWK on curve `{other}`, which is not supported (P-256, P-384, P-521)"
                    ));
                }
            };
            if x.len() != size || y.len() != size {
                return Err(format!("is a {crv} JWK whose x/y are not {size} bytes"));
            }
            let point = [&[0x04][..], &x, &y].concat();
            let bad = || format!("is a {crv} JWK whose point is not on the curve");
            match crv {
                "P-256" => KeyMaterial::P256(
                    p256::ecdsa::VerifyingKey::from_sec1_bytes(&point).map_err(|_| bad())?,
                ),
                "P-384" => KeyMaterial::P384(
                    p384::ecdsa::VerifyingKey::from_sec1_bytes(&point).map_err(|_| bad())?,
                ),
                _ => KeyMaterial::P521(Box::new(
                    p521::ecdsa::VerifyingKey::from_sec1_bytes(&point).map_err(|_| bad())?,
                )),
            }
        }
        "OKP" => {
            let crv = jwk.get("crv").and_then(Value::as_str).unwrap_or("");
            if crv != "Ed25519" {
                return Err(format!(
                    "is an OKP JWK on curve `{crv}`; only Ed25519 signs"
                ));
            }
            let x: [u8; 32] = b64(&jwk, "x")?
                .try_into()
                .map_err(|_| "is an Ed25519 JWK whose x is not 32 bytes".to_owned())?;
            KeyMaterial::Ed25519(
                ed25519_dalek::VerifyingKey::from_bytes(&x)
                    .map_err(|_| "is an Ed25519 JWK that is not a valid point".to_owned())?,
            )
        }
        "oct" => {
            return Err(
                "is a symmetric (`oct`) JWK: an HMAC secret is given with --secret-file, never as a public key"
                    .to_owned(),
            );
        }
        other => {
            return Err(format!(
                "is a JWK of key type `{other}`, which is not supported"
            ));
        }
    };
    Ok(AnyKey {
        kid: jwk.get("kid").and_then(Value::as_str).map(str::to_owned),
        alg: jwk.get("alg").and_then(Value::as_str).map(str::to_owned),
        retired: jwk.get("expired_at").is_some_and(|v| !v.is_null()),
        key,
    })
}

/// Reads one key given as JSON: a JWK, a one-key set, or Plaid's `{"key": JWK}` answer. A
/// JSON-wrapped PEM key (eBay's answer) is read by `crate::asymmetric::any_key`, which reads
/// every format.
pub fn parse(text: &[u8]) -> Result<AnyKey, String> {
    let parts = split(text)?;
    if parts.len() != 1 {
        return Err(format!("is a key set of {} keys, not one key", parts.len()));
    }
    if !is_json(&parts[0]) {
        return Err("is a PEM key wrapped in JSON, not a JWK".to_owned());
    }
    parse_jwk(&parts[0])
}

#[cfg(test)]
mod tests {
    use super::*;

    // RFC 7517 appendix A.1: an EC P-256 key and an RSA key.
    const SET: &str = r#"{"keys":[
      {"kty":"EC","crv":"P-256","x":"MKBCTNIcKUSDii11ySs3526iDZ8AiTo7Tu6KPAqv7D4","y":"4Etl6SRW2YiLUrN5vfvVHuhp7x8PxltmWWlbbM4IFyM","use":"enc","kid":"1"},
      {"kty":"RSA","n":"0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_BJECPebWKRXjBZCiFV4n3oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_FDW2QvzqY368QQMicAtaSqzs8KJZgnYb9c7d0zgdAZHzu6qMQvRL5hajrn1n91CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0fM4lFd2NcRwr3XPksINHaQ-G_xBniIqbw0Ls1jF44-csFCur-kEgU8awapJzKnqDKgw","e":"AQAB","alg":"RS256","kid":"2011-04-29"}]}"#;

    #[test]
    fn splits_sets_and_wrappers() {
        let parts = split(SET.as_bytes()).unwrap();
        assert_eq!(parts.len(), 2);
        // RFC 7517's EC key is for encryption: refused for signatures.
        assert!(parse_jwk(&parts[0]).unwrap_err().contains("use: enc"));
        let rsa = parse_jwk(&parts[1]).unwrap();
        assert_eq!(rsa.kid.as_deref(), Some("2011-04-29"));
        assert_eq!(rsa.alg.as_deref(), Some("RS256"));
        assert!(matches!(rsa.key, KeyMaterial::Rsa(_)));
        let plaid = r#"{"key":{"alg":"ES256","created_at":1560466143,"crv":"P-256","expired_at":null,"kid":"k1","kty":"EC","use":"sig","x":"MKBCTNIcKUSDii11ySs3526iDZ8AiTo7Tu6KPAqv7D4","y":"4Etl6SRW2YiLUrN5vfvVHuhp7x8PxltmWWlbbM4IFyM"},"request_id":"r"}"#;
        let key = parse(plaid.as_bytes()).unwrap();
        assert!(matches!(key.key, KeyMaterial::P256(_)) && !key.retired);
        let retired = plaid.replace("\"expired_at\":null", "\"expired_at\":1700000000");
        assert!(parse(retired.as_bytes()).unwrap().retired);
        assert!(split(b"{\"keys\":[]}").is_err());
        assert!(split(b"{\"a\":1}").is_err());
    }

    #[test]
    fn refuses_private_and_symmetric_members() {
        assert!(parse_jwk(br#"{"kty":"oct","k":"c2VjcmV0"}"#).is_err());
        assert!(
            parse_jwk(br#"{"kty":"OKP","crv":"Ed25519","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo","d":"nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A"}"#)
                .unwrap_err()
                .contains("`d`")
        );
        // RFC 8037 A.2: the Ed25519 public key alone is fine.
        let ok = parse_jwk(
            br#"{"kty":"OKP","crv":"Ed25519","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"}"#,
        )
        .unwrap();
        assert!(matches!(ok.key, KeyMaterial::Ed25519(_)));
    }
}
