//! Why a delivery did not verify. Each hypothesis (another body, secret, encoding, template,
//! URL, header or provider) is checked by really verifying the changed delivery; a cause is
//! reported only when one does. When none does, the answer is `secret_mismatch` with what was
//! tried. Observations that explain nothing on their own are warnings.

pub mod body;
pub mod computed;
pub mod diff;
pub mod json;
pub mod secret;

/// The JSON dialects live with the canonical forms; kept here under their old path.
pub use crate::canonical::json_dialect;
/// The engine's own causes, kept here under their old paths.
pub use crate::verify::causes::{problem_cause, secret_mismatch};
mod text;

use serde_json::Value;

use crate::input::{Delivery, Keys};
use crate::outcome::{Cause, CauseCode, Outcome, Warning};
use crate::scheme::{Algorithm, Encoding, Part, Scheme, TimeUnit, detect};
use crate::verify::{self, Options, Prepared};

/// Runs the search after a failed check and rewrites `outcome.causes`: explanations backed by
/// a verifying variant first, then the check's own cause unless an explanation replaces it.
pub fn run(
    scheme: &Scheme,
    delivery: &Delivery,
    keys: &Keys,
    options: &Options,
    outcome: &mut Outcome,
) {
    let Some(base) = outcome.causes.first().map(|c| c.code) else {
        return;
    };
    let search = Search {
        scheme,
        delivery,
        keys,
        options: Options {
            diagnose: false,
            ..options.clone()
        },
        json: std::sync::OnceLock::new(),
        cut: std::sync::Mutex::new(Vec::new()),
        parsed: std::sync::OnceLock::new(),
        json_hits: std::sync::OnceLock::new(),
    };
    let mut tried = Vec::new();
    let found = match base {
        CauseCode::UnsignedProvider => return,
        CauseCode::TimestampOutsideTolerance => {
            search.timestamp_unit_window().into_iter().collect()
        }
        _ => search.explain(&mut tried),
    };
    let explained_secret = found.iter().any(|c| c.code == CauseCode::SecretWhitespace);
    outcome.warnings.extend(
        search
            .warnings()
            .into_iter()
            .filter(|w| !(explained_secret && w.code == "secret_whitespace")),
    );
    if found.is_empty() {
        if let Some(c) = outcome
            .causes
            .iter_mut()
            .find(|c| c.code == CauseCode::SecretMismatch)
        {
            if let Some(Value::Array(list)) = c.detail.get_mut("tried") {
                list.extend(tried.into_iter().map(Value::from));
            }
        }
        return;
    }
    outcome
        .causes
        .retain(|c| c.code != CauseCode::SecretMismatch);
    let mut causes = found;
    causes.append(&mut outcome.causes);
    outcome.causes = causes;
}

/// Above this size candidate bodies are made one at a time (one per core), so that memory
/// stays a small multiple of the body's size.
const HOLD_ALL_UP_TO: usize = 1 << 20;

/// Bodies above this size get a partial diagnosis (no body variants), with a warning.
pub const PARTIAL_ABOVE: usize = 64 << 20;

struct Search<'a> {
    scheme: &'a Scheme,
    delivery: &'a Delivery,
    keys: &'a Keys,
    options: Options,
    /// The body in every JSON dialect, rendered once for all steps that need it.
    json: std::sync::OnceLock<Vec<json::JsonVariant>>,
    /// Steps that stopped at their budget, said in the report.
    cut: std::sync::Mutex<Vec<String>>,
    /// The parsed JSON body, for rendering a large body one dialect at a time.
    parsed: std::sync::OnceLock<Option<json_dialect::Value>>,
    /// For a large body: per suffix in `JSON_SUFFIXES`, the first dialect that verifies.
    json_hits: std::sync::OnceLock<Vec<Option<usize>>>,
}

/// What may follow a re-serialised JSON body: nothing, or the newline a framework adds.
const JSON_SUFFIXES: [&[u8]; 3] = [b"", b"\n", b"\r\n"];

