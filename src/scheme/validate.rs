//! What a scheme must be before it is used: complete, keyed, and covering the body.

use super::*;

/// A problem in a scheme description, naming the field.
#[derive(Debug, thiserror::Error)]
#[error("field `{field}`: {message}")]
pub struct SchemeError {
    /// The field at fault (`signature.headers`).
    pub field: &'static str,
    /// What is wrong with it.
    pub message: String,
}

impl Scheme {
    /// Checks what serde cannot: the template parses, the signature spec is complete.
    pub fn validate(&self) -> Result<(), SchemeError> {
        let err = |field, message: &str| SchemeError {
            field,
            message: message.to_owned(),
        };
        if self.name.is_empty() {
            return Err(err("name", "must not be empty"));
        }
        let template = Template::parse(&self.signed).map_err(|m| err("signed", &m))?;
        let token_is_body = self
            .jwt
            .as_ref()
            .is_some_and(|j| j.token == jwt_spec::TokenPlace::Body);
        if self.signature.headers.is_empty() && self.algorithm != Algorithm::None && !token_is_body
        {
            return Err(err("signature.headers", "needs at least one header name"));
        }
        match (&self.signature.items, &self.signature.pair) {
            (Some(_), Some(_)) if self.signature.keys.is_empty() => {
                return Err(err(
                    "signature.keys",
                    "a structured value (`items` + `pair`) needs the keys that carry signatures",
                ));
            }
            (None, Some(_)) => {
                return Err(err("signature.items", "`pair` needs the `items` separator"));
            }
            _ => {}
        }
        // Items without a `pair` have no names: they are addressed by position (`0`, `1+`).
        let unnamed = self.signature.items.is_some() && self.signature.pair.is_none();
        let field = self.timestamp.as_ref().and_then(|t| t.field.as_deref());
        if unnamed
            && !self
                .signature
                .keys
                .iter()
                .map(String::as_str)
                .chain(field)
                .all(signature::is_position)
        {
            return Err(err(
                "signature.keys",
                "items without a `pair` have no names: name them by position (`0` for the first, `1+` for the second and every later one)",
            ));
        }
        let items: Vec<&str> = template.parts.iter().filter_map(Part::item).collect();
        if !items.is_empty() && self.signature.items.is_none() {
            return Err(err(
                "signed",
                "an {item:…} part needs a structured signature header (`items`)",
            ));
        }
        if unnamed && !items.iter().all(|k| signature::is_position(k)) {
            return Err(err(
                "signed",
                "items without a `pair` have no names: an {item:…} part names a position (`0`)",
            ));
        }
        match (&self.jwt, self.algorithm) {
            (Some(spec), Algorithm::Jwt) => spec.validate().map_err(|m| SchemeError {
                field: "jwt",
                message: m,
            })?,
            (None, Algorithm::Jwt) => {
                return Err(err(
                    "jwt",
                    "algorithm jwt needs a [jwt] table (algorithms, body_claim, ...)",
                ));
            }
            (Some(_), _) => return Err(err("jwt", "a [jwt] table needs algorithm = \"jwt\"")),
            (None, _) => {}
        }
        if template.uses(&Part::Timestamp) && self.timestamp.is_none() {
            return Err(err(
                "timestamp",
                "the template uses {timestamp} but the scheme says nowhere where it comes from",
            ));
        }
        if let Some(ts) = &self.timestamp {
            if ts.header.is_some() == ts.field.is_some() {
                return Err(err(
                    "timestamp",
                    "give exactly one of `header` or `field` as its source",
                ));
            }
            if ts.header.is_none() && !ts.fallback_headers.is_empty() {
                return Err(err(
                    "timestamp.fallback_headers",
                    "fallback headers need a `header` to fall back from",
                ));
            }
            if ts.field.is_some() && self.signature.items.is_none() {
                return Err(err(
                    "timestamp.field",
                    "a timestamp field needs a structured signature header (`items`)",
                ));
            }
        }
        if (self.url_port_variants || self.body_hash_param.is_some()) && !template.uses(&Part::Url)
        {
            return Err(err(
                "url_port_variants",
                "URL options need {url} in the template",
            ));
        }
        if template.uses(&Part::Id) && self.id_headers.is_empty() {
            return Err(err("id_headers", "the template uses {id}: name its header"));
        }
        let items = template
            .parts
            .iter()
            .any(|p| matches!(named_part(p), Some(n) if n.starts_with("item:")));
        if items && self.signature.items.is_none() {
            return Err(err(
                "signed",
                "{item:...} reads an item of a structured signature header: give signature.items and signature.pair",
            ));
        }
        if let Some(hash) = self.prehash {
            if !self.algorithm.is_asymmetric() || !hash.is_plain_hash() {
                return Err(err(
                    "prehash",
                    "a prehash is a plain hash (sha256, sha384, md5) of the content a public-key signature covers",
                ));
            }
        }
        if let Some(url) = &self.cert_url {
            if !self.algorithm.is_rsa() {
                return Err(err(
                    "cert_url",
                    "a certificate URL names the key of an RSA scheme",
                ));
            }
            url.validate().map_err(|m| SchemeError {
                field: "cert_url",
                message: m,
            })?;
        }
        self.check_authenticates(&template)
    }

