//! One integration-test binary (2-core CI links it once).

mod batch;
mod cli_errors;
mod completions;
mod fixtures;
mod fuzz_regressions;
mod json_contract;
mod properties;
mod readme;
mod snapshots;
mod util;
mod verify_cli;
