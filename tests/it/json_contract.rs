//! The JSON output is a contract: parse it into structs that reject unknown fields, so any
//! change to the schema is a deliberate edit here and in the README.

use serde::Deserialize;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Report {
    pub schema_version: u32,
    pub verified: bool,
    pub provider: String,
    pub algorithm: String,
    pub matched: Option<Matched>,
    pub timestamp: Option<Timestamp>,
    pub causes: Vec<Cause>,
    /// Alterations that cannot be undone; never causes, never on a verified delivery.
    pub suspects: Vec<Suspect>,
    pub warnings: Vec<Warning>,
    pub keys: Vec<Key>,
    #[serde(default)]
    pub computed: Option<Computed>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Computed {
    pub matches: bool,
    pub causes: Vec<Cause>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Matched {
    pub key_index: usize,
    pub signature_index: usize,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Timestamp {
    pub value: i64,
    pub age_seconds: i64,
    pub tolerance_seconds: Option<u64>,
    pub within: bool,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Cause {
    pub code: String,
    pub summary: String,
    pub detail: serde_json::Map<String, serde_json::Value>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Suspect {
    pub code: String,
    pub summary: String,
    #[allow(dead_code)]
    pub detail: serde_json::Map<String, serde_json::Value>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Warning {
    pub code: String,
    pub summary: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Key {
    pub length: usize,
    pub fingerprint: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ErrorReport {
    pub schema_version: u32,
    pub error: ErrorBody,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ErrorBody {
    pub code: String,
    pub message: String,
}

pub fn parse(stdout: &str) -> Report {
    let report: Report =
        serde_json::from_str(stdout).unwrap_or_else(|e| panic!("contract broken: {e}\n{stdout}"));
    assert_eq!(report.schema_version, 1);
    assert_eq!(
        report.verified,
        report.causes.is_empty(),
        "causes empty exactly when verified: {stdout}"
    );
    if let Some(m) = &report.matched {
        assert!(
            m.key_index < report.keys.len().max(1) && m.signature_index < 64,
            "{stdout}"
        );
    }
    for c in &report.causes {
        assert!(is_snake(&c.code) && !c.summary.is_empty(), "{c:?}");
    }
    for s in &report.suspects {
        assert!(
            is_snake(&s.code) && s.summary.starts_with("looks like") && !report.verified,
            "{s:?}"
        );
    }
    for w in &report.warnings {
        assert!(is_snake(&w.code) && !w.summary.is_empty(), "{w:?}");
    }
    for k in &report.keys {
        assert!(
            k.fingerprint.starts_with("sha256:") && k.fingerprint.len() == 15,
            "{k:?}"
        );
    }
    report
}

pub fn parse_error(stdout: &str) -> ErrorReport {
    let report: ErrorReport = serde_json::from_str(stdout)
        .unwrap_or_else(|e| panic!("error contract broken: {e}\n{stdout}"));
    assert_eq!(report.schema_version, 1);
    assert!(is_snake(&report.error.code) && !report.error.message.is_empty());
    report
}

fn is_snake(code: &str) -> bool {
    !code.is_empty()
        && code
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
}
