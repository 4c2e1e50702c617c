//! Captured HTTP/1.x requests: request line, header lines, blank line, raw body.

use super::Headers;

/// A captured HTTP/1.x request, parsed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CapturedRequest {
    /// The request line's method.
    pub method: String,
    /// The request line's target (path and query, or an absolute URL).
    pub target: String,
    /// The header lines, folded lines joined.
    pub headers: Headers,
    /// The raw body bytes.
    pub body: Vec<u8>,
    /// Notes on what parsing did (e.g. bytes after Content-Length dropped).
    pub notes: Vec<String>,
}

impl CapturedRequest {
    /// The delivery this capture holds, and the notes of its parsing.
    pub fn into_delivery(self) -> (super::Delivery, Vec<String>) {
        let delivery = super::Delivery {
            url: self.url(),
            method: Some(self.method),
            headers: self.headers,
            body: self.body,
            timestamp_override: None,
        };
        (delivery, self.notes)
    }

    /// The public URL, rebuilt from the Host header and the request target; `https` is assumed
    /// because providers only deliver to TLS endpoints.
    pub fn url(&self) -> Option<String> {
        if self.target.starts_with("http://") || self.target.starts_with("https://") {
            return Some(self.target.clone());
        }
        let host = self.headers.get("Host")?;
        Some(format!("https://{host}{}", self.target))
    }
}

/// Parses a capture. Head lines may end in CRLF or LF; the body is kept byte for byte,
/// cut at Content-Length when present, de-chunked when `Transfer-Encoding: chunked`.
pub fn parse(bytes: &[u8]) -> Result<CapturedRequest, String> {
    let mut rest = bytes;
    if rest.is_empty() {
        return Err("it is empty".to_owned());
    }
    let request_line = next_line(&mut rest).unwrap_or_else(|| std::mem::take(&mut rest));
    let request_line = std::str::from_utf8(request_line)
        .map_err(|_| "its first line is not text, so it is not an HTTP/1.x request".to_owned())?;
    let mut words = request_line.split(' ');
    let (method, target, version) = match (words.next(), words.next(), words.next(), words.next()) {
        (Some(m), Some(t), Some(v), None) if !m.is_empty() && !t.is_empty() => (m, t, v),
        _ => {
            return Err(format!(
                "its first line {request_line:?} is not an HTTP/1.x request line \
                 (expected e.g. `POST /webhook HTTP/1.1`)"
            ));
        }
    };
    if !matches!(version, "HTTP/1.0" | "HTTP/1.1")
        || !method.bytes().all(|b| b.is_ascii_uppercase())
    {
        return Err(format!(
            "its first line {request_line:?} is not an HTTP/1.x request line \
             (expected e.g. `POST /webhook HTTP/1.1`)"
        ));
    }

    let mut headers = Headers::new();
    let mut line_no = 1;
    loop {
        line_no += 1;
        let line =
            next_line(&mut rest).ok_or("the header section does not end with a blank line")?;
        if line.is_empty() {
            break;
        }
        let text = String::from_utf8_lossy(line);
        if line[0] == b' ' || line[0] == b'\t' {
            // Obsolete line folding: the line continues the previous header's value.
            if !headers.extend_last(text.trim()) {
                return Err(format!(
                    "line {line_no}: a continuation line before any header"
                ));
            }
            continue;
        }
        let (name, value) =
            Headers::parse_line(&text).map_err(|e| format!("line {line_no}: {e}"))?;
        headers.push(name, value);
    }

    let mut notes = Vec::new();
    let mut body = rest.to_vec();
    let chunked = headers
        .get("Transfer-Encoding")
        .is_some_and(|v| v.to_ascii_lowercase().contains("chunked"));
    if chunked {
        body = dechunk(&body)?;
        notes.push("the body was sent chunked; hookcheck joined the chunks".to_owned());
    } else if let Some(len) = headers.get("Content-Length") {
        let len: usize = len
            .trim()
            .parse()
            .map_err(|_| format!("its Content-Length {len:?} is not a number"))?;
        if body.len() < len {
            return Err(format!(
                "its body has {} bytes but Content-Length says {len}: the capture is truncated",
                body.len()
            ));
        }
        if body.len() > len {
            notes.push(format!(
                "the capture has {} bytes after the body that Content-Length ({len}) excludes; \
                 they were ignored",
                body.len() - len
            ));
            body.truncate(len);
        }
    }
    Ok(CapturedRequest {
        method: method.to_owned(),
        target: target.to_owned(),
        headers,
        body,
        notes,
    })
}

