//! Streaming `verify`: a body too large to hold is hashed as it is read, between the template's
//! known prefix and suffix, so a 1 GiB body verifies in bounded memory. Diagnosis of such a
//! body is partial (only what does not need the body again) and says so.

use std::io::Read;

use crate::input::{Delivery, Keys, Secret};
use crate::mac::Running;
use crate::outcome::{CauseCode, Matched, Outcome, Warning, WarningCode};
use crate::scheme::{Part, Scheme};
use crate::verify::{self, Options, Prepared};

/// Bodies up to this size are read whole (and fully diagnosed); larger ones are streamed.
pub const IN_MEMORY_LIMIT: usize = 16 << 20;

// Small enough to stay in L2 between the read and the hash.
const CHUNK: usize = 64 << 10;

/// Whether `scheme` can be checked by streaming: one digest over prefix + body + suffix.
pub fn can_stream(scheme: &Scheme, options: &Options) -> bool {
    let algorithm = options.algorithm.unwrap_or(scheme.algorithm);
    let template = scheme.template();
    let bodies = template.parts.iter().filter(|p| **p == Part::Body).count();
    // A part read out of the body (Linear's timestamp, Mailgun's token, a form field) needs
    // the whole body.
    let reads_body = |name: &str| name.starts_with("body:") || name.starts_with("form:");
    let body_fields = scheme
        .timestamp
        .as_ref()
        .and_then(|t| t.header.as_deref())
        .is_some_and(reads_body)
        || scheme.signature.headers.iter().any(|h| reads_body(h))
        || template
            .parts
            .iter()
            .any(|p| matches!(p, Part::Header(name) if reads_body(name)));
    algorithm.is_digest()
        && bodies == 1
        && !template.parts.iter().any(|p| {
            matches!(
                p,
                Part::BodyHash(_) | Part::BodyCrc32 | Part::Json { .. } | Part::JsonString(_)
            )
        })
        && scheme.also_signs.is_empty()
        && !body_fields
}

