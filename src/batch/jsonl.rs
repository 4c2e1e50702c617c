//! JSON Lines deliveries: `{"id"?, "provider"?, "headers": {..} | [[name, value], ..],
//! "body": "<text>" | "body_base64": "<b64>", "url"?, "method"?, "now"?, "params"?}`, one per
//! line.
//!
//! `"params": {"name": "value", ..}` gives the line's own values for the `{param:NAME}` a scheme
//! signs (PayPal's `webhook_id`), for the names the run's `--param` does not give (the flag
//! wins, as `--now` wins over a line's `"now"`).
//! A parameter is neither a secret nor a key: it only changes the content the signature must
//! match, as a header does.

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
    #[serde(default)]
    params: Option<std::collections::BTreeMap<String, String>>,
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
                        headers.push(n.clone(), v.clone());
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
            // In name order, as the fast reader gives them.
            params: parsed.params.into_iter().flatten().collect(),
        },
        provider: parsed.provider,
        now: parsed.now,
    })
}

/// What a line gives besides its delivery, read by [`parse_fast`] into a [`Scratch`].
#[derive(Debug, Clone, Copy, Default)]
pub struct Meta {
    pub has_id: bool,
    pub has_provider: bool,
    pub now: Option<i64>,
}

/// Buffers reused from line to line by [`parse_fast`]: after the first lines, reading one
/// allocates nothing.
#[derive(Debug, Default)]
pub struct Scratch {
    pub delivery: Delivery,
    pub id: String,
    pub provider: String,
    /// Header strings being filled, then swapped into the delivery.
    pending: Vec<(String, String)>,
    /// Strings of earlier lines' headers, kept for their buffers.
    pool: Vec<(String, String)>,
    text: String,
    /// Where each header of a `headers` object begins in `pending`, to order them by name.
    starts: Vec<usize>,
}

/// The common shape of a line, read without building a JSON tree: strings are unescaped
/// into `scratch`'s buffers, which are reused from line to line. None for anything else
/// (an error, `null`, a duplicate field, a number where a string goes, ...): the caller then
/// uses [`parse_line`], whose result and error messages are the contract, so the two readers
/// never disagree on what a line means.
pub fn parse_fast(line: &[u8], scratch: &mut Scratch) -> Option<Meta> {
    let text = std::str::from_utf8(line).ok()?;
    let mut r = Reader {
        s: text,
        b: text.as_bytes(),
        i: 0,
    };
    let mut meta = Meta::default();
    let mut seen = 0u16;
    let (mut has_headers, mut has_body) = (false, false);
    let Scratch {
        delivery,
        id,
        provider,
        pending,
        pool,
        text: buf,
        starts,
    } = scratch;
    pool.append(pending);
    delivery.url = None;
    delivery.method = None;
    delivery.timestamp_override = None;
    delivery.params.clear();
    r.ws();
    r.eat(b'{')?;
    r.ws();
    if r.peek()? == b'}' {
        return None;
    }
    loop {
        let key = r.plain_key()?;
        r.ws();
        r.eat(b':')?;
        r.ws();
        let bit = match key {
            "headers" => 1,
            "body" => 2,
            "body_base64" => 4,
            "id" => 8,
            "provider" => 16,
            "url" => 32,
            "method" => 64,
            "now" => 128,
            "params" => 256,
            _ => return None,
        };
        if seen & bit != 0 {
            return None;
        }
        seen |= bit;
        match key {
            "headers" => {
                r.headers(pending, pool, starts)?;
                has_headers = true;
            }
            "body" => {
                delivery.body.clear();
                r.string_into(&mut Sink::Bytes(&mut delivery.body))?;
                has_body = true;
            }
            "body_base64" => {
                buf.clear();
                r.string_into(&mut Sink::Text(buf))?;
                delivery.body.clear();
                STANDARD.decode_vec(buf.trim(), &mut delivery.body).ok()?;
                has_body = true;
            }
            "id" => {
                id.clear();
                r.string_into(&mut Sink::Text(id))?;
                meta.has_id = true;
            }
            "provider" => {
                provider.clear();
                r.string_into(&mut Sink::Text(provider))?;
                meta.has_provider = true;
            }
            "url" => {
                let mut url = delivery.url.take().unwrap_or_default();
                url.clear();
                r.string_into(&mut Sink::Text(&mut url))?;
                delivery.url = Some(url);
            }
            "method" => {
                let mut method = delivery.method.take().unwrap_or_default();
                method.clear();
                r.string_into(&mut Sink::Text(&mut method))?;
                delivery.method = Some(method);
            }
            "params" => r.string_map(&mut delivery.params)?,
            _ => meta.now = Some(r.integer()?),
        }
        r.ws();
        match r.next()? {
            b',' => r.ws(),
            b'}' => break,
            _ => return None,
        }
    }
    r.ws();
    if r.i != r.b.len() || !has_headers || !has_body || seen & 6 == 6 {
        return None;
    }
    delivery.headers.swap_entries(pending);
    Some(meta)
}

