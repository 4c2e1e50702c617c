//! `hookcheck batch` glue: arguments → inputs → parallel checks → JSON Lines / human / JUnit.

use std::io::{BufWriter, IsTerminal, Write};
use std::time::{Duration, Instant};

use clap::ArgMatches;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::cli::exit::Exit;
use crate::cli::run::{Checking, check_keys_fit, options_from};
use crate::cli::source::StdinGuard;
use crate::cli::usage::UsageError;
use crate::cli::{BatchArgs, Format};
use hookcheck::escape::for_terminal;
use hookcheck::report;
use hookcheck::report::junit::JunitWriter;
use hookcheck::report::style::{dim, fail, ok, warn};

use hookcheck::batch::{Checker, Clock, Entry, Row, Summary, Tally, inputs::Inputs};

pub fn run(args: &BatchArgs, matches: &ArgMatches) -> Result<Exit, UsageError> {
    let stdin = StdinGuard::default();
    if args.paths.iter().any(|p| p.as_os_str() == "-") {
        stdin.take("batch -")?;
    }
    let mut warnings = Vec::new();
    let checking = Checking::read(&args.check, matches, &stdin, &mut warnings)?;
    let fetched_only = checking.fetched_only();
    let Checking {
        keys,
        scheme,
        params,
        certificates,
    } = checking;
    match &scheme {
        // One scheme for every delivery: its keys must fit it, as for `verify`.
        Some(scheme) if !fetched_only => check_keys_fit(scheme, &keys)?,
        // Per-delivery schemes: each delivery uses only the keys of the kind its scheme needs.
        None if keys.is_empty() && certificates.is_none() => {
            return Err(UsageError::new(
                "no_key",
                "no key given: pass --secret-file FILE, --secret-env VAR or --secret TEXT (or --public-key-file FILE for public-key schemes)",
            ));
        }
        _ => {}
    }
    let checker = Checker {
        keys: &keys,
        params: &params,
        certificates: certificates.as_ref(),
        options: options_from(&args.check),
        scheme: scheme.as_ref(),
        clock: if args.now_from_input && args.check.time.now.is_none() {
            Clock::FromInput
        } else {
            Clock::Fixed
        },
    };
    let mut junit = match &args.junit {
        Some(path) => Some(JunitWriter::create(path).map_err(|e| {
            UsageError::input(
                format!("--junit '{}'", path.display()),
                crate::cli::source::io_reason(&e),
            )
        })?),
        None => None,
    };
    let human = args.check.output.format == Format::Human;
    if human {
        crate::cli::color::apply(args.check.output.color);
    }
    let progress = progress_bar(args.check.output.quiet);
    let start = Instant::now();
    let mut out = BufWriter::new(std::io::stdout().lock());
    let mut summary = Summary::default();
    let inputs = Inputs::new(&args.paths);
    let skipped = inputs.skipped().to_vec();
    summary.skipped = skipped.len();
    // A reader thread fills the next chunk while both cores check the current one.
    let (send, chunks) = std::sync::mpsc::sync_channel::<Vec<Entry>>(2);
    let result = std::thread::scope(|scope| {
        scope.spawn(move || {
            let mut inputs = inputs;
            loop {
                let chunk: Vec<Entry> = hookcheck::batch::next_chunk(&mut inputs);
                if chunk.is_empty() || send.send(chunk).is_err() {
                    break;
                }
            }
        });
        // Nothing is shown per delivery: count verdicts without building reports.
        let lean = args.check.output.quiet && junit.is_none();
        'work: for chunk in &chunks {
            if lean {
                let tallies = checker.tally_chunk(chunk);
                progress.inc(tallies.len() as u64);
                for tally in tallies {
                    summary.tally(tally);
                    if args.fail_fast && tally != Tally::Verified {
                        break 'work;
                    }
                }
                continue;
            }
            let rows = checker.check_chunk(chunk);
            progress.inc(rows.len() as u64);
            for row in rows {
                summary.add(&row);
                if let Some(j) = junit.as_mut() {
                    j.row(&row).map_err(|e| junit_error(args, &e))?;
                }
                if !args.check.output.quiet {
                    let line = if human {
                        human_line(&row)
                    } else {
                        json_line(&row)
                    };
                    // A closed stdout (`| head`) ends the run quietly.
                    if out.write_all(line.as_bytes()).is_err() {
                        break 'work;
                    }
                }
                let good = matches!(&row.result, Ok(o) if o.verified);
                if args.fail_fast && !good {
                    break 'work;
                }
            }
            // Each chunk's results go out as soon as it is checked (`batch -` in a pipeline).
            if out.flush().is_err() {
                break 'work;
            }
        }
        // Dropping the receiver stops the reader at its next chunk.
        drop(chunks);
        Ok::<(), UsageError>(())
    });
    result?;
    progress.finish_and_clear();
    let seconds = start.elapsed().as_secs_f64();
    if summary.total == 0 {
        // A run that checked nothing must not pass a CI gate.
        return Err(nothing_checked(args, &skipped));
    }
    if !args.check.output.quiet {
        let last = if human {
            human_summary(&summary, seconds) + &skipped_list(&skipped)
        } else {
            report::json::render_summary(&summary, seconds)
        };
        let _ = out.write_all(last.as_bytes());
    }
    let _ = out.flush();
    if let Some(j) = junit {
        j.finish(&summary, seconds)
            .map_err(|e| junit_error(args, &e))?;
    }
    Ok(if summary.errors > 0 {
        Exit::Usage
    } else if summary.failed > 0 {
        Exit::NotVerified
    } else {
        Exit::Verified
    })
}

