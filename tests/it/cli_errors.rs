//! Every usage or input error exits 2 with a message naming the culprit; JSON mode also
//! prints an error object. None of them panics or echoes a secret.

use crate::json_contract;
use crate::util::{hookcheck, hookcheck_with_stdin, path_str, scratch};

fn expect_usage(args: &[&str], stdin: &[u8], needle: &str) {
    let run = hookcheck_with_stdin(args, stdin);
    assert_eq!(run.code, 2, "{args:?}: {}{}", run.stdout, run.stderr);
    assert!(
        run.stderr.contains(needle),
        "{args:?}: stderr lacks {needle:?}: {}",
        run.stderr
    );
}

#[test]
fn unreadable_file_names_flag_and_file() {
    expect_usage(
        &[
            "verify",
            "-p",
            "github",
            "--body-file",
            "no/such.json",
            "--secret",
            "k",
        ],
        b"",
        "--body-file 'no/such.json': No such file",
    );
    expect_usage(
        &[
            "verify",
            "-p",
            "github",
            "-b",
            "x",
            "--secret-file",
            "nope.key",
        ],
        b"",
        "--secret-file 'nope.key'",
    );
    expect_usage(
        &["verify", "--request", "missing.http", "--secret", "k"],
        b"",
        "--request 'missing.http'",
    );
}

#[test]
fn bad_flag_values() {
    expect_usage(
        &[
            "verify", "-p", "github", "-b", "x", "--secret", "k", "--now", "soon",
        ],
        b"",
        "--now",
    );
    expect_usage(
        &[
            "verify", "-p", "github", "-b", "x", "--secret", "k", "--format", "xml",
        ],
        b"",
        "--format",
    );
    expect_usage(
        &[
            "verify",
            "-p",
            "github",
            "-b",
            "x",
            "--secret",
            "k",
            "--algorithm",
            "sha3",
        ],
        b"",
        "--algorithm",
    );
}

#[test]
fn malformed_header_line() {
    expect_usage(
        &[
            "verify",
            "-p",
            "github",
            "-b",
            "x",
            "-H",
            "no colon here",
            "--secret",
            "k",
        ],
        b"",
        "--header",
    );
    let dir = scratch("bad_headers");
    let file = dir.join("h");
    std::fs::write(&file, "X-A: 1\nbroken line\n").unwrap();
    expect_usage(
        &[
            "verify",
            "-p",
            "github",
            "-b",
            "x",
            "--headers-file",
            &path_str(&file),
            "--secret",
            "k",
        ],
        b"",
        "line 2",
    );
}

#[test]
fn capture_that_is_not_a_request() {
    let dir = scratch("not_request");
    let file = dir.join("body.json");
    std::fs::write(&file, "{\"not\": \"a request\"}").unwrap();
    expect_usage(
        &["verify", "--request", &path_str(&file), "--secret", "k"],
        b"",
        "not an HTTP/1.x request",
    );
}

#[test]
fn unknown_provider_suggests() {
    let run = hookcheck(&["verify", "-p", "gihtub", "-b", "x", "--secret", "k"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("--provider 'gihtub'") && run.stderr.contains("github"),
        "{}",
        run.stderr
    );
}

#[test]
fn stdin_requested_twice() {
    expect_usage(
        &[
            "verify",
            "-p",
            "github",
            "--body-file",
            "-",
            "--secret-file",
            "-",
        ],
        b"x",
        "both ask for standard input",
    );
}

#[test]
fn no_key_given() {
    expect_usage(
        &["verify", "-p", "github", "-b", "x", "-s", "sha256=00"],
        b"",
        "no key given",
    );
    expect_usage(
        &[
            "verify",
            "-p",
            "github",
            "-b",
            "x",
            "-s",
            "sha256=00",
            "--secret",
            "",
        ],
        b"",
        "the secret is empty",
    );
    expect_usage(
        &[
            "verify",
            "-p",
            "github",
            "-b",
            "x",
            "--secret-env",
            "HC_SURELY_UNSET_VAR",
        ],
        b"",
        "HC_SURELY_UNSET_VAR",
    );
}

#[test]
fn signature_needs_an_explicit_provider() {
    expect_usage(
        &["verify", "-b", "x", "-s", "sha256=00", "--secret", "k"],
        b"",
        "needs --provider",
    );
}

#[test]
fn json_mode_prints_an_error_object_and_never_the_secret() {
    let run = hookcheck(&[
        "verify",
        "-p",
        "nope",
        "-b",
        "x",
        "--secret",
        "hunter2-secret",
        "--format",
        "json",
    ]);
    assert_eq!(run.code, 2);
    let report = json_contract::parse_error(&run.stdout);
    assert_eq!(report.error.code, "unknown_provider");
    assert!(!run.stdout.contains("hunter2") && !run.stderr.contains("hunter2"));

    let run = hookcheck(&["verify", "--format", "json", "--bogus"]);
    assert_eq!(run.code, 2);
    json_contract::parse_error(&run.stdout);
}

#[test]
fn help_and_version_exit_zero() {
    assert_eq!(hookcheck(&["--help"]).code, 0);
    assert_eq!(hookcheck(&["--version"]).code, 0);
    assert_eq!(hookcheck(&["verify", "--help"]).code, 0);
}
