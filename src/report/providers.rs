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
        signed_content: if s.signature.headers.is_empty() {
            "—".to_owned()
        } else if let Some(jwt) = &s.jwt {
            format!("JWT, {} = {}({{body}})", jwt.body_claim, jwt.body_hash.id())
        } else {
            s.signed.clone()
        },
        secret_format: s.secret.id().to_owned(),
        tolerance_seconds: s.timestamp.as_ref().and_then(|t| t.window()),
        source: s.source.clone(),
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

/// One scheme in prose, with its source.
pub fn prose(s: &Scheme) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{} ({})", s.title, s.name);
    if s.signature.headers.is_empty() {
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
            let algs: Vec<&str> = jwt.algorithms.iter().map(|a| a.id()).collect();
            let _ = writeln!(
                out,
                "  Header value: a JWT (compact JWS) signed with {} (no other alg, `none` included)",
                algs.join(" or ")
            );
            let _ = writeln!(out, "  Algorithm: jwt");
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
            claims.push(format!(
                "{} = {} {} of the body",
                jwt.body_claim,
                jwt.body_hash_encoding.id(),
                jwt.body_hash.id()
            ));
            claims.push(format!("exp/iat/nbf with {} s leeway", jwt.leeway));
            let _ = writeln!(out, "  Claims: {}", claims.join("; "));
        } else {
            let _ = writeln!(
                out,
                "  Header value: {shape}, {}-encoded",
                s.signature.encoding.id()
            );
            let _ = writeln!(out, "  Algorithm: {}", s.algorithm.id());
        }
        if s.algorithm.is_digest() {
            let _ = writeln!(out, "  Signed content: {}", s.signed);
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
    let _ = writeln!(out, "  Secret: {secret}");
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
