//! `hookcheck sign` and `hookcheck send`: arguments → scheme, key, request → `hookcheck::sign`.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use clap::ArgMatches;

use crate::cli::exit::Exit;
use crate::cli::run::{load_scheme, print, read_keys, system_now};
use crate::cli::source::{self, StdinGuard};
use crate::cli::usage::UsageError;
use crate::cli::{
    Format, KeyArgs, PrivateKeyArgs, SchemeArgs, SendArgs, SignArgs, SignDeliveryArgs, SignFormat,
};
use hookcheck::input::{Headers, request};
use hookcheck::scheme::{Algorithm, Scheme};
use hookcheck::sign::{self, SignError, SigningKey};
use hookcheck::verify::Options;

pub fn sign_command(args: &SignArgs, matches: &ArgMatches) -> Result<Exit, UsageError> {
    let stdin = StdinGuard::default();
    let scheme = required_scheme(&args.scheme, "sign")?;
    let key = signing_key(&scheme, &args.keys, &args.private_key, matches, &stdin)?;
    let request = sign_request(&args.delivery, &stdin, true)?;
    let delivery =
        sign::sign(&scheme, &request, &key, &sign_options(&args.scheme)).map_err(sign_error)?;
    match args.format {
        SignFormat::Http => {
            use std::io::Write as _;
            let mut out = std::io::stdout().lock();
            let _ = out
                .write_all(&sign::to_http(&delivery))
                .and_then(|()| out.flush());
        }
        SignFormat::Headers => print(&sign::to_header_lines(&delivery)),
        SignFormat::Curl => print(&sign::to_curl(&delivery)),
        SignFormat::Json => print(&sign::to_json(&delivery, &scheme.name)),
    }
    Ok(Exit::Verified)
}

fn sign_options(args: &SchemeArgs) -> Options {
    let mut options = Options::at(0);
    options.algorithm = args.algorithm.map(crate::cli::run::hmac_of);
    options.token_header = args.token_header.clone();
    options
}

fn sign_error(e: SignError) -> UsageError {
    match &e {
        SignError::Unsigned(_) => UsageError::new("unsigned_provider", e.to_string())
            .hint("such a provider is protected by a secret URL or a header token (--provider header-token)"),
        SignError::WrongKey(_) => UsageError::new("wrong_key", e.to_string()),
        SignError::Delivery(_) => UsageError::new("invalid_input", e.to_string()),
        _ => UsageError::new("unsupported", e.to_string()),
    }
}

/// `--provider NAME` or `--scheme FILE`; signing has nothing to detect from.
fn required_scheme(args: &SchemeArgs, command: &str) -> Result<Scheme, UsageError> {
    load_scheme(args)?.ok_or_else(|| {
        UsageError::new(
            "usage",
            format!("{command} needs the scheme: pass --provider NAME or --scheme FILE"),
        )
        .hint("`hookcheck providers` lists the names")
    })
}

/// One key of the kind the scheme signs with.
fn signing_key(
    scheme: &Scheme,
    keys: &KeyArgs,
    private: &PrivateKeyArgs,
    matches: &ArgMatches,
    stdin: &StdinGuard,
) -> Result<SigningKey, UsageError> {
    if !keys.public_keys.is_empty() || !keys.public_key_files.is_empty() {
        return Err(UsageError::new(
            "wrong_key",
            "a public key can only verify; signing needs the sender's private key",
        )
        .hint("pass --private-key-file FILE (Ed25519, ECDSA) or --secret-file FILE (HMAC)"));
    }
    let mut warnings = Vec::new();
    let secrets = read_keys(keys, matches, stdin, &mut warnings)?;
    if scheme.algorithm == Algorithm::None {
        return Err(sign_error(SignError::Unsigned(scheme.title.clone())));
    }
    if let Some(path) = &private.private_key_file {
        if !secrets.is_empty() {
            return Err(UsageError::new(
                "usage",
                "give either a secret or --private-key-file, not both",
            ));
        }
        let what = format!("--private-key-file '{}'", path.display());
        let bytes = source::read_path("--private-key-file", path, stdin)?;
        if bytes.trim_ascii().is_empty() {
            return Err(UsageError::input(what, "the key is empty"));
        }
        if !scheme.algorithm.is_asymmetric() {
            return Err(UsageError::new(
                "wrong_key",
                format!(
                    "{} uses {}: give its secret with --secret-file, not a private key",
                    scheme.name,
                    scheme.algorithm.id()
                ),
            ));
        }
        return sign::private_key(scheme.algorithm, &bytes)
            .map_err(|reason| UsageError::new("wrong_key", format!("{what} {reason}")));
    }
    if scheme.algorithm.is_asymmetric() {
        return Err(sign_error(SignError::WrongKey(format!(
            "{} signs with {}: give the sender's private key with --private-key-file",
            scheme.name,
            scheme.algorithm.id()
        ))));
    }
    match secrets.len() {
        0 => Err(UsageError::new(
            "no_key",
            "no key given: pass --secret-file FILE, --secret-env VAR or --secret TEXT",
        )),
        1 => match secrets.iter().next() {
            Some(hookcheck::input::Key::Secret(secret)) => Ok(SigningKey::Secret(secret.clone())),
            // Public keys were refused above; a key of another kind never signs.
            _ => Err(UsageError::new(
                "wrong_key",
                "a public key can only verify; signing needs the sender's private key",
            )),
        },
        _ => Err(UsageError::new("usage", "sign with one key, not several")),
    }
}

