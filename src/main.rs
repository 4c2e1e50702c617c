use std::process::ExitCode;

fn main() -> ExitCode {
    hookcheck::run::run(std::env::args_os()).into()
}
