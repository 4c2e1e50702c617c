//! A delivery read through its scheme: the signatures found, the template's fields gathered
//! (timestamp, id, URL, path, signed headers, body fields, form), and the signed content they
//! make, fed to a MAC part by part.

use std::borrow::Cow;

use crate::canonical::form::sorted_form;
use crate::canonical::url::{encoded_path, other_port_form, url_path};
use crate::input::Delivery;
use crate::mac;
use crate::scheme::{Algorithm, Part, Scheme, Template};

use super::timestamp::timestamp_text;
use super::{FoundSignature, Options, Problem, extract_signatures};

/// A delivery read through a scheme: signatures and template fields, ready to recompute.
#[derive(Debug)]
pub struct Prepared<'a> {
    pub scheme: &'a Scheme,
    pub algorithm: Algorithm,
    pub template: Cow<'a, Template>,
    pub signatures: Vec<FoundSignature>,
    pub timestamp_text: Option<String>,
    pub id: Option<String>,
    /// The URL the template signs (one of the candidates for URL-signed schemes).
    pub url: Option<String>,
    /// Values of the other named parts the template signs (`{header:X}`, `{body:a.b}`).
    pub parts: Vec<(String, String)>,
    /// Sorted form parameters, for templates with `{form}`.
    pub form: Vec<u8>,
    pub delivery: &'a Delivery,
}

