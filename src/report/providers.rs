//! `hookcheck providers`: the table, the JSON list, and one scheme explained in prose.

use std::fmt::Write as _;

use serde::Serialize;

use crate::scheme::{Scheme, SecretFormat};

/// The row every listing shows, derived from the scheme so the README table cannot drift.
#[derive(Debug, Serialize)]
pub struct Row {
    /// The scheme's name (`--provider NAME`).
    pub name: String,
    /// The provider's name for people.
    pub title: String,
    /// The first header the signature is read from (`—` for none).
    pub signature_header: String,
    /// The algorithm's id.
    pub algorithm: String,
    /// The signed-content template.
    pub signed_content: String,
    /// How the secret is read.
    pub secret_format: String,
    /// The replay window, when a timestamp is signed.
    pub tolerance_seconds: Option<u64>,
    /// Where the scheme's rules come from (documentation or SDK).
    pub source: String,
}

/// The listing row of one scheme.
pub fn row(s: &Scheme) -> Row {
    Row {
        name: s.name.clone(),
        title: s.title.clone(),
        signature_header: s
            .signature
            .headers
            .first()
            .cloned()
            .unwrap_or_else(|| "—".to_owned()),
        algorithm: s.algorithm.id().to_owned(),
        signed_content: if let Some(jwt) = &s.jwt {
            jwt_content(jwt)
        } else if s.signature.headers.is_empty() {
            "—".to_owned()
        } else {
            s.signed.clone()
        },
        secret_format: s.secret.id().to_owned(),
        tolerance_seconds: s
            .timestamp
            .as_ref()
            .and_then(super::super::scheme::TimestampSpec::window),
        source: s.source.clone(),
    }
}

/// What a JWT scheme's signature covers, for the listing.
fn jwt_content(jwt: &crate::jwt::JwtSpec) -> String {
    use crate::jwt::TokenPlace;
    match jwt.token {
        TokenPlace::Detached => "detached JWS, payload {body}".to_owned(),
        TokenPlace::Body => "JWT = {body}".to_owned(),
        TokenPlace::Header => format!("JWT, {} = {}({{body}})", jwt.body_claim, jwt.body_hash.id()),
    }
}

/// The listing as pretty JSON.
pub fn json(schemes: &[Scheme]) -> String {
    let rows: Vec<Row> = schemes.iter().map(row).collect();
    let mut text = serde_json::to_string_pretty(&rows).unwrap_or_default();
    text.push('\n');
    text
}

/// The table's width when the output is not a terminal of known width.
pub const DEFAULT_WIDTH: usize = 100;

/// A plain-text table that fits `width` columns: the short columns keep their natural width,
/// the signature header and the signed content share the rest, and cells too long for their
/// column are cut with `…`. Line breaks inside a cell (Contentful's template) are shown as `\n`,
/// so every scheme stays on one line.
pub fn table(schemes: &[Scheme], width: usize) -> String {
    let header = [
        "NAME",
        "SIGNATURE HEADER",
        "ALGORITHM",
        "SIGNED CONTENT",
        "SECRET",
        "TOL s",
    ];
    let rows: Vec<[String; 6]> = schemes
        .iter()
        .map(|s| {
            let r = row(s);
            let tol = r
                .tolerance_seconds
                .map_or("—".to_owned(), |t| t.to_string());
            [
                r.name,
                r.signature_header,
                r.algorithm,
                r.signed_content,
                r.secret_format,
                tol,
            ]
            .map(|cell| one_line(&cell))
        })
        .collect();
    let natural = |i: usize| {
        rows.iter()
            .map(|r| r[i].chars().count())
            .chain([header[i].chars().count()])
            .max()
            .unwrap_or(0)
    };
    let mut widths: [usize; 6] = std::array::from_fn(natural);
    // The short columns never take more than they did in a 100-column table; the signature
    // header keeps up to 26 columns, and the signed content, the widest, gets the rest.
    for (i, cap) in [(0, 18), (2, 12), (4, 12), (5, 5)] {
        widths[i] = widths[i].min(cap);
    }
    let fixed: usize = [0, 2, 4, 5].iter().map(|&i| widths[i]).sum::<usize>() + 5;
    let room = width.saturating_sub(fixed).max(32);
    if widths[1] + widths[3] > room {
        widths[1] = widths[1].min(26.max(room.saturating_sub(widths[3])));
        widths[3] = room.saturating_sub(widths[1]);
    }
    let mut out = String::new();
    let mut line = |cells: [&str; 6]| {
        let parts: Vec<String> = cells.iter().zip(widths).map(|(c, w)| fit(c, w)).collect();
        let _ = writeln!(out, "{}", parts.join(" ").trim_end());
    };
    line(header);
    for r in &rows {
        line([&r[0], &r[1], &r[2], &r[3], &r[4], &r[5]]);
    }
    out
}

