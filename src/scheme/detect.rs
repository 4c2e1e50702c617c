//! `--provider auto`: pick the scheme from the headers, and from verification where providers
//! share a header (`X-Hub-Signature` is GitHub's SHA-1, Bitbucket's and Intercom's).

use crate::input::{Delivery, Keys};
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
        .filter(|h| hint_matches(headers, h))
        .count()
        + scheme
            .id_headers
            .iter()
            .filter(|h| headers.contains(h))
            .count()
        + scheme.timestamp.as_ref().map_or(0, |t| {
            usize::from(t.header_names().any(|h| headers.contains(h)))
        });
    let parses = if scheme.algorithm == Algorithm::Jwt {
        // A token is three base64url parts: `sha256=<hex>` in a shared header is not one.
        let value = delivery.values(&scheme.signature.headers[present]);
        value
            .first()
            .is_some_and(|v| v.trim().split('.').count() == 3)
    } else {
        crate::verify::extract_signatures(scheme, delivery).is_ok()
    };
    Some(Fit {
        parses: !check_parse || parses,
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
    let named = |h: &String| !h.starts_with("body:") && !h.starts_with("query:");
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
        + scheme
            .timestamp
            .as_ref()
            .and_then(|t| t.header.as_ref())
            .filter(|h| named(h))
            .map_or(0, |h| usize::from(headers.contains(h)))
}

/// The one sender whose other headers the delivery has most of; None when no scheme has any
/// or two senders tie.
fn sender_by_hints(delivery: &Delivery, keys: &Keys) -> Option<&'static Scheme> {
    let mut scored: Vec<(usize, &'static Scheme)> = registry::all()
        .iter()
        .filter(|s| detectable(s))
        .map(|s| (sender_hints(s, delivery), s))
        .filter(|(n, _)| *n > 0)
        .collect();
    // The keys' kind settles senders that share headers (Standard Webhooks HMAC and v1a).
    if !keys.is_empty() && scored.iter().any(|(_, s)| keys.has_kind_for(s)) {
        scored.retain(|(_, s)| keys.has_kind_for(s));
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
fn same_sender(a: &Scheme, b: &Scheme) -> bool {
    !a.detect_headers.is_empty() && a.detect_headers == b.detect_headers
        || a.title.split(' ').next() == b.title.split(' ').next()
}

/// What auto-detection found for a delivery.
#[derive(Debug, Clone)]
pub struct Detection {
    /// The scheme to check with; None when no header names any sender.
    pub scheme: Option<&'static Scheme>,
    /// Other schemes that fit the headers as well, none of which verifies either.
    pub alternatives: Vec<&'static Scheme>,
}

/// Resolves `--provider auto`. The delivery's headers choose, so the choice is reported, and
/// an ambiguity is settled by verification, then by every clue, never by giving up: the
/// delivery is then diagnosed under the most likely scheme.
pub fn resolve(delivery: &Delivery, keys: &Keys, options: &Options) -> Detection {
    let mut all = ranked(delivery);
    // Keys of one kind narrow the field: a public key only checks public-key schemes.
    if !keys.is_empty() && all.iter().any(|(_, s)| keys.has_kind_for(s)) {
        all.retain(|(_, s)| keys.has_kind_for(s));
    }
    let Some(&(best_fit, best)) = all.first() else {
        // No signature header at all, but the sender's other headers may still name it
        // (X-GitHub-Event without X-Hub-Signature-256): check that scheme, which then
        // reports the missing header.
        return Detection {
            scheme: sender_by_hints(delivery, keys),
            alternatives: Vec::new(),
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
        };
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
        return Detection {
            scheme: Some(s),
            alternatives: Vec::new(),
        };
    }
    // None verifies: the most likely one (best fit, then registry order: current schemes
    // before legacy ones) is diagnosed; other senders are named.
    Detection {
        scheme: Some(best),
        alternatives: tied.into_iter().filter(|s| !same_sender(s, best)).collect(),
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
                crate::report::escape::for_terminal(&names.join(", "))
            }
        ),
    )
    .detail("header", serde_json::Value::Null)
    .detail("role", "signature")
    .detail("looks_like", serde_json::Value::Null)
    .fix("check that the capture kept every header (proxies and loggers drop some), or name the scheme with --provider (see `hookcheck providers`)")
}
