//! Errors the library returns. They are typed and name no command-line flag: the binary maps
//! each to its exit code, its wording and its hints.

/// Why a scheme, a key or an input cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A scheme file is not valid TOML, or it fails validation (for example: not keyed, or the
    /// body is not covered).
    #[error("'{file}'{}: {message}", at(*line))]
    InvalidScheme {
        /// The file as the caller named it.
        file: String,
        /// The line the problem is on, where it is known.
        line: Option<usize>,
        /// What is wrong.
        message: String,
    },
    /// A provider name the registry does not have.
    #[error("provider '{0}': no such provider")]
    UnknownProvider(String),
    /// None of the keys is of the kind the scheme verifies with.
    #[error("no key given: {scheme} needs {}", if *public { "the sender's public key" } else { "a secret" })]
    NoKey {
        /// The scheme's name.
        scheme: String,
        /// Whether the scheme verifies with a public key (else with a secret).
        public: bool,
    },
    /// An input that cannot be read or parsed; the message says which and why.
    #[error("{0}")]
    InvalidInput(String),
    /// The scheme signs a value only the receiver knows (PayPal's webhook id), and none was
    /// given for the delivery.
    #[error("{scheme} signs a `{param}` the delivery does not carry")]
    MissingParam {
        /// The scheme's name.
        scheme: String,
        /// The parameter's name, as in `{param:NAME}`.
        param: String,
    },
    /// The certificate the delivery names could not be had: its URL is refused, or it could
    /// not be read or fetched. The message says which and why.
    #[error("{0}")]
    Certificate(String),
}

impl Error {
    /// A stable snake_case id for the error, as printed in JSON reports (`error.code`).
    pub fn code(&self) -> &'static str {
        match self {
            Error::InvalidScheme { .. } => "invalid_scheme",
            Error::UnknownProvider(_) => "unknown_provider",
            Error::NoKey { .. } => "no_key",
            Error::InvalidInput(_) => "invalid_input",
            Error::MissingParam { .. } => "missing_param",
            Error::Certificate(_) => "fetch_keys",
        }
    }
}

fn at(line: Option<usize>) -> String {
    line.map(|l| format!(" line {l}")).unwrap_or_default()
}

/// The OS message of an I/O error without Rust's "(os error 2)" suffix.
pub fn io_reason(e: &std::io::Error) -> String {
    let text = e.to_string();
    match text.find(" (os error") {
        Some(i) => text[..i].to_owned(),
        None => text,
    }
}
