//! Glue: arguments → Delivery + Scheme + keys → verify → report → exit code.

use std::ffi::OsString;
use std::io::{IsTerminal, Read, Write};
use std::path::PathBuf;
use std::time::{SystemTime, UNIX_EPOCH};

use clap::{ArgMatches, CommandFactory, FromArgMatches};

use crate::cli::exit::Exit;
use crate::cli::source::{self, StdinGuard};
use crate::cli::usage::UsageError;
use crate::cli::{
    CheckArgs, Cli, Command, FetchArgs, Format, HashArg, KeyArgs, ListFormat, ProvidersAction,
    ProvidersArgs, SchemeArgs, ShowFormat, VerifyArgs,
};
use hookcheck::input::{Delivery, Headers, Key, Keys, PublicKey, Secret, jwks, request};
use hookcheck::keyfetch::{FetchError, FetchOptions, Fetcher};
use hookcheck::outcome::{Warning, WarningCode};
use hookcheck::report;
use hookcheck::scheme::{Algorithm, KeyError, Scheme, custom, registry};
use hookcheck::verify::{Options, Tolerance};

/// Runs hookcheck with these arguments (the first is the program name).
pub fn run(args: impl IntoIterator<Item = impl Into<OsString> + Clone>) -> Exit {
    let args: Vec<OsString> = args.into_iter().map(Into::into).collect();
    let json_errors = wants_json(&args);
    let matches = match Cli::command().try_get_matches_from(&args) {
        Ok(m) => m,
        Err(e) => {
            let exit = if e.use_stderr() {
                Exit::Usage
            } else {
                Exit::SUCCESS
            };
            if exit == Exit::Usage && json_errors {
                let message = e.kind().as_str().unwrap_or("invalid arguments");
                print(&report::json::render_error("usage", message));
            }
            if exit == Exit::Usage {
                eprint!("{}", redact_secrets(&e.render().to_string(), &args));
            } else {
                let _ = e.print();
            }
            return exit;
        }
    };
    let cli = match Cli::from_arg_matches(&matches) {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return Exit::Usage;
        }
    };
    let result = match cli.command {
        Command::Verify(args) => {
            let sub = matches
                .subcommand_matches("verify")
                .expect("verify matches");
            verify_command(&args, sub)
        }
        Command::Providers(args) => providers_command(&args),
        Command::Batch(args) => {
            let sub = matches.subcommand_matches("batch").expect("batch matches");
            crate::cli::batch::run(&args, sub)
        }
        Command::Man => {
            let mut out = Vec::new();
            let _ = clap_mangen::Man::new(Cli::command()).render(&mut out);
            print(&String::from_utf8_lossy(&out));
            Ok(Exit::Verified)
        }
        Command::Sign(args) => {
            let sub = matches.subcommand_matches("sign").expect("sign matches");
            crate::cli::sign::sign_command(&args, sub)
        }
        Command::Send(args) => {
            let sub = matches.subcommand_matches("send").expect("send matches");
            crate::cli::sign::send_command(&args, sub)
        }
        Command::Listen(args) => {
            let sub = matches
                .subcommand_matches("listen")
                .expect("listen matches");
            crate::cli::listen::command(&args, sub)
        }
        Command::Explain { code } => match hookcheck::explain::long_form(&code) {
            Some(text) => {
                print(&text);
                Ok(Exit::Verified)
            }
            None => Err(UsageError::new(
                "unknown_code",
                format!("explain '{code}': no such cause or suspect code"),
            )
            .hint(format!("codes: {}", hookcheck::explain::codes().join(", ")))),
        },
        Command::Completions { shell } => {
            let mut out = Vec::new();
            clap_complete::generate(shell, &mut Cli::command(), "hookcheck", &mut out);
            print(&String::from_utf8_lossy(&out));
            Ok(Exit::Verified)
        }
    };
    match result {
        Ok(exit) => exit,
        Err(e) => {
            if json_errors {
                print(&report::json::render_error(e.code, &e.message));
            }
            eprintln!("hookcheck: error: {}", e.message);
            for h in &e.hints {
                eprintln!("hint: {h}");
            }
            Exit::Usage
        }
    }
}

