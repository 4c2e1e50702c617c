//! The public-key newtype: what the sender publishes to check Ed25519 or ECDSA signatures.
//!
//! A public key is public by definition, so it must never key an HMAC: anyone could forge with
//! it. It is a separate type from [`Secret`](super::Secret) so that the compiler refuses the mix;
//! the engine reads public keys only through `crate::asymmetric::parse`.

use std::fmt;

/// A public key as the user gave it (hex, base64, DER or PEM text); parsed per algorithm.
#[derive(Clone, PartialEq, Eq)]
pub struct PublicKey {
    text: Vec<u8>,
    fingerprint: String,
}

impl PublicKey {
    /// A public key from its text, exactly as given.
    pub fn new(text: impl Into<Vec<u8>>) -> PublicKey {
        let text = text.into();
        let fingerprint = super::secret::fingerprint(&text);
        PublicKey { text, fingerprint }
    }

    /// Removes exactly one trailing "\n" or "\r\n" (what editors add to a key file).
    pub fn from_file_bytes(bytes: Vec<u8>) -> PublicKey {
        PublicKey::new(super::secret::without_final_newline(bytes))
    }

    /// The key's text, for the parser in `crate::asymmetric`.
    pub fn text(&self) -> &[u8] {
        &self.text
    }

    /// Length of the key's text in bytes.
    pub fn len(&self) -> usize {
        self.text.len()
    }

    /// True when no text was given.
    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }

    /// `sha256:` and the first 4 bytes of the SHA-256 of the text, to tell keys apart.
    pub fn fingerprint(&self) -> &str {
        &self.fingerprint
    }
}

impl fmt::Debug for PublicKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "PublicKey({} bytes, {})", self.len(), self.fingerprint)
    }
}
