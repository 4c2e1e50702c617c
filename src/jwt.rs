//! The JWT/JWS family: a JWS whose signature (and, for a JWT, whose claims) bind the delivery.
//! - A compact JWT in a header whose claims carry the body's hash: Upstash QStash's
//!   `Upstash-Signature`, Netlify's `X-Webhook-Signature` (HS256), FusionAuth's
//!   `X-FusionAuth-Signature-JWT` (HS/RS/ES), Plaid's `Plaid-Verification` (ES256).
//! - The whole body is the JWT (Wix: RS256).
//! - A detached JWS whose payload is the body (RFC 7515 appendix F: `header..signature`,
//!   Fireblocks' `Fireblocks-Webhook-Signature`, RS512).
//!
//! The scheme says, as data, which `alg` values are accepted, the issuer, the claims that must be
//! present, the claim holding the body's hash and how that hash is written, whether `sub` is the
//! URL, the clock skew allowed and the maximum age of `iat`; the checks follow the providers'
//! SDKs (PyJWT 2.15 `decode` for the time claims: a token whose `exp` is at or before now − leeway
//! has expired, one whose `iat` or `nbf` is after now + leeway is not yet valid; `jose`,
//! `jsonwebtoken` and `python-jose` do not check a future `iat`, which `future_iat_allowed` says).
//!
//! Keys of one kind never act as another: an HMAC `alg` (HS256/384/512) is keyed only with a
//! secret, an RSA/ECDSA/EdDSA `alg` only with a public key of its own type (RS* with RSA of at
//! least 2048 bits, ES256/384/512 with P-256/384/521, EdDSA with Ed25519), and a JWK naming an
//! `alg` is used for that `alg` only. `none` and every `alg` the scheme does not list are refused
//! before any key is tried, so a token can never pick the verifying algorithm (the classic
//! algorithm-confusion attack: a public key used as an HMAC secret).

use base64::Engine as _;
use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use serde_json::{Map, Value};

use crate::input::jwks::{AnyKey, KeyMaterial};
use crate::mac;
use crate::scheme::Encoding;

pub use crate::scheme::jwt_spec::{JwsAlgorithm, JwtSpec, TokenPlace};

/// RSA keys below this size are refused for RS* (as `jose` and `jsonwebtoken` 9 do).
const MIN_RSA_BITS: usize = 2048;

/// A compact JWS, split and decoded.
#[derive(Debug)]
pub struct Token {
    signing_input: Vec<u8>,
    pub alg: JwsAlgorithm,
    /// The header's `kid`, naming the key that signed.
    pub kid: Option<String>,
    /// The claims (empty for a detached JWS, whose payload is the body).
    pub claims: Map<String, Value>,
    signature: Vec<u8>,
}

fn b64url(part: &str) -> Option<Vec<u8>> {
    crate::encoding::base64url(part)
}

/// Reads `text` as `header.payload.signature` (for a detached JWS, `header..signature` with
/// `body` as the payload); the reason when it is not a JWS the scheme takes.
pub fn parse(text: &str, spec: &JwtSpec, body: &[u8]) -> Result<Token, String> {
    let text = text.trim();
    let text = text
        .strip_prefix("Bearer ")
        .or_else(|| text.strip_prefix("bearer "))
        .unwrap_or(text);
    let parts: Vec<&str> = text.split('.').collect();
    let [header, payload, signature] = parts.as_slice() else {
        return Err(format!(
            "has {} dot-separated parts, not the 3 of a JWS",
            parts.len()
        ));
    };
    let header_json: Value = b64url(header)
        .and_then(|b| serde_json::from_slice(&b).ok())
        .ok_or("has a header that is not base64url JSON")?;
    let alg = header_json
        .get("alg")
        .and_then(Value::as_str)
        .ok_or("has no `alg` in its header")?;
    let accepted: Vec<&str> = spec.algorithms.iter().map(|a| a.id()).collect();
    let alg = spec
        .algorithms
        .iter()
        .copied()
        .find(|a| a.id() == alg)
        .ok_or_else(|| {
            format!(
                "names alg `{alg}`, which this scheme does not accept ({})",
                accepted.join(", ")
            )
        })?;
    // RFC 7515 4.1.11: extensions listed in `crit` must be understood; none are here (this
    // includes RFC 7797's unencoded payload, `b64: false`).
    if let Some(crit) = header_json.get("crit") {
        return Err(format!(
            "lists critical header extensions ({crit}) that hookcheck does not implement"
        ));
    }
    let kid = match header_json.get("kid") {
        None => None,
        Some(Value::String(k)) => Some(k.clone()),
        Some(_) => return Err("has a `kid` that is not a string".to_owned()),
    };
    if spec.kid_required && kid.is_none() {
        return Err("has no `kid` in its header, which names the signing key".to_owned());
    }
    let signature = b64url(signature)
        .filter(|s| !s.is_empty())
        .ok_or("has a signature that is not base64url")?;
    let (signing_input, claims) = if spec.token == TokenPlace::Detached {
        // The payload part of a detached JWS is empty; the body, base64url-encoded, takes its
        // place in the signing input (as Fireblocks' example rebuilds the full JWS).
        let input = format!("{header}.{}", URL_SAFE_NO_PAD.encode(body));
        (input.into_bytes(), Map::new())
    } else {
        let claims = match b64url(payload).and_then(|b| serde_json::from_slice(&b).ok()) {
            Some(Value::Object(map)) => map,
            _ => return Err("has a payload that is not a base64url JSON object".to_owned()),
        };
        (format!("{header}.{payload}").into_bytes(), claims)
    };
    Ok(Token {
        signing_input,
        alg,
        kid,
        claims,
        signature,
    })
}

