//! The engine: find the signatures, rebuild the signed content, recompute, compare in constant
//! time, check the timestamp window with an injected `now`.

use std::borrow::Cow;

use base64::Engine as _;
use base64::engine::general_purpose::{STANDARD, STANDARD_NO_PAD, URL_SAFE, URL_SAFE_NO_PAD};
use sha2::Digest as _;

use crate::diagnose;
use crate::input::{Delivery, Keys, Secret};
use crate::mac;
use crate::outcome::{Cause, CauseCode, KeyInfo, Matched, Outcome, TimestampCheck, Warning};
use crate::scheme::{Algorithm, Encoding, Part, Scheme, SignedBody, Template, TimeUnit};

/// How a check is run; the clock comes in from outside so that results are reproducible.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Options {
    /// Unix seconds to verify as of.
    pub now: i64,
    pub tolerance: Tolerance,
    /// Overrides the scheme's hash (`--algorithm`).
    pub algorithm: Option<Algorithm>,
    /// Header holding the token for token schemes (`--token-header`).
    pub token_header: Option<String>,
    /// Search for an explanation when the delivery does not verify.
    pub diagnose: bool,
}

impl Options {
    pub fn at(now: i64) -> Options {
        Options {
            now,
            tolerance: Tolerance::ProviderDefault,
            algorithm: None,
            token_header: None,
            diagnose: true,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tolerance {
    ProviderDefault,
    Seconds(u64),
    /// Skip the age check (old captured payloads).
    Off,
}

/// One signature token found in the delivery.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FoundSignature {
    pub header: String,
    /// The token as sent, prefix removed.
    pub text: String,
    /// The token decoded with the scheme's encoding, when it decodes.
    pub bytes: Option<Vec<u8>>,
}

/// Why no signature could be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    Missing { header: String, what: &'static str },
    Malformed { header: String, reason: String },
}

/// A delivery read through a scheme: signatures and template fields, ready to recompute.
#[derive(Debug)]
pub struct Prepared<'a> {
    pub scheme: &'a Scheme,
    pub algorithm: Algorithm,
    pub template: Template,
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
        if let Some(header) = scheme.required_headers.iter().find(|h| {
            delivery
                .values(h)
                .iter()
                .all(|v: &String| v.trim().is_empty())
        }) {
            return Err(Problem::Missing {
                header: header.clone(),
                what: "required",
            });
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
            if let Part::Header(name) = part {
                // `{body:a.b?}`: an optional part, signed as empty when absent (Adyen's SDKs).
                let (lookup, optional) = match name.strip_suffix('?') {
                    Some(n) => (n, true),
                    None => (name.as_str(), false),
                };
                match delivery.values(lookup).into_iter().next() {
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

    /// The signed content for `template` over `body`, as slices to feed a MAC in order.
    pub fn content<'b>(
        &'b self,
        template: &'b Template,
        body: &'b [u8],
        secret: &'b [u8],
    ) -> Vec<&'b [u8]> {
        template
            .parts
            .iter()
            .map(|part| self.content_part(part, body, secret))
            .collect()
    }

    /// What one part of a template stands for.
    fn content_part<'b>(&'b self, part: &'b Part, body: &'b [u8], secret: &'b [u8]) -> &'b [u8] {
        match part {
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
        }
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
                running.update(self.content_part(part, body, secret));
            }
        };
        match mac::keyed_digest(algorithm, key, feed, &mut out) {
            Some(len) => out[..len].to_vec(),
            None => Vec::new(),
        }
    }

    /// `matching_signature` of the template's digest over `body`, computed into a buffer on
    /// the stack (the check every delivery makes).
    fn matching_digest(
        &self,
        algorithm: Algorithm,
        body: &[u8],
        key: &[u8],
        secret: &[u8],
    ) -> Option<usize> {
        let mut out = [0; mac::MAX_DIGEST];
        let feed = |running: &mut mac::Running| {
            for part in &self.template.parts {
                running.update(self.content_part(part, body, secret));
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

/// Verifies `delivery` under `scheme` with each of `keys`; diagnoses a failure if asked to.
pub fn verify(scheme: &Scheme, delivery: &Delivery, keys: &Keys, options: &Options) -> Outcome {
    let named = named_options(scheme, delivery, options);
    let options = named.as_ref().unwrap_or(options);
    let algorithm = options.algorithm.unwrap_or(scheme.algorithm);
    let mut outcome = Outcome {
        verified: false,
        provider: scheme.name.clone(),
        algorithm: algorithm.id().to_owned(),
        matched: None,
        matched_content: None,
        timestamp: None,
        causes: Vec::new(),
        warnings: scheme
            .notes
            .iter()
            .map(|n| Warning::new("scheme_note", n.clone()))
            .collect(),
        keys: keys
            .iter()
            .map(|k| KeyInfo {
                length: k.len(),
                fingerprint: k.fingerprint().to_owned(),
            })
            .collect(),
        computed: None,
    };
    if scheme.body_fields_only {
        outcome.warnings.push(Warning::new(
            "body_not_signed",
            format!("{} signs chosen fields of the body, not the body: the rest of it is not authenticated", scheme.title),
        ));
    }
    if matches!(algorithm, Algorithm::Token | Algorithm::Basic) {
        outcome.warnings.push(Warning::new(
            "not_a_signature",
            "a shared token is not a signature: it shows who sent the delivery, not that the body is unchanged",
        ));
    }
    check(scheme, delivery, keys, options, algorithm, &mut outcome);
    // Diagnosis also runs when only the timestamp failed, to say the signature itself is good.
    if options.diagnose && !outcome.verified {
        diagnose::run(scheme, delivery, keys, options, &mut outcome);
    }
    outcome
}

/// `verify(..).verified`, without the report: the same checks (one code path), but no
/// provider, algorithm, key or note entries are built and nothing is diagnosed. For callers
/// that only count verdicts (`batch -q`).
pub fn verifies(scheme: &Scheme, delivery: &Delivery, keys: &Keys, options: &Options) -> bool {
    let named = named_options(scheme, delivery, options);
    let options = named.as_ref().unwrap_or(options);
    let algorithm = options.algorithm.unwrap_or(scheme.algorithm);
    let mut outcome = Outcome {
        verified: false,
        provider: String::new(),
        algorithm: String::new(),
        matched: None,
        matched_content: None,
        timestamp: None,
        causes: Vec::new(),
        warnings: Vec::new(),
        keys: Vec::new(),
        computed: None,
    };
    check(scheme, delivery, keys, options, algorithm, &mut outcome);
    outcome.verified
}

/// An algorithm named by the delivery itself counts as if given with --algorithm: the options
/// with it, when it applies.
fn named_options(scheme: &Scheme, delivery: &Delivery, options: &Options) -> Option<Options> {
    if options.algorithm.is_some() {
        return None;
    }
    let h = scheme.algorithm_header.as_ref()?;
    let value = delivery.values(&h.header).into_iter().next()?;
    let algorithm = h.algorithm_in(&value)?;
    Some(Options {
        algorithm: Some(algorithm),
        ..options.clone()
    })
}

/// The checks themselves, recording into `outcome` (verdict, match, timestamp, causes).
fn check(
    scheme: &Scheme,
    delivery: &Delivery,
    keys: &Keys,
    options: &Options,
    algorithm: Algorithm,
    outcome: &mut Outcome,
) {
    match algorithm {
        Algorithm::None => {
            outcome.causes.push(
                Cause::new(
                    CauseCode::UnsignedProvider,
                    format!("{} does not sign its deliveries: there is no signature to verify", scheme.title),
                )
                .fix("protect the endpoint with a secret URL or a header token (--provider header-token --token-header NAME)"),
            );
        }
        Algorithm::Token | Algorithm::Basic => {
            check_token(scheme, delivery, keys, options, outcome)
        }
        _ => check_digest(scheme, delivery, keys, options, outcome),
    }
}

/// The outcome for a delivery no scheme could be chosen for: no signature header any
/// provider uses and no other header naming the sender.
pub fn unattributed(delivery: &Delivery, keys: &Keys) -> Outcome {
    Outcome {
        verified: false,
        provider: "unknown".to_owned(),
        algorithm: "unknown".to_owned(),
        matched: None,
        matched_content: None,
        timestamp: None,
        causes: vec![crate::scheme::detect::nothing_found(delivery)],
        warnings: Vec::new(),
        keys: keys
            .iter()
            .map(|k| KeyInfo {
                length: k.len(),
                fingerprint: k.fingerprint().to_owned(),
            })
            .collect(),
        computed: None,
    }
}

/// Warnings that say how auto-detection chose: from the delivery's own headers, and which
/// other schemes fit as well.
pub fn detection_warnings(
    scheme: &Scheme,
    detection: &crate::scheme::detect::Detection,
) -> Vec<Warning> {
    let mut out = vec![Warning::new(
        "provider_detected",
        format!(
            "the scheme ({}) was chosen from the delivery's own headers; pin --provider {} wherever this verdict gates anything",
            scheme.name, scheme.name
        ),
    )];
    if !detection.alternatives.is_empty() {
        let names: Vec<&str> = detection
            .alternatives
            .iter()
            .map(|s| s.name.as_str())
            .collect();
        out.push(Warning::new(
            "provider_ambiguous",
            format!(
                "the headers fit {} as well as {}, and none verifies: diagnosed as {} (the most likely); pick another with --provider",
                names.join(", "),
                scheme.name,
                scheme.name
            ),
        ));
    }
    out
}

fn check_digest(
    scheme: &Scheme,
    delivery: &Delivery,
    keys: &Keys,
    options: &Options,
    outcome: &mut Outcome,
) {
    let mut prepared = match Prepared::new(scheme, delivery, options) {
        Ok(p) => p,
        Err(problem) => {
            outcome
                .causes
                .push(diagnose::problem_cause(scheme, delivery, &problem));
            return;
        }
    };
    let timestamp = match timestamp_check(scheme, prepared.timestamp_text.as_deref(), options) {
        Ok(t) => t,
        Err(reason) => {
            let header = scheme
                .timestamp
                .as_ref()
                .and_then(|t| t.header.clone())
                .unwrap_or_else(|| scheme.signature_header().to_owned());
            outcome.causes.push(
                Cause::new(
                    CauseCode::SignatureMalformed,
                    format!("the timestamp in {header} {reason}"),
                )
                .detail("header", header),
            );
            return;
        }
    };
    outcome.timestamp = timestamp;

    let raw_body = delivery.body.as_slice();
    // The other forms a provider signs (re-serialised JSON, ...) are made only once the raw
    // body has not verified: most deliveries never need them.
    let alternates: std::cell::OnceCell<Vec<(SignedBody, Vec<u8>)>> = std::cell::OnceCell::new();
    let make_alternates = || {
        scheme
            .also_signs
            .iter()
            .filter_map(|form| diagnose::signed_body(*form, raw_body).map(|b| (*form, b)))
            .collect::<Vec<_>>()
    };
    let algorithm = prepared.algorithm;
    // Each key is tried as what it is: public keys only check asymmetric signatures and secrets
    // only key digests, so a public key (public by definition) can never act as an HMAC key.
    let candidates: Vec<(usize, Signer)> = if algorithm.is_asymmetric() {
        keys.public_keys()
            .filter_map(
                |(index, key)| match crate::asymmetric::parse(algorithm, key) {
                    Ok(parsed) => Some((index, Signer::Public(parsed))),
                    Err(reason) => {
                        outcome.warnings.push(Warning::new(
                            "key_unusable",
                            format!("key {} {reason}", index + 1),
                        ));
                        None
                    }
                },
            )
            .collect()
    } else {
        keys.secrets()
            .filter_map(|(index, secret)| match scheme.secret.key(secret.expose()) {
                Ok(key) => Some((index, Signer::Mac { key, secret })),
                Err(reason) => {
                    outcome.warnings.push(Warning::new(
                        "secret_unusable",
                        format!(
                            "key {} {reason}, which {} requires",
                            index + 1,
                            scheme.secret.id()
                        ),
                    ));
                    None
                }
            })
            .collect()
    };
    // The URL as given, then its other port form where the scheme's SDK accepts both (what
    // `Prepared::url_candidates` lists, without a list per delivery).
    let other_url = match (scheme.url_port_variants, &delivery.url) {
        (true, Some(url)) => other_port_form(url),
        _ => None,
    };
    let urls = || std::iter::once(delivery.url.as_ref()).chain(other_url.as_ref().map(Some));
    'keys: for (key_index, signer) in &candidates {
        let bodies = std::iter::once((None, Cow::Borrowed(raw_body))).chain(
            std::iter::once(()).flat_map(|()| {
                alternates
                    .get_or_init(make_alternates)
                    .iter()
                    .map(|(f, b)| (Some(*f), Cow::Borrowed(b.as_slice())))
            }),
        );
        let attempts = bodies.flat_map(|(form, body)| urls().map(move |u| (form, body.clone(), u)));
        for (form, body, url) in attempts {
            prepared.url = url.cloned();
            let found = match signer {
                Signer::Public(public) => {
                    let message = prepared.content(&prepared.template, &body, &[]).concat();
                    prepared.signatures.iter().position(|s| {
                        s.bytes
                            .as_deref()
                            .is_some_and(|sig| crate::asymmetric::verify(public, &message, sig))
                    })
                }
                Signer::Mac { key, secret } => {
                    prepared.matching_digest(algorithm, &body, key, secret.expose())
                }
            };
            if let Some(signature_index) = found {
                if !body_hash_matches(scheme, url.map(String::as_str), &body) {
                    outcome.warnings.push(Warning::new(
                        "body_hash_mismatch",
                        "the URL's body hash parameter does not match the body: the body was changed after signing",
                    ));
                    continue;
                }
                if let Signer::Public(public) = signer {
                    let sig = prepared.signatures[signature_index].bytes.as_deref();
                    if sig.is_some_and(|sig| crate::asymmetric::is_high_s(public, sig)) {
                        outcome.warnings.push(Warning::new(
                            "ecdsa_high_s",
                            "the ECDSA signature is in high-S form (the malleable twin of a low-S one); accepted, as the provider's official verifier accepts it",
                        ));
                    }
                }
                outcome.matched = Some(Matched {
                    key_index: *key_index,
                    signature_index,
                });
                outcome.matched_content = form.map(|f| f.describe().to_owned());
                if let Some(form) = form {
                    outcome.warnings.push(Warning::new(
                        "signed_content",
                        format!("the raw body did not verify; {} did (the provider's documented recipe)", form.describe()),
                    ));
                }
                break 'keys;
            }
        }
    }

    match (outcome.matched, timestamp) {
        (Some(_), Some(ts)) if !ts.within => outcome.causes.push(timestamp_cause(ts)),
        (Some(_), _) => outcome.verified = true,
        (None, _) => outcome
            .causes
            .push(diagnose::secret_mismatch(&prepared, Vec::new())),
    }
}

/// A key made ready for one scheme: decoded MAC key bytes, or a parsed public key.
enum Signer<'k> {
    Mac { key: Vec<u8>, secret: &'k Secret },
    Public(crate::asymmetric::VerifyingKey),
}

/// The cause for a good signature on a delivery outside its replay window.
pub fn timestamp_cause(ts: TimestampCheck) -> Cause {
    let window = ts.tolerance_seconds.unwrap_or(0);
    let when = if ts.age_seconds >= 0 {
        format!("{} old", human_duration(ts.age_seconds))
    } else {
        format!("{} in the future", human_duration(ts.age_seconds))
    };
    Cause::new(
        CauseCode::TimestampOutsideTolerance,
        format!("the signature is valid, but the delivery is {when}, outside the {window} s window"),
    )
    .detail("age_seconds", ts.age_seconds)
    .detail("tolerance_seconds", window)
    .fix("a replayed or queued delivery: pass --no-tolerance for old captures, or check the receiver's clock")
}

/// `https://h/a/b?c=1` → `/a/b?c=1`.
fn url_path(url: &str) -> String {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    match rest.find('/') {
        Some(i) => rest[i..].to_owned(),
        None => "/".to_owned(),
    }
}

/// @contentful/node-apps-toolkit `getNormalizedEncodedURI`: the query (up to a second `?`) goes
/// through `querystring.escape`, then the whole through `encodeURI`.
fn encoded_path(path: &str) -> String {
    fn escape(text: &str, keep: &[u8]) -> String {
        let mut out = String::with_capacity(text.len());
        for &b in text.as_bytes() {
            if b.is_ascii_alphanumeric() || keep.contains(&b) {
                out.push(b as char);
            } else {
                out.push_str(&format!("%{b:02X}"));
            }
        }
        out
    }
    const COMPONENT: &[u8] = b"-_.!~*'()";
    const URI: &[u8] = b"-_.!~*'();,/?:@&=+$#";
    let mut pieces = path.split('?');
    let pathname = pieces.next().unwrap_or("");
    let search = pieces.next().unwrap_or("");
    let whole = if search.is_empty() {
        pathname.to_owned()
    } else {
        format!("{pathname}?{}", escape(search, COMPONENT))
    };
    escape(&whole, URI)
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

/// `a=2&b=1&a=1&a=1` → `a1a2b1`: names sorted, values sorted and de-duplicated within a name,
/// URL-decoded.
pub fn sorted_form(body: &[u8]) -> Vec<u8> {
    let text = body.trim_ascii();
    if text.starts_with(b"{") || text.starts_with(b"[") || !text.contains(&b'=') {
        return Vec::new();
    }
    let mut params: Vec<(String, String)> = form_urlencoded::parse(text)
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect();
    params.sort();
    // A value repeated under one name counts once: Twilio's validators sign sorted(set(values))
    // (twilio-python request_validator.py compute_signature).
    params.dedup();
    params
        .into_iter()
        .flat_map(|(k, v)| [k, v])
        .collect::<String>()
        .into_bytes()
}

/// The other URL Twilio's validators try (twilio-python request_validator.py `remove_port` /
/// `add_port`): any port removed (`https://h:1234/p` → `https://h/p`), or, without a port, the
/// scheme's default added (`https://h/p` → `https://h:443/p`). `user:pass@` stays as it is.
fn other_port_form(url: &str) -> Option<String> {
    let (scheme, rest) = url.split_once("://")?;
    let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let (authority, tail) = rest.split_at(end);
    let (userinfo, hostport) = match authority.rfind('@') {
        Some(at) => authority.split_at(at + 1),
        None => ("", authority),
    };
    // A port is what follows the last `:` outside an IPv6 literal's brackets.
    let port_at = hostport
        .rfind(':')
        .filter(|&i| !hostport[i..].contains(']'))
        .filter(|&i| hostport[i + 1..].bytes().all(|b| b.is_ascii_digit()));
    Some(match port_at {
        Some(i) => format!("{scheme}://{userinfo}{}{tail}", &hostport[..i]),
        None => {
            let port = if scheme.eq_ignore_ascii_case("https") {
                ":443"
            } else {
                ":80"
            };
            format!("{scheme}://{authority}{port}{tail}")
        }
    })
}

/// Twilio's JSON deliveries carry `bodySHA256=<hex>` in the signed URL; the body must match.
fn body_hash_matches(scheme: &Scheme, url: Option<&str>, body: &[u8]) -> bool {
    let (Some(param), Some(url)) = (&scheme.body_hash_param, url) else {
        return true;
    };
    let Some((_, query)) = url.split_once('?') else {
        return true;
    };
    match form_urlencoded::parse(query.as_bytes()).find(|(k, _)| k == param.as_str()) {
        Some((_, want)) => want.eq_ignore_ascii_case(&hex::encode(sha2::Sha256::digest(body))),
        None => true,
    }
}

fn check_token(
    scheme: &Scheme,
    delivery: &Delivery,
    keys: &Keys,
    options: &Options,
    outcome: &mut Outcome,
) {
    let header = options
        .token_header
        .clone()
        .unwrap_or_else(|| scheme.signature_header().to_owned());
    let Some(value) = delivery.headers.get(&header) else {
        outcome.causes.push(diagnose::problem_cause(
            scheme,
            delivery,
            &Problem::Missing {
                header,
                what: "signature",
            },
        ));
        return;
    };
    let word = scheme.signature.auth_scheme.as_deref().unwrap_or("");
    let presented: Vec<u8> = match scheme.algorithm {
        Algorithm::Basic => {
            let encoded = strip_word(value, word).unwrap_or("");
            match STANDARD.decode(encoded.trim()) {
                Ok(bytes) if !encoded.is_empty() => bytes,
                _ => {
                    outcome.causes.push(
                        Cause::new(
                            CauseCode::SignatureMalformed,
                            format!("{header} is not `Basic <base64 of user:password>`"),
                        )
                        .detail("header", header),
                    );
                    return;
                }
            }
        }
        _ => strip_word(value, word).unwrap_or(value).as_bytes().to_vec(),
    };
    if let Some((key_index, _)) = keys
        .secrets()
        .find(|(_, k)| mac::same(k.expose(), &presented))
    {
        outcome.matched = Some(Matched {
            key_index,
            signature_index: 0,
        });
        outcome.verified = true;
    } else {
        let what = if scheme.algorithm == Algorithm::Basic {
            "credentials"
        } else {
            "token"
        };
        outcome.causes.push(
            Cause::new(
                CauseCode::SecretMismatch,
                format!("the {what} in {header} is not the one you gave"),
            )
            .detail("header", header)
            .detail(
                "tried",
                serde_json::json!([format!("{what} compared with each key")]),
            ),
        );
    }
}

/// `Bearer abc` → `abc` (the word is matched without case); None when it is not there.
fn strip_word<'v>(value: &'v str, word: &str) -> Option<&'v str> {
    if word.is_empty() {
        return Some(value);
    }
    let (head, rest) = value.split_once(' ')?;
    head.eq_ignore_ascii_case(word).then(|| rest.trim_start())
}

/// Reads the signature header(s) into tokens, each decoded with the scheme's encoding.
pub fn extract_signatures(
    scheme: &Scheme,
    delivery: &Delivery,
) -> Result<Vec<FoundSignature>, Problem> {
    let spec = &scheme.signature;
    let mut found = Vec::new();
    let mut seen_header = None;
    for header in &spec.headers {
        let mut read = |value: &str| {
            seen_header.get_or_insert_with(|| header.clone());
            signature_tokens(scheme, value, |text| {
                found.push(FoundSignature {
                    header: header.clone(),
                    text: text.to_owned(),
                    bytes: decode(spec.encoding, text),
                });
            });
        };
        // Headers are read where they are; body fields and query parameters are made.
        if header.starts_with("body:") || header.starts_with("query:") {
            delivery.values(header).iter().for_each(|v| read(v));
        } else {
            delivery.headers.get_all(header).for_each(read);
        }
    }
    let Some(header) = seen_header else {
        return Err(Problem::Missing {
            header: scheme.signature_header().to_owned(),
            what: "signature",
        });
    };
    if found.is_empty() {
        let reason = match (&spec.items, &spec.prefix) {
            (Some(_), _) => format!("it has no {} entry", quoted_keys(&spec.keys)),
            (None, Some(prefix)) => format!("it does not start with `{prefix}`"),
            (None, None) => "it is empty".to_owned(),
        };
        return Err(Problem::Malformed { header, reason });
    }
    if found.iter().all(|s| s.bytes.is_none()) {
        return Err(Problem::Malformed {
            header,
            reason: format!(
                "its signature `{}` is not {}",
                crate::report::escape::for_terminal(&found[0].text),
                spec.encoding.id()
            ),
        });
    }
    Ok(found)
}

fn quoted_keys(keys: &[String]) -> String {
    keys.iter()
        .map(|k| format!("`{k}`"))
        .collect::<Vec<_>>()
        .join(" or ")
}

/// The signature tokens of one header value, before decoding.
fn signature_tokens(scheme: &Scheme, value: &str, mut each: impl FnMut(&str)) {
    let spec = &scheme.signature;
    match (&spec.items, &spec.pair) {
        (Some(items), Some(pair)) => structured_items(value, items, pair)
            .filter(|(k, _)| spec.keys.iter().any(|want| want == k))
            .map(|(_, v)| v)
            .filter(|v| !v.is_empty())
            .for_each(each),
        _ => {
            let value = value.trim();
            let token = match &spec.prefix {
                Some(prefix) => match value.get(..prefix.len()) {
                    Some(head) if head.eq_ignore_ascii_case(prefix) => value[prefix.len()..].trim(),
                    _ => return,
                },
                None => value,
            };
            if !token.is_empty() {
                each(token);
            }
        }
    }
}

/// `t=1, v1=ab` → (t, 1), (v1, ab): items split and trimmed, each split once at `pair`.
pub fn structured_items<'v>(
    value: &'v str,
    items: &'v str,
    pair: &'v str,
) -> impl Iterator<Item = (&'v str, &'v str)> + 'v {
    value
        .split(items)
        .map(str::trim)
        .filter(|item| !item.is_empty())
        .filter_map(move |item| item.split_once(pair).map(|(k, v)| (k.trim(), v.trim())))
}

