//! `hookcheck batch` over every input format: verdicts, order, error rows, exit codes, JSON
//! Lines contract, JUnit shape and --fail-fast.

use crate::json_contract;
use crate::util::{hookcheck, hookcheck_with_stdin, path_str, root, scratch};

const KEYS: [&str; 4] = [
    "--secret-file",
    "fixtures/github/webhook.secret",
    "--secret-file",
    "fixtures/stripe/endpoint.secret",
];

fn batch(paths: &[&str], extra: &[&str]) -> crate::util::Run {
    let mut args = vec!["batch"];
    args.extend_from_slice(paths);
    args.extend_from_slice(&KEYS);
    args.extend_from_slice(extra);
    hookcheck(&args)
}

/// Each JSON line is the `verify` object plus `source`; the last line is the summary.
fn json_lines(
    stdout: &str,
) -> (
    Vec<(String, Option<json_contract::Report>)>,
    serde_json::Value,
) {
    let mut rows = Vec::new();
    let mut lines: Vec<&str> = stdout.lines().collect();
    let summary: serde_json::Value =
        serde_json::from_str(lines.pop().expect("a summary line")).unwrap();
    for line in lines {
        let mut value: serde_json::Value = serde_json::from_str(line).unwrap();
        let source = value
            .as_object_mut()
            .unwrap()
            .remove("source")
            .expect("source")
            .as_str()
            .unwrap()
            .to_owned();
        if value.get("error").is_some() {
            json_contract::parse_error(&value.to_string());
            rows.push((source, None));
        } else {
            rows.push((source, Some(json_contract::parse(&value.to_string()))));
        }
    }
    (rows, summary)
}

#[test]
fn http_directory_in_sorted_order_with_verdicts() {
    let run = batch(&["fixtures/github"], &["--format", "json"]);
    // The capture without a signature header is still recognised as GitHub's by its other
    // headers, so it is a failure (missing_header), not an input error.
    assert_eq!(run.code, 1, "{}", run.stderr);
    let (rows, summary) = json_lines(&run.stdout);
    let sources: Vec<&str> = rows.iter().map(|(s, _)| s.as_str()).collect();
    let mut sorted = sources.clone();
    sorted.sort_unstable();
    assert_eq!(sources, sorted, "input order is the sorted walk");
    let verdict = |name: &str| {
        rows.iter()
            .find(|(s, _)| s.ends_with(name))
            .unwrap()
            .1
            .as_ref()
            .map(|r| r.verified)
    };
    assert_eq!(verdict("/push-event.http"), Some(true));
    assert_eq!(verdict("/wrong-secret.http"), Some(false));
    assert_eq!(summary["summary"]["total"], rows.len());
    assert_eq!(summary["summary"]["verified"], 4);
    assert_eq!(summary["summary"]["errors"], 0);
    let missing = rows
        .iter()
        .find(|(s, _)| s.ends_with("/signature-header-missing.http"))
        .unwrap();
    assert_eq!(missing.1.as_ref().unwrap().causes[0].code, "missing_header");
    assert_eq!(summary["summary"]["errors"], 0);
    let missing = rows
        .iter()
        .find(|(s, _)| s.ends_with("/signature-header-missing.http"))
        .unwrap();
    assert_eq!(missing.1.as_ref().unwrap().causes[0].code, "missing_header");
}

#[test]
fn har_and_jsonl_with_base64_bodies_and_error_rows() {
    let run = batch(
        &[
            "fixtures/batch/export.har",
            "fixtures/batch/deliveries.jsonl",
        ],
        &["--format", "json", "--now-from-input"],
    );
    assert_eq!(run.code, 2, "the malformed JSONL line is an input error");
    let (rows, summary) = json_lines(&run.stdout);
    let get = |src: &str| {
        rows.iter()
            .find(|(s, _)| s == src)
            .unwrap_or_else(|| panic!("{src} missing: {rows:?}"))
    };
    assert!(
        get("fixtures/batch/export.har#1")
            .1
            .as_ref()
            .unwrap()
            .verified
    );
    assert!(
        !get("fixtures/batch/export.har#3")
            .1
            .as_ref()
            .unwrap()
            .verified
    );
    assert!(
        get("fixtures/batch/deliveries.jsonl:4#form-b64")
            .1
            .as_ref()
            .unwrap()
            .verified,
        "body_base64"
    );
    assert_eq!(
        get("fixtures/batch/deliveries.jsonl:5#stripe-ok")
            .1
            .as_ref()
            .unwrap()
            .provider,
        "stripe"
    );
    assert!(
        get("fixtures/batch/deliveries.jsonl:6").1.is_none(),
        "error row names file and line"
    );
    assert_eq!(summary["summary"]["errors"], 1);
    assert_eq!(summary["summary"]["failed"], 2);
}

