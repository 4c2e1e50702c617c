//! The palette: every coloured word goes through here. Whether colour is on is decided once.

use std::io::IsTerminal;

use colored::{ColoredString, Colorize};

use crate::cli::ColorChoice;

/// `--color` beats NO_COLOR, which beats CLICOLOR_FORCE (colour even into a pipe), which beats
/// CLICOLOR=0 and TERM=dumb, which beat whether stdout is a terminal: the order anstream and
/// the other CLIs users know (ripgrep, fd) follow.
pub fn decide(choice: ColorChoice) -> bool {
    let set = |name: &str| std::env::var_os(name).is_some_and(|v| !v.is_empty() && v != "0");
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto if std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()) => false,
        ColorChoice::Auto if set("CLICOLOR_FORCE") => true,
        ColorChoice::Auto => {
            let off = std::env::var_os("CLICOLOR").is_some_and(|v| v == "0");
            let dumb = std::env::var_os("TERM").is_some_and(|t| t == "dumb");
            !off && !dumb && std::io::stdout().is_terminal()
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
