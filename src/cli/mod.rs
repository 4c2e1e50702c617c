//! The command line, which only the binary uses: arguments ([`args`]), one file per subcommand,
//! input flags read from files or stdin, and the mapping of errors to exit codes.

pub(crate) mod args;
pub(crate) mod batch;
pub(crate) mod color;
pub(crate) mod exit;
pub(crate) mod listen;
pub(crate) mod run;
pub(crate) mod sign;
pub(crate) mod source;
pub(crate) mod usage;

pub(crate) use args::*;