#[test]
fn exit_codes_follow_the_worst_row() {
    let dir = scratch("batch_exit");
    std::fs::copy(
        root().join("fixtures/github/push-event.http"),
        dir.join("a.http"),
    )
    .unwrap();
    assert_eq!(batch(&[&path_str(&dir)], &[]).code, 0);
    std::fs::copy(
        root().join("fixtures/github/wrong-secret.http"),
        dir.join("b.http"),
    )
    .unwrap();
    assert_eq!(batch(&[&path_str(&dir)], &[]).code, 1);
    std::fs::write(dir.join("c.http"), "not a request").unwrap();
    let run = batch(&[&path_str(&dir)], &[]);
    assert_eq!(run.code, 2);
    assert!(
        run.stdout.contains("c.http") && run.stdout.contains("not an HTTP/1.x request"),
        "{}",
        run.stdout
    );
}

#[test]
fn fail_fast_stops_at_the_first_failure() {
    let run = batch(
        &["fixtures/github"],
        &["--format", "json", "--fail-fast", "-p", "github"],
    );
    let (rows, _) = json_lines(&run.stdout);
    assert_eq!(run.code, 1);
    assert!(rows.last().unwrap().1.as_ref().is_some_and(|r| !r.verified));
    assert_eq!(
        rows.iter()
            .filter(|(_, r)| r.as_ref().is_some_and(|r| !r.verified))
            .count(),
        1
    );
}

#[test]
fn jsonl_from_stdin() {
    let lines = std::fs::read(root().join("fixtures/batch/deliveries.jsonl")).unwrap();
    let mut args = vec!["batch", "-", "--format", "json"];
    args.extend_from_slice(&KEYS);
    let run = hookcheck_with_stdin(&args, &lines);
    let (rows, _) = json_lines(&run.stdout);
    assert_eq!(rows[0].0, "-:1#push-event");
    assert!(rows[0].1.as_ref().unwrap().verified);
}

