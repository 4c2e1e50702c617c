//! `--computed DIGEST`: check the digest the user's own receiver computed (from its logs)
//! instead of the delivery's signature. If it is wrong, the diagnosis then names the variant
//! of body, secret or template that produces it — which is the bug in the user's code.

use crate::input::Delivery;
use crate::scheme::{Encoding, Scheme, SignatureSpec};
use crate::verify;

/// The header that carries the computed digest in the rewritten delivery.
pub const HEADER: &str = "X-Hookcheck-Computed";

/// Rewrites scheme and delivery so that the computed digest is the one signature to match.
/// The timestamp the delivery carries (even inside a structured signature header) is kept.
pub fn rewrite(scheme: &Scheme, delivery: &Delivery, computed: &str) -> (Scheme, Delivery) {
    let computed = computed.trim();
    let (prefix, digest) = match computed.split_once('=') {
        // `sha256=<hex>` or `v0=<hex>`: keep the label out of the digest.
        Some((label, rest)) if label.len() <= 8 && !rest.is_empty() && !rest.ends_with('=') => {
            (Some(format!("{label}=")), rest)
        }
        _ => (None, computed),
    };
    let encoding = if digest.len() % 2 == 0 && digest.bytes().all(|b| b.is_ascii_hexdigit()) {
        Encoding::Hex
    } else if digest.contains(['-', '_']) {
        Encoding::Base64url
    } else {
        Encoding::Base64
    };
    let mut delivery = delivery.clone();
    if delivery.timestamp_override.is_none() {
        delivery.timestamp_override =
            verify::Prepared::new(scheme, &delivery, &verify::Options::at(0))
                .ok()
                .and_then(|p| p.timestamp_text);
    }
    // The provider's own signature must not be found again by the search (it would "explain"
    // the user's digest as another provider or header).
    for header in &scheme.signature.headers {
        delivery.headers.remove(header);
    }
    delivery.headers.set(HEADER, computed.to_owned());
    let mut scheme = scheme.clone();
    scheme.signature = SignatureSpec {
        headers: vec![HEADER.to_owned()],
        encoding,
        prefix,
        items: None,
        pair: None,
        keys: Vec::new(),
        auth_scheme: None,
        envelope: None,
    };
    if let Some(ts) = scheme.timestamp.as_mut() {
        // The timestamp now comes from `timestamp_override`.
        if ts.field.is_some() {
            ts.field = None;
            ts.header = Some("X-Hookcheck-Timestamp".to_owned());
        }
    }
    (scheme, delivery)
}
