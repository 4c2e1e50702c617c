//! The entry points: [`verify`] (the full outcome) and [`verifies`] (the verdict alone), one code
//! path that dispatches by algorithm.

use crate::input::{Delivery, Keys};
use crate::outcome::{Cause, CauseCode, KeyInfo, Outcome, Warning, WarningCode};
use crate::scheme::{Algorithm, Scheme};

use super::Options;
use super::digest::check_digest;
use super::jwt::check_jwt;
use super::token::check_token;

/// Verifies `delivery` under `scheme` with each of `keys`: the engine's verdict, never a
/// diagnosis (see [`check()`](crate::check()), which adds one).
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
            .map(|n| Warning::new(WarningCode::SchemeNote, n.clone()))
            .collect(),
        keys: KeyInfo::of(keys),
        computed: None,
        suspects: Vec::new(),
    };
    if scheme.body_fields_only {
        outcome.warnings.push(Warning::new(WarningCode::BodyNotSigned,
            format!("{} signs chosen fields of the body, not the body: the rest of it is not authenticated", scheme.title),
        ));
    }
    if scheme.template().uses(&crate::scheme::Part::BodyCrc32) {
        outcome.warnings.push(Warning::new(
            WarningCode::BodyChecksumOnly,
            format!("{} signs a CRC-32 of the body, not the body: CRC-32 is no cryptographic hash, so anyone holding one signed delivery can make another body with the same CRC-32 that verifies; only the timestamp window limits such replays", scheme.title),
        ));
    }
    if matches!(algorithm, Algorithm::Token | Algorithm::Basic) {
        outcome.warnings.push(Warning::new(WarningCode::NotASignature,
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
pub(super) fn named_options(
    scheme: &Scheme,
    delivery: &Delivery,
    options: &Options,
) -> Option<Options> {
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
            check_token(scheme, delivery, keys, options, outcome);
        }
        Algorithm::Jwt => check_jwt(scheme, delivery, keys, options, outcome),
        _ => check_digest(scheme, delivery, keys, options, outcome),
    }
}
