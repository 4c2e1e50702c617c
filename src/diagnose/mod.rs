//! Why a delivery did not verify. Each hypothesis (another body, secret, encoding, template,
//! URL, header or provider) is checked by really verifying the changed delivery; a cause is
//! reported only when one does. When none does, the answer is `secret_mismatch` with what was
//! tried. Observations that explain nothing on their own are warnings.

pub mod body;
pub mod computed;
pub mod diff;
pub mod json;
pub mod json_dialect;
pub mod secret;
mod text;

use serde_json::{Value, json};

use crate::input::{Delivery, Secret};
use crate::outcome::{Cause, CauseCode, Outcome, Warning};
use crate::scheme::{Algorithm, Encoding, Part, Scheme, SignedBody, TimeUnit, detect};
use crate::verify::{self, Options, Prepared, Problem};

/// The cause for a delivery whose signature could not even be read.
pub fn problem_cause(scheme: &Scheme, delivery: &Delivery, problem: &Problem) -> Cause {
    match problem {
        Problem::Missing { header, what } => {
            let mut cause = Cause::new(
                CauseCode::MissingHeader,
                format!(
                    "the {what} {} that {} needs is not in the delivery",
                    crate::input::describe_part(header),
                    scheme.title
                ),
            )
            .detail("header", header.clone())
            .detail("role", *what);
            match detect::looks_like(delivery).filter(|s| s.name != scheme.name) {
                Some(other) => {
                    cause
                        .summary
                        .push_str(&format!("; the headers look like {}", other.title));
                    cause = cause
                        .detail("looks_like", other.name.clone())
                        .fix(format!("try --provider {}", other.name));
                }
                None => {
                    cause = cause.detail("looks_like", Value::Null).fix(
                        "check that the capture kept every header (proxies and loggers drop some)",
                    )
                }
            }
            cause
        }
        Problem::Malformed { header, reason } => Cause::new(
            CauseCode::SignatureMalformed,
            format!("{header} is present but cannot be read: {reason}"),
        )
        .detail("header", header.clone())
        .detail("reason", reason.clone()),
    }
}

/// The cause when nothing explains the mismatch, with what was tried.
pub fn secret_mismatch(prepared: &Prepared, tried: Vec<String>) -> Cause {
    let n = prepared.signatures.len();
    let mut tried = tried;
    tried.insert(
        0,
        format!(
            "{} of the scheme's signed content `{}` with each key",
            prepared.algorithm.id(),
            prepared.scheme.signed
        ),
    );
    Cause::new(
        CauseCode::SecretMismatch,
        format!(
            "no key reproduces the {} in {}: a different secret, or content altered on the way",
            if n == 1 { "signature".to_owned() } else { format!("{n} signatures") },
            prepared.signatures.first().map_or("", |s| s.header.as_str()),
        ),
    )
    .detail("tried", json!(tried))
    .fix("check that the secret belongs to this endpoint and environment (test vs live), and that the body is the raw bytes received")
}

/// A body the sender is documented to sign instead of the raw bytes (see `Scheme::also_signs`).
pub fn signed_body(form: SignedBody, raw: &[u8]) -> Option<Vec<u8>> {
    match form {
        SignedBody::PythonJsonDumps => json::python_json_dumps(raw),
    }
}

/// Runs the search after a failed check and rewrites `outcome.causes`: explanations backed by
/// a verifying variant first, then the check's own cause unless an explanation replaces it.
pub fn run(
    scheme: &Scheme,
    delivery: &Delivery,
    keys: &[Secret],
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

/// Bodies above this size get a partial diagnosis (no body variants), with a warning.
pub const PARTIAL_ABOVE: usize = 64 << 20;

struct Search<'a> {
    scheme: &'a Scheme,
    delivery: &'a Delivery,
    keys: &'a [Secret],
    options: Options,
    /// The body in every JSON dialect, rendered once for all steps that need it.
    json: std::sync::OnceLock<Vec<json::JsonVariant>>,
}

impl<'a> Search<'a> {
    fn verifies(&self, scheme: &Scheme, delivery: &Delivery, keys: &[Secret]) -> bool {
        verify::verify(scheme, delivery, keys, &self.options)
            .matched
            .is_some()
    }

    fn verifies_with_options(&self, scheme: &Scheme, options: &Options) -> bool {
        verify::verify(scheme, self.delivery, self.keys, options)
            .matched
            .is_some()
    }

    fn json_variants(&self) -> &[json::JsonVariant] {
        self.json
            .get_or_init(|| json::variants(&self.delivery.body))
    }

    /// Verifies the delivery with `body` (and `suffix`) in place of the received body.
    fn verifies_body_with(&self, body: &[u8], suffix: &[u8], keys: &[Secret]) -> bool {
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
        keys: &[Secret],
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
            ("HMAC-SHA1, -SHA256 and -SHA512", Search::algorithm),
            (
                "hex, base64 and base64url signatures",
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
        for (name, value) in self.delivery.headers.iter() {
            if own.contains(&name.to_ascii_lowercase()) || value.len() < 16 {
                continue;
            }
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
        if !current.is_hmac() {
            return None;
        }
        [
            Algorithm::HmacSha256,
            Algorithm::HmacSha1,
            Algorithm::HmacSha512,
        ]
        .into_iter()
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
            .fix(format!(
                "compute {} (or pass --algorithm {})",
                a.id(),
                a.id().trim_start_matches("hmac-")
            ))
        })
    }

