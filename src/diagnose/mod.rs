//! Why a delivery did not verify. Each hypothesis (another body, secret, encoding, template,
//! URL, header or provider) is checked by really verifying the changed delivery; a cause is
//! reported only when one does. When none does, the answer is `secret_mismatch` with what was
//! tried. Observations that explain nothing on their own are warnings.

pub mod body;
pub mod charset;
pub mod computed;
pub mod diff;
pub mod envelope;
pub mod json;
pub mod json_combo;
pub mod keyorder;
pub mod secret;

/// The JSON dialects live with the canonical forms; kept here under their old path.
pub use crate::canonical::json_dialect;
/// The engine's own causes, kept here under their old paths.
pub use crate::verify::causes::{problem_cause, secret_mismatch};
mod text;

use serde_json::Value;

use crate::input::{Delivery, Keys};
use crate::outcome::{Cause, CauseCode, Outcome, Suspect, Warning};
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
        outcome.suspects = search.suspects();
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
        let steps: [Step<'_, '_>; 14] = [
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
                "body envelopes: API Gateway/Lambda events, SNS, SQS, EventBridge, a JSON string, base64 of gzip",
                Search::body_wrapped,
            ),
            (
                "the JSON body in other serialisations (JS, Python, PHP, Go, Ruby, .NET, Java, sorted keys, escapes)",
                Search::body_json,
            ),
            (
                "the JSON body in combinations of serialiser options (indent, escapes, slashes, HTML-safe, key order, numbers, final newline; most common first, at most 2 MiB rendered)",
                Search::body_json_combos,
            ),
            (
                "body charset changes: UTF-8 read as Latin-1 or Windows-1252, single-byte bodies, ASCII escapes",
                Search::body_charset,
            ),
            (
                "body key order: every original order of a small JSON body with re-sorted keys",
                Search::body_key_order,
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
                    && !s.differs_only_in_secret(self.scheme)
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
                    envelope: None,
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
        if current == Algorithm::Sha256 || current.is_hmac() {
            if let Some(cause) = self.plain_hash_vs_hmac(current) {
                return Some(cause);
            }
        }
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

    /// A plain SHA-256 of secret + content where the scheme wants an HMAC, or the reverse
    /// (HubSpot v1 is `sha256(secret + body)`; people key an HMAC with the secret instead).
    fn plain_hash_vs_hmac(&self, current: Algorithm) -> Option<Cause> {
        let signed = &self.scheme.signed;
        let options = Options {
            algorithm: None,
            ..self.options.clone()
        };
        let candidates: Vec<(Algorithm, String, String)> = if current == Algorithm::Sha256 {
            if !signed.contains("{secret}") {
                return None;
            }
            let rest = signed.replace("{secret}", "");
            if rest.is_empty() {
                return None;
            }
            vec![(
                Algorithm::HmacSha256,
                rest.clone(),
                format!("HMAC-SHA256 keyed with the secret over `{rest}`"),
            )]
        } else {
            if signed.contains("{secret}") {
                return None;
            }
            vec![
                (
                    Algorithm::Sha256,
                    format!("{{secret}}{signed}"),
                    format!("a plain SHA-256 of the secret followed by `{signed}`"),
                ),
                (
                    Algorithm::Sha256,
                    format!("{signed}{{secret}}"),
                    format!("a plain SHA-256 of `{signed}` followed by the secret"),
                ),
            ]
        };
        // Only when the digest length fits: a plain SHA-256 cannot stand for SHA-1 or -512.
        for (algorithm, template, variant) in candidates {
            if crate::scheme::Template::parse(&template).is_err() {
                continue;
            }
            let scheme = Scheme {
                algorithm,
                signed: template.clone(),
                ..self.scheme.clone()
            };
            if verify::verify(&scheme, self.delivery, self.keys, &options)
                .matched
                .is_some()
            {
                let expected = if current == Algorithm::Sha256 {
                    format!("a plain SHA-256 of `{signed}`")
                } else {
                    format!("{} over `{signed}`", current.id())
                };
                return Some(
                    Cause::new(
                        CauseCode::SignatureAlgorithm,
                        format!("the signature is {variant}, not {expected}"),
                    )
                    .detail("variant", algorithm.id())
                    .detail("signed", template)
                    .detail("expected", current.id())
                    .fix(if algorithm.is_hmac() {
                        format!("compute a plain SHA-256 of `{signed}` with the secret inside it, as {} documents; an HMAC keyed with the secret gives other bytes", self.scheme.title)
                    } else {
                        format!("compute {} keyed with the secret; hashing the secret together with the content is not an HMAC", current.id())
                    }),
                );
            }
        }
        None
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

    fn body_wrapped(&self) -> Option<Cause> {
        let mut found = None;
        envelope::each_candidate(&self.delivery.body, self.parsed_body(), &mut |mut u| {
            let verified;
            (verified, u.bytes) = self.verifies_owned(std::mem::take(&mut u.bytes), self.keys);
            if verified {
                found = Some(u);
            }
            verified
        });
        let u = found?;
        let mut variant = format!("the body inside {}, at `{}`", u.envelope, u.path);
        if let Some(how) = &u.how {
            variant.push_str(&format!(", {how}"));
        }
        let mut cause = Cause::new(
            CauseCode::BodyWrapped,
            format!(
                "the body is {} around the signed bytes: the signed body is at `{}`",
                u.envelope, u.path
            ),
        )
        .detail("variant", variant)
        .detail("envelope", u.envelope.clone())
        .detail("path", u.path.clone())
        .fix(text::body_fix(CauseCode::BodyWrapped));
        if let Some(how) = u.how {
            cause = cause.detail("decoded", how);
        }
        Some(cause)
    }

    fn body_json_combos(&self) -> Option<Cause> {
        if self.large() {
            return None;
        }
        let value = self.parsed_body()?;
        let received = &self.delivery.body;
        let mut rendered = 0usize;
        for combo in json_combo::all() {
            if rendered >= json_combo::MAX_RENDERED {
                break;
            }
            let mut bytes = Vec::with_capacity(received.len() + received.len() / 8 + 2);
            json_dialect::render(value, &combo.dialect, &mut bytes);
            rendered += bytes.len().max(1);
            if bytes == *received {
                continue;
            }
            let (verified, bytes) = self.verifies_owned(bytes, self.keys);
            if verified {
                let v = body::BodyVariant {
                    code: CauseCode::BodyJsonReserialized,
                    variant: format!(
                        "re-serialised as {} but with {}",
                        combo.nearest_describe,
                        combo.differs.join(", ")
                    ),
                    bytes,
                };
                return Some(
                    self.body_cause(&v, Some("custom"))
                        .detail("nearest", combo.nearest)
                        .detail("options", combo.differs.clone()),
                );
            }
        }
        None
    }

    fn body_key_order(&self) -> Option<Cause> {
        if self.large() {
            return None;
        }
        let value = self.parsed_body()?;
        let info = keyorder::sorted(value)?;
        let mut found = None;
        let searched = keyorder::each_order(value, &info, &self.delivery.body, &mut |d, bytes| {
            let (verified, bytes) = self.verifies_owned(bytes, self.keys);
            if verified {
                found = Some((d.name(), bytes));
            }
            verified
        });
        if !searched {
            self.cut_short(format!(
                "key order: {} objects with {} keys have more than {} orders; not searched",
                info.objects,
                info.keys,
                keyorder::MAX_ORDERS
            ));
        }
        let (dialect, bytes) = found?;
        let v = body::BodyVariant {
            code: CauseCode::BodyJsonReserialized,
            variant: format!(
                "the keys put back in the order the sender wrote them (the received body has every object's keys sorted: Go maps, serde_json Value, sort_keys=True); {} orders searched at most",
                info.orders
            ),
            bytes,
        };
        Some(
            self.body_cause(&v, Some(dialect))
                .detail("key_order", "re-sorted"),
        )
    }

    /// The body parsed as JSON once, shared by the steps that read its structure.
    fn parsed_body(&self) -> Option<&json_dialect::Value> {
        let body = &self.delivery.body;
        self.parsed
            .get_or_init(|| json_dialect::parse(body))
            .as_ref()
    }

    /// Alterations seen in the delivery that cannot be undone; only asked for when nothing
    /// verified.
    fn suspects(&self) -> Vec<Suspect> {
        let mut out = Vec::new();
        let body = &self.delivery.body;
        if body.len() > PARTIAL_ABOVE {
            return out;
        }
        if let Some(what) = charset::lossy_signs(body) {
            out.push(
                Suspect::new(
                    "body_lossy_decoded",
                    format!("looks like the body was decoded lossily: {what}"),
                )
                .detail("evidence", what),
            );
        }
        if let (Some(url), Some(param)) = (
            self.delivery.url.as_deref(),
            self.scheme.body_hash_param.as_deref(),
        ) {
            if self.scheme.template().uses(&Part::Url) && self.body_hash_restored(url).is_some() {
                out.push(
                    Suspect::new(
                        "url_query_dropped",
                        format!(
                            "looks like the query string was dropped from the signed URL: {} signs the full URL, which carries ?{param}=<SHA-256 of the body> for a JSON body, and {url} has none (restoring {param} alone does not verify, so other parameters are missing too)",
                            self.scheme.title
                        ),
                    )
                    .detail("url", url)
                    .detail("parameter", param),
                );
            }
        }
        if let Some(info) = self.parsed_body().and_then(keyorder::sorted) {
            if info.orders > keyorder::MAX_ORDERS && info.largest >= 4 {
                out.push(
                    Suspect::new(
                        "body_keys_resorted",
                        format!(
                            "looks like the JSON keys were re-sorted (Go maps, serde_json Value, sort_keys=True): all {} keys in {} objects are in sorted order, too many orders ({}) to search for the original",
                            info.keys,
                            info.objects,
                            if info.orders == u64::MAX { "more than 10^19".to_owned() } else { info.orders.to_string() }
                        ),
                    )
                    .detail("objects", info.objects)
                    .detail("keys", info.keys),
                );
            }
        }
        out
    }

    fn body_charset(&self) -> Option<Cause> {
        let mut found = None;
        charset::each_variant(&self.delivery.body, &mut |mut v| {
            let verified;
            (verified, v.bytes) = self.verifies_owned(std::mem::take(&mut v.bytes), self.keys);
            if verified {
                found = Some(v);
            }
            verified
        });
        found.map(|v| self.body_cause(&v, None))
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
        let mut variants = text::url_variants(url, &self.delivery.headers);
        if let Some(restored) = self.body_hash_restored(url) {
            variants.insert(0, ("the body-hash query parameter restored", restored));
        }
        for (variant, candidate) in variants {
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

    /// The URL with the scheme's body-hash parameter (Twilio's `bodySHA256`) put back, when a
    /// body that needs one arrived without it.
    fn body_hash_restored(&self, url: &str) -> Option<String> {
        let param = self.scheme.body_hash_param.as_deref()?;
        let query = url.split_once('?').map_or("", |(_, q)| q);
        let body = &self.delivery.body;
        if body.is_empty()
            || !matches!(body.trim_ascii_start().first(), Some(b'{' | b'['))
            || form_urlencoded::parse(query.as_bytes()).any(|(k, _)| k == param)
        {
            return None;
        }
        use sha2::Digest as _;
        let hash = hex::encode(sha2::Sha256::digest(body));
        let sep = if url.contains('?') { '&' } else { '?' };
        Some(format!("{url}{sep}{param}={hash}"))
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
