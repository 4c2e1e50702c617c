//! Public-key signatures: Ed25519 (Discord, Telnyx, Standard Webhooks `v1a`), ECDSA
//! P-256/SHA-256 (SendGrid) and RSA (PKCS#1 v1.5 with SHA-1, SHA-256 or SHA-512, PSS with
//! SHA-512: `crate::rsa_signature`; Amazon SNS, PayPal, Fireblocks, Utila, ...). Keys may be
//! given as hex, base64, base64 DER SPKI or PEM, with a `whpk_` prefix for Standard Webhooks;
//! RSA keys also as an X.509 certificate (PEM or DER), whose public key is used. Certificates are
//! read offline only: their chain and validity dates are not checked (the user vouches for the
//! certificate given).

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use p256::ecdsa::signature::Verifier as _;
use p256::pkcs8::DecodePublicKey as _;

use crate::input::PublicKey;
use crate::input::jwks::{self, AnyKey, KeyMaterial};
use crate::scheme::Algorithm;

/// The DER prefix of an Ed25519 SubjectPublicKeyInfo; the 32 key bytes follow it.
pub(crate) const ED25519_SPKI_PREFIX: [u8; 12] = [
    0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00,
];

/// A public key parsed for one algorithm.
pub enum VerifyingKey {
    Ed25519(ed25519_dalek::VerifyingKey),
    P256(p256::ecdsa::VerifyingKey),
    /// A P-256 key whose signatures are over the SHA-1 digest (eBay).
    P256Sha1(p256::ecdsa::VerifyingKey),
    /// An RSA key and the RSA algorithm (padding and hash) it checks.
    Rsa {
        key: rsa::RsaPublicKey,
        algorithm: Algorithm,
    },
}

/// Reads a public key for `algorithm` from the text the user gave.
pub fn parse(algorithm: Algorithm, key: &PublicKey) -> Result<VerifyingKey, String> {
    if crate::input::jwks::is_json(key.text()) {
        return from_jwk(algorithm, key.text());
    }
    let bytes = match std::str::from_utf8(key.text()) {
        Ok(text) => decode_key_text(text).ok_or_else(|| "is not hex, base64 or PEM".to_owned())?,
        // A DER file (a certificate saved as .cer/.der) is binary.
        Err(_) if key.text().first() == Some(&0x30) => key.text().to_vec(),
        Err(_) => return Err("is not text, nor DER".to_owned()),
    };
    match algorithm {
        rsa if rsa.is_rsa() => crate::input::certificate::rsa_public_key(&bytes)
            .map(|key| VerifyingKey::Rsa { key, algorithm })
            .ok_or_else(|| {
                "is not an RSA public key (X.509 certificate, SPKI or PKCS#1; PEM or DER)"
                    .to_owned()
            }),
        Algorithm::Ed25519 => {
            let raw = match bytes.len() {
                32 => &bytes[..],
                44 if bytes.starts_with(&ED25519_SPKI_PREFIX) => &bytes[12..],
                n => return Err(format!("is {n} bytes, not a 32-byte Ed25519 public key")),
            };
            let array: [u8; 32] = raw.try_into().map_err(|_| "is not 32 bytes".to_owned())?;
            ed25519_dalek::VerifyingKey::from_bytes(&array)
                .map(VerifyingKey::Ed25519)
                .map_err(|_| "is not a valid Ed25519 point".to_owned())
        }
        Algorithm::EcdsaP256 | Algorithm::EcdsaP256Sha1 => {
            p256::ecdsa::VerifyingKey::from_public_key_der(&bytes)
                .or_else(|_| p256::ecdsa::VerifyingKey::from_sec1_bytes(&bytes))
                .map(|k| {
                    if algorithm == Algorithm::EcdsaP256Sha1 {
                        VerifyingKey::P256Sha1(k)
                    } else {
                        VerifyingKey::P256(k)
                    }
                })
                .map_err(|_| "is not a P-256 public key (DER SPKI or SEC1 point)".to_owned())
        }
        _ => Err(format!("{} is not a public-key algorithm", algorithm.id())),
    }
}

