//! The command line, declared with clap derive; nothing here runs anything.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

#[derive(Debug, Parser)]
#[command(
    name = "hookcheck",
    version,
    about = "Verify webhook signatures, and say why they fail",
    long_about = "Verify webhook signatures on the receiving side. hookcheck recomputes the \
                  provider's signature over the raw body in constant time, reports pass/fail, \
                  and on failure says why.",
    after_help = "Exit codes: 0 verified, 1 not verified, 2 usage or input error."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Verify one delivery's signature
    Verify(Box<VerifyArgs>),
    /// Check many captured deliveries (.http, .har, .jsonl files, directories or stdin)
    Batch(Box<BatchArgs>),
    /// List the provider schemes hookcheck knows, or explain one
    Providers(ProvidersArgs),
    /// Explain a cause or suspect code at length: what happened, how to confirm it, the fix
    Explain {
        /// The code, as in the report (e.g. body_json_reserialized)
        #[arg(value_name = "CODE")]
        code: String,
    },
    /// Print shell completions
    Completions {
        #[arg(value_enum, value_name = "SHELL")]
        shell: clap_complete::Shell,
    },
}

#[derive(Debug, Args)]
#[command(next_help_heading = "Delivery")]
pub struct VerifyArgs {
    /// A captured HTTP/1.x request: request line, headers, blank line, raw body
    #[arg(long, value_name = "FILE|-")]
    pub request: Option<PathBuf>,

    /// A header, 'Name: value' (repeatable; overrides the capture's header of that name)
    #[arg(short = 'H', long = "header", value_name = "'NAME: VALUE'")]
    pub headers: Vec<String>,

    /// Headers, one 'Name: value' per line
    #[arg(long, value_name = "FILE|-")]
    pub headers_file: Option<PathBuf>,

    /// The raw body, as given
    #[arg(short = 'b', long, value_name = "TEXT", conflicts_with = "body_file")]
    pub body: Option<String>,

    /// The raw body bytes, exactly [default: stdin when it is not a terminal]
    #[arg(long, value_name = "FILE|-")]
    pub body_file: Option<PathBuf>,

    /// The value of the provider's signature header (needs --provider)
    #[arg(short = 's', long, value_name = "VALUE")]
    pub signature: Option<String>,

    /// The value of the provider's timestamp header (needs --provider)
    #[arg(long, value_name = "VALUE")]
    pub timestamp: Option<String>,

    /// The digest your own receiver computed (from its logs): check it instead of the
    /// delivery's signature, and say which variant of body, secret or template produces it
    #[arg(long, value_name = "DIGEST")]
    pub computed: Option<String>,

    /// The public URL the provider delivered to (URL-signed schemes)
    #[arg(long, value_name = "URL")]
    pub url: Option<String>,

    /// The HTTP method of the delivery
    #[arg(long, value_name = "METHOD")]
    pub method: Option<String>,

    #[command(flatten)]
    pub check: CheckArgs,
}

/// What `verify` and `batch` share: keys, scheme, time and output.
#[derive(Debug, Args)]
pub struct CheckArgs {
    #[command(flatten)]
    pub keys: KeyArgs,

    #[command(flatten)]
    pub scheme: SchemeArgs,

    #[command(flatten)]
    pub time: TimeArgs,

    #[command(flatten)]
    pub output: OutputArgs,
}

#[derive(Debug, Args)]
#[command(next_help_heading = "Key (repeatable; the delivery verifies if any key matches)")]
pub struct KeyArgs {
    /// A secret, as text (prefer --secret-file or --secret-env: shell history keeps this)
    // A secret may start with `-`; taken as a value, it is never echoed as an unknown flag.
    #[arg(long = "secret", value_name = "TEXT", allow_hyphen_values = true)]
    pub secrets: Vec<String>,

    /// A file holding a secret; one trailing newline is removed
    #[arg(long = "secret-file", value_name = "FILE|-")]
    pub secret_files: Vec<PathBuf>,

    /// An environment variable holding a secret
    #[arg(long = "secret-env", value_name = "VAR")]
    pub secret_envs: Vec<String>,

