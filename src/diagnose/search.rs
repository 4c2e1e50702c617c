//! The search's state and its one question, asked of every hypothesis: does the delivery, so
//! changed, verify? Candidate bodies are checked on all cores, large bodies one at a time.

use crate::input::{Delivery, Keys};
use crate::outcome::CauseCode;
use crate::scheme::Scheme;
use crate::verify::{self, Options};

use super::{body, json, json_dialect};

/// Above this size candidate bodies are made one at a time (one per core), so that memory
/// stays a small multiple of the body's size.
const HOLD_ALL_UP_TO: usize = 1 << 20;

/// Bodies above this size get a partial diagnosis (no body variants), with a warning.
pub const PARTIAL_ABOVE: usize = 64 << 20;

/// One diagnosis in progress: the delivery as received, and what its steps share.
pub(super) struct Search<'a> {
    pub(super) scheme: &'a Scheme,
    pub(super) delivery: &'a Delivery,
    pub(super) keys: &'a Keys,
    pub(super) options: Options,
    /// The body in every JSON dialect, rendered once for all steps that need it.
    pub(super) json: std::sync::OnceLock<Vec<json::JsonVariant>>,
    /// Steps that stopped at their budget, said in the report.
    pub(super) cut: std::sync::Mutex<Vec<String>>,
    /// The parsed JSON body, for rendering a large body one dialect at a time.
    pub(super) parsed: std::sync::OnceLock<Option<json_dialect::Value>>,
    /// For a large body: per suffix in `JSON_SUFFIXES`, the first dialect that verifies.
    pub(super) json_hits: std::sync::OnceLock<Vec<Option<usize>>>,
    /// Copies of the delivery without its body, for verifying candidate bodies in.
    pub(super) shells: std::sync::Mutex<Vec<Delivery>>,
}

/// What may follow a re-serialised JSON body: nothing, or the newline a framework adds.
const JSON_SUFFIXES: [&[u8]; 3] = [b"", b"\n", b"\r\n"];

