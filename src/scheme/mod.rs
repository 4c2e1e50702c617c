//! A webhook signature scheme is data: where the signature lives, what was signed, with which
//! algorithm and key. The built-in registry (`registry.toml`) and user scheme files (`--scheme`)
//! are both parsed into [`Scheme`]; the engine in `crate::verify` interprets it.

mod algorithm;
pub mod cert_url;
pub mod custom;
pub mod detect;
pub mod jwt_spec;
pub mod registry;
mod secret_format;
pub mod signature;
pub mod template;
mod validate;

use serde::{Deserialize, Serialize};

use crate::input::{Delivery, Keys};

pub use algorithm::{Algorithm, AlgorithmHeader};
pub use secret_format::{KeyError, SecretFormat};
pub use template::{Part, Template};
pub use validate::{SchemeError, named_part};

/// One provider's scheme, exactly as written in `registry.toml` or a `--scheme` file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
// Other crates get schemes from the registry or `custom::parse`, both validated; they cannot
// build one field by field.
#[non_exhaustive]
pub struct Scheme {
    /// The name users pass to `--provider`.
    pub name: String,
    /// Who sends it, for humans ("GitHub", "Stripe").
    pub title: String,
    /// A product that uses another provider's wire format unchanged (Clerk → Svix); such
    /// entries are never chosen by auto-detection, their base is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub alias_of: Option<String>,
    /// How the signature is made (HMAC, plain hash, Ed25519, ECDSA, RSA, JWT, token, ...).
    pub algorithm: Algorithm,
    /// The signed content, e.g. `"{timestamp}.{body}"`; see [`Template`].
    #[serde(default = "default_signed")]
    pub signed: String,
    /// Where the signature is and how it is written.
    pub signature: SignatureSpec,
    /// The timestamp, when the sender sends one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timestamp: Option<TimestampSpec>,
    /// The header carrying the delivery id, for templates that use `{id}`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub id_headers: Vec<String>,
    /// How the secret the user holds becomes the key bytes.
    #[serde(default)]
    pub secret: SecretFormat,
    /// Other bodies the sender is documented to sign, tried after the raw bytes
    /// (Zenduty signs Python `json.dumps` of the parsed payload).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub also_signs: Vec<SignedBody>,
    /// Headers the provider's verifier requires with exactly this value (Box's SDKs return
    /// false without `BOX-SIGNATURE-VERSION: 1`).
    #[serde(default, skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    pub required_values: std::collections::BTreeMap<String, String>,
    /// Headers that, besides the signature header, say a delivery comes from this provider.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub detect_headers: Vec<String>,
    /// Headers the provider's official verifier requires besides the signature: a delivery
    /// without one (or with it empty) fails as `missing_header` even when the MAC is right
    /// (Shopify's `webhooks.validate`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub required_headers: Vec<String>,
    /// A header naming each delivery's algorithm (Twilio's
    /// `X-Twilio-Webhooks-Signature-Settings: key=…,algorithm=HMAC_SHA256`); without it, or
    /// with a name not in its `values`, `algorithm` is used.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub algorithm_header: Option<AlgorithmHeader>,
    /// For URL-signed schemes: also accept the URL with any port removed, or the default one
    /// added, as Twilio's SDKs do.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub url_port_variants: bool,
    /// A query parameter of the URL that carries the hex SHA-256 of the body (Twilio's
    /// `bodySHA256` for JSON bodies); when present, the body must match it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub body_hash_param: Option<String>,
    /// The signature covers chosen fields of the body, not the body itself (Mailgun signs a
    /// timestamp and token, Adyen eight notification fields). A scheme must say so to be
    /// accepted with such a template, and every report with it warns that the rest of the body
    /// is not authenticated.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub body_fields_only: bool,
    /// For public-key schemes: the signature is over this plain hash's raw digest of the signed
    /// content, not over the content itself (Bridge signs SHA-256 of `{t}.{body}` with
    /// SHA256withRSA, so the content is hashed twice).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prehash: Option<Algorithm>,
    /// For RSA schemes whose delivery names its signing certificate (PayPal's
    /// `PAYPAL-CERT-URL`, Amazon SNS's `SigningCertURL`): where, and which HTTPS URLs
    /// `--fetch-keys` may fetch it from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cert_url: Option<cert_url::CertUrl>,
    /// For `algorithm = "jwt"`: the token's accepted algs and the claims that bind the delivery.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub jwt: Option<jwt_spec::JwtSpec>,
    /// Facts a receiver should know, shown as warnings on every check with this scheme.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
    /// Where the facts above come from (documentation page or SDK file).
    pub source: String,
    /// `signed`, parsed on first use.
    #[serde(skip)]
    pub(crate) parsed: ParsedTemplate,
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

impl Scheme {
    /// Whether this scheme checks signatures with public keys (Ed25519, ECDSA) rather than
    /// secrets.
    /// A JWT scheme takes the kind its accepted `alg`s need; one that accepts both HS* and
    /// RS/ES/EdDSA (FusionAuth) counts as taking secrets here and takes public keys too (see
    /// [`Scheme::takes_either`]).
    pub fn takes_public_keys(&self) -> bool {
        match (&self.jwt, self.algorithm) {
            (Some(spec), Algorithm::Jwt) => !spec.takes_secrets(),
            _ => self.algorithm.is_asymmetric(),
        }
    }

