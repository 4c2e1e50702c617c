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
    /// Make a correctly signed delivery for a scheme (a capture, headers, curl or JSON)
    Sign(Box<SignArgs>),
    /// Send a capture, or a freshly signed delivery, to a receiver
    Send(Box<SendArgs>),
    /// Run a local receiver that verifies every delivery live (and answers challenges)
    Listen(Box<ListenArgs>),
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
    /// Print the man page (roff), as committed in man/hookcheck.1
    #[command(hide = true)]
    Man,
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

/// `--param`: what a scheme signs that no delivery carries.
#[derive(Debug, Args)]
#[command(next_help_heading = "Delivery")]
pub struct ParamArgs {
    /// A value the scheme signs that the delivery does not carry, 'NAME=VALUE' (repeatable;
    /// PayPal: --param webhook_id=ID)
    #[arg(long = "param", value_name = "NAME=VALUE")]
    pub params: Vec<String>,
}

/// `--fetch-keys` and its cache.
#[derive(Debug, Args)]
#[command(next_help_heading = "Certificates named by the delivery")]
pub struct FetchArgs {
    /// Fetch the certificate the delivery names (PayPal's PAYPAL-CERT-URL, Amazon SNS's
    /// SigningCertURL): only over HTTPS from the provider's documented hosts, checked before
    /// any request, and kept in --key-cache
    #[arg(long)]
    pub fetch_keys: bool,

    /// Where --fetch-keys keeps certificates; a certificate found there is used without a
    /// request [default: the user's cache directory, hookcheck/certs]
    #[arg(long, value_name = "DIR", requires = "fetch_keys")]
    pub key_cache: Option<PathBuf>,

    /// How long --fetch-keys waits for the provider's answer
    #[arg(
        long,
        value_name = "SECONDS",
        default_value_t = 10,
        requires = "fetch_keys"
    )]
    pub fetch_timeout: u64,
}

/// What `verify`, `batch` and `listen` share: keys, scheme, parameters, certificates, time and
/// output.
#[derive(Debug, Args)]
pub struct CheckArgs {
    #[command(flatten)]
    pub keys: KeyArgs,

    #[command(flatten)]
    pub params: ParamArgs,

    #[command(flatten)]
    pub fetch: FetchArgs,

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

    /// The sender's public key (Ed25519, ECDSA P-256, RSA): hex, base64, base64 DER or PEM
    #[arg(long = "public-key", value_name = "KEY")]
    pub public_keys: Vec<String>,

    /// A file holding the sender's public key; one trailing newline is removed
    #[arg(long = "public-key-file", value_name = "FILE|-")]
    pub public_key_files: Vec<PathBuf>,

    /// The sender's X.509 certificate (PEM or DER), for RSA schemes (Amazon SNS, PayPal): its
    /// public key checks the signature; its chain is not checked
    #[arg(long = "cert-file", value_name = "FILE|-")]
    pub cert_files: Vec<PathBuf>,

    /// The sender's public keys as a JSON Web Key Set (`{"keys": [...]}`) or one JWK (RSA, EC,
    /// Ed25519): each key is tried for the token whose `kid` names it
    #[arg(long = "jwks-file", value_name = "FILE|-")]
    pub jwks_files: Vec<PathBuf>,
}

#[derive(Debug, Args)]
#[command(next_help_heading = "Scheme")]
pub struct SchemeArgs {
    /// A provider name from `hookcheck providers`, or auto to detect it from the headers
    #[arg(short = 'p', long, value_name = "NAME", default_value = "auto",
          value_parser = ProviderName, hide_possible_values = true)]
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
        #[arg(value_name = "NAME", value_parser = ProviderName, hide_possible_values = true)]
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
    Md5,
    Sha1,
    Sha256,
    Sha384,
    Sha512,
}

/// The delivery `sign` and `send` make: body, request and the values normally made fresh.
#[derive(Debug, Args)]
#[command(next_help_heading = "Delivery")]
pub struct SignDeliveryArgs {
    /// The raw body, as given
    #[arg(short = 'b', long, value_name = "TEXT", conflicts_with = "body_file")]
    pub body: Option<String>,

    /// The raw body bytes, exactly [default: stdin when it is not a terminal]
    #[arg(long, value_name = "FILE|-")]
    pub body_file: Option<PathBuf>,

    /// An extra header to send, 'Name: value' (repeatable)
    #[arg(short = 'H', long = "header", value_name = "'NAME: VALUE'")]
    pub headers: Vec<String>,

    /// The signing time [default: now]
    #[arg(long, value_name = "UNIX_SECONDS", allow_negative_numbers = true)]
    pub timestamp: Option<i64>,

    /// The delivery id, for schemes that sign one [default: a fresh random id]
    #[arg(long, value_name = "ID")]
    pub id: Option<String>,

    /// The URL the delivery is for (URL-signed schemes sign it)
    #[arg(long, value_name = "URL")]
    pub url: Option<String>,

    /// The HTTP method
    #[arg(long, value_name = "METHOD", default_value = "POST")]
    pub method: String,
}