/// Decodes a signature token; hex accepts either case, base64 with or without padding.
pub fn decode(encoding: Encoding, text: &str) -> Option<Vec<u8>> {
    match encoding {
        Encoding::Hex => decode_hex(text),
        Encoding::Base64 => STANDARD
            .decode(text)
            .or_else(|_| STANDARD_NO_PAD.decode(text))
            .ok(),
        Encoding::Base64url => URL_SAFE_NO_PAD
            .decode(text)
            .or_else(|_| URL_SAFE.decode(text))
            .ok(),
        Encoding::Plain => Some(text.as_bytes().to_vec()),
    }
    .filter(|b| !b.is_empty())
}

/// Hex in either case. (`hex::decode` goes through a fallible iterator and costs more than
/// the HMAC of a 2 KiB body; batch decodes one per delivery. A table, not a `match`: the
/// branches on random digits mispredict about half the time.)
fn decode_hex(text: &str) -> Option<Vec<u8>> {
    const INVALID: u8 = 0xff;
    static NIBBLE: [u8; 256] = {
        let mut table = [INVALID; 256];
        let mut c = 0;
        while c < 256 {
            table[c] = match c as u8 {
                b @ b'0'..=b'9' => b - b'0',
                b @ b'a'..=b'f' => b - b'a' + 10,
                b @ b'A'..=b'F' => b - b'A' + 10,
                _ => INVALID,
            };
            c += 1;
        }
        table
    };
    let bytes = text.as_bytes();
    if bytes.len() % 2 != 0 {
        return None;
    }
    let mut out = Vec::with_capacity(bytes.len() / 2);
    let mut bad = 0;
    for p in bytes.chunks_exact(2) {
        let (high, low) = (NIBBLE[usize::from(p[0])], NIBBLE[usize::from(p[1])]);
        bad |= high | low;
        out.push(high << 4 | (low & 0x0f));
    }
    // Any invalid digit sets the high bits; valid nibbles never do.
    (bad & 0xf0 == 0).then_some(out)
}

