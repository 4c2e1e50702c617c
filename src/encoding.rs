//! Lenient base64, as signatures, secrets, keys and tokens are pasted: padded or not.

use base64::Engine as _;
use base64::engine::general_purpose::{STANDARD, STANDARD_NO_PAD, URL_SAFE, URL_SAFE_NO_PAD};

/// Standard base64 with or without its `=` padding.
pub(crate) fn base64(text: impl AsRef<[u8]>) -> Option<Vec<u8>> {
    let text = text.as_ref();
    STANDARD
        .decode(text)
        .or_else(|_| STANDARD_NO_PAD.decode(text))
        .ok()
}

/// URL-safe base64 (`-` and `_`) with or without its `=` padding.
pub(crate) fn base64url(text: impl AsRef<[u8]>) -> Option<Vec<u8>> {
    let text = text.as_ref();
    URL_SAFE_NO_PAD
        .decode(text)
        .or_else(|_| URL_SAFE.decode(text))
        .ok()
}

/// Standard base64 (padded or not), else unpadded URL-safe base64: how key files are pasted.
pub(crate) fn base64_or_unpadded_url(text: impl AsRef<[u8]>) -> Option<Vec<u8>> {
    let text = text.as_ref();
    base64(text).or_else(|| URL_SAFE_NO_PAD.decode(text).ok())
}