/// Why a public key is not tried for a token: its type or its JWK's `alg` does not fit.
pub fn key_unfit(alg: JwsAlgorithm, key: &AnyKey) -> Option<String> {
    if let Some(key_alg) = &key.alg {
        if key_alg != alg.id() {
            return Some(format!(
                "is a JWK for {key_alg}, not for the token's {}",
                alg.id()
            ));
        }
    }
    let fits = match (alg, &key.key) {
        (JwsAlgorithm::Rs256 | JwsAlgorithm::Rs384 | JwsAlgorithm::Rs512, KeyMaterial::Rsa(k)) => {
            use rsa::traits::PublicKeyParts as _;
            if k.size() * 8 < MIN_RSA_BITS {
                return Some(format!(
                    "is an RSA key of {} bits; RS* needs at least {MIN_RSA_BITS}",
                    k.size() * 8
                ));
            }
            true
        }
        (JwsAlgorithm::Es256, KeyMaterial::P256(_))
        | (JwsAlgorithm::Es384, KeyMaterial::P384(_))
        | (JwsAlgorithm::Es512, KeyMaterial::P521(_))
        | (JwsAlgorithm::EdDsa, KeyMaterial::Ed25519(_)) => true,
        _ => false,
    };
    (!fits).then(|| {
        format!(
            "is {}, and {} needs {}",
            key.key.describe(),
            alg.id(),
            alg.key_needed()
        )
    })
}

impl Token {
    /// Whether the secret `key` made the token's signature (HS* only; constant-time
    /// comparison). A token with an RS/ES/EdDSA alg is never checked with a secret.
    pub fn signed_with(&self, key: &[u8]) -> bool {
        let Some(hmac) = self.alg.hmac() else {
            return false;
        };
        mac::digest(hmac, key, &[&self.signing_input])
            .is_some_and(|d| mac::same(&d, &self.signature))
    }

