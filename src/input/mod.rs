//! What the user gave: the delivery (headers, body, URL) and the keys.

pub mod headers;
pub mod request;
pub mod secret;
pub mod source;

pub use headers::Headers;
pub use secret::Secret;
pub use source::StdinGuard;

/// One webhook delivery as the receiver got it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Delivery {
    pub headers: Headers,
    /// The raw body bytes, exactly as received.
    pub body: Vec<u8>,
    pub url: Option<String>,
    pub method: Option<String>,
    /// `--timestamp` for schemes that carry it inside the signature header (Stripe's `t=`).
    pub timestamp_override: Option<String>,
}

impl Delivery {
    pub fn new(headers: Headers, body: impl Into<Vec<u8>>) -> Delivery {
        Delivery {
            headers,
            body: body.into(),
            ..Delivery::default()
        }
    }
}