impl<'a> Search<'a> {
    fn verifies(&self, scheme: &Scheme, delivery: &Delivery, keys: &Keys) -> bool {
        verify::verify(scheme, delivery, keys, &self.options)
            .matched
            .is_some()
    }

    fn verifies_with_options(&self, scheme: &Scheme, options: &Options) -> bool {
        verify::verify(scheme, self.delivery, self.keys, options)
            .matched
            .is_some()
    }

    /// True when candidate bodies are made one at a time rather than all held at once.
    fn large(&self) -> bool {
        self.delivery.body.len() > HOLD_ALL_UP_TO
    }

    /// The first byte-level body variant that verifies (in the list's order).
    fn first_byte_variant(&self, keys: &Keys) -> Option<body::BodyVariant> {
        if self.large() {
            return body::first_variant(&self.delivery.body, &mut |v| {
                let verified;
                (verified, v.bytes) = self.verifies_owned(std::mem::take(&mut v.bytes), keys);
                verified
            });
        }
        let variants = body::variants(&self.delivery.body);
        let refs: Vec<&body::BodyVariant> = variants.iter().collect();
        self.first_body(&refs, &[], keys).cloned()
    }

    /// The first JSON re-serialisation that verifies with `suffix` appended, and its dialect.
    /// A large body is rendered one dialect per core at a time, never all at once.
    fn first_json(&self, suffix: &[u8], keys: &Keys) -> Option<(body::BodyVariant, &'static str)> {
        if !self.large() {
            let refs: Vec<&body::BodyVariant> =
                self.json_variants().iter().map(|j| &j.body).collect();
            let found = self.first_body(&refs, suffix, keys)?;
            let dialect = self.dialect_of(found)?;
            return Some((found.clone(), dialect));
        }
        let received = &self.delivery.body;
        let value = self
            .parsed
            .get_or_init(|| json_dialect::parse(received))
            .as_ref()?;
        let render = |dialect: &json_dialect::Dialect| {
            let mut bytes = Vec::with_capacity(received.len() + received.len() / 8 + 2);
            json_dialect::render(value, dialect, &mut bytes);
            (bytes != *received).then_some(bytes)
        };
        // Each dialect is rendered once for every suffix the search asks about: the steps
        // and the pairs share this pass when they use the delivery's own keys.
        let first_hit = |suffixes: &[&[u8]], keys: &Keys| -> Vec<Option<usize>> {
            // One dialect at a time: the parsed value is already several times the body's size.
            let hits: Vec<Vec<bool>> = json_dialect::Dialect::ALL
                .iter()
                .map(|dialect| {
                    let Some(mut bytes) = render(dialect) else {
                        return vec![false; suffixes.len()];
                    };
                    let rendered = bytes.len();
                    suffixes
                        .iter()
                        .map(|suffix| {
                            bytes.truncate(rendered);
                            bytes.extend_from_slice(suffix);
                            let verified;
                            (verified, bytes) =
                                self.verifies_owned(std::mem::take(&mut bytes), keys);
                            verified
                        })
                        .collect()
                })
                .collect();
            (0..suffixes.len())
                .map(|i| hits.iter().position(|h| h[i]))
                .collect()
        };
        let index = if std::ptr::eq(keys, self.keys) {
            let hits = self
                .json_hits
                .get_or_init(|| first_hit(&JSON_SUFFIXES, keys));
            let at = JSON_SUFFIXES.iter().position(|s| *s == suffix)?;
            hits[at]?
        } else {
            first_hit(&[suffix], keys)[0]?
        };
        let dialect = &json_dialect::Dialect::ALL[index];
        let variant = body::BodyVariant {
            code: CauseCode::BodyJsonReserialized,
            variant: format!("re-serialised as {}", dialect.describe()),
            bytes: render(dialect)?,
        };
        Some((variant, dialect.name()))
    }

