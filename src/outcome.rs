//! The result of one check, before any rendering: verdict, timestamp, causes, warnings.

use serde::Serialize;
use serde_json::{Map, Value};

/// Why a delivery did not verify. The snake_case names are part of the JSON contract.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum CauseCode {
    MissingHeader,
    TimestampOutsideTolerance,
    SignatureMalformed,
    SecretMismatch,
    /// The provider does not sign deliveries at all.
    UnsignedProvider,
    BodyTrailingNewlineAdded,
    BodyTrailingNewlineRemoved,
    BodyCrlfConverted,
    BodyBomAdded,
    BodyWhitespaceTrimmed,
    BodyJsonReserialized,
    BodyFormReencoded,
    BodyFormPayloadExtracted,
    BodyBase64Encoded,
    BodyCompressed,
    /// The body was decoded in another charset and encoded again (mojibake, ASCII escapes).
    BodyCharsetChanged,
    /// The body is an envelope (API Gateway, SNS, SQS, EventBridge, ...) around the signed bytes.
    BodyWrapped,
    BodyEmpty,
    SecretWhitespace,
    SecretEncoding,
    SignatureAlgorithm,
    SignatureEncoding,
    TemplateMismatch,
    TimestampUnit,
    UrlMismatch,
    WrongHeader,
    WrongProvider,
    /// A token's signature is good but the body's hash in it is not this body's: the body was
    /// changed after signing (JWT schemes).
    BodyHashMismatch,
    /// The token names a key (`kid`) that none of the keys given has (JWT/JWS schemes with key
    /// sets): another key set, or the sender rotated its keys.
    KeyIdUnknown,
}

impl CauseCode {
    pub fn id(self) -> String {
        match serde_json::to_value(self) {
            Ok(Value::String(s)) => s,
            _ => String::new(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Cause {
    pub code: CauseCode,
    /// One line: what is wrong.
    pub summary: String,
    pub detail: Map<String, Value>,
    /// What to do about it on the receiving side (human output only).
    #[serde(skip)]
    pub fix: Option<String>,
}

impl Cause {
    pub fn new(code: CauseCode, summary: impl Into<String>) -> Cause {
        Cause {
            code,
            summary: summary.into(),
            detail: Map::new(),
            fix: None,
        }
    }

    pub fn detail(mut self, key: &str, value: impl Into<Value>) -> Cause {
        self.detail.insert(key.to_owned(), value.into());
        self
    }

    pub fn fix(mut self, fix: impl Into<String>) -> Cause {
        self.fix = Some(fix.into());
        self
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Warning {
    pub code: &'static str,
    pub summary: String,
}

impl Warning {
    pub fn new(code: &'static str, summary: impl Into<String>) -> Warning {
        Warning {
            code,
            summary: summary.into(),
        }
    }
}

/// Strong evidence of an alteration that cannot be undone (re-sorted keys in a large object,
/// U+FFFD in the body, a dropped query string). Never a cause: nothing verified.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Suspect {
    pub code: &'static str,
    /// "looks like …".
    pub summary: String,
    pub detail: Map<String, Value>,
}

impl Suspect {
    pub fn new(code: &'static str, summary: impl Into<String>) -> Suspect {
        Suspect {
            code,
            summary: summary.into(),
            detail: Map::new(),
        }
    }

    pub fn detail(mut self, key: &str, value: impl Into<Value>) -> Suspect {
        self.detail.insert(key.to_owned(), value.into());
        self
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Matched {
    pub key_index: usize,
    pub signature_index: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct TimestampCheck {
    pub value: i64,
    pub age_seconds: i64,
    pub tolerance_seconds: Option<u64>,
    pub within: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct KeyInfo {
    pub length: usize,
    pub fingerprint: String,
}

impl KeyInfo {
    /// What reports say of each key: its length and fingerprint, never its bytes.
    pub fn of(keys: &crate::input::Keys) -> Vec<KeyInfo> {
        keys.iter()
            .map(|k| KeyInfo {
                length: k.len(),
                fingerprint: k.fingerprint().to_owned(),
            })
            .collect()
    }
}

/// Everything a report needs about one check.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Outcome {
    pub verified: bool,
    pub provider: String,
    pub algorithm: String,
    pub matched: Option<Matched>,
    /// What the matching signature covered when it was not simply the scheme's template over
    /// the raw body (e.g. "Python json.dumps() of the parsed body").
    pub matched_content: Option<String>,
    pub timestamp: Option<TimestampCheck>,
    pub causes: Vec<Cause>,
    /// Alterations that explain the failure but cannot be undone, so nothing verified.
    pub suspects: Vec<Suspect>,
    pub warnings: Vec<Warning>,
    pub keys: Vec<KeyInfo>,
    /// With `--computed`: what the receiver's own digest shows, apart from the delivery's
    /// verdict above.
    pub computed: Option<ComputedFinding>,
}

/// The check of a digest the receiver computed (`--computed`), reported beside the delivery's
/// own verdict so that a right digest never reads as a verified delivery.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct ComputedFinding {
    /// The digest equals the scheme's over the delivery as received, with one of the keys.
    pub matches: bool,
    /// When it does not: the variant of body, secret or template that produces it.
    pub causes: Vec<Cause>,
}

impl Outcome {
    pub fn first_cause(&self) -> Option<&Cause> {
        self.causes.first()
    }
}
