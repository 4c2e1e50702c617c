//! The result of one check, before any rendering: verdict, timestamp, causes, warnings.

use serde::Serialize;
use serde_json::{Map, Value};

/// Declares a code enum whose snake_case names are part of the JSON contract: each variant with
/// its wire name, `as_str()`, and serialisation as that name.
macro_rules! codes {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident = $text:literal,)+ }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum $name {
            $($(#[$vmeta])* $variant,)+
        }

        impl $name {
            /// The code as it appears in reports.
            pub fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $text,)+
                }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }
    };
}

codes! {
    /// Why a delivery did not verify. The snake_case names are part of the JSON contract.
    CauseCode {
        /// A header the scheme needs is not in the delivery.
        MissingHeader = "missing_header",
        /// The signature is valid, but the timestamp is outside the window.
        TimestampOutsideTolerance = "timestamp_outside_tolerance",
        /// The signature header cannot be read.
        SignatureMalformed = "signature_malformed",
        /// No key reproduces the signature: another secret, or content altered on the way.
        SecretMismatch = "secret_mismatch",
        /// The provider does not sign deliveries at all.
        UnsignedProvider = "unsigned_provider",
        /// The body has a trailing newline that was not signed.
        BodyTrailingNewlineAdded = "body_trailing_newline_added",
        /// The signed body ended with a newline that the received body lacks.
        BodyTrailingNewlineRemoved = "body_trailing_newline_removed",
        /// Line endings were converted between LF and CRLF.
        BodyCrlfConverted = "body_crlf_converted",
        /// A UTF-8 byte order mark was added in front of the body.
        BodyBomAdded = "body_bom_added",
        /// The body differs from the signed one by surrounding whitespace.
        BodyWhitespaceTrimmed = "body_whitespace_trimmed",
        /// The JSON was re-serialised: same value, other bytes.
        BodyJsonReserialized = "body_json_reserialized",
        /// The form body was re-encoded.
        BodyFormReencoded = "body_form_reencoded",
        /// The signed body is the `payload=` form wrapper, not the JSON alone.
        BodyFormPayloadExtracted = "body_form_payload_extracted",
        /// The body is base64-encoded; the signature covers the decoded bytes.
        BodyBase64Encoded = "body_base64_encoded",
        /// The body is compressed; the signature covers the decompressed bytes.
        BodyCompressed = "body_compressed",
        /// The body was decoded in another charset and encoded again (mojibake, ASCII escapes).
        BodyCharsetChanged = "body_charset_changed",
        /// The body is an envelope (API Gateway, SNS, SQS, EventBridge, ...) around the signed bytes.
        BodyWrapped = "body_wrapped",
        /// The signature is over an empty body.
        BodyEmpty = "body_empty",
        /// The secret carries whitespace, quotes or a BOM.
        SecretWhitespace = "secret_whitespace",
        /// The secret's text was used where its decoded bytes are the key, or the reverse.
        SecretEncoding = "secret_encoding",
        /// The signature uses another hash or MAC than the scheme says.
        SignatureAlgorithm = "signature_algorithm",
        /// The signature is hex where base64 is expected, or the reverse.
        SignatureEncoding = "signature_encoding",
        /// The signed content is another template than the scheme's.
        TemplateMismatch = "template_mismatch",
        /// The timestamp was signed or compared in the other unit (seconds, milliseconds).
        TimestampUnit = "timestamp_unit",
        /// The URL that was signed is not the one the receiver used.
        UrlMismatch = "url_mismatch",
        /// The signature is in another header.
        WrongHeader = "wrong_header",
        /// The delivery verifies under another provider's scheme.
        WrongProvider = "wrong_provider",
        /// A token's signature is good but the body's hash in it is not this body's: the body was
        /// changed after signing (JWT schemes).
        BodyHashMismatch = "body_hash_mismatch",
        /// The sender's key made the signature, over content rebuilt with a `--param` value
        /// (PayPal's webhook id) that is most likely not the one it signed.
        ParamMismatch = "param_mismatch",
        /// The token names a key id (`kid`) that none of the keys given has.
        KeyIdUnknown = "key_id_unknown",
    }
}