/// A cell on one line: line breaks and tabs written as escapes.
fn one_line(cell: &str) -> String {
    cell.replace('\r', "\\r")
        .replace('\n', "\\n")
        .replace('\t', "\\t")
}

fn fit(text: &str, width: usize) -> String {
    let n = text.chars().count();
    if n <= width {
        format!("{text:<width$}")
    } else {
        let cut: String = text.chars().take(width.saturating_sub(1)).collect();
        format!("{cut}…")
    }
}

/// The JWT/JWS lines of `providers show`: where the token is, its algs and keys, its claims.
fn jwt_prose(out: &mut String, jwt: &crate::jwt::JwtSpec) {
    use crate::jwt::TokenPlace;
    let algs: Vec<&str> = jwt.algorithms.iter().map(|a| a.id()).collect();
    let what = match jwt.token {
        TokenPlace::Header => "Header value: a JWT (compact JWS)",
        TokenPlace::Body => "Body: the whole body is a JWT (compact JWS)",
        TokenPlace::Detached => {
            "Header value: a detached JWS (`header..signature`) whose payload is the raw body"
        }
    };
    let _ = writeln!(
        out,
        "  {what} signed with {} (no other alg, `none` included)",
        algs.join(" or ")
    );
    let _ = writeln!(out, "  Algorithm: jwt");
    let mut keys = Vec::new();
    if jwt.takes_secrets() {
        keys.push("HS* with the secret only");
    }
    if jwt.takes_public_keys() {
        keys.push("RS/ES/EdDSA with a public key of the alg's own type only");
    }
    let kid = if jwt.kid_required {
        "; the token must name its key (kid)"
    } else {
        ""
    };
    let retired = if jwt.retired_keys_refused {
        "; a JWK marked expired (expired_at) is refused"
    } else {
        ""
    };
    let _ = writeln!(out, "  Keys: {}{kid}{retired}", keys.join("; "));
    if jwt.token == TokenPlace::Detached {
        let _ = writeln!(out, "  Claims: none (the signature covers the body itself)");
        return;
    }
    let mut claims = Vec::new();
    if let Some(iss) = &jwt.issuer {
        claims.push(format!("iss = {iss:?}"));
    }
    if !jwt.required_claims.is_empty() {
        claims.push(format!("required: {}", jwt.required_claims.join(", ")));
    }
    if jwt.subject_is_url {
        claims.push("sub = the URL (--url)".to_owned());
    }
    if !jwt.body_claim.is_empty() {
        claims.push(format!(
            "{} = {} {} of the body",
            jwt.body_claim,
            jwt.body_hash_encoding.id(),
            jwt.body_hash.id()
        ));
    }
    for path in &jwt.json_claims {
        claims.push(format!("{path} holds JSON text"));
    }
    let iat = if jwt.future_iat_allowed {
        "exp/nbf"
    } else {
        "exp/iat/nbf"
    };
    claims.push(format!("{iat} with {} s leeway", jwt.leeway));
    if let Some(max_age) = jwt.max_age {
        claims.push(format!("iat at most {max_age} s old"));
    }
    let _ = writeln!(out, "  Claims: {}", claims.join("; "));
}

