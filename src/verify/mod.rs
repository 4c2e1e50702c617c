//! The engine: find the signatures, rebuild the signed content, recompute, compare in constant
//! time, check the timestamp window with an injected `now`.

pub mod causes;

pub use crate::scheme::signature::{
    FoundSignature, Problem, decode, extract_signatures, structured_items,
};

use std::borrow::Cow;

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use sha2::Digest as _;

use crate::input::{Delivery, Keys, Secret};
use crate::mac;
use crate::outcome::{Cause, CauseCode, KeyInfo, Matched, Outcome, TimestampCheck, Warning};
use crate::scheme::{Algorithm, Part, Scheme, SignedBody, Template, TimeUnit};

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

    /// What one part of a template stands for (a body hash is made here, hence the Cow).
    fn content_part<'b>(
        &'b self,
        part: &'b Part,
        body: &'b [u8],
        secret: &'b [u8],
    ) -> Cow<'b, [u8]> {
        Cow::Borrowed(match part {
            Part::BodyHash(hash) => {
                let digest = mac::digest(*hash, &[], &[body]).unwrap_or_default();
                return Cow::Owned(hex::encode(digest).into_bytes());
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

/// Verifies `delivery` under `scheme` with each of `keys`: the engine's verdict, never a
/// diagnosis (see [`crate::check`], which adds one).
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
        keys: KeyInfo::of(keys),
        computed: None,
        suspects: Vec::new(),
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
        suspects: Vec::new(),
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
        Algorithm::Jwt => check_jwt(scheme, delivery, keys, options, outcome),
        _ => check_digest(scheme, delivery, keys, options, outcome),
    }
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
                .push(causes::problem_cause(scheme, delivery, &problem));
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
            .filter_map(|form| crate::canonical::signed_body(*form, raw_body).map(|b| (*form, b)))
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
            .push(causes::secret_mismatch(&prepared, Vec::new())),
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
    // A header, or a field of the JSON body (`body:sharedSecret`: Cisco Meraki).
    let Some(value) = delivery.values(&header).into_iter().next() else {
        outcome.causes.push(causes::problem_cause(
            scheme,
            delivery,
            &Problem::Missing {
                header,
                what: "signature",
            },
        ));
        return;
    };
    let value = value.as_str();
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

/// The JWT family: the token in the signature header, its signature with each secret, then its
/// claims as the provider's SDK checks them (see `crate::jwt`).
fn check_jwt(
    scheme: &Scheme,
    delivery: &Delivery,
    keys: &Keys,
    options: &Options,
    outcome: &mut Outcome,
) {
    let Some(spec) = &scheme.jwt else {
        return;
    };
    let (header, value) = if spec.token == crate::jwt::TokenPlace::Body {
        (
            "the body".to_owned(),
            String::from_utf8_lossy(&delivery.body).into_owned(),
        )
    } else {
        let Some(header) = scheme
            .signature
            .headers
            .iter()
            .find(|h| delivery.has(h))
            .cloned()
        else {
            outcome.causes.push(causes::problem_cause(
                scheme,
                delivery,
                &Problem::Missing {
                    header: scheme.signature_header().to_owned(),
                    what: "signature",
                },
            ));
            return;
        };
        let value = delivery
            .values(&header)
            .into_iter()
            .next()
            .unwrap_or_default();
        (header, value)
    };
    let token = match crate::jwt::parse(&value, spec, &delivery.body) {
        Ok(t) => t,
        Err(reason) => {
            outcome.causes.push(
                Cause::new(
                    CauseCode::SignatureMalformed,
                    format!("{header} is present but is not a JWS this scheme takes: it {reason}"),
                )
                .detail("header", header)
                .detail("reason", reason),
            );
            return;
        }
    };
    let verdict = crate::jwt::verify_with_keys(&token, spec, keys, |index, secret| {
        match scheme.secret.key(secret.expose()) {
            Ok(key) => Some(key.to_vec()),
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
        }
    });
    let alg = token.alg.id();
    let key_index = match verdict {
        crate::jwt::KeyVerdict::Verified(index) => index,
        crate::jwt::KeyVerdict::NoKeyOfKind { needed } => {
            let why = if needed == "secret" {
                "a public key never keys an HMAC (that would let anyone who has it forge tokens)"
            } else {
                "a secret never checks a public-key signature"
            };
            outcome.causes.push(
                Cause::new(
                    CauseCode::SecretMismatch,
                    format!("the JWS in {header} is {alg}, which is checked with a {needed}, and none was given: {why}"),
                )
                .detail("header", header)
                .detail("alg", alg)
                .detail("tried", serde_json::json!([]))
                .fix(format!("give the {needed} {alg} needs, or check that the sender really signs with {alg}")),
            );
            return;
        }
        crate::jwt::KeyVerdict::UnknownKid { kid, known } => {
            outcome.causes.push(
                Cause::new(
                    CauseCode::KeyIdUnknown,
                    format!(
                        "the JWS in {header} names key `{kid}`, which none of the keys given has (they are {})",
                        known.iter().map(|k| format!("`{k}`")).collect::<Vec<_>>().join(", ")
                    ),
                )
                .detail("header", header)
                .detail("kid", kid)
                .detail("known", known)
                .fix("give the sender's current key set (after a key rotation, fetch its JWKS again)"),
            );
            return;
        }
        crate::jwt::KeyVerdict::NoneVerified { tried, skipped } => {
            let kind = if token.alg.is_hmac() { "secret" } else { "public key" };
            let what = match &token.kid {
                Some(kid) => format!("{alg} JWS (kid `{kid}`)"),
                None => format!("{alg} JWS"),
            };
            let message = if tried == 0 && !skipped.is_empty() {
                format!("no key given can check the {what} in {header}: {}", skipped.join("; "))
            } else {
                format!("no key verifies the {what} in {header}: a different signing key (or the token was altered)")
            };
            outcome.causes.push(
                Cause::new(CauseCode::SecretMismatch, message)
                    .detail("header", header)
                    .detail("alg", alg)
                    .detail("skipped", skipped)
                    .detail(
                        "tried",
                        serde_json::json!([format!(
                            "{alg} over the token's signing input with each {kind} that fits it ({tried})"
                        )]),
                    )
                    .fix("check the signing key (providers that rotate keys send with the current or the next one: give both)"),
            );
            return;
        }
    };
    let leeway = match options.tolerance {
        Tolerance::Off => None,
        Tolerance::Seconds(s) => Some(s),
        Tolerance::ProviderDefault => Some(spec.leeway),
    };
    let url = delivery.url.as_deref();
    // As for a MAC over a timestamp: the token "matches" when its key and every claim but the
    // time ones hold (diagnosis then knows the body is the signed one); only the clock may
    // still refuse it.
    if token
        .check(spec, options.now, None, url, &delivery.body)
        .is_ok()
    {
        outcome.matched = Some(Matched {
            key_index,
            signature_index: 0,
        });
    }
    match token.check(spec, options.now, leeway, url, &delivery.body) {
        Ok(()) => outcome.verified = true,
        Err(problem) => outcome.causes.push(jwt_cause(&header, problem)),
    }
}

fn jwt_cause(header: &str, problem: crate::jwt::Problem) -> Cause {
    use crate::jwt::Problem as P;
    match problem {
        P::Missing(claim) => Cause::new(
            CauseCode::SignatureMalformed,
            format!("the JWT in {header} is signed with your key but has no `{claim}` claim, which the scheme requires"),
        )
        .detail("claim", claim),
        P::NotJson(claim) => Cause::new(
            CauseCode::SignatureMalformed,
            format!("the JWT in {header} is signed with your key, but its `{claim}` claim is not a string holding JSON, as the provider's SDK requires"),
        )
        .detail("claim", claim),
        P::TooOld { iat, now, max_age } => Cause::new(
            CauseCode::TimestampOutsideTolerance,
            format!(
                "the JWT's signature is valid, but it was issued {} ago ({} s, iat {iat}); the provider accepts tokens up to {max_age} s old",
                human_duration(now - iat),
                now - iat
            ),
        )
        .detail("iat", iat)
        .detail("age_seconds", now - iat)
        .detail("tolerance_seconds", max_age)
        .fix("a replayed or queued delivery: pass --no-tolerance for old captures, or check the receiver's clock"),
        P::BadClaim(claim) => Cause::new(
            CauseCode::SignatureMalformed,
            format!("the JWT in {header} has a `{claim}` claim that is not a number"),
        )
        .detail("claim", claim),
        P::Issuer { found, want } => Cause::new(
            CauseCode::WrongProvider,
            format!(
                "the JWT in {header} was issued by {}, not {want}",
                found.as_deref().map_or("nobody (no iss)".to_owned(), |f| format!("`{f}`"))
            ),
        )
        .detail("issuer", found)
        .detail("expected", want),
        P::Expired { exp, now, leeway } => Cause::new(
            CauseCode::TimestampOutsideTolerance,
            format!(
                "the JWT's signature is valid, but it expired {} ago (exp {exp}, leeway {leeway} s)",
                human_duration(now - exp)
            ),
        )
        .detail("exp", exp)
        .detail("age_seconds", now - exp)
        .detail("tolerance_seconds", leeway)
        .fix("a replayed or queued delivery: pass --no-tolerance for old captures, or check the receiver's clock"),
        P::NotYetValid {
            claim,
            at,
            now,
            leeway,
        } => Cause::new(
            CauseCode::TimestampOutsideTolerance,
            format!(
                "the JWT's signature is valid, but it is not valid for another {} ({claim} {at}, leeway {leeway} s)",
                human_duration(at - now)
            ),
        )
        .detail(claim, at)
        .detail("age_seconds", now - at)
        .detail("tolerance_seconds", leeway)
        .fix("check the receiver's clock, or allow skew with --tolerance"),
        P::Subject { found, want } => Cause::new(
            CauseCode::UrlMismatch,
            format!(
                "the JWT was issued for {}, not this URL ({want})",
                found.as_deref().map_or("no URL (no sub)".to_owned(), |f| format!("`{f}`"))
            ),
        )
        .detail("sub", found)
        .detail("url", want)
        .fix("give the URL the sender was configured with (--url), as the provider signed it"),
        P::BodyHash { claim } => Cause::new(
            CauseCode::BodyHashMismatch,
            format!("the JWT in {header} is signed with your key, but its `{claim}` claim is not the hash of this body: the body was changed after signing"),
        )
        .detail("claim", claim)
        .fix("verify the raw body bytes as received, before any parsing or re-encoding"),
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
        TimeUnit::Iso8601 => iso8601_seconds(text)
            .ok_or_else(|| format!("({text:?}) is not an ISO 8601 date-time"))?,
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
        TimeUnit::Iso8601 => "ISO 8601 time",
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

/// An ISO 8601 date-time with or without its offset; without one it is UTC.
pub fn iso8601_seconds(text: &str) -> Option<i64> {
    rfc3339_seconds(text).or_else(|| {
        let t = text.trim();
        // Only a missing offset is supplied: anything else must already be RFC 3339.
        let last = t.as_bytes().last()?;
        (last.is_ascii_digit() && t.len() >= 19).then(|| rfc3339_seconds(&format!("{t}Z")))?
    })
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

    use super::{encoded_path, iso8601_seconds, other_port_form, rfc3339_seconds, sorted_form};

    #[test]
    fn iso8601_times_without_offset_are_utc() {
        // orb-billing 4.90.0 resources/webhooks/webhooks.py verify_signature: fromisoformat,
        // then a naive time is taken as UTC.
        assert_eq!(
            iso8601_seconds("2025-11-23T12:00:00.123456"),
            Some(1_763_899_200)
        );
        assert_eq!(iso8601_seconds("2025-11-23T12:00:00"), Some(1_763_899_200));
        assert_eq!(
            iso8601_seconds("2025-11-23T14:00:00+02:00"),
            Some(1_763_899_200)
        );
        for bad in [
            "2025-11-23",
            "2025-11-23T12:00:00.",
            "2025-11-23T12:00:00+02",
            "now",
        ] {
            assert_eq!(iso8601_seconds(bad), None, "{bad}");
        }
    }

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
    fn contentful_encoded_paths() {
        // node: encodeURI(pathname + "?" + querystring.escape(search)), as the toolkit does
        assert_eq!(
            encoded_path("/api/resources?q=1&w=2"),
            "/api/resources?q%253D1%2526w%253D2"
        );
        assert_eq!(
            encoded_path("/café/ü?x=é ü&y=a/b"),
            "/caf%C3%A9/%C3%BC?x%253D%25C3%25A9%2520%25C3%25BC%2526y%253Da%252Fb"
        );
        assert_eq!(encoded_path("/a b?c?d"), "/a%20b?c");
        assert_eq!(encoded_path("/webhooks/contentful"), "/webhooks/contentful");
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
