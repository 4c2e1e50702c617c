//! The hypotheses, in the order they are tried: single mistakes first, in the order they are
//! most often made, then pairs of independent mistakes.

mod body;
mod secret;
mod signature;
mod template;

use crate::diagnose::search::{PARTIAL_ABOVE, Search};
use crate::input::Keys;
use crate::outcome::{Cause, CauseCode};

impl Search<'_> {
    /// Single mistakes first, in the order they are most often made; then pairs.
    pub(in crate::diagnose) fn explain(&self, tried: &mut Vec<String>) -> Vec<Cause> {
        type Step<'s, 'a> = (&'s str, fn(&Search<'a>) -> Option<Cause>);
        let steps: [Step<'_, '_>; 14] = [
            (
                "the delivery under every other provider's scheme",
                Search::wrong_provider,
            ),
            ("the digest in every other header", Search::wrong_header),
            (
                "HMAC-SHA1, -SHA256, -SHA384, -SHA512 and -MD5 (RSA: SHA-1 and SHA-256)",
                Search::algorithm,
            ),
            (
                "hex, base64, base64url and base64-of-hex signatures",
                Search::signature_encoding,
            ),
            (
                "the secret without surrounding whitespace, quotes or BOM",
                Search::secret_whitespace,
            ),
            (
                "the secret decoded and not decoded (whsec_, base64, hex, prefixes)",
                Search::secret_encoding,
            ),
            (
                "body changes: newlines, CRLF, BOM, whitespace, base64, compression, form encoding, empty",
                Search::body_bytes,
            ),
            (
                "body envelopes: API Gateway/Lambda events, SNS, SQS, EventBridge, a JSON string, base64 of gzip",
                Search::body_wrapped,
            ),
            (
                "the JSON body in other serialisations (JS, Python, PHP, Go, Ruby, .NET, Java, sorted keys, escapes)",
                Search::body_json,
            ),
            (
                "the JSON body in combinations of serialiser options (indent, escapes, slashes, HTML-safe, key order, numbers, final newline; most common first, at most 2 MiB rendered)",
                Search::body_json_combos,
            ),
            (
                "body charset changes: UTF-8 read as Latin-1 or Windows-1252, single-byte bodies, ASCII escapes",
                Search::body_charset,
            ),
            (
                "body key order: every original order of a small JSON body with re-sorted keys",
                Search::body_key_order,
            ),
            (
                "other signed-content templates (parts dropped, reordered, other separators)",
                Search::template,
            ),
            (
                "timestamps in ms vs s, and URL variants",
                Search::timestamp_or_url,
            ),
        ];
        let huge = self.delivery.body.len() > PARTIAL_ABOVE;
        for (what, step) in steps {
            // On huge bodies only the steps that hash the body once or twice are affordable.
            if huge && (what.starts_with("body") || what.starts_with("the JSON")) {
                continue;
            }
            tried.push(what.to_owned());
            if let Some(cause) = step(self) {
                return vec![cause];
            }
        }
        if huge {
            return Vec::new();
        }
        tried.push("pairs of a secret change with a body change, and a JSON re-serialisation with a newline change".to_owned());
        self.pairs()
    }

    /// Two independent mistakes: a secret change with a body change, and a JSON
    /// re-serialisation with a trailing-newline change.
    pub(in crate::diagnose) fn pairs(&self) -> Vec<Cause> {
        for (index, key) in self.keys.secrets() {
            // Only secrets with debris to remove: an added newline is for --computed.
            for s in crate::diagnose::secret::cleaned(key)
                .into_iter()
                .filter(|s| s.secret.len() < key.len())
            {
                let variant = s.variant;
                let keys = Keys::from(s.secret);
                let body = self
                    .first_byte_variant(&keys)
                    .map(|b| (b, None))
                    .or_else(|| self.first_json(&[], &keys).map(|(b, d)| (b, Some(d))));
                if let Some((b, dialect)) = body {
                    let secret_cause = Cause::new(
                        CauseCode::SecretWhitespace,
                        format!("key {} verifies with {}", index + 1, variant),
                    )
                    .detail("key_index", index)
                    .detail("variant", variant)
                    .fix("strip the secret when loading it");
                    return vec![self.body_cause(&b, dialect), secret_cause];
                }
            }
        }
        for (suffix, label) in [
            (&b"\n"[..], "trailing LF added"),
            (b"\r\n", "trailing CRLF added"),
        ] {
            if let Some((j, dialect)) = self.first_json(suffix, self.keys) {
                let newline = crate::diagnose::body::BodyVariant {
                    code: CauseCode::BodyTrailingNewlineRemoved,
                    variant: label.to_owned(),
                    bytes: [j.bytes.as_slice(), suffix].concat(),
                };
                return vec![
                    self.body_cause(&j, Some(dialect)),
                    self.body_cause(&newline, None),
                ];
            }
        }
        Vec::new()
    }
}