/// The private key for Ed25519 and ECDSA schemes.
#[derive(Debug, Args)]
#[command(next_help_heading = "Key")]
pub struct PrivateKeyArgs {
    /// The sender's private key (Ed25519, ECDSA P-256): PEM, base64/hex PKCS#8 DER, Ed25519
    /// seed + public key, or a P-256 scalar
    #[arg(long, value_name = "FILE|-")]
    pub private_key_file: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct SignArgs {
    #[command(flatten)]
    pub delivery: SignDeliveryArgs,

    #[command(flatten)]
    pub keys: KeyArgs,

    #[command(flatten)]
    pub private_key: PrivateKeyArgs,

    #[command(flatten)]
    pub scheme: SchemeArgs,

    /// Output format
    #[arg(long, value_enum, value_name = "FORMAT", default_value_t = SignFormat::Http)]
    pub format: SignFormat,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SignFormat {
    /// An HTTP/1.1 capture, as `verify --request` and `batch` read
    Http,
    /// The headers, one 'Name: value' per line
    Headers,
    /// A curl command
    Curl,
    /// One JSON object, in the JSON Lines shape `batch` reads
    Json,
}

#[derive(Debug, Args)]
pub struct SendArgs {
    /// The receiver's URL (http:// or https://)
    #[arg(value_name = "URL")]
    pub target: String,

    /// A captured delivery to send as it is (or re-signed with --resign)
    #[arg(long, value_name = "FILE|-")]
    pub request: Option<PathBuf>,

    /// Give the capture a fresh timestamp and id, and sign it again with the given key
    #[arg(long, requires = "request")]
    pub resign: bool,

    /// Seconds to wait for the response
    #[arg(long, value_name = "SECONDS", default_value_t = 30)]
    pub timeout: u64,

    #[command(flatten)]
    pub delivery: SignDeliveryArgs,

    #[command(flatten)]
    pub keys: KeyArgs,

    #[command(flatten)]
    pub private_key: PrivateKeyArgs,

    #[command(flatten)]
    pub scheme: SchemeArgs,

    /// Output format
    #[arg(long, value_enum, value_name = "FORMAT", default_value_t = Format::Human)]
    pub format: Format,
}

#[derive(Debug, Args)]
pub struct ListenArgs {
    /// Address to listen on
    #[arg(long, value_name = "ADDR:PORT", default_value = "127.0.0.1:8787")]
    pub bind: String,

    /// Allow --bind on an address other than loopback (anyone who reaches it can send)
    #[arg(long)]
    pub public: bool,

    /// Relay each delivery's exact bytes and headers to this URL (http:// or https://) and answer the
    /// sender with the app's response
    #[arg(long, value_name = "URL")]
    pub forward: Option<String>,

    /// Write each delivery as a .http capture in this directory
    #[arg(long, value_name = "DIR")]
    pub save: Option<PathBuf>,

    /// Largest body accepted, in bytes (K, M, G suffixes: KiB, MiB, GiB); larger gets 413
    #[arg(long, value_name = "BYTES", default_value = "25M", value_parser = parse_size)]
    pub max_body: u64,

    /// Seconds a client may take to send the request head
    #[arg(long, value_name = "SECONDS", default_value_t = 10)]
    pub header_timeout: u64,

    /// Seconds a client may take to send the body
    #[arg(long, value_name = "SECONDS", default_value_t = 30)]
    pub read_timeout: u64,

    /// What status the sender gets: 2xx only for verified deliveries (401 otherwise), or
    /// always 2xx
    #[arg(long, value_enum, value_name = "WHEN", default_value_t = Respond::VerifiedOnly)]
    pub respond: Respond,

    /// The verify token you set for Meta (hub.verify_token) subscriptions
    #[arg(long, value_name = "TOKEN")]
    pub verify_token: Option<String>,

    /// Stop after this many deliveries (for scripts and tests)
    #[arg(long, value_name = "N", hide = true)]
    pub max_deliveries: Option<u64>,

    #[command(flatten)]
    pub check: CheckArgs,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Respond {
    VerifiedOnly,
    #[value(name = "always-2xx")]
    Always2xx,
}

/// `25M` → 26214400.
fn parse_size(text: &str) -> Result<u64, String> {
    let t = text.trim();
    let (digits, unit) = match t.find(|c: char| !c.is_ascii_digit()) {
        Some(i) => t.split_at(i),
        None => (t, ""),
    };
    let n: u64 = digits
        .parse()
        .map_err(|_| format!("{text:?} is not a size (e.g. 25M)"))?;
    let mul: u64 = match unit.trim().to_ascii_uppercase().as_str() {
        "" | "B" => 1,
        "K" | "KB" | "KIB" => 1 << 10,
        "M" | "MB" | "MIB" => 1 << 20,
        "G" | "GB" | "GIB" => 1 << 30,
        _ => return Err(format!("{text:?}: use a number of bytes with K, M or G")),
    };
    n.checked_mul(mul)
        .ok_or_else(|| format!("{text:?} is too large"))
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

/// A provider name: any text is accepted (an unknown name gets hookcheck's own error, with the
/// nearest names), but the registry's names are offered to shell completion.
#[derive(Debug, Clone, Copy)]
pub struct ProviderName;

impl clap::builder::TypedValueParser for ProviderName {
    type Value = String;

    fn parse_ref(
        &self,
        cmd: &clap::Command,
        arg: Option<&clap::Arg>,
        value: &std::ffi::OsStr,
    ) -> Result<String, clap::Error> {
        clap::builder::StringValueParser::new().parse_ref(cmd, arg, value)
    }

    fn possible_values(
        &self,
    ) -> Option<Box<dyn Iterator<Item = clap::builder::PossibleValue> + '_>> {
        let names = std::iter::once("auto").chain(
            hookcheck::scheme::registry::all()
                .iter()
                .map(|s| s.name.as_str()),
        );
        Some(Box::new(names.map(clap::builder::PossibleValue::new)))
    }
}