/// The timestamp as sent: from its header, `--timestamp`, or an item of the signature header.
fn timestamp_text(scheme: &Scheme, delivery: &Delivery) -> Option<String> {
    if let Some(value) = &delivery.timestamp_override {
        return Some(value.clone());
    }
    let ts = scheme.timestamp.as_ref()?;
    if ts.header.is_some() {
        return ts
            .header_names()
            .find_map(|h| delivery.values(h).into_iter().next())
            .map(|v| v.trim().to_owned());
    }
    let field = ts.field.as_deref()?;
    let (items, pair) = (
        scheme.signature.items.as_deref()?,
        scheme.signature.pair.as_deref()?,
    );
    scheme.signature.headers.iter().find_map(|h| {
        delivery.headers.get_all(h).find_map(|v| {
            structured_items(v, items, pair)
                .find(|(k, _)| *k == field)
                .map(|(_, v)| v.to_owned())
        })
    })
}

/// Parses the timestamp and checks its age against the window in force.
fn timestamp_check(
    scheme: &Scheme,
    text: Option<&str>,
    options: &Options,
) -> Result<Option<TimestampCheck>, String> {
    let (Some(spec), Some(text)) = (&scheme.timestamp, text) else {
        return Ok(None);
    };
    let whole = |text: &str| {
        text.parse::<i64>().map_err(|_| {
            format!(
                "({text:?}) is not a whole number of {}",
                unit_name(spec.unit)
            )
        })
    };
    let seconds = match spec.unit {
        TimeUnit::Seconds => whole(text)?,
        TimeUnit::Milliseconds => whole(text)?.div_euclid(1000),
        TimeUnit::Rfc3339 => rfc3339_seconds(text)
            .ok_or_else(|| format!("({text:?}) is not an RFC 3339 date-time"))?,
    };
    let age = options.now.saturating_sub(seconds);
    let tolerance = match options.tolerance {
        Tolerance::Off => None,
        Tolerance::Seconds(s) => Some(s),
        Tolerance::ProviderDefault => spec.window(),
    };
    let within = match tolerance {
        None => true,
        Some(window) => {
            let window = i64::try_from(window).unwrap_or(i64::MAX);
            let ahead = match (options.tolerance, spec.future_tolerance) {
                (Tolerance::ProviderDefault, Some(f)) => i64::try_from(f).unwrap_or(i64::MAX),
                _ => window,
            };
            age <= window && (!spec.future || age >= -ahead)
        }
    };
    Ok(Some(TimestampCheck {
        value: seconds,
        age_seconds: age,
        tolerance_seconds: tolerance,
        within,
    }))
}

