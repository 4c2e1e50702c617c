//! Errors that end a run with exit 2: each names the flag or file at fault and says what to do.

use std::fmt;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UsageError {
    /// Stable snake_case id, printed in JSON as `error.code`.
    pub code: &'static str,
    pub message: String,
    pub hints: Vec<String>,
}

impl UsageError {
    pub fn new(code: &'static str, message: impl Into<String>) -> UsageError {
        UsageError {
            code,
            message: message.into(),
            hints: Vec::new(),
        }
    }

    pub fn hint(mut self, hint: impl Into<String>) -> UsageError {
        self.hints.push(hint.into());
        self
    }

    /// No key was given for the scheme `name`; names the flags for the kind of key it needs
    /// (`public`: a public key).
    pub fn no_key(name: &str, public: bool) -> UsageError {
        let message = if public {
            format!(
                "no key given: {name} signs with a private key; pass its public key with --public-key-file FILE or --public-key KEY"
            )
        } else {
            "no key given: pass --secret-file FILE, --secret-env VAR or --secret TEXT".to_owned()
        };
        UsageError::new("no_key", message)
    }

    /// An unreadable or invalid input: `--body-file 'x.json': No such file or directory`.
    pub fn input(what: impl fmt::Display, message: impl fmt::Display) -> UsageError {
        UsageError::new("invalid_input", format!("{what}: {message}"))
    }
}

impl fmt::Display for UsageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for UsageError {}

/// The library's errors in the command line's words: the flags to use and the hints.
impl From<hookcheck::Error> for UsageError {
    fn from(e: hookcheck::Error) -> UsageError {
        match e {
            hookcheck::Error::InvalidScheme { .. } => {
                UsageError::new(e.code(), format!("--scheme {e}")).hint(
                    "start from a built-in scheme: hookcheck providers show github --format toml",
                )
            }
            hookcheck::Error::NoKey { scheme, public } => UsageError::no_key(&scheme, public),
            hookcheck::Error::MissingParam { ref scheme, ref param } => UsageError::new(
                e.code(),
                format!("{e}: give it with --param {param}=VALUE"),
            )
            .hint(format!(
                "`hookcheck providers show {scheme}` says where to find it"
            )),
            hookcheck::Error::Certificate(reason) => {
                UsageError::new("fetch_keys", format!("--fetch-keys: {reason}")).hint(
                    "give the certificate with --cert-file instead; hookcheck fetches only from the provider's documented HTTPS hosts",
                )
            }
            other => UsageError::new(other.code(), other.to_string()),
        }
    }
}
