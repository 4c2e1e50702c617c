//! Digest schemes: the template's signed content recomputed with each key (a MAC key, or a
//! public key for asymmetric signatures) over the raw body, then the documented alternate
//! forms, and compared in constant time.

use std::borrow::Cow;

use sha2::Digest as _;

use crate::canonical::url::other_port_form;
use crate::input::{Delivery, Keys, Secret};
use crate::outcome::{Cause, CauseCode, Detail, Matched, Outcome, Warning, WarningCode};
use crate::scheme::{Part, Scheme, SignedBody};

use super::timestamp::{timestamp_cause, timestamp_check};
use super::{Options, Prepared, causes};

pub(super) fn check_digest(
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
            outcome.causes.push(timestamp_unreadable(scheme, &reason));
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
    let envelope_kid = crate::scheme::signature::envelope_member(scheme, delivery, "kid");
    let (candidates, other_kids) =
        signers(scheme, algorithm, keys, envelope_kid.as_deref(), outcome);
    if let (true, Some(kid)) = (candidates.is_empty(), &envelope_kid) {
        if !other_kids.is_empty() {
            outcome
                .causes
                .push(key_id_unknown(scheme, kid, &other_kids));
            return;
        }
    }
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
            if let Some(signature_index) = signer.reproduces(&prepared, &body) {
                if !body_hash_matches(scheme, url.map(String::as_str), &body) {
                    outcome.warnings.push(Warning::new(WarningCode::BodyHashMismatch,
                        "the URL's body hash parameter does not match the body: the body was changed after signing",
                    ));
                    continue;
                }
                record_match(
                    outcome,
                    &prepared,
                    signer,
                    *key_index,
                    signature_index,
                    form,
                );
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

/// What a public-key signature covers: the signed content, or its digest for schemes that hash
/// it first (`prehash`: Bridge).
pub fn signed_message(scheme: &Scheme, prepared: &Prepared<'_>, body: &[u8]) -> Vec<u8> {
    let content = prepared.content(&prepared.template, body, &[]).concat();
    match scheme.prehash {
        Some(hash) => crate::mac::digest(hash, &[], &[&content]).unwrap_or_default(),
        None => content,
    }
}

/// For each of `suffixes`: whether `delivery`, with the suffix appended to its body, has a
/// signature some key reproduces (what `verify(..).matched.is_some()` says of that body), with
/// the body hashed once for all of them: each key's running digest is copied after the body
/// and given each suffix in turn. A diagnosis asks this of every JSON re-serialisation of a
/// large body, with and without a final newline.
///
/// None when the scheme's check is not one digest over a prefix, the body and a suffix that
/// the body does not change (the caller then verifies each body on its own): a public-key,
/// token or JWT check, other signed forms of the body, a body hash, form or body fields in the
/// signed content, any value read out of the body, or URL port variants.
pub fn matches_each_suffix(
    scheme: &Scheme,
    delivery: &Delivery,
    keys: &Keys,
    options: &Options,
    suffixes: &[&[u8]],
) -> Option<Vec<bool>> {
    let from_body = |h: &str| h.starts_with("body:");
    if scheme
        .algorithm_header
        .as_ref()
        .is_some_and(|h| from_body(&h.header))
    {
        return None;
    }
    // The delivery may name its algorithm, as `verify` lets it.
    let named = super::verdict::named_options(scheme, delivery, options);
    let options = named.as_ref().unwrap_or(options);
    let template = scheme.template();
    let one_digest = super::streaming::can_stream(scheme, options)
        && !template
            .parts
            .iter()
            .any(|p| matches!(p, Part::Form | Part::BodyFields(_)))
        && !scheme.id_headers.iter().any(|h| from_body(h))
        && !scheme.required_headers.iter().any(|h| from_body(h))
        && !scheme
            .timestamp
            .as_ref()
            .is_some_and(|t| t.header_names().any(from_body))
        && scheme.body_hash_param.is_none()
        && !(scheme.url_port_variants && delivery.url.is_some());
    if !one_digest {
        return None;
    }
    let mut hits = vec![false; suffixes.len()];
    // As `check_digest`: a delivery whose signature or timestamp cannot be read matches nothing.
    let Ok(prepared) = Prepared::new(scheme, delivery, options) else {
        return Some(hits);
    };
    if timestamp_check(scheme, prepared.timestamp_text.as_deref(), options).is_err() {
        return Some(hits);
    }
    let at = prepared
        .template
        .parts
        .iter()
        .position(|p| *p == Part::Body)?;
    for (_, secret) in keys.secrets() {
        let Ok(key) = scheme.secret.key(secret.expose()) else {
            continue;
        };
        let mut running = crate::mac::Running::new(prepared.algorithm, &key)?;
        let parts = prepared.content(&prepared.template, &[], secret.expose());
        parts[..at].iter().for_each(|p| running.update(p));
        running.update(&delivery.body);
        for (hit, suffix) in hits.iter_mut().zip(suffixes) {
            if *hit {
                continue;
            }
            let mut each = running.clone();
            each.update(suffix);
            parts[at + 1..].iter().for_each(|p| each.update(p));
            *hit = prepared.matching_signature(&each.finish()).is_some();
        }
        if hits.iter().all(|h| *h) {
            break;
        }
    }
    Some(hits)
}

/// A key made ready for one scheme: decoded MAC key bytes, or a parsed public key.
/// The keys to try, each as what it is: public keys only check asymmetric signatures and
/// secrets only key digests, so a public key (public by definition) can never act as an HMAC
/// key. A signature envelope naming its key (eBay's `kid`) is checked only with the keys of a
/// key set that carry that kid, and with keys that carry none (a PEM key); the kids passed
/// over come back second. Unusable keys become warnings.
fn signers<'k>(
    scheme: &Scheme,
    algorithm: crate::scheme::Algorithm,
    keys: &'k Keys,
    envelope_kid: Option<&str>,
    outcome: &mut Outcome,
) -> (Vec<(usize, Signer<'k>)>, Vec<String>) {
    let mut other_kids = Vec::new();
    if !algorithm.is_asymmetric() {
        let secrets = keys
            .secrets()
            .filter_map(|(index, secret)| {
                let key = mac_key(scheme, index, secret, &mut outcome.warnings)?;
                Some((index, Signer::Mac { key, secret }))
            })
            .collect();
        return (secrets, other_kids);
    }
    let public = keys
        .public_keys()
        .filter(|(_, key)| {
            let Some(want) = envelope_kid else {
                return true;
            };
            match crate::input::jwks::parse(key.text())
                .ok()
                .and_then(|k| k.kid)
            {
                Some(kid) if kid != want => {
                    other_kids.push(kid);
                    false
                }
                _ => true,
            }
        })
        .filter_map(
            |(index, key)| match crate::asymmetric::parse(algorithm, key) {
                Ok(parsed) => Some((index, Signer::Public(parsed))),
                Err(reason) => {
                    outcome.warnings.push(Warning::new(
                        WarningCode::KeyUnusable,
                        format!("key {} {reason}", index + 1),
                    ));
                    None
                }
            },
        )
        .collect();
    (public, other_kids)
}

/// Records which key made which signature, over which form of the body, with the warnings a
/// match can carry (a high-S ECDSA signature; a documented re-serialisation, not the raw body).
fn record_match(
    outcome: &mut Outcome,
    prepared: &Prepared<'_>,
    signer: &Signer<'_>,
    key_index: usize,
    signature_index: usize,
    form: Option<SignedBody>,
) {
    if let Signer::Public(public) = signer {
        let sig = prepared.signatures[signature_index].bytes.as_deref();
        if sig.is_some_and(|sig| crate::asymmetric::is_high_s(public, sig)) {
            outcome.warnings.push(Warning::new(WarningCode::EcdsaHighS,
                "the ECDSA signature is in high-S form (the malleable twin of a low-S one); accepted, as the provider's official verifier accepts it",
            ));
        }
    }
    outcome.matched = Some(Matched {
        key_index,
        signature_index,
    });
    outcome.matched_content = form.map(|f| f.describe().to_owned());
    if let Some(form) = form {
        outcome.warnings.push(Warning::new(
            WarningCode::SignedContent,
            format!(
                "the raw body did not verify; {} did (the provider's documented recipe)",
                form.describe()
            ),
        ));
    }
}

/// The timestamp is there but cannot be read as one.
fn timestamp_unreadable(scheme: &Scheme, reason: &str) -> Cause {
    let header = scheme
        .timestamp
        .as_ref()
        .and_then(|t| t.header.clone())
        .unwrap_or_else(|| scheme.signature_header().to_owned());
    Cause::new(
        CauseCode::SignatureMalformed,
        format!("the timestamp in {header} {reason}"),
    )
    .with(Detail::Header(Some(header)))
}

/// The signature names a key (`kid`) that none of the keys given carries.
fn key_id_unknown(scheme: &Scheme, kid: &str, others: &[String]) -> Cause {
    let known = others
        .iter()
        .map(|k| format!("`{k}`"))
        .collect::<Vec<_>>()
        .join(", ");
    Cause::new(
        CauseCode::KeyIdUnknown,
        format!(
            "{} names key `{kid}`, which none of the keys given has (they are {known})",
            scheme.signature_header()
        ),
    )
    .with(Detail::Header(Some(scheme.signature_header().to_owned())))
    .with(Detail::Kid(kid.to_owned()))
    .with(Detail::Known(others.to_vec()))
    .fix("give the sender's key for that kid (after a key rotation, fetch it again)")
}

enum Signer<'k> {
    Mac { key: Vec<u8>, secret: &'k Secret },
    Public(crate::asymmetric::VerifyingKey),
}

impl Signer<'_> {
    /// Which of the delivery's signatures this key makes over `body` (as the template signs
    /// it), if any.
    fn reproduces(&self, prepared: &Prepared<'_>, body: &[u8]) -> Option<usize> {
        match self {
            Signer::Public(public) => {
                let message = signed_message(prepared.scheme, prepared, body);
                prepared.signatures.iter().position(|s| {
                    s.bytes
                        .as_deref()
                        .is_some_and(|sig| crate::asymmetric::verify(public, &message, sig))
                })
            }
            Signer::Mac { key, secret } => {
                prepared.matching_digest(prepared.algorithm, body, key, secret.expose())
            }
        }
    }
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

/// The MAC key `secret` (key `index`, from 0) gives under the scheme's secret format; one that
/// gives none is named in a `secret_unusable` warning and skipped.
pub(super) fn mac_key(
    scheme: &Scheme,
    index: usize,
    secret: &Secret,
    warnings: &mut Vec<Warning>,
) -> Option<Vec<u8>> {
    match scheme.secret.key(secret.expose()) {
        Ok(key) => Some(key),
        Err(reason) => {
            warnings.push(Warning::new(
                WarningCode::SecretUnusable,
                format!(
                    "key {} {reason}, which {} requires",
                    index + 1,
                    scheme.secret.id()
                ),
            ));
            None
        }
    }
}