    /// Whether the public `key` made the token's signature (RS/ES/EdDSA only, with a key of the
    /// alg's own type; see [`key_unfit`]). A token with an HS* alg is never checked with a
    /// public key.
    pub fn verified_by(&self, key: &AnyKey) -> bool {
        if self.alg.is_hmac() || key_unfit(self.alg, key).is_some() {
            return false;
        }
        let message = &self.signing_input[..];
        let sig = &self.signature[..];
        match (&key.key, self.alg) {
            (KeyMaterial::Rsa(k), alg) => {
                // The rsa crate builds each hash's DigestInfo prefix (it takes RustCrypto's
                // digest 0.10 types, hence sha2 0.10 here).
                use sha2_010::Digest as _;
                let (scheme, hashed) = match alg {
                    JwsAlgorithm::Rs256 => (
                        rsa::Pkcs1v15Sign::new::<sha2_010::Sha256>(),
                        sha2_010::Sha256::digest(message).to_vec(),
                    ),
                    JwsAlgorithm::Rs384 => (
                        rsa::Pkcs1v15Sign::new::<sha2_010::Sha384>(),
                        sha2_010::Sha384::digest(message).to_vec(),
                    ),
                    _ => (
                        rsa::Pkcs1v15Sign::new::<sha2_010::Sha512>(),
                        sha2_010::Sha512::digest(message).to_vec(),
                    ),
                };
                k.verify(scheme, &hashed, sig).is_ok()
            }
            // JWS ECDSA signatures are the raw R || S (RFC 7518 3.4), never DER.
            (KeyMaterial::P256(k), _) => {
                use p256::ecdsa::signature::Verifier as _;
                sig.len() == 64
                    && p256::ecdsa::Signature::from_slice(sig)
                        .is_ok_and(|s| k.verify(message, &s).is_ok())
            }
            (KeyMaterial::P384(k), _) => {
                use p384::ecdsa::signature::Verifier as _;
                sig.len() == 96
                    && p384::ecdsa::Signature::from_slice(sig)
                        .is_ok_and(|s| k.verify(message, &s).is_ok())
            }
            (KeyMaterial::P521(k), _) => {
                use p521::ecdsa::signature::Verifier as _;
                sig.len() == 132
                    && p521::ecdsa::Signature::from_slice(sig)
                        .is_ok_and(|s| k.verify(message, &s).is_ok())
            }
            (KeyMaterial::Ed25519(k), _) => <[u8; 64]>::try_from(sig).is_ok_and(|b| {
                k.verify_strict(message, &ed25519_dalek::Signature::from_bytes(&b))
                    .is_ok()
            }),
        }
    }

    fn number(&self, claim: &str) -> Result<Option<i64>, Problem> {
        match self.claims.get(claim) {
            None => Ok(None),
            // PyJWT takes int(); a fractional time counts by its whole seconds.
            Some(Value::Number(n)) => Ok(n.as_i64().or_else(|| n.as_f64().map(|f| f as i64))),
            Some(_) => Err(Problem::BadClaim(claim.to_owned())),
        }
    }

    /// The claims checked in the SDK's order: required ones and the issuer, `exp`/`nbf`, `sub`,
    /// then the body's hash. `leeway` None skips the time claims (`--no-tolerance`). A detached
    /// JWS has no claims: its signature covers the body.
    pub fn check(
        &self,
        spec: &JwtSpec,
        now: i64,
        leeway: Option<u64>,
        url: Option<&str>,
        body: &[u8],
    ) -> Result<(), Problem> {
        if spec.token == TokenPlace::Detached {
            return Ok(());
        }
        for claim in &spec.required_claims {
            if !self.claims.contains_key(claim) {
                return Err(Problem::Missing(claim.clone()));
            }
        }
        // PyJWT's order: iat, nbf, exp, then iss.
        let iat = self.number("iat")?;
        let nbf = self.number("nbf")?;
        let exp = self.number("exp")?;
        if let Some(leeway) = leeway {
            let leeway = i64::try_from(leeway).unwrap_or(i64::MAX);
            let late = now.saturating_add(leeway);
            if !spec.future_iat_allowed {
                if let Some(iat) = iat.filter(|&t| t > late) {
                    return Err(Problem::NotYetValid {
                        claim: "iat",
                        at: iat,
                        now,
                        leeway,
                    });
                }
            }
            if let Some(nbf) = nbf.filter(|&t| t > late) {
                return Err(Problem::NotYetValid {
                    claim: "nbf",
                    at: nbf,
                    now,
                    leeway,
                });
            }
            if let Some(exp) = exp.filter(|&e| e <= now.saturating_sub(leeway)) {
                return Err(Problem::Expired { exp, now, leeway });
            }
            if let Some(max_age) = spec.max_age {
                let max_age = i64::try_from(max_age).unwrap_or(i64::MAX);
                match iat {
                    None => return Err(Problem::Missing("iat".to_owned())),
                    Some(iat) if iat < now.saturating_sub(max_age) => {
                        return Err(Problem::TooOld { iat, now, max_age });
                    }
                    Some(_) => {}
                }
            }
        }
        if let Some(want) = &spec.issuer {
            let found = self.claims.get("iss").and_then(Value::as_str);
            if found != Some(want.as_str()) {
                return Err(Problem::Issuer {
                    found: found.map(str::to_owned),
                    want: want.clone(),
                });
            }
        }
        if spec.subject_is_url {
            if let Some(url) = url {
                let found = self.claims.get("sub").and_then(Value::as_str);
                if found != Some(url) {
                    return Err(Problem::Subject {
                        found: found.map(str::to_owned),
                        want: url.to_owned(),
                    });
                }
            }
        }
        for path in &spec.json_claims {
            if !json_text_at(&self.claims, path) {
                return Err(Problem::NotJson(path.clone()));
            }
        }
        if spec.body_claim.is_empty() {
            return Ok(());
        }
        let claimed = self
            .claims
            .get(&spec.body_claim)
            .and_then(Value::as_str)
            .ok_or_else(|| Problem::Missing(spec.body_claim.clone()))?;
        let digest = mac::digest(spec.body_hash, &[], &[body]).unwrap_or_default();
        let ok = match spec.body_hash_encoding {
            Encoding::Hex => claimed == hex::encode(&digest),
            Encoding::Base64 => claimed == STANDARD.encode(&digest),
            _ => claimed.trim_end_matches('=') == URL_SAFE_NO_PAD.encode(&digest),
        };
        if ok {
            Ok(())
        } else {
            Err(Problem::BodyHash {
                claim: spec.body_claim.clone(),
            })
        }
    }
}