/// Clap's errors quote the arguments they stumble on; a `--secret` value must never be among
/// them, whatever went wrong around it.
fn redact_secrets(message: &str, args: &[OsString]) -> String {
    let mut secrets: Vec<&str> = Vec::new();
    let mut after_flag = false;
    for arg in args.iter().filter_map(|a| a.to_str()) {
        if after_flag {
            secrets.push(arg);
        } else if let Some(value) = arg.strip_prefix("--secret=") {
            secrets.push(value);
        }
        after_flag = arg == "--secret";
    }
    secrets.sort_by_key(|s| std::cmp::Reverse(s.len()));
    secrets
        .into_iter()
        .filter(|s| !s.is_empty())
        .fold(message.to_owned(), |text, secret| {
            text.replace(secret, "<secret>")
        })
}

fn wants_json(args: &[OsString]) -> bool {
    args.windows(2)
        .any(|w| w[0] == "--format" && w[1] == "json")
        || args.iter().any(|a| a == "--format=json")
}

/// Writes to stdout; a closed pipe (`| head`) is not an error worth a message.
pub(crate) fn print(text: &str) {
    let mut out = std::io::stdout().lock();
    let _ = out.write_all(text.as_bytes()).and_then(|()| out.flush());
}

fn verify_command(args: &VerifyArgs, matches: &ArgMatches) -> Result<Exit, UsageError> {
    let stdin = StdinGuard::default();
    let mut warnings = Vec::new();
    let keys = read_keys(&args.check.keys, matches, &stdin, &mut warnings)?;
    let explicit = load_scheme(&args.check.scheme)?;
    if explicit.is_none() {
        for (flag, given) in [
            ("--signature", args.signature.is_some()),
            ("--timestamp", args.timestamp.is_some()),
        ] {
            if given {
                return Err(UsageError::new(
                    "usage",
                    format!("{flag} gives the value of the provider's header, so it needs --provider NAME"),
                )
                .hint("see `hookcheck providers` for the names"));
            }
        }
    }
    let (mut delivery, mut rest) = read_delivery(args, &stdin, &mut warnings)?;
    delivery.params = parse_params(&args.check.params.params)?;
    if let Some(scheme) = &explicit {
        apply_overrides(args, scheme, &mut delivery);
    }
    let options = options_from(&args.check);
    let mut detection = explicit
        .is_none()
        .then(|| hookcheck::autodetect::resolve(&delivery, &keys, &options));
    // Detection's verification can stand for the check's only if it saw the whole body and
    // all the keys.
    let mut verification = detection
        .as_mut()
        .and_then(|d| d.verification.take())
        .filter(|_| rest.is_none() && !args.check.fetch.fetch_keys);
    let scheme: &Scheme = match (&explicit, &detection) {
        (Some(s), _) => s,
        (
            None,
            Some(hookcheck::autodetect::Detection {
                scheme: Some(s), ..
            }),
        ) => s,
        (None, _) => {
            // Nothing names the sender: a failed check (exit 1), not a usage error.
            let mut outcome = hookcheck::autodetect::unattributed(&delivery, &keys);
            outcome.warnings.extend(warnings);
            return Ok(report_outcome(&args.check.output, &outcome));
        }
    };
    check_params(scheme, &delivery)?;
    let mut keys = keys;
    if args.check.fetch.fetch_keys {
        let found =
            hookcheck::keyfetch::certificate(scheme, &delivery, &fetch_options(&args.check.fetch)?)
                .map_err(certificate_error)?;
        warnings.push(found.warning());
        keys.push(Key::Public(found.key));
    }
    check_keys_fit(scheme, &keys)?;
    if options.algorithm.is_some() && !scheme.algorithm.is_hmac() {
        return Err(UsageError::new(
            "usage",
            format!(
                "--algorithm changes an HMAC's hash, but {} uses {}",
                scheme.name,
                scheme.algorithm.id()
            ),
        ));
    }
    let streaming = rest.is_some()
        && args.computed.is_none()
        && hookcheck::verify::streaming::can_stream(scheme, &options);
    if let (Some((flag, reader)), false) = (rest.as_mut(), streaming) {
        // Schemes that need the whole body (or --computed) read the rest into memory.
        reader
            .read_to_end(&mut delivery.body)
            .map_err(|e| UsageError::input(flag.as_str(), source::io_reason(&e)))?;
    }
    let mut outcome = match (&args.computed, rest.filter(|_| streaming)) {
        (None, Some((flag, mut reader))) => {
            let head = std::mem::take(&mut delivery.body);
            hookcheck::verify::streaming::verify_reader(
                scheme,
                &delivery,
                &head,
                &mut reader,
                &keys,
                &options,
            )
            .map_err(|e| UsageError::input(flag, source::io_reason(&e)))?
        }
        (computed, _) => match computed {
            Some(digest) => {
                hookcheck::check::check_computed(scheme, &delivery, &keys, &options, digest)
            }
            None => match verification.take() {
                Some(done) => {
                    hookcheck::check::check_verified(scheme, &delivery, &keys, &options, done)
                }
                None => hookcheck::check(scheme, &delivery, &keys, &options),
            },
        },
    };
    outcome.warnings.extend(warnings);
    if let Some(detection) = &detection {
        // The delivery chose its own scheme: say so, since an attacker writes the headers.
        outcome
            .warnings
            .extend(hookcheck::autodetect::detection_warnings(scheme, detection));
    }
    Ok(report_outcome(&args.check.output, &outcome))
}

