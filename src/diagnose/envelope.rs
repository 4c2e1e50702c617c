//! Envelopes pasted instead of the body: an AWS API Gateway or Lambda event (`body`, with
//! `isBase64Encoded`), an SQS message or event (`body`), an SNS notification (`Message`), an
//! EventBridge event (`detail`), a JSON string holding the body, base64 of gzip. Each candidate
//! names the envelope and the path of the body inside it.

use std::io::Read;

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;

use super::json_dialect::{self, Dialect, Value};

/// A body found inside an envelope.
#[derive(Debug, Clone)]
pub struct Unwrapped {
    pub envelope: String,
    /// Where the body sits in the envelope, e.g. `Records[0].body`.
    pub path: String,
    /// How the bytes were obtained from the field ("base64-decoded", "re-serialised as …").
    pub how: Option<String>,
    pub bytes: Vec<u8>,
}

/// Hands each candidate to `sink` until it returns true. Envelopes nest once (SNS inside SQS,
/// a base64 body inside an API Gateway event).
/// `parsed` is the body already parsed as JSON, when the caller has it.
pub fn each_candidate(
    body: &[u8],
    parsed: Option<&Value>,
    sink: &mut dyn FnMut(Unwrapped) -> bool,
) {
    let mut done = false;
    let mut push = |u: Unwrapped| {
        if !done {
            done = sink(u);
        }
        done
    };
    walk(body, 0, "", &mut push, parsed);
}

const MAX_GZIP: u64 = 64 << 20;
/// Above this size an EventBridge `detail` is rendered by the three most common serialisers only.
const LARGE: usize = 1 << 20;

fn walk(
    body: &[u8],
    depth: usize,
    prefix: &str,
    push: &mut dyn FnMut(Unwrapped) -> bool,
    parsed: Option<&Value>,
) -> bool {
    if depth > 1 {
        return false;
    }
    let text = body.trim_ascii();
    if let Some(inflated) = base64_gzip(text) {
        return push(Unwrapped {
            envelope: "base64 of gzip".to_owned(),
            path: format!("{prefix}(base64, gzip)"),
            how: Some("base64-decoded and gunzipped".to_owned()),
            bytes: inflated,
        });
    }
    if !matches!(text.first(), Some(b'{' | b'"')) {
        return false;
    }
    let owned;
    let value = match parsed {
        Some(v) => v,
        None => match json_dialect::parse(text) {
            Some(v) => {
                owned = v;
                &owned
            }
            None => return false,
        },
    };
    let path = |p: &str| format!("{prefix}{p}");
    if let Value::String(s) = value {
        let inner = s.as_wtf8().to_vec();
        return push(Unwrapped {
            envelope: "a JSON string".to_owned(),
            path: path("(the string)"),
            how: None,
            bytes: inner.clone(),
        }) || walk(
            &inner,
            depth + 1,
            &path("(the string)."),
            &mut inside("a JSON string", push),
            None,
        );
    }
    let Value::Object(members) = value else {
        return false;
    };
    let get = |members: &[(json_dialect::JsonString, Value)], key: &str| {
        members
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, v)| v)
            .cloned()
    };
    let string = |v: Option<Value>| match v {
        Some(Value::String(s)) => Some(s.as_wtf8().to_vec()),
        _ => None,
    };
    let truthy = |v: Option<Value>| matches!(v, Some(Value::Bool(true)));

    // API Gateway (REST and HTTP APIs), Lambda function URLs, ALB: `body` + `isBase64Encoded`.
    let gateway = [
        "isBase64Encoded",
        "requestContext",
        "httpMethod",
        "routeKey",
        "rawPath",
    ]
    .iter()
    .any(|k| get(members, k).is_some());
    if gateway {
        if let Some(inner) = string(get(members, "body")) {
            let b64 = truthy(get(members, "isBase64Encoded"));
            let decoded = if b64 {
                STANDARD.decode(inner.trim_ascii()).ok()
            } else {
                Some(inner)
            };
            if let Some(bytes) = decoded {
                let inflated = gunzip(&bytes);
                if push(Unwrapped {
                    envelope: "an AWS API Gateway / Lambda event".to_owned(),
                    path: path("body"),
                    how: b64.then(|| "base64-decoded (isBase64Encoded: true)".to_owned()),
                    bytes,
                }) {
                    return true;
                }
                if let Some(bytes) = inflated {
                    if push(Unwrapped {
                        envelope: "an AWS API Gateway / Lambda event".to_owned(),
                        path: path("body"),
                        how: Some("base64-decoded and gunzipped".to_owned()),
                        bytes,
                    }) {
                        return true;
                    }
                }
            }
        }
    }
    // SNS: a notification as delivered over HTTP, or inside a Lambda SNS event.
    if matches!(get(members, "Type"), Some(Value::String(ref t)) if *t == "Notification") {
        if let Some(inner) = string(get(members, "Message")) {
            if push(Unwrapped {
                envelope: "an AWS SNS notification".to_owned(),
                path: path("Message"),
                how: None,
                bytes: inner,
            }) {
                return true;
            }
        }
    }
    // SQS: one message (`messageId` + `body`), or a Lambda event's `Records`.
    if get(members, "messageId").is_some() || get(members, "MessageId").is_some() {
        for key in ["body", "Body"] {
            if let Some(inner) = string(get(members, key)) {
                if push(Unwrapped {
                    envelope: "an AWS SQS message".to_owned(),
                    path: path(key),
                    how: None,
                    bytes: inner.clone(),
                }) || walk(
                    &inner,
                    depth + 1,
                    &path(&format!("{key}.")),
                    &mut inside("an AWS SQS message", push),
                    None,
                ) {
                    return true;
                }
            }
        }
    }
    if let Some(Value::Array(records)) = get(members, "Records") {
        for (i, record) in records.iter().enumerate().take(16) {
            let Value::Object(fields) = record else {
                continue;
            };
            if let Some(Value::Object(sns)) = get(fields, "Sns") {
                if let Some(inner) = string(get(&sns, "Message")) {
                    if push(Unwrapped {
                        envelope: "an AWS Lambda SNS event".to_owned(),
                        path: path(&format!("Records[{i}].Sns.Message")),
                        how: None,
                        bytes: inner,
                    }) {
                        return true;
                    }
                }
            }
            if let Some(inner) = string(get(fields, "body")) {
                let p = path(&format!("Records[{i}].body"));
                if push(Unwrapped {
                    envelope: "an AWS Lambda SQS event".to_owned(),
                    path: p.clone(),
                    how: None,
                    bytes: inner.clone(),
                }) || walk(
                    &inner,
                    depth + 1,
                    &format!("{p}."),
                    &mut inside("an AWS Lambda SQS event", push),
                    None,
                ) {
                    return true;
                }
            }
        }
    }
    // EventBridge: `detail` is the payload as an object; its original bytes are gone, so the
    // common serialisations of it are tried (a string `detail` is taken as it is).
    if get(members, "detail-type").is_some() {
        match get(members, "detail") {
            Some(Value::String(s)) => {
                return push(Unwrapped {
                    envelope: "an AWS EventBridge event".to_owned(),
                    path: path("detail"),
                    how: None,
                    bytes: s.as_wtf8().to_vec(),
                });
            }
            Some(detail @ (Value::Object(_) | Value::Array(_))) => {
                // On a large envelope only the most common serialisers: each is a full render.
                let take = if body.len() > LARGE {
                    3
                } else {
                    Dialect::ALL.len()
                };
                for dialect in Dialect::ALL.iter().take(take) {
                    let mut bytes = Vec::new();
                    json_dialect::render(&detail, dialect, &mut bytes);
                    if push(Unwrapped {
                        envelope: "an AWS EventBridge event".to_owned(),
                        path: path("detail"),
                        how: Some(format!("re-serialised as {}", dialect.describe())),
                        bytes,
                    }) {
                        return true;
                    }
                }
            }
            _ => {}
        }
    }
    false
}