fn unit_name(unit: TimeUnit) -> &'static str {
    match unit {
        TimeUnit::Seconds => "seconds",
        TimeUnit::Milliseconds => "milliseconds",
        TimeUnit::Rfc3339 => "RFC 3339 time",
    }
}

/// Unix seconds of `YYYY-MM-DDTHH:MM:SS[.frac](Z|±HH:MM)`; the fraction is dropped.
pub fn rfc3339_seconds(text: &str) -> Option<i64> {
    let b = text.trim().as_bytes();
    let num = |r: std::ops::Range<usize>| -> Option<i64> {
        let s = std::str::from_utf8(b.get(r)?).ok()?;
        s.bytes()
            .all(|c| c.is_ascii_digit())
            .then(|| s.parse().ok())?
    };
    if b.len() < 20
        || b[4] != b'-'
        || b[7] != b'-'
        || !matches!(b[10], b'T' | b't' | b' ')
        || b[13] != b':'
        || b[16] != b':'
    {
        return None;
    }
    let (year, month, day) = (num(0..4)?, num(5..7)?, num(8..10)?);
    let (hour, minute, second) = (num(11..13)?, num(14..16)?, num(17..19)?);
    if !(1..=12).contains(&month)
        || !(1..=31).contains(&day)
        || hour > 23
        || minute > 59
        || second > 60
    {
        return None;
    }
    let mut i = 19;
    if b[i] == b'.' {
        i += 1;
        let start = i;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
        if i == start {
            return None;
        }
    }
    let offset = match b.get(i..)? {
        [b'Z' | b'z'] => 0,
        [sign @ (b'+' | b'-'), _, _, b':', _, _] => {
            let h = num(i + 1..i + 3)?;
            let m = num(i + 4..i + 6)?;
            (h * 3600 + m * 60) * if *sign == b'-' { -1 } else { 1 }
        }
        _ => return None,
    };
    // Days from the civil date (Howard Hinnant's algorithm).
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    let days = era * 146_097 + doe - 719_468;
    Some(days * 86_400 + hour * 3600 + minute * 60 + second - offset)
}

