//! The keys a check may use, in the order the user gave them.
//!
//! Secrets key MACs and tokens; public keys verify asymmetric signatures. The two never act as
//! each other: the engine takes secrets for digest schemes and public keys for Ed25519/ECDSA,
//! and [`Keys::kind_error`] says when a key of the wrong kind was given for a scheme.

use super::{PublicKey, Secret};
use crate::scheme::{Algorithm, Scheme};

/// One key: a secret or a public key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Key {
    /// A shared secret (HMAC key, token, `user:password`).
    Secret(Secret),
    /// The sender's public key.
    Public(PublicKey),
}

impl Key {
    /// Length of the key as given, in bytes.
    pub fn len(&self) -> usize {
        match self {
            Key::Secret(s) => s.len(),
            Key::Public(p) => p.len(),
        }
    }

    /// True when the key is empty.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// A short one-way tag for reports.
    pub fn fingerprint(&self) -> &str {
        match self {
            Key::Secret(s) => s.fingerprint(),
            Key::Public(p) => p.fingerprint(),
        }
    }

    /// `secret` or `public key`, for messages.
    pub fn kind(&self) -> &'static str {
        match self {
            Key::Secret(_) => "secret",
            Key::Public(_) => "public key",
        }
    }
}

/// The keys of one check. Reports number them from 1 in this order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Keys {
    list: Vec<Key>,
}

/// The kind of key a scheme needs and the kind the user gave instead.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("key {number} is a {given}, but {scheme} ({algorithm}) needs a {needed}")]
pub struct KeyKindError {
    /// The key's number, from 1, in the order given.
    pub number: usize,
    /// What was given: `secret` or `public key`.
    pub given: &'static str,
    /// What the scheme needs.
    pub needed: &'static str,
    /// The scheme's name.
    pub scheme: String,
    /// The scheme's algorithm id.
    pub algorithm: &'static str,
}

impl Keys {
    /// No keys yet.
    pub fn new() -> Keys {
        Keys::default()
    }

    /// Adds a key at the end.
    pub fn push(&mut self, key: Key) {
        self.list.push(key);
    }

    /// Every key, in order.
    pub fn iter(&self) -> impl Iterator<Item = &Key> {
        self.list.iter()
    }

    /// The secrets with their index among all keys.
    pub fn secrets(&self) -> impl Iterator<Item = (usize, &Secret)> {
        self.list.iter().enumerate().filter_map(|(i, k)| match k {
            Key::Secret(s) => Some((i, s)),
            Key::Public(_) => None,
        })
    }

    /// The public keys with their index among all keys.
    pub fn public_keys(&self) -> impl Iterator<Item = (usize, &PublicKey)> {
        self.list.iter().enumerate().filter_map(|(i, k)| match k {
            Key::Public(p) => Some((i, p)),
            Key::Secret(_) => None,
        })
    }

    /// How many keys there are.
    pub fn len(&self) -> usize {
        self.list.len()
    }

    /// True when no key was given.
    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    /// The kind of key `scheme` needs: public keys for Ed25519/ECDSA, secrets for the rest.
    pub fn needed(scheme: &Scheme) -> &'static str {
        if scheme.algorithm.is_asymmetric() {
            "public key"
        } else {
            "secret"
        }
    }

    /// The first key of the wrong kind for `scheme`, if any. Unsigned schemes take none.
    pub fn kind_error(&self, scheme: &Scheme) -> Option<KeyKindError> {
        if scheme.algorithm == Algorithm::None {
            return None;
        }
        let asymmetric = scheme.algorithm.is_asymmetric();
        let (index, key) = self
            .list
            .iter()
            .enumerate()
            .find(|(_, k)| matches!(k, Key::Public(_)) != asymmetric)?;
        Some(KeyKindError {
            number: index + 1,
            given: key.kind(),
            needed: Keys::needed(scheme),
            scheme: scheme.name.clone(),
            algorithm: scheme.algorithm.id(),
        })
    }

    /// True when at least one key is of the kind `scheme` needs.
    pub fn has_kind_for(&self, scheme: &Scheme) -> bool {
        if scheme.algorithm.is_asymmetric() {
            self.public_keys().next().is_some()
        } else {
            self.secrets().next().is_some()
        }
    }
}

impl From<Secret> for Keys {
    fn from(secret: Secret) -> Keys {
        Keys {
            list: vec![Key::Secret(secret)],
        }
    }
}

impl From<PublicKey> for Keys {
    fn from(key: PublicKey) -> Keys {
        Keys {
            list: vec![Key::Public(key)],
        }
    }
}

impl FromIterator<Key> for Keys {
    fn from_iter<I: IntoIterator<Item = Key>>(iter: I) -> Keys {
        Keys {
            list: iter.into_iter().collect(),
        }
    }
}

impl FromIterator<Secret> for Keys {
    fn from_iter<I: IntoIterator<Item = Secret>>(iter: I) -> Keys {
        iter.into_iter().map(Key::Secret).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scheme::registry;

    #[test]
    fn wrong_kind_is_named_with_its_number() {
        let github = registry::find("github").unwrap();
        let discord = registry::find("discord").unwrap();
        let keys: Keys = [
            Key::Secret(Secret::new("s")),
            Key::Public(PublicKey::new("ab")),
        ]
        .into_iter()
        .collect();
        let e = keys.kind_error(github).unwrap();
        assert_eq!((e.number, e.given, e.needed), (2, "public key", "secret"));
        let e = keys.kind_error(discord).unwrap();
        assert_eq!((e.number, e.given, e.needed), (1, "secret", "public key"));
        assert_eq!(keys.secrets().map(|(i, _)| i).collect::<Vec<_>>(), [0]);
        assert_eq!(keys.public_keys().map(|(i, _)| i).collect::<Vec<_>>(), [1]);
    }
}
