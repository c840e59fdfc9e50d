//! Merge-safe by construction (SPEC §2): two branches that add ideas and
//! change different existing ideas merge in real git without a conflict, and
//! the result checks clean.

use crate::support::{Project, Sandbox};

fn git(p: &Project, args: &[&str]) -> String {
    let run = p.sb.git(&p.root, args).success();
    run.stdout
}

fn commit_all(p: &Project, message: &str) {
    git(p, &["add", "-A"]);
    git(p, &["commit", "-q", "-m", message]);
}

#[test]
fn two_branches_changing_different_ideas_merge_without_conflict_and_check_clean() {
    let sb = Sandbox::new();
    let p = sb.init_project();
    git(&p, &["init", "-q", "-b", "main"]);
    let x = p.add_idea("Bedre skilting på legevakten", &[]);
    let y = p.add_idea("Felles venterom", &[]);
    p.add_idea("SMS-varsel når det er din tur", &[]);
    commit_all(&p, "Tre idéer fra workshopen");

    // Branch A: two new ideas, and X is assessed.
    git(&p, &["checkout", "-q", "-b", "a"]);
    let a1 = p.add_idea("Digital innsjekking", &["--kind", "innovation"]);
    let a2 = p.add_idea("Kaffe på venterommet", &[]);
    p.assess(&x, 5, 4, Some(1));
    commit_all(&p, "A: to idéer, vurderte skilting");

    // Branch B, from main: two other new ideas, and Y is parked.
    git(&p, &["checkout", "-q", "main"]);
    git(&p, &["checkout", "-q", "-b", "b"]);
    let b1 = p.add_idea("Tolk på video", &["--source", "ansatt"]);
    let b2 = p.add_idea("Ventetid på skjerm", &[]);
    p.run(["idea", "set", &y, "--status", "parked", "--reason", "Venter på nytt bygg"]).success();
    commit_all(&p, "B: to idéer, parkerte venterom");

    git(&p, &["checkout", "-q", "a"]);
    let merge = p.sb.git(&p.root, ["merge", "--no-edit", "b"]).success();
    assert!(!merge.stdout.contains("CONFLICT"), "{merge}");
    let status = git(&p, &["status", "--porcelain"]);
    assert!(status.is_empty(), "the merge left nothing unresolved: {status}");

    let run = p.run(["check"]).success();
    assert!(run.stdout.is_empty(), "check is clean after the merge\n{run}");

    let ideas = p.ideas_json(&[]);
    let ids: std::collections::BTreeSet<&str> =
        ideas.iter().filter_map(|i| i["id"].as_str()).collect();
    for id in [&x, &y, &a1, &a2, &b1, &b2] {
        assert!(ids.contains(id.as_str()), "{id} is in the merged project: {ids:?}");
    }
    assert_eq!(ideas.len(), 7);
    let get = |id: &str| ideas.iter().find(|i| i["id"] == id).expect("idea").clone();
    let xi = get(&x);
    assert_eq!(xi["status"], "assessed", "A's assessment survived: {xi}");
    assert_eq!(xi["priority"], 80.0, "5 × 4 × 5 / 1.25: {xi}");
    let yi = get(&y);
    assert_eq!(yi["status"], "parked", "B's decision survived: {yi}");
    assert_eq!(yi["reason"], "Venter på nytt bygg");
    assert_eq!(get(&b1)["source"], "employee");
    assert_eq!(get(&a1)["kind"], "innovation");
}

#[test]
fn veikart_leaves_nothing_for_git_to_see_but_the_records() {
    let sb = Sandbox::new();
    let p = sb.init_project();
    git(&p, &["init", "-q"]);
    commit_all(&p, "Start");
    let id = p.add_idea("Bedre skilting", &[]);
    p.assess(&id, 3, 3, None);
    p.run(["idea", "list"]).success();
    p.run(["check"]).success();
    let status = git(&p, &["status", "--porcelain", "--untracked-files=all"]);
    assert_eq!(status, "?? ideas/bedre-skilting.toml\n", "no lock or temp files in the project");
}
