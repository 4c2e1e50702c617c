//! `--format json`: one object, schema_version 1. The wire structs are serialize-only so that
//! any change to the contract is a deliberate edit here.

use serde::Serialize;

use crate::outcome::{Cause, KeyInfo, Matched, Outcome, TimestampCheck, Warning};

pub const SCHEMA_VERSION: u32 = 1;

#[derive(Serialize)]
struct Report<'a> {
    schema_version: u32,
    verified: bool,
    provider: &'a str,
    algorithm: &'a str,
    matched: Option<Matched>,
    timestamp: Option<TimestampCheck>,
    causes: &'a [Cause],
    warnings: &'a [Warning],
    keys: &'a [KeyInfo],
}

#[derive(Serialize)]
struct ErrorReport<'a> {
    schema_version: u32,
    error: ErrorBody<'a>,
}

#[derive(Serialize)]
struct ErrorBody<'a> {
    code: &'a str,
    message: &'a str,
}

pub fn render(outcome: &Outcome) -> String {
    let report = Report {
        schema_version: SCHEMA_VERSION,
        verified: outcome.verified,
        provider: &outcome.provider,
        algorithm: &outcome.algorithm,
        matched: outcome.matched,
        timestamp: outcome.timestamp,
        causes: &outcome.causes,
        warnings: &outcome.warnings,
        keys: &outcome.keys,
    };
    let mut text = serde_json::to_string(&report).unwrap_or_default();
    text.push('\n');
    text
}

pub fn render_error(code: &str, message: &str) -> String {
    let report = ErrorReport {
        schema_version: SCHEMA_VERSION,
        error: ErrorBody { code, message },
    };
    let mut text = serde_json::to_string(&report).unwrap_or_default();
    text.push('\n');
    text
}
