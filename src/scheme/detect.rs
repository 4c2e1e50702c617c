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

/// What a delivery's header names alone say of one candidate scheme: the part of its [`Fit`]
/// that the values cannot change, which a batch keeps from one delivery to the next.
#[derive(Debug, Clone, Copy)]
struct NamedFit {
    index: usize,
    scheme: &'static Scheme,
    /// Which of its signature headers is the first present.
    present: usize,
    /// Its sender hints that are header names (not `Name: value` ones) and are present.
    named_hints: usize,
}

/// The name-only part of a scheme's fit; None when no signature header of it is present, or
/// auto-detection never chooses it.
fn named_fit(index: usize, scheme: &'static Scheme, delivery: &Delivery) -> Option<NamedFit> {
    // Token and Basic schemes read `Authorization`, which says nothing about the sender.
    if !detectable(scheme) {
        return None;
    }
    let present = scheme
        .signature
        .headers
        .iter()
        .position(|h| delivery.has(h))?;
    Some(NamedFit {
        index,
        scheme,
        present,
        named_hints: named_hints(scheme, &delivery.headers),
    })
}

/// The whole fit: the name-only part and what the values say. `check_parse` false skips
/// reading the signature (one candidate needs no tie-break).
fn fit_with(named: &NamedFit, delivery: &Delivery, check_parse: bool) -> Fit {
    let scheme = named.scheme;
    let parses = !check_parse
        || if scheme.algorithm == Algorithm::Jwt {
            // A token is three base64url parts: `sha256=<hex>` in a shared header is not one.
            let value = delivery.values(&scheme.signature.headers[named.present]);
            value
                .first()
                .is_some_and(|v| v.trim().split('.').count() == 3)
        } else {
            super::signature::readable(scheme, delivery)
        };
    Fit {
        parses,
        primary: named.present == 0,
        hints: named.named_hints + value_hints(scheme, &delivery.headers),
    }
}

/// The candidates a delivery's header names give, each with its name-only fit, and whether
/// there are several (then each one's signature must parse).
#[derive(Debug)]
struct Plan {
    /// The header names it was made for, in the delivery's order (matched without case).
    names: Vec<String>,
    candidates: Vec<NamedFit>,
    several: bool,
}

impl Plan {
    fn fits(&self, delivery: &Delivery) -> bool {
        self.names.len() == delivery.headers.len()
            && self
                .names
                .iter()
                .zip(delivery.headers.iter())
                .all(|(a, (b, _))| a.eq_ignore_ascii_case(b))
    }
}

/// How many plans each thread keeps: a batch mixing a few senders finds each one's.
const PLANS: usize = 8;

thread_local! {
    /// Plans of recent deliveries, newest last.
    static PLANS_SEEN: std::cell::RefCell<Vec<std::rc::Rc<Plan>>> =
        const { std::cell::RefCell::new(Vec::new()) };
}

/// The plan for a delivery whose signature is in a header; None when only body fields or
/// query parameters could hold one (those depend on the body, not the names). Everything a
/// plan holds is decided by the header names, matched without case as every lookup here
/// matches them, so a plan made for other deliveries with the same names is the same plan.
fn plan(delivery: &Delivery) -> Option<std::rc::Rc<Plan>> {
    let cached = PLANS_SEEN.with(|plans| {
        let plans = plans.borrow();
        plans.iter().rev().find(|p| p.fits(delivery)).cloned()
    });
    if cached.is_some() {
        return cached;
    }
    let mut indices: Vec<usize> = Vec::new();
    for (name, _) in delivery.headers.iter() {
        indices.extend_from_slice(registry::signature_header_schemes(name));
    }
    if indices.is_empty() {
        return None;
    }
    indices.sort_unstable();
    indices.dedup();
    let candidates: Vec<NamedFit> = indices
        .iter()
        .filter_map(|&i| named_fit(i, registry::get(i), delivery))
        .collect();
    // A scheme that also reads a body field or query parameter would make its fit depend on
    // more than the names: such a delivery is planned afresh each time.
    let by_name_only = candidates
        .iter()
        .all(|c| c.scheme.signature.headers.iter().all(|h| !h.contains(':')));
    let plan = std::rc::Rc::new(Plan {
        names: delivery.headers.iter().map(|(n, _)| n.to_owned()).collect(),
        candidates,
        several: indices.len() > 1,
    });
    if by_name_only {
        PLANS_SEEN.with(|plans| {
            let mut plans = plans.borrow_mut();
            if plans.len() == PLANS {
                plans.remove(0);
            }
            plans.push(std::rc::Rc::clone(&plan));
        });
    }
    Some(plan)
}