    /// True for a JWT scheme whose accepted `alg`s take secrets (HS*) and public keys (RS/ES):
    /// each key is used only for the `alg`s of its own kind.
    pub fn takes_either(&self) -> bool {
        self.algorithm == Algorithm::Jwt
            && self
                .jwt
                .as_ref()
                .is_some_and(|s| s.takes_secrets() && s.takes_public_keys())
    }

    /// The kind of key this scheme needs: `public key` or `secret`.
    pub fn key_kind(&self) -> &'static str {
        if self.takes_public_keys() {
            "public key"
        } else {
            "secret"
        }
    }

    /// The first of `keys` of the wrong kind for this scheme, if any. Unsigned schemes take
    /// none, so nothing is wrong for them.
    pub fn wrong_key(&self, keys: &Keys) -> Option<KeyKindError> {
        if self.algorithm == Algorithm::None || self.takes_either() {
            return None;
        }
        let (index, key) = keys.first_not(self.takes_public_keys())?;
        Some(KeyKindError {
            number: index + 1,
            given: key.kind(),
            needed: self.key_kind(),
            scheme: self.name.clone(),
            algorithm: self.algorithm.id(),
        })
    }

    /// Two schemes with one wire format whose keys differ only in how the secret is read
    /// (Polar is Standard Webhooks with the secret's own bytes as key). A delivery that verifies
    /// under the other is a secret read the wrong way (`secret_encoding`), not another sender;
    /// and auto-detection never lets such a twin win by verifying.
    pub fn differs_only_in_secret(&self, other: &Scheme) -> bool {
        let mut a = self.clone();
        a.name.clone_from(&other.name);
        a.title.clone_from(&other.title);
        a.alias_of.clone_from(&other.alias_of);
        a.notes.clone_from(&other.notes);
        a.source.clone_from(&other.source);
        a.detect_headers.clone_from(&other.detect_headers);
        a.secret = other.secret;
        a == *other
    }

    /// True when at least one of `keys` is of the kind this scheme needs.
    pub fn fits_any(&self, keys: &Keys) -> bool {
        if self.takes_either() {
            return !keys.is_empty();
        }
        keys.has(self.takes_public_keys())
    }
}

/// A cache of the parsed `signed` template. A clone starts empty, so a copy whose `signed` is
/// then changed (the diagnosis tries other templates) never reads its original's template; two
/// caches are always equal, as they only mirror `signed`.
#[derive(Debug, Default)]
pub(crate) struct ParsedTemplate(std::sync::OnceLock<(String, Template)>);

