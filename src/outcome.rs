//! The result of one check, before any rendering: verdict, timestamp, causes, warnings.

use serde::Serialize;
use serde_json::{Map, Value};

/// Why a delivery did not verify. The snake_case names are part of the JSON contract.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum CauseCode {
    /// A header the scheme needs is not in the delivery.
    MissingHeader,
    /// The signature is valid, but the timestamp is outside the window.
    TimestampOutsideTolerance,
    /// The signature header cannot be read.
    SignatureMalformed,
    /// No key reproduces the signature: another secret, or content altered on the way.
    SecretMismatch,
    /// The provider does not sign deliveries at all.
    UnsignedProvider,
    /// The body has a trailing newline that was not signed.
    BodyTrailingNewlineAdded,
    /// The signed body ended with a newline that the received body lacks.
    BodyTrailingNewlineRemoved,
    /// Line endings were converted between LF and CRLF.
    BodyCrlfConverted,
    /// A UTF-8 byte order mark was added in front of the body.
    BodyBomAdded,
    /// The body differs from the signed one by surrounding whitespace.
    BodyWhitespaceTrimmed,
    /// The JSON was re-serialised: same value, other bytes.
    BodyJsonReserialized,
    /// The form body was re-encoded.
    BodyFormReencoded,
    /// The signed body is the `payload=` form wrapper, not the JSON alone.
    BodyFormPayloadExtracted,
    /// The body is base64-encoded; the signature covers the decoded bytes.
    BodyBase64Encoded,
    /// The body is compressed; the signature covers the decompressed bytes.
    BodyCompressed,
    /// The body was decoded in another charset and encoded again (mojibake, ASCII escapes).
    BodyCharsetChanged,
    /// The body is an envelope (API Gateway, SNS, SQS, EventBridge, ...) around the signed bytes.
    BodyWrapped,
    /// The signature is over an empty body.
    BodyEmpty,
    /// The secret carries whitespace, quotes or a BOM.
    SecretWhitespace,
    /// The secret's text was used where its decoded bytes are the key, or the reverse.
    SecretEncoding,
    /// The signature uses another hash or MAC than the scheme says.
    SignatureAlgorithm,
    /// The signature is hex where base64 is expected, or the reverse.
    SignatureEncoding,
    /// The signed content is another template than the scheme's.
    TemplateMismatch,
    /// The timestamp was signed or compared in the other unit (seconds, milliseconds).
    TimestampUnit,
    /// The URL that was signed is not the one the receiver used.
    UrlMismatch,
    /// The signature is in another header.
    WrongHeader,
    /// The delivery verifies under another provider's scheme.
    WrongProvider,
    /// A token's signature is good but the body's hash in it is not this body's: the body was
    /// changed after signing (JWT schemes).
    BodyHashMismatch,
    /// The token names a key (`kid`) that none of the keys given has (JWT/JWS schemes with key
    /// sets): another key set, or the sender rotated its keys.
    KeyIdUnknown,
}

impl CauseCode {
    /// The snake_case name used in JSON reports and by `hookcheck explain`.
    pub fn id(self) -> String {
        match serde_json::to_value(self) {
            Ok(Value::String(s)) => s,
            _ => String::new(),
        }
    }
}

/// One explanation of a failure, found by the engine or by a diagnosis variant that verified.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Cause {
    /// Which kind of mistake.
    pub code: CauseCode,
    /// One line: what is wrong.
    pub summary: String,
    /// Machine-readable facts (the variant, the offset of the first difference, ...).
    pub detail: Map<String, Value>,
    /// What to do about it on the receiving side (human output only).
    #[serde(skip)]
    pub fix: Option<String>,
}

impl Cause {
    /// A cause with a summary and no detail yet.
    pub fn new(code: CauseCode, summary: impl Into<String>) -> Cause {
        Cause {
            code,
            summary: summary.into(),
            detail: Map::new(),
            fix: None,
        }
    }

    /// Adds one machine-readable fact.
    pub fn detail(mut self, key: &str, value: impl Into<Value>) -> Cause {
        self.detail.insert(key.to_owned(), value.into());
        self
    }

    /// Says what to do about it on the receiving side.
    pub fn fix(mut self, fix: impl Into<String>) -> Cause {
        self.fix = Some(fix.into());
        self
    }
}

/// Something the user should know even when the delivery verifies (the scheme was detected, a
/// shared token is not a signature, ...).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Warning {
    /// A stable snake_case id.
    pub code: &'static str,
    /// One line for people.
    pub summary: String,
}

impl Warning {
    /// A warning with its id and text.
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
    /// A stable snake_case id (`body_keys_resorted`, `body_lossy_decoded`, `url_query_dropped`).
    pub code: &'static str,
    /// "looks like …".
    pub summary: String,
    /// Machine-readable evidence.
    pub detail: Map<String, Value>,
}

impl Suspect {
    /// A suspect with its id and text.
    pub fn new(code: &'static str, summary: impl Into<String>) -> Suspect {
        Suspect {
            code,
            summary: summary.into(),
            detail: Map::new(),
        }
    }

    /// Adds one piece of evidence.
    pub fn detail(mut self, key: &str, value: impl Into<Value>) -> Suspect {
        self.detail.insert(key.to_owned(), value.into());
        self
    }
}

/// Which key and which of the delivery's signatures matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Matched {
    /// The index of the key, in the order the keys were given.
    pub key_index: usize,
    /// The index of the signature, in the order the delivery carries them.
    pub signature_index: usize,
}

/// The check of a signed timestamp against the window.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct TimestampCheck {
    /// The signed timestamp, in seconds.
    pub value: i64,
    /// How old it was at the check's `now` (negative: from the future).
    pub age_seconds: i64,
    /// The window, when one applies.
    pub tolerance_seconds: Option<u64>,
    /// Whether the timestamp is inside the window.
    pub within: bool,
}

/// What a report says of one key: never its bytes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct KeyInfo {
    /// The key's length in bytes.
    pub length: usize,
    /// A short fingerprint that tells keys apart without revealing them.
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
    /// The verdict: a signature matched with one of the keys and every check passed.
    pub verified: bool,
    /// The scheme's name.
    pub provider: String,
    /// The scheme's algorithm (`hmac-sha256`, `ed25519`, ...).
    pub algorithm: String,
    /// Which key and signature matched, when one did.
    pub matched: Option<Matched>,
    /// What the matching signature covered when it was not simply the scheme's template over
    /// the raw body (e.g. "Python json.dumps() of the parsed body").
    pub matched_content: Option<String>,
    /// The signed timestamp's check, when the scheme signs one.
    pub timestamp: Option<TimestampCheck>,
    /// Why it did not verify, most likely first; each diagnosed cause verified in a variant.
    pub causes: Vec<Cause>,
    /// Alterations that explain the failure but cannot be undone, so nothing verified.
    pub suspects: Vec<Suspect>,
    /// Things to know whatever the verdict.
    pub warnings: Vec<Warning>,
    /// The keys that were tried, described without their bytes.
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
    /// The most likely cause of a failure.
    pub fn first_cause(&self) -> Option<&Cause> {
        self.causes.first()
    }
}
