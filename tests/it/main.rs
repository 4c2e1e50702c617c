//! One integration-test binary (2-core CI links it once).

mod batch;
mod cli_errors;
mod completions;
mod fixtures;
mod json_contract;
mod listen;
mod properties;
mod readme;
mod sign;
mod snapshots;
mod util;
mod verify_cli;