/// No delivery found in any PATH: exit 2, naming what was passed over.
fn nothing_checked(args: &BatchArgs, skipped: &[std::path::PathBuf]) -> UsageError {
    let paths: Vec<String> = args.paths.iter().map(|p| p.display().to_string()).collect();
    let mut e = UsageError::new(
        "no_deliveries",
        format!(
            "no deliveries found in {}: nothing was checked",
            for_terminal(&paths.join(", "))
        ),
    );
    if !skipped.is_empty() {
        e = e.hint(format!(
            "skipped {} {} that are not captures: {}",
            skipped.len(),
            if skipped.len() == 1 { "file" } else { "files" },
            listed(skipped)
        ));
    }
    e.hint("batch reads .http captures, .har exports and .jsonl/.ndjson lines")
}

/// Up to ten names, then how many more.
fn listed(paths: &[std::path::PathBuf]) -> String {
    let mut names: Vec<String> = paths
        .iter()
        .take(10)
        .map(|p| for_terminal(&p.display().to_string()).into_owned())
        .collect();
    if paths.len() > 10 {
        names.push(format!("and {} more", paths.len() - 10));
    }
    names.join(", ")
}

/// The human summary's note of files a directory walk passed over.
fn skipped_list(skipped: &[std::path::PathBuf]) -> String {
    if skipped.is_empty() {
        return String::new();
    }
    format!(
        "{} skipped {} {} that {} not captures: {}\n",
        dim("·"),
        skipped.len(),
        if skipped.len() == 1 { "file" } else { "files" },
        if skipped.len() == 1 { "is" } else { "are" },
        listed(skipped)
    )
}

fn junit_error(args: &BatchArgs, e: &std::io::Error) -> UsageError {
    let path = args
        .junit
        .as_ref()
        .map(|p| p.display().to_string())
        .unwrap_or_default();
    UsageError::input(
        format!("--junit '{path}'"),
        crate::cli::source::io_reason(e),
    )
}

/// A spinner with counts on stderr, only for a person watching a terminal.
fn progress_bar(quiet: bool) -> ProgressBar {
    if quiet || !std::io::stderr().is_terminal() || std::env::var_os("CI").is_some() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
    bar.set_style(
        ProgressStyle::with_template(
            "{spinner} {human_pos} deliveries checked ({per_sec}, {elapsed})",
        )
        .unwrap_or_else(|_| ProgressStyle::default_spinner()),
    );
    bar.enable_steady_tick(Duration::from_millis(120));
    bar
}

fn json_line(row: &Row) -> String {
    match &row.result {
        Ok(o) => report::json::render_from(o, Some(&row.source)),
        Err(e) => {
            let e = UsageError::from(e.clone());
            report::json::render_error_from(e.code, &e.message, Some(&row.source))
        }
    }
}

/// Only what needs attention: deliveries that did not verify and error rows.
fn human_line(row: &Row) -> String {
    let source = for_terminal(&row.source);
    match &row.result {
        Ok(o) if o.verified => String::new(),
        Ok(o) => {
            let (code, summary) = o
                .causes
                .first()
                .map_or((String::new(), String::new()), |c| {
                    (c.code.id(), c.summary.clone())
                });
            format!(
                "{} {source}  {}  {}: {}\n",
                fail("✗"),
                dim(&o.provider),
                code,
                for_terminal(&summary)
            )
        }
        Err(e) => format!(
            "{} {source}  error: {}\n",
            warn("!"),
            for_terminal(&UsageError::from(e.clone()).message)
        ),
    }
}

fn human_summary(s: &Summary, seconds: f64) -> String {
    format!(
        "{} {} verified · {} {} not verified · {} {} {} · {} {} in {:.2} s\n",
        ok("✓"),
        s.verified,
        fail("✗"),
        s.failed,
        warn("!"),
        s.errors,
        if s.errors == 1 { "error" } else { "errors" },
        s.total,
        if s.total == 1 {
            "delivery"
        } else {
            "deliveries"
        },
        seconds
    )
}
