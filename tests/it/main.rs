//! One integration-test binary (2-core CI links it once).

mod batch;
mod cli_errors;
mod completions;
mod detection;
mod fixtures;
mod fuzz_regressions;
mod hostile;
mod json_contract;
mod layers;
mod listen;
mod properties;
mod readme;
mod sign;
mod snapshots;
mod util;
mod verify_cli;
