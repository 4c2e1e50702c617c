//! Compiles `src/scheme/registry.toml` into the JSON that `scheme::registry` reads at run time:
//! aliases resolved, one object per scheme. Parsing TOML on every run cost about a millisecond,
//! most of a small `verify`; the JSON reads in a fraction of that. Generic over the entries:
//! whatever the TOML holds is carried over, so new registry entries need nothing here.
//! `registry::tests::compiled_tables_equal_registry_toml` checks the two stay equal.

use std::path::PathBuf;

fn main() {
    let source = "src/scheme/registry.toml";
    println!("cargo::rerun-if-changed={source}");
    println!("cargo::rerun-if-changed=build.rs");
    let text = std::fs::read_to_string(source).expect("src/scheme/registry.toml is readable");
    let file: toml::Table = toml::from_str(&text).expect("registry.toml is valid TOML");
    let entries: Vec<toml::Table> = file
        .get("scheme")
        .and_then(|v| v.as_array())
        .expect("registry.toml has [[scheme]] entries")
        .iter()
        .map(|v| v.as_table().expect("a [[scheme]] entry is a table").clone())
        .collect();
    let resolved: Vec<serde_json::Value> = entries
        .iter()
        .map(|entry| {
            serde_json::to_value(toml::Value::Table(inherit(entry, &entries)))
                .expect("TOML values convert to JSON")
        })
        .collect();
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    std::fs::write(
        out.join("registry.json"),
        serde_json::to_string(&resolved).expect("JSON serialises"),
    )
    .expect("OUT_DIR is writable");
}

/// An alias (`alias_of = "svix"`) takes every field it does not give from its base entry
/// (the same rule as `registry::inherit`, which the equality test exercises).
fn inherit(entry: &toml::Table, entries: &[toml::Table]) -> toml::Table {
    let Some(base_name) = entry.get("alias_of").and_then(|v| v.as_str()) else {
        return entry.clone();
    };
    let base = entries
        .iter()
        .find(|e| e.get("name").and_then(|v| v.as_str()) == Some(base_name))
        .expect("an alias names a scheme of the registry");
    let mut merged = base.clone();
    merged.extend(entry.clone());
    merged
}