    /// Verifies with `body` in place of the received one; the buffer comes back.
    fn verifies_owned(&self, body: Vec<u8>, keys: &Keys) -> (bool, Vec<u8>) {
        let delivery = Delivery {
            headers: self.delivery.headers.clone(),
            body,
            url: self.delivery.url.clone(),
            method: self.delivery.method.clone(),
            timestamp_override: self.delivery.timestamp_override.clone(),
        };
        let verified = self.verifies(self.scheme, &delivery, keys);
        (verified, delivery.body)
    }

    fn json_variants(&self) -> &[json::JsonVariant] {
        self.json
            .get_or_init(|| json::variants(&self.delivery.body))
    }

    /// Verifies the delivery with `body` (and `suffix`) in place of the received body.
    fn verifies_body_with(&self, body: &[u8], suffix: &[u8], keys: &Keys) -> bool {
        let delivery = Delivery {
            headers: self.delivery.headers.clone(),
            body: [body, suffix].concat(),
            url: self.delivery.url.clone(),
            method: self.delivery.method.clone(),
            timestamp_override: self.delivery.timestamp_override.clone(),
        };
        self.verifies(self.scheme, &delivery, keys)
    }

    /// The first candidate body (in list order) that verifies, checked on all cores.
    fn first_body<'v>(
        &self,
        bodies: &'v [&'v body::BodyVariant],
        suffix: &[u8],
        keys: &Keys,
    ) -> Option<&'v body::BodyVariant> {
        use rayon::prelude::*;
        bodies
            .par_iter()
            .find_first(|b| self.verifies_body_with(&b.bytes, suffix, keys))
            .copied()
    }

    /// Single mistakes first, in the order they are most often made; then pairs.
    fn explain(&self, tried: &mut Vec<String>) -> Vec<Cause> {
        type Step<'s, 'a> = (&'s str, fn(&Search<'a>) -> Option<Cause>);
        let steps: [Step<'_, '_>; 10] = [
            (
                "the delivery under every other provider's scheme",
                Search::wrong_provider,
            ),
            ("the digest in every other header", Search::wrong_header),
            (
                "HMAC-SHA1, -SHA256, -SHA384, -SHA512 and -MD5 (RSA: SHA-1 and SHA-256)",
                Search::algorithm,
            ),
            (
                "hex, base64, base64url and base64-of-hex signatures",
                Search::signature_encoding,
            ),
            (
                "the secret without surrounding whitespace, quotes or BOM",
                Search::secret_whitespace,
            ),
            (
                "the secret decoded and not decoded (whsec_, base64, hex, prefixes)",
                Search::secret_encoding,
            ),
            (
                "body changes: newlines, CRLF, BOM, whitespace, base64, compression, form encoding, empty",
                Search::body_bytes,
            ),
            (
                "the JSON body in other serialisations (JS, Python, PHP, Go, Ruby, .NET, Java, sorted keys, escapes)",
                Search::body_json,
            ),
            (
                "other signed-content templates (parts dropped, reordered, other separators)",
                Search::template,
            ),
            (
                "timestamps in ms vs s, and URL variants",
                Search::timestamp_or_url,
            ),
        ];
        let huge = self.delivery.body.len() > PARTIAL_ABOVE;
        for (what, step) in steps {
            // On huge bodies only the steps that hash the body once or twice are affordable.
            if huge && (what.starts_with("body") || what.starts_with("the JSON")) {
                continue;
            }
            tried.push(what.to_owned());
            if let Some(cause) = step(self) {
                return vec![cause];
            }
        }
        if huge {
            return Vec::new();
        }
        tried.push("pairs of a secret change with a body change, and a JSON re-serialisation with a newline change".to_owned());
        self.pairs()
    }

    fn wrong_provider(&self) -> Option<Cause> {
        let other = detect::candidates(self.delivery)
            .into_iter()
            .filter(|s| {
                s.name != self.scheme.name
                    && !matches!(
                        s.algorithm,
                        Algorithm::Token | Algorithm::Basic | Algorithm::None
                    )
                    && !differs_only_in_secret(s, self.scheme)
            })
            .find(|s| self.verifies(s, self.delivery, self.keys))?;
        let command = format!("hookcheck verify --provider {} …", other.name);
        Some(
            Cause::new(
                CauseCode::WrongProvider,
                format!(
                    "this delivery verifies as {} ({}), not {}",
                    other.title, other.name, self.scheme.title
                ),
            )
            .detail("provider", other.name.clone())
            .detail("command", command.clone())
            .fix(format!(
                "check with `{command}`, or fix the receiver's provider setting"
            )),
        )
    }

    fn wrong_header(&self) -> Option<Cause> {
        let own: Vec<String> = self
            .scheme
            .signature
            .headers
            .iter()
            .map(|h| h.to_ascii_lowercase())
            .collect();
        // Each try re-verifies the whole delivery, so only a bounded number of headers that
        // could hold a digest are tried: a capture may carry tens of thousands of headers.
        let candidates = self
            .delivery
            .headers
            .iter()
            .filter(|(name, value)| {
                (16..=1024).contains(&value.len()) && !own.contains(&name.to_ascii_lowercase())
            })
            .take(MAX_OTHER_HEADERS);
        for (name, value) in candidates {
            let mut specs = vec![self.scheme.signature.clone()];
            let prefix = value
                .split_once('=')
                .map(|(p, _)| format!("{p}="))
                .filter(|p| p.len() <= 8);
            for encoding in [Encoding::Hex, Encoding::Base64] {
                specs.push(crate::scheme::SignatureSpec {
                    headers: Vec::new(),
                    encoding,
                    prefix: prefix.clone(),
                    items: None,
                    pair: None,
                    keys: Vec::new(),
                    auth_scheme: None,
                });
            }
            for mut spec in specs {
                spec.headers = vec![name.to_owned()];
                let scheme = Scheme {
                    signature: spec,
                    ..self.scheme.clone()
                };
                if self.verifies(&scheme, self.delivery, self.keys) {
                    return Some(
                        Cause::new(
                            CauseCode::WrongHeader,
                            format!(
                                "the signature that verifies is in {name}, not {}",
                                self.scheme.signature_header()
                            ),
                        )
                        .detail("header", name.to_owned())
                        .fix(format!("read the signature from {name}")),
                    );
                }
            }
        }
        None
    }

    fn algorithm(&self) -> Option<Cause> {
        let current = self.options.algorithm.unwrap_or(self.scheme.algorithm);
        let rsa = matches!(current, Algorithm::RsaSha1 | Algorithm::RsaSha256);
        let family: &[Algorithm] = if rsa {
            // A delivery labelled with the wrong SignatureVersion (Amazon SNS).
            &[Algorithm::RsaSha256, Algorithm::RsaSha1]
        } else if current.is_hmac() {
            &[
                Algorithm::HmacSha256,
                Algorithm::HmacSha1,
                Algorithm::HmacSha512,
                Algorithm::HmacSha384,
                Algorithm::HmacMd5,
            ]
        } else {
            return None;
        };
        family
            .iter()
            .copied()
        .filter(|a| *a != current)
        .find(|a| {
            self.verifies_with_options(
                self.scheme,
                &Options {
                    algorithm: Some(*a),
                    ..self.options.clone()
                },
            )
        })
        .map(|a| {
            Cause::new(
                CauseCode::SignatureAlgorithm,
                format!("the signature is {}, not {}", a.id(), current.id()),
            )
            .detail("variant", a.id())
            .detail("expected", current.id())
            .fix(if rsa {
                format!(
                    "the signature was made with {}: check the field naming the algorithm (SignatureVersion)",
                    a.id()
                )
            } else {
                format!(
                    "compute {} (or pass --algorithm {})",
                    a.id(),
                    a.id().trim_start_matches("hmac-")
                )
            })
        })
    }

    fn signature_encoding(&self) -> Option<Cause> {
        let current = self.scheme.signature.encoding;
        [
            Encoding::Hex,
            Encoding::Base64,
            Encoding::Base64url,
            Encoding::Base64Hex,
        ]
        .into_iter()
        .filter(|e| *e != current && current != Encoding::Plain)
        .find(|e| {
            let mut scheme = self.scheme.clone();
            scheme.signature.encoding = *e;
            self.verifies(&scheme, self.delivery, self.keys)
        })
        .map(|e| {
            Cause::new(
                CauseCode::SignatureEncoding,
                format!("the signature is {}-encoded, not {}", e.id(), current.id()),
            )
            .detail("variant", e.id())
            .detail("expected", current.id())
            .fix(format!(
                "decode the header as {} (or encode your digest as {})",
                e.id(),
                e.id()
            ))
        })
    }

    fn secret_whitespace(&self) -> Option<Cause> {
        // Public keys pasted with a stray space or newline are the same mistake.
        let variants = self.keys.iter().enumerate().flat_map(|(index, key)| {
            let (text, public) = match key {
                crate::input::Key::Secret(s) => (s.expose(), false),
                crate::input::Key::Public(p) => (p.text(), true),
            };
            secret::cleaned_bytes(text)
                .into_iter()
                .map(move |(variant, bytes)| {
                    let keys = if public {
                        Keys::from(crate::input::PublicKey::new(bytes))
                    } else {
                        Keys::from(crate::input::Secret::new(bytes))
                    };
                    (index, variant, keys)
                })
        });
        for (index, variant, keys) in variants {
            if self.verifies(self.scheme, self.delivery, &keys) {
                return Some(
                    Cause::new(
                        CauseCode::SecretWhitespace,
                        format!("key {} verifies with {variant}", index + 1),
                    )
                    .detail("key_index", index)
                    .detail("variant", variant)
                    .fix("strip the key when loading it (a trailing newline from a file or `echo`, quotes from .env)"),
                );
            }
        }
        None
    }

    fn secret_encoding(&self) -> Option<Cause> {
        for (index, key) in self.keys.secrets() {
            let keys = Keys::from(key.clone());
            for (format, variant) in secret::encodings(self.scheme.secret) {
                let scheme = Scheme {
                    secret: format,
                    ..self.scheme.clone()
                };
                if self.verifies(&scheme, self.delivery, &keys) {
                    return Some(self.secret_encoding_cause(index, variant));
                }
            }
            if let Some((variant, stripped)) = secret::without_prefix(key) {
                if self.verifies(self.scheme, self.delivery, &Keys::from(stripped)) {
                    return Some(self.secret_encoding_cause(index, &variant));
                }
            }
        }
        None
    }

    fn secret_encoding_cause(&self, index: usize, variant: &str) -> Cause {
        Cause::new(
            CauseCode::SecretEncoding,
            format!(
                "key {} verifies with {variant}; {} expects {}",
                index + 1,
                self.scheme.name,
                self.scheme.secret.id()
            ),
        )
        .detail("key_index", index)
        .detail("variant", variant)
        .detail("expected", self.scheme.secret.id())
        .fix(text::secret_format_fix(self.scheme.secret))
    }

    fn body_bytes(&self) -> Option<Cause> {
        self.first_byte_variant(self.keys)
            .map(|v| self.body_cause(&v, None))
    }

    fn body_json(&self) -> Option<Cause> {
        self.first_json(&[], self.keys)
            .map(|(v, dialect)| self.body_cause(&v, Some(dialect)))
    }

    /// The dialect name of a JSON variant (None for byte-level variants).
    fn dialect_of(&self, v: &body::BodyVariant) -> Option<&'static str> {
        self.json_variants()
            .iter()
            .find(|j| std::ptr::eq(&j.body, v))
            .map(|j| j.dialect)
    }

    fn body_cause(&self, v: &body::BodyVariant, dialect: Option<&str>) -> Cause {
        let d = diff::diff(&self.delivery.body, &v.bytes);
        let mut cause = Cause::new(v.code, text::body_summary(v.code, &v.variant))
            .detail("variant", v.variant.clone())
            .detail("diff", serde_json::to_value(&d).unwrap_or(Value::Null))
            .fix(text::body_fix(v.code));
        if let Some(dialect) = dialect {
            cause = cause.detail("dialect", dialect);
        }
        cause
    }

    fn template(&self) -> Option<Cause> {
        let template = self.scheme.template();
        // Each field once: a hostile template repeating one would make the subsets and orders
        // below explode (nine `{method}`s ran for minutes); four distinct fields bound them.
        let mut fields: Vec<Part> = Vec::new();
        for part in &template.parts {
            let field = matches!(part, Part::Timestamp | Part::Id | Part::Url | Part::Method);
            if field && !fields.contains(part) {
                fields.push(part.clone());
            }
        }
        if fields.is_empty() {
            return None;
        }
        let started = std::time::Instant::now();
        let (candidates, complete) = alternative_templates(&fields);
        if !complete {
            self.cut_short(format!(
                "other templates: only the first {MAX_TEMPLATES} of the field orders were tried"
            ));
        }
        for text in candidates {
            if started.elapsed() > TEMPLATE_TIME {
                self.cut_short(format!(
                    "other templates: stopped after {} s",
                    TEMPLATE_TIME.as_secs()
                ));
                break;
            }
            if text == self.scheme.signed {
                continue;
            }
            let scheme = Scheme {
                signed: text.clone(),
                ..self.scheme.clone()
            };
            if self.verifies(&scheme, self.delivery, self.keys) {
                return Some(
                    Cause::new(
                        CauseCode::TemplateMismatch,
                        format!(
                            "the signed content is `{text}`, not `{}`",
                            self.scheme.signed
                        ),
                    )
                    .detail("variant", text.clone())
                    .detail("expected", self.scheme.signed.clone())
                    .fix(format!(
                        "sign/verify exactly `{}` ({})",
                        self.scheme.signed, self.scheme.source
                    )),
                );
            }
        }
        None
    }

    fn timestamp_or_url(&self) -> Option<Cause> {
        self.timestamp_unit_template().or_else(|| self.url())
    }

    /// The sender signed the timestamp in the other unit than the one in the header.
    fn timestamp_unit_template(&self) -> Option<Cause> {
        let template = self.scheme.template();
        if !template.uses(&Part::Timestamp) {
            return None;
        }
        let prepared = Prepared::new(self.scheme, self.delivery, &self.options).ok()?;
        let ts: i64 = prepared.timestamp_text.as_deref()?.parse().ok()?;
        // A hostile timestamp may be near i64::MAX: no variant where the unit overflows.
        let variants = [
            (ts.checked_mul(1000), "signed in milliseconds"),
            (Some(ts / 1000), "signed in seconds"),
        ];
        for (text, variant) in variants
            .into_iter()
            .filter_map(|(t, v)| t.map(|t| (t.to_string(), v)))
        {
            let delivery = Delivery {
                timestamp_override: Some(text),
                ..self.delivery.clone()
            };
            if self.verifies(self.scheme, &delivery, self.keys) {
                return Some(
                    Cause::new(
                        CauseCode::TimestampUnit,
                        format!("the timestamp was {variant}, the header has the other unit"),
                    )
                    .detail("variant", variant),
                );
            }
        }
        None
    }

    /// A delivery whose signature is good but whose age is off by a factor of 1000.
    fn timestamp_unit_window(&self) -> Option<Cause> {
        let spec = self.scheme.timestamp.as_ref()?;
        let other = match spec.unit {
            TimeUnit::Seconds => TimeUnit::Milliseconds,
            TimeUnit::Milliseconds => TimeUnit::Seconds,
            TimeUnit::Rfc3339 | TimeUnit::Iso8601 => return None,
        };
        let mut scheme = self.scheme.clone();
        if let Some(ts) = scheme.timestamp.as_mut() {
            ts.unit = other;
            // The other reading must be near now either way: for a scheme that limits only
            // the past, a millisecond value read as seconds lies far in the future and would
            // always pass.
            ts.future = true;
        }
        let outcome = verify::verify(&scheme, self.delivery, self.keys, &self.options);
        if !outcome.verified {
            return None;
        }
        let unit = if other == TimeUnit::Milliseconds {
            "milliseconds"
        } else {
            "seconds"
        };
        Some(
            Cause::new(
                CauseCode::TimestampUnit,
                format!(
                    "the timestamp is in {unit}: read that way, the delivery is within the window"
                ),
            )
            .detail("variant", unit)
            .fix("compare like with like: Date.now() is in milliseconds, Unix time in seconds"),
        )
    }

    fn url(&self) -> Option<Cause> {
        if !self.scheme.template().uses(&Part::Url) {
            return None;
        }
        let url = self.delivery.url.as_deref()?;
        for (variant, candidate) in text::url_variants(url, &self.delivery.headers) {
            let delivery = Delivery {
                url: Some(candidate.clone()),
                ..self.delivery.clone()
            };
            if self.verifies(self.scheme, &delivery, self.keys) {
                return Some(
                    Cause::new(CauseCode::UrlMismatch, format!("the URL that was signed is {candidate} ({variant})"))
                        .detail("variant", variant)
                        .detail("signed_url", candidate)
                        .fix("verify against the public URL the provider calls (behind a proxy: X-Forwarded-Proto/Host), or pass --url"),
                );
            }
        }
        None
    }

    /// Two independent mistakes: a secret change with a body change, and a JSON
    /// re-serialisation with a trailing-newline change.
    fn pairs(&self) -> Vec<Cause> {
        for (index, key) in self.keys.secrets() {
            // Only secrets with debris to remove: an added newline is for --computed.
            for s in secret::cleaned(key)
                .into_iter()
                .filter(|s| s.secret.len() < key.len())
            {
                let variant = s.variant;
                let keys = Keys::from(s.secret);
                let body = self
                    .first_byte_variant(&keys)
                    .map(|b| (b, None))
                    .or_else(|| self.first_json(&[], &keys).map(|(b, d)| (b, Some(d))));
                if let Some((b, dialect)) = body {
                    let secret_cause = Cause::new(
                        CauseCode::SecretWhitespace,
                        format!("key {} verifies with {}", index + 1, variant),
                    )
                    .detail("key_index", index)
                    .detail("variant", variant)
                    .fix("strip the secret when loading it");
                    return vec![self.body_cause(&b, dialect), secret_cause];
                }
            }
        }
        for (suffix, label) in [
            (&b"\n"[..], "trailing LF added"),
            (b"\r\n", "trailing CRLF added"),
        ] {
            if let Some((j, dialect)) = self.first_json(suffix, self.keys) {
                let newline = body::BodyVariant {
                    code: CauseCode::BodyTrailingNewlineRemoved,
                    variant: label.to_owned(),
                    bytes: [j.bytes.as_slice(), suffix].concat(),
                };
                return vec![
                    self.body_cause(&j, Some(dialect)),
                    self.body_cause(&newline, None),
                ];
            }
        }
        Vec::new()
    }

    /// Notes that a step of the search stopped at its budget.
    fn cut_short(&self, what: String) {
        if let Ok(mut cut) = self.cut.lock() {
            cut.push(what);
        }
    }

    /// Observations worth knowing even when they explain nothing.
    fn warnings(&self) -> Vec<Warning> {
        let mut out = Vec::new();
        if let Ok(cut) = self.cut.lock() {
            out.extend(cut.iter().map(|what| {
                Warning::new(
                    "diagnosis_cut_short",
                    format!("the search was cut short: {what}"),
                )
            }));
        }
        for (i, key) in self.keys.secrets() {
            if secret::has_debris(key) {
                out.push(Warning::new(
                    "secret_whitespace",
                    format!("key {} has surrounding whitespace, quotes or a BOM", i + 1),
                ));
            }
            if let Some(what) = secret::looks_like_api_key(key) {
                out.push(Warning::new(
                    "secret_looks_like_api_key",
                    format!(
                        "key {} looks like {what}, not a webhook signing secret",
                        i + 1
                    ),
                ));
            }
        }
        if self.delivery.body.len() > PARTIAL_ABOVE {
            out.push(Warning::new(
                "diagnosis_partial",
                format!(
                    "the body is over {} MiB: body and JSON variants were not tried",
                    PARTIAL_ABOVE >> 20
                ),
            ));
        }
        if self.delivery.body.is_empty() {
            out.push(Warning::new(
                "body_empty",
                "the body is empty: was it read before verification?",
            ));
        }
        out
    }
}