impl Clone for ParsedTemplate {
    fn clone(&self) -> ParsedTemplate {
        ParsedTemplate::default()
    }
}

impl PartialEq for ParsedTemplate {
    fn eq(&self, _: &ParsedTemplate) -> bool {
        true
    }
}

fn default_signed() -> String {
    "{body}".to_owned()
}

/// Where the signature is and how to get one or more digests out of a header value.
///
/// Plain values (`sha256=<hex>`) use `prefix`; structured ones (`t=1,v1=ab,v1=cd`,
/// `v1,<b64> v1,<b64>`) use `items` + `pair` + `keys`; a bare list of signatures (`<b64>,<b64>`,
/// Plivo's V3) uses `items` alone, each item read as a plain value.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SignatureSpec {
    /// Header names, first is the usual one; every present one contributes signatures.
    pub headers: Vec<String>,
    /// How the signature bytes are written.
    pub encoding: Encoding,
    /// Text before the digest in a plain value, e.g. `sha256=`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prefix: Option<String>,
    /// Separator between items of a structured value (`,` `;` or a space); without `pair`,
    /// every item is a signature.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub items: Option<String>,
    /// Separator between an item's key and value (`=` or `,`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pair: Option<String>,
    /// Item keys whose values are signatures (`v1`); others are ignored.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub keys: Vec<String>,
    /// For token schemes: a scheme word the header value may start with (`Bearer`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub auth_scheme: Option<String>,
    /// The header value is an encoded JSON object and the signature one of its members (eBay's
    /// `x-ebay-signature`: base64 of `{"alg","kid","signature","digest"}`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub envelope: Option<Envelope>,
}

/// A signature carried inside an encoded JSON object.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Envelope {
    /// How the header value encodes the JSON object (`base64`).
    pub encoding: Encoding,
    /// The member holding the signature (then decoded with the signature's `encoding`).
    pub member: String,
}

/// How signature bytes are written as text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Encoding {
    /// Hexadecimal, either case.
    Hex,
    /// Hexadecimal that the sender writes in upper case (Oura): read in either case, signed in
    /// upper case.
    #[serde(rename = "hex-upper")]
    HexUpper,
    /// Standard base64, padded or not.
    Base64,
    /// URL-safe base64, padded or not.
    Base64url,
    /// Base64 of the lower-case hex text of the digest (Solidgate).
    #[serde(rename = "base64-hex")]
    Base64Hex,
    /// Standard base64, then percent-encoded (`%2B`, `%2F`, `%3D`), as Antom's SDKs send it
    /// (`quote_plus(base64(signature))`).
    #[serde(rename = "base64-percent")]
    Base64Percent,
    /// Compared as text (tokens).
    Plain,
}

impl Encoding {
    /// The name in scheme files (`hex`, `base64`, ...).
    pub fn id(self) -> &'static str {
        match self {
            Encoding::Hex => "hex",
            Encoding::HexUpper => "hex-upper",
            Encoding::Base64 => "base64",
            Encoding::Base64url => "base64url",
            Encoding::Base64Hex => "base64-hex",
            Encoding::Base64Percent => "base64-percent",
            Encoding::Plain => "plain",
        }
    }
}

/// Where a delivery's timestamp is, how it is written, and the replay window.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TimestampSpec {
    /// A header holding the timestamp, or ...
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub header: Option<String>,
    /// ... a key among the signature header's items (`t` in Stripe's `t=…,v1=…`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    /// Headers read, in order, when `header` is absent (Svix's libraries fall back from
    /// `svix-timestamp` to `webhook-timestamp`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fallback_headers: Vec<String>,
    /// How the timestamp is written.
    #[serde(default)]
    pub unit: TimeUnit,
    /// Default replay window in seconds; absent means the provider documents none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tolerance: Option<u64>,
    /// Whether timestamps in the future are also limited (Stripe's SDK checks only the past).
    #[serde(default = "yes")]
    pub future: bool,
    /// How far in the future a timestamp may lie, when that differs from `tolerance` (Box's
    /// SDKs allow none: 0).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub future_tolerance: Option<u64>,
    /// False when the timestamp is sent but not covered by the signature (Corgea).
    #[serde(default = "yes")]
    pub signed: bool,
}

