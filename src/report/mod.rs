//! Outcome → bytes, one renderer per format. Renderers are pure: no clock, no terminal queries.

/// Escaping untrusted text lives below the engine, which quotes header values in its causes.
pub mod human;
pub mod json;
pub mod junit;
pub mod providers;
pub mod style;
