//! The human output of a few diagnoses, pinned (with and without colour) so that wording and
//! layout change only on purpose. `INSTA_UPDATE=always cargo test` rewrites them.

use crate::util::hookcheck;

fn human(case: &str, provider: &str, now: &str, color: &str) -> String {
    let request = format!("fixtures/causes/{case}.http");
    let secret = format!("fixtures/causes/{case}.secret");
    let run = hookcheck(&[
        "verify",
        "--provider",
        provider,
        "--request",
        &request,
        "--secret-file",
        &secret,
        "--now",
        now,
        "--color",
        color,
    ]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    // Escape sequences written out, so the coloured snapshot is readable.
    run.stdout.replace('\x1b', "␛")
}

fn cases() -> Vec<(&'static str, &'static str)> {
    vec![
        ("secret_mismatch-github-other", "github"),
        ("body_trailing_newline_added-github-lf", "github"),
        ("wrong_provider-github-as-stripe", "stripe"),
        ("missing_header-slack-ts", "slack"),
        ("timestamp_outside_tolerance-svix-stale", "svix"),
        ("body_json_reserialized-stripe-compact", "stripe"),
    ]
}

fn now_of(case: &str) -> String {
    let text =
        std::fs::read_to_string(crate::util::root().join("fixtures/causes/cases.json")).unwrap();
    let cases: Vec<serde_json::Value> = serde_json::from_str(&text).unwrap();
    let c = cases.iter().find(|c| c["name"] == case).unwrap();
    c["now"].to_string()
}

#[test]
fn human_output_without_colour() {
    for (case, provider) in cases() {
        insta::assert_snapshot!(
            format!("{case}-plain"),
            human(case, provider, &now_of(case), "never")
        );
    }
}

#[test]
fn human_output_with_colour() {
    for (case, provider) in cases() {
        insta::assert_snapshot!(
            format!("{case}-color"),
            human(case, provider, &now_of(case), "always")
        );
    }
}