    /// The sender's public key (Ed25519, ECDSA P-256): hex, base64, base64 DER or PEM
    #[arg(long = "public-key", value_name = "KEY")]
    pub public_keys: Vec<String>,

    /// A file holding the sender's public key; one trailing newline is removed
    #[arg(long = "public-key-file", value_name = "FILE|-")]
    pub public_key_files: Vec<PathBuf>,
}

#[derive(Debug, Args)]
#[command(next_help_heading = "Scheme")]
pub struct SchemeArgs {
    /// A provider name from `hookcheck providers`, or auto to detect it from the headers
    #[arg(short = 'p', long, value_name = "NAME", default_value = "auto")]
    pub provider: String,

    /// A scheme description file (TOML; see `hookcheck providers show NAME --format toml`)
    #[arg(long, value_name = "FILE", conflicts_with = "provider")]
    pub scheme: Option<PathBuf>,

    /// Use this HMAC hash instead of the scheme's
    #[arg(long, value_enum, value_name = "HASH")]
    pub algorithm: Option<HashArg>,

    /// The header carrying the token, for --provider header-token
    #[arg(long, value_name = "NAME")]
    pub token_header: Option<String>,
}

#[derive(Debug, Args)]
#[command(next_help_heading = "Time")]
pub struct TimeArgs {
    /// Verify as of this instant [default: the system clock]
    #[arg(long, value_name = "UNIX_SECONDS", allow_negative_numbers = true)]
    pub now: Option<i64>,

    /// Replay window in seconds [default: the provider's documented one]
    #[arg(long, value_name = "SECONDS", conflicts_with = "no_tolerance")]
    pub tolerance: Option<u64>,

    /// Skip the age check (for old captured payloads)
    #[arg(long)]
    pub no_tolerance: bool,
}

#[derive(Debug, Args)]
#[command(next_help_heading = "Output")]
pub struct OutputArgs {
    /// Output format
    #[arg(long, value_enum, value_name = "FORMAT", default_value_t = Format::Human)]
    pub format: Format,

    /// When to colour human output (NO_COLOR is honoured)
    #[arg(long, value_enum, value_name = "WHEN", default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,

    /// Print nothing; the exit code tells the result
    #[arg(short, long)]
    pub quiet: bool,

    /// Do not search for an explanation when the delivery does not verify
    #[arg(long)]
    pub no_diagnose: bool,
}

#[derive(Debug, Args)]
pub struct BatchArgs {
    /// Files (.http, .har, .jsonl/.ndjson), directories (searched recursively) or - for stdin
    #[arg(value_name = "PATH|-", required = true)]
    pub paths: Vec<PathBuf>,

    /// Also write a JUnit XML report (one testcase per delivery) to this file
    #[arg(long, value_name = "FILE")]
    pub junit: Option<PathBuf>,

    /// Stop at the first delivery that does not verify
    #[arg(long)]
    pub fail_fast: bool,

    /// Verify each JSON Lines delivery as of its own "now" field (the time it was received);
    /// without this flag input never sets the clock, and --now always wins
    #[arg(long)]
    pub now_from_input: bool,

    #[command(flatten)]
    pub check: CheckArgs,
}

#[derive(Debug, Args)]
pub struct ProvidersArgs {
    #[command(subcommand)]
    pub action: Option<ProvidersAction>,

    /// Output format
    #[arg(long, value_enum, value_name = "FORMAT", default_value_t = ListFormat::Table)]
    pub format: ListFormat,
}

#[derive(Debug, Subcommand)]
pub enum ProvidersAction {
    /// Explain one scheme, or print it as a scheme file to start a custom one from
    Show {
        /// The provider name
        #[arg(value_name = "NAME")]
        name: String,

        /// Output format
        #[arg(long, value_enum, value_name = "FORMAT", default_value_t = ShowFormat::Text)]
        format: ShowFormat,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Human,
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ListFormat {
    Table,
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ShowFormat {
    Text,
    Toml,
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum HashArg {
    Sha1,
    Sha256,
    Sha512,
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn cli_is_well_formed() {
        Cli::command().debug_assert();
    }
}
