//! RSA signatures through RustCrypto's `rsa`: PKCS#1 v1.5 with SHA-1, SHA-256 or SHA-512
//! (Amazon SNS, PayPal, Antom, Bridge, Fireblocks) and PSS with SHA-512 (Utila).
//!
//! Beside the verdict, [`recover`] reads which digest a PKCS#1 v1.5 signature carries (raw RSA
//! with the public key, as any verifier does before comparing). The diagnosis uses it to tell a
//! signature made with another key from one made with this key over other content (a PayPal
//! webhook id that is not the delivery's); it never decides a verdict.

use rsa::RsaPublicKey;
use rsa::traits::PublicKeyParts as _;
use sha2::Digest as _;

use crate::scheme::Algorithm;

/// The DER DigestInfo prefixes of PKCS#1 v1.5 signatures (RFC 8017 section 9.2, note 1).
const SHA1_DIGEST_INFO: [u8; 15] = [
    0x30, 0x21, 0x30, 0x09, 0x06, 0x05, 0x2b, 0x0e, 0x03, 0x02, 0x1a, 0x05, 0x00, 0x04, 0x14,
];
const SHA256_DIGEST_INFO: [u8; 19] = [
    0x30, 0x31, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x01, 0x05,
    0x00, 0x04, 0x20,
];
const SHA512_DIGEST_INFO: [u8; 19] = [
    0x30, 0x51, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x03, 0x05,
    0x00, 0x04, 0x40,
];

/// The PKCS#1 v1.5 algorithms and their DigestInfo prefixes.
const PKCS1: [(Algorithm, &[u8]); 3] = [
    (Algorithm::RsaSha1, &SHA1_DIGEST_INFO),
    (Algorithm::RsaSha256, &SHA256_DIGEST_INFO),
    (Algorithm::RsaSha512, &SHA512_DIGEST_INFO),
];

/// The digest of `message` that an RSA `algorithm` signs.
pub fn hash(algorithm: Algorithm, message: &[u8]) -> Vec<u8> {
    match algorithm {
        Algorithm::RsaSha1 => sha1::Sha1::digest(message).to_vec(),
        Algorithm::RsaSha512 | Algorithm::RsaPssSha512 => sha2::Sha512::digest(message).to_vec(),
        _ => sha2::Sha256::digest(message).to_vec(),
    }
}

/// Whether `signature` is `algorithm`'s signature of `message` under `key`.
pub fn verify(key: &RsaPublicKey, algorithm: Algorithm, message: &[u8], signature: &[u8]) -> bool {
    let hashed = hash(algorithm, message);
    if algorithm == Algorithm::RsaPssSha512 {
        // Salt of the digest's length, as Utila's documented verifier (RSA_PSS_SALTLEN_DIGEST).
        return key
            .verify(rsa::Pss::new::<sha2_010::Sha512>(), &hashed, signature)
            .is_ok();
    }
    let Some((_, prefix)) = PKCS1.iter().find(|(a, _)| *a == algorithm) else {
        return false;
    };
    let scheme = rsa::Pkcs1v15Sign {
        hash_len: Some(hashed.len()),
        prefix: (*prefix).into(),
    };
    key.verify(scheme, &hashed, signature).is_ok()
}

/// What a PKCS#1 v1.5 signature was made over, read with the public key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recovered {
    /// The algorithm its DigestInfo names.
    pub algorithm: Algorithm,
    /// The digest it signs.
    pub digest: Vec<u8>,
}

/// The digest `signature` carries when `key`'s owner made it as a PKCS#1 v1.5 signature
/// (SHA-1, SHA-256 or SHA-512); None when it was not made with this key that way.
pub fn recover(key: &RsaPublicKey, signature: &[u8]) -> Option<Recovered> {
    let size = key.size();
    if signature.len() != size {
        return None;
    }
    let s = rsa::BigUint::from_bytes_be(signature);
    if &s >= key.n() {
        return None;
    }
    let m = rsa::hazmat::rsa_encrypt(key, &s).ok()?.to_bytes_be();
    // Left-pad to the key's size: EM = 00 01 FF..FF 00 DigestInfo.
    let mut em = vec![0; size.checked_sub(m.len())?];
    em.extend_from_slice(&m);
    let rest = em.strip_prefix(&[0x00, 0x01])?;
    let pad = rest.iter().take_while(|&&b| b == 0xff).count();
    let rest = rest[pad..].strip_prefix(&[0x00])?;
    if pad < 8 {
        return None;
    }
    PKCS1.iter().find_map(|(algorithm, prefix)| {
        let digest = rest.strip_prefix(*prefix)?;
        (digest.len() == hash(*algorithm, b"").len()).then(|| Recovered {
            algorithm: *algorithm,
            digest: digest.to_vec(),
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use base64::Engine as _;

    /// Bridge's documented example: SHA256withRSA over SHA-256(`{t}.{body}`).
    const BRIDGE_KEY: &str = include_str!("../fixtures/bridge-xyz/bridge-docs.pem");
    const BRIDGE_SIG: &str = "jz/0dmHJ63FAzacGutrDTEoq+iSz/PHm/ugdooXDQu5NwuVIT2LmZGjsnCsBHgR9Py6OBP9zurzW4dHgygU4EDqmMPTUOvhvndYb4lWt+TY66LihaFI2whL6DAf/jb1QjYjNU0A6x9SLzC45dgE6X7zTDUM+2Z+scG/WEQf6SxQMt4E2sEipl5PqMK5lYUe3otdJV+X2c9D64bGwCEE7QSia+Vhozg8QNOQEk/rdz2IEONIg6oC43CeiN4E2kF9XLAGuy9uAHx9O9OJH5ZPLJZjyo4VcXYeWQgxaQ1gZ1Qu6hEEzgiPSff/1nou58dm4bIIazgCWli/mO0NyGcpfFw==";

    fn bridge_key() -> RsaPublicKey {
        use rsa::pkcs8::DecodePublicKey as _;
        RsaPublicKey::from_public_key_pem(BRIDGE_KEY).unwrap()
    }

    #[test]
    fn bridge_docs_example_verifies_and_recovers() {
        let key = bridge_key();
        let sig = base64::engine::general_purpose::STANDARD
            .decode(BRIDGE_SIG)
            .unwrap();
        let content = b"1705854411204.{\"message\":\"Hello World!\"}";
        let digest = sha2::Sha256::digest(content).to_vec();
        assert!(verify(&key, Algorithm::RsaSha256, &digest, &sig));
        assert!(!verify(&key, Algorithm::RsaSha256, content, &sig));
        assert!(!verify(&key, Algorithm::RsaSha512, &digest, &sig));
        let recovered = recover(&key, &sig).expect("made with this key");
        assert_eq!(recovered.algorithm, Algorithm::RsaSha256);
        assert_eq!(recovered.digest, sha2::Sha256::digest(&digest).to_vec());
        let mut other = sig.clone();
        other[10] ^= 1;
        assert_eq!(recover(&key, &other), None);
        assert_eq!(recover(&key, &sig[1..]), None);
    }
}
