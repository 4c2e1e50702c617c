//! The one entry point for a full check: the engine's verdict, then, when the delivery does
//! not verify and the options ask for it, the diagnosis of why. The engine (`verify`) never
//! diagnoses; the diagnosis is built on the engine, so the layers only point down.

use crate::diagnose;
use crate::input::{Delivery, Keys};
use crate::outcome::{ComputedFinding, Outcome};
use crate::scheme::Scheme;
use crate::verify::{self, Options};

/// Verifies `delivery` under `scheme` with `keys`, and diagnoses a failure when
/// `options.diagnose` is set.
///
/// The diagnosis also runs when only the timestamp failed, to say the signature itself is
/// good. It never changes the verdict.
pub fn check(scheme: &Scheme, delivery: &Delivery, keys: &Keys, options: &Options) -> Outcome {
    let verification = verify::verify(scheme, delivery, keys, options);
    check_verified(scheme, delivery, keys, options, verification)
}

/// [`check`], given `verification`: `verify::verify` of this same delivery under this scheme
/// with these keys and options (as auto-detection's
/// [`Detection::verification`](crate::autodetect::Detection::verification) is), so that the
/// body is not hashed again. The diagnosis runs as in [`check`].
pub fn check_verified(
    scheme: &Scheme,
    delivery: &Delivery,
    keys: &Keys,
    options: &Options,
    verification: Outcome,
) -> Outcome {
    let mut outcome = verification;
    if options.diagnose && !outcome.verified {
        diagnose::explain_failure(scheme, delivery, keys, options, &mut outcome);
    }
    outcome
}

/// Checks the digest a receiver computed (`digest`, as text) beside the delivery's own
/// signature: the outcome is the delivery's own verdict (not diagnosed), and its `computed`
/// finding says whether the receiver's digest is right and, when it is not, which variant of
/// body, secret or template produces it: that variant is the receiver's bug.
pub fn check_computed(
    scheme: &Scheme,
    delivery: &Delivery,
    keys: &Keys,
    options: &Options,
    digest: &str,
) -> Outcome {
    let quick = Options {
        diagnose: false,
        ..options.clone()
    };
    let mut outcome = verify::verify(scheme, delivery, keys, &quick);
    let (rewritten, with_digest) = diagnose::computed::rewrite(scheme, delivery, digest);
    let finding = check(&rewritten, &with_digest, keys, options);
    outcome.computed = Some(ComputedFinding {
        matches: finding.matched.is_some(),
        causes: finding.causes,
    });
    outcome
}
