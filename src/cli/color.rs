//! Whether reports are coloured: `--color`, then what anstream reads from the environment.

use crate::cli::ColorChoice;

/// `--color always|never` wins; `auto` leaves it to anstream, which honours NO_COLOR, then
/// CLICOLOR_FORCE (colour even into a pipe), then CLICOLOR=0 and TERM=dumb, then whether stdout
/// is a terminal: the order ripgrep, fd and clap's users know.
pub(crate) fn decide(choice: ColorChoice) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            anstream::AutoStream::choice(&std::io::stdout()) != anstream::ColorChoice::Never
        }
    }
}

/// Decides and applies the colour choice for everything printed after this call.
pub(crate) fn apply(choice: ColorChoice) {
    hookcheck::report::style::set_enabled(decide(choice));
}