pub(crate) fn ranked(delivery: &Delivery) -> Vec<(Fit, &'static Scheme)> {
    // Signatures in headers first, found through an index of header names built at compile
    // time (a batch asks this for every delivery, and only the schemes found are read); only
    // without any are body fields and query parameters looked at, which means parsing the body.
    let mut found: Vec<(Fit, usize, &'static Scheme)> = match plan(delivery) {
        Some(plan) => plan
            .candidates
            .iter()
            .map(|c| (fit_with(c, delivery, plan.several), c.index, c.scheme))
            .collect(),
        None => {
            let indices = registry::field_signed_schemes();
            let several = indices.len() > 1;
            indices
                .iter()
                .filter_map(|&i| named_fit(i, registry::get(i), delivery))
                .map(|c| (fit_with(&c, delivery, several), c.index, c.scheme))
                .collect()
        }
    };
    found.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    found.into_iter().map(|(f, _, s)| (f, s)).collect()
}

/// Schemes whose signature header the delivery carries, best fit first.
pub fn candidates(delivery: &Delivery) -> Vec<&'static Scheme> {
    ranked(delivery).into_iter().map(|(_, s)| s).collect()
}

/// Schemes auto-detection may choose: not the generic token/Basic ones (their `Authorization`
/// says nothing about the sender), not unsigned ones, not aliases (their base is chosen).
pub(crate) fn detectable(scheme: &Scheme) -> bool {
    !matches!(
        scheme.algorithm,
        Algorithm::Token | Algorithm::Basic | Algorithm::None
    ) && scheme.alias_of.is_none()
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
    // Compared without case, byte by byte (as lower-casing both would), allocating nothing.
    let want = want.trim();
    headers.get_all(name.trim()).any(|value| {
        let value = value.trim().as_bytes();
        match want.strip_suffix('*') {
            Some(prefix) => value
                .get(..prefix.len())
                .is_some_and(|head| head.eq_ignore_ascii_case(prefix.as_bytes())),
            None => value.eq_ignore_ascii_case(want.as_bytes()),
        }
    })
}

/// How many of a scheme's sender headers (other than its signature header) are present:
/// identifying headers, and its timestamp and id headers.
fn sender_hints(scheme: &Scheme, delivery: &Delivery) -> usize {
    named_hints(scheme, &delivery.headers) + value_hints(scheme, &delivery.headers)
}

/// The sender hints that are header names, present: identifying headers named without a
/// value, and the timestamp and id headers.
fn named_hints(scheme: &Scheme, headers: &crate::input::Headers) -> usize {
    // Names with a `:` are body fields, form fields or query parameters, not headers.
    let named = |h: &String| !h.contains(':');
    scheme
        .detect_headers
        .iter()
        .filter(|h| !h.contains(':') && hint_matches(headers, h))
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

/// The identifying headers named with a value (`User-Agent: GitHub-Hookshot/*`) that match.
fn value_hints(scheme: &Scheme, headers: &crate::input::Headers) -> usize {
    scheme
        .detect_headers
        .iter()
        .filter(|h| h.contains(':') && hint_matches(headers, h))
        .count()
}

/// The one sender whose other headers the delivery has most of; None when no scheme has any
/// or two senders tie.
pub(crate) fn sender_by_hints(delivery: &Delivery, keys: &Keys) -> Option<&'static Scheme> {
    let mut scored: Vec<(usize, &'static Scheme)> = (0..registry::count())
        .map(registry::get)
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
