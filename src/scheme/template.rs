//! The signed-content template: literal bytes and `{placeholders}` for the parts of a delivery.

/// One piece of the signed content.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Part {
    /// Bytes signed as they are.
    Literal(Vec<u8>),
    /// The raw body (`{body}`).
    Body,
    /// The lower-case hex digest of the body with a plain hash (`{body_hash:sha256}`), for
    /// senders that MAC the body's hash instead of the body (Tebex).
    BodyHash(crate::scheme::Algorithm),
    /// `{body_fields:Message,Subject?,Type}`: for each JSON body field present, in this order,
    /// `Name\nValue\n` (Amazon SNS's canonical string); a `?` field may be absent and is then
    /// left out, any other must be there.
    BodyFields(Vec<(String, bool)>),
    /// The timestamp as sent (`{timestamp}`).
    Timestamp,
    /// The delivery id (`{id}`).
    Id,
    /// The full URL (`{url}`).
    Url,
    /// The URL's path and query (`/hook?a=1`).
    Path,
    /// The path with its query escaped as Contentful's toolkit does (`getNormalizedEncodedURI`:
    /// `encodeURI(pathname + "?" + querystring.escape(search))`).
    EncodedPath,
    /// Contentful's signed headers: the headers named in this header's comma list, as
    /// `name:value` sorted by lower-case name and joined with `;`.
    SignedHeaders(String),
    /// The HTTP method (`{method}`).
    Method,
    /// Form parameters sorted by name, each as `name` + `value`, URL-decoded (Twilio,
    /// Mandrill); empty for a body that is not `application/x-www-form-urlencoded`.
    Form,
    /// The secret itself (HubSpot v1/v2 hash `secret + body` with plain SHA-256).
    Secret,
    /// Another header's value: `{header:X-Name}` (also `{body:a.b}`, `{query:p}`); a trailing
    /// `?` makes it optional, signed as empty when absent.
    Header(String),
}

/// A parsed signed-content template.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Template {
    /// The pieces, concatenated in order.
    pub parts: Vec<Part>,
}

impl Template {
    /// Parses `"{timestamp}.{body}"`; `{{` and `}}` are literal braces.
    pub fn parse(text: &str) -> Result<Template, String> {
        let mut parts = Vec::new();
        let mut literal = Vec::new();
        let mut rest = text;
        while let Some(c) = rest.chars().next() {
            if rest.starts_with("{{") || rest.starts_with("}}") {
                literal.push(c as u8);
                rest = &rest[2..];
            } else if c == '{' {
                let end = rest
                    .find('}')
                    .ok_or_else(|| format!("unclosed `{{` in {text:?}"))?;
                let name = &rest[1..end];
                let part = match name {
                    "body" => Part::Body,
                    "timestamp" => Part::Timestamp,
                    "id" => Part::Id,
                    "url" => Part::Url,
                    "form" => Part::Form,
                    "path" => Part::Path,
                    "encoded_path" => Part::EncodedPath,
                    "method" => Part::Method,
                    "secret" => Part::Secret,
                    _ if name.starts_with("body_fields:") && name.len() > 12 => {
                        let fields: Vec<(String, bool)> = name[12..]
                            .split(',')
                            .map(|f| match f.trim().strip_suffix('?') {
                                Some(n) => (n.to_owned(), true),
                                None => (f.trim().to_owned(), false),
                            })
                            .collect();
                        if fields.iter().any(|(n, _)| n.is_empty()) {
                            return Err(format!("an empty field name in {{{name}}}"));
                        }
                        Part::BodyFields(fields)
                    }
                    _ if name.starts_with("body_hash:") => {
                        match crate::scheme::Algorithm::plain_named(&name[10..]) {
                            Some(a) => Part::BodyHash(a),
                            None => {
                                return Err(format!(
                                    "unknown hash in {{{name}}}: use body_hash:sha256, body_hash:sha384 or body_hash:md5"
                                ));
                            }
                        }
                    }
                    _ if name.starts_with("signed_headers:") && name.len() > 15 => {
                        Part::SignedHeaders(name[15..].to_owned())
                    }
                    _ => match name.strip_prefix("header:") {
                        Some(h) if !h.is_empty() => Part::Header(h.to_owned()),
                        // `{body:a.b}` and `{query:p}` name parts the same way headers do.
                        _ if name.len() > 5
                            && (name.starts_with("body:") || name.starts_with("query:")) =>
                        {
                            Part::Header(name.to_owned())
                        }
                        _ => {
                            return Err(format!(
                                "unknown placeholder {{{name}}}: use body, form, timestamp, id, url, \
                                 method, secret or header:<Name>"
                            ));
                        }
                    },
                };
                if !literal.is_empty() {
                    parts.push(Part::Literal(std::mem::take(&mut literal)));
                }
                parts.push(part);
                rest = &rest[end + 1..];
            } else if c == '}' {
                return Err(format!("stray `}}` in {text:?} (write `}}}}` for a brace)"));
            } else {
                let mut buf = [0; 4];
                literal.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
                rest = &rest[c.len_utf8()..];
            }
        }
        if !literal.is_empty() {
            parts.push(Part::Literal(literal));
        }
        if !parts
            .iter()
            .any(|p| *p != Part::Secret && !matches!(p, Part::Literal(_)))
        {
            return Err(format!("{text:?} signs nothing from the delivery"));
        }
        Ok(Template { parts })
    }

    /// Whether the template has this piece.
    pub fn uses(&self, part: &Part) -> bool {
        self.parts.contains(part)
    }

    /// True when the template is exactly `{body}`.
    pub fn is_body_only(&self) -> bool {
        self.parts == [Part::Body]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_placeholders_and_literals() {
        let t = Template::parse("v0:{timestamp}:{body}").unwrap();
        assert_eq!(
            t.parts,
            vec![
                Part::Literal(b"v0:".to_vec()),
                Part::Timestamp,
                Part::Literal(b":".to_vec()),
                Part::Body
            ]
        );
        let t = Template::parse("{header:X-Id}{{x}}{body}").unwrap();
        assert_eq!(t.parts[0], Part::Header("X-Id".into()));
        assert_eq!(t.parts[1], Part::Literal(b"{x}".to_vec()));
    }

    #[test]
    fn rejects_bad_templates() {
        assert!(
            Template::parse("{bdy}")
                .unwrap_err()
                .contains("unknown placeholder")
        );
        assert!(Template::parse("{body").is_err());
        assert!(Template::parse("body}").is_err());
        assert!(Template::parse("v0:").is_err());
        assert!(Template::parse("{secret}").is_err());
        assert!(Template::parse("{body_hash:sha1024}").is_err());
    }

    #[test]
    fn body_fields_placeholder() {
        let t = Template::parse("{body_fields:Message,Subject?,Type}").unwrap();
        assert_eq!(
            t.parts,
            vec![Part::BodyFields(vec![
                ("Message".to_owned(), false),
                ("Subject".to_owned(), true),
                ("Type".to_owned(), false)
            ])]
        );
        assert!(Template::parse("{body_fields:Message,,Type}").is_err());
    }

    #[test]
    fn body_hash_placeholder() {
        let t = Template::parse("{body_hash:sha256}").unwrap();
        assert_eq!(
            t.parts,
            vec![Part::BodyHash(crate::scheme::Algorithm::Sha256)]
        );
    }
}