/// A JWK (one key of a `--jwks-file` set) as the key `algorithm` needs: OKP Ed25519 for
/// Ed25519 (Standard Webhooks `v1a` keys published as JWKS), EC P-256 for ECDSA, RSA for RSA.
fn from_jwk(algorithm: Algorithm, text: &[u8]) -> Result<VerifyingKey, String> {
    let jwk = any_key(text)?;
    match (algorithm, jwk.key) {
        (Algorithm::Ed25519, KeyMaterial::Ed25519(k)) => Ok(VerifyingKey::Ed25519(k)),
        (Algorithm::EcdsaP256, KeyMaterial::P256(k)) => Ok(VerifyingKey::P256(k)),
        (Algorithm::EcdsaP256Sha1, KeyMaterial::P256(k)) => Ok(VerifyingKey::P256Sha1(k)),
        (a, KeyMaterial::Rsa(key)) if a.is_rsa() => Ok(VerifyingKey::Rsa { key, algorithm: a }),
        (_, other) => Err(format!(
            "is {}, not a key for {}",
            other.describe(),
            algorithm.id()
        )),
    }
}

/// PEM armour, `whpk_`, hex, or base64 (standard or URL-safe, padded or not) → bytes.
/// Whitespace is allowed only between PEM lines, so a stray space is reported, not hidden.
pub(crate) fn decode_key_text(text: &str) -> Option<Vec<u8>> {
    if let Some(rest) = text.strip_prefix("-----BEGIN ") {
        // The label ends at the next `-----`; the base64 runs to `-----END`, on its own lines or,
        // as eBay's getPublicKey answers, on the same line as both markers.
        let (_, after_label) = rest.split_once("-----")?;
        let (base64, _) = after_label.split_once("-----END")?;
        let body: String = base64.lines().map(str::trim).collect();
        return STANDARD.decode(body).ok();
    }
    let text = text.strip_prefix("whpk_").unwrap_or(text);
    if text.len() % 2 == 0 && text.bytes().all(|b| b.is_ascii_hexdigit()) {
        return hex::decode(text).ok();
    }
    crate::encoding::base64_or_unpadded_url(text)
}

/// Whether `signature` (raw 64 bytes, or DER for ECDSA) signs `message` under `key`.
///
/// ECDSA signatures in high-S form are accepted, as SendGrid's official verifiers
/// (`@sendgrid/eventwebhook` and the Python library, both on starkbank-ecdsa) accept them;
/// [`is_high_s`] lets a report say so.
pub fn verify(key: &VerifyingKey, message: &[u8], signature: &[u8]) -> bool {
    match key {
        VerifyingKey::Ed25519(k) => match <[u8; 64]>::try_from(signature) {
            Ok(bytes) => k
                .verify_strict(message, &ed25519_dalek::Signature::from_bytes(&bytes))
                .is_ok(),
            Err(_) => false,
        },
        VerifyingKey::P256(k) => {
            ecdsa_signature(signature).is_some_and(|s| k.verify(message, &s).is_ok())
        }
        VerifyingKey::P256Sha1(k) => {
            use p256::ecdsa::signature::hazmat::PrehashVerifier as _;
            use sha1::Digest as _;
            let digest = sha1::Sha1::digest(message);
            ecdsa_signature(signature).is_some_and(|s| k.verify_prehash(&digest, &s).is_ok())
        }
        VerifyingKey::Rsa { key, algorithm } => {
            crate::rsa_signature::verify(key, *algorithm, message, signature)
        }
    }
}

fn ecdsa_signature(signature: &[u8]) -> Option<p256::ecdsa::Signature> {
    p256::ecdsa::Signature::from_der(signature)
        .or_else(|_| p256::ecdsa::Signature::from_slice(signature))
        .ok()
}

/// True for an ECDSA signature whose `s` is in the upper half of the group order: the
/// malleable twin of a low-S signature, which strict verifiers (Bitcoin, some JOSE libraries)
/// refuse and SendGrid's accept.
pub fn is_high_s(key: &VerifyingKey, signature: &[u8]) -> bool {
    matches!(key, VerifyingKey::P256(_) | VerifyingKey::P256Sha1(_))
        && ecdsa_signature(signature).is_some_and(|s| s.normalize_s().is_some())
}

