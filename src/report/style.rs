//! The palette: every coloured word goes through here. Whether colour is on is decided once, by
//! the caller (the binary asks `anstream`, which reads `--color`, NO_COLOR, CLICOLOR and
//! CLICOLOR_FORCE), and is off until then.

use std::fmt;
use std::sync::atomic::{AtomicBool, Ordering};

use anstyle::{AnsiColor, Style};

static ENABLED: AtomicBool = AtomicBool::new(false);

/// Turns colour on or off for every report rendered after this call.
pub fn set_enabled(on: bool) {
    ENABLED.store(on, Ordering::Relaxed);
}

/// A word in a style; plain text while colour is off.
#[derive(Debug, Clone, Copy)]
pub struct Painted<'a> {
    text: &'a str,
    style: Style,
}

impl fmt::Display for Painted<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if ENABLED.load(Ordering::Relaxed) {
            write!(f, "{}{}{:#}", self.style, self.text, self.style)
        } else {
            f.write_str(self.text)
        }
    }
}

fn paint(text: &str, style: Style) -> Painted<'_> {
    Painted { text, style }
}

/// A verdict that passed.
pub fn ok(text: &str) -> Painted<'_> {
    paint(text, AnsiColor::Green.on_default().bold())
}

/// A verdict that failed.
pub fn fail(text: &str) -> Painted<'_> {
    paint(text, AnsiColor::Red.on_default().bold())
}

/// A warning.
pub fn warn(text: &str) -> Painted<'_> {
    paint(text, AnsiColor::Yellow.on_default().bold())
}

/// What to do next.
pub fn hint(text: &str) -> Painted<'_> {
    paint(text, AnsiColor::Cyan.on_default())
}

/// Detail that matters less.
pub fn dim(text: &str) -> Painted<'_> {
    paint(text, Style::new().dimmed())
}

/// Emphasis.
pub fn strong(text: &str) -> Painted<'_> {
    paint(text, Style::new().bold())
}