/// `3725` → `1 h 2 min`: ages are easier to judge in units.
pub fn human_duration(seconds: i64) -> String {
    let s = seconds.unsigned_abs();
    match s {
        0..=119 => format!("{s} s"),
        120..=7199 => format!("{} min", s / 60),
        7200..=172_799 => format!("{} h {} min", s / 3600, (s % 3600) / 60),
        _ => format!("{} days", s / 86_400),
    }
}

#[cfg(test)]
mod tests {
    /// `verifies` is `verify(..).verified` without the report: the same verdict on every
    /// fixture case, at its own time and at times outside any window.
    #[test]
    fn verdict_alone_equals_the_full_check() {
        use super::{Keys, Options, Secret, verifies, verify};
        use crate::input::{Key, PublicKey, request};
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
        let (mut checked, mut passed) = (0, 0);
        for dir in std::fs::read_dir(&root).unwrap() {
            let dir = dir.unwrap().path();
            let Ok(text) = std::fs::read_to_string(dir.join("cases.json")) else {
                continue;
            };
            let cases: Vec<serde_json::Value> = serde_json::from_str(&text).unwrap();
            for case in cases {
                let name = case["provider"]
                    .as_str()
                    .or_else(|| dir.file_name().and_then(|n| n.to_str()));
                let Some(scheme) = name.and_then(crate::scheme::registry::find) else {
                    continue;
                };
                let Ok(bytes) = std::fs::read(dir.join(case["request"].as_str().unwrap())) else {
                    continue;
                };
                let Ok(capture) = request::parse(&bytes) else {
                    continue;
                };
                let mut delivery = capture.into_delivery().0;
                if let Some(url) = case["url"].as_str() {
                    delivery.url = Some(url.to_owned());
                }
                let mut keys = Keys::new();
                if let Some(file) = case["secret"].as_str() {
                    let bytes = std::fs::read(dir.join(file)).unwrap();
                    keys.push(Key::Secret(Secret::from_file_bytes(bytes)));
                }
                if let Some(file) = case["public_key"].as_str() {
                    let bytes = std::fs::read(dir.join(file)).unwrap();
                    keys.push(Key::Public(PublicKey::from_file_bytes(bytes)));
                }
                let now = case["now"].as_i64().unwrap_or(0);
                for at in [now, now + 100_000, now - 100_000, 0] {
                    let options = Options {
                        diagnose: false,
                        ..Options::at(at)
                    };
                    let full = verify(scheme, &delivery, &keys, &options).verified;
                    assert_eq!(
                        verifies(scheme, &delivery, &keys, &options),
                        full,
                        "{} at {at}",
                        dir.join(case["request"].as_str().unwrap()).display()
                    );
                    checked += 1;
                    passed += usize::from(full);
                }
            }
        }
        assert!(
            checked > 1000 && passed > 200,
            "{checked} checks, {passed} passed"
        );
    }

