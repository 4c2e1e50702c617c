//! `--provider auto`: pick the scheme from the headers, and from verification where providers
//! share a header (`X-Hub-Signature` is GitHub's SHA-1, Bitbucket's and Intercom's).

use crate::input::{Delivery, Keys};

use super::{Algorithm, Scheme, registry};

/// How well a scheme fits a delivery's headers; higher is better.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct Fit {
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
    let present = scheme
        .signature
        .headers
        .iter()
        .position(|h| delivery.has(h))?;
    let parses = if scheme.algorithm == Algorithm::Jwt {
        // A token is three base64url parts: `sha256=<hex>` in a shared header is not one.
        let value = delivery.values(&scheme.signature.headers[present]);
        value
            .first()
            .is_some_and(|v| v.trim().split('.').count() == 3)
    } else {
        super::signature::extract_signatures(scheme, delivery).is_ok()
    };
    Some(Fit {
        parses: !check_parse || parses,
        primary: present == 0,
        hints: sender_hints(scheme, delivery),
    })
}

pub(crate) fn ranked(delivery: &Delivery) -> Vec<(Fit, &'static Scheme)> {
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

/// A sender hint: a header name, or `Name: value` where the value must match without case
/// (`X-HubSpot-Signature-Version: v1`); a trailing `*` matches a prefix (`User-Agent:
/// GitHub-Hookshot/*`).
pub fn hint_matches(headers: &crate::input::Headers, hint: &str) -> bool {
    let Some((name, want)) = hint.split_once(':') else {
        return headers.contains(hint);
    };
    let want = want.trim().to_ascii_lowercase();
    headers.get_all(name.trim()).any(|value| {
        let value = value.trim().to_ascii_lowercase();
        match want.strip_suffix('*') {
            Some(prefix) => value.starts_with(prefix),
            None => value == want,
        }
    })
}

/// How many of a scheme's sender headers (other than its signature header) are present:
/// identifying headers, and its timestamp and id headers.
fn sender_hints(scheme: &Scheme, delivery: &Delivery) -> usize {
    let headers = &delivery.headers;
    // Names with a `:` are body fields, form fields or query parameters, not headers.
    let named = |h: &String| !h.contains(':');
    scheme
        .detect_headers
        .iter()
        .filter(|h| hint_matches(headers, h))
        .count()
        + scheme
            .id_headers
            .iter()
            .filter(|h| named(h) && headers.contains(h))
            .count()
        + scheme.timestamp.as_ref().map_or(0, |t| {
            usize::from(
                t.header_names()
                    .any(|h| !h.contains(':') && headers.contains(h)),
            )
        })
}

/// The one sender whose other headers the delivery has most of; None when no scheme has any
/// or two senders tie.
pub(crate) fn sender_by_hints(delivery: &Delivery, keys: &Keys) -> Option<&'static Scheme> {
    let mut scored: Vec<(usize, &'static Scheme)> = registry::all()
        .iter()
        .filter(|s| detectable(s))
        .map(|s| (sender_hints(s, delivery), s))
        .filter(|(n, _)| *n > 0)
        .collect();
    // The keys' kind settles senders that share headers (Standard Webhooks HMAC and v1a).
    if !keys.is_empty() && scored.iter().any(|(_, s)| s.fits_any(keys)) {
        scored.retain(|(_, s)| s.fits_any(keys));
    }
    scored.sort_by_key(|(n, _)| std::cmp::Reverse(*n));
    let (best_n, best) = *scored.first()?;
    // A tie between schemes of the same sender (github and its legacy github-sha1, svix and
    // its standard) goes to the first in the registry, the current one.
    let same_sender = scored
        .iter()
        .take_while(|(n, _)| *n == best_n)
        .all(|(_, s)| same_sender(s, best));
    same_sender.then_some(best)
}

/// Two schemes of one sender: the same identifying headers (GitHub's SHA-256 and SHA-1).
pub(crate) fn same_sender(a: &Scheme, b: &Scheme) -> bool {
    !a.detect_headers.is_empty() && a.detect_headers == b.detect_headers
        || a.title.split(' ').next() == b.title.split(' ').next()
}
