//! `--provider auto`: pick the scheme from the headers, and from verification where providers
//! share a header (`X-Hub-Signature` is GitHub's SHA-1, Bitbucket's and Intercom's).

use crate::error::UsageError;
use crate::input::{Delivery, Secret};
use crate::verify::{self, Options};

use super::{Algorithm, Scheme, registry};

/// How well a scheme fits a delivery's headers; higher is better.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Fit {
    /// The header holds what the scheme looks for (a `v1` entry, not only `v1a` ones).
    parses: bool,
    /// The scheme's usual signature header is present (not only a fallback name).
    primary: bool,
    /// How many of its other identifying headers are present.
    hints: usize,
}

/// `check_parse` false skips reading the signature (one candidate needs no tie-break).
fn fit_with(scheme: &Scheme, delivery: &Delivery, check_parse: bool) -> Option<Fit> {
    // Token and Basic schemes read `Authorization`, which says nothing about the sender.
    if !detectable(scheme) {
        return None;
    }
    let headers = &delivery.headers;
    let present = scheme
        .signature
        .headers
        .iter()
        .position(|h| delivery.has(h))?;
    let hints = scheme
        .detect_headers
        .iter()
        .filter(|h| headers.contains(h))
        .count()
        + scheme
            .id_headers
            .iter()
            .filter(|h| headers.contains(h))
            .count()
        + scheme.timestamp.as_ref().map_or(0, |t| {
            usize::from(t.header_names().any(|h| headers.contains(h)))
        });
    Some(Fit {
        parses: !check_parse || crate::verify::extract_signatures(scheme, delivery).is_ok(),
        primary: present == 0,
        hints,
    })
}

fn ranked(delivery: &Delivery) -> Vec<(Fit, &'static Scheme)> {
    let all = registry::all();
    // Signatures in headers first, found through an index of header names (a batch asks this
    // for every delivery); only without any are body fields and query parameters looked at,
    // which means parsing the body.
    let mut indices: Vec<usize> = delivery
        .headers
        .iter()
        .filter_map(|(name, _)| header_index().get(&name.to_ascii_lowercase()))
        .flatten()
        .copied()
        .collect();
    if indices.is_empty() {
        indices = (0..all.len())
            .filter(|&i| all[i].signature.headers.iter().any(|h| h.contains(':')))
            .collect();
    }
    indices.sort_unstable();
    indices.dedup();
    let several = indices.len() > 1;
    let mut found: Vec<(Fit, usize, &Scheme)> = indices
        .into_iter()
        .filter_map(|i| fit_with(&all[i], delivery, several).map(|f| (f, i, &all[i])))
        .collect();
    found.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    found.into_iter().map(|(f, _, s)| (f, s)).collect()
}

/// Schemes whose signature header the delivery carries, best fit first.
pub fn candidates(delivery: &Delivery) -> Vec<&'static Scheme> {
    ranked(delivery).into_iter().map(|(_, s)| s).collect()
}

/// Schemes auto-detection may choose: not the generic token/Basic ones (their `Authorization`
/// says nothing about the sender), not unsigned ones, not aliases (their base is chosen).
fn detectable(scheme: &Scheme) -> bool {
    !matches!(
        scheme.algorithm,
        Algorithm::Token | Algorithm::Basic | Algorithm::None
    ) && scheme.alias_of.is_none()
}

/// Lower-case signature header name → the detectable schemes that read it.
fn header_index() -> &'static std::collections::HashMap<String, Vec<usize>> {
    static INDEX: std::sync::OnceLock<std::collections::HashMap<String, Vec<usize>>> =
        std::sync::OnceLock::new();
    INDEX.get_or_init(|| {
        let mut index: std::collections::HashMap<String, Vec<usize>> =
            std::collections::HashMap::new();
        for (i, scheme) in registry::all()
            .iter()
            .enumerate()
            .filter(|(_, s)| detectable(s))
        {
            for header in scheme.signature.headers.iter().filter(|h| !h.contains(':')) {
                index
                    .entry(header.to_ascii_lowercase())
                    .or_default()
                    .push(i);
            }
        }
        index
    })
}

/// The provider the headers look like, if any (for `missing_header` hints).
pub fn looks_like(delivery: &Delivery) -> Option<&'static Scheme> {
    candidates(delivery).into_iter().next()
}

/// The one scheme whose identifying headers (not its signature header) the delivery has most
/// of; None when no scheme has any or two tie.
fn sender_by_hints(delivery: &Delivery) -> Option<&'static Scheme> {
    let mut scored: Vec<(usize, &'static Scheme)> = registry::all()
        .iter()
        .map(|s| {
            (
                s.detect_headers
                    .iter()
                    .filter(|h| delivery.headers.contains(h))
                    .count(),
                s,
            )
        })
        .filter(|(n, _)| *n > 0)
        .collect();
    scored.sort_by_key(|(n, _)| std::cmp::Reverse(*n));
    let (best_n, best) = *scored.first()?;
    // A tie between schemes of the same sender (github and its legacy github-sha1 share their
    // identifying headers) goes to the first in the registry, the current one.
    let same_sender = scored
        .iter()
        .take_while(|(n, _)| *n == best_n)
        .all(|(_, s)| s.detect_headers == best.detect_headers);
    same_sender.then_some(best)
}

/// Resolves `--provider auto`.
pub fn resolve(
    delivery: &Delivery,
    keys: &[Secret],
    options: &Options,
) -> Result<&'static Scheme, UsageError> {
    let all = ranked(delivery);
    let Some(&(best_fit, best)) = all.first() else {
        // No signature header at all, but the sender's other headers may still name it
        // (X-GitHub-Event without X-Hub-Signature-256): check that scheme, which then
        // reports the missing header instead of failing to choose.
        if let Some(sender) = sender_by_hints(delivery) {
            return Ok(sender);
        }
        let names: Vec<&str> = delivery.headers.iter().map(|(n, _)| n).collect();
        return Err(UsageError::new(
            "unknown_provider",
            format!(
                "--provider auto: no known signature header among the delivery's headers ({})",
                if names.is_empty() {
                    "none given".to_owned()
                } else {
                    names.join(", ")
                }
            ),
        )
        .hint("name the scheme with --provider (see `hookcheck providers`)"));
    };
    let tied: Vec<&'static Scheme> = all
        .iter()
        .filter(|(f, _)| *f == best_fit)
        .map(|(_, s)| *s)
        .collect();
    if tied.len() == 1 {
        return Ok(best);
    }
    // Same headers, different schemes: the one that verifies is the sender.
    let quick = Options {
        diagnose: false,
        ..options.clone()
    };
    if let Some(s) = tied
        .iter()
        .find(|s| verify::verify(s, delivery, keys, &quick).matched.is_some())
    {
        return Ok(s);
    }
    let names: Vec<&str> = tied.iter().map(|s| s.name.as_str()).collect();
    Err(UsageError::new(
        "ambiguous_provider",
        format!(
            "--provider auto: the headers fit {} equally and none of them verifies",
            names.join(", ")
        ),
    )
    .hint(format!("pick one with --provider {}", names.join("|"))))
}
