//! The `[jwt]` table of a scheme: which JWS algorithms are accepted, where the token is, and
//! which claims bind it to the delivery. `crate::jwt` checks tokens against it.

use serde::{Deserialize, Serialize};

use super::{Algorithm, Encoding};

/// What a JWT scheme checks; the `[jwt]` table of a scheme.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct JwtSpec {
    /// JWS `alg` values accepted; any other (`none` included) is refused.
    pub algorithms: Vec<JwsAlgorithm>,
    /// Where the JWS is: in the signature header (default), the whole body, or detached in the
    /// header with the body as its payload.
    #[serde(default, skip_serializing_if = "TokenPlace::is_header")]
    pub token: TokenPlace,
    /// The `iss` the token must carry.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub issuer: Option<String>,
    /// Claims that must be present (QStash's SDK requires `iss`, `sub`, `exp`, `nbf`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub required_claims: Vec<String>,
    /// The claim holding the hash of the body (`body`, `sha256`); empty when the token is the
    /// body or its payload is the body (then the signature itself covers the body).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub body_claim: String,
    /// The plain hash of the body in that claim.
    #[serde(default = "default_body_hash")]
    pub body_hash: Algorithm,
    /// How the claim writes the hash: `hex`, `base64` or `base64url` (padding ignored).
    #[serde(default = "default_body_hash_encoding")]
    pub body_hash_encoding: Encoding,
    /// Claims whose value must be a string holding JSON (Wix's `data`, which its SDK parses).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub json_claims: Vec<String>,
    /// `sub` must be the URL the delivery was sent to, when that URL is known (QStash).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub subject_is_url: bool,
    /// Seconds of clock skew allowed on `exp` and `nbf` (the SDK's default).
    #[serde(default)]
    pub leeway: u64,
    /// The oldest `iat` accepted, in seconds before now (Plaid: 300; `iat < now - max_age` is
    /// refused).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_age: Option<u64>,
    /// The SDK does not refuse an `iat` in the future (`jose`, `jsonwebtoken`, `python-jose`;
    /// PyJWT does refuse it).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub future_iat_allowed: bool,
    /// The token's header must name its key (`kid`), as the SDK looks the key up by it.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub kid_required: bool,
    /// A key marked retired in its JWK (Plaid's `expired_at`) is refused, as the SDK does.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub retired_keys_refused: bool,
}

fn default_body_hash() -> Algorithm {
    Algorithm::Sha256
}

fn default_body_hash_encoding() -> Encoding {
    Encoding::Hex
}

/// Where a scheme's JWS is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TokenPlace {
    /// A compact JWT in the signature header.
    #[default]
    Header,
    /// The whole body is a compact JWT (Wix).
    Body,
    /// `header..signature` in the signature header; the payload is the body (RFC 7515
    /// appendix F).
    Detached,
}

impl TokenPlace {
    fn is_header(&self) -> bool {
        *self == TokenPlace::Header
    }
}

/// A JWS `alg` a scheme may accept.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum JwsAlgorithm {
    /// HMAC-SHA256, keyed with a secret.
    #[serde(rename = "HS256")]
    Hs256,
    /// HMAC-SHA384, keyed with a secret.
    #[serde(rename = "HS384")]
    Hs384,
    /// HMAC-SHA512, keyed with a secret.
    #[serde(rename = "HS512")]
    Hs512,
    /// RSA PKCS#1 v1.5 with SHA-256.
    #[serde(rename = "RS256")]
    Rs256,
    /// RSA PKCS#1 v1.5 with SHA-384.
    #[serde(rename = "RS384")]
    Rs384,
    /// RSA PKCS#1 v1.5 with SHA-512.
    #[serde(rename = "RS512")]
    Rs512,
    /// ECDSA P-256 with SHA-256.
    #[serde(rename = "ES256")]
    Es256,
    /// ECDSA P-384 with SHA-384.
    #[serde(rename = "ES384")]
    Es384,
    /// ECDSA P-521 with SHA-512.
    #[serde(rename = "ES512")]
    Es512,
    /// Ed25519.
    #[serde(rename = "EdDSA")]
    EdDsa,
}

impl JwsAlgorithm {
    /// The `alg` as JOSE writes it (`HS256`).
    pub fn id(self) -> &'static str {
        match self {
            JwsAlgorithm::Hs256 => "HS256",
            JwsAlgorithm::Hs384 => "HS384",
            JwsAlgorithm::Hs512 => "HS512",
            JwsAlgorithm::Rs256 => "RS256",
            JwsAlgorithm::Rs384 => "RS384",
            JwsAlgorithm::Rs512 => "RS512",
            JwsAlgorithm::Es256 => "ES256",
            JwsAlgorithm::Es384 => "ES384",
            JwsAlgorithm::Es512 => "ES512",
            JwsAlgorithm::EdDsa => "EdDSA",
        }
    }

    /// True for the HMAC algs, keyed with a secret; every other is keyed with a public key.
    pub fn is_hmac(self) -> bool {
        matches!(
            self,
            JwsAlgorithm::Hs256 | JwsAlgorithm::Hs384 | JwsAlgorithm::Hs512
        )
    }

    pub(crate) fn hmac(self) -> Option<Algorithm> {
        match self {
            JwsAlgorithm::Hs256 => Some(Algorithm::HmacSha256),
            JwsAlgorithm::Hs384 => Some(Algorithm::HmacSha384),
            JwsAlgorithm::Hs512 => Some(Algorithm::HmacSha512),
            _ => None,
        }
    }

    /// The public key this alg needs, for messages.
    pub fn key_needed(self) -> &'static str {
        match self {
            JwsAlgorithm::Hs256 | JwsAlgorithm::Hs384 | JwsAlgorithm::Hs512 => "a secret",
            JwsAlgorithm::Rs256 | JwsAlgorithm::Rs384 | JwsAlgorithm::Rs512 => {
                "an RSA key of at least 2048 bits"
            }
            JwsAlgorithm::Es256 => "an EC P-256 key",
            JwsAlgorithm::Es384 => "an EC P-384 key",
            JwsAlgorithm::Es512 => "an EC P-521 key",
            JwsAlgorithm::EdDsa => "an Ed25519 key",
        }
    }
}

impl JwtSpec {
    /// Checks what serde cannot.
    pub fn validate(&self) -> Result<(), String> {
        if self.algorithms.is_empty() {
            return Err("`algorithms` needs at least one JWS alg (HS256)".to_owned());
        }
        match self.token {
            TokenPlace::Header if self.body_claim.is_empty() => {
                return Err(
                    "`body_claim` must name the claim holding the body's hash: without it any body passes with a replayed token"
                        .to_owned(),
                );
            }
            TokenPlace::Detached if !self.body_claim.is_empty() => {
                return Err("a detached JWS has no claims: its payload is the body, so `body_claim` does not apply".to_owned());
            }
            _ => {}
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

    /// True when some accepted alg is keyed with a secret (HS*).
    pub fn takes_secrets(&self) -> bool {
        self.algorithms.iter().any(|a| a.is_hmac())
    }

    /// True when some accepted alg is keyed with a public key (RS*, ES*, EdDSA).
    pub fn takes_public_keys(&self) -> bool {
        self.algorithms.iter().any(|a| !a.is_hmac())
    }
}