impl CauseCode {
    /// The code as an owned string (see [`CauseCode::as_str`]).
    pub fn id(self) -> String {
        self.as_str().to_owned()
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
    pub detail: Details,
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
            detail: Details::default(),
            fix: None,
        }
    }

    /// Adds a fact (replacing one of the same kind).
    pub fn with(mut self, detail: Detail) -> Cause {
        self.detail.set(detail);
        self
    }

    /// Says what to do about it on the receiving side.
    pub fn fix(mut self, fix: impl Into<String>) -> Cause {
        self.fix = Some(fix.into());
        self
    }

    /// What verifies instead, for causes found by trying a variant.
    pub fn variant(&self) -> Option<&str> {
        self.detail.iter().find_map(|d| match d {
            Detail::Variant(v) => Some(v.as_str()),
            _ => None,
        })
    }

    /// The byte diff of a body cause.
    pub fn diff(&self) -> Option<&Diff> {
        self.detail.iter().find_map(|d| match d {
            Detail::Diff(diff) => Some(diff),
            _ => None,
        })
    }

    /// What was tried, for a cause that nothing explained.
    pub fn tried_mut(&mut self) -> Option<&mut Vec<String>> {
        self.detail.0.iter_mut().find_map(|d| match d {
            Detail::Tried(list) => Some(list),
            _ => None,
        })
    }
}