/// Prints the outcome as asked and gives the exit code: 0 only when the delivery verifies
/// (and, with `--computed`, the receiver's digest matches too).
fn report_outcome(output: &crate::cli::OutputArgs, outcome: &hookcheck::outcome::Outcome) -> Exit {
    if !output.quiet {
        match output.format {
            Format::Json => print(&report::json::render(outcome)),
            Format::Human => {
                crate::cli::color::apply(output.color);
                print(&report::human::render(outcome));
            }
        }
    }
    let computed_ok = outcome.computed.as_ref().is_none_or(|c| c.matches);
    if outcome.verified && computed_ok {
        Exit::Verified
    } else {
        Exit::NotVerified
    }
}

/// The check's options from the flags `verify` and `batch` share.
pub(crate) fn options_from(check: &CheckArgs) -> Options {
    let (scheme, time, output) = (&check.scheme, &check.time, &check.output);
    Options {
        now: time.now.unwrap_or_else(system_now),
        tolerance: match (time.no_tolerance, time.tolerance) {
            (true, _) => Tolerance::Off,
            (false, Some(s)) => Tolerance::Seconds(s),
            (false, None) => Tolerance::ProviderDefault,
        },
        algorithm: scheme.algorithm.map(hmac_of),
        token_header: scheme.token_header.clone(),
        diagnose: !output.no_diagnose,
    }
}

/// `--algorithm HASH`: the HMAC over that hash.
pub(crate) fn hmac_of(hash: HashArg) -> Algorithm {
    match hash {
        HashArg::Md5 => Algorithm::HmacMd5,
        HashArg::Sha1 => Algorithm::HmacSha1,
        HashArg::Sha256 => Algorithm::HmacSha256,
        HashArg::Sha384 => Algorithm::HmacSha384,
        HashArg::Sha512 => Algorithm::HmacSha512,
    }
}

pub(crate) fn system_now() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX))
}

