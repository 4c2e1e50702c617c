//! hookcheck verifies webhook signatures on the receiving side and, when one does not match,
//! says why.
//!
//! ```
//! use hookcheck::{check, Delivery, Headers, Keys, Options, Secret, scheme::registry};
//!
//! let mut headers = Headers::new();
//! headers.push(
//!     "X-Hub-Signature-256",
//!     "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17",
//! );
//! let delivery = Delivery::new(headers, "Hello, World!");
//! let github = registry::find("github").unwrap();
//! let keys = Keys::from(Secret::new("It's a Secret to Everybody"));
//! let outcome = check(github, &delivery, &keys, &Options::at(0));
//! assert!(outcome.verified);
//! ```

pub mod asymmetric;
pub mod autodetect;
pub mod batch;
pub mod canonical;
pub mod check;
pub mod cli;
pub mod diagnose;
pub mod error;
pub mod escape;
pub mod exit;
pub mod explain;
pub mod input;
pub mod jwt;
pub mod keyfetch;
pub mod listen;
pub mod mac;
pub mod outcome;
pub mod report;
pub mod rsa_signature;
pub mod run;
pub mod scheme;
pub mod sign;
pub mod sign_command;
pub mod stream;
pub mod verify;

pub use check::check;
pub use input::{Delivery, Headers, Key, Keys, PublicKey, Secret};
pub use outcome::{Cause, CauseCode, Outcome};
pub use scheme::Scheme;
pub use verify::{Options, Tolerance, verifies, verify};