impl<'a> Prepared<'a> {
    pub fn new(
        scheme: &'a Scheme,
        delivery: &'a Delivery,
        options: &Options,
    ) -> Result<Prepared<'a>, Problem> {
        let signatures = extract_signatures(scheme, delivery)?;
        repeated_form_field(scheme, delivery)?;
        // The official verifier rejects a delivery without one of these, MAC or not.
        if let Some(header) = scheme
            .required_headers
            .iter()
            .find(|h| delivery.values(h).iter().all(|v| v.trim().is_empty()))
        {
            return Err(Problem::Missing {
                header: header.clone(),
                what: "required",
            });
        }
        for (header, want) in &scheme.required_values {
            match delivery.headers.get(header) {
                None => {
                    return Err(Problem::Missing {
                        header: header.clone(),
                        what: "required",
                    });
                }
                Some(got) if got.trim() != want => {
                    return Err(Problem::Malformed {
                        header: header.clone(),
                        reason: format!(
                            "it is {got:?}, and {} accepts only {want:?}",
                            scheme.title
                        ),
                    });
                }
                Some(_) => {}
            }
        }
        let timestamp_text = timestamp_text(scheme, delivery);
        let template = scheme.template();
        // A signed timestamp, or one the provider limits with a window, that cannot be found is
        // a failure, never a skipped check: else a delivery stripped of it (Linear's
        // webhookTimestamp, inside the signed body) would verify at any age.
        let required = |t: &crate::scheme::TimestampSpec| t.signed || t.tolerance.is_some();
        let needed =
            template.uses(&Part::Timestamp) || scheme.timestamp.as_ref().is_some_and(required);
        if needed && timestamp_text.is_none() {
            let ts = scheme.timestamp.as_ref();
            return Err(match ts.and_then(|t| t.field.as_deref()) {
                Some(field) => Problem::Malformed {
                    header: scheme.signature_header().to_owned(),
                    reason: format!("it has no `{field}` timestamp item"),
                },
                None => Problem::Missing {
                    header: ts.map_or_else(String::new, |t| {
                        t.header_names().collect::<Vec<_>>().join(" or ")
                    }),
                    what: "timestamp",
                },
            });
        }
        let id = scheme
            .id_headers
            .iter()
            .find_map(|h| delivery.values(h).into_iter().next());
        if template.uses(&Part::Id) && id.is_none() {
            return Err(Problem::Missing {
                header: scheme.id_headers.join(" or "),
                what: "id",
            });
        }
        let mut parts = Vec::new();
        for part in &template.parts {
            // `{json_string:X}` reads X as X alone would.
            let part = match part {
                Part::JsonString(inner) => inner.as_ref(),
                other => other,
            };
            if let Part::Json { path, .. } = part {
                json_field_problem(&delivery.body, path)?;
            }
            if *part == Part::EncodedPath {
                parts.push((
                    "@encoded_path".to_owned(),
                    encoded_path(&url_path(delivery.url.as_deref().unwrap_or(""))),
                ));
            }
            if *part == Part::Path {
                parts.push((
                    "@path".to_owned(),
                    url_path(delivery.url.as_deref().unwrap_or("")),
                ));
            }
            if let Part::SignedHeaders(list) = part {
                let Some(names) = delivery.headers.get(list) else {
                    return Err(Problem::Missing {
                        header: list.clone(),
                        what: "signed-headers",
                    });
                };
                parts.push((
                    format!("@signed:{list}"),
                    signed_headers(&delivery.headers, names),
                ));
            }
            if let Part::BodyFields(fields) = part {
                let mut text = String::new();
                for (name, optional) in fields {
                    let field = format!("body:{name}");
                    match delivery.values(&field).into_iter().next() {
                        Some(value) => {
                            text.push_str(name);
                            text.push('\n');
                            text.push_str(&value);
                            text.push('\n');
                        }
                        None if *optional => {}
                        None => {
                            return Err(Problem::Missing {
                                header: field,
                                what: "signed",
                            });
                        }
                    }
                }
                parts.push(("@fields".to_owned(), text));
            }
            if let Some(key) = part.item() {
                // `{item:t}`: an item of the signature header that is not a time (NMI's nonce).
                let Some(value) = crate::scheme::signature::signature_item(scheme, delivery, key)
                else {
                    return Err(Problem::Malformed {
                        header: scheme.signature_header().to_owned(),
                        reason: format!("it has no `{key}` item"),
                    });
                };
                parts.push((format!("item:{key}"), value));
                continue;
            }
            if let Part::Header(name) = part {
                // `{body:a.b?}`: an optional part, signed as empty when absent (Adyen's SDKs).
                let (lookup, optional) = match name.strip_suffix('?') {
                    Some(n) => (n, true),
                    None => (name.as_str(), false),
                };
                match crate::scheme::signature::named_value(scheme, delivery, lookup) {
                    Some(value) => parts.push((name.clone(), value)),
                    None if optional => parts.push((name.clone(), String::new())),
                    None => {
                        return Err(Problem::Missing {
                            header: name.clone(),
                            what: "signed",
                        });
                    }
                }
            }
        }
        let form = if template.uses(&Part::Form) {
            sorted_form(&delivery.body)
        } else {
            Vec::new()
        };
        Ok(Prepared {
            scheme,
            algorithm: options.algorithm.unwrap_or(scheme.algorithm),
            template,
            signatures,
            timestamp_text,
            id,
            url: delivery.url.clone(),
            parts,
            form,
            delivery,
        })
    }

    fn part(&self, key: &str) -> &[u8] {
        self.parts
            .iter()
            .find(|(n, _)| n == key)
            .map_or(&b""[..], |(_, v)| v.as_bytes())
    }

    /// The URLs to try: as given, then with the default port toggled where the scheme's SDK
    /// accepts both.
    pub fn url_candidates(&self) -> Vec<Option<String>> {
        let mut out = vec![self.delivery.url.clone()];
        if let (true, Some(url)) = (self.scheme.url_port_variants, &self.delivery.url) {
            out.extend(other_port_form(url).map(Some));
        }
        out
    }

    /// The signed content for `template` over `body`, as pieces to feed a MAC in order.
    pub fn content<'b>(
        &'b self,
        template: &'b Template,
        body: &'b [u8],
        secret: &'b [u8],
    ) -> Vec<Cow<'b, [u8]>> {
        template
            .parts
            .iter()
            .map(|part| self.content_part(part, body, secret))
            .collect()
    }

    /// What one part of a template stands for (a body hash or a JSON field is made here,
    /// hence the Cow).
    fn content_part<'b>(
        &'b self,
        part: &'b Part,
        body: &'b [u8],
        secret: &'b [u8],
    ) -> Cow<'b, [u8]> {
        Cow::Borrowed(match part {
            Part::Json { path, dialect } => {
                use crate::canonical::json_field;
                return match dialect {
                    None => {
                        json_field::raw(body, path).map_or(Cow::Borrowed(&b""[..]), Cow::Borrowed)
                    }
                    Some(d) => Cow::Owned(json_field::rendered(body, path, d).unwrap_or_default()),
                };
            }
            Part::JsonString(inner) => {
                let text = self.content_part(inner, body, secret);
                return Cow::Owned(crate::canonical::json_field::string_literal(&text));
            }
            Part::BodyHash(hash) => {
                let digest = mac::digest(*hash, &[], &[body]).unwrap_or_default();
                return Cow::Owned(hex::encode(digest).into_bytes());
            }
            Part::BodyCrc32 => {
                return Cow::Owned(crc32fast::hash(body).to_string().into_bytes());
            }
            Part::BodyFields(_) => self.part("@fields"),
            Part::Literal(bytes) => bytes.as_slice(),
            Part::Body => body,
            Part::Timestamp => self.timestamp_text.as_deref().unwrap_or("").as_bytes(),
            Part::Id => self.id.as_deref().unwrap_or("").as_bytes(),
            Part::Url => self.url.as_deref().unwrap_or("").as_bytes(),
            Part::Form => &self.form,
            Part::Method => self.delivery.method.as_deref().unwrap_or("POST").as_bytes(),
            Part::Secret => secret,
            Part::Header(name) => self.part(name),
            Part::Path => self.part("@path"),
            Part::EncodedPath => self.part("@encoded_path"),
            Part::SignedHeaders(list) => self.part(&format!("@signed:{list}")),
        })
    }

    /// The digest of the scheme's template over `body` with `key` (and the raw `secret`
    /// for templates that embed it), fed part by part.
    pub fn digest(
        &self,
        algorithm: Algorithm,
        template: &Template,
        body: &[u8],
        key: &[u8],
        secret: &[u8],
    ) -> Vec<u8> {
        let mut out = [0; mac::MAX_DIGEST];
        let feed = |running: &mut mac::Running| {
            for part in &template.parts {
                running.update(&self.content_part(part, body, secret));
            }
        };
        match mac::keyed_digest(algorithm, key, feed, &mut out) {
            Some(len) => out[..len].to_vec(),
            None => Vec::new(),
        }
    }

    /// `matching_signature` of the template's digest over `body`, computed into a buffer on
    /// the stack (the check every delivery makes).
    pub(super) fn matching_digest(
        &self,
        algorithm: Algorithm,
        body: &[u8],
        key: &[u8],
        secret: &[u8],
    ) -> Option<usize> {
        let mut out = [0; mac::MAX_DIGEST];
        let feed = |running: &mut mac::Running| {
            for part in &self.template.parts {
                running.update(&self.content_part(part, body, secret));
            }
        };
        let len = mac::keyed_digest(algorithm, key, feed, &mut out)?;
        self.matching_signature(&out[..len])
    }

    /// Index of the first found signature equal to `digest`, each compared in constant time.
    pub fn matching_signature(&self, digest: &[u8]) -> Option<usize> {
        self.signatures
            .iter()
            .position(|s| s.bytes.as_deref().is_some_and(|b| mac::same(b, digest)))
    }
}