/// Where an unescaped string goes.
enum Sink<'a> {
    Bytes(&'a mut Vec<u8>),
    Text(&'a mut String),
}

impl Sink<'_> {
    fn push_str(&mut self, s: &str) {
        match self {
            Sink::Bytes(v) => v.extend_from_slice(s.as_bytes()),
            Sink::Text(t) => t.push_str(s),
        }
    }

    fn push(&mut self, c: char) {
        match self {
            Sink::Bytes(v) => v.extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes()),
            Sink::Text(t) => t.push(c),
        }
    }
}

/// Where the first `"`, `\\` or control character of `bytes` is: the end of a string's plain
/// run. Two vectorised passes (memchr2, then a minimum over the run for control characters) beat
/// one byte-by-byte loop several times over.
fn special(bytes: &[u8]) -> Option<usize> {
    let end = memchr::memchr2(b'"', b'\\', bytes)?;
    let run = &bytes[..end];
    // `min` folds to packed byte minimums; an `||` fold stays one byte at a time.
    if run.iter().copied().min().is_some_and(|c| c < 0x20) {
        return run.iter().position(|&c| c < 0x20);
    }
    Some(end)
}

struct Reader<'a> {
    s: &'a str,
    b: &'a [u8],
    i: usize,
}

impl<'a> Reader<'a> {
    fn peek(&self) -> Option<u8> {
        self.b.get(self.i).copied()
    }

    fn next(&mut self) -> Option<u8> {
        let c = self.peek()?;
        self.i += 1;
        Some(c)
    }

    fn eat(&mut self, c: u8) -> Option<()> {
        (self.next()? == c).then_some(())
    }

