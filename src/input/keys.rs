//! The keys a check may use, in the order the user gave them.
//!
//! Secrets key MACs and tokens; public keys verify asymmetric signatures. The two never act as
//! each other: the engine takes secrets for digest schemes and public keys for Ed25519/ECDSA,
//! and `Scheme::wrong_key` says when a key of the wrong kind was given for a scheme.

use super::{PublicKey, Secret};

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

    /// The first key that is not of the kind asked for (`public`: public keys), with its
    /// index.
    pub fn first_not(&self, public: bool) -> Option<(usize, &Key)> {
        self.list
            .iter()
            .enumerate()
            .find(|(_, k)| matches!(k, Key::Public(_)) != public)
    }

    /// True when at least one key is of the kind asked for (`public`: public keys).
    pub fn has(&self, public: bool) -> bool {
        self.list
            .iter()
            .any(|k| matches!(k, Key::Public(_)) == public)
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
