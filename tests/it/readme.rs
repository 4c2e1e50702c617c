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
    let table = hookcheck::report::providers::markdown(hookcheck::scheme::registry::all());
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