    /// A scheme must authenticate the delivery: its signature keyed (else anyone can compute
    /// it) and covering the body (else any body passes with a replayed signature). Token and
    /// Basic schemes authenticate only the sender, and their reports say so.
    fn check_authenticates(&self, template: &Template) -> Result<(), SchemeError> {
        let err = |field, message: &str| SchemeError {
            field,
            message: message.to_owned(),
        };
        // The delivery names its algorithm from this list, so each must be a keyed MAC of the
        // same content: a hostile delivery must not pick a plain hash anyone can compute.
        if let Some(h) = &self.algorithm_header {
            let hmacs = self.algorithm.is_hmac() && h.values.iter().all(|(_, a)| a.is_hmac());
            let rsas = self.algorithm.is_rsa() && h.values.iter().all(|(_, a)| a.is_rsa());
            if !hmacs && !rsas {
                return Err(err(
                    "algorithm_header",
                    "a delivery may name only algorithms of the scheme's own family: HMACs for an HMAC scheme, RSA hashes for an RSA one",
                ));
            }
        }
        match self.algorithm {
            Algorithm::Token | Algorithm::Basic | Algorithm::None => return Ok(()),
            // The token's body-hash claim covers the body (JwtSpec::validate requires it).
            Algorithm::Jwt => return Ok(()),
            plain if plain.is_plain_hash() && !template.uses(&Part::Secret) => {
                return Err(SchemeError {
                    field: "signed",
                    message: format!(
                        "algorithm {} is a plain hash: without {{secret}} in the signed content anyone can compute it (use an hmac-* algorithm)",
                        plain.id()
                    ),
                });
            }
            _ => {}
        }
        // A CRC-32 of the body covers it, but not against forgery: such schemes say so in every
        // report (`body_checksum_only`).
        let whole_body = template.parts.iter().any(|p| match p {
            Part::Body | Part::Form | Part::BodyHash(_) | Part::BodyCrc32 => true,
            Part::JsonString(inner) => **inner == Part::Body,
            _ => false,
        });
        let body_fields = template.parts.iter().any(|p| body_read(p).is_some());
        self.check_signature_not_signed(template, whole_body)?;
        match (whole_body, self.body_fields_only) {
            (true, false) => Ok(()),
            (true, true) => Err(err(
                "body_fields_only",
                "the signed content has {body} or {form}: it covers the whole body",
            )),
            (false, true) if body_fields => Ok(()),
            (false, _) => Err(err(
                "signed",
                "the signed content does not cover the body ({body} or {form}), so any body would pass with a replayed signature; if the provider signs only some body fields, name them ({body:a.b}) and set body_fields_only = true",
            )),
        }
    }

    /// A signature carried in the body cannot be part of what it signs: the sender computed it
    /// before it was there, so a scheme that says otherwise could never verify, and a field
    /// that holds the signature must not overlap a signed field.
    fn check_signature_not_signed(
        &self,
        template: &Template,
        whole_body: bool,
    ) -> Result<(), SchemeError> {
        let in_body: Vec<&str> = self
            .signature
            .headers
            .iter()
            .filter(|h| h.starts_with("body:") || h.starts_with("form:"))
            .map(String::as_str)
            .collect();
        let Some(first) = in_body.first() else {
            return Ok(());
        };
        let message = |what: &str| SchemeError {
            field: "signed",
            message: format!(
                "the signature is read from the body ({first}), so it cannot be part of what it signs, but the signed content has {what}"
            ),
        };
        if whole_body {
            return Err(message("the whole body"));
        }
        // `a.b` overlaps `a` and `a.b.c` (one holds the other), not `a.bc`.
        let overlaps = |x: &str, y: &str| {
            let (short, long) = if x.len() <= y.len() { (x, y) } else { (y, x) };
            long == short || long.starts_with(&format!("{short}."))
        };
        for part in &template.parts {
            let Some(read) = body_read(part) else {
                continue;
            };
            for sig in &in_body {
                let (kind, path) = sig.split_once(':').unwrap_or_default();
                let hit = read.iter().any(|(k, p)| *k == kind && overlaps(p, path));
                if hit {
                    return Err(message(&format!("the field {sig}")));
                }
            }
        }
        Ok(())
    }
}

/// The name a part reads by (`body:a.b`, `form:f`, `item:i`, a header), also inside
/// `{json_string:…}`; a trailing `?` (optional) removed.
pub fn named_part(part: &Part) -> Option<&str> {
    match part {
        Part::Header(name) => Some(name.strip_suffix('?').unwrap_or(name)),
        Part::JsonString(inner) => named_part(inner),
        _ => None,
    }
}

/// The body fields a part reads, as (`body` or `form`, path); None for a part that reads no
/// chosen field (the whole body, a header, the URL, ...).
fn body_read(part: &Part) -> Option<Vec<(&str, &str)>> {
    match part {
        Part::Json { path, .. } => Some(vec![("body", path.as_str())]),
        Part::BodyFields(fields) => Some(
            fields
                .iter()
                .map(|(name, _)| ("body", name.as_str()))
                .collect(),
        ),
        _ => {
            let (kind, path) = named_part(part)?.split_once(':')?;
            matches!(kind, "body" | "form").then(|| vec![(kind, path)])
        }
    }
}