impl Search<'_> {
    pub(super) fn verifies(&self, scheme: &Scheme, delivery: &Delivery, keys: &Keys) -> bool {
        verify::verify(scheme, delivery, keys, &self.options)
            .matched
            .is_some()
    }

    pub(super) fn verifies_with_options(&self, scheme: &Scheme, options: &Options) -> bool {
        verify::verify(scheme, self.delivery, self.keys, options)
            .matched
            .is_some()
    }

    /// True when candidate bodies are made one at a time rather than all held at once.
    pub(super) fn large(&self) -> bool {
        self.delivery.body.len() > HOLD_ALL_UP_TO
    }

    /// The first byte-level body variant that verifies (in the list's order).
    pub(super) fn first_byte_variant(&self, keys: &Keys) -> Option<body::BodyVariant> {
        if self.large() {
            return body::first_variant(&self.delivery.body, &mut |v| {
                let verified;
                (verified, v.bytes) = self.verifies_owned(std::mem::take(&mut v.bytes), keys);
                verified
            });
        }
        let variants = body::variants(&self.delivery.body);
        let refs: Vec<&body::BodyVariant> = variants.iter().collect();
        self.first_body(&refs, &[], keys).cloned()
    }

    /// The first JSON re-serialisation that verifies with `suffix` appended, and its dialect.
    /// A large body is rendered one dialect per core at a time, never all at once.
    pub(super) fn first_json(
        &self,
        suffix: &[u8],
        keys: &Keys,
    ) -> Option<(body::BodyVariant, &'static str)> {
        if !self.large() {
            let refs: Vec<&body::BodyVariant> =
                self.json_variants().iter().map(|j| &j.body).collect();
            let found = self.first_body(&refs, suffix, keys)?;
            let dialect = self.dialect_of(found)?;
            return Some((found.clone(), dialect));
        }
        let received = &self.delivery.body;
        let value = self
            .parsed
            .get_or_init(|| json_dialect::parse(received))
            .as_ref()?;
        let render = |dialect: &json_dialect::Dialect| {
            let mut bytes = Vec::with_capacity(received.len() + received.len() / 8 + 2);
            json_dialect::render(value, dialect, &mut bytes);
            (bytes != *received).then_some(bytes)
        };
        // Each dialect is rendered once for every suffix the search asks about: the steps
        // and the pairs share this pass when they use the delivery's own keys.
        let first_hit = |suffixes: &[&[u8]], keys: &Keys| -> Vec<Option<usize>> {
            // One dialect at a time, into one buffer (the parsed value is already several
            // times the body's size), in a delivery made once; where the scheme signs one
            // digest over the body, each rendering is hashed once for all the suffixes.
            let mut delivery = self
                .delivery
                .with_body(Vec::with_capacity(received.len() + received.len() / 8 + 2));
            let hits: Vec<Vec<bool>> = json_dialect::Dialect::ALL
                .iter()
                .map(|dialect| {
                    delivery.body.clear();
                    json_dialect::render(value, dialect, &mut delivery.body);
                    if delivery.body == *received {
                        return vec![false; suffixes.len()];
                    }
                    if let Some(hits) = verify::digest::matches_each_suffix(
                        self.scheme,
                        &delivery,
                        keys,
                        &self.options,
                        suffixes,
                    ) {
                        return hits;
                    }
                    let rendered = delivery.body.len();
                    suffixes
                        .iter()
                        .map(|suffix| {
                            delivery.body.truncate(rendered);
                            delivery.body.extend_from_slice(suffix);
                            self.verifies(self.scheme, &delivery, keys)
                        })
                        .collect()
                })
                .collect();
            (0..suffixes.len())
                .map(|i| hits.iter().position(|h| h[i]))
                .collect()
        };
        let index = if std::ptr::eq(keys, self.keys) {
            let hits = self
                .json_hits
                .get_or_init(|| first_hit(&JSON_SUFFIXES, keys));
            let at = JSON_SUFFIXES.iter().position(|s| *s == suffix)?;
            hits[at]?
        } else {
            first_hit(&[suffix], keys)[0]?
        };
        let dialect = &json_dialect::Dialect::ALL[index];
        let variant = body::BodyVariant {
            code: CauseCode::BodyJsonReserialized,
            variant: format!("re-serialised as {}", dialect.describe()),
            bytes: render(dialect)?,
        };
        Some((variant, dialect.name()))
    }

    /// Verifies with `body` in place of the received one; the buffer comes back.
    pub(super) fn verifies_owned(&self, body: Vec<u8>, keys: &Keys) -> (bool, Vec<u8>) {
        // A copy of the received delivery without its body, taken from the pool (or made, one
        // per worker): copying every header for every candidate body made a delivery with
        // many headers cost their number times the candidates'.
        let shell = self.shells.lock().ok().and_then(|mut shells| shells.pop());
        let mut delivery = shell.unwrap_or_else(|| self.delivery.with_body(Vec::new()));
        delivery.body = body;
        let verified = self.verifies(self.scheme, &delivery, keys);
        let body = std::mem::take(&mut delivery.body);
        if let Ok(mut shells) = self.shells.lock() {
            shells.push(delivery);
        }
        (verified, body)
    }

    pub(super) fn json_variants(&self) -> &[json::JsonVariant] {
        self.json
            .get_or_init(|| json::variants(&self.delivery.body))
    }

    /// Verifies the delivery with `body` (and `suffix`) in place of the received body.
    pub(super) fn verifies_body_with(&self, body: &[u8], suffix: &[u8], keys: &Keys) -> bool {
        self.verifies_owned([body, suffix].concat(), keys).0
    }

    /// The first candidate body (in list order) that verifies, checked on all cores.
    pub(super) fn first_body<'v>(
        &self,
        bodies: &'v [&'v body::BodyVariant],
        suffix: &[u8],
        keys: &Keys,
    ) -> Option<&'v body::BodyVariant> {
        use rayon::prelude::*;
        bodies
            .par_iter()
            .find_first(|b| self.verifies_body_with(&b.bytes, suffix, keys))
            .copied()
    }

    /// The body parsed as JSON once, shared by the steps that read its structure.
    pub(super) fn parsed_body(&self) -> Option<&json_dialect::Value> {
        let body = &self.delivery.body;
        self.parsed
            .get_or_init(|| json_dialect::parse(body))
            .as_ref()
    }

    /// The dialect name of a JSON variant (None for byte-level variants).
    pub(super) fn dialect_of(&self, v: &body::BodyVariant) -> Option<&'static str> {
        self.json_variants()
            .iter()
            .find(|j| std::ptr::eq(&raw const j.body, v))
            .map(|j| j.dialect)
    }

    /// Notes that a step of the search stopped at its budget.
    pub(super) fn cut_short(&self, what: String) {
        if let Ok(mut cut) = self.cut.lock() {
            cut.push(what);
        }
    }
}