#[test]
fn junit_report_has_the_schema_shape() {
    let dir = scratch("batch_junit");
    let report = dir.join("report.xml");
    let run = batch(
        &["fixtures/github"],
        &["-q", "-p", "github", "--junit", &path_str(&report)],
    );
    assert_eq!(run.code, 1);
    assert!(run.stdout.is_empty());
    let xml = std::fs::read_to_string(&report).unwrap();
    assert!(xml.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites "));
    assert!(
        xml.contains(
            "<testsuite name=\"hookcheck batch\" tests=\"15\" failures=\"11\" errors=\"0\""
        ),
        "{xml}"
    );
    // 9 SDK-signed deliveries (5 invalid) and 6 octokit test-suite vectors (sdk-test-*), which
    // all fail here: they use the suite's own secrets, not the folder's webhook.secret.
    assert_eq!(xml.matches("<testcase ").count(), 15);
    assert_eq!(xml.matches("<failure message=").count(), 11);
    assert!(xml.contains("type=\"missing_header\""));
    assert!(xml.trim_end().ends_with("</testsuite>\n</testsuites>"));
    // Balanced elements: every opened testcase with children is closed.
    assert_eq!(
        xml.matches("\">\n      <failure").count(),
        xml.matches("</testcase>").count()
    );
    assert!(!dir.join("report.xml.partial").exists());
}

#[test]
fn batch_never_prints_a_secret() {
    let run = batch(
        &["fixtures/github", "fixtures/batch"],
        &["--format", "json"],
    );
    for secret in [
        "fixtures/github/webhook.secret",
        "fixtures/stripe/endpoint.secret",
    ] {
        let text = std::fs::read_to_string(root().join(secret)).unwrap();
        assert!(!run.stdout.contains(text.trim_end()) && !run.stderr.contains(text.trim_end()));
    }
}

/// A batch that checked nothing is not green: exit 2, naming what it passed over.
#[test]
fn a_batch_that_checks_nothing_fails() {
    let empty = scratch("batch_empty");
    let run = batch(&[&path_str(&empty)], &[]);
    assert_eq!(run.code, 2, "{}{}", run.stdout, run.stderr);
    assert!(run.stderr.contains("no deliveries"), "{}", run.stderr);

    let notes = scratch("batch_only_notes");
    std::fs::write(notes.join("README.txt"), "not a capture").unwrap();
    let run = batch(&[&path_str(&notes)], &[]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("README.txt"), "{}", run.stderr);
}

/// Skipped files are counted in JSON and listed in the human summary; a link back up the
/// tree is not followed (no loop, no file counted twice).
#[test]
fn skipped_files_are_reported_and_links_not_followed() {
    let dir = scratch("batch_skipped");
    for name in ["a.http", "b.http", "c.http"] {
        std::fs::copy(
            root().join("fixtures/github/push-event.http"),
            dir.join(name),
        )
        .unwrap();
    }
    std::fs::write(dir.join("notes.txt"), "x").unwrap();
    #[cfg(unix)]
    std::os::unix::fs::symlink("..", dir.join("up")).unwrap();
    let run = batch(
        &[&path_str(&dir)],
        &["--format", "json", "--now", "1763950010"],
    );
    let (rows, summary) = json_lines(&run.stdout);
    assert_eq!(rows.len(), 3, "{}", run.stdout);
    assert_eq!(summary["summary"]["skipped"], 1);
    let human = batch(&[&path_str(&dir)], &["--now", "1763950010"]);
    assert!(human.stdout.contains("notes.txt"), "{}", human.stdout);
}

/// One GitHub JSON Lines delivery signed with fixtures/github/webhook.secret.
fn github_line(i: usize, pad: usize) -> String {
    use hmac::{KeyInit, Mac};
    let secret = std::fs::read(root().join("fixtures/github/webhook.secret")).unwrap();
    let secret = secret.trim_ascii_end();
    let body = format!(r#"{{"id":{i},"pad":"{}"}}"#, "x".repeat(pad));
    let mut mac = <hmac::Hmac<sha2::Sha256> as KeyInit>::new_from_slice(secret).unwrap();
    mac.update(body.as_bytes());
    let sig = hex::encode(mac.finalize().into_bytes());
    serde_json::json!({
        "headers": {"X-Hub-Signature-256": format!("sha256={sig}"), "X-GitHub-Event": "push"},
        "body": body,
    })
    .to_string()
        + "\n"
}

fn batch_child(extra: &[&str]) -> std::process::Child {
    let mut args = vec![
        "batch",
        "-",
        "--provider",
        "github",
        "--secret-file",
        "fixtures/github/webhook.secret",
    ];
    args.extend_from_slice(extra);
    std::process::Command::new(env!("CARGO_BIN_EXE_hookcheck"))
        .args(&args)
        .current_dir(root())
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("the binary runs")
}

/// `producer | hookcheck batch -` with a slow producer: each result is written while stdin is
/// still open, not held back until EOF or a full chunk.
#[test]
fn stdin_results_arrive_before_eof() {
    use std::io::{BufRead, Write};
    use std::time::Duration;
    let mut child = batch_child(&["--format", "json"]);
    let mut stdin = child.stdin.take().unwrap();
    let stdout = child.stdout.take().unwrap();
    let (send, lines) = std::sync::mpsc::channel();
    let reader = std::thread::spawn(move || {
        for line in std::io::BufReader::new(stdout).lines() {
            if send.send(line.unwrap()).is_err() {
                break;
            }
        }
    });
    for i in 0..3 {
        stdin.write_all(github_line(i, 100).as_bytes()).unwrap();
        stdin.flush().unwrap();
        // stdin stays open: the result must come anyway.
        let row = lines
            .recv_timeout(Duration::from_secs(20))
            .unwrap_or_else(|_| panic!("no result for line {} before EOF", i + 1));
        let row: serde_json::Value = serde_json::from_str(&row).unwrap();
        assert_eq!(row["verified"], true, "{row}");
        assert_eq!(row["source"], format!("-:{}", i + 1));
    }
    drop(stdin);
    let summary: serde_json::Value =
        serde_json::from_str(&lines.recv_timeout(Duration::from_secs(20)).unwrap()).unwrap();
    assert_eq!(summary["summary"]["total"], 3);
    assert!(child.wait().unwrap().success());
    reader.join().unwrap();
}

/// Peak RSS (VmHWM, KiB) of `batch -` fed `count` lines, read just before stdin closes.
#[cfg(target_os = "linux")]
fn peak_rss_kib(count: usize) -> u64 {
    use std::io::Write;
    let mut child = batch_child(&["-q", "--no-diagnose"]);
    let mut stdin = std::io::BufWriter::new(child.stdin.take().unwrap());
    let line = github_line(0, 1000);
    for _ in 0..count {
        stdin.write_all(line.as_bytes()).unwrap();
    }
    stdin.flush().unwrap();
    let status = std::fs::read_to_string(format!("/proc/{}/status", child.id())).unwrap();
    drop(stdin);
    assert!(child.wait().unwrap().success());
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .expect("VmHWM in /proc/PID/status")
}

/// Lines are streamed, not stored: ten times the input (60 MB here; `scripts/bench.sh` runs
/// 10 million lines) leaves the peak memory where it was.
#[cfg(target_os = "linux")]
#[test]
fn stdin_memory_stays_flat() {
    let small = peak_rss_kib(6_000);
    let large = peak_rss_kib(60_000);
    assert!(
        large < small + 16 * 1024,
        "peak RSS grew with the input: {small} KiB for 6,000 lines, {large} KiB for 60,000"
    );
}

/// A PayPal capture as one JSON line (its headers in order, its body), with `extra` fields.
fn paypal_line(capture: &str, extra: &serde_json::Value) -> String {
    let text = std::fs::read_to_string(root().join("fixtures/paypal").join(capture)).unwrap();
    let (head, body) = text.split_once("\r\n\r\n").unwrap();
    let headers: Vec<[&str; 2]> = head
        .lines()
        .skip(1)
        .map(|l| {
            let (name, value) = l.split_once(':').unwrap();
            [name, value.trim()]
        })
        .collect();
    let mut line = serde_json::json!({"provider": "paypal", "headers": headers, "body": body});
    for (k, v) in extra.as_object().unwrap() {
        line[k] = v.clone();
    }
    line.to_string() + "\n"
}

/// Each row's verdict (None for an error row) with its text, and the summary.
fn verdicts(stdout: &str) -> (Vec<(Option<bool>, String)>, serde_json::Value) {
    let mut lines: Vec<&str> = stdout.lines().collect();
    let summary = serde_json::from_str(lines.pop().expect("a summary line")).unwrap();
    let rows = lines
        .iter()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            (v["verified"].as_bool(), (*l).to_owned())
        })
        .collect();
    (rows, summary)
}

