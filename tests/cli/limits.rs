//! Limits and positions (issue 14): every rule the command line holds a text
//! to (length, characters, paths) `check` holds the files to as well, in
//! the same words and at the value's line and column; every file-level
//! problem carries a position where the file has one; nothing in a record
//! folder is passed over without a word.

use crate::support::{Sandbox, assert_refused, assert_same_tree, snapshot};

#[test]
fn a_hidden_separator_at_the_end_of_a_value_is_refused_not_trimmed() {
    let sb = Sandbox::new();
    for extra in [
        ["--service", "Legevakt\u{2028}"],
        ["--municipality", "Fjordvik\u{2029}"],
        ["--problem", "Lang ventetid\u{2028}"],
    ] {
        let before = snapshot(&sb.work);
        let args = [&["init", "prosjekt", "--name", "Legevakt"][..], &extra].concat();
        let (run, first) = sb.run(&sb.work, &args).failure();
        assert!(first.contains("usynlig tegn (U+202"), "{extra:?}: {run}");
        assert_same_tree(&before, &snapshot(&sb.work), &run);
        assert!(!sb.work.join("prosjekt").exists(), "{run}");
    }
    let p = sb.init_project();
    let id = p.add_idea("Skilting", &[]);
    assert_refused(
        &p,
        &sb.work,
        &["idea", "set", &id, "--description", "Skilt\u{2029}"],
        &["usynlig tegn (U+2029)"],
    );
    let (_, first) = sb.run(&sb.work, ["init", "annet", "--name", "Legevakt\u{2028}"]).failure();
    assert!(first.contains("usynlig tegn (U+2028)"), "{first}");
}