/// At most this many other headers are tried as the signature's home.
const MAX_OTHER_HEADERS: usize = 32;

/// At most this many alternative templates are tried; a custom scheme may repeat fields.
const MAX_TEMPLATES: usize = 2_000;
/// And for at most this long.
const TEMPLATE_TIME: std::time::Duration = std::time::Duration::from_secs(2);

/// Two schemes with one wire format whose keys differ only in how the secret is read (Polar is
/// Standard Webhooks with the secret's own bytes as key): a delivery that verifies under the
/// other is better explained by `secret_encoding` than by another provider.
fn differs_only_in_secret(a: &Scheme, b: &Scheme) -> bool {
    let mut a = a.clone();
    a.name.clone_from(&b.name);
    a.title.clone_from(&b.title);
    a.alias_of.clone_from(&b.alias_of);
    a.notes.clone_from(&b.notes);
    a.source.clone_from(&b.source);
    a.detect_headers.clone_from(&b.detect_headers);
    a.secret = b.secret;
    a == *b
}

/// Templates over the same (distinct) fields and the body: parts dropped, reordered, other
/// separators; false when the list was capped.
fn alternative_templates(fields: &[Part]) -> (Vec<String>, bool) {
    let name = |p: &Part| match p {
        Part::Timestamp => "{timestamp}",
        Part::Id => "{id}",
        Part::Url => "{url}",
        Part::Method => "{method}",
        _ => "{body}",
    };
    let mut subsets: Vec<Vec<Part>> = vec![Vec::new()];
    for f in fields {
        let with: Vec<Vec<Part>> = subsets
            .iter()
            .map(|s| [s.clone(), vec![f.clone()]].concat())
            .collect();
        subsets.extend(with);
    }
    // Fewer fields first: the common mistakes drop a part rather than add one.
    subsets.sort_by_key(Vec::len);
    let mut out = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for subset in subsets {
        let mut items: Vec<Part> = subset;
        items.push(Part::Body);
        for order in permutations(&items) {
            for sep in ["", ".", ":", "|", "\n"] {
                let t: Vec<&str> = order.iter().map(name).collect();
                let text = t.join(sep);
                if seen.insert(text.clone()) {
                    if out.len() == MAX_TEMPLATES {
                        return (out, false);
                    }
                    out.push(text);
                }
                if order.len() == 1 {
                    break;
                }
            }
        }
    }
    (out, true)
}

fn permutations(items: &[Part]) -> Vec<Vec<Part>> {
    if items.len() <= 1 {
        return vec![items.to_vec()];
    }
    let mut out = Vec::new();
    for i in 0..items.len() {
        let mut rest = items.to_vec();
        let first = rest.remove(i);
        for mut p in permutations(&rest) {
            p.insert(0, first.clone());
            out.push(p);
        }
    }
    out
}