/// `batch` over PayPal captures: `--param` for every delivery, and each certificate URL read
/// once from --key-cache (no request: CI has no network).
fn paypal_batch(paths: &[&str], cache: &std::path::Path, extra: &[&str]) -> crate::util::Run {
    let cache = path_str(cache);
    let mut args = vec!["batch"];
    args.extend_from_slice(paths);
    args.extend_from_slice(&["--fetch-keys", "--key-cache", &cache]);
    args.extend_from_slice(&["--now", crate::rsa::NOW, "--format", "json"]);
    args.extend_from_slice(extra);
    hookcheck(&args)
}

#[test]
fn batch_verifies_paypal_captures_with_param_and_cached_certificates() {
    let cache = crate::rsa::paypal_key_cache("batch-paypal");
    let captures = [
        "fixtures/paypal/payment-capture-completed.http",
        "fixtures/paypal/nonascii.http",
        "fixtures/paypal/crc32-collision.http",
    ];
    for provider in ["auto", "paypal"] {
        let extra = ["-p", provider, "--param", crate::rsa::WEBHOOK_ID];
        let run = paypal_batch(&captures, &cache, &extra);
        assert_eq!(run.code, 0, "{provider}: {}{}", run.stdout, run.stderr);
        let (rows, summary) = verdicts(&run.stdout);
        assert_eq!(summary["summary"]["verified"], 3, "{}", run.stdout);
        assert!(
            rows.iter()
                .all(|(_, text)| text.contains("was read from the cache")),
            "{}",
            run.stdout
        );
    }
    // Without --param every delivery is an error row naming the flag, as `verify` exits 2.
    let run = paypal_batch(&captures[..1], &cache, &[]);
    assert_eq!(run.code, 2, "{}{}", run.stdout, run.stderr);
    let (rows, _) = verdicts(&run.stdout);
    assert!(rows[0].1.contains("\"missing_param\""), "{}", rows[0].1);
    assert!(
        rows[0].1.contains("--param webhook_id=VALUE"),
        "{}",
        rows[0].1
    );
    // A scheme given for every delivery that names no certificate: exit 2 before any check.
    let run = paypal_batch(&["fixtures/github"], &cache, &["-p", "github"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr.contains("names no certificate URL"),
        "{}",
        run.stderr
    );
}

#[test]
fn batch_flag_params_win_over_lines_and_params_only_change_the_signed_content() {
    use serde_json::json;
    let cache = crate::rsa::paypal_key_cache("batch-paypal-params");
    let live = "payment-capture-completed.http";
    let sandbox_id = json!({"params": {"webhook_id": crate::rsa::SANDBOX_WEBHOOK_ID}});
    // Whatever a hostile line sets (another webhook id, names of headers or of the template's
    // other parts), a changed body still fails: parameters are read only as {param:NAME}.
    let hostile = json!({"params": {
        "webhook_id": "4JH86294D6297924G",
        "PAYPAL-TRANSMISSION-SIG": "AAAA",
        "PAYPAL-CERT-URL": "https://evil.example/v1/notifications/certs/CERT-1",
        "body_crc32": "0",
        "body": "x",
    }});
    let input = [
        paypal_line(live, &json!({})),
        paypal_line("sandbox.http", &sandbox_id),
        paypal_line(live, &sandbox_id),
        paypal_line(live, &hostile).replace("19.99", "99.99"),
        paypal_line(live, &json!({"params": {}})),
    ]
    .concat();
    let cache = path_str(&cache);
    let run_with = |flag: &[&str]| {
        let mut args = vec![
            "batch",
            "-",
            "--fetch-keys",
            "--key-cache",
            &cache,
            "--now",
            crate::rsa::NOW,
            "--format",
            "json",
        ];
        args.extend_from_slice(flag);
        let run = hookcheck_with_stdin(&args, input.as_bytes());
        let (rows, _) = verdicts(&run.stdout);
        (run, rows)
    };
    // With --param, the flag's webhook id is the one checked, whatever a line says: the
    // sandbox delivery (signed for another webhook) fails even though its line names that one.
    let (run, rows) = run_with(&["--param", crate::rsa::WEBHOOK_ID]);
    assert_eq!(run.code, 1, "{}{}", run.stdout, run.stderr);
    let got: Vec<Option<bool>> = rows.iter().map(|(v, _)| *v).collect();
    assert_eq!(
        got,
        [Some(true), Some(false), Some(true), Some(false), Some(true)],
        "{}",
        run.stdout
    );
    // Without it, each line's own value is the one checked; a line without one is an error row
    // naming the flag.
    let (run, rows) = run_with(&[]);
    assert_eq!(run.code, 2, "{}{}", run.stdout, run.stderr);
    let got: Vec<Option<bool>> = rows.iter().map(|(v, _)| *v).collect();
    assert_eq!(
        got,
        [None, Some(true), Some(false), Some(false), None],
        "{}",
        run.stdout
    );
    assert!(rows[2].1.contains("8PT597110X687430L"), "{}", rows[2].1);
}

#[test]
fn batch_reports_a_refused_certificate_url_as_that_deliverys_error() {
    let cache = crate::rsa::paypal_key_cache("batch-paypal-refused");
    let live = "payment-capture-completed.http";
    let good = paypal_line(live, &serde_json::json!({}));
    let evil = good.replace(
        crate::rsa::PAYPAL_CERT_URL,
        "https://evil.example/v1/notifications/certs/CERT-1",
    );
    let input = [good.clone(), evil, good].concat();
    let cache_arg = path_str(&cache);
    let args = [
        "batch",
        "-",
        "--param",
        crate::rsa::WEBHOOK_ID,
        "--fetch-keys",
        "--key-cache",
        &cache_arg,
        "--now",
        crate::rsa::NOW,
        "--format",
        "json",
    ];
    let run = hookcheck_with_stdin(&args, input.as_bytes());
    // Every delivery is checked and reported; the error row makes the run exit 2 at the end,
    // as any batch error row does.
    assert_eq!(run.code, 2, "{}{}", run.stdout, run.stderr);
    let (rows, summary) = verdicts(&run.stdout);
    assert_eq!(rows.len(), 3, "{}", run.stdout);
    assert_eq!(
        (rows[0].0, rows[1].0, rows[2].0),
        (Some(true), None, Some(true))
    );
    assert!(rows[1].1.contains("refused to fetch"), "{}", rows[1].1);
    assert!(rows[1].1.contains("\"fetch_keys\""), "{}", rows[1].1);
    assert_eq!(summary["summary"]["errors"], 1);
    // Nothing was fetched: the cache holds only what the test put there.
    assert_eq!(std::fs::read_dir(&cache).unwrap().count(), 2);
}

#[test]
fn batch_refuses_a_malformed_param() {
    let run = batch(&["fixtures/github"], &["--param", "webhook_id"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("--param \"webhook_id\": is not NAME=VALUE"),
        "{}",
        run.stderr
    );
}
