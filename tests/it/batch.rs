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