/// Whether `path` (`data`, or `data.data`: a member of the JSON the claim holds) is a string of
/// JSON text, as an SDK that parses it needs.
fn json_text_at(claims: &Map<String, Value>, path: &str) -> bool {
    let mut parts = path.split('.');
    let Some(first) = parts.next() else {
        return false;
    };
    let mut at = claims.get(first).cloned();
    for part in parts {
        at = at
            .as_ref()
            .and_then(Value::as_str)
            .and_then(|s| serde_json::from_str::<Value>(s).ok())
            .and_then(|v| v.get(part).cloned());
    }
    at.as_ref()
        .and_then(Value::as_str)
        .is_some_and(|s| serde_json::from_str::<Value>(s).is_ok())
}

/// Which key verified a token, or why none did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KeyVerdict {
    /// The key at this index among all keys made the signature.
    Verified(usize),
    /// No key of the kind the token's alg needs was given (a secret for HS*, a public key for
    /// the others): keys of one kind never act as another.
    NoKeyOfKind { needed: &'static str },
    /// The token names a `kid` no JWK given has.
    UnknownKid { kid: String, known: Vec<String> },
    /// Keys were tried and none made the signature; `skipped` says which keys did not fit and
    /// why (`key 2 is an EC P-256 key, and RS256 needs ...`).
    NoneVerified { tried: usize, skipped: Vec<String> },
}

/// Tries the keys that fit `token`: secrets (through `secret_key`, the scheme's reading of a
/// secret) for an HS* alg, public keys for the others, those whose JWK `kid` is the token's
/// first (a JWK with another `kid` is never tried, as `jose`'s key sets do; a PEM key has none
/// and is tried), a retired JWK refused when the scheme says so.
pub fn verify_with_keys(
    token: &Token,
    spec: &JwtSpec,
    keys: &crate::input::Keys,
    mut secret_key: impl FnMut(usize, &crate::input::Secret) -> Option<Vec<u8>>,
) -> KeyVerdict {
    if token.alg.is_hmac() {
        let mut tried = 0;
        for (index, secret) in keys.secrets() {
            tried += 1;
            if secret_key(index, secret).is_some_and(|k| token.signed_with(&k)) {
                return KeyVerdict::Verified(index);
            }
        }
        if tried == 0 {
            return KeyVerdict::NoKeyOfKind { needed: "secret" };
        }
        return KeyVerdict::NoneVerified {
            tried,
            skipped: Vec::new(),
        };
    }
    let mut skipped = Vec::new();
    let mut known = Vec::new();
    let mut candidates = Vec::new();
    let mut any_public = false;
    for (index, public) in keys.public_keys() {
        any_public = true;
        let key = match crate::asymmetric::any_key(public.text()) {
            Ok(k) => k,
            Err(reason) => {
                skipped.push(format!("key {} {reason}", index + 1));
                continue;
            }
        };
        if let (Some(want), Some(have)) = (&token.kid, &key.kid) {
            if want != have {
                known.push(have.clone());
                continue;
            }
        }
        candidates.push((index, key));
    }
    if !any_public {
        return KeyVerdict::NoKeyOfKind {
            needed: "public key",
        };
    }
    if candidates.is_empty() && !known.is_empty() {
        if let Some(kid) = &token.kid {
            return KeyVerdict::UnknownKid {
                kid: kid.clone(),
                known,
            };
        }
    }
    let mut tried = 0;
    for (index, key) in candidates {
        if let Some(reason) = key_unfit(token.alg, &key) {
            skipped.push(format!("key {} {reason}", index + 1));
            continue;
        }
        if key.retired && spec.retired_keys_refused {
            skipped.push(format!(
                "key {} is marked retired (expired_at is set), and the provider's verifier refuses retired keys",
                index + 1
            ));
            continue;
        }
        tried += 1;
        if token.verified_by(&key) {
            return KeyVerdict::Verified(index);
        }
    }
    KeyVerdict::NoneVerified { tried, skipped }
}

