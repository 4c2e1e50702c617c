//! The signed-content template: literal bytes and `{placeholders}` for the parts of a delivery.

/// The JSON dialects a `{json:a.b:DIALECT}` part may name: `canonical::json_dialect`'s presets,
/// listed here because schemes sit below the canonical forms (a test there keeps the two lists
/// equal).
pub const JSON_DIALECTS: &[&str] = &[
    "js_compact",
    "python_default",
    "js_pretty_2",
    "stripe_pretty",
    "escaped_lower",
    "python_compact",
    "python_compact_unicode",
    "php_default",
    "python_sorted",
    "go_html_safe",
    "rails",
    "compact_sorted",
    "go_map",
    "php_unescaped_slashes",
    "escaped_upper",
    "python_default_unicode",
    "pretty_4",
    "php_assoc",
    "php_pretty",
    "dotnet",
    "jackson",
    "jackson_pretty",
    "jackson_bytes",
    "gson",
];

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
    /// Another header's value: `{header:X-Name}` (also `{body:a.b}`, `{query:p}`, a form field
    /// `{form:name}`, an item of the signature header `{item:env}`); a trailing `?` makes it
    /// optional, signed as empty when absent.
    Header(String),
    /// `{json:Content}`: a JSON body field's value as its bytes were sent (Exact Online signs
    /// the raw `Content` text); `{json:object_payload:php_default}`: that value serialised
    /// again in a named dialect (Treezor signs PHP's `json_encode` of `object_payload`).
    Json {
        /// The field's path in the body, keys joined with `.` (numbers index arrays).
        path: String,
        /// The name of a JSON dialect (`php_default`); None signs the bytes as sent.
        dialect: Option<String>,
    },
    /// `{json_string:body}`: another part as a JSON string literal, quoted and escaped as
    /// `JSON.stringify` writes it (Hygraph signs a JSON envelope that holds the body as text).
    JsonString(Box<Part>),
}

impl Part {
    /// The key of an `{item:KEY}` part: an item of the signature header's structured value.
    /// Also inside `{json_string:…}`; a trailing `?` removed.
    pub fn item(&self) -> Option<&str> {
        crate::scheme::named_part(self)?.strip_prefix("item:")
    }
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
                let part = if let Some(inner) = name.strip_prefix("json_string:") {
                    match Template::parse(&format!("{{{inner}}}"))?.parts.as_slice() {
                        [p @ (Part::Body | Part::Timestamp | Part::Id | Part::Header(_))] => {
                            Part::JsonString(Box::new(p.clone()))
                        }
                        _ => {
                            return Err(format!(
                                "{{{name}}}: json_string takes body, timestamp, id or a named part (header:, body:, form:, query:, item:)"
                            ));
                        }
                    }
                } else if let Some(spec) = name.strip_prefix("json:") {
                    let (path, dialect) = match spec.split_once(':') {
                        Some((path, dialect)) => (path, Some(dialect)),
                        None => (spec, None),
                    };
                    if path.is_empty() || path.split('.').any(str::is_empty) {
                        return Err(format!("{{{name}}}: name a body field (json:a.b)"));
                    }
                    if let Some(d) = dialect {
                        if !JSON_DIALECTS.contains(&d) {
                            return Err(format!(
                                "{{{name}}}: unknown JSON dialect {d:?} (js_compact, php_default, python_default, ...)"
                            ));
                        }
                    }
                    Part::Json {
                        path: path.to_owned(),
                        dialect: dialect.map(str::to_owned),
                    }
                } else {
                    match name {
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
                            // `{body:a.b}`, `{query:p}`, `{form:f}` and `{item:i}` name parts the
                            // same way headers do.
                            _ if ["body:", "query:", "form:", "item:"]
                                .iter()
                                .any(|p| name.len() > p.len() && name.starts_with(p)) =>
                            {
                                Part::Header(name.to_owned())
                            }
                            _ => {
                                return Err(format!(
                                    "unknown placeholder {{{name}}}: use body, form, timestamp, id, url, \
                                 method, secret, header:<Name>, body:<a.b>, form:<name>, item:<key>, \
                                 json:<a.b>[:<dialect>] or json_string:<part>"
                                ));
                            }
                        },
                    }
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
    fn field_envelope_and_item_placeholders() {
        let t = Template::parse("{json:Content}{json:p.q:php_default}").unwrap();
        assert_eq!(
            t.parts,
            vec![
                Part::Json {
                    path: "Content".into(),
                    dialect: None
                },
                Part::Json {
                    path: "p.q".into(),
                    dialect: Some("php_default".into())
                }
            ]
        );
        let t = Template::parse("{json_string:body}{json_string:item:env}{form:data}").unwrap();
        assert_eq!(
            t.parts,
            vec![
                Part::JsonString(Box::new(Part::Body)),
                Part::JsonString(Box::new(Part::Header("item:env".into()))),
                Part::Header("form:data".into())
            ]
        );
        for bad in [
            "{json:}",
            "{json:a..b}",
            "{json:a:no_such_dialect}",
            "{json_string:url}",
            "{json_string:secret}",
            "{form:}",
            "{item:}",
        ] {
            assert!(Template::parse(bad).is_err(), "{bad}");
        }
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