fn yes() -> bool {
    true
}

/// The replay window of a signed timestamp whose provider documents none. A delivery chooses
/// its scheme under auto-detection, so no scheme that signs a timestamp may go unchecked.
pub const DEFAULT_TOLERANCE: u64 = 300;

impl TimestampSpec {
    /// The window in force by default: the documented one, else [`DEFAULT_TOLERANCE`] for a
    /// signed timestamp; none for a timestamp the signature does not cover (an attacker could
    /// rewrite it, so a window would only reject honest old captures).
    pub fn window(&self) -> Option<u64> {
        match (self.tolerance, self.signed) {
            (Some(t), _) => Some(t),
            (None, true) => Some(DEFAULT_TOLERANCE),
            (None, false) => None,
        }
    }

    /// `header`, then each of `fallback_headers`: the names the timestamp may come in.
    pub fn header_names(&self) -> impl Iterator<Item = &str> {
        self.header
            .iter()
            .chain(self.fallback_headers.iter())
            .map(String::as_str)
    }
}

/// How a timestamp is written.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TimeUnit {
    /// Unix seconds.
    #[default]
    Seconds,
    /// Unix milliseconds.
    Milliseconds,
    /// An RFC 3339 date-time (`2025-11-23T12:00:00.123456789Z`: Twitch, Zendesk, Box).
    Rfc3339,
    /// An ISO 8601 date-time whose offset may be left out, meaning UTC
    /// (`2025-11-23T12:00:00.123456`: Orb; its SDK reads it with `datetime.fromisoformat`).
    Iso8601,
    /// Digits are milliseconds, anything else an RFC 3339 date-time: Antom documents
    /// `request-time` as milliseconds (`1685599933871`), Alipay+ as `2019-05-28T12:12:12+08:00`.
    /// Either form is signed, and each reads one way only.
    #[serde(rename = "milliseconds-or-rfc3339")]
    MillisecondsOrRfc3339,
}

/// A body the sender signs instead of the raw bytes it sends.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SignedBody {
    /// Python `json.dumps(json.loads(body))` with default separators and `ensure_ascii`.
    PythonJsonDumps,
    /// The body as sent with non-ASCII as `\uXXXX` (UTF-16 units) and `/` as `\/`, as PHP's
    /// `json_encode` writes it (Box's SDKs try this form too).
    PhpEscapedUnicode,
    /// JavaScript `JSON.stringify(JSON.parse(body))` (Zoom's Rivet SDK signs this).
    JsJsonStringify,
}

impl SignedBody {
    /// What the sender signs, for people.
    pub fn describe(self) -> &'static str {
        match self {
            SignedBody::PythonJsonDumps => "Python json.dumps() of the parsed body",
            SignedBody::JsJsonStringify => "JavaScript JSON.stringify() of the parsed body",
            SignedBody::PhpEscapedUnicode => {
                "the body with non-ASCII escaped as \\uXXXX and / as \\/"
            }
        }
    }
}

