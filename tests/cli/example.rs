//! The example project under examples/ is a real project: it checks clean
//! and has what the README promises (a dozen ideas in different states).

use std::path::PathBuf;

use crate::support::Sandbox;

fn example() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("examples/fjordvik-legevakt")
}

#[test]
fn example_project_checks_clean_without_errors_or_warnings() {
    let sb = Sandbox::new();
    let dir = example();
    let dir_arg = dir.to_str().expect("UTF-8 path");
    let run = sb.run(&sb.work, ["-C", dir_arg, "check"]).success();
    assert!(run.stdout.is_empty(), "no diagnostics at all\n{run}");
    let v = sb.run(&sb.work, ["-C", dir_arg, "check", "--format", "json"]).success().json();
    assert_eq!(v["ok"], true, "{v}");
    assert_eq!(v["errors"], 0, "{v}");
    assert_eq!(v["warnings"], 0, "{v}");
    sb.run(&sb.work, ["-C", dir_arg, "check", "--strict"]).success();
}

#[test]
fn example_project_has_a_dozen_ideas_in_different_states() {
    let sb = Sandbox::new();
    let dir = example();
    let dir_arg = dir.to_str().expect("UTF-8 path");
    let v = sb.run(&sb.work, ["-C", dir_arg, "idea", "list", "--format", "json"]).success().json();
    let ideas = v["ideas"].as_array().expect("ideas");
    assert!(ideas.len() >= 12, "a dozen ideas, found {}", ideas.len());
    let states: std::collections::BTreeSet<&str> =
        ideas.iter().filter_map(|i| i["status"].as_str()).collect();
    assert!(states.len() >= 4, "ideas in different states: {states:?}");
    assert!(ideas.iter().any(|i| i["priority"].is_number()), "some ideas are assessed");

    let run = sb.run(&sb.work, ["-C", dir_arg, "status"]).success();
    assert!(run.stdout.contains("Fjordvik"), "{run}");
}

#[test]
fn example_project_is_not_changed_by_reading_it() {
    let sb = Sandbox::new();
    let dir = example();
    let dir_arg = dir.to_str().expect("UTF-8 path");
    let before = crate::support::snapshot(&dir);
    for args in [&["status"][..], &["idea", "list"], &["check"]] {
        let mut all = vec!["-C", dir_arg];
        all.extend_from_slice(args);
        let run = sb.run(&sb.work, &all);
        crate::support::assert_same_tree(&before, &crate::support::snapshot(&dir), &run);
    }
}
