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

#![deny(missing_docs)]

// The API: check (verify + diagnose), the engine, detection, schemes, inputs, outcomes, reports
// and signing. the README's "As a library" section states what may change between versions.
pub mod autodetect;
pub mod check;
pub mod diagnose;
pub mod error;
pub mod explain;
pub mod input;
pub mod outcome;
pub mod report;
pub mod scheme;
pub mod sign;
pub mod verify;

// Public only for the binary, the benches and the fuzz targets: not part of the API, and not
// covered by the semver policy.
#[doc(hidden)]
pub mod asymmetric;
#[doc(hidden)]
pub mod batch;
#[doc(hidden)]
pub mod canonical;
#[doc(hidden)]
pub mod escape;
#[doc(hidden)]
pub mod jwt;
#[doc(hidden)]
pub mod mac;

pub use check::check;
pub use error::Error;
pub use input::{Delivery, Headers, Key, Keys, PublicKey, Secret};
pub use outcome::{Cause, CauseCode, Outcome};
pub use scheme::Scheme;
pub use verify::{Options, Tolerance, verifies, verify};
