//! Canonical forms: the bytes a sender signs when it does not sign the raw body (a JSON
//! value re-serialised by a given serialiser), shared by the engine (documented `also_signs`
//! forms) and the diagnosis (every serialiser's rendering).

pub mod form;
pub mod json;
pub mod url;

use crate::scheme::SignedBody;
/// The JSON dialects under their earlier path.
pub use json as json_dialect;
use json::Dialect;

/// A body the sender is documented to sign instead of the raw bytes (see `Scheme::also_signs`).
pub fn signed_body(form: SignedBody, raw: &[u8]) -> Option<Vec<u8>> {
    match form {
        SignedBody::PythonJsonDumps => python_json_dumps(raw),
        SignedBody::PhpEscapedUnicode => php_escaped_unicode(raw),
        SignedBody::JsJsonStringify => js_json_stringify(raw),
    }
}

/// Python `json.dumps(json.loads(body))`: `", "` and `": "` separators, `ensure_ascii`.
pub fn python_json_dumps(body: &[u8]) -> Option<Vec<u8>> {
    let value = json_dialect::parse(body)?;
    let mut out = Vec::with_capacity(body.len() + body.len() / 8);
    json_dialect::render(&value, &Dialect::PYTHON_DEFAULT, &mut out);
    Some(out)
}

/// JavaScript `JSON.stringify(JSON.parse(body))`: compact, integer-like keys first, JS numbers.
pub fn js_json_stringify(body: &[u8]) -> Option<Vec<u8>> {
    let value = json_dialect::parse(body)?;
    let mut out = Vec::with_capacity(body.len());
    json_dialect::render(&value, &Dialect::JS_COMPACT, &mut out);
    Some(out)
}

/// The raw body with every character from U+007F as `\uXXXX` (UTF-16 units, lower-case hex)
/// and every `/` not after a backslash as `\/` (box-node-sdk `jsonStringifyWithEscapedUnicode`,
/// PHP `json_encode`). `None` when the body is not UTF-8 or nothing changes.
pub fn php_escaped_unicode(body: &[u8]) -> Option<Vec<u8>> {
    let text = std::str::from_utf8(body).ok()?;
    let mut out = String::with_capacity(text.len() + text.len() / 4);
    let mut prev = '\0';
    for c in text.chars() {
        if u32::from(c) >= 0x7f {
            let mut units = [0u16; 2];
            for unit in c.encode_utf16(&mut units) {
                out.push_str(&format!("\\u{unit:04x}"));
            }
        } else if c == '/' && prev != '\\' {
            out.push_str("\\/");
        } else {
            out.push(c);
        }
        prev = c;
    }
    (out.as_bytes() != body).then(|| out.into_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn js_recipe_matches_json_stringify() {
        // node -e 'console.log(JSON.stringify(JSON.parse(`{"b": 1, "a": [1.0, 2e3, 0.1], "1": "é\\u00e9"}`)))'
        let out = js_json_stringify(r#"{"b": 1, "a": [1.0, 2e3, 0.1], "1": "é\u00e9"}"#.as_bytes())
            .unwrap();
        assert_eq!(out, r#"{"1":"éé","b":1,"a":[1,2000,0.1]}"#.as_bytes());
    }

    #[test]
    fn php_escaped_unicode_matches_box_node_sdk() {
        // box-node-sdk jsonStringifyWithEscapedUnicode('{"n":"café 😀","p":"a/b\\/c"}')
        let out = php_escaped_unicode("{\"n\":\"café 😀\",\"p\":\"a/b\\/c\"}".as_bytes()).unwrap();
        assert_eq!(out, br#"{"n":"caf\u00e9 \ud83d\ude00","p":"a\/b\/c"}"#);
        assert!(php_escaped_unicode(b"{\"a\":1}").is_none());
    }

    #[test]
    fn python_recipe_matches_json_dumps() {
        // python3 -c 'import json; print(json.dumps(json.loads(b"{\"a\":[1,2.0],\"b\":\"\\u00e9\"}")), end="")'
        let out = python_json_dumps("{\"a\":[1,2.0],\"b\":\"é\"}".as_bytes()).unwrap();
        assert_eq!(out, br#"{"a": [1, 2.0], "b": "\u00e9"}"#);
        assert!(python_json_dumps(b"not json").is_none());
    }
}
