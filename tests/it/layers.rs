//! The library's layers only point down: a module may use a module of a lower layer, never one
//! of its own layer or above. The order is the one the README's module map gives; this test
//! reads `crate::` paths from the sources (comments and unit tests left out).

use std::collections::BTreeMap;
use std::path::Path;

/// Lowest first. Modules on one line are one layer and must not use each other.
const LAYERS: &[&[&str]] = &[
    &["encoding", "error", "escape", "explain"],
    &["input"],
    &["scheme", "outcome"],
    &["rsa_signature"],
    &["mac", "asymmetric", "canonical", "keyfetch"],
    &["jwt"],
    &["verify"],
    &["autodetect", "diagnose", "sign"],
    &["check"],
    &["batch"],
    &["report"],
];

/// Known edges that point up, each to be removed (none should be added).
#[allow(clippy::type_complexity)]
const KNOWN: &[(&str, &str)] = &[];

fn layer_of(module: &str) -> Option<usize> {
    LAYERS.iter().position(|l| l.contains(&module))
}

fn edges() -> BTreeMap<(String, String), String> {
    let mut found = BTreeMap::new();
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    for entry in walkdir::WalkDir::new(&src) {
        let entry = entry.unwrap();
        let path = entry.path();
        // Unit-test files (`tests.rs`) are not part of the library's layers.
        if path.extension().is_none_or(|e| e != "rs") || path.ends_with("tests.rs") {
            continue;
        }
        let relative = path.strip_prefix(&src).unwrap();
        let first = relative
            .components()
            .next()
            .unwrap()
            .as_os_str()
            .to_string_lossy();
        let from = first.trim_end_matches(".rs").to_owned();
        if from == "lib" || from == "main" || from == "cli" {
            continue;
        }
        let text = std::fs::read_to_string(path).unwrap();
        let code = text.split("#[cfg(test)]").next().unwrap_or("");
        for line in code.lines().filter(|l| !l.trim_start().starts_with("//")) {
            for (at, _) in line.match_indices("crate::") {
                let rest = &line[at + "crate::".len()..];
                let names: Vec<&str> = if let Some(group) = rest.strip_prefix('{') {
                    group
                        .split([',', '}'])
                        .map(|n| n.trim().split("::").next().unwrap_or(""))
                        .collect()
                } else {
                    vec![
                        rest.split(|c: char| !c.is_ascii_alphanumeric() && c != '_')
                            .next()
                            .unwrap_or(""),
                    ]
                };
                for to in names {
                    if !to.is_empty() && to != from && layer_of(to).is_some() {
                        found
                            .entry((from.clone(), to.to_owned()))
                            .or_insert_with(|| relative.display().to_string());
                    }
                }
            }
        }
    }
    found
}

#[test]
fn every_top_level_module_has_a_layer() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    for entry in std::fs::read_dir(src).unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().into_owned();
        let module = name.trim_end_matches(".rs");
        if ["lib", "main", "cli"].contains(&module) || module.ends_with(".toml") {
            continue;
        }
        assert!(
            layer_of(module).is_some(),
            "src/{name} is in no layer of tests/it/layers.rs"
        );
    }
}

#[test]
fn imports_only_point_down() {
    let mut wrong = Vec::new();
    for ((from, to), file) in edges() {
        let (Some(a), Some(b)) = (layer_of(&from), layer_of(&to)) else {
            continue;
        };
        if a <= b && !KNOWN.contains(&(from.as_str(), to.as_str())) {
            wrong.push(format!("{from} -> {to} (src/{file})"));
        }
    }
    assert!(
        wrong.is_empty(),
        "imports that point up or sideways:\n{}",
        wrong.join("\n")
    );
}