/// One scheme in prose, with its source.
pub fn prose(s: &Scheme) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{} ({})", s.title, s.name);
    if let Some(jwt) = s.jwt.as_ref().filter(|_| s.signature.headers.is_empty()) {
        jwt_prose(&mut out, jwt);
    } else if s.signature.headers.is_empty() {
        let _ = writeln!(out, "  Deliveries are not signed.");
    } else {
        if s.signature.headers.iter().any(|h| h.contains(':')) {
            let places: Vec<String> = s
                .signature
                .headers
                .iter()
                .map(|h| crate::input::describe_part(h))
                .collect();
            let _ = writeln!(out, "  Signature: in the {}", places.join(" or "));
        } else {
            let headers = s.signature.headers.join(" or ");
            let _ = writeln!(out, "  Signature header: {headers}");
        }
        let shape = match (&s.signature.items, &s.signature.prefix) {
            (Some(items), _) if s.signature.pair.is_none() && s.signature.keys.is_empty() => {
                format!("one or more signatures separated by {items:?}")
            }
            (Some(items), _) if s.signature.pair.is_none() => format!(
                "a list of unnamed items separated by {:?}; signatures are the items at position {} (0 is the first)",
                items,
                s.signature.keys.join("/")
            ),
            (Some(items), _) => format!(
                "a list of items separated by {:?}, each `key{}value`; signatures are the {} items",
                items,
                s.signature.pair.as_deref().unwrap_or("="),
                s.signature.keys.join("/")
            ),
            (None, Some(prefix)) => format!("`{prefix}` followed by the signature"),
            (None, None) => "the signature alone".to_owned(),
        };
        if let Some(jwt) = &s.jwt {
            jwt_prose(&mut out, jwt);
        } else {
            match &s.signature.envelope {
                Some(e) => {
                    let _ = writeln!(
                        out,
                        "  Header value: a {}-encoded JSON object; its `{}` member is the signature, {}-encoded (a `kid` member names the key)",
                        e.encoding.id(),
                        e.member,
                        s.signature.encoding.id()
                    );
                }
                None => {
                    let _ = writeln!(
                        out,
                        "  Header value: {shape}, {}-encoded",
                        s.signature.encoding.id()
                    );
                }
            }
            let _ = writeln!(out, "  Algorithm: {}", s.algorithm.id());
        }
        if s.algorithm.is_digest() || s.algorithm.is_asymmetric() {
            match s.prehash {
                Some(hash) => {
                    let _ = writeln!(
                        out,
                        "  Signed content: the {} digest of {} (the signature covers that digest)",
                        hash.id(),
                        s.signed
                    );
                }
                None => {
                    let _ = writeln!(out, "  Signed content: {}", s.signed);
                }
            }
            let parts = part_meanings(s);
            if !parts.is_empty() {
                let _ = writeln!(out, "  Where: {}", parts.join("; "));
            }
            if s.body_fields_only {
                let _ = writeln!(
                    out,
                    "  Covers: only the body fields named above; the rest of the body is not authenticated"
                );
            }
        }
        let template = s.template();
        let params: Vec<&str> = template
            .parts
            .iter()
            .filter_map(|p| match p {
                crate::scheme::Part::Header(n) => n.strip_prefix("param:"),
                _ => None,
            })
            .collect();
        for param in params {
            let _ = writeln!(
                out,
                "  Parameter: {param}, signed but not in the delivery: give it with --param {param}=VALUE"
            );
        }
    }
    if s.algorithm.is_asymmetric() {
        let kind = if s.algorithm.is_rsa() {
            "the sender's X.509 certificate or RSA public key (--cert-file or --public-key-file; PEM or DER)"
        } else {
            "the sender's public key (--public-key-file or --public-key)"
        };
        let _ = writeln!(out, "  Key: {kind}");
        if let Some(url) = &s.cert_url {
            let mut where_ = url.hosts.join(", ");
            if let Some(prefix) = &url.path_prefix {
                where_.push_str(&format!(", path starting {prefix}"));
            }
            if let Some(suffix) = &url.path_suffix {
                where_.push_str(&format!(", path ending {suffix}"));
            }
            let _ = writeln!(
                out,
                "  Certificate: named in {}; --fetch-keys fetches it only over HTTPS from {where_}",
                crate::input::describe_part(&url.from)
            );
        }
    }
    let secret = match s.secret {
        SecretFormat::Utf8 => "used as-is (its UTF-8 bytes are the key)",
        SecretFormat::WhsecBase64 => {
            "`whsec_` + base64: the prefix is dropped and the rest base64-decoded"
        }
        SecretFormat::Base64 => "base64-decoded",
        SecretFormat::Hex => "hex-decoded",
        SecretFormat::HtmlEntities => "HTML entities decoded (&amp; becomes &), as WordPress does",
        SecretFormat::UnprefixedKey => "a leading `sk_` or `pk_` dropped; the rest used as-is",
    };
    let takes_secrets = match &s.jwt {
        Some(jwt) => jwt.takes_secrets(),
        None => !s.takes_public_keys(),
    };
    if takes_secrets {
        let _ = writeln!(out, "  Secret: {secret}");
    }
    if s.takes_public_keys() || s.takes_either() {
        let _ = writeln!(
            out,
            "  Public key: --public-key-file (PEM, DER, X.509, a JWK) or --jwks-file (a key set; the key whose kid the delivery names is used)"
        );
    }
    if let Some(ts) = &s.timestamp {
        let from = match (&ts.header, &ts.field) {
            (Some(_), _) => ts
                .header_names()
                .map(crate::input::describe_part)
                .collect::<Vec<_>>()
                .join(" or "),
            (_, Some(f)) => format!("the `{f}` item of the signature header"),
            _ => String::new(),
        };
        let default = if ts.tolerance.is_none() {
            " (hookcheck's default: the provider documents none)"
        } else {
            ""
        };
        let window = match ts.window() {
            Some(t) if ts.future => match ts.future_tolerance {
                Some(f) if f != t => format!("{t} s into the past, {f} s into the future{default}"),
                _ => format!("{t} s either way{default}"),
            },
            Some(t) => format!("{t} s into the past{default}"),
            None => "none (an unsigned timestamp could be rewritten)".to_owned(),
        };
        let signed = if ts.signed { "" } else { " (not signed)" };
        let _ = writeln!(out, "  Timestamp: {from}{signed}; replay window {window}");
    }
    if !s.id_headers.is_empty() {
        let _ = writeln!(out, "  Delivery id: {}", s.id_headers.join(" or "));
    }
    if let Some(h) = &s.algorithm_header {
        let names: Vec<String> = h
            .values
            .iter()
            .map(|(name, a)| format!("{name} = {}", a.id()))
            .collect();
        let _ = writeln!(
            out,
            "  Algorithm per delivery: the `{}` item of {} ({})",
            h.item,
            h.header,
            names.join(", ")
        );
    }
    if !s.required_headers.is_empty() {
        let _ = writeln!(
            out,
            "  Required headers: {} (the official verifier rejects a delivery without them)",
            s.required_headers.join(", ")
        );
    }
    for form in &s.also_signs {
        let _ = writeln!(
            out,
            "  Also signs: {} (tried after the raw body)",
            form.describe()
        );
    }
    for note in &s.notes {
        let _ = writeln!(out, "  Note: {note}");
    }
    let _ = writeln!(out, "  Source: {}", s.source);
    out
}