/// `--provider NAME` or `--scheme FILE`; None for auto-detection.
pub(crate) fn load_scheme(args: &SchemeArgs) -> Result<Option<Scheme>, UsageError> {
    if let Some(path) = &args.scheme {
        let bytes = source::read_path("--scheme", path, &StdinGuard::default())?;
        let text = String::from_utf8(bytes).map_err(|_| {
            UsageError::input(
                format!("--scheme '{}'", path.display()),
                "is not UTF-8 text",
            )
        })?;
        return Ok(Some(custom::parse(&path.display().to_string(), &text)?));
    }
    let name = args.provider.as_str();
    if name.eq_ignore_ascii_case("auto") {
        return Ok(None);
    }
    registry::find(name)
        .map(|s| Some(s.clone()))
        .ok_or_else(|| unknown_provider(&format!("--provider '{name}'"), name))
}

/// `--param NAME=VALUE`, in order.
fn parse_params(given: &[String]) -> Result<Vec<(String, String)>, UsageError> {
    given
        .iter()
        .map(|p| match p.split_once('=') {
            Some((name, value)) if !name.trim().is_empty() => {
                Ok((name.trim().to_owned(), value.to_owned()))
            }
            _ => Err(UsageError::input(
                format!("--param {p:?}"),
                "is not NAME=VALUE",
            )),
        })
        .collect()
}

/// A scheme that signs a value only the receiver knows (`{param:webhook_id}`) cannot be
/// checked without it: exit 2 naming the flag, before any verdict.
pub(crate) fn check_params(scheme: &Scheme, delivery: &Delivery) -> Result<(), UsageError> {
    match scheme.missing_param(delivery) {
        Some(param) => Err(hookcheck::Error::MissingParam {
            scheme: scheme.name.clone(),
            param,
        }
        .into()),
        None => Ok(()),
    }
}

/// `--key-cache` (or the user's cache directory) and `--fetch-timeout`.
fn fetch_options(args: &FetchArgs) -> Result<FetchOptions, UsageError> {
    let cache_dir = match &args.key_cache {
        Some(dir) => dir.clone(),
        None => hookcheck::keyfetch::default_cache_dir().ok_or_else(|| {
            UsageError::new(
                "fetch_keys",
                "--fetch-keys: no cache directory (HOME is not set): give one with --key-cache DIR",
            )
        })?,
    };
    Ok(FetchOptions {
        cache_dir,
        timeout: std::time::Duration::from_secs(args.fetch_timeout.max(1)),
    })
}

/// `--fetch-keys` for a run of many deliveries (`batch`, `listen`): one fetcher, which gets
/// each certificate once. A scheme given for every delivery must name certificates at all.
/// What `batch` and `listen` read from their check flags before any delivery arrives.
pub(crate) struct Checking {
    pub keys: Keys,
    pub scheme: Option<Scheme>,
    /// `--param`, given to every delivery.
    pub params: Vec<(String, String)>,
    /// `--fetch-keys`: the certificates the deliveries name.
    pub certificates: Option<Fetcher>,
}

impl Checking {
    pub(crate) fn read(
        check: &CheckArgs,
        matches: &ArgMatches,
        stdin: &StdinGuard,
        warnings: &mut Vec<Warning>,
    ) -> Result<Checking, UsageError> {
        let keys = read_keys(&check.keys, matches, stdin, warnings)?;
        let scheme = load_scheme(&check.scheme)?;
        let params = parse_params(&check.params.params)?;
        let certificates = fetcher(&check.fetch, scheme.as_ref())?;
        Ok(Checking {
            keys,
            scheme,
            params,
            certificates,
        })
    }

    /// No key was given, but certificates are fetched: a delivery's own certificate may be
    /// its only key.
    pub(crate) fn fetched_only(&self) -> bool {
        self.keys.is_empty() && self.certificates.is_some()
    }
}

fn fetcher(args: &FetchArgs, scheme: Option<&Scheme>) -> Result<Option<Fetcher>, UsageError> {
    if !args.fetch_keys {
        return Ok(None);
    }
    if let Some(scheme) = scheme.filter(|s| s.cert_url.is_none()) {
        return Err(certificate_error(FetchError::NotFetchable {
            scheme: scheme.name.clone(),
        }));
    }
    Ok(Some(Fetcher::new(fetch_options(args)?)))
}

