//! The secret: whitespace, quotes or a BOM carried in, and its encoding (decoded or not).

use crate::diagnose::search::Search;
use crate::diagnose::{secret, text};
use crate::input::Keys;
use crate::outcome::{Cause, CauseCode};
use crate::scheme::Scheme;

impl Search<'_> {
    pub(in crate::diagnose) fn secret_whitespace(&self) -> Option<Cause> {
        // Public keys pasted with a stray space or newline are the same mistake.
        let variants = self.keys.iter().enumerate().flat_map(|(index, key)| {
            let (text, public) = match key {
                crate::input::Key::Secret(s) => (s.expose(), false),
                crate::input::Key::Public(p) => (p.text(), true),
            };
            secret::cleaned_bytes(text)
                .into_iter()
                .map(move |(variant, bytes)| {
                    let keys = if public {
                        Keys::from(crate::input::PublicKey::new(bytes))
                    } else {
                        Keys::from(crate::input::Secret::new(bytes))
                    };
                    (index, variant, keys)
                })
        });
        for (index, variant, keys) in variants {
            if self.verifies(self.scheme, self.delivery, &keys) {
                return Some(
                    Cause::new(
                        CauseCode::SecretWhitespace,
                        format!("key {} verifies with {variant}", index + 1),
                    )
                    .detail("key_index", index)
                    .detail("variant", variant)
                    .fix("strip the key when loading it (a trailing newline from a file or `echo`, quotes from .env)"),
                );
            }
        }
        None
    }

    pub(in crate::diagnose) fn secret_encoding(&self) -> Option<Cause> {
        for (index, key) in self.keys.secrets() {
            let keys = Keys::from(key.clone());
            for (format, variant) in secret::encodings(self.scheme.secret) {
                let scheme = Scheme {
                    secret: format,
                    ..self.scheme.clone()
                };
                if self.verifies(&scheme, self.delivery, &keys) {
                    return Some(self.secret_encoding_cause(index, variant));
                }
            }
            if let Some((variant, stripped)) = secret::without_prefix(key) {
                if self.verifies(self.scheme, self.delivery, &Keys::from(stripped)) {
                    return Some(self.secret_encoding_cause(index, &variant));
                }
            }
        }
        None
    }

    pub(in crate::diagnose) fn secret_encoding_cause(&self, index: usize, variant: &str) -> Cause {
        Cause::new(
            CauseCode::SecretEncoding,
            format!(
                "key {} verifies with {variant}; {} expects {}",
                index + 1,
                self.scheme.name,
                self.scheme.secret.id()
            ),
        )
        .detail("key_index", index)
        .detail("variant", variant)
        .detail("expected", self.scheme.secret.id())
        .fix(text::secret_format_fix(self.scheme.secret))
    }
}
