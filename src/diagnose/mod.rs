//! Why a delivery did not verify. A cause is only reported when a concrete variant verifies
//! or the check itself establishes it; otherwise the answer is `secret_mismatch`.

use serde_json::json;

use crate::input::{Delivery, Secret};
use crate::outcome::{Cause, CauseCode, Warning};
use crate::scheme::{Scheme, SignedBody, detect};
use crate::verify::{Options, Prepared, Problem};

/// The cause for a delivery whose signature could not even be read.
pub fn problem_cause(
    scheme: &Scheme,
    delivery: &Delivery,
    _keys: &[Secret],
    _options: &Options,
    problem: &Problem,
) -> Cause {
    match problem {
        Problem::Missing { header, what } => {
            let mut cause = Cause::new(
                CauseCode::MissingHeader,
                format!(
                    "the {what} header {header} that {} needs is not in the delivery",
                    scheme.title
                ),
            )
            .detail("header", header.clone())
            .detail("role", *what);
            match detect::looks_like(delivery).filter(|s| s.name != scheme.name) {
                Some(other) => {
                    cause
                        .summary
                        .push_str(&format!("; the headers look like {}", other.title));
                    cause = cause
                        .detail("looks_like", other.name.clone())
                        .fix(format!("try --provider {}", other.name));
                }
                None => {
                    cause = cause.detail("looks_like", serde_json::Value::Null).fix(
                        "check that the capture kept every header (proxies and loggers drop some)",
                    )
                }
            }
            cause
        }
        Problem::Malformed { header, reason } => Cause::new(
            CauseCode::SignatureMalformed,
            format!("{header} is present but cannot be read: {reason}"),
        )
        .detail("header", header.clone())
        .detail("reason", reason.clone()),
    }
}

/// Searches for an explanation of a mismatch.
pub fn explain(
    prepared: &Prepared,
    _keys: &[Secret],
    _options: &Options,
    _warnings: &mut Vec<Warning>,
) -> Vec<Cause> {
    vec![secret_mismatch(prepared, Vec::new())]
}

/// The cause when nothing explains the mismatch, with what was tried.
pub fn secret_mismatch(prepared: &Prepared, tried: Vec<String>) -> Cause {
    let n = prepared.signatures.len();
    let mut tried = tried;
    tried.insert(
        0,
        format!(
            "{} of the scheme's signed content `{}` with each key",
            prepared.algorithm.id(),
            prepared.scheme.signed
        ),
    );
    Cause::new(
        CauseCode::SecretMismatch,
        format!(
            "no key reproduces the {} in {}: a different secret, or content altered on the way",
            if n == 1 { "signature".to_owned() } else { format!("{n} signatures") },
            prepared.signatures.first().map_or("", |s| s.header.as_str()),
        ),
    )
    .detail("tried", json!(tried))
    .fix("check that the secret belongs to this endpoint and environment (test vs live), and that the body is the raw bytes received")
}

/// A body the sender is documented to sign instead of the raw bytes (see `Scheme::also_signs`).
pub fn signed_body(form: SignedBody, _raw: &[u8]) -> Option<Vec<u8>> {
    match form {
        SignedBody::PythonJsonDumps => None,
    }
}