/// Why `--fetch-keys` got no certificate, in the command line's words.
fn certificate_error(e: FetchError) -> UsageError {
    hookcheck::Error::Certificate(e.to_string()).into()
}

/// `--signature` and `--timestamp` are the values of the chosen scheme's headers.
fn apply_overrides(args: &VerifyArgs, scheme: &Scheme, delivery: &mut Delivery) {
    if let Some(sig) = &args.signature {
        let header = args
            .check
            .scheme
            .token_header
            .clone()
            .unwrap_or_else(|| scheme.signature_header().to_owned());
        delivery.headers.set(&header, sig.clone());
    }
    if let Some(ts) = &args.timestamp {
        match scheme.timestamp.as_ref().and_then(|t| t.header.clone()) {
            Some(header) => delivery.headers.set(&header, ts.clone()),
            None => delivery.timestamp_override = Some(ts.clone()),
        }
    }
}

/// The unread rest of a body too large to hold: (flag, reader).
type BodyRest = (String, Box<dyn std::io::Read>);

fn read_delivery(
    args: &VerifyArgs,
    stdin: &StdinGuard,
    warnings: &mut Vec<Warning>,
) -> Result<(Delivery, Option<BodyRest>), UsageError> {
    let mut delivery = Delivery::default();
    let mut have_body = false;
    if let Some(path) = &args.request {
        let bytes = source::read_path("--request", path, stdin)?;
        let capture = request::parse(&bytes).map_err(|e| {
            UsageError::new("invalid_request", format!("--request '{}': {e}", path.display()))
                .hint("a capture is the request line (POST /path HTTP/1.1), header lines, a blank line, then the body")
        })?;
        let notes;
        (delivery, notes) = capture.into_delivery();
        warnings.extend(
            notes
                .into_iter()
                .map(|n| Warning::new(WarningCode::Capture, n)),
        );
        have_body = true;
    }
    // `--headers-file` and `-H` work alike: each replaces the capture's headers of the names
    // it gives, and keeps repeats in order (a file's lines, then the flags).
    let mut given = Headers::new();
    if let Some(path) = &args.headers_file {
        let bytes = source::read_path("--headers-file", path, stdin)?;
        given.apply_file(&bytes).map_err(|(line, e)| {
            UsageError::input(
                format!("--headers-file '{}' line {line}", path.display()),
                e,
            )
        })?;
    }
    let mut flags = Headers::new();
    for line in &args.headers {
        let (name, value) =
            Headers::parse_line(line).map_err(|e| UsageError::input("--header", e))?;
        flags.push(name, value);
    }
    given.replace_with(flags);
    delivery.headers.replace_with(given);
    let mut rest = None;
    if let Some(body) = &args.body {
        delivery.body = body.as_bytes().to_vec();
    } else if let Some(path) = &args.body_file {
        let (head, more) = source::read_head(
            "--body-file",
            path,
            stdin,
            hookcheck::verify::streaming::IN_MEMORY_LIMIT,
        )?;
        delivery.body = head;
        rest = more.map(|r| ("--body-file".to_owned(), r));
    } else if !have_body {
        if std::io::stdin().is_terminal() || stdin.is_taken() {
            return Err(UsageError::new(
                "no_body",
                "no body given: pass --body-file FILE, --body TEXT, --request FILE, or pipe the body in",
            ));
        }
        let (head, more) = source::read_head(
            "the body (stdin)",
            &PathBuf::from("-"),
            stdin,
            hookcheck::verify::streaming::IN_MEMORY_LIMIT,
        )?;
        delivery.body = head;
        rest = more.map(|r| ("the body (stdin)".to_owned(), r));
    }
    if let Some(url) = &args.url {
        delivery.url = Some(url.clone());
    }
    if let Some(method) = &args.method {
        delivery.method = Some(method.to_ascii_uppercase());
    }
    Ok((delivery, rest))
}