/// Reads one public key of any format (for the JWT family, whose `alg` picks the type): a JWK, or PEM/DER/hex/base64 (X.509 certificate, SPKI,
/// PKCS#1 RSA, SEC1 EC point, raw 32-byte Ed25519 key).
pub fn any_key(text: &[u8]) -> Result<AnyKey, String> {
    if jwks::is_json(text) {
        let parts = jwks::split(text)?;
        if parts.len() != 1 {
            return Err(format!("is a key set of {} keys, not one key", parts.len()));
        }
        return if jwks::is_json(&parts[0]) {
            jwks::parse_jwk(&parts[0])
        } else {
            any_key(&parts[0])
        };
    }
    let bytes = match std::str::from_utf8(text) {
        Ok(t) => decode_key_text(t).ok_or_else(|| "is not a JWK, hex, base64 or PEM".to_owned())?,
        Err(_) => text.to_vec(),
    };
    let key = crate::input::certificate::rsa_public_key(&bytes)
        .map(KeyMaterial::Rsa)
        .or_else(|| {
            use p256::pkcs8::DecodePublicKey as _;
            p256::ecdsa::VerifyingKey::from_public_key_der(&bytes)
                .or_else(|_| p256::ecdsa::VerifyingKey::from_sec1_bytes(&bytes))
                .ok()
                .map(KeyMaterial::P256)
        })
        .or_else(|| {
            use p384::pkcs8::DecodePublicKey as _;
            p384::ecdsa::VerifyingKey::from_public_key_der(&bytes)
                .or_else(|_| p384::ecdsa::VerifyingKey::from_sec1_bytes(&bytes))
                .ok()
                .map(KeyMaterial::P384)
        })
        .or_else(|| {
            use p521::pkcs8::DecodePublicKey as _;
            let sec1 = p521::PublicKey::from_public_key_der(&bytes)
                .map_or_else(|_| bytes.clone(), |k| k.to_sec1_bytes().to_vec());
            p521::ecdsa::VerifyingKey::from_sec1_bytes(&sec1)
                .ok()
                .map(|k| KeyMaterial::P521(Box::new(k)))
        })
        .or_else(|| {
            let raw = match bytes.len() {
                32 => &bytes[..],
                44 if bytes.starts_with(&ED25519_SPKI_PREFIX) => &bytes[12..],
                _ => return None,
            };
            ed25519_dalek::VerifyingKey::from_bytes(raw.try_into().ok()?)
                .ok()
                .map(KeyMaterial::Ed25519)
        })
        .ok_or_else(|| {
            "is not an RSA, EC (P-256/384/521) or Ed25519 public key (JWK, PEM, DER, X.509)"
                .to_owned()
        })?;
    Ok(AnyKey {
        kid: None,
        alg: None,
        retired: false,
        key,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    // RFC 8032 section 7.1, TEST 2: public key, message 0x72, signature.
    #[test]
    fn rfc8032_test_2() {
        let key = parse(
            Algorithm::Ed25519,
            &PublicKey::new("3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c"),
        )
        .unwrap();
        let sig = hex::decode("92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00").unwrap();
        assert!(verify(&key, &[0x72], &sig));
        assert!(!verify(&key, &[0x73], &sig));
    }

    #[test]
    fn key_encodings() {
        let hex_key = "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c";
        let raw = hex::decode(hex_key).unwrap();
        let spki = [ED25519_SPKI_PREFIX.to_vec(), raw.clone()].concat();
        let pem = format!(
            "-----BEGIN PUBLIC KEY-----\n{}\n-----END PUBLIC KEY-----\n",
            STANDARD.encode(&spki)
        );
        for text in [
            hex_key.to_owned(),
            STANDARD.encode(&raw),
            STANDARD.encode(&spki),
            pem,
            format!("whpk_{}", STANDARD.encode(&raw)),
        ] {
            assert!(
                parse(Algorithm::Ed25519, &PublicKey::new(text.as_bytes())).is_ok(),
                "{text}"
            );
        }
        assert!(parse(Algorithm::Ed25519, &PublicKey::new(format!("{hex_key} "))).is_err());
    }
}
