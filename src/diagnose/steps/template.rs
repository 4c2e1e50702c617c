//! The signed content: other templates over the same fields, the timestamp in the other unit,
//! and URL variants.

use crate::diagnose::search::Search;
use crate::diagnose::text;
use crate::input::Delivery;
use crate::outcome::{Cause, CauseCode};
use crate::scheme::{Part, Scheme, TimeUnit};
use crate::verify::{self, Prepared};

impl Search<'_> {
    pub(in crate::diagnose) fn template(&self) -> Option<Cause> {
        let template = self.scheme.template();
        // Each field once: a hostile template repeating one would make the subsets and orders
        // below explode (nine `{method}`s ran for minutes); four distinct fields bound them.
        let mut fields: Vec<Part> = Vec::new();
        for part in &template.parts {
            let field = matches!(part, Part::Timestamp | Part::Id | Part::Url | Part::Method);
            if field && !fields.contains(part) {
                fields.push(part.clone());
            }
        }
        if fields.is_empty() {
            return None;
        }
        let started = std::time::Instant::now();
        let (candidates, complete) = alternative_templates(&fields);
        if !complete {
            self.cut_short(format!(
                "other templates: only the first {MAX_TEMPLATES} of the field orders were tried"
            ));
        }
        for text in candidates {
            if started.elapsed() > TEMPLATE_TIME {
                self.cut_short(format!(
                    "other templates: stopped after {} s",
                    TEMPLATE_TIME.as_secs()
                ));
                break;
            }
            if text == self.scheme.signed {
                continue;
            }
            let scheme = Scheme {
                signed: text.clone(),
                ..self.scheme.clone()
            };
            if self.verifies(&scheme, self.delivery, self.keys) {
                return Some(
                    Cause::new(
                        CauseCode::TemplateMismatch,
                        format!(
                            "the signed content is `{text}`, not `{}`",
                            self.scheme.signed
                        ),
                    )
                    .detail("variant", text.clone())
                    .detail("expected", self.scheme.signed.clone())
                    .fix(format!(
                        "sign/verify exactly `{}` ({})",
                        self.scheme.signed, self.scheme.source
                    )),
                );
            }
        }
        None
    }

    pub(in crate::diagnose) fn timestamp_or_url(&self) -> Option<Cause> {
        self.timestamp_unit_template().or_else(|| self.url())
    }

    /// The sender signed the timestamp in the other unit than the one in the header.
    pub(in crate::diagnose) fn timestamp_unit_template(&self) -> Option<Cause> {
        let template = self.scheme.template();
        if !template.uses(&Part::Timestamp) {
            return None;
        }
        let prepared = Prepared::new(self.scheme, self.delivery, &self.options).ok()?;
        let ts: i64 = prepared.timestamp_text.as_deref()?.parse().ok()?;
        // A hostile timestamp may be near i64::MAX: no variant where the unit overflows.
        let variants = [
            (ts.checked_mul(1000), "signed in milliseconds"),
            (Some(ts / 1000), "signed in seconds"),
        ];
        for (text, variant) in variants
            .into_iter()
            .filter_map(|(t, v)| t.map(|t| (t.to_string(), v)))
        {
            let delivery = Delivery {
                timestamp_override: Some(text),
                ..self.delivery.clone()
            };
            if self.verifies(self.scheme, &delivery, self.keys) {
                return Some(
                    Cause::new(
                        CauseCode::TimestampUnit,
                        format!("the timestamp was {variant}, the header has the other unit"),
                    )
                    .detail("variant", variant),
                );
            }
        }
        None
    }

    /// A delivery whose signature is good but whose age is off by a factor of 1000.
    pub(in crate::diagnose) fn timestamp_unit_window(&self) -> Option<Cause> {
        let spec = self.scheme.timestamp.as_ref()?;
        let other = match spec.unit {
            TimeUnit::Seconds => TimeUnit::Milliseconds,
            TimeUnit::Milliseconds => TimeUnit::Seconds,
            TimeUnit::Rfc3339 | TimeUnit::Iso8601 => return None,
        };
        let mut scheme = self.scheme.clone();
        if let Some(ts) = scheme.timestamp.as_mut() {
            ts.unit = other;
            // The other reading must be near now either way: for a scheme that limits only
            // the past, a millisecond value read as seconds lies far in the future and would
            // always pass.
            ts.future = true;
        }
        let outcome = verify::verify(&scheme, self.delivery, self.keys, &self.options);
        if !outcome.verified {
            return None;
        }
        let unit = if other == TimeUnit::Milliseconds {
            "milliseconds"
        } else {
            "seconds"
        };
        Some(
            Cause::new(
                CauseCode::TimestampUnit,
                format!(
                    "the timestamp is in {unit}: read that way, the delivery is within the window"
                ),
            )
            .detail("variant", unit)
            .fix("compare like with like: Date.now() is in milliseconds, Unix time in seconds"),
        )
    }

    pub(in crate::diagnose) fn url(&self) -> Option<Cause> {
        if !self.scheme.template().uses(&Part::Url) {
            return None;
        }
        let url = self.delivery.url.as_deref()?;
        let mut variants = text::url_variants(url, &self.delivery.headers);
        if let Some(restored) = self.body_hash_restored(url) {
            variants.insert(0, ("the body-hash query parameter restored", restored));
        }
        for (variant, candidate) in variants {
            let delivery = Delivery {
                url: Some(candidate.clone()),
                ..self.delivery.clone()
            };
            if self.verifies(self.scheme, &delivery, self.keys) {
                return Some(
                    Cause::new(CauseCode::UrlMismatch, format!("the URL that was signed is {candidate} ({variant})"))
                        .detail("variant", variant)
                        .detail("signed_url", candidate)
                        .fix("verify against the public URL the provider calls (behind a proxy: X-Forwarded-Proto/Host), or pass --url"),
                );
            }
        }
        None
    }

    /// The URL with the scheme's body-hash parameter (Twilio's `bodySHA256`) put back, when a
    /// body that needs one arrived without it.
    pub(in crate::diagnose) fn body_hash_restored(&self, url: &str) -> Option<String> {
        let param = self.scheme.body_hash_param.as_deref()?;
        let query = url.split_once('?').map_or("", |(_, q)| q);
        let body = &self.delivery.body;
        if body.is_empty()
            || !matches!(body.trim_ascii_start().first(), Some(b'{' | b'['))
            || form_urlencoded::parse(query.as_bytes()).any(|(k, _)| k == param)
        {
            return None;
        }
        use sha2::Digest as _;
        let hash = hex::encode(sha2::Sha256::digest(body));
        let sep = if url.contains('?') { '&' } else { '?' };
        Some(format!("{url}{sep}{param}={hash}"))
    }
}

