//! The causes the engine itself reports: a signature that cannot be read, and one no key
//! reproduces. The diagnosis (`crate::diagnose`) adds the causes that explain a mismatch.

use crate::input::Delivery;
use crate::outcome::{Cause, CauseCode, Detail};
use crate::scheme::{Scheme, detect};

use super::{Prepared, Problem};

/// The cause for a delivery whose signature could not even be read.
pub fn problem_cause(scheme: &Scheme, delivery: &Delivery, problem: &Problem) -> Cause {
    match problem {
        Problem::Missing { header, what } => {
            let mut cause = Cause::new(
                CauseCode::MissingHeader,
                format!(
                    "the {what} {} that {} needs is not in the delivery",
                    crate::input::describe_part(header),
                    scheme.title
                ),
            )
            .with(Detail::Header(Some(header.clone())))
            .with(Detail::Role(what));
            match detect::looks_like(delivery).filter(|s| s.name != scheme.name) {
                Some(other) => {
                    cause
                        .summary
                        .push_str(&format!("; the headers look like {}", other.title));
                    cause = cause
                        .with(Detail::LooksLike(Some(other.name.clone())))
                        .fix(format!("try --provider {}", other.name));
                }
                None => {
                    cause = cause.with(Detail::LooksLike(None)).fix(
                        "check that the capture kept every header (proxies and loggers drop some)",
                    );
                }
            }
            cause
        }
        Problem::Malformed { header, reason } => Cause::new(
            CauseCode::SignatureMalformed,
            format!("{header} is present but cannot be read: {reason}"),
        )
        .with(Detail::Header(Some(header.clone())))
        .with(Detail::Reason(reason.clone())),
    }
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
    .with(Detail::Tried(tried))
    .fix("check that the secret belongs to this endpoint and environment (test vs live), and that the body is the raw bytes received")
}
