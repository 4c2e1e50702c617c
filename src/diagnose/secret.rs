//! Hypotheses about the secret: whitespace, quotes and BOM carried in from files and configs,
//! and encodings (`whsec_` decoded or not, base64, hex, prefix kept or dropped).

use crate::input::Secret;
use crate::scheme::SecretFormat;

pub struct SecretVariant {
    pub variant: &'static str,
    pub secret: Secret,
}

/// The secret with surrounding whitespace, quotes or a BOM removed, or with a trailing newline
/// added; only variants that differ from it.
pub fn whitespace_variants(secret: &Secret) -> Vec<SecretVariant> {
    whitespace_variants_of(secret.expose())
        .into_iter()
        .map(|(variant, bytes)| SecretVariant {
            variant,
            secret: Secret::new(bytes),
        })
        .collect()
}

/// A key's text (secret or public key) with surrounding debris removed, or a newline added.
pub fn whitespace_variants_of(raw: &[u8]) -> Vec<(&'static str, Vec<u8>)> {
    let mut out: Vec<(&'static str, Vec<u8>)> = Vec::new();
    let mut push = |variant, bytes: &[u8]| {
        if bytes != raw && !bytes.is_empty() && !out.iter().any(|(_, b)| b == bytes) {
            out.push((variant, bytes.to_vec()));
        }
    };
    push("surrounding whitespace removed", raw.trim_ascii());
    let unbom = raw.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(raw);
    push("UTF-8 byte order mark removed", unbom.trim_ascii());
    for quote in [b'"', b'\''] {
        let t = unbom.trim_ascii();
        if t.len() >= 2 && t[0] == quote && t[t.len() - 1] == quote {
            push("surrounding quotes removed", &t[1..t.len() - 1]);
        }
    }
    // The other way round: the key was loaded with the newline a file or `echo` adds.
    push("a trailing newline added", &[raw, b"\n"].concat());
    push("a trailing CRLF added", &[raw, b"\r\n"].concat());
    out
}

/// Whitespace, quotes or a BOM around the secret: worth a warning even when it explains nothing.
pub fn has_debris(secret: &Secret) -> bool {
    let raw = secret.expose();
    raw.trim_ascii().len() != raw.len()
        || raw.starts_with(b"\xEF\xBB\xBF")
        || (raw.len() >= 2 && matches!(raw[0], b'"' | b'\'') && raw[raw.len() - 1] == raw[0])
}

/// Other readings of the secret's text as key bytes; `current` is the scheme's own.
pub fn encodings(current: SecretFormat) -> Vec<(SecretFormat, &'static str)> {
    [
        (
            SecretFormat::Utf8,
            "the secret's text used as the key (not decoded)",
        ),
        (
            SecretFormat::WhsecBase64,
            "`whsec_` dropped and the rest base64-decoded",
        ),
        (SecretFormat::Base64, "the secret base64-decoded"),
        (SecretFormat::Hex, "the secret hex-decoded"),
    ]
    .into_iter()
    .filter(|(f, _)| *f != current)
    .collect()
}

/// Known prefixes people paste along with a secret.
pub fn without_prefix(secret: &Secret) -> Option<(String, Secret)> {
    ["whsec_", "v1,", "whpk_", "sha256="].iter().find_map(|p| {
        secret
            .expose()
            .strip_prefix(p.as_bytes())
            .filter(|rest| !rest.is_empty())
            .map(|rest| (format!("the `{p}` prefix dropped"), Secret::new(rest)))
    })
}

/// Shapes of API keys that people paste where a signing secret belongs.
pub fn looks_like_api_key(secret: &Secret) -> Option<&'static str> {
    const PREFIXES: [(&str, &str); 16] = [
        ("sk_live_", "a Stripe secret API key"),
        ("sk_test_", "a Stripe secret API key"),
        ("rk_live_", "a Stripe restricted API key"),
        ("rk_test_", "a Stripe restricted API key"),
        ("pk_live_", "a publishable API key"),
        ("pk_test_", "a publishable API key"),
        ("xoxb-", "a Slack bot token"),
        ("xoxp-", "a Slack user token"),
        ("xoxa-", "a Slack app token"),
        ("xapp-", "a Slack app-level token"),
        ("shpat_", "a Shopify access token"),
        ("sk-proj-", "an OpenAI API key"),
        ("ghp_", "a GitHub personal access token"),
        ("github_pat_", "a GitHub personal access token"),
        ("SG.", "a SendGrid API key"),
        ("AKIA", "an AWS access key id"),
    ];
    PREFIXES
        .iter()
        .find(|(p, _)| secret.expose().starts_with(p.as_bytes()))
        .map(|(_, what)| *what)
}
