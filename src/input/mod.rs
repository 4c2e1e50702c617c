//! What the user gave: the delivery (headers, body, URL) and the keys.

pub mod certificate;
pub mod headers;
pub mod jwks;
pub mod keys;
pub mod public_key;
pub mod request;
pub mod secret;

pub use headers::Headers;
pub use keys::{Key, Keys};
pub use public_key::PublicKey;
pub use secret::Secret;

/// One webhook delivery as the receiver got it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Delivery {
    /// The headers, names compared without case, repeats kept in order.
    pub headers: Headers,
    /// The raw body bytes, exactly as received.
    pub body: Vec<u8>,
    /// The URL the sender called, for schemes that sign it.
    pub url: Option<String>,
    /// The HTTP method, for schemes that sign it.
    pub method: Option<String>,
    /// `--timestamp` for schemes that carry it inside the signature header (Stripe's `t=`).
    pub timestamp_override: Option<String>,
    /// `--param NAME=VALUE`: configuration a scheme signs that the delivery does not carry
    /// (PayPal's webhook id), read as `param:NAME`.
    pub params: Vec<(String, String)>,
}

impl Delivery {
    /// A delivery of these headers and raw body, with no URL or method.
    pub fn new(headers: Headers, body: impl Into<Vec<u8>>) -> Delivery {
        Delivery {
            headers,
            body: body.into(),
            ..Delivery::default()
        }
    }

    /// The same delivery (headers, URL, method, parameters) with another body; the old body
    /// is not copied, which matters when a diagnosis tries many bodies of a large delivery.
    #[must_use]
    pub fn with_body(&self, body: Vec<u8>) -> Delivery {
        Delivery {
            headers: self.headers.clone(),
            body,
            url: self.url.clone(),
            method: self.method.clone(),
            timestamp_override: self.timestamp_override.clone(),
            params: self.params.clone(),
        }
    }
}

impl Delivery {
    /// The values of a named part of the delivery: a header (`X-Signature`), a JSON body field
    /// (`body:signature.token`, dots between keys, numbers index arrays) or a URL query
    /// parameter (`query:signature`), or a field of a form body (`form:hash`, URL-decoded).
    /// Schemes name where they read in this one syntax.
    pub fn values(&self, name: &str) -> Vec<String> {
        if let Some(param) = name.strip_prefix("param:") {
            return self
                .params
                .iter()
                .filter(|(k, _)| k == param)
                .map(|(_, v)| v.clone())
                .collect();
        }
        if let Some(path) = name.strip_prefix("body:") {
            return json_field(&self.body, path).into_iter().collect();
        }
        if let Some(field) = name.strip_prefix("form:") {
            return form_values(&self.body, field);
        }
        if let Some(param) = name.strip_prefix("query:") {
            let query = self
                .url
                .as_deref()
                .and_then(|u| u.split_once('?'))
                .map_or("", |(_, q)| q);
            return form_urlencoded::parse(query.as_bytes())
                .filter(|(k, _)| k == param)
                .map(|(_, v)| v.into_owned())
                .collect();
        }
        self.headers.get_all(name).map(str::to_owned).collect()
    }

    /// Whether the delivery has the named part (see [`Delivery::values`] for the syntax).
    pub fn has(&self, name: &str) -> bool {
        if !name.contains(':') {
            return self.headers.contains(name);
        }
        if let Some(path) = name.strip_prefix("body:") {
            // Auto-detection asks every scheme; parse the body only when the field's last key
            // is in it at all.
            let last = path.rsplit('.').next().unwrap_or(path);
            let quoted = format!("\"{last}\"");
            let found = self
                .body
                .iter()
                .enumerate()
                .any(|(i, &b)| b == b'"' && self.body[i..].starts_with(quoted.as_bytes()));
            if !found {
                return false;
            }
        }
        !self.values(name).is_empty()
    }
}

/// A field of a JSON body as text: strings as they are, numbers and booleans as JSON writes them.
fn json_field(body: &[u8], path: &str) -> Option<String> {
    let value: serde_json::Value = serde_json::from_slice(body).ok()?;
    let mut at = &value;
    for key in path.split('.') {
        at = match at {
            serde_json::Value::Array(items) => items.get(key.parse::<usize>().ok()?)?,
            other => other.get(key)?,
        };
    }
    match at {
        serde_json::Value::String(s) => Some(s.clone()),
        serde_json::Value::Null | serde_json::Value::Object(_) | serde_json::Value::Array(_) => {
            None
        }
        other => Some(other.to_string()),
    }
}

/// The values of a field of an `application/x-www-form-urlencoded` body, URL-decoded; none for
/// a JSON body (a JSON text is not read as a form even where it holds `=`).
fn form_values(body: &[u8], field: &str) -> Vec<String> {
    let text = body.trim_ascii();
    if text.starts_with(b"{") || text.starts_with(b"[") {
        return Vec::new();
    }
    form_urlencoded::parse(text)
        .filter(|(k, _)| k == field)
        .map(|(_, v)| v.into_owned())
        .collect()
}

/// How a part named in `Delivery::values` syntax reads in a message.
pub fn describe_part(name: &str) -> String {
    if let Some(path) = name.strip_prefix("body:") {
        format!("body field {path}")
    } else if let Some(field) = name.strip_prefix("form:") {
        format!("form field {field}")
    } else if let Some(item) = name.strip_prefix("item:") {
        format!("signature header item {item}")
    } else if let Some(param) = name.strip_prefix("query:") {
        format!("query parameter {param}")
    } else if let Some(param) = name.strip_prefix("param:") {
        format!("parameter {param} (--param {param}=VALUE)")
    } else {
        format!("header {name}")
    }
}
