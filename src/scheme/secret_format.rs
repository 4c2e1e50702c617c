//! How the secret a user holds becomes key bytes.

use serde::{Deserialize, Serialize};

/// How the secret a user holds becomes the key bytes.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum SecretFormat {
    /// The secret's UTF-8 bytes, unchanged (Stripe uses even its `whsec_` string this way).
    #[default]
    Utf8,
    /// `whsec_` + base64: strip the prefix, base64-decode (Standard Webhooks, Svix).
    WhsecBase64,
    /// Base64 of the key bytes.
    Base64,
    /// Hexadecimal of the key bytes.
    Hex,
    /// HTML entities decoded (`&amp;` → `&`), as WordPress's `wp_specialchars_decode(…,
    /// ENT_QUOTES)` does to WooCommerce secrets before signing.
    HtmlEntities,
    /// An API key whose `sk_` / `pk_` prefix is dropped; the rest's UTF-8 bytes are the key
    /// (clearbit-ruby `Webhook.valid?`: `key.gsub(/\A(pk|sk)_/, '')`).
    UnprefixedKey,
}

impl SecretFormat {
    /// The name in scheme files (`utf8`, `whsec`, ...).
    pub fn id(self) -> &'static str {
        match self {
            SecretFormat::Utf8 => "utf8",
            SecretFormat::WhsecBase64 => "whsec-base64",
            SecretFormat::Base64 => "base64",
            SecretFormat::Hex => "hex",
            SecretFormat::HtmlEntities => "html-entities",
            SecretFormat::UnprefixedKey => "unprefixed-key",
        }
    }
}

/// Why a secret cannot become a key; the text reads after "the secret" or "key 2".
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum KeyError {
    /// It decodes to no bytes: an HMAC with an empty key is one anybody can compute.
    #[error("decodes to an empty key as {0}")]
    Empty(&'static str),
    /// It is not written in the format the scheme reads (`is not base64`).
    #[error("{0}")]
    Format(String),
}

impl SecretFormat {
    /// Turns the secret the user holds into HMAC key bytes, as the provider's SDK does.
    ///
    /// An empty result is an error whatever the text was (`whsec_` alone decodes to nothing):
    /// an HMAC with an empty key is one anybody can compute.
    pub fn key(self, secret: &[u8]) -> Result<Vec<u8>, KeyError> {
        match self.decode(secret).map_err(KeyError::Format)? {
            key if key.is_empty() => Err(KeyError::Empty(self.id())),
            key => Ok(key),
        }
    }

    fn decode(self, secret: &[u8]) -> Result<Vec<u8>, String> {
        match self {
            SecretFormat::Utf8 => Ok(secret.to_vec()),
            SecretFormat::WhsecBase64 => {
                let rest = secret.strip_prefix(b"whsec_").unwrap_or(secret);
                crate::encoding::base64(rest)
                    .ok_or_else(|| "is not base64 after its whsec_ prefix".to_owned())
            }
            SecretFormat::Base64 => {
                crate::encoding::base64(secret).ok_or_else(|| "is not base64".to_owned())
            }
            SecretFormat::Hex => hex::decode(secret).map_err(|_| "is not hexadecimal".to_owned()),
            SecretFormat::HtmlEntities => {
                let mut text = String::from_utf8_lossy(secret).into_owned();
                for (entity, plain) in [
                    ("&lt;", "<"),
                    ("&gt;", ">"),
                    ("&quot;", "\""),
                    ("&#039;", "'"),
                    ("&#39;", "'"),
                    ("&amp;", "&"),
                ] {
                    text = text.replace(entity, plain);
                }
                Ok(text.into_bytes())
            }
            SecretFormat::UnprefixedKey => Ok(["sk_", "pk_"]
                .iter()
                .find_map(|p| secret.strip_prefix(p.as_bytes()))
                .unwrap_or(secret)
                .to_vec()),
        }
    }
}
