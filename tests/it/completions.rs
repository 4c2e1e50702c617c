//! The committed completions in completions/ and the man page in man/ are what the binary
//! prints. `HOOKCHECK_UPDATE_COMPLETIONS=1 cargo test` rewrites them after a CLI change.

use crate::util::{hookcheck, root};

#[test]
fn committed_completions_match_the_binary() {
    let shells = [
        ("bash", "hookcheck.bash"),
        ("zsh", "_hookcheck"),
        ("fish", "hookcheck.fish"),
        ("powershell", "_hookcheck.ps1"),
        ("elvish", "hookcheck.elv"),
    ];
    let update = std::env::var_os("HOOKCHECK_UPDATE_COMPLETIONS").is_some();
    for (shell, file) in shells {
        let run = hookcheck(&["completions", shell]);
        assert_eq!(run.code, 0);
        let path = root().join("completions").join(file);
        if update {
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(&path, &run.stdout).unwrap();
        }
        let committed = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            committed == run.stdout,
            "{} is stale: run HOOKCHECK_UPDATE_COMPLETIONS=1 cargo test",
            path.display()
        );
    }
}

#[test]
fn committed_man_page_matches_the_binary() {
    let run = hookcheck(&["man"]);
    assert_eq!(run.code, 0);
    assert!(run.stdout.contains(".TH hookcheck"), "{}", run.stdout);
    let path = root().join("man").join("hookcheck.1");
    if std::env::var_os("HOOKCHECK_UPDATE_COMPLETIONS").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, &run.stdout).unwrap();
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == run.stdout,
        "{} is stale: run HOOKCHECK_UPDATE_COMPLETIONS=1 cargo test",
        path.display()
    );
}
