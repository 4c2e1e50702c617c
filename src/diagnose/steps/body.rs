//! The body: byte-level changes, envelopes, JSON re-serialisations and their option
//! combinations, charset changes and re-sorted keys.

use serde_json::Value;

use crate::diagnose::search::Search;
use crate::diagnose::{body, charset, diff, envelope, json_combo, json_dialect, keyorder, text};
use crate::outcome::{Cause, CauseCode};

impl Search<'_> {
    pub(in crate::diagnose) fn body_bytes(&self) -> Option<Cause> {
        self.first_byte_variant(self.keys)
            .map(|v| self.body_cause(&v, None))
    }

    pub(in crate::diagnose) fn body_json(&self) -> Option<Cause> {
        self.first_json(&[], self.keys)
            .map(|(v, dialect)| self.body_cause(&v, Some(dialect)))
    }

    pub(in crate::diagnose) fn body_wrapped(&self) -> Option<Cause> {
        let mut found = None;
        envelope::each_candidate(&self.delivery.body, self.parsed_body(), &mut |mut u| {
            let verified;
            (verified, u.bytes) = self.verifies_owned(std::mem::take(&mut u.bytes), self.keys);
            if verified {
                found = Some(u);
            }
            verified
        });
        let u = found?;
        let mut variant = format!("the body inside {}, at `{}`", u.envelope, u.path);
        if let Some(how) = &u.how {
            variant.push_str(&format!(", {how}"));
        }
        let mut cause = Cause::new(
            CauseCode::BodyWrapped,
            format!(
                "the body is {} around the signed bytes: the signed body is at `{}`",
                u.envelope, u.path
            ),
        )
        .detail("variant", variant)
        .detail("envelope", u.envelope.clone())
        .detail("path", u.path.clone())
        .fix(text::body_fix(CauseCode::BodyWrapped));
        if let Some(how) = u.how {
            cause = cause.detail("decoded", how);
        }
        Some(cause)
    }

    pub(in crate::diagnose) fn body_json_combos(&self) -> Option<Cause> {
        if self.large() {
            return None;
        }
        let value = self.parsed_body()?;
        let received = &self.delivery.body;
        let mut rendered = 0usize;
        for combo in json_combo::all() {
            if rendered >= json_combo::MAX_RENDERED {
                break;
            }
            let mut bytes = Vec::with_capacity(received.len() + received.len() / 8 + 2);
            json_dialect::render(value, &combo.dialect, &mut bytes);
            rendered += bytes.len().max(1);
            if bytes == *received {
                continue;
            }
            let (verified, bytes) = self.verifies_owned(bytes, self.keys);
            if verified {
                let v = body::BodyVariant {
                    code: CauseCode::BodyJsonReserialized,
                    variant: format!(
                        "re-serialised as {} but with {}",
                        combo.nearest_describe,
                        combo.differs.join(", ")
                    ),
                    bytes,
                };
                return Some(
                    self.body_cause(&v, Some("custom"))
                        .detail("nearest", combo.nearest)
                        .detail("options", combo.differs.clone()),
                );
            }
        }
        None
    }

    pub(in crate::diagnose) fn body_key_order(&self) -> Option<Cause> {
        if self.large() {
            return None;
        }
        let value = self.parsed_body()?;
        let info = keyorder::sorted(value)?;
        let mut found = None;
        let searched = keyorder::each_order(value, &info, &self.delivery.body, &mut |d, bytes| {
            let (verified, bytes) = self.verifies_owned(bytes, self.keys);
            if verified {
                found = Some((d.name(), bytes));
            }
            verified
        });
        if !searched {
            self.cut_short(format!(
                "key order: {} objects with {} keys have more than {} orders; not searched",
                info.objects,
                info.keys,
                keyorder::MAX_ORDERS
            ));
        }
        let (dialect, bytes) = found?;
        let v = body::BodyVariant {
            code: CauseCode::BodyJsonReserialized,
            variant: format!(
                "the keys put back in the order the sender wrote them (the received body has every object's keys sorted: Go maps, serde_json Value, sort_keys=True); {} orders searched at most",
                info.orders
            ),
            bytes,
        };
        Some(
            self.body_cause(&v, Some(dialect))
                .detail("key_order", "re-sorted"),
        )
    }

    pub(in crate::diagnose) fn body_charset(&self) -> Option<Cause> {
        let mut found = None;
        charset::each_variant(&self.delivery.body, &mut |mut v| {
            let verified;
            (verified, v.bytes) = self.verifies_owned(std::mem::take(&mut v.bytes), self.keys);
            if verified {
                found = Some(v);
            }
            verified
        });
        found.map(|v| self.body_cause(&v, None))
    }

    pub(in crate::diagnose) fn body_cause(
        &self,
        v: &body::BodyVariant,
        dialect: Option<&str>,
    ) -> Cause {
        let d = diff::diff(&self.delivery.body, &v.bytes);
        let mut cause = Cause::new(v.code, text::body_summary(v.code, &v.variant))
            .detail("variant", v.variant.clone())
            .detail("diff", serde_json::to_value(&d).unwrap_or(Value::Null))
            .fix(text::body_fix(v.code));
        if let Some(dialect) = dialect {
            cause = cause.detail("dialect", dialect);
        }
        cause
    }
}