    use super::{other_port_form, rfc3339_seconds, sorted_form};

    #[test]
    fn twilio_port_forms() {
        // twilio-python tests/unit/test_request_validator.py: any port is removed, a missing
        // one is added as the scheme's default, credentials are kept.
        let f = |u: &str| other_port_form(u).unwrap();
        assert_eq!(f("https://h.com:1234/a?x=1"), "https://h.com/a?x=1");
        assert_eq!(f("http://h.com:1234/a"), "http://h.com/a");
        assert_eq!(f("https://h.com/a?x=1"), "https://h.com:443/a?x=1");
        assert_eq!(f("http://h.com"), "http://h.com:80");
        assert_eq!(f("https://u:p@h.com/a"), "https://u:p@h.com:443/a");
        assert_eq!(f("https://u:p@h.com:8443/a"), "https://u:p@h.com/a");
        assert_eq!(f("https://[::1]/a"), "https://[::1]:443/a");
        assert_eq!(f("https://[::1]:8443/a"), "https://[::1]/a");
    }

    #[test]
    fn repeated_form_values_count_once() {
        assert_eq!(sorted_form(b"a=2&b=1&a=1&a=1"), b"a1a2b1");
    }

    #[test]
    fn rfc3339_times() {
        // date -u -d 2025-11-23T12:00:00Z +%s
        assert_eq!(rfc3339_seconds("2025-11-23T12:00:00Z"), Some(1_763_899_200));
        assert_eq!(
            rfc3339_seconds("2025-11-23T12:00:00.123456789Z"),
            Some(1_763_899_200)
        );
        assert_eq!(
            rfc3339_seconds("2025-11-23T14:00:00+02:00"),
            Some(1_763_899_200)
        );
        assert_eq!(rfc3339_seconds("1970-01-01T00:00:00Z"), Some(0));
        assert_eq!(rfc3339_seconds("2000-02-29T00:00:00Z"), Some(951_782_400));
        for bad in [
            "1763899200",
            "2025-13-01T00:00:00Z",
            "2025-11-23T12:00:00",
            "2025-11-23T12:00:00.Z",
        ] {
            assert_eq!(rfc3339_seconds(bad), None, "{bad}");
        }
    }
}