/// What the template's less obvious parts stand for (`{json:…}`, `{form:…}`, …), in order.
fn part_meanings(s: &Scheme) -> Vec<String> {
    use crate::scheme::Part;
    fn meaning(part: &Part) -> Option<(String, String)> {
        Some(match part {
            Part::Json {
                path,
                dialect: None,
            } => (
                format!("{{json:{path}}}"),
                format!("the JSON text of body field {path}, byte for byte as sent"),
            ),
            Part::Json {
                path,
                dialect: Some(d),
            } => (
                format!("{{json:{path}:{d}}}"),
                format!(
                    "body field {path} serialised again as {}",
                    crate::canonical::json_field::dialect_named(d)
                        .map_or("that dialect", |dialect| dialect.describe())
                ),
            ),
            Part::JsonString(inner) => {
                let (name, what) = match inner.as_ref() {
                    Part::Body => ("body".to_owned(), "the body".to_owned()),
                    Part::Timestamp => ("timestamp".to_owned(), "the timestamp".to_owned()),
                    Part::Id => ("id".to_owned(), "the delivery id".to_owned()),
                    Part::Header(n) => {
                        (n.clone(), format!("the {}", crate::input::describe_part(n)))
                    }
                    _ => return None,
                };
                (
                    format!("{{json_string:{name}}}"),
                    format!(
                        "{what} as a JSON string (quoted and escaped as JSON.stringify writes it)"
                    ),
                )
            }
            Part::Header(n) if n.contains(':') && !n.starts_with("body:") => (
                format!("{{{n}}}"),
                format!("the {}", crate::input::describe_part(n)),
            ),
            _ => return None,
        })
    }
    let mut seen = Vec::new();
    for (name, what) in s.template().parts.iter().filter_map(meaning) {
        let line = format!("{name} is {what}");
        if !seen.contains(&line) {
            seen.push(line);
        }
    }
    seen
}

/// The README table (kept in sync by a test).
pub fn markdown(schemes: &[Scheme]) -> String {
    let mut out = String::from(
        "| name | provider | signature header | algorithm | signed content | secret | tolerance |\n\
         |---|---|---|---|---|---|---|\n",
    );
    for s in schemes {
        let r = row(s);
        let tol = r
            .tolerance_seconds
            .map_or("—".to_owned(), |t| format!("{t} s"));
        let _ = writeln!(
            out,
            "| `{}` | {} | `{}` | {} | `{}` | {} | {} |",
            r.name,
            r.title.replace('|', "\\|"),
            r.signature_header,
            r.algorithm,
            one_line(&r.signed_content).replace('|', "\\|"),
            r.secret_format,
            tol
        );
    }
    out
}