impl Scheme {
    /// The signed-content template, parsed (validation guarantees it parses).
    pub fn template(&self) -> std::borrow::Cow<'_, Template> {
        // Validated when the scheme was loaded, so this parses.
        let parse = || Template::parse(&self.signed).unwrap_or_default();
        let (text, template) = self.parsed.0.get_or_init(|| (self.signed.clone(), parse()));
        // `signed` is a public field: a scheme changed after its first use never reads the
        // template of its old text. Borrowed otherwise: a batch asks for it per delivery.
        if *text == self.signed {
            std::borrow::Cow::Borrowed(template)
        } else {
            std::borrow::Cow::Owned(parse())
        }
    }

    /// The first `{param:NAME}` the scheme signs (not an optional one) that `delivery` does
    /// not carry: configuration only the receiver knows, without which nothing can be checked.
    pub fn missing_param(&self, delivery: &Delivery) -> Option<String> {
        if !self.signed.contains("{param:") {
            return None;
        }
        self.template().parts.iter().find_map(|part| {
            let Part::Header(name) = part else {
                return None;
            };
            let param = name.strip_prefix("param:")?;
            (!param.ends_with('?') && !delivery.has(name)).then(|| param.to_owned())
        })
    }

    /// Every header the scheme reads, for detection and `missing_header`.
    pub fn signature_header(&self) -> &str {
        self.signature.headers.first().map_or("", String::as_str)
    }
}

#[cfg(test)]
mod tests {
    use super::{Algorithm, AlgorithmHeader, Part, registry};

    #[test]
    fn a_changed_template_is_never_read_from_the_cache() {
        let mut scheme = registry::find("github").unwrap().clone();
        assert_eq!(scheme.template().parts, [Part::Body]);
        let _ = scheme.template();
        scheme.signed = "{timestamp}.{body}".to_owned();
        assert_eq!(scheme.template().parts[0], Part::Timestamp);
    }

    #[test]
    fn algorithm_named_by_a_header_item() {
        // twilio-python request_validator.py get_signature_algorithm, then `.upper()`.
        let h = AlgorithmHeader {
            header: "X-Twilio-Webhooks-Signature-Settings".to_owned(),
            item: "algorithm".to_owned(),
            values: [
                ("HMAC_SHA1".to_owned(), Algorithm::HmacSha1),
                ("HMAC_SHA256".to_owned(), Algorithm::HmacSha256),
            ]
            .into(),
        };
        let a = |v: &str| h.algorithm_in(v);
        assert_eq!(
            a("key=k1,algorithm=HMAC_SHA256"),
            Some(Algorithm::HmacSha256)
        );
        assert_eq!(
            a("algorithm = hmac_sha256 , key=k1"),
            Some(Algorithm::HmacSha256)
        );
        assert_eq!(a("key=k1,algorithm=HMAC_SHA1"), Some(Algorithm::HmacSha1));
        assert_eq!(a("key=k1"), None);
        assert_eq!(a("key=k1,algorithm=HMAC_SHA512"), None);
    }

    #[test]
    fn algorithm_named_by_a_whole_value() {
        // Amazon SNS: SignatureVersion "1" or "2" (sns-validator 0.3.5 validateSignature).
        let h = AlgorithmHeader {
            header: "body:SignatureVersion".to_owned(),
            item: String::new(),
            values: [
                ("1".to_owned(), Algorithm::RsaSha1),
                ("2".to_owned(), Algorithm::RsaSha256),
            ]
            .into(),
        };
        assert_eq!(h.algorithm_in("1"), Some(Algorithm::RsaSha1));
        assert_eq!(h.algorithm_in(" 2 "), Some(Algorithm::RsaSha256));
        assert_eq!(h.algorithm_in("3"), None);
        assert_eq!(h.algorithm_in("version=2"), None);
    }

    fn scheme_with(signature: &str) -> Result<super::Scheme, String> {
        let text = format!(
            "name = \"x\"\ntitle = \"X\"\nalgorithm = \"hmac-sha256\"\nsource = \"test\"\n\
             signature = {signature}\n"
        );
        let scheme: super::Scheme = toml::from_str(&text).map_err(|e| e.to_string())?;
        scheme
            .validate()
            .map(|()| scheme)
            .map_err(|e| e.to_string())
    }