    fn ws(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.i += 1;
        }
    }

    /// A field name without escapes (the names this reader knows have none).
    fn plain_key(&mut self) -> Option<&'a str> {
        self.eat(b'"')?;
        let start = self.i;
        let len = memchr::memchr2(b'"', b'\\', &self.b[start..])?;
        if self.b[start + len] != b'"' {
            return None;
        }
        self.i = start + len + 1;
        Some(&self.s[start..start + len])
    }

    /// A JSON string, unescaped onto the end of `out`.
    fn string_into(&mut self, out: &mut Sink) -> Option<()> {
        self.eat(b'"')?;
        loop {
            let start = self.i;
            let len = special(&self.b[start..])?;
            let piece = &self.s[start..start + len];
            out.push_str(piece);
            self.i = start + len + 1;
            match self.b[start + len] {
                b'"' => return Some(()),
                b'\\' => {}
                // Control characters must be escaped in JSON.
                _ => return None,
            }
            let c = match self.next()? {
                b'"' => '"',
                b'\\' => '\\',
                b'/' => '/',
                b'b' => '\u{8}',
                b'f' => '\u{c}',
                b'n' => '\n',
                b'r' => '\r',
                b't' => '\t',
                b'u' => {
                    let high = self.hex4()?;
                    match high {
                        0xD800..=0xDBFF => {
                            self.eat(b'\\')?;
                            self.eat(b'u')?;
                            let low = self.hex4()?;
                            if !(0xDC00..=0xDFFF).contains(&low) {
                                return None;
                            }
                            char::from_u32(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))?
                        }
                        // A lone low surrogate is an error for serde_json too.
                        _ => char::from_u32(high)?,
                    }
                }
                _ => return None,
            };
            out.push(c);
        }
    }

    fn hex4(&mut self) -> Option<u32> {
        let digits = self.s.get(self.i..self.i + 4)?;
        if !digits.bytes().all(|c| c.is_ascii_hexdigit()) {
            return None;
        }
        self.i += 4;
        u32::from_str_radix(digits, 16).ok()
    }

    /// An integer as serde reads an i64: no fraction, exponent or leading zero.
    fn integer(&mut self) -> Option<i64> {
        let start = self.i;
        if self.peek() == Some(b'-') {
            self.i += 1;
        }
        let digits = self.i;
        while self.peek().is_some_and(|c| c.is_ascii_digit()) {
            self.i += 1;
        }
        let n = self.i - digits;
        if n == 0 || (n > 1 && self.b[digits] == b'0') {
            return None;
        }
        if matches!(self.peek(), Some(b'.' | b'e' | b'E')) {
            return None;
        }
        self.s[start..self.i].parse().ok()
    }

    /// `{"name": "value", ..}` onto `out`, in name order as a JSON object map iterates; None
    /// for a name given twice (serde keeps the last: left to the full reader).
    fn string_map(&mut self, out: &mut Vec<(String, String)>) -> Option<()> {
        self.eat(b'{')?;
        self.ws();
        if self.peek()? == b'}' {
            self.i += 1;
            return Some(());
        }
        loop {
            let (mut name, mut value) = (String::new(), String::new());
            self.string_into(&mut Sink::Text(&mut name))?;
            self.ws();
            self.eat(b':')?;
            self.ws();
            self.string_into(&mut Sink::Text(&mut value))?;
            out.push((name, value));
            self.ws();
            match self.next()? {
                b',' => self.ws(),
                b'}' => break,
                _ => return None,
            }
        }
        // Sorted first, so that a hostile line of many names costs n log n, not n².
        out.sort_by(|a, b| a.0.cmp(&b.0));
        if out.windows(2).any(|w| w[0].0 == w[1].0) {
            return None;
        }
        Some(())
    }

    /// `{"Name": "v" | ["v", ..], ..}` (in name order, as a JSON object map iterates) or
    /// `[["Name", "v"], ..]` (in the order given).
    fn headers(
        &mut self,
        pending: &mut Vec<(String, String)>,
        pool: &mut Vec<(String, String)>,
        starts: &mut Vec<usize>,
    ) -> Option<()> {
        let mut entry = |pending: &mut Vec<(String, String)>| {
            let (mut name, mut value) = pool.pop().unwrap_or_default();
            name.clear();
            value.clear();
            pending.push((name, value));
            pending.len() - 1
        };
        match self.next()? {
            b'[' => {
                self.ws();
                if self.peek()? == b']' {
                    self.i += 1;
                    return Some(());
                }
                loop {
                    self.eat(b'[')?;
                    self.ws();
                    let at = entry(pending);
                    self.string_into(&mut Sink::Text(&mut pending[at].0))?;
                    self.ws();
                    self.eat(b',')?;
                    self.ws();
                    self.string_into(&mut Sink::Text(&mut pending[at].1))?;
                    self.ws();
                    self.eat(b']')?;
                    self.ws();
                    match self.next()? {
                        b',' => self.ws(),
                        b']' => return Some(()),
                        _ => return None,
                    }
                }
            }
            b'{' => {
                starts.clear();
                self.ws();
                if self.peek()? == b'}' {
                    self.i += 1;
                    return Some(());
                }
                loop {
                    let first = entry(pending);
                    starts.push(first);
                    self.string_into(&mut Sink::Text(&mut pending[first].0))?;
                    self.ws();
                    self.eat(b':')?;
                    self.ws();
                    if self.peek()? == b'[' {
                        // Repeated values: one header each, in order. An empty list gives
                        // none, so the placeholder entry goes.
                        self.i += 1;
                        self.ws();
                        let name = std::mem::take(&mut pending[first].0);
                        pending.pop();
                        let mut n = 0;
                        if self.peek()? == b']' {
                            self.i += 1;
                        } else {
                            loop {
                                let at = entry(pending);
                                pending[at].0.push_str(&name);
                                self.string_into(&mut Sink::Text(&mut pending[at].1))?;
                                n += 1;
                                self.ws();
                                match self.next()? {
                                    b',' => self.ws(),
                                    b']' => break,
                                    _ => return None,
                                }
                            }
                        }
                        if n == 0 {
                            // Kept for the duplicate check below, then dropped.
                            starts.pop();
                            if pending[..first].iter().any(|(n, _)| *n == name) {
                                return None;
                            }
                        }
                    } else {
                        self.string_into(&mut Sink::Text(&mut pending[first].1))?;
                    }
                    self.ws();
                    match self.next()? {
                        b',' => self.ws(),
                        b'}' => break,
                        _ => return None,
                    }
                }
                // A name given twice: serde keeps the last; leave that to the full reader.
                for (k, &at) in starts.iter().enumerate() {
                    let name = &pending[at].0;
                    if starts[..k].iter().any(|&other| pending[other].0 == *name) {
                        return None;
                    }
                }
                // A JSON object map iterates in name order (stable: a name's values keep
                // their order).
                pending.sort_by(|a, b| a.0.cmp(&b.0));
                Some(())
            }
            _ => None,
        }
    }
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
        assert!(
            parse_line(
                br#"{"headers":{},"body":"","params":{"a":1}}"#,
                "f:1".into()
            )
            .unwrap_err()
            .contains("expected a string")
        );
    }

    #[test]
    fn params_are_read_in_name_order() {
        let item = parse_line(
            br#"{"headers":{},"body":"","params":{"webhook_id":"W","a":""}}"#,
            "f:1".into(),
        )
        .unwrap();
        let expected = [("a", ""), ("webhook_id", "W")].map(|(n, v)| (n.to_owned(), v.to_owned()));
        assert_eq!(item.delivery.params, expected);
    }
}

