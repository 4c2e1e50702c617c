//! The one entry point for a full check: the engine's verdict, then, when the delivery does
//! not verify and the options ask for it, the diagnosis of why. The engine (`verify`) never
//! diagnoses; the diagnosis is built on the engine, so the layers only point down.

use crate::diagnose;
use crate::input::{Delivery, Keys};
use crate::outcome::Outcome;
use crate::scheme::Scheme;
use crate::verify::{self, Options};

/// Verifies `delivery` under `scheme` with `keys`, and diagnoses a failure when
/// `options.diagnose` is set.
///
/// The diagnosis also runs when only the timestamp failed, to say the signature itself is
/// good. It never changes the verdict.
pub fn check(scheme: &Scheme, delivery: &Delivery, keys: &Keys, options: &Options) -> Outcome {
    let mut outcome = verify::verify(scheme, delivery, keys, options);
    if options.diagnose && !outcome.verified {
        diagnose::explain_failure(scheme, delivery, keys, options, &mut outcome);
    }
    outcome
}
