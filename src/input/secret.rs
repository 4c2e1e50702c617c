//! The secret newtype: never printed, only described by length and fingerprint.

use std::fmt;

use sha2::{Digest, Sha256};

#[derive(Clone, PartialEq, Eq)]
pub struct Secret {
    bytes: Vec<u8>,
    /// Computed once: batch reports show it for every delivery.
    fingerprint: String,
}

impl Secret {
    pub fn new(bytes: impl Into<Vec<u8>>) -> Secret {
        let bytes = bytes.into();
        // A short, one-way tag to tell keys apart in reports: the first 4 bytes of SHA-256.
        // Four bytes identify a key among a handful without helping anyone guess it.
        let digest = Sha256::digest(&bytes);
        let fingerprint = format!("sha256:{}", hex::encode(&digest[..4]));
        Secret { bytes, fingerprint }
    }

    pub fn expose(&self) -> &[u8] {
        &self.bytes
    }

    pub fn len(&self) -> usize {
        self.bytes.len()
    }

    pub fn is_empty(&self) -> bool {
        self.bytes.is_empty()
    }

    pub fn fingerprint(&self) -> String {
        self.fingerprint.clone()
    }

    /// Removes exactly one trailing "\n" or "\r\n" (what editors and `echo` add to a file).
    pub fn from_file_bytes(mut bytes: Vec<u8>) -> Secret {
        if bytes.ends_with(b"\r\n") {
            bytes.truncate(bytes.len() - 2);
        } else if bytes.ends_with(b"\n") {
            bytes.truncate(bytes.len() - 1);
        }
        Secret::new(bytes)
    }
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
