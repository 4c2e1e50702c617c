//! The JWT family: a compact JWS in a header whose claims bind the delivery (Upstash QStash's
//! `Upstash-Signature`, Netlify's `X-Webhook-Signature`). The scheme says, as data, which `alg`
//! values are accepted, the issuer, the claims that must be present, the claim holding the body's
//! hash and how that hash is written, whether `sub` is the URL, and the clock skew allowed; the
//! checks follow the providers' SDKs (PyJWT 2.15 `decode` for the time claims: a token whose `exp`
//! is at or before now − leeway has expired, one whose `iat` or `nbf` is after now + leeway is not
//! yet valid).
//!
//! Only HMAC `alg`s (HS256/384/512) are accepted, keyed with the secret: `none` and every `alg` the
//! scheme does not list are refused before any key is tried.

use base64::Engine as _;
use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::mac;
use crate::scheme::{Algorithm, Encoding};

/// What a JWT scheme checks; the `[jwt]` table of a scheme.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct JwtSpec {
    /// JWS `alg` values accepted; any other (`none` included) is refused.
    pub algorithms: Vec<JwsAlgorithm>,
    /// The `iss` the token must carry.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub issuer: Option<String>,
    /// Claims that must be present (QStash's SDK requires `iss`, `sub`, `exp`, `nbf`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub required_claims: Vec<String>,
    /// The claim holding the hash of the body (`body`, `sha256`).
    pub body_claim: String,
    /// The plain hash of the body in that claim.
    #[serde(default = "default_body_hash")]
    pub body_hash: Algorithm,
    /// How the claim writes the hash: `hex`, `base64` or `base64url` (padding ignored).
    pub body_hash_encoding: Encoding,
    /// `sub` must be the URL the delivery was sent to, when that URL is known (QStash).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub subject_is_url: bool,
    /// Seconds of clock skew allowed on `exp` and `nbf` (the SDK's default).
    #[serde(default)]
    pub leeway: u64,
}

fn default_body_hash() -> Algorithm {
    Algorithm::Sha256
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum JwsAlgorithm {
    #[serde(rename = "HS256")]
    Hs256,
    #[serde(rename = "HS384")]
    Hs384,
    #[serde(rename = "HS512")]
    Hs512,
}

impl JwsAlgorithm {
    pub fn id(self) -> &'static str {
        match self {
            JwsAlgorithm::Hs256 => "HS256",
            JwsAlgorithm::Hs384 => "HS384",
            JwsAlgorithm::Hs512 => "HS512",
        }
    }

    fn hmac(self) -> Algorithm {
        match self {
            JwsAlgorithm::Hs256 => Algorithm::HmacSha256,
            JwsAlgorithm::Hs384 => Algorithm::HmacSha384,
            JwsAlgorithm::Hs512 => Algorithm::HmacSha512,
        }
    }
}

impl JwtSpec {
    /// Checks what serde cannot.
    pub fn validate(&self) -> Result<(), String> {
        if self.algorithms.is_empty() {
            return Err("`algorithms` needs at least one JWS alg (HS256)".to_owned());
        }
        if self.body_claim.is_empty() {
            return Err(
                "`body_claim` must name the claim holding the body's hash: without it any body passes with a replayed token"
                    .to_owned(),
            );
        }
        if !self.body_hash.is_plain_hash() {
            return Err("`body_hash` must be a plain hash: sha256, sha384 or md5".to_owned());
        }
        if !matches!(
            self.body_hash_encoding,
            Encoding::Hex | Encoding::Base64 | Encoding::Base64url
        ) {
            return Err("`body_hash_encoding` must be hex, base64 or base64url".to_owned());
        }
        Ok(())
    }
}

/// A compact JWS, split and decoded.
#[derive(Debug)]
pub struct Token {
    signing_input: String,
    pub alg: JwsAlgorithm,
    pub claims: Map<String, Value>,
    signature: Vec<u8>,
}

fn b64url(part: &str) -> Option<Vec<u8>> {
    crate::encoding::base64url(part)
}

/// Reads `text` as `header.payload.signature`; the reason when it is not a JWT the scheme takes.
pub fn parse(text: &str, spec: &JwtSpec) -> Result<Token, String> {
    let text = text.trim();
    let text = text
        .strip_prefix("Bearer ")
        .or_else(|| text.strip_prefix("bearer "))
        .unwrap_or(text);
    let parts: Vec<&str> = text.split('.').collect();
    let [header, payload, signature] = parts.as_slice() else {
        return Err(format!(
            "has {} dot-separated parts, not the 3 of a JWT",
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
    let claims = match b64url(payload).and_then(|b| serde_json::from_slice(&b).ok()) {
        Some(Value::Object(map)) => map,
        _ => return Err("has a payload that is not a base64url JSON object".to_owned()),
    };
    let signature = b64url(signature)
        .filter(|s| !s.is_empty())
        .ok_or("has a signature that is not base64url")?;
    Ok(Token {
        signing_input: format!("{header}.{payload}"),
        alg,
        claims,
        signature,
    })
}

impl Token {
    /// Whether `key` made the token's signature (constant-time comparison).
    pub fn signed_with(&self, key: &[u8]) -> bool {
        mac::digest(self.alg.hmac(), key, &[self.signing_input.as_bytes()])
            .is_some_and(|d| mac::same(&d, &self.signature))
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
    /// then the body's hash. `leeway` None skips the time claims (`--no-tolerance`).
    pub fn check(
        &self,
        spec: &JwtSpec,
        now: i64,
        leeway: Option<u64>,
        url: Option<&str>,
        body: &[u8],
    ) -> Result<(), Problem> {
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
            if let Some(iat) = iat.filter(|&t| t > late) {
                return Err(Problem::NotYetValid {
                    claim: "iat",
                    at: iat,
                    now,
                    leeway,
                });
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

/// Why a token with a good signature is still refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    Missing(String),
    BadClaim(String),
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
            assert!(parse(&t, &spec()).unwrap_err().contains(alg), "{alg}");
        }
        assert!(parse("a.b", &spec()).is_err());
    }

    #[test]
    fn claims_checked_as_the_sdk_does() {
        let mk = |claims: &str| parse(&token(r#"{"alg":"HS256"}"#, claims, b"k"), &spec()).unwrap();
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
}
