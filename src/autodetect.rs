//! `--provider auto`: the scheme a delivery's headers point to (`scheme::detect` ranks them),
//! settled by verification where several fit. Built on the engine, like the diagnosis.

use crate::input::{Delivery, Keys};
use crate::outcome::{Detail, KeyInfo, Outcome, Warning, WarningCode};
use crate::scheme::Scheme;
use crate::scheme::detect::{ranked, same_sender, sender_by_hints};
use crate::verify::{self, Options};

/// What auto-detection found for a delivery.
#[derive(Debug, Clone)]
pub struct Detection {
    /// The scheme to check with; None when no header names any sender.
    pub scheme: Option<&'static Scheme>,
    /// Other schemes that fit the headers as well, none of which verifies either.
    pub alternatives: Vec<&'static Scheme>,
    /// The chosen scheme's verification, when choosing it took one (several schemes fit the
    /// headers): `verify::verify` of the same delivery with the same keys and options. Hand it
    /// to [`check_verified`](crate::check::check_verified) rather than hashing the body again,
    /// unless the keys or the delivery changed since.
    pub verification: Option<Outcome>,
}

/// Resolves `--provider auto`. The delivery's headers choose, so the choice is reported, and
/// an ambiguity is settled by verification, then by every clue, never by giving up: the
/// delivery is then diagnosed under the most likely scheme.
pub fn resolve(delivery: &Delivery, keys: &Keys, options: &Options) -> Detection {
    let mut all = ranked(delivery);
    // Keys of one kind narrow the field: a public key only checks public-key schemes.
    if !keys.is_empty() && all.iter().any(|(_, s)| s.fits_any(keys)) {
        all.retain(|(_, s)| s.fits_any(keys));
    }
    let Some(&(best_fit, best)) = all.first() else {
        // No signature header at all, but the sender's other headers may still name it
        // (X-GitHub-Event without X-Hub-Signature-256): check that scheme, which then
        // reports the missing header.
        return Detection {
            scheme: sender_by_hints(delivery, keys),
            alternatives: Vec::new(),
            verification: None,
        };
    };
    let tied: Vec<&'static Scheme> = all
        .iter()
        .filter(|(f, _)| *f == best_fit)
        .map(|(_, s)| *s)
        .collect();
    if tied.len() == 1 {
        return Detection {
            scheme: Some(best),
            alternatives: Vec::new(),
            verification: None,
        };
    }
    // Same headers, different schemes: the one that verifies is the sender.
    let quick = Options {
        diagnose: false,
        ..options.clone()
    };
    // A twin that reads the secret another way (Polar beside Standard Webhooks) must not win
    // by verifying: that would let a delivery choose how the user's secret is decoded.
    let mut best_verification = None;
    for (i, s) in tied.iter().enumerate() {
        if tied[..i].iter().any(|t| s.differs_only_in_secret(t)) {
            continue;
        }
        let verification = verify::verify(s, delivery, keys, &quick);
        if verification.matched.is_some() {
            return Detection {
                scheme: Some(s),
                alternatives: Vec::new(),
                verification: Some(verification),
            };
        }
        // `tied` starts with the best fit.
        if i == 0 {
            best_verification = Some(verification);
        }
    }
    // None verifies: the most likely one (best fit, then registry order: current schemes
    // before legacy ones) is diagnosed; other senders are named.
    Detection {
        scheme: Some(best),
        alternatives: tied.into_iter().filter(|s| !same_sender(s, best)).collect(),
        verification: best_verification,
    }
}

/// The cause for a delivery that carries no signature header any scheme knows and no other
/// header naming its sender.
pub fn nothing_found(delivery: &Delivery) -> crate::outcome::Cause {
    let names: Vec<&str> = delivery.headers.iter().map(|(n, _)| n).collect();
    crate::outcome::Cause::new(
        crate::outcome::CauseCode::MissingHeader,
        format!(
            "no signature header of any known provider, and no other header names the sender (headers: {})",
            if names.is_empty() {
                "none".to_owned()
            } else {
                crate::escape::for_terminal(&names.join(", ")).into_owned()
            }
        ),
    )
    .with(Detail::Header(None))
    .with(Detail::Role("signature"))
    .with(Detail::LooksLike(None))
    .fix("check that the capture kept every header (proxies and loggers drop some), or name the scheme with --provider (see `hookcheck providers`)")
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
        causes: vec![nothing_found(delivery)],
        warnings: Vec::new(),
        keys: KeyInfo::of(keys),
        computed: None,
        suspects: Vec::new(),
    }
}

/// Warnings that say how auto-detection chose: from the delivery's own headers, and which
/// other schemes fit as well.
pub fn detection_warnings(scheme: &Scheme, detection: &Detection) -> Vec<Warning> {
    let mut out = vec![Warning::new(
        WarningCode::ProviderDetected,
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
        out.push(Warning::new(WarningCode::ProviderAmbiguous,
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
