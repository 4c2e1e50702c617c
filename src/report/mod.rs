//! Outcome → bytes, one renderer per format. Renderers are pure: no clock, no terminal queries.

pub mod escape;
pub mod human;
pub mod json;
pub mod junit;
pub mod providers;
pub mod style;