/// Verifies a delivery whose body is `head` (already read) followed by the rest of `reader`.
/// `delivery.body` is ignored. Errors are read errors of the body source.
pub fn verify_reader(
    scheme: &Scheme,
    delivery: &Delivery,
    head: &[u8],
    reader: &mut dyn Read,
    keys: &Keys,
    options: &Options,
) -> std::io::Result<Outcome> {
    let quick = Options {
        diagnose: false,
        ..options.clone()
    };
    // The check without the body gives signatures, timestamp window, notes and key facts.
    let mut outcome = verify::verify(scheme, delivery, keys, &quick);
    outcome.verified = false;
    outcome.matched = None;
    let prepared = match Prepared::new(scheme, delivery, &quick) {
        Ok(p) => p,
        // Missing or malformed headers: the body does not matter.
        Err(_) => return Ok(outcome),
    };
    let algorithm = prepared.algorithm;
    let at = prepared
        .template
        .parts
        .iter()
        .position(|p| *p == Part::Body)
        .unwrap_or(0);
    // One running digest per secret, already fed the template's parts before the body.
    let start = |secret: &Secret| {
        let key = scheme.secret.key(secret.expose()).ok()?;
        let mut r = Running::new(algorithm, &key)?;
        for part in &prepared.content(&prepared.template, &[], secret.expose())[..at] {
            r.update(part.as_ref());
        }
        Some(r)
    };
    let mut running: Vec<(usize, &Secret, Option<Running>)> = keys
        .secrets()
        .map(|(index, secret)| (index, secret, start(secret)))
        .collect();
    let mut feed = |data: &[u8]| {
        running
            .iter_mut()
            .filter_map(|(_, _, r)| r.as_mut())
            .for_each(|r| r.update(data));
    };
    feed(head);
    let mut buf = vec![0; CHUNK];
    let mut total = head.len() as u64;
    loop {
        let n = match reader.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        total += n as u64;
        feed(&buf[..n]);
    }
    for (key_index, secret, r) in running {
        let Some(mut r) = r else { continue };
        for part in &prepared.content(&prepared.template, &[], secret.expose())[at + 1..] {
            r.update(part.as_ref());
        }
        if let Some(signature_index) = prepared.matching_signature(&r.finish()) {
            outcome.matched = Some(Matched {
                key_index,
                signature_index,
            });
            break;
        }
    }
    outcome.causes.retain(|c| {
        c.code != CauseCode::SecretMismatch && c.code != CauseCode::TimestampOutsideTolerance
    });
    let within = outcome.timestamp.is_none_or(|t| t.within);
    match (outcome.matched, within) {
        (Some(_), true) => outcome.verified = outcome.causes.is_empty(),
        (Some(_), false) => {
            let ts = outcome.timestamp.expect("a timestamp outside its window");
            outcome.causes.push(verify::timestamp_cause(ts));
        }
        (None, _) => {
            outcome
                .causes
                .push(verify::causes::secret_mismatch(&prepared, Vec::new()));
            outcome.warnings.push(Warning::new(
                WarningCode::DiagnosisPartial,
                format!(
                    "the body ({total} bytes) was streamed, not held: body variants were not tried"
                ),
            ));
        }
    }
    Ok(outcome)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::Headers;
    use crate::scheme::{Algorithm, registry};

    fn stripe_delivery(body: &[u8], secret: &str, t: &str) -> Delivery {
        let digest = crate::mac::digest(
            Algorithm::HmacSha256,
            secret.as_bytes(),
            &[t.as_bytes(), b".", body],
        )
        .unwrap();
        let mut headers = Headers::new();
        headers.push(
            "Stripe-Signature",
            format!("t={t},v1=00,v1={}", hex::encode(digest)),
        );
        Delivery::new(headers, body.to_vec())
    }

    /// Streaming gives the same verdict, match and timestamp as the in-memory check,
    /// wherever the head/rest split falls.
    #[test]
    fn streaming_matches_the_in_memory_result() {
        let unit: &[u8] = b"{\"a\": [1, 2], \"b\": \"\xc3\xa9\"}\n";
        let body: Vec<u8> = unit.iter().copied().cycle().take(300_000).collect();
        let stripe = registry::find("stripe").unwrap();
        let delivery = stripe_delivery(&body, "whsec_k", "1700000000");
        for (keys, now) in [
            (
                Keys::from_iter([Secret::new("wrong"), Secret::new("whsec_k")]),
                1_700_000_010,
            ),
            (Keys::from(Secret::new("wrong")), 1_700_000_010),
            (Keys::from(Secret::new("whsec_k")), 1_700_009_999),
        ] {
            let options = Options::at(now);
            let whole = verify::verify(
                stripe,
                &delivery,
                &keys,
                &Options {
                    diagnose: false,
                    ..options.clone()
                },
            );
            for split in [0, 1, 65_536, 299_999, 300_000] {
                let head = delivery.with_body(Vec::new());
                let mut rest = &body[split..];
                let streamed =
                    verify_reader(stripe, &head, &body[..split], &mut rest, &keys, &options)
                        .unwrap();
                assert_eq!(streamed.verified, whole.verified, "split {split}");
                assert_eq!(streamed.matched, whole.matched, "split {split}");
                assert_eq!(streamed.timestamp, whole.timestamp, "split {split}");
                assert_eq!(
                    streamed.causes.first().map(|c| c.code),
                    whole.causes.first().map(|c| c.code),
                    "split {split}"
                );
            }
        }
    }

    #[test]
    fn only_single_body_digest_schemes_stream() {
        let options = Options::at(0);
        assert!(can_stream(registry::find("github").unwrap(), &options));
        assert!(can_stream(registry::find("slack").unwrap(), &options));
        assert!(
            !can_stream(registry::find("zenduty").unwrap(), &options),
            "re-serialises the body"
        );
        assert!(!can_stream(
            registry::find("header-token").unwrap(),
            &options
        ));
    }
}
