//! Every captured delivery under fixtures/ through the CLI: exit code, JSON contract, first
//! cause, and the secret never in any output.

use std::path::Path;

use serde::Deserialize;

use crate::json_contract;
use crate::util::{hookcheck, path_str, root};

#[derive(Debug, Deserialize)]
struct Case {
    name: String,
    /// The scheme to check with; defaults to the folder's name.
    #[serde(default)]
    provider: Option<String>,
    request: String,
    #[serde(default)]
    secret: Option<String>,
    #[serde(default)]
    public_key: Option<String>,
    expect: String,
    cause: Option<String>,
    now: i64,
    #[serde(default)]
    url: Option<String>,
    #[serde(default)]
    args: Vec<String>,
    signed_by: String,
    #[allow(dead_code)]
    checked_by: String,
    #[allow(dead_code)]
    #[serde(default)]
    note: String,
    /// A suspect the report must list (an alteration that cannot be undone).
    #[serde(default)]
    suspect: Option<String>,
}

pub struct Loaded {
    pub provider: String,
    pub dir: std::path::PathBuf,
    cases: Vec<Case>,
}

pub fn load_all() -> Vec<Loaded> {
    let mut all = Vec::new();
    let Ok(entries) = std::fs::read_dir(root().join("fixtures")) else {
        return all;
    };
    let mut dirs: Vec<_> = entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.join("cases.json").is_file())
        .collect();
    dirs.sort();
    for dir in dirs {
        let text = std::fs::read_to_string(dir.join("cases.json")).expect("cases.json readable");
        let cases: Vec<Case> = serde_json::from_str(&text)
            .unwrap_or_else(|e| panic!("{}: {e}", dir.join("cases.json").display()));
        let provider = dir.file_name().unwrap().to_string_lossy().into_owned();
        all.push(Loaded {
            provider,
            dir,
            cases,
        });
    }
    all
}

fn args_for(provider: Option<&str>, dir: &Path, case: &Case, format: &str) -> Vec<String> {
    let mut args = vec!["verify".to_owned()];
    if let Some(p) = provider {
        args.extend(["--provider".to_owned(), p.to_owned()]);
    }
    args.extend([
        "--request".to_owned(),
        path_str(&dir.join(&case.request)),
        "--now".to_owned(),
        case.now.to_string(),
        "--format".to_owned(),
        format.to_owned(),
    ]);
    if let Some(secret) = &case.secret {
        args.extend(["--secret-file".to_owned(), path_str(&dir.join(secret))]);
    }
    if let Some(key) = &case.public_key {
        args.extend(["--public-key-file".to_owned(), path_str(&dir.join(key))]);
    }
    if let Some(url) = &case.url {
        args.extend(["--url".to_owned(), url.clone()]);
    }
    args.extend(case.args.iter().cloned());
    args
}

fn secret_text(dir: &Path, case: &Case) -> Option<String> {
    let text = std::fs::read_to_string(dir.join(case.secret.as_ref()?)).ok()?;
    Some(text.trim_end_matches('\n').to_owned())
}