/// Refuses keys that cannot check `scheme`: none at all, one of the wrong kind (a public key
/// for an HMAC, a secret for Ed25519), or a secret that the scheme's format decodes to nothing.
pub(crate) fn check_keys_fit(scheme: &Scheme, keys: &Keys) -> Result<(), UsageError> {
    if scheme.algorithm == Algorithm::None {
        return Ok(());
    }
    if keys.is_empty() {
        return Err(UsageError::no_key(&scheme.name, scheme.takes_public_keys()));
    }
    if let Some(e) = scheme.wrong_key(keys) {
        let flags = if e.needed == "secret" {
            "--secret-file, --secret-env or --secret"
        } else {
            "--public-key-file or --public-key"
        };
        return Err(UsageError::new("key_kind", e.to_string()).hint(format!(
            "a public key never keys an HMAC and a secret never checks a public-key signature: give the {} with {flags}",
            e.needed
        )));
    }
    if scheme.algorithm.is_digest() {
        for (index, secret) in keys.secrets() {
            if let Err(reason) = scheme.secret.key(secret.expose()) {
                if secret_decodes_empty(scheme, secret) {
                    return Err(UsageError::new(
                        "empty_key",
                        format!(
                            "key {} {reason}: an empty HMAC key lets anyone sign",
                            index + 1
                        ),
                    ));
                }
            }
        }
    }
    Ok(())
}

fn secret_decodes_empty(scheme: &Scheme, secret: &Secret) -> bool {
    scheme
        .secret
        .key(secret.expose())
        .is_err_and(|e| matches!(e, KeyError::Empty(_)))
}