/// Contentful's canonical headers: the listed ones, lower-cased names, trimmed values,
/// sorted by name, `name:value` joined with `;`.
fn signed_headers(headers: &crate::input::Headers, names: &str) -> String {
    let mut pairs: Vec<(String, String)> = names
        .split(',')
        .map(|n| n.trim().to_ascii_lowercase())
        .filter(|n| !n.is_empty())
        .map(|n| {
            let value = headers.get(&n).unwrap_or("").trim().to_owned();
            (n, value)
        })
        .collect();
    pairs.sort();
    pairs
        .iter()
        .map(|(n, v)| format!("{n}:{v}"))
        .collect::<Vec<_>>()
        .join(";")
}

/// A signed JSON field that cannot be read is a missing part, or a malformed body when a key
/// on its path is there twice.
fn json_field_problem(body: &[u8], path: &str) -> Result<(), Problem> {
    use crate::canonical::json_field::{self, FieldError};
    match json_field::raw(body, path) {
        Ok(_) => Ok(()),
        Err(FieldError::Missing) => Err(Problem::Missing {
            header: format!("body:{path}"),
            what: "signed",
        }),
        Err(FieldError::Duplicate(key)) => Err(Problem::Malformed {
            header: format!("body:{path}"),
            reason: format!(
                "the body has the key {key:?} more than once on the signed field's path, so which one a receiver reads is unclear"
            ),
        }),
    }
}

/// A form field the scheme reads that the form holds twice is refused: this check reads the
/// first, a receiver may read the last (PHP's `$_POST` does), so an unsigned copy appended to a
/// signed delivery would be what the application uses.
fn repeated_form_field(scheme: &Scheme, delivery: &Delivery) -> Result<(), Problem> {
    let template = scheme.template();
    let signed = template.parts.iter().filter_map(crate::scheme::named_part);
    let timestamp = scheme
        .timestamp
        .iter()
        .flat_map(super::super::scheme::TimestampSpec::header_names);
    let signature = scheme.signature.headers.iter().map(String::as_str);
    for name in signed.chain(timestamp).chain(signature) {
        if name.starts_with("form:") && delivery.values(name).len() > 1 {
            return Err(Problem::Malformed {
                header: name.to_owned(),
                reason: format!(
                    "the form has the field {} more than once; receivers differ on which they read (PHP the last), so the delivery is refused",
                    &name[5..]
                ),
            });
        }
    }
    Ok(())
}