#[test]
fn every_fixture_gets_its_verdict_and_first_cause() {
    let all = load_all();
    assert!(!all.is_empty(), "no fixtures found");
    let mut failures = Vec::new();
    let mut count = 0;
    for loaded in &all {
        for case in &loaded.cases {
            count += 1;
            assert!(
                !case.signed_by.is_empty(),
                "{}/{} says nothing of who signed it",
                loaded.provider,
                case.name
            );
            let provider = case.provider.as_deref().unwrap_or(&loaded.provider);
            let args = args_for(Some(provider), &loaded.dir, case, "json");
            let args: Vec<&str> = args.iter().map(String::as_str).collect();
            let run = hookcheck(&args);
            let id = format!("{}/{}", loaded.provider, case.name);
            let want_code = i32::from(case.expect != "pass");
            if run.code != want_code {
                failures.push(format!(
                    "{id}: exit {} (want {want_code}): {}{}",
                    run.code, run.stdout, run.stderr
                ));
                continue;
            }
            let report = json_contract::parse(&run.stdout);
            assert_eq!(report.provider, provider, "{id}");
            if let Some(cause) = &case.cause {
                // With --computed the cause explains the receiver's digest, not the delivery.
                let causes = report
                    .computed
                    .as_ref()
                    .map_or(&report.causes, |c| &c.causes);
                let first = causes.first().map(|c| c.code.as_str());
                if first != Some(cause.as_str()) {
                    failures.push(format!(
                        "{id}: first cause {first:?}, want {cause}: {}",
                        run.stdout
                    ));
                }
                if let Some(suspect) = &case.suspect {
                    if !report.suspects.iter().any(|s| &s.code == suspect) {
                        failures.push(format!(
                            "{id}: suspect {suspect} not listed: {}",
                            run.stdout
                        ));
                    }
                }
                if cause == "secret_mismatch" && causes.len() > 1 {
                    failures.push(format!(
                        "{id}: a wrong secret must carry no other cause: {}",
                        run.stdout
                    ));
                }
            }
            if let Some(secret) = secret_text(&loaded.dir, case).filter(|s| s.len() >= 6) {
                assert!(
                    !run.stdout.contains(&secret) && !run.stderr.contains(&secret),
                    "{id}: secret printed"
                );
                let human: Vec<String> = args_for(Some(provider), &loaded.dir, case, "human");
                let human: Vec<&str> = human.iter().map(String::as_str).collect();
                let run = hookcheck(&human);
                assert_eq!(run.code, want_code, "{id} (human)");
                assert!(
                    !run.stdout.contains(&secret) && !run.stderr.contains(&secret),
                    "{id}: secret printed"
                );
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {count} fixtures failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn every_provider_has_valid_and_invalid_fixtures() {
    for loaded in load_all() {
        let pass = loaded.cases.iter().filter(|c| c.expect == "pass").count();
        let fail = loaded.cases.iter().filter(|c| c.expect == "fail").count();
        assert!(
            pass >= 2 && fail >= 2,
            "{}: {pass} valid, {fail} invalid",
            loaded.provider
        );
        for case in &loaded.cases {
            assert!(
                loaded.dir.join(&case.request).is_file(),
                "{}/{}",
                loaded.provider,
                case.request
            );
        }
    }
}

/// Without `--provider` (what users type) every fixture gets the verdict it gets with it,
/// except where the case is about the provider setting itself (a delivery checked as another
/// provider's) or the scheme reads only a generic header (`Authorization`).
#[test]
fn auto_detection_gives_the_explicit_verdicts() {
    let generic = [
        "header-token",
        "basic",
        "zenduty-basic",
        "telegram",
        "gitlab",
    ];
    let mut failures = Vec::new();
    for loaded in load_all() {
        // A token or Basic-auth scheme is never auto-detected: its header says nothing of
        // the sender (Chargebee, Okta, RingCentral ...).
        let token_only = hookcheck::scheme::registry::find(&loaded.provider).is_some_and(|s| {
            matches!(
                s.algorithm,
                hookcheck::scheme::Algorithm::Token | hookcheck::scheme::Algorithm::Basic
            )
        });
        // Polar's and BigCommerce's deliveries are Standard Webhooks' to the byte; only the
        // secret is read differently, and a delivery must not choose how the user's secret is
        // decoded.
        let secret_twin = ["polar", "bigcommerce"].contains(&loaded.provider.as_str());
        if generic.contains(&loaded.provider.as_str()) || token_only || secret_twin {
            continue;
        }
        for case in loaded.cases.iter().filter(|c| {
            c.args.is_empty()
                && c.provider.is_none()
                && c.cause.as_deref() != Some("wrong_provider")
        }) {
            let args = args_for(None, &loaded.dir, case, "json");
            let args: Vec<&str> = args.iter().map(String::as_str).collect();
            let run = hookcheck(&args);
            let want = i32::from(case.expect != "pass");
            if run.code != want {
                failures.push(format!(
                    "{}/{}: exit {} (want {want}): {}{}",
                    loaded.provider, case.name, run.code, run.stdout, run.stderr
                ));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "auto-detection failed:\n{}",
        failures.join("\n")
    );
}

/// Every diagnosis cause has at least two fixtures made by altering an SDK-signed delivery.
#[test]
fn every_cause_code_has_two_fixtures() {
    let all = load_all();
    let causes = all
        .iter()
        .find(|l| l.provider == "causes")
        .expect("fixtures/causes");
    // unsigned_provider is covered by verify_cli::unsigned_providers_say_so.
    let codes = [
        "body_trailing_newline_added",
        "body_trailing_newline_removed",
        "body_crlf_converted",
        "body_bom_added",
        "body_whitespace_trimmed",
        "body_json_reserialized",
        "body_form_reencoded",
        "body_form_payload_extracted",
        "body_base64_encoded",
        "body_compressed",
        "body_charset_changed",
        "body_wrapped",
        "body_empty",
        "secret_whitespace",
        "secret_encoding",
        "signature_algorithm",
        "signature_encoding",
        "template_mismatch",
        "timestamp_unit",
        "wrong_header",
        "wrong_provider",
        "url_mismatch",
        "missing_header",
        "timestamp_outside_tolerance",
        "signature_malformed",
        "secret_mismatch",
    ];
    for code in codes {
        let n = causes
            .cases
            .iter()
            .filter(|c| c.cause.as_deref() == Some(code))
            .count();
        assert!(n >= 2, "{code}: {n} fixtures");
    }
}

/// Each suspect code has fixtures, and no suspect-only fixture gets a cause besides
/// `secret_mismatch`.
#[test]
fn suspects_have_fixtures() {
    let all = load_all();
    let causes = all
        .iter()
        .find(|l| l.provider == "causes")
        .expect("fixtures/causes");
    for code in [
        "body_keys_resorted",
        "body_lossy_decoded",
        "url_query_dropped",
    ] {
        let n = causes
            .cases
            .iter()
            .filter(|c| c.suspect.as_deref() == Some(code))
            .inspect(|c| assert_eq!(c.cause.as_deref(), Some("secret_mismatch"), "{}", c.name))
            .count();
        assert!(n >= 1, "{code}: {n} fixtures");
    }
}

/// Every built-in scheme cites a source and has fixtures (an alias uses its base's), except
/// the generic token/Basic schemes' own folders and providers that sign nothing.
#[test]
fn every_registry_entry_has_fixtures_and_a_source() {
    let folders: Vec<String> = load_all().into_iter().map(|l| l.provider).collect();
    for scheme in hookcheck::scheme::registry::all() {
        assert!(scheme.source.len() > 10, "{} cites no source", scheme.name);
        if scheme.algorithm == hookcheck::scheme::Algorithm::None {
            continue; // securityscorecard, crashtest: covered by verify_cli::unsigned_providers_say_so
        }
        let folder = scheme.alias_of.as_deref().unwrap_or(&scheme.name);
        assert!(
            folders.iter().any(|f| f == folder),
            "{} has no fixtures/{folder}/cases.json",
            scheme.name
        );
    }
}
