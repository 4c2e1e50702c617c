//! What the search saw that explains nothing on its own: suspects (alterations that cannot be
//! undone, asked for only when nothing verified) and warnings.

use crate::diagnose::search::{PARTIAL_ABOVE, Search};
use crate::diagnose::{charset, keyorder, secret};
use crate::outcome::{Suspect, Warning};
use crate::scheme::Part;

impl Search<'_> {
    /// Alterations seen in the delivery that cannot be undone; only asked for when nothing
    /// verified.
    pub(super) fn suspects(&self) -> Vec<Suspect> {
        let mut out = Vec::new();
        let body = &self.delivery.body;
        if body.len() > PARTIAL_ABOVE {
            return out;
        }
        if let Some(what) = charset::lossy_signs(body) {
            out.push(
                Suspect::new(
                    "body_lossy_decoded",
                    format!("looks like the body was decoded lossily: {what}"),
                )
                .detail("evidence", what),
            );
        }
        if let (Some(url), Some(param)) = (
            self.delivery.url.as_deref(),
            self.scheme.body_hash_param.as_deref(),
        ) {
            if self.scheme.template().uses(&Part::Url) && self.body_hash_restored(url).is_some() {
                out.push(
                    Suspect::new(
                        "url_query_dropped",
                        format!(
                            "looks like the query string was dropped from the signed URL: {} signs the full URL, which carries ?{param}=<SHA-256 of the body> for a JSON body, and {url} has none (restoring {param} alone does not verify, so other parameters are missing too)",
                            self.scheme.title
                        ),
                    )
                    .detail("url", url)
                    .detail("parameter", param),
                );
            }
        }
        if let Some(info) = self.parsed_body().and_then(keyorder::sorted) {
            if info.orders > keyorder::MAX_ORDERS && info.largest >= 4 {
                out.push(
                    Suspect::new(
                        "body_keys_resorted",
                        format!(
                            "looks like the JSON keys were re-sorted (Go maps, serde_json Value, sort_keys=True): all {} keys in {} objects are in sorted order, too many orders ({}) to search for the original",
                            info.keys,
                            info.objects,
                            if info.orders == u64::MAX { "more than 10^19".to_owned() } else { info.orders.to_string() }
                        ),
                    )
                    .detail("objects", info.objects)
                    .detail("keys", info.keys),
                );
            }
        }
        out
    }

    /// Observations worth knowing even when they explain nothing.
    pub(super) fn warnings(&self) -> Vec<Warning> {
        let mut out = Vec::new();
        if let Ok(cut) = self.cut.lock() {
            out.extend(cut.iter().map(|what| {
                Warning::new(
                    "diagnosis_cut_short",
                    format!("the search was cut short: {what}"),
                )
            }));
        }
        for (i, key) in self.keys.secrets() {
            if secret::has_debris(key) {
                out.push(Warning::new(
                    "secret_whitespace",
                    format!("key {} has surrounding whitespace, quotes or a BOM", i + 1),
                ));
            }
            if let Some(what) = secret::looks_like_api_key(key) {
                out.push(Warning::new(
                    "secret_looks_like_api_key",
                    format!(
                        "key {} looks like {what}, not a webhook signing secret",
                        i + 1
                    ),
                ));
            }
        }
        if self.delivery.body.len() > PARTIAL_ABOVE {
            out.push(Warning::new(
                "diagnosis_partial",
                format!(
                    "the body is over {} MiB: body and JSON variants were not tried",
                    PARTIAL_ABOVE >> 20
                ),
            ));
        }
        if self.delivery.body.is_empty() {
            out.push(Warning::new(
                "body_empty",
                "the body is empty: was it read before verification?",
            ));
        }
        out
    }
}
