//! Writers running at the same time never overwrite each other (SPEC §2, §6).

use std::collections::BTreeSet;
use std::process::Stdio;

use crate::support::{Run, Sandbox};

const WRITERS: usize = 20;

#[test]
fn twenty_concurrent_idea_adds_of_one_title_leave_twenty_distinct_ideas() {
    let sb = Sandbox::new();
    let p = sb.init_project();
    // Start every process before waiting for any, so they really overlap.
    let children: Vec<_> = (0..WRITERS)
        .map(|_| {
            sb.command(&p.root, ["idea", "add", "Samme tittel"])
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn()
                .expect("spawn veikart")
        })
        .collect();
    let runs: Vec<Run> = children
        .into_iter()
        .map(|c| {
            let out = c.wait_with_output().expect("wait for veikart");
            Run::from_output("veikart idea add \"Samme tittel\"".into(), out).success()
        })
        .collect();

    let printed: BTreeSet<String> = runs.iter().map(|r| r.stdout.trim().to_string()).collect();
    let expected: BTreeSet<String> = (1..=WRITERS)
        .map(|n| if n == 1 { "samme-tittel".to_string() } else { format!("samme-tittel-{n}") })
        .collect();
    assert_eq!(printed, expected, "every writer printed its own id");

    let on_disk: BTreeSet<String> = std::fs::read_dir(p.path("ideas"))
        .expect("ideas/")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    let expected_files: BTreeSet<String> = expected.iter().map(|id| format!("{id}.toml")).collect();
    assert_eq!(on_disk, expected_files, "exactly these files, no temp files left behind");

    for id in &expected {
        let t = p.idea_toml(id);
        assert_eq!(t["title"].as_str(), Some("Samme tittel"), "{id}");
        assert_eq!(t["status"].as_str(), Some("new"), "{id}");
    }
    let run = p.run(["check"]).success();
    assert!(run.stdout.is_empty(), "{run}");
    assert_eq!(p.listed_ids(&[]).len(), WRITERS);
}

#[test]
fn concurrent_assessments_of_different_ideas_all_land() {
    let sb = Sandbox::new();
    let p = sb.init_project();
    let ids: Vec<String> = (0..10).map(|n| p.add_idea(&format!("Idé nummer {n}"), &[])).collect();
    let children: Vec<_> = ids
        .iter()
        .enumerate()
        .map(|(n, id)| {
            let score = (n % 5 + 1).to_string();
            sb.command(&p.root, ["idea", "assess", id, "--feasibility", &score, "--benefit", "5"])
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn()
                .expect("spawn veikart")
        })
        .collect();
    for c in children {
        let out = c.wait_with_output().expect("wait");
        Run::from_output("veikart idea assess".into(), out).success();
    }
    for (n, id) in ids.iter().enumerate() {
        let t = p.idea_toml(id);
        assert_eq!(t["feasibility"].as_integer(), Some(n as i64 % 5 + 1), "{id}");
        assert_eq!(t["status"].as_str(), Some("assessed"), "{id}");
    }
    p.run(["check"]).success();
}
