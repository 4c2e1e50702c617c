//! How a scheme's signature is made: the algorithm, and a header that names it per delivery.

use serde::{Deserialize, Serialize};

/// How a scheme's signature is made.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Algorithm {
    /// HMAC-MD5 (legacy senders; MD5 is broken as a hash, but still keyed here).
    HmacMd5,
    /// HMAC-SHA1.
    HmacSha1,
    /// HMAC-SHA256.
    HmacSha256,
    /// HMAC-SHA384.
    HmacSha384,
    /// HMAC-SHA512.
    HmacSha512,
    /// A plain SHA-256 digest of the template (HubSpot v1/v2 put the secret inside it).
    Sha256,
    /// A plain MD5 digest of a template that holds `{secret}` (PayPro Global's `HASH`).
    Md5,
    /// A plain SHA-384 digest of a template that holds `{secret}` (Praxis).
    Sha384,
    /// An Ed25519 signature checked with the sender's public key.
    Ed25519,
    /// An ECDSA P-256/SHA-256 signature (DER) checked with the sender's public key.
    EcdsaP256,
    /// An ECDSA P-256 signature (DER) over the SHA-1 digest (eBay's notifications: Node's
    /// `ssl3-sha1`, PHP's `OPENSSL_ALGO_SHA1`).
    EcdsaP256Sha1,
    /// RSA PKCS#1 v1.5 with SHA-1, checked with the sender's certificate or public key (Amazon
    /// SNS SignatureVersion 1).
    RsaSha1,
    /// RSA PKCS#1 v1.5 with SHA-256 (Amazon SNS SignatureVersion 2, PayPal, Antom, Bridge).
    RsaSha256,
    /// RSA PKCS#1 v1.5 with SHA-512 (Fireblocks' legacy `Fireblocks-Signature`).
    RsaSha512,
    /// RSA-PSS with SHA-512, MGF1-SHA-512 and a 64-byte salt (Utila).
    RsaPssSha512,
    /// A JWT (compact JWS, HMAC `alg`) whose claims bind the body: the `jwt` table says how
    /// (Upstash QStash, Netlify).
    Jwt,
    /// The header carries the secret itself (GitLab, Telegram, header-token).
    Token,
    /// `Authorization: Basic` with the secret as `user:password`.
    Basic,
    /// The provider does not sign deliveries at all.
    None,
}

impl Algorithm {
    /// The name in scheme files and reports (`hmac-sha256`).
    pub fn id(self) -> &'static str {
        match self {
            Algorithm::HmacMd5 => "hmac-md5",
            Algorithm::HmacSha1 => "hmac-sha1",
            Algorithm::HmacSha256 => "hmac-sha256",
            Algorithm::HmacSha384 => "hmac-sha384",
            Algorithm::HmacSha512 => "hmac-sha512",
            Algorithm::Sha256 => "sha256",
            Algorithm::Md5 => "md5",
            Algorithm::Sha384 => "sha384",
            Algorithm::Ed25519 => "ed25519",
            Algorithm::EcdsaP256 => "ecdsa-p256",
            Algorithm::EcdsaP256Sha1 => "ecdsa-p256-sha1",
            Algorithm::RsaSha1 => "rsa-sha1",
            Algorithm::RsaSha256 => "rsa-sha256",
            Algorithm::RsaSha512 => "rsa-sha512",
            Algorithm::RsaPssSha512 => "rsa-pss-sha512",
            Algorithm::Jwt => "jwt",
            Algorithm::Token => "token",
            Algorithm::Basic => "basic",
            Algorithm::None => "none",
        }
    }

    /// Whether the algorithm is an HMAC keyed with the secret.
    pub fn is_hmac(self) -> bool {
        matches!(
            self,
            Algorithm::HmacMd5
                | Algorithm::HmacSha1
                | Algorithm::HmacSha256
                | Algorithm::HmacSha384
                | Algorithm::HmacSha512
        )
    }

    /// The plain hash named `sha256`, `sha384` or `md5` (for `{body_hash:…}`).
    pub fn plain_named(name: &str) -> Option<Algorithm> {
        [Algorithm::Sha256, Algorithm::Sha384, Algorithm::Md5]
            .into_iter()
            .find(|a| a.id() == name)
    }

    /// A plain digest, keyed only by a `{secret}` inside the signed content.
    pub fn is_plain_hash(self) -> bool {
        matches!(self, Algorithm::Sha256 | Algorithm::Md5 | Algorithm::Sha384)
    }

    /// An HMAC or plain digest: what hookcheck recomputes and compares.
    pub fn is_digest(self) -> bool {
        self.is_hmac() || self.is_plain_hash()
    }

    /// Whether the algorithm verifies with the sender's public key.
    pub fn is_asymmetric(self) -> bool {
        matches!(
            self,
            Algorithm::Ed25519 | Algorithm::EcdsaP256 | Algorithm::EcdsaP256Sha1
        ) || self.is_rsa()
    }

    /// An RSA signature (PKCS#1 v1.5 or PSS), checked with a certificate or RSA public key.
    pub fn is_rsa(self) -> bool {
        matches!(
            self,
            Algorithm::RsaSha1
                | Algorithm::RsaSha256
                | Algorithm::RsaSha512
                | Algorithm::RsaPssSha512
        )
    }

    /// Digest length in bytes for hash-based algorithms.
    pub fn digest_len(self) -> Option<usize> {
        match self {
            Algorithm::HmacMd5 | Algorithm::Md5 => Some(16),
            Algorithm::HmacSha1 => Some(20),
            Algorithm::HmacSha256 | Algorithm::Sha256 => Some(32),
            Algorithm::HmacSha384 | Algorithm::Sha384 => Some(48),
            Algorithm::HmacSha512 => Some(64),
            _ => None,
        }
    }
}

/// A header whose `item` (in a `,`-separated list of `name=value`) names the algorithm.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AlgorithmHeader {
    /// The header naming the algorithm.
    pub header: String,
    /// The item holding the algorithm's name (`algorithm`); empty when the whole value is the
    /// name (Amazon SNS's `SignatureVersion`).
    pub item: String,
    /// Names as sent, matched without case, and the algorithm each means.
    pub values: std::collections::BTreeMap<String, Algorithm>,
}

impl AlgorithmHeader {
    /// The algorithm `value` (the header as received) names, if it names a known one.
    pub fn algorithm_in(&self, value: &str) -> Option<Algorithm> {
        if self.item.is_empty() {
            let name = value.trim();
            return self
                .values
                .iter()
                .find(|(k, _)| k.eq_ignore_ascii_case(name))
                .map(|(_, a)| *a);
        }
        let name = value.split(',').find_map(|item| {
            let (k, v) = item.split_once('=')?;
            (k.trim() == self.item).then(|| v.trim())
        })?;
        self.values
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, a)| *a)
    }
}