    #[test]
    fn items_without_pair_are_a_list_of_bare_signatures() {
        // Plivo V3: `<b64>,<b64>` (plivo utils/signature_v3.py splits on ',').
        assert!(scheme_with(r#"{ headers = ["S"], items = ",", encoding = "base64" }"#).is_ok());
        // Keys name items of a structured value, which a bare list has not.
        let keys =
            scheme_with(r#"{ headers = ["S"], items = ",", keys = ["v1"], encoding = "hex" }"#);
        assert!(keys.unwrap_err().contains("pair"));
        let pair = scheme_with(r#"{ headers = ["S"], pair = "=", encoding = "hex" }"#);
        assert!(pair.unwrap_err().contains("items"));
        let no_keys =
            scheme_with(r#"{ headers = ["S"], items = ",", pair = "=", encoding = "hex" }"#);
        assert!(no_keys.unwrap_err().contains("keys"));
    }

    #[test]
    fn unprefixed_key_drops_only_a_leading_sk_or_pk() {
        // clearbit-ruby lib/clearbit/webhook.rb: key.gsub(/\A(pk|sk)_/, '').
        let f = super::SecretFormat::UnprefixedKey;
        assert_eq!(f.key(b"sk_abc").ok(), Some(b"abc".to_vec()));
        assert_eq!(f.key(b"pk_abc").ok(), Some(b"abc".to_vec()));
        assert_eq!(f.key(b"abc_sk_").ok(), Some(b"abc_sk_".to_vec()));
        assert_eq!(f.key(b"rk_abc").ok(), Some(b"rk_abc".to_vec()));
        assert!(f.key(b"sk_").is_err(), "an empty key is refused");
    }
}

#[cfg(test)]
mod key_kind_tests {
    use crate::input::{Key, Keys, PublicKey, Secret};
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
        let e = github.wrong_key(&keys).unwrap();
        assert_eq!((e.number, e.given, e.needed), (2, "public key", "secret"));
        let e = discord.wrong_key(&keys).unwrap();
        assert_eq!((e.number, e.given, e.needed), (1, "secret", "public key"));
        assert_eq!(keys.secrets().map(|(i, _)| i).collect::<Vec<_>>(), [0]);
        assert_eq!(keys.public_keys().map(|(i, _)| i).collect::<Vec<_>>(), [1]);
    }
}

#[cfg(test)]
mod item_tests {
    use super::Scheme;

    fn scheme(extra: &str) -> Result<(), String> {
        let text = format!(
            "name = \"x\"\ntitle = \"X\"\nalgorithm = \"hmac-sha256\"\nsource = \"test\"\n{extra}"
        );
        let s: Scheme = toml::from_str(&text).map_err(|e| e.to_string())?;
        s.validate().map_err(|e| e.to_string())
    }

    #[test]
    fn items_without_names_take_positions() {
        let recurly = "signed = \"{timestamp}.{body}\"\nsignature = { headers = [\"s\"], items = \",\", keys = [\"1+\"], encoding = \"hex\" }\n";
        assert!(scheme(&format!("{recurly}timestamp = {{ field = \"0\" }}")).is_ok());
        let e = scheme(&format!("{recurly}timestamp = {{ field = \"t\" }}")).unwrap_err();
        assert!(e.contains("position"), "{e}");
        let e = scheme(
            "signature = { headers = [\"s\"], items = \",\", keys = [\"v1\"], encoding = \"hex\" }",
        )
        .unwrap_err();
        assert!(e.contains("position"), "{e}");
    }

    #[test]
    fn item_parts_need_a_structured_header() {
        let nmi = "signed = \"{item:t}.{body}\"\n";
        assert!(scheme(&format!("{nmi}signature = {{ headers = [\"s\"], items = \",\", pair = \"=\", keys = [\"s\"], encoding = \"hex\" }}")).is_ok());
        let e = scheme(&format!(
            "{nmi}signature = {{ headers = [\"s\"], encoding = \"hex\" }}"
        ))
        .unwrap_err();
        assert!(e.contains("item"), "{e}");
    }
}
