//! The `hookcheck` binary: everything it does beyond parsing arguments, printing and choosing the
//! exit code lives in the library.

use std::process::ExitCode;

mod cli;

fn main() -> ExitCode {
    cli::run::run(std::env::args_os()).into()
}