/// Keys in command-line order, whichever flag gave them.
pub(crate) fn read_keys(
    args: &KeyArgs,
    matches: &ArgMatches,
    stdin: &StdinGuard,
    warnings: &mut Vec<Warning>,
) -> Result<Keys, UsageError> {
    enum KeySource<'a> {
        Text(&'a str),
        File(&'a PathBuf),
        Env(&'a str),
        PublicKey(&'a str),
        PublicKeyFile(&'a PathBuf),
        CertFile(&'a PathBuf),
        JwksFile(&'a PathBuf),
    }
    /// Each value of a repeatable flag with its position on the command line.
    fn tagged<'a, T>(
        matches: &ArgMatches,
        id: &str,
        values: &'a [T],
        tag: fn(&'a T) -> KeySource<'a>,
    ) -> Vec<(usize, KeySource<'a>)> {
        let indices = matches.indices_of(id).into_iter().flatten();
        indices.zip(values).map(|(i, v)| (i, tag(v))).collect()
    }
    let mut sources: Vec<(usize, KeySource)> = Vec::new();
    sources.extend(tagged(matches, "secrets", &args.secrets, |s| {
        KeySource::Text(s)
    }));
    sources.extend(tagged(
        matches,
        "secret_files",
        &args.secret_files,
        KeySource::File,
    ));
    sources.extend(tagged(matches, "secret_envs", &args.secret_envs, |v| {
        KeySource::Env(v)
    }));
    sources.extend(tagged(matches, "public_keys", &args.public_keys, |k| {
        KeySource::PublicKey(k)
    }));
    sources.extend(tagged(
        matches,
        "public_key_files",
        &args.public_key_files,
        KeySource::PublicKeyFile,
    ));
    sources.extend(tagged(
        matches,
        "cert_files",
        &args.cert_files,
        KeySource::CertFile,
    ));
    sources.extend(tagged(
        matches,
        "jwks_files",
        &args.jwks_files,
        KeySource::JwksFile,
    ));
    sources.sort_by_key(|(i, _)| *i);

    let mut keys = Keys::new();
    for (_, from) in sources {
        let (what, key) = match from {
            KeySource::Text(text) => {
                if std::io::stdin().is_terminal() {
                    warnings.push(Warning::new(WarningCode::SecretOnCommandLine,
                        "--secret puts the secret in shell history and the process list; prefer --secret-file or --secret-env",
                    ));
                }
                (
                    "--secret".to_owned(),
                    Key::Secret(Secret::new(text.as_bytes())),
                )
            }
            KeySource::File(path) => {
                let bytes = source::read_path("--secret-file", path, stdin)?;
                (
                    format!("--secret-file '{}'", path.display()),
                    Key::Secret(Secret::from_file_bytes(bytes)),
                )
            }
            KeySource::PublicKey(text) => (
                "--public-key".to_owned(),
                Key::Public(PublicKey::new(text.as_bytes())),
            ),
            KeySource::PublicKeyFile(path) => {
                let bytes = source::read_path("--public-key-file", path, stdin)?;
                (
                    format!("--public-key-file '{}'", path.display()),
                    Key::Public(PublicKey::from_file_bytes(bytes)),
                )
            }
            KeySource::CertFile(path) => {
                let bytes = source::read_path("--cert-file", path, stdin)?;
                (
                    format!("--cert-file '{}'", path.display()),
                    Key::Public(PublicKey::from_file_bytes(bytes)),
                )
            }
            KeySource::JwksFile(path) => {
                let bytes = source::read_path("--jwks-file", path, stdin)?;
                let what = format!("--jwks-file '{}'", path.display());
                if !jwks::is_json(&bytes) {
                    return Err(UsageError::input(
                        what,
                        "is not a JSON Web Key Set ({\"keys\": [...]}) or a JWK; give PEM keys with --public-key-file",
                    ));
                }
                (what, Key::Public(PublicKey::from_file_bytes(bytes)))
            }
            KeySource::Env(var) => {
                let value = std::env::var_os(var).ok_or_else(|| {
                    UsageError::input(format!("--secret-env {var}"), "the variable is not set")
                })?;
                (
                    format!("--secret-env {var}"),
                    Key::Secret(Secret::new(value.as_encoded_bytes())),
                )
            }
        };
        if key.is_empty() {
            // An empty HMAC key makes signatures forgeable by anyone; refuse it.
            return Err(UsageError::input(
                what,
                format!("the {} is empty", key.kind()),
            ));
        }
        // A key set (JWKS) or a JSON-wrapped key is one public key per key it holds.
        if let Key::Public(public) = &key {
            if jwks::is_json(public.text()) {
                let parts = jwks::split(public.text())
                    .map_err(|reason| UsageError::input(&what, format!("the key set {reason}")))?;
                for part in parts {
                    keys.push(Key::Public(PublicKey::new(part)));
                }
                continue;
            }
        }
        keys.push(key);
    }
    Ok(keys)
}

fn providers_command(args: &ProvidersArgs) -> Result<Exit, UsageError> {
    let schemes = registry::all();
    match &args.action {
        None => match args.format {
            ListFormat::Table => print(&report::providers::table(schemes, table_width())),
            ListFormat::Json => print(&report::providers::json(schemes)),
        },
        Some(ProvidersAction::Show { name, format }) => {
            let scheme = registry::find(name)
                .ok_or_else(|| unknown_provider(&format!("providers show '{name}'"), name))?;
            match format {
                ShowFormat::Text => print(&report::providers::prose(scheme)),
                ShowFormat::Toml => print(&custom::to_toml(scheme)),
                ShowFormat::Json => {
                    print(&(serde_json::to_string_pretty(scheme).unwrap_or_default() + "\n"));
                }
            }
        }
    }
    Ok(Exit::Verified)
}

/// `NAME`: no such provider, with the names it may have meant.
fn unknown_provider(what: &str, name: &str) -> UsageError {
    let mut e = UsageError::new("unknown_provider", format!("{what}: no such provider"));
    let similar = registry::similar(name);
    if !similar.is_empty() {
        e = e.hint(format!("did you mean: {}", similar.join(", ")));
    }
    e.hint("`hookcheck providers` lists every name")
}

/// The terminal's width when stdout is one, else `COLUMNS`, else the library's default.
fn table_width() -> usize {
    if let Some((terminal_size::Width(w), _)) = terminal_size::terminal_size_of(std::io::stdout()) {
        return usize::from(w);
    }
    std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.parse().ok())
        .unwrap_or(report::providers::DEFAULT_WIDTH)
}