/// One fact behind a cause or a suspect. Each kind has one JSON name ([`Detail::key`]) and one
/// type; the JSON `detail` object holds them under those names.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum Detail {
    /// `header`: the header concerned (null when none could be named).
    Header(Option<String>),
    /// `role`: what the missing header holds ("signature", "timestamp", ...).
    Role(&'static str),
    /// `looks_like`: the provider the headers resemble instead, if any.
    LooksLike(Option<String>),
    /// `reason`: why the header cannot be read.
    Reason(String),
    /// `tried`: what was recomputed without success.
    Tried(Vec<String>),
    /// `claim`: the JWT claim concerned.
    Claim(String),
    /// `issuer`: the JWT's `iss` (null when absent).
    Issuer(Option<String>),
    /// `expected`: what the scheme expects (issuer, template, secret form, algorithm, encoding).
    Expected(String),
    /// `exp`: the JWT's expiry time.
    Exp(i64),
    /// `iat` or `nbf`: the JWT time claim that is still in the future.
    TimeClaim {
        /// `iat` or `nbf`.
        claim: &'static str,
        /// Its value, in Unix seconds.
        at: i64,
    },
    /// `age_seconds`: the delivery's age (negative: in the future).
    AgeSeconds(i64),
    /// `tolerance_seconds`: the window in force (a JWT leeway is signed, a window is not).
    ToleranceSeconds(i128),
    /// `sub`: the JWT's subject (null when absent).
    Sub(Option<String>),
    /// `url`: the URL concerned.
    Url(String),
    /// `key_index`: which key (from 0).
    KeyIndex(usize),
    /// `variant`: what verifies instead.
    Variant(String),
    /// `envelope`: the envelope the body was found in.
    Envelope(String),
    /// `path`: where in the envelope the body sits.
    Path(String),
    /// `decoded`: how the body was taken out of its envelope.
    Decoded(String),
    /// `nearest`: the serialiser preset nearest to the combination that verified.
    Nearest(&'static str),
    /// `options`: the options that differ from the nearest preset.
    Options(Vec<&'static str>),
    /// `key_order`: how the keys were ordered.
    KeyOrder(&'static str),
    /// `diff`: where the received body differs from the signed one.
    Diff(Diff),
    /// `dialect`: the JSON serialiser that reproduces the signed body.
    Dialect(String),
    /// `signed_url`: the URL that verifies.
    SignedUrl(String),
    /// `provider`: the provider whose scheme verifies.
    Provider(String),
    /// `command`: the command that checks it.
    Command(String),
    /// `signed`: the content that was signed.
    Signed(String),
    /// `evidence`: what shows the alteration.
    Evidence(String),
    /// `parameter`: the URL parameter concerned.
    Parameter(String),
    /// `objects`: how many JSON objects.
    Objects(usize),
    /// `keys`: how many keys.
    Keys(usize),
    /// `param`: the `--param` name concerned (PayPal's webhook id).
    Param(String),
    /// `given`: the value given for it.
    Given(String),
    /// `signed_with_key`: the key (from 1) that made an RSA signature; null when none of them did.
    SignedWithKey(Option<usize>),
    /// `alg`: the token's algorithm.
    Alg(String),
    /// `skipped`: keys not tried, and why.
    Skipped(Vec<String>),
    /// `kid`: the key id the token names.
    Kid(String),
    /// `known`: the key ids given.
    Known(Vec<String>),
}

impl Detail {
    /// The fact's name in the JSON `detail` object.
    pub fn key(&self) -> &'static str {
        match self {
            Detail::Header(_) => "header",
            Detail::Role(_) => "role",
            Detail::LooksLike(_) => "looks_like",
            Detail::Reason(_) => "reason",
            Detail::Tried(_) => "tried",
            Detail::Claim(_) => "claim",
            Detail::Issuer(_) => "issuer",
            Detail::Expected(_) => "expected",
            Detail::Exp(_) => "exp",
            Detail::TimeClaim { claim, .. } => claim,
            Detail::AgeSeconds(_) => "age_seconds",
            Detail::ToleranceSeconds(_) => "tolerance_seconds",
            Detail::Sub(_) => "sub",
            Detail::Url(_) => "url",
            Detail::KeyIndex(_) => "key_index",
            Detail::Variant(_) => "variant",
            Detail::Envelope(_) => "envelope",
            Detail::Path(_) => "path",
            Detail::Decoded(_) => "decoded",
            Detail::Nearest(_) => "nearest",
            Detail::Options(_) => "options",
            Detail::KeyOrder(_) => "key_order",
            Detail::Diff(_) => "diff",
            Detail::Dialect(_) => "dialect",
            Detail::SignedUrl(_) => "signed_url",
            Detail::Provider(_) => "provider",
            Detail::Command(_) => "command",
            Detail::Signed(_) => "signed",
            Detail::Evidence(_) => "evidence",
            Detail::Parameter(_) => "parameter",
            Detail::Objects(_) => "objects",
            Detail::Keys(_) => "keys",
            Detail::Param(_) => "param",
            Detail::Given(_) => "given",
            Detail::SignedWithKey(_) => "signed_with_key",
            Detail::Alg(_) => "alg",
            Detail::Skipped(_) => "skipped",
            Detail::Kid(_) => "kid",
            Detail::Known(_) => "known",
        }
    }

    /// The fact's JSON value.
    pub fn value(&self) -> Value {
        match self {
            Detail::Header(s) | Detail::LooksLike(s) | Detail::Issuer(s) | Detail::Sub(s) => {
                s.clone().map_or(Value::Null, Value::from)
            }
            Detail::Role(s) | Detail::Nearest(s) | Detail::KeyOrder(s) => Value::from(*s),
            Detail::Reason(s)
            | Detail::Claim(s)
            | Detail::Expected(s)
            | Detail::Url(s)
            | Detail::Variant(s)
            | Detail::Envelope(s)
            | Detail::Path(s)
            | Detail::Decoded(s)
            | Detail::Dialect(s)
            | Detail::SignedUrl(s)
            | Detail::Provider(s)
            | Detail::Command(s)
            | Detail::Signed(s)
            | Detail::Evidence(s)
            | Detail::Parameter(s)
            | Detail::Param(s)
            | Detail::Given(s)
            | Detail::Alg(s)
            | Detail::Kid(s) => Value::from(s.as_str()),
            Detail::Skipped(list) | Detail::Known(list) => Value::from(list.clone()),
            Detail::SignedWithKey(key) => key.map_or(Value::Null, Value::from),
            Detail::Tried(list) => Value::from(list.clone()),
            Detail::Options(list) => Value::from(list.clone()),
            Detail::Exp(n) | Detail::AgeSeconds(n) => Value::from(*n),
            Detail::TimeClaim { at, .. } => Value::from(*at),
            Detail::ToleranceSeconds(n) => match i64::try_from(*n) {
                Ok(n) => Value::from(n),
                Err(_) => u64::try_from(*n).map_or(Value::Null, Value::from),
            },
            Detail::KeyIndex(n) | Detail::Objects(n) | Detail::Keys(n) => Value::from(*n),
            Detail::Diff(diff) => serde_json::to_value(diff).unwrap_or(Value::Null),
        }
    }
}

/// The facts behind a cause or a suspect, at most one of each kind. In JSON: an object of
/// [`Detail::key`] → [`Detail::value`], keys in sorted order.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Details(Vec<Detail>);

impl Details {
    /// Adds `detail`, replacing a fact of the same kind.
    pub fn set(&mut self, detail: Detail) {
        let key = detail.key();
        match self.0.iter_mut().find(|d| d.key() == key) {
            Some(slot) => *slot = detail,
            None => self.0.push(detail),
        }
    }

    /// Every fact, in the order they were added.
    pub fn iter(&self) -> impl Iterator<Item = &Detail> {
        self.0.iter()
    }

    /// Whether there are no facts.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The JSON object, as reports write it.
    pub fn to_map(&self) -> Map<String, Value> {
        self.0
            .iter()
            .map(|d| (d.key().to_owned(), d.value()))
            .collect()
    }
}

impl Serialize for Details {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.to_map().serialize(serializer)
    }
}

/// Where a received body differs from the bytes that were signed (see `diagnose::diff`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diff {
    /// The offset of the first byte that differs.
    pub first_offset: usize,
    /// The received bytes around it, escaped.
    pub received_excerpt: String,
    /// The signed bytes around it, escaped.
    pub signed_excerpt: String,
    /// How many separate regions differ.
    pub regions: usize,
    /// The first few regions, each with aligned excerpts.
    pub shown: Vec<Region>,
}

