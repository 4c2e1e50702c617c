//! Why a delivery did not verify. Each hypothesis (another body, secret, encoding, template,
//! URL, header or provider) is checked by really verifying the changed delivery; a cause is
//! reported only when one does. When none does, the answer is `secret_mismatch` with what was
//! tried. Observations that explain nothing on their own are warnings.

pub(crate) mod body;
pub(crate) mod charset;
pub(crate) mod computed;
pub(crate) mod diff;
pub(crate) mod envelope;
pub(crate) mod json;
pub(crate) mod json_combo;
pub(crate) mod keyorder;
pub(crate) mod secret;

mod observations;
mod search;
mod steps;
mod text;

/// The JSON dialects live with the canonical forms; kept here under their old path.
pub use crate::canonical::json_dialect;
/// The engine's own causes, kept here under their old paths.
pub use crate::verify::causes::{problem_cause, secret_mismatch};

use serde_json::Value;

use crate::input::{Delivery, Keys};
use crate::outcome::{CauseCode, Outcome};
use crate::scheme::Scheme;
use crate::verify::Options;

pub use search::PARTIAL_ABOVE;
use search::Search;

/// Runs the search after a failed check and rewrites `outcome.causes`: explanations backed by
/// a verifying variant first, then the check's own cause unless an explanation replaces it.
pub fn run(
    scheme: &Scheme,
    delivery: &Delivery,
    keys: &Keys,
    options: &Options,
    outcome: &mut Outcome,
) {
    let Some(base) = outcome.causes.first().map(|c| c.code) else {
        return;
    };
    let search = Search {
        scheme,
        delivery,
        keys,
        options: Options {
            diagnose: false,
            ..options.clone()
        },
        json: std::sync::OnceLock::new(),
        cut: std::sync::Mutex::new(Vec::new()),
        parsed: std::sync::OnceLock::new(),
        json_hits: std::sync::OnceLock::new(),
    };
    let mut tried = Vec::new();
    let found = match base {
        CauseCode::UnsignedProvider => return,
        CauseCode::TimestampOutsideTolerance => {
            search.timestamp_unit_window().into_iter().collect()
        }
        _ => search.explain(&mut tried),
    };
    let explained_secret = found.iter().any(|c| c.code == CauseCode::SecretWhitespace);
    outcome.warnings.extend(
        search
            .warnings()
            .into_iter()
            .filter(|w| !(explained_secret && w.code == "secret_whitespace")),
    );
    if found.is_empty() {
        outcome.suspects = search.suspects();
        if let Some(c) = outcome
            .causes
            .iter_mut()
            .find(|c| c.code == CauseCode::SecretMismatch)
        {
            if let Some(Value::Array(list)) = c.detail.get_mut("tried") {
                list.extend(tried.into_iter().map(Value::from));
            }
        }
        return;
    }
    outcome
        .causes
        .retain(|c| c.code != CauseCode::SecretMismatch);
    let mut causes = found;
    causes.append(&mut outcome.causes);
    outcome.causes = causes;
}