#[cfg(test)]
mod fast_tests {
    use super::*;
    use proptest::prelude::*;

    /// Whatever the fast reader takes, it reads exactly as `parse_line` does. Returns whether
    /// it took the line.
    fn same_as_full(line: &[u8], scratch: &mut Scratch) -> bool {
        let Some(meta) = parse_fast(line, scratch) else {
            return false;
        };
        let item = parse_line(line, "f:1".into()).unwrap_or_else(|e| {
            panic!(
                "{}: fast reader took a line the full one refuses: {e}",
                String::from_utf8_lossy(line)
            )
        });
        let text = String::from_utf8_lossy(line);
        assert_eq!(scratch.delivery, item.delivery, "{text}");
        assert_eq!(meta.now, item.now, "{text}");
        assert_eq!(
            meta.has_provider.then(|| scratch.provider.clone()),
            item.provider,
            "{text}"
        );
        let source = if meta.has_id {
            format!("f:1#{}", scratch.id)
        } else {
            "f:1".to_owned()
        };
        assert_eq!(source, item.source, "{text}");
        true
    }

    #[test]
    fn common_lines_take_the_fast_path_and_read_the_same() {
        let mut scratch = Scratch::default();
        let taken = [
            r#"{"headers":{"X-A":"1"},"body":"hi","now":5}"#,
            r#"{"id":"d1","headers":[["X-A","1"],["X-A","2"]],"body_base64":"aGk="}"#,
            r#" { "headers" : { "b" : "2" , "A" : ["x","y"], "a": "z" } , "body" : "{\"k\":\"v\\n\u00e9\ud83d\ude00\/\"}" , "url":"https://h/p?q=1","method":"PUT","provider":"github","now":-12 }
"#,
            r#"{"headers":{},"body":""}"#,
            r#"{"headers":[],"body":"x","id":"\u0041"}"#,
            r#"{"headers":{"X-A":[]},"body":"é"}"#,
            r#"{"headers":{},"body":"","params":{"webhook_id":"W1","a":"\u00e9"}}"#,
            r#"{"params":{},"headers":{},"body":""}"#,
        ];
        for line in taken {
            // Twice: the second read reuses the first one's buffers.
            assert!(same_as_full(line.as_bytes(), &mut scratch), "{line}");
            assert!(same_as_full(line.as_bytes(), &mut scratch), "{line}");
        }
        let refused = [
            "{",
            "{}",
            r#"{"headers":{}}"#,
            r#"{"headers":{},"body":"","colour":1}"#,
            r#"{"headers":{},"body":"","body":""}"#,
            r#"{"headers":{"A":"1","A":"2"},"body":""}"#,
            r#"{"headers":{"A":"1","A":[]},"body":""}"#,
            r#"{"headers":{},"body":"a","body_base64":"YQ=="}"#,
            r#"{"headers":{},"body":null}"#,
            r#"{"headers":{},"body":"","now":1.5}"#,
            r#"{"headers":{},"body":"","now":01}"#,
            r#"{"headers":{},"body":"","id":7}"#,
            r#"{"headers":{},"body":"\ud800"}"#,
            r#"{"headers":{},"body":"\udc00"}"#,
            "{\"headers\":{},\"body\":\"tab\there\"}",
            r#"{"headers":{},"body":""} x"#,
            r#"{"headers":{},"body":"",}"#,
            r#"{"headers":{"A":1},"body":""}"#,
            r#"{"headers":{},"body_base64":"!!"}"#,
            r#"{"headers":{},"body":"","params":{"a":"1","a":"2"}}"#,
            r#"{"headers":{},"body":"","params":{"a":1}}"#,
            r#"{"headers":{},"body":"","params":null}"#,
            r#"{"headers":{},"body":"","params":{},"params":{}}"#,
            r#"{"headers":{},"body":"","params":["a","1"]}"#,
        ];
        for line in refused {
            assert!(
                parse_fast(line.as_bytes(), &mut scratch).is_none(),
                "{line}"
            );
        }
    }

