//! JSON Lines deliveries: `{"id"?, "provider"?, "headers": {..} | [[name, value], ..],
//! "body": "<text>" | "body_base64": "<b64>", "url"?, "method"?, "now"?}`, one per line.

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use serde::Deserialize;

use crate::input::{Delivery, Headers};

use super::Item;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Line<'a> {
    #[serde(default, borrow)]
    id: Option<std::borrow::Cow<'a, str>>,
    #[serde(default)]
    provider: Option<String>,
    // A Value, not an untagged enum: serde buffers untagged input, which costs more than
    // the HMAC itself on a 2 KiB delivery.
    headers: serde_json::Value,
    #[serde(default)]
    body: Option<String>,
    #[serde(default)]
    body_base64: Option<String>,
    #[serde(default)]
    url: Option<String>,
    #[serde(default)]
    method: Option<String>,
    #[serde(default)]
    now: Option<i64>,
}

/// Parses one line; `source` is `file:line` (with `#id` when the line has one).
pub fn parse_line(line: &[u8], source: String) -> Result<Item, String> {
    let parsed: Line = serde_json::from_slice(line).map_err(|e| {
        // serde counts lines within this one line; only the column means anything here.
        let text = e.to_string();
        let text = text.split(" at line ").next().unwrap_or(&text).to_owned();
        format!("not a delivery object: {text} (column {})", e.column())
    })?;
    let mut headers = Headers::new();
    match parsed.headers {
        serde_json::Value::Array(pairs) => {
            for pair in pairs {
                match pair.as_array().map(Vec::as_slice) {
                    Some([serde_json::Value::String(n), serde_json::Value::String(v)]) => {
                        headers.push(n.clone(), v.clone())
                    }
                    _ => return Err("`headers` pairs must be [name, value] strings".to_owned()),
                }
            }
        }
        serde_json::Value::Object(map) => {
            for (name, value) in map {
                match value {
                    serde_json::Value::String(v) => headers.push(name, v),
                    // Repeated headers as a list of values, in order.
                    serde_json::Value::Array(values) => {
                        for v in values {
                            let v = v
                                .as_str()
                                .ok_or_else(|| format!("header {name:?} has a non-string value"))?;
                            headers.push(name.clone(), v);
                        }
                    }
                    _ => return Err(format!("header {name:?} is not a string")),
                }
            }
        }
        _ => return Err("`headers` must be an object or a list of [name, value] pairs".to_owned()),
    }
    let body = match (parsed.body, parsed.body_base64) {
        (Some(text), None) => text.into_bytes(),
        (None, Some(b64)) => STANDARD
            .decode(b64.trim())
            .map_err(|_| "body_base64 is not base64".to_owned())?,
        (None, None) => return Err("it has neither `body` nor `body_base64`".to_owned()),
        (Some(_), Some(_)) => return Err("it has both `body` and `body_base64`".to_owned()),
    };
    let source = match parsed.id {
        Some(id) => format!("{source}#{id}"),
        None => source,
    };
    Ok(Item {
        source,
        delivery: Delivery {
            headers,
            body,
            url: parsed.url,
            method: parsed.method,
            timestamp_override: None,
        },
        provider: parsed.provider,
        now: parsed.now,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_header_shapes_and_both_bodies() {
        let a = parse_line(
            br#"{"headers":{"X-A":"1"},"body":"hi","now":5}"#,
            "f:1".into(),
        )
        .unwrap();
        assert_eq!(a.delivery.headers.get("x-a"), Some("1"));
        assert_eq!(a.delivery.body, b"hi");
        assert_eq!(a.now, Some(5));
        let b = parse_line(
            br#"{"id":"d1","headers":[["X-A","1"],["X-A","2"]],"body_base64":"aGk="}"#,
            "f:2".into(),
        )
        .unwrap();
        assert_eq!(b.delivery.headers.get_all("X-A").count(), 2);
        assert_eq!(b.delivery.body, b"hi");
        assert_eq!(b.source, "f:2#d1");
    }

    #[test]
    fn errors_say_what_is_wrong() {
        assert!(
            parse_line(b"{", "f:1".into())
                .unwrap_err()
                .contains("not a delivery")
        );
        assert!(
            parse_line(br#"{"headers":{}}"#, "f:1".into())
                .unwrap_err()
                .contains("neither")
        );
        assert!(parse_line(br#"{"headers":{},"body":"","colour":1}"#, "f:1".into()).is_err());
    }
}
