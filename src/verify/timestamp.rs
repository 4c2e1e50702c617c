//! The replay window: the timestamp as sent, parsed in the scheme's unit, its age against the
//! window in force, and the cause for a good signature outside it.

use crate::input::Delivery;
use crate::outcome::{Cause, CauseCode, TimestampCheck};
use crate::scheme::{Scheme, TimeUnit};

use super::{Options, Tolerance, structured_items};

/// The cause for a good signature on a delivery outside its replay window.
pub fn timestamp_cause(ts: TimestampCheck) -> Cause {
    let window = ts.tolerance_seconds.unwrap_or(0);
    let when = if ts.age_seconds >= 0 {
        format!("{} old", human_duration(ts.age_seconds))
    } else {
        format!("{} in the future", human_duration(ts.age_seconds))
    };
    Cause::new(
        CauseCode::TimestampOutsideTolerance,
        format!("the signature is valid, but the delivery is {when}, outside the {window} s window"),
    )
    .detail("age_seconds", ts.age_seconds)
    .detail("tolerance_seconds", window)
    .fix("a replayed or queued delivery: pass --no-tolerance for old captures, or check the receiver's clock")
}

/// The timestamp as sent: from its header, `--timestamp`, or an item of the signature header.
pub(super) fn timestamp_text(scheme: &Scheme, delivery: &Delivery) -> Option<String> {
    if let Some(value) = &delivery.timestamp_override {
        return Some(value.clone());
    }
    let ts = scheme.timestamp.as_ref()?;
    if ts.header.is_some() {
        return ts
            .header_names()
            .find_map(|h| delivery.values(h).into_iter().next())
            .map(|v| v.trim().to_owned());
    }
    let field = ts.field.as_deref()?;
    let (items, pair) = (
        scheme.signature.items.as_deref()?,
        scheme.signature.pair.as_deref()?,
    );
    scheme.signature.headers.iter().find_map(|h| {
        delivery.headers.get_all(h).find_map(|v| {
            structured_items(v, items, pair)
                .find(|(k, _)| *k == field)
                .map(|(_, v)| v.to_owned())
        })
    })
}

/// Parses the timestamp and checks its age against the window in force.
pub(super) fn timestamp_check(
    scheme: &Scheme,
    text: Option<&str>,
    options: &Options,
) -> Result<Option<TimestampCheck>, String> {
    let (Some(spec), Some(text)) = (&scheme.timestamp, text) else {
        return Ok(None);
    };
    let whole = |text: &str| {
        text.parse::<i64>().map_err(|_| {
            format!(
                "({text:?}) is not a whole number of {}",
                unit_name(spec.unit)
            )
        })
    };
    let seconds = match spec.unit {
        TimeUnit::Seconds => whole(text)?,
        TimeUnit::Milliseconds => whole(text)?.div_euclid(1000),
        TimeUnit::Rfc3339 => rfc3339_seconds(text)
            .ok_or_else(|| format!("({text:?}) is not an RFC 3339 date-time"))?,
        TimeUnit::Iso8601 => iso8601_seconds(text)
            .ok_or_else(|| format!("({text:?}) is not an ISO 8601 date-time"))?,
    };
    let age = options.now.saturating_sub(seconds);
    let tolerance = match options.tolerance {
        Tolerance::Off => None,
        Tolerance::Seconds(s) => Some(s),
        Tolerance::ProviderDefault => spec.window(),
    };
    let within = match tolerance {
        None => true,
        Some(window) => {
            let window = i64::try_from(window).unwrap_or(i64::MAX);
            let ahead = match (options.tolerance, spec.future_tolerance) {
                (Tolerance::ProviderDefault, Some(f)) => i64::try_from(f).unwrap_or(i64::MAX),
                _ => window,
            };
            age <= window && (!spec.future || age >= -ahead)
        }
    };
    Ok(Some(TimestampCheck {
        value: seconds,
        age_seconds: age,
        tolerance_seconds: tolerance,
        within,
    }))
}

fn unit_name(unit: TimeUnit) -> &'static str {
    match unit {
        TimeUnit::Seconds => "seconds",
        TimeUnit::Milliseconds => "milliseconds",
        TimeUnit::Rfc3339 => "RFC 3339 time",
        TimeUnit::Iso8601 => "ISO 8601 time",
    }
}

/// Unix seconds of `YYYY-MM-DDTHH:MM:SS[.frac](Z|±HH:MM)`; the fraction is dropped.
pub fn rfc3339_seconds(text: &str) -> Option<i64> {
    let b = text.trim().as_bytes();
    let num = |r: std::ops::Range<usize>| -> Option<i64> {
        let s = std::str::from_utf8(b.get(r)?).ok()?;
        s.bytes()
            .all(|c| c.is_ascii_digit())
            .then(|| s.parse().ok())?
    };
    if b.len() < 20
        || b[4] != b'-'
        || b[7] != b'-'
        || !matches!(b[10], b'T' | b't' | b' ')
        || b[13] != b':'
        || b[16] != b':'
    {
        return None;
    }
    let (year, month, day) = (num(0..4)?, num(5..7)?, num(8..10)?);
    let (hour, minute, second) = (num(11..13)?, num(14..16)?, num(17..19)?);
    if !(1..=12).contains(&month)
        || !(1..=31).contains(&day)
        || hour > 23
        || minute > 59
        || second > 60
    {
        return None;
    }
    let mut i = 19;
    if b[i] == b'.' {
        i += 1;
        let start = i;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
        if i == start {
            return None;
        }
    }
    let offset = match b.get(i..)? {
        [b'Z' | b'z'] => 0,
        [sign @ (b'+' | b'-'), _, _, b':', _, _] => {
            let h = num(i + 1..i + 3)?;
            let m = num(i + 4..i + 6)?;
            (h * 3600 + m * 60) * if *sign == b'-' { -1 } else { 1 }
        }
        _ => return None,
    };
    // Days from the civil date (Howard Hinnant's algorithm).
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    let days = era * 146_097 + doe - 719_468;
    Some(days * 86_400 + hour * 3600 + minute * 60 + second - offset)
}

/// An ISO 8601 date-time with or without its offset; without one it is UTC.
pub fn iso8601_seconds(text: &str) -> Option<i64> {
    rfc3339_seconds(text).or_else(|| {
        let t = text.trim();
        // Only a missing offset is supplied: anything else must already be RFC 3339.
        let last = t.as_bytes().last()?;
        (last.is_ascii_digit() && t.len() >= 19).then(|| rfc3339_seconds(&format!("{t}Z")))?
    })
}

/// `3725` → `1 h 2 min`: ages are easier to judge in units.
pub fn human_duration(seconds: i64) -> String {
    let s = seconds.unsigned_abs();
    match s {
        0..=119 => format!("{s} s"),
        120..=7199 => format!("{} min", s / 60),
        7200..=172_799 => format!("{} h {} min", s / 3600, (s % 3600) / 60),
        _ => format!("{} days", s / 86_400),
    }
}
