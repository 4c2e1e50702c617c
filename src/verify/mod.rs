//! The engine: find the signatures, rebuild the signed content, recompute, compare in constant
//! time, check the timestamp window with an injected `now`.
//!
//! One file per step: `prepare` reads a delivery through its scheme, `verdict` builds the
//! outcome and dispatches by algorithm to `digest` (MACs and asymmetric signatures over the
//! template), `token` (shared tokens, Basic credentials) or `jwt` (signed JWTs);
//! `timestamp` checks the replay window, [`streaming`] verifies bodies too large to hold, and
//! `causes` words what the engine itself can tell.

pub(crate) mod causes;
pub(crate) mod digest;
pub(crate) mod jwt;
pub(crate) mod prepare;
pub mod streaming;
pub(crate) mod timestamp;
pub(crate) mod token;
pub(crate) mod verdict;

#[cfg(test)]
mod tests;

pub(crate) use crate::canonical::form::sorted_form;
pub use crate::scheme::signature::{
    FoundSignature, Problem, decode, extract_signatures, structured_items,
};
pub(crate) use prepare::Prepared;
pub(crate) use timestamp::{human_duration, timestamp_cause};
pub use verdict::{verifies, verify};

use crate::scheme::Algorithm;

/// How a check is run; the clock comes in from outside so that results are reproducible.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Options {
    /// Unix seconds to verify as of.
    pub now: i64,
    /// The replay window for signed timestamps.
    pub tolerance: Tolerance,
    /// Overrides the scheme's hash (`--algorithm`).
    pub algorithm: Option<Algorithm>,
    /// Header holding the token for token schemes (`--token-header`).
    pub token_header: Option<String>,
    /// Search for an explanation when the delivery does not verify.
    pub diagnose: bool,
}

impl Options {
    /// Options for a check as of `now` (Unix seconds): the provider's window, the scheme's
    /// algorithm, and a diagnosis on failure.
    pub fn at(now: i64) -> Options {
        Options {
            now,
            tolerance: Tolerance::ProviderDefault,
            algorithm: None,
            token_header: None,
            diagnose: true,
        }
    }
}

/// The replay window a check applies to a signed timestamp.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tolerance {
    /// The provider's documented window, else hookcheck's default for a signed timestamp.
    ProviderDefault,
    /// This many seconds.
    Seconds(u64),
    /// Skip the age check (old captured payloads).
    Off,
}
