//! The secret newtype: never printed, only described by length and fingerprint.
//!
//! A secret keys MACs and is compared with tokens; it never verifies a public-key signature
//! (see [`PublicKey`](super::PublicKey)).

use std::fmt;

use sha2::{Digest, Sha256};

/// A shared secret as the user holds it (before the scheme's secret format decodes it).
#[derive(Clone, PartialEq, Eq)]
pub struct Secret {
    bytes: Vec<u8>,
    /// Computed once: batch reports show it for every delivery.
    fingerprint: String,
}

impl Secret {
    /// A secret from its bytes, exactly as given.
    pub fn new(bytes: impl Into<Vec<u8>>) -> Secret {
        let bytes = bytes.into();
        let fingerprint = fingerprint(&bytes);
        Secret { bytes, fingerprint }
    }

    /// The secret's bytes, for the MAC and token comparison only.
    pub fn expose(&self) -> &[u8] {
        &self.bytes
    }

    /// Length in bytes.
    pub fn len(&self) -> usize {
        self.bytes.len()
    }

    /// True when the secret has no bytes.
    pub fn is_empty(&self) -> bool {
        self.bytes.is_empty()
    }

    /// `sha256:` and the first 4 bytes of the SHA-256 of the secret, to tell keys apart.
    pub fn fingerprint(&self) -> &str {
        &self.fingerprint
    }

    /// Removes exactly one trailing "\n" or "\r\n" (what editors and `echo` add to a file).
    pub fn from_file_bytes(bytes: Vec<u8>) -> Secret {
        Secret::new(without_final_newline(bytes))
    }
}

/// A short, one-way tag to tell keys apart in reports: the first 4 bytes of SHA-256.
/// Four bytes identify a key among a handful without helping anyone guess it.
pub(crate) fn fingerprint(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    format!("sha256:{}", hex::encode(&digest[..4]))
}

/// The bytes without one trailing "\n" or "\r\n".
pub(crate) fn without_final_newline(mut bytes: Vec<u8>) -> Vec<u8> {
    if bytes.ends_with(b"\r\n") {
        bytes.truncate(bytes.len() - 2);
    } else if bytes.ends_with(b"\n") {
        bytes.truncate(bytes.len() - 1);
    }
    bytes
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Secret({} bytes, {})", self.len(), self.fingerprint())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_secret_loses_one_newline_only() {
        assert_eq!(Secret::from_file_bytes(b"abc\n".to_vec()).expose(), b"abc");
        assert_eq!(
            Secret::from_file_bytes(b"abc\r\n".to_vec()).expose(),
            b"abc"
        );
        assert_eq!(
            Secret::from_file_bytes(b"abc\n\n".to_vec()).expose(),
            b"abc\n"
        );
        assert_eq!(
            Secret::from_file_bytes(b" abc ".to_vec()).expose(),
            b" abc "
        );
    }

    #[test]
    fn debug_never_shows_the_bytes() {
        let s = Secret::new("hunter2-very-secret");
        let shown = format!("{s:?}");
        assert!(!shown.contains("hunter2"));
        assert!(shown.contains("19 bytes"));
    }
}
