//! `--format json`: one object, schema_version 1. The wire structs are serialize-only so that
//! any change to the contract is a deliberate edit here.

use serde::Serialize;

use crate::outcome::{
    Cause, ComputedFinding, KeyInfo, Matched, Outcome, Suspect, TimestampCheck, Warning,
};

/// The version of the JSON report's shape; it changes only when a field changes meaning or goes away (new fields may appear within a version).
pub const SCHEMA_VERSION: u32 = 1;

#[derive(Serialize)]
struct Report<'a> {
    schema_version: u32,
    /// Where a batch delivery came from; absent for `verify`.
    #[serde(skip_serializing_if = "Option::is_none")]
    source: Option<&'a str>,
    verified: bool,
    provider: &'a str,
    algorithm: &'a str,
    matched: Option<Matched>,
    timestamp: Option<TimestampCheck>,
    causes: &'a [Cause],
    /// Alterations that cannot be undone; never causes.
    suspects: &'a [Suspect],
    warnings: &'a [Warning],
    keys: &'a [KeyInfo],
    /// Only with `--computed`.
    #[serde(skip_serializing_if = "Option::is_none")]
    computed: Option<&'a ComputedFinding>,
}

#[derive(Serialize)]
struct ErrorReport<'a> {
    schema_version: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    source: Option<&'a str>,
    error: ErrorBody<'a>,
}

#[derive(Serialize)]
struct ErrorBody<'a> {
    code: &'a str,
    message: &'a str,
}

/// One outcome as a JSON object on one line, newline-terminated.
pub fn render(outcome: &Outcome) -> String {
    render_from(outcome, None)
}

/// A batch line: the `verify` object plus `"source"`.
pub fn render_from(outcome: &Outcome, source: Option<&str>) -> String {
    let report = Report {
        schema_version: SCHEMA_VERSION,
        source,
        verified: outcome.verified,
        provider: &outcome.provider,
        algorithm: &outcome.algorithm,
        matched: outcome.matched,
        timestamp: outcome.timestamp,
        causes: &outcome.causes,
        suspects: &outcome.suspects,
        warnings: &outcome.warnings,
        keys: &outcome.keys,
        computed: outcome.computed.as_ref(),
    };
    let mut text = serde_json::to_string(&report).unwrap_or_default();
    text.push('\n');
    text
}

/// An error report (`{"schema_version":1,"error":{"code":…,"message":…}}`).
pub fn render_error(code: &str, message: &str) -> String {
    render_error_from(code, message, None)
}

/// An error report for one batch entry, with where it came from.
pub fn render_error_from(code: &str, message: &str, source: Option<&str>) -> String {
    let report = ErrorReport {
        schema_version: SCHEMA_VERSION,
        source,
        error: ErrorBody { code, message },
    };
    let mut text = serde_json::to_string(&report).unwrap_or_default();
    text.push('\n');
    text
}

/// The last line of `batch --format json`.
pub fn render_summary(summary: &crate::batch::Summary, seconds: f64) -> String {
    #[derive(Serialize)]
    struct Line<'a> {
        summary: SummaryBody<'a>,
    }
    #[derive(Serialize)]
    struct SummaryBody<'a> {
        #[serde(flatten)]
        counts: &'a crate::batch::Summary,
        seconds: f64,
    }
    let line = Line {
        summary: SummaryBody {
            counts: summary,
            seconds: (seconds * 1000.0).round() / 1000.0,
        },
    };
    let mut text = serde_json::to_string(&line).unwrap_or_default();
    text.push('\n');
    text
}
