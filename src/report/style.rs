//! The palette: every coloured word goes through here. Whether colour is on is decided once.

use std::io::IsTerminal;

use colored::{ColoredString, Colorize};

use crate::cli::ColorChoice;

/// `--color` beats NO_COLOR, which beats TERM=dumb, which beats whether stdout is a terminal.
pub fn decide(choice: ColorChoice) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
            let dumb = std::env::var_os("TERM").is_some_and(|t| t == "dumb");
            !no_color && !dumb && std::io::stdout().is_terminal()
        }
    }
}

pub fn apply(on: bool) {
    colored::control::set_override(on);
}

pub fn ok(text: &str) -> ColoredString {
    text.green().bold()
}

pub fn fail(text: &str) -> ColoredString {
    text.red().bold()
}

pub fn warn(text: &str) -> ColoredString {
    text.yellow().bold()
}

pub fn hint(text: &str) -> ColoredString {
    text.cyan()
}

pub fn dim(text: &str) -> ColoredString {
    text.dimmed()
}

pub fn strong(text: &str) -> ColoredString {
    text.bold()
}
