//! The README's provider table is generated from the registry.
//! `HOOKCHECK_UPDATE_README=1 cargo test` rewrites it.

use crate::util::root;

const START: &str = "<!-- providers:start -->\n";
const END: &str = "<!-- providers:end -->";

#[test]
fn readme_provider_table_matches_the_registry() {
    let path = root().join("README.md");
    let readme = std::fs::read_to_string(&path).expect("README.md");
    let (head, rest) = readme
        .split_once(START)
        .expect("README has the providers:start marker");
    let (_, tail) = rest
        .split_once(END)
        .expect("README has the providers:end marker");
    let schemes = hookcheck::scheme::registry::all();
    let table = hookcheck::report::providers::markdown(schemes);
    // The introduction says how many schemes there are.
    let head = count_sentence(head, schemes.len());
    let fresh = format!("{head}{START}{table}{END}{tail}");
    if std::env::var_os("HOOKCHECK_UPDATE_README").is_some() {
        std::fs::write(&path, &fresh).unwrap();
        return;
    }
    assert!(
        readme == fresh,
        "README provider table is stale: run HOOKCHECK_UPDATE_README=1 cargo test"
    );
}

/// The README's library example is the crate's doctest, so it compiles and runs.
#[test]
fn readme_library_example_is_the_doctest() {
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    let lib = std::fs::read_to_string(root().join("src/lib.rs")).unwrap();
    let example = readme
        .split_once("```rust\n")
        .and_then(|(_, rest)| rest.split_once("```"))
        .map(|(code, _)| code)
        .expect("README has a rust example");
    let doc: String = lib
        .lines()
        .take_while(|l| l.starts_with("//!"))
        .map(|l| {
            l.trim_start_matches("//!")
                .strip_prefix(' ')
                .unwrap_or("")
                .to_owned()
                + "\n"
        })
        .collect();
    assert!(
        doc.contains(example),
        "README example differs from src/lib.rs:\n{example}"
    );
}

/// `It knows N provider schemes` with the registry's N.
fn count_sentence(head: &str, n: usize) -> String {
    const LEAD: &str = "It knows ";
    let Some(at) = head.find(LEAD) else {
        panic!("README's introduction lacks `{LEAD}N provider schemes`");
    };
    let digits = head[at + LEAD.len()..]
        .chars()
        .take_while(char::is_ascii_digit)
        .count();
    format!(
        "{}{LEAD}{n}{}",
        &head[..at],
        &head[at + LEAD.len() + digits..]
    )
}