/// Why a token with a good signature is still refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    Missing(String),
    BadClaim(String),
    /// A claim that must hold JSON text does not (Wix's `data`).
    NotJson(String),
    Issuer {
        found: Option<String>,
        want: String,
    },
    Expired {
        exp: i64,
        now: i64,
        leeway: i64,
    },
    NotYetValid {
        claim: &'static str,
        at: i64,
        now: i64,
        leeway: i64,
    },
    /// `iat` is older than the scheme's `max_age` (Plaid: 5 minutes).
    TooOld {
        iat: i64,
        now: i64,
        max_age: i64,
    },
    Subject {
        found: Option<String>,
        want: String,
    },
    BodyHash {
        claim: String,
    },
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scheme::Algorithm;

    fn spec() -> JwtSpec {
        JwtSpec {
            algorithms: vec![JwsAlgorithm::Hs256],
            issuer: Some("Upstash".to_owned()),
            required_claims: vec!["iss".into(), "sub".into(), "exp".into(), "nbf".into()],
            body_claim: "body".to_owned(),
            body_hash: Algorithm::Sha256,
            body_hash_encoding: Encoding::Base64url,
            subject_is_url: true,
            leeway: 0,
            token: TokenPlace::Header,
            json_claims: Vec::new(),
            max_age: None,
            future_iat_allowed: false,
            kid_required: false,
            retired_keys_refused: false,
        }
    }

    fn token(header: &str, claims: &str, key: &[u8]) -> String {
        let input = format!(
            "{}.{}",
            URL_SAFE_NO_PAD.encode(header),
            URL_SAFE_NO_PAD.encode(claims)
        );
        let sig = mac::digest(Algorithm::HmacSha256, key, &[input.as_bytes()]).unwrap();
        format!("{input}.{}", URL_SAFE_NO_PAD.encode(sig))
    }

    // The body hash of `{"a":1}`: base64url(sha256) without padding.
    const BODY: &[u8] = b"{\"a\":1}";
    const BODY_HASH: &str = "AVq9f1zFei3ZS3WQ8ErYCEJzkF7jPsXOvq5iJ2qX-GI";

    #[test]
    fn refuses_alg_none_and_algs_not_listed() {
        let claims =
            format!(r#"{{"iss":"Upstash","sub":"u","exp":20,"nbf":0,"body":"{BODY_HASH}"}}"#);
        for alg in ["none", "HS512", "RS256"] {
            let t = token(&format!(r#"{{"alg":"{alg}"}}"#), &claims, b"k");
            assert!(parse(&t, &spec(), BODY).unwrap_err().contains(alg), "{alg}");
        }
        assert!(parse("a.b", &spec(), BODY).is_err());
    }

    #[test]
    fn claims_checked_as_the_sdk_does() {
        let mk = |claims: &str| {
            parse(&token(r#"{"alg":"HS256"}"#, claims, b"k"), &spec(), BODY).unwrap()
        };
        let good = mk(&format!(
            r#"{{"iss":"Upstash","sub":"https://h/x","exp":20,"nbf":10,"body":"{BODY_HASH}="}}"#
        ));
        assert!(good.signed_with(b"k") && !good.signed_with(b"K"));
        let check = |t: &Token, now, url| t.check(&spec(), now, Some(0), url, BODY);
        assert_eq!(check(&good, 15, Some("https://h/x")), Ok(()));
        assert_eq!(check(&good, 15, None), Ok(()));
        // exp is exclusive: at exp the token has expired (PyJWT: exp <= now - leeway).
        assert!(matches!(
            check(&good, 20, None),
            Err(Problem::Expired { .. })
        ));
        assert!(matches!(
            check(&good, 9, None),
            Err(Problem::NotYetValid { .. })
        ));
        assert_eq!(good.check(&spec(), 24, Some(5), None, BODY), Ok(()));
        assert!(matches!(
            good.check(&spec(), 25, Some(5), None, BODY),
            Err(Problem::Expired { .. })
        ));
        assert_eq!(good.check(&spec(), 99, None, None, BODY), Ok(()));
        assert!(matches!(
            check(&good, 15, Some("https://h/y")),
            Err(Problem::Subject { .. })
        ));
        assert_eq!(
            good.check(&spec(), 15, Some(0), None, b"{\"a\":2}"),
            Err(Problem::BodyHash {
                claim: "body".to_owned()
            })
        );
        let no_nbf = mk(&format!(
            r#"{{"iss":"Upstash","sub":"s","exp":20,"body":"{BODY_HASH}"}}"#
        ));
        assert_eq!(
            check(&no_nbf, 15, None),
            Err(Problem::Missing("nbf".to_owned()))
        );
        let other_iss = mk(&format!(
            r#"{{"iss":"Other","sub":"s","exp":20,"nbf":0,"body":"{BODY_HASH}"}}"#
        ));
        assert!(matches!(
            check(&other_iss, 15, None),
            Err(Problem::Issuer { .. })
        ));
    }

    fn public_spec(algs: Vec<JwsAlgorithm>) -> JwtSpec {
        JwtSpec {
            algorithms: algs,
            issuer: None,
            required_claims: Vec::new(),
            body_claim: "request_body_sha256".to_owned(),
            body_hash: Algorithm::Sha256,
            body_hash_encoding: Encoding::Hex,
            subject_is_url: false,
            leeway: 0,
            token: TokenPlace::Header,
            json_claims: Vec::new(),
            max_age: Some(300),
            future_iat_allowed: true,
            kid_required: false,
            retired_keys_refused: true,
        }
    }

    fn es256(kid: &str, claims: &str, scalar: u8) -> (String, String) {
        use p256::ecdsa::signature::Signer as _;
        let key = p256::ecdsa::SigningKey::from_slice(&[scalar; 32]).unwrap();
        let input = format!(
            "{}.{}",
            URL_SAFE_NO_PAD.encode(format!(r#"{{"alg":"ES256","kid":"{kid}"}}"#)),
            URL_SAFE_NO_PAD.encode(claims)
        );
        let sig: p256::ecdsa::Signature = key.sign(input.as_bytes());
        let point = key.verifying_key().to_encoded_point(false);
        let jwk = format!(
            r#"{{"kty":"EC","crv":"P-256","kid":"{kid}","x":"{}","y":"{}"}}"#,
            URL_SAFE_NO_PAD.encode(point.x().unwrap()),
            URL_SAFE_NO_PAD.encode(point.y().unwrap())
        );
        (
            format!("{input}.{}", URL_SAFE_NO_PAD.encode(sig.to_bytes())),
            jwk,
        )
    }

    fn keys(list: &[&str]) -> crate::input::Keys {
        list.iter()
            .map(|k| crate::input::Key::Public(crate::input::PublicKey::new(k.as_bytes())))
            .collect()
    }

    #[test]
    fn public_key_algs_pick_the_key_by_kid_and_never_take_secrets() {
        let claims = format!(
            r#"{{"iat":100,"request_body_sha256":"{}"}}"#,
            hex::encode(mac::digest(Algorithm::Sha256, &[], &[BODY]).unwrap())
        );
        let spec = public_spec(vec![JwsAlgorithm::Es256]);
        let (token, jwk) = es256("k1", &claims, 7);
        let (_, other) = es256("k0", &claims, 9);
        let t = parse(&token, &spec, BODY).unwrap();
        let none = |_: usize, _: &crate::input::Secret| -> Option<Vec<u8>> { None };
        assert_eq!(
            verify_with_keys(&t, &spec, &keys(&[&other, &jwk]), none),
            KeyVerdict::Verified(1)
        );
        assert!(matches!(
            verify_with_keys(&t, &spec, &keys(&[&other]), none),
            KeyVerdict::UnknownKid { .. }
        ));
        // The right key under the right kid, marked retired: refused.
        let retired = jwk.replace('}', r#","expired_at":5}"#);
        assert!(matches!(
            verify_with_keys(&t, &spec, &keys(&[&retired]), none),
            KeyVerdict::NoneVerified { tried: 0, .. }
        ));
        // Secrets never check an ES256 token.
        let secrets: crate::input::Keys =
            std::iter::once(crate::input::Secret::new(jwk.as_bytes())).collect();
        assert_eq!(
            verify_with_keys(&t, &spec, &secrets, |_, s| Some(s.expose().to_vec())),
            KeyVerdict::NoKeyOfKind {
                needed: "public key"
            }
        );
        assert_eq!(t.check(&spec, 400, Some(0), None, BODY), Ok(()));
        assert!(matches!(
            t.check(&spec, 401, Some(0), None, BODY),
            Err(Problem::TooOld { .. })
        ));
        // A token whose signature is DER, not R || S, is refused as JWS requires.
        let der = {
            use p256::ecdsa::signature::Signer as _;
            let key = p256::ecdsa::SigningKey::from_slice(&[7; 32]).unwrap();
            let (input, _) = token.rsplit_once('.').unwrap();
            let sig: p256::ecdsa::Signature = key.sign(input.as_bytes());
            format!("{input}.{}", URL_SAFE_NO_PAD.encode(sig.to_der()))
        };
        let t = parse(&der, &spec, BODY).unwrap();
        assert!(matches!(
            verify_with_keys(&t, &spec, &keys(&[&jwk]), none),
            KeyVerdict::NoneVerified { tried: 1, .. }
        ));
    }

    #[test]
    fn an_hmac_alg_is_never_keyed_with_a_public_key() {
        // Algorithm confusion: HS256 keyed with the public key's own text verifies nothing
        // when the key was given as a public key.
        let (_, jwk) = es256("k1", "{}", 7);
        let spec = public_spec(vec![JwsAlgorithm::Hs256, JwsAlgorithm::Es256]);
        let forged = token(r#"{"alg":"HS256","kid":"k1"}"#, "{}", jwk.as_bytes());
        let t = parse(&forged, &spec, BODY).unwrap();
        assert_eq!(
            verify_with_keys(&t, &spec, &keys(&[&jwk]), |_, s| Some(s.expose().to_vec())),
            KeyVerdict::NoKeyOfKind { needed: "secret" }
        );
        let key = crate::asymmetric::any_key(jwk.as_bytes()).unwrap();
        assert!(!t.verified_by(&key));
        // And an ES256 key never checks an RS256 or EdDSA token.
        assert!(key_unfit(JwsAlgorithm::Rs256, &key).is_some());
        assert!(key_unfit(JwsAlgorithm::EdDsa, &key).is_some());
        assert!(key_unfit(JwsAlgorithm::Es384, &key).is_some());
        assert!(key_unfit(JwsAlgorithm::Es256, &key).is_none());
    }

    #[test]
    fn detached_payload_is_the_body_and_crit_is_refused() {
        let spec = JwtSpec {
            token: TokenPlace::Detached,
            body_claim: String::new(),
            ..public_spec(vec![JwsAlgorithm::Hs256])
        };
        let header = URL_SAFE_NO_PAD.encode(r#"{"alg":"HS256"}"#);
        let input = format!("{header}.{}", URL_SAFE_NO_PAD.encode(BODY));
        let sig = mac::digest(Algorithm::HmacSha256, b"k", &[input.as_bytes()]).unwrap();
        let detached = format!("{header}..{}", URL_SAFE_NO_PAD.encode(sig));
        assert!(parse(&detached, &spec, BODY).unwrap().signed_with(b"k"));
        assert!(
            !parse(&detached, &spec, b"{\"a\":2}")
                .unwrap()
                .signed_with(b"k")
        );
        let crit = format!(
            "{}..{}",
            URL_SAFE_NO_PAD.encode(r#"{"alg":"HS256","b64":false,"crit":["b64"]}"#),
            URL_SAFE_NO_PAD.encode(b"x")
        );
        assert!(parse(&crit, &spec, BODY).unwrap_err().contains("critical"));
        assert!(
            JwtSpec {
                body_claim: "x".to_owned(),
                ..spec.clone()
            }
            .validate()
            .is_err()
        );
    }
}