/// Takes one line ending in LF (an optional CR before it is dropped); None at end of input.
fn next_line<'a>(rest: &mut &'a [u8]) -> Option<&'a [u8]> {
    let end = rest.iter().position(|&b| b == b'\n')?;
    let line = &rest[..end];
    *rest = &rest[end + 1..];
    Some(line.strip_suffix(b"\r").unwrap_or(line))
}

fn dechunk(mut data: &[u8]) -> Result<Vec<u8>, String> {
    let mut body = Vec::new();
    loop {
        let size_line = next_line(&mut data).ok_or("a chunk size line is missing")?;
        let size_text = String::from_utf8_lossy(size_line);
        let size_hex = size_text.split(';').next().unwrap_or("").trim();
        let size = usize::from_str_radix(size_hex, 16)
            .map_err(|_| format!("chunk size {size_hex:?} is not hexadecimal"))?;
        if size == 0 {
            return Ok(body);
        }
        if data.len() < size {
            return Err("the last chunk is truncated".to_owned());
        }
        body.extend_from_slice(&data[..size]);
        data = &data[size..];
        data = data
            .strip_prefix(b"\r\n")
            .or_else(|| data.strip_prefix(b"\n"))
            .ok_or("a chunk is not followed by a line break")?;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_crlf_and_keeps_body_bytes() {
        let r =
            parse(b"POST /hook?a=1 HTTP/1.1\r\nHost: x.test\r\nX-A: 1\r\n\r\n{\"a\":1}\n").unwrap();
        assert_eq!(r.method, "POST");
        assert_eq!(r.headers.get("x-a"), Some("1"));
        assert_eq!(r.body, b"{\"a\":1}\n");
        assert_eq!(r.url().unwrap(), "https://x.test/hook?a=1");
    }

    #[test]
    fn lf_heads_and_content_length() {
        let r = parse(b"POST / HTTP/1.1\nContent-Length: 3\n\nabc\n").unwrap();
        assert_eq!(r.body, b"abc");
        assert_eq!(r.notes.len(), 1);
        assert!(
            parse(b"POST / HTTP/1.1\nContent-Length: 9\n\nabc")
                .unwrap_err()
                .contains("truncated")
        );
    }

    #[test]
    fn body_may_contain_crlf_and_blank_lines() {
        let r = parse(b"POST / HTTP/1.1\r\n\r\na\r\n\r\nb").unwrap();
        assert_eq!(r.body, b"a\r\n\r\nb");
    }

    #[test]
    fn chunked_bodies_are_joined() {
        let r = parse(b"POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n2\r\nde\r\n0\r\n\r\n").unwrap();
        assert_eq!(r.body, b"abcde");
    }

    #[test]
    fn folded_header_lines_join_the_previous_value() {
        let r = parse(b"POST / HTTP/1.1\r\nX-A: one\r\n two\r\nX-B: b\r\n\r\n").unwrap();
        assert_eq!(r.headers.get("X-A"), Some("one two"));
        assert_eq!(r.headers.get("X-B"), Some("b"));
    }

    #[test]
    fn rejects_what_is_not_a_request() {
        assert!(parse(b"").is_err());
        assert!(parse(b"{\"json\": true}").is_err());
        assert!(parse(b"HTTP/1.1 200 OK\r\n\r\n").is_err());
        assert!(parse(b"POST / HTTP/2\r\n\r\n").is_err());
        assert!(
            parse(b"POST / HTTP/1.1\r\nbad header\r\n\r\n")
                .unwrap_err()
                .contains("line 2")
        );
        assert!(
            parse(b"POST / HTTP/1.1\r\nX: y\r\n")
                .unwrap_err()
                .contains("blank line")
        );
    }
}