    fn signature_encoding(&self) -> Option<Cause> {
        let current = self.scheme.signature.encoding;
        [Encoding::Hex, Encoding::Base64, Encoding::Base64url]
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
        for (index, key) in self.keys.iter().enumerate() {
            for v in secret::cleaned(key) {
                if self.verifies(self.scheme, self.delivery, std::slice::from_ref(&v.secret)) {
                    return Some(
                        Cause::new(CauseCode::SecretWhitespace, format!("key {} verifies with {}", index + 1, v.variant))
                            .detail("key_index", index)
                            .detail("variant", v.variant)
                            .fix("strip the secret when loading it (a trailing newline from a file or `echo`, quotes from .env)"),
                    );
                }
            }
        }
        None
    }

    fn secret_encoding(&self) -> Option<Cause> {
        for (index, key) in self.keys.iter().enumerate() {
            let keys = std::slice::from_ref(key);
            for (format, variant) in secret::encodings(self.scheme.secret) {
                let scheme = Scheme {
                    secret: format,
                    ..self.scheme.clone()
                };
                if self.verifies(&scheme, self.delivery, keys) {
                    return Some(self.secret_encoding_cause(index, variant));
                }
            }
            if let Some((variant, stripped)) = secret::without_prefix(key) {
                if self.verifies(self.scheme, self.delivery, std::slice::from_ref(&stripped)) {
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
        let variants = body::variants(&self.delivery.body);
        let refs: Vec<&body::BodyVariant> = variants.iter().collect();
        self.first_body(&refs, &[], self.keys)
            .map(|v| self.body_cause(v, None))
    }

    fn body_json(&self) -> Option<Cause> {
        let refs: Vec<&body::BodyVariant> = self.json_variants().iter().map(|j| &j.body).collect();
        self.first_body(&refs, &[], self.keys)
            .map(|v| self.body_cause(v, self.dialect_of(v)))
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
        for text in alternative_templates(&fields) {
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
        // A hostile timestamp may have no millisecond form in an i64: skip that variant.
        let variants = [
            (ts.checked_mul(1000), "signed in milliseconds"),
            (Some(ts / 1000), "signed in seconds"),
        ];
        for (text, variant) in variants
            .into_iter()
            .filter_map(|(ts, variant)| Some((ts?.to_string(), variant)))
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
            TimeUnit::Rfc3339 => return None,
        };
        let mut scheme = self.scheme.clone();
        if let Some(ts) = scheme.timestamp.as_mut() {
            ts.unit = other;
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
        let byte_variants = body::variants(&self.delivery.body);
        let body_variants: Vec<&body::BodyVariant> = byte_variants
            .iter()
            .chain(self.json_variants().iter().map(|j| &j.body))
            .collect();
        for (index, key) in self.keys.iter().enumerate() {
            // Only secrets with debris to remove: an added newline is for --computed.
            for s in secret::cleaned(key)
                .into_iter()
                .filter(|s| s.secret.len() < key.len())
            {
                let keys = std::slice::from_ref(&s.secret);
                if let Some(b) = self.first_body(&body_variants, &[], keys) {
                    let secret_cause = Cause::new(
                        CauseCode::SecretWhitespace,
                        format!("key {} verifies with {}", index + 1, s.variant),
                    )
                    .detail("key_index", index)
                    .detail("variant", s.variant)
                    .fix("strip the secret when loading it");
                    return vec![self.body_cause(b, self.dialect_of(b)), secret_cause];
                }
            }
        }
        let json: Vec<&body::BodyVariant> = self.json_variants().iter().map(|j| &j.body).collect();
        for (suffix, label) in [
            (&b"\n"[..], "trailing LF added"),
            (b"\r\n", "trailing CRLF added"),
        ] {
            if let Some(j) = self.first_body(&json, suffix, self.keys) {
                let newline = body::BodyVariant {
                    code: CauseCode::BodyTrailingNewlineRemoved,
                    variant: label.to_owned(),
                    bytes: [j.bytes.as_slice(), suffix].concat(),
                };
                return vec![
                    self.body_cause(j, self.dialect_of(j)),
                    self.body_cause(&newline, None),
                ];
            }
        }
        Vec::new()
    }

    /// Observations worth knowing even when they explain nothing.
    fn warnings(&self) -> Vec<Warning> {
        let mut out = Vec::new();
        for (i, key) in self.keys.iter().enumerate() {
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

/// Templates over the same fields and the body: parts dropped, reordered, other separators.
fn alternative_templates(fields: &[Part]) -> Vec<String> {
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
    let mut out = Vec::new();
    for subset in subsets {
        let mut items: Vec<Part> = subset;
        items.push(Part::Body);
        for order in permutations(&items) {
            for sep in ["", ".", ":", "|", "\n"] {
                let t: Vec<&str> = order.iter().map(name).collect();
                let text = t.join(if sep == "\n" { "\n" } else { sep });
                if !out.contains(&text) {
                    out.push(text);
                }
                if order.len() == 1 {
                    break;
                }
            }
        }
    }
    out
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