/// The request to sign, from the delivery flags. `body_required`: a body must come from a
/// flag or stdin.
fn sign_request(
    args: &SignDeliveryArgs,
    stdin: &StdinGuard,
    body_required: bool,
) -> Result<sign::Request, UsageError> {
    let body = if let Some(text) = &args.body {
        text.as_bytes().to_vec()
    } else if let Some(path) = &args.body_file {
        source::read_path("--body-file", path, stdin)?
    } else if !std::io::stdin().is_terminal() && !stdin.is_taken() {
        source::read_path("the body (stdin)", &PathBuf::from("-"), stdin)?
    } else if body_required {
        return Err(UsageError::new(
            "no_body",
            "no body given: pass --body-file FILE, --body TEXT, or pipe the body in",
        ));
    } else {
        Vec::new()
    };
    let mut headers = Headers::new();
    for line in &args.headers {
        let (name, value) =
            Headers::parse_line(line).map_err(|e| UsageError::input("--header", e))?;
        headers.push(name, value);
    }
    let url = args
        .url
        .clone()
        .unwrap_or_else(|| "https://example.com/webhooks".to_owned());
    let Some((url_scheme, _)) = url.split_once("://") else {
        return Err(UsageError::input(
            format!("--url '{url}'"),
            "is not an absolute URL (https://host/path)",
        ));
    };
    // `https://host` is sent as `https://host/`: sign the URL the receiver will see.
    let (host, path) = sign::split_url(&url);
    let url = format!("{url_scheme}://{host}{path}");
    Ok(sign::Request {
        body,
        method: args.method.to_ascii_uppercase(),
        url,
        headers,
        timestamp: args.timestamp.unwrap_or_else(system_now),
        id: args.id.clone().unwrap_or_else(sign::fresh_id),
    })
}

pub fn send_command(args: &SendArgs, matches: &ArgMatches) -> Result<Exit, UsageError> {
    let stdin = StdinGuard::default();
    if !(args.target.starts_with("http://") || args.target.starts_with("https://"))
        || args.target.parse::<hyper::Uri>().is_err()
    {
        return Err(UsageError::input(
            format!("URL '{}'", args.target),
            "is not an http:// or https:// URL",
        ));
    }
    let delivery = match &args.request {
        Some(path) => {
            let bytes = source::read_path("--request", path, &stdin)?;
            let capture = request::parse(&bytes).map_err(|e| {
                UsageError::new(
                    "invalid_request",
                    format!("--request '{}': {e}", path.display()),
                )
            })?;
            let (mut delivery, _) = capture.into_delivery();
            if args.resign {
                let scheme = required_scheme(&args.scheme, "send --resign")?;
                let key = signing_key(&scheme, &args.keys, &args.private_key, matches, &stdin)?;
                let mut headers = delivery.headers.clone();
                strip_signing_headers(&scheme, &mut headers);
                let request = sign::Request {
                    body: delivery.body.clone(),
                    method: delivery.method.clone().unwrap_or_else(|| "POST".to_owned()),
                    url: args
                        .delivery
                        .url
                        .clone()
                        .unwrap_or_else(|| args.target.clone()),
                    headers,
                    timestamp: args.delivery.timestamp.unwrap_or_else(system_now),
                    id: args.delivery.id.clone().unwrap_or_else(sign::fresh_id),
                };
                delivery = sign::sign(&scheme, &request, &key, &sign_options(&args.scheme))
                    .map_err(sign_error)?;
            }
            delivery
        }
        None => {
            let scheme = required_scheme(&args.scheme, "send")?;
            let key = signing_key(&scheme, &args.keys, &args.private_key, matches, &stdin)?;
            let mut request = sign_request(&args.delivery, &stdin, true)?;
            if args.delivery.url.is_none() {
                request.url = args.target.clone();
            }
            sign::sign(&scheme, &request, &key, &sign_options(&args.scheme)).map_err(sign_error)?
        }
    };
    let started = Instant::now();
    let result = crate::cli::listen::client::send(
        &args.target,
        &delivery,
        Duration::from_secs(args.timeout.max(1)),
    );
    let elapsed = started.elapsed();
    let response = result
        .map_err(|e| UsageError::new("connection", format!("sending to {}: {e}", args.target)))?;
    let excerpt = excerpt(&response.body);
    match args.format {
        Format::Json => print(&format!(
            "{}\n",
            serde_json::json!({
                "url": args.target,
                "status": response.status,
                "ok": (200..300).contains(&response.status),
                "ms": (elapsed.as_secs_f64() * 1000.0 * 10.0).round() / 10.0,
                "body_excerpt": excerpt,
                "body_bytes": response.body.len(),
            })
        )),
        Format::Human => print(&format!(
            "{} {} in {:.1} ms{}\n",
            response.status,
            response.reason,
            elapsed.as_secs_f64() * 1000.0,
            if excerpt.is_empty() {
                String::new()
            } else {
                format!("\n{excerpt}")
            }
        )),
    }
    Ok(if (200..300).contains(&response.status) {
        Exit::Verified
    } else {
        Exit::NotVerified
    })
}

/// The headers a re-signing replaces: signature, timestamp and id.
fn strip_signing_headers(scheme: &Scheme, headers: &mut Headers) {
    for h in &scheme.signature.headers {
        headers.remove(h);
    }
    if let Some(h) = scheme.timestamp.as_ref().and_then(|t| t.header.as_ref()) {
        headers.remove(h);
    }
    for h in &scheme.id_headers {
        headers.remove(h);
    }
    headers.remove("Content-Length");
    headers.remove("Host");
}

/// The first 200 characters of a response body, on one line.
fn excerpt(body: &[u8]) -> String {
    let text = String::from_utf8_lossy(body);
    let one_line: String = text
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .take(200)
        .collect();
    hookcheck::escape::for_terminal(one_line.trim())
}