/// At most this many alternative templates are tried; a custom scheme may repeat fields.
const MAX_TEMPLATES: usize = 2_000;
/// And for at most this long.
const TEMPLATE_TIME: std::time::Duration = std::time::Duration::from_secs(2);

/// Templates over the same (distinct) fields and the body: parts dropped, reordered, other
/// separators; false when the list was capped.
fn alternative_templates(fields: &[Part]) -> (Vec<String>, bool) {
    let name = |p: &Part| match p {
        Part::Timestamp => "{timestamp}",
        Part::Id => "{id}",
        Part::Url => "{url}",
        Part::Method => "{method}",
        _ => "{body}",
    };
    let mut subsets: Vec<Vec<Part>> = vec![Vec::new()];
    for f in fields {
        let with: Vec<Vec<Part>> = subsets
            .iter()
            .map(|s| [s.clone(), vec![f.clone()]].concat())
            .collect();
        subsets.extend(with);
    }
    // Fewer fields first: the common mistakes drop a part rather than add one.
    subsets.sort_by_key(Vec::len);
    let mut out = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for subset in subsets {
        let mut items: Vec<Part> = subset;
        items.push(Part::Body);
        for order in permutations(&items) {
            for sep in ["", ".", ":", "|", "\n"] {
                let t: Vec<&str> = order.iter().map(name).collect();
                let text = t.join(sep);
                if seen.insert(text.clone()) {
                    if out.len() == MAX_TEMPLATES {
                        return (out, false);
                    }
                    out.push(text);
                }
                if order.len() == 1 {
                    break;
                }
            }
        }
    }
    (out, true)
}

fn permutations(items: &[Part]) -> Vec<Vec<Part>> {
    if items.len() <= 1 {
        return vec![items.to_vec()];
    }
    let mut out = Vec::new();
    for i in 0..items.len() {
        let mut rest = items.to_vec();
        let first = rest.remove(i);
        for mut p in permutations(&rest) {
            p.insert(0, first.clone());
            out.push(p);
        }
    }
    out
}
