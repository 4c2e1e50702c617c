//! The engine: find the signatures, rebuild the signed content, recompute, compare in constant
//! time, check the timestamp window with an injected `now`.
//!
//! One file per step: [`prepare`] reads a delivery through its scheme, [`verdict`] builds the
//! outcome and dispatches by algorithm to [`digest`] (MACs and asymmetric signatures over the
//! template), [`token`] (shared tokens, Basic credentials) or [`jwt`] (signed JWTs);
//! [`timestamp`] checks the replay window, [`streaming`] verifies bodies too large to hold, and
//! [`causes`] words what the engine itself can tell.

pub mod causes;
pub mod digest;
pub mod jwt;
pub mod prepare;
pub mod streaming;
pub mod timestamp;
pub mod token;
pub mod verdict;

#[cfg(test)]
mod tests;

pub use crate::canonical::form::sorted_form;
pub use crate::scheme::signature::{
    FoundSignature, Problem, decode, extract_signatures, structured_items,
};
pub use prepare::Prepared;
pub use timestamp::{human_duration, iso8601_seconds, rfc3339_seconds, timestamp_cause};
pub use verdict::{verifies, verify};

use crate::scheme::Algorithm;

/// How a check is run; the clock comes in from outside so that results are reproducible.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Options {
    /// Unix seconds to verify as of.
    pub now: i64,
    pub tolerance: Tolerance,
    /// Overrides the scheme's hash (`--algorithm`).
    pub algorithm: Option<Algorithm>,
    /// Header holding the token for token schemes (`--token-header`).
    pub token_header: Option<String>,
    /// Search for an explanation when the delivery does not verify.
    pub diagnose: bool,
}

impl Options {
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

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tolerance {
    ProviderDefault,
    Seconds(u64),
    /// Skip the age check (old captured payloads).
    Off,
}