/// Names an inner envelope by the outer one too ("an AWS SNS notification inside an AWS Lambda
/// SQS event").
fn inside<'p>(
    outer: &'static str,
    push: &'p mut dyn FnMut(Unwrapped) -> bool,
) -> impl FnMut(Unwrapped) -> bool + 'p {
    move |mut u: Unwrapped| {
        u.envelope = format!("{} inside {outer}", u.envelope);
        push(u)
    }
}

fn gunzip(bytes: &[u8]) -> Option<Vec<u8>> {
    if !bytes.starts_with(&[0x1f, 0x8b]) {
        return None;
    }
    let mut out = Vec::new();
    flate2::read::MultiGzDecoder::new(bytes)
        .take(MAX_GZIP)
        .read_to_end(&mut out)
        .ok()?;
    Some(out)
}

fn base64_gzip(text: &[u8]) -> Option<Vec<u8>> {
    // base64 of `1f 8b` starts with "H4sI".
    if !text.starts_with(b"H4sI") {
        return None;
    }
    let decoded = STANDARD.decode(text).ok()?;
    gunzip(&decoded)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all(body: &[u8]) -> Vec<Unwrapped> {
        let mut out = Vec::new();
        each_candidate(body, None, &mut |u| {
            out.push(u);
            false
        });
        out
    }

    fn find<'a>(list: &'a [Unwrapped], bytes: &[u8]) -> Option<&'a Unwrapped> {
        list.iter().find(|u| u.bytes == bytes)
    }

    #[test]
    fn api_gateway_event_base64() {
        let body = br#"{"version":"2.0","routeKey":"POST /hook","body":"eyJhIjoxfQ==","isBase64Encoded":true}"#;
        let list = all(body);
        let u = find(&list, br#"{"a":1}"#).unwrap();
        assert_eq!(u.path, "body");
        let plain = br#"{"httpMethod":"POST","body":"{\"a\":1}","isBase64Encoded":false}"#;
        assert!(find(&all(plain), br#"{"a":1}"#).is_some());
    }

    #[test]
    fn sns_inside_sqs_and_eventbridge() {
        let sns = r#"{"Type":"Notification","MessageId":"m","Message":"{\"a\":1}"}"#;
        let sqs = serde_json::json!({"Records": [{"messageId": "x", "body": sns, "eventSource": "aws:sqs"}]}).to_string();
        let list = all(sqs.as_bytes());
        assert_eq!(
            find(&list, br#"{"a":1}"#).unwrap().path,
            "Records[0].body.Message"
        );
        let eb = br#"{"version":"0","detail-type":"x","source":"s","detail":{"b":2,"a":[1,2.0]}}"#;
        assert_eq!(
            find(&all(eb), br#"{"b":2,"a":[1,2.0]}"#).unwrap().path,
            "detail"
        );
    }

    #[test]
    fn json_string_and_base64_gzip() {
        assert!(find(&all(br#""{\"a\":1}""#), br#"{"a":1}"#).is_some());
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        std::io::Write::write_all(&mut gz, b"{\"z\":1}").unwrap();
        let b64 = STANDARD.encode(gz.finish().unwrap());
        assert!(find(&all(b64.as_bytes()), b"{\"z\":1}").is_some());
        assert!(all(br#"{"a":1}"#).is_empty());
    }
}
