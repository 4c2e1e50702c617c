//! The signature and its scheme: another provider, another header, another algorithm, a plain
//! hash for an HMAC (or the reverse), another encoding of the digest.

use crate::diagnose::search::Search;
use crate::outcome::{Cause, CauseCode, Detail};
use crate::scheme::{Algorithm, Encoding, Scheme, detect};
use crate::verify::{self, Options};

impl Search<'_> {
    pub(in crate::diagnose) fn wrong_provider(&self) -> Option<Cause> {
        let other = detect::candidates(self.delivery)
            .into_iter()
            .filter(|s| {
                s.name != self.scheme.name
                    && !matches!(
                        s.algorithm,
                        Algorithm::Token | Algorithm::Basic | Algorithm::None
                    )
                    && !s.differs_only_in_secret(self.scheme)
            })
            .find(|s| self.verifies(s, self.delivery, self.keys))?;
        let command = format!("hookcheck verify --provider {} …", other.name);
        Some(
            Cause::new(
                CauseCode::WrongProvider,
                format!(
                    "this delivery verifies as {} ({}), not {}",
                    other.title, other.name, self.scheme.title
                ),
            )
            .with(Detail::Provider(other.name.clone()))
            .with(Detail::Command(command.clone()))
            .fix(format!(
                "check with `{command}`, or fix the receiver's provider setting"
            )),
        )
    }

    pub(in crate::diagnose) fn wrong_header(&self) -> Option<Cause> {
        let own: Vec<String> = self
            .scheme
            .signature
            .headers
            .iter()
            .map(|h| h.to_ascii_lowercase())
            .collect();
        // Each try re-verifies the whole delivery, so only a bounded number of headers that
        // could hold a digest are tried: a capture may carry tens of thousands of headers.
        let candidates = self
            .delivery
            .headers
            .iter()
            .filter(|(name, value)| {
                (16..=1024).contains(&value.len()) && !own.contains(&name.to_ascii_lowercase())
            })
            .take(MAX_OTHER_HEADERS);
        for (name, value) in candidates {
            let mut specs = vec![self.scheme.signature.clone()];
            let prefix = value
                .split_once('=')
                .map(|(p, _)| format!("{p}="))
                .filter(|p| p.len() <= 8);
            for encoding in [Encoding::Hex, Encoding::Base64] {
                specs.push(crate::scheme::SignatureSpec {
                    headers: Vec::new(),
                    encoding,
                    prefix: prefix.clone(),
                    items: None,
                    pair: None,
                    keys: Vec::new(),
                    auth_scheme: None,
                    envelope: None,
                });
            }
            for mut spec in specs {
                spec.headers = vec![name.to_owned()];
                let scheme = Scheme {
                    signature: spec,
                    ..self.scheme.clone()
                };
                if self.verifies(&scheme, self.delivery, self.keys) {
                    return Some(
                        Cause::new(
                            CauseCode::WrongHeader,
                            format!(
                                "the signature that verifies is in {name}, not {}",
                                self.scheme.signature_header()
                            ),
                        )
                        .with(Detail::Header(Some(name.to_owned())))
                        .fix(format!("read the signature from {name}")),
                    );
                }
            }
        }
        None
    }

    pub(in crate::diagnose) fn algorithm(&self) -> Option<Cause> {
        let current = self.options.algorithm.unwrap_or(self.scheme.algorithm);
        if current == Algorithm::Sha256 || current.is_hmac() {
            if let Some(cause) = self.plain_hash_vs_hmac(current) {
                return Some(cause);
            }
        }
        let rsa = current.is_rsa() && current != Algorithm::RsaPssSha512;
        let family: &[Algorithm] = if rsa {
            // A delivery labelled with the wrong SignatureVersion (Amazon SNS), or signed with
            // another hash than the scheme's (SHA-256 for Fireblocks' SHA-512).
            &[
                Algorithm::RsaSha256,
                Algorithm::RsaSha1,
                Algorithm::RsaSha512,
            ]
        } else if current.is_hmac() {
            &[
                Algorithm::HmacSha256,
                Algorithm::HmacSha1,
                Algorithm::HmacSha512,
                Algorithm::HmacSha384,
                Algorithm::HmacMd5,
            ]
        } else {
            return None;
        };
        family
            .iter()
            .copied()
        .filter(|a| *a != current)
        .find(|a| {
            self.verifies_with_options(
                self.scheme,
                &Options {
                    algorithm: Some(*a),
                    ..self.options.clone()
                },
            )
        })
        .map(|a| {
            Cause::new(
                CauseCode::SignatureAlgorithm,
                format!("the signature is {}, not {}", a.id(), current.id()),
            )
            .with(Detail::Variant(a.id().into()))
            .with(Detail::Expected(current.id().into()))
            .fix(if rsa {
                format!(
                    "the signature was made with {}: check the field naming the algorithm (SignatureVersion)",
                    a.id()
                )
            } else {
                format!(
                    "compute {} (or pass --algorithm {})",
                    a.id(),
                    a.id().trim_start_matches("hmac-")
                )
            })
        })
    }

    /// A plain SHA-256 of secret + content where the scheme wants an HMAC, or the reverse
    /// (HubSpot v1 is `sha256(secret + body)`; people key an HMAC with the secret instead).
    pub(in crate::diagnose) fn plain_hash_vs_hmac(&self, current: Algorithm) -> Option<Cause> {
        let signed = &self.scheme.signed;
        let options = Options {
            algorithm: None,
            ..self.options.clone()
        };
        let candidates: Vec<(Algorithm, String, String)> = if current == Algorithm::Sha256 {
            if !signed.contains("{secret}") {
                return None;
            }
            let rest = signed.replace("{secret}", "");
            if rest.is_empty() {
                return None;
            }
            vec![(
                Algorithm::HmacSha256,
                rest.clone(),
                format!("HMAC-SHA256 keyed with the secret over `{rest}`"),
            )]
        } else {
            if signed.contains("{secret}") {
                return None;
            }
            vec![
                (
                    Algorithm::Sha256,
                    format!("{{secret}}{signed}"),
                    format!("a plain SHA-256 of the secret followed by `{signed}`"),
                ),
                (
                    Algorithm::Sha256,
                    format!("{signed}{{secret}}"),
                    format!("a plain SHA-256 of `{signed}` followed by the secret"),
                ),
            ]
        };
        // Only when the digest length fits: a plain SHA-256 cannot stand for SHA-1 or -512.
        for (algorithm, template, variant) in candidates {
            if crate::scheme::Template::parse(&template).is_err() {
                continue;
            }
            let scheme = Scheme {
                algorithm,
                signed: template.clone(),
                ..self.scheme.clone()
            };
            if verify::verify(&scheme, self.delivery, self.keys, &options)
                .matched
                .is_some()
            {
                let expected = if current == Algorithm::Sha256 {
                    format!("a plain SHA-256 of `{signed}`")
                } else {
                    format!("{} over `{signed}`", current.id())
                };
                return Some(
                    Cause::new(
                        CauseCode::SignatureAlgorithm,
                        format!("the signature is {variant}, not {expected}"),
                    )
                    .with(Detail::Variant(algorithm.id().into()))
                    .with(Detail::Signed(template))
                    .with(Detail::Expected(current.id().into()))
                    .fix(if algorithm.is_hmac() {
                        format!("compute a plain SHA-256 of `{signed}` with the secret inside it, as {} documents; an HMAC keyed with the secret gives other bytes", self.scheme.title)
                    } else {
                        format!("compute {} keyed with the secret; hashing the secret together with the content is not an HMAC", current.id())
                    }),
                );
            }
        }
        None
    }

    pub(in crate::diagnose) fn signature_encoding(&self) -> Option<Cause> {
        let current = self.scheme.signature.encoding;
        [
            Encoding::Hex,
            Encoding::Base64,
            Encoding::Base64url,
            Encoding::Base64Hex,
        ]
        .into_iter()
        .filter(|e| *e != current && current != Encoding::Plain)
        .find(|e| {
            let mut scheme = self.scheme.clone();
            scheme.signature.encoding = *e;
            self.verifies(&scheme, self.delivery, self.keys)
        })
        .map(|e| {
            Cause::new(
                CauseCode::SignatureEncoding,
                format!("the signature is {}-encoded, not {}", e.id(), current.id()),
            )
            .with(Detail::Variant(e.id().into()))
            .with(Detail::Expected(current.id().into()))
            .fix(format!(
                "decode the header as {} (or encode your digest as {})",
                e.id(),
                e.id()
            ))
        })
    }
}

/// At most this many other headers are tried as the signature's home.
const MAX_OTHER_HEADERS: usize = 32;
