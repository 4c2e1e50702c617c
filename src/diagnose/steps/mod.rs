//! The hypotheses, in the order they are tried: single mistakes first, in the order they are
//! most often made, then pairs of independent mistakes.

mod body;
mod secret;
mod signature;
mod template;

use crate::diagnose::search::{PARTIAL_ABOVE, Search};
use crate::input::Keys;
use crate::outcome::{Cause, CauseCode};

/// What a step costs on the body, which decides whether it runs on a huge one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cost {
    /// Hashes the body once or twice per hypothesis: affordable at any size.
    HashesOnce,
    /// Makes and hashes candidate bodies (variants, re-serialisations, envelopes): skipped
    /// above [`PARTIAL_ABOVE`].
    PerCandidateBody,
}

/// One hypothesis of the search: what it tries (said in the report), how, and its cost.
struct Step<'a> {
    what: &'static str,
    run: fn(&Search<'a>) -> Option<Cause>,
    cost: Cost,
}

/// The single-mistake steps, in the order they are tried.
fn steps<'a>() -> [Step<'a>; 14] {
    [
        Step {
            what: "the delivery under every other provider's scheme",
            run: Search::wrong_provider,
            cost: Cost::HashesOnce,
        },
        Step {
            what: "the digest in every other header",
            run: Search::wrong_header,
            cost: Cost::HashesOnce,
        },
        Step {
            what: "HMAC-SHA1, -SHA256, -SHA384, -SHA512 and -MD5 (RSA: SHA-1 and SHA-256)",
            run: Search::algorithm,
            cost: Cost::HashesOnce,
        },
        Step {
            what: "hex, base64, base64url and base64-of-hex signatures",
            run: Search::signature_encoding,
            cost: Cost::HashesOnce,
        },
        Step {
            what: "the secret without surrounding whitespace, quotes or BOM",
            run: Search::secret_whitespace,
            cost: Cost::HashesOnce,
        },
        Step {
            what: "the secret decoded and not decoded (whsec_, base64, hex, prefixes)",
            run: Search::secret_encoding,
            cost: Cost::HashesOnce,
        },
        Step {
            what: "body changes: newlines, CRLF, BOM, whitespace, base64, compression, form encoding, empty",
            run: Search::body_bytes,
            cost: Cost::PerCandidateBody,
        },
        Step {
            what: "body envelopes: API Gateway/Lambda events, SNS, SQS, EventBridge, a JSON string, base64 of gzip",
            run: Search::body_wrapped,
            cost: Cost::PerCandidateBody,
        },
        Step {
            what: "the JSON body in other serialisations (JS, Python, PHP, Go, Ruby, .NET, Java, sorted keys, escapes)",
            run: Search::body_json,
            cost: Cost::PerCandidateBody,
        },
        Step {
            what: "the JSON body in combinations of serialiser options (indent, escapes, slashes, HTML-safe, key order, numbers, final newline; most common first, at most 2 MiB rendered)",
            run: Search::body_json_combos,
            cost: Cost::PerCandidateBody,
        },
        Step {
            what: "body charset changes: UTF-8 read as Latin-1 or Windows-1252, single-byte bodies, ASCII escapes",
            run: Search::body_charset,
            cost: Cost::PerCandidateBody,
        },
        Step {
            what: "body key order: every original order of a small JSON body with re-sorted keys",
            run: Search::body_key_order,
            cost: Cost::PerCandidateBody,
        },
        Step {
            what: "other signed-content templates (parts dropped, reordered, other separators)",
            run: Search::template,
            cost: Cost::HashesOnce,
        },
        Step {
            what: "timestamps in ms vs s, and URL variants",
            run: Search::timestamp_or_url,
            cost: Cost::HashesOnce,
        },
    ]
}

impl Search<'_> {
    /// Single mistakes first, in the order they are most often made; then pairs.
    pub(in crate::diagnose) fn explain(&self, tried: &mut Vec<String>) -> Vec<Cause> {
        let huge = self.delivery.body.len() > PARTIAL_ABOVE;
        for step in steps() {
            // On huge bodies only the steps that hash the body once or twice are affordable.
            if huge && step.cost == Cost::PerCandidateBody {
                continue;
            }
            tried.push(step.what.to_owned());
            if let Some(cause) = (step.run)(self) {
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
            for s in crate::diagnose::secret::whitespace_variants(key)
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
                    return vec![
                        self.body_cause(&b, dialect),
                        secret::secret_whitespace_cause(index, variant),
                    ];
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