/// One differing region: where it starts on each side, the excerpts around it, and the
/// column (in characters of the excerpt) of its first differing byte, for a caret.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Region {
    /// Where the region starts in the received body.
    pub received_offset: usize,
    /// Where it starts in the signed body.
    pub signed_offset: usize,
    /// The received bytes around it, escaped.
    pub received_excerpt: String,
    /// The signed bytes around it, escaped.
    pub signed_excerpt: String,
    /// The column of the first differing byte in the excerpts, for a caret.
    pub caret_column: usize,
}

codes! {
    /// What a warning is about: an observation that changes no verdict.
    WarningCode {
        /// The scheme chosen from the delivery's own headers (`--provider auto`).
        ProviderDetected = "provider_detected",
        /// Several schemes fit the headers equally and none verifies.
        ProviderAmbiguous = "provider_ambiguous",
        /// Something the capture parser noticed (a missing body separator, ...).
        Capture = "capture",
        /// `--secret` on a terminal: the secret is in shell history.
        SecretOnCommandLine = "secret_on_command_line",
        /// A delivery's own `now` was ignored (batch input cannot set the clock).
        InputNowIgnored = "input_now_ignored",
        /// The scheme's own note (registry `notes`).
        SchemeNote = "scheme_note",
        /// The scheme signs chosen fields of the body, not the body.
        BodyNotSigned = "body_not_signed",
        /// A shared token or Basic credentials, not a signature.
        NotASignature = "not_a_signature",
        /// The scheme signs a CRC-32 of the body, which is no cryptographic hash (PayPal).
        BodyChecksumOnly = "body_checksum_only",
        /// A certificate was fetched from the URL the delivery names (`--fetch-keys`).
        CertificateFetched = "certificate_fetched",
        /// A public key that cannot be used for the scheme's algorithm.
        KeyUnusable = "key_unusable",
        /// A secret that cannot be read in the form the scheme requires.
        SecretUnusable = "secret_unusable",
        /// The URL's body hash parameter does not match the body.
        BodyHashMismatch = "body_hash_mismatch",
        /// An ECDSA signature in high-S form, accepted as the provider accepts it.
        EcdsaHighS = "ecdsa_high_s",
        /// A documented alternate form of the body verified, not the raw body.
        SignedContent = "signed_content",
        /// A step of the diagnosis stopped at its budget.
        DiagnosisCutShort = "diagnosis_cut_short",
        /// The body was too large for every step of the diagnosis.
        DiagnosisPartial = "diagnosis_partial",
        /// A key with surrounding whitespace, quotes or a BOM.
        SecretWhitespace = "secret_whitespace",
        /// A key that looks like an API key rather than a signing secret.
        SecretLooksLikeApiKey = "secret_looks_like_api_key",
        /// The body is empty.
        BodyEmpty = "body_empty",
    }
}

codes! {
    /// What a suspect is: an alteration seen in the delivery that cannot be undone.
    SuspectCode {
        /// U+FFFD or other signs of a lossy decode in the body.
        BodyLossyDecoded = "body_lossy_decoded",
        /// The query string (with a body hash parameter) was dropped from the signed URL.
        UrlQueryDropped = "url_query_dropped",
        /// The keys of a large JSON body were re-sorted.
        BodyKeysResorted = "body_keys_resorted",
    }
}

/// An observation that explains nothing on its own and changes no verdict.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Warning {
    /// What it is about.
    pub code: WarningCode,
    /// One line for people.
    pub summary: String,
}

impl Warning {
    /// A warning with its code and text.
    pub fn new(code: WarningCode, summary: impl Into<String>) -> Warning {
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
    /// What was seen.
    pub code: SuspectCode,
    /// "looks like …".
    pub summary: String,
    /// Machine-readable evidence.
    pub detail: Details,
}

impl Suspect {
    /// A suspect with its code and text.
    pub fn new(code: SuspectCode, summary: impl Into<String>) -> Suspect {
        Suspect {
            code,
            summary: summary.into(),
            detail: Details::default(),
        }
    }

    /// Adds a fact (replacing one of the same kind).
    pub fn with(mut self, detail: Detail) -> Suspect {
        self.detail.set(detail);
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
