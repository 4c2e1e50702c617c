//! HAR 1.2 (a browser's or proxy's export): every entry's request is a delivery.

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use serde::Deserialize;

use crate::input::{Delivery, Headers};

use super::{Entry, Item};

#[derive(Deserialize)]
struct Har {
    log: Log,
}

#[derive(Deserialize)]
struct Log {
    entries: Vec<HarEntry>,
}

#[derive(Deserialize)]
struct HarEntry {
    request: Request,
}

#[derive(Deserialize)]
struct Request {
    method: String,
    url: String,
    #[serde(default)]
    headers: Vec<NameValue>,
    #[serde(default, rename = "postData")]
    post_data: Option<PostData>,
}

#[derive(Deserialize)]
struct NameValue {
    name: String,
    value: String,
}

#[derive(Deserialize)]
struct PostData {
    #[serde(default)]
    text: String,
    /// Not in HAR 1.2 for postData, but some exporters add it for binary bodies.
    #[serde(default)]
    encoding: Option<String>,
}

/// Every request in a HAR document; a document that does not parse is one error row.
pub fn entries(bytes: &[u8], file: &str) -> Vec<Entry> {
    let har: Har = match serde_json::from_slice(bytes) {
        Ok(h) => h,
        Err(e) => {
            return vec![Entry::Error {
                source: file.to_owned(),
                message: format!("not a HAR 1.2 document: {e}"),
            }];
        }
    };
    har.log
        .entries
        .into_iter()
        .enumerate()
        .map(|(i, e)| {
            let source = format!("{file}#{}", i + 1);
            let r = e.request;
            let mut headers = Headers::new();
            // HTTP/2 exports carry pseudo-headers (`:authority`); they are not request headers.
            for h in r.headers.into_iter().filter(|h| !h.name.starts_with(':')) {
                headers.push(h.name, h.value);
            }
            let body = match r.post_data {
                None => Vec::new(),
                Some(PostData {
                    text,
                    encoding: Some(enc),
                }) if enc.eq_ignore_ascii_case("base64") => match STANDARD.decode(text.trim()) {
                    Ok(b) => b,
                    Err(_) => {
                        return Entry::Error {
                            source,
                            message: "postData.text is not base64".to_owned(),
                        };
                    }
                },
                Some(p) => p.text.into_bytes(),
            };
            Entry::Item(Box::new(Item {
                source,
                delivery: Delivery {
                    headers,
                    body,
                    url: Some(r.url),
                    method: Some(r.method),
                    timestamp_override: None,
                    params: Vec::new(),
                },
                provider: None,
                now: None,
            }))
        })
        .collect()
}