    proptest! {
        /// Lines as a JSON encoder writes them are taken, and read as `parse_line` reads them.
        #[test]
        fn encoded_lines_read_the_same(
            body in any::<String>(),
            names in proptest::collection::vec("[A-Za-z-]{1,8}", 0..4),
            value in any::<String>(),
            now in any::<Option<i64>>(),
            id in any::<Option<String>>(),
            params in proptest::collection::btree_map(any::<String>(), any::<String>(), 0..3),
        ) {
            let mut headers = serde_json::Map::new();
            for name in &names {
                headers.insert(name.clone(), serde_json::Value::String(value.clone()));
            }
            let mut line = serde_json::json!({"headers": headers, "body": body});
            if let Some(now) = now {
                line["now"] = now.into();
            }
            if let Some(id) = id {
                line["id"] = id.into();
            }
            if !params.is_empty() {
                line["params"] = serde_json::json!(params);
            }
            let mut scratch = Scratch::default();
            prop_assert!(same_as_full(line.to_string().as_bytes(), &mut scratch));
        }

        /// Any damage to a line: the fast reader refuses it or reads it as `parse_line` does.
        #[test]
        fn damaged_lines_never_read_differently(at in 0usize..200, byte in any::<u8>()) {
            let mut line = br#"{"id":"x","headers":{"X-Hub-Signature-256":"sha256=ab","b":["1","2"]},"body":"{\"a\":\"\\u00e9\"}","now":17,"url":"u","params":{"w":"1","v":"2"}}"#.to_vec();
            let at = at % line.len();
            line[at] = byte;
            let mut scratch = Scratch::default();
            same_as_full(&line, &mut scratch);
        }
    }
}
