//! Human output: a one-line verdict, then each cause with what to do, then warnings.

use std::fmt::Write as _;

use crate::outcome::Outcome;

use super::style::{dim, fail, hint, ok, strong, warn};
use crate::escape::for_terminal;

/// The report for people: verdict, causes with fixes, suspects, warnings, timestamp and keys.
pub fn render(outcome: &Outcome) -> String {
    let mut out = String::new();
    let scheme = format!("{} · {}", outcome.provider, outcome.algorithm);
    if outcome.verified {
        let _ = write!(out, "{} {}", ok("✓ verified"), strong(&scheme));
        if let Some(m) = outcome.matched {
            let _ = write!(
                out,
                "{}",
                dim(&format!(" · {}", key_label(outcome, m.key_index)))
            );
            if m.signature_index > 0 {
                let _ = write!(
                    out,
                    "{}",
                    dim(&format!(" · signature {}", m.signature_index + 1))
                );
            }
        }
        out.push('\n');
    } else {
        let _ = writeln!(out, "{} {}", fail("✗ not verified"), strong(&scheme));
    }

    if let Some(ts) = outcome.timestamp {
        let window = match ts.tolerance_seconds {
            Some(w) => format!("window {w} s"),
            None => "no window".to_owned(),
        };
        let age = if ts.age_seconds.unsigned_abs() >= 120 {
            format!(
                "{} s ({})",
                ts.age_seconds,
                crate::verify::human_duration(ts.age_seconds)
            )
        } else {
            format!("{} s", ts.age_seconds)
        };
        let line = format!("timestamp {} · age {age} · {window}", ts.value);
        let _ = writeln!(
            out,
            "  {}",
            if ts.within { dim(&line) } else { warn(&line) }
        );
    }
    for cause in &outcome.causes {
        render_cause(&mut out, cause, "  ");
    }
    if let Some(first) = outcome.causes.first() {
        let _ = writeln!(
            out,
            "  {}",
            dim(&format!("more: hookcheck explain {}", first.code.id()))
        );
    }
    if !outcome.suspects.is_empty() {
        let _ = writeln!(
            out,
            "  {} {}",
            warn("suspects:"),
            dim("alterations that cannot be undone, so nothing verified; not causes")
        );
        for suspect in &outcome.suspects {
            let _ = writeln!(
                out,
                "    {} {}; the original bytes cannot be rebuilt {}",
                warn("·"),
                for_terminal(&suspect.summary),
                dim(&format!("[{}]", suspect.code))
            );
        }
    }
    if let Some(computed) = &outcome.computed {
        if computed.matches {
            let _ = writeln!(
                out,
                "  {} matches the signature of the delivery as received",
                ok("your computed digest:")
            );
        } else {
            let _ = writeln!(out, "  {} does not match", fail("your computed digest:"));
            for cause in &computed.causes {
                render_cause(&mut out, cause, "    ");
            }
        }
    }
    for warning in &outcome.warnings {
        let _ = writeln!(
            out,
            "  {} {}",
            warn("note:"),
            for_terminal(&warning.summary)
        );
    }
    out
}

/// One cause: its summary and code, what verifies, the fix and the byte diff, indented.
fn render_cause(out: &mut String, cause: &crate::outcome::Cause, indent: &str) {
    let _ = writeln!(
        out,
        "{indent}{} {} {}",
        fail("cause:"),
        for_terminal(&cause.summary),
        dim(&format!("[{}]", cause.code.id()))
    );
    if let (Some(variant), true) = (
        cause.detail.get("variant").and_then(|v| v.as_str()),
        cause.detail.contains_key("diff"),
    ) {
        let _ = writeln!(
            out,
            "{indent}  {} {}",
            dim("verifies with:"),
            for_terminal(variant)
        );
    }
    if let Some(fix) = &cause.fix {
        let _ = writeln!(out, "{indent}  {} {}", hint("fix:"), fix);
    }
    if let Some(diff) = cause.detail.get("diff") {
        render_diff(out, diff);
    }
}

fn key_label(outcome: &Outcome, index: usize) -> String {
    match outcome.keys.get(index) {
        Some(k) if outcome.keys.len() > 1 => format!(
            "key {} of {} ({}, {} bytes)",
            index + 1,
            outcome.keys.len(),
            k.fingerprint,
            k.length
        ),
        Some(k) => format!("key {} ({} bytes)", k.fingerprint, k.length),
        None => String::new(),
    }
}

/// The byte diff of a body cause: where it starts, each shown region aligned on both sides
/// with a caret under the first differing byte, and how many regions there are in all.
fn render_diff(out: &mut String, diff: &serde_json::Value) {
    let (Some(offset), Some(regions)) = (diff["first_offset"].as_u64(), diff["regions"].as_u64())
    else {
        return;
    };
    let shown = diff["shown"].as_array().map_or(&[][..], Vec::as_slice);
    let count = if regions == 1 {
        "1 differing region".to_owned()
    } else if (shown.len() as u64) < regions {
        format!("{} of {regions} differing regions shown", shown.len())
    } else {
        format!("{regions} differing regions")
    };
    let _ = writeln!(
        out,
        "    {} first difference at offset {offset} (from 0), {count}",
        dim("diff:")
    );
    if shown.is_empty() {
        for (label, key) in [
            ("received:", "received_excerpt"),
            ("signed:  ", "signed_excerpt"),
        ] {
            let text = diff[key].as_str().unwrap_or("");
            let _ = writeln!(out, "      {} {}", dim(label), for_terminal(text));
        }
        return;
    }
    for (k, region) in shown.iter().enumerate() {
        if k > 0 {
            let _ = writeln!(
                out,
                "      {}",
                dim(&format!(
                    "region {} at offset {} (signed: {}):",
                    k + 1,
                    region["received_offset"],
                    region["signed_offset"]
                ))
            );
        }
        let received = region["received_excerpt"].as_str().unwrap_or("");
        let signed = region["signed_excerpt"].as_str().unwrap_or("");
        let column = region["caret_column"].as_u64().unwrap_or(0) as usize;
        let _ = writeln!(out, "      {} {}", dim("received:"), for_terminal(received));
        let _ = writeln!(
            out,
            "      {} {}{}",
            " ".repeat(9),
            " ".repeat(column),
            warn("^")
        );
        let _ = writeln!(out, "      {} {}", dim("signed:  "), for_terminal(signed));
    }
}
