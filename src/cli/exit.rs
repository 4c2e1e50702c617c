//! Exit codes: the contract CI scripts depend on.

use std::process::ExitCode;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    /// The delivery verified.
    Verified = 0,
    /// Mismatch, outside the replay window, or signature header missing.
    NotVerified = 1,
    /// A usage or input error.
    Usage = 2,
}

impl From<Exit> for ExitCode {
    fn from(exit: Exit) -> ExitCode {
        ExitCode::from(exit as u8)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_the_documented_ones() {
        assert_eq!(Exit::Verified as u8, 0);
        assert_eq!(Exit::NotVerified as u8, 1);
        assert_eq!(Exit::Usage as u8, 2);
    }
}
