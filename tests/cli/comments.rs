//! Files are for people too (SPEC §2): an edit changes only the values it
//! must, and a hand-written comment, on its own line or after a value,
//! survives `idea assess` and `idea set`.

use crate::support::Sandbox;

const HAND_WRITTEN: &str = "\
# Fra workshopen i oktober; Kari skrev denne.
title = \"Kaffe på venterommet\"   # foreslått av pårørende
status = \"new\"  # veikart endrer denne

# Levert på papir i resepsjonen.
submitted = 2026-10-01
tags = [ \"venterom\",  \"trivsel\" ]
";

/// Compare line by line: the first lines of `after` must equal `expected`
/// exactly; anything after them must be a new `key = value` line.
fn assert_lines(after: &str, expected: &[&str], new_keys: &[&str]) {
    let lines: Vec<&str> = after.lines().collect();
    assert!(lines.len() >= expected.len(), "the file lost lines:\n{after}");
    for (n, (got, want)) in lines.iter().zip(expected).enumerate() {
        assert_eq!(got, want, "line {} differs in:\n{after}", n + 1);
    }
    let added: Vec<&str> =
        lines[expected.len()..].iter().map(|l| l.split(" = ").next().unwrap_or_default()).collect();
    assert_eq!(added, new_keys, "new keys are appended in order:\n{after}");
    assert!(after.ends_with('\n') && !after.ends_with("\n\n"), "one trailing newline:\n{after:?}");
}

#[test]
fn comments_survive_idea_assess_and_other_lines_stay_byte_identical() {
    let sb = Sandbox::new();
    let p = sb.init_project();
    p.write("ideas/kaffe.toml", HAND_WRITTEN);
    p.run(["idea", "assess", "kaffe", "--feasibility", "4", "--benefit", "3", "--cost", "2"])
        .success();
    let after = p.read("ideas/kaffe.toml");
    assert_lines(
        &after,
        &[
            "# Fra workshopen i oktober; Kari skrev denne.",
            "title = \"Kaffe på venterommet\"   # foreslått av pårørende",
            "status = \"assessed\"  # veikart endrer denne",
            "",
            "# Levert på papir i resepsjonen.",
            "submitted = 2026-10-01",
            "tags = [ \"venterom\",  \"trivsel\" ]",
        ],
        &["feasibility", "benefit", "cost", "assessed"],
    );
    p.run(["check"]).success();
}

#[test]
fn comments_survive_idea_set_and_other_lines_stay_byte_identical() {
    let sb = Sandbox::new();
    let p = sb.init_project();
    p.write("ideas/kaffe.toml", HAND_WRITTEN);
    p.run([
        "idea",
        "set",
        "kaffe",
        "--status",
        "parked",
        "--reason",
        "Venter på nytt bygg",
        "--title",
        "Kaffe og te på venterommet",
    ])
    .success();
    let after = p.read("ideas/kaffe.toml");
    assert_lines(
        &after,
        &[
            "# Fra workshopen i oktober; Kari skrev denne.",
            "title = \"Kaffe og te på venterommet\"   # foreslått av pårørende",
            "status = \"parked\"  # veikart endrer denne",
            "",
            "# Levert på papir i resepsjonen.",
            "submitted = 2026-10-01",
            "tags = [ \"venterom\",  \"trivsel\" ]",
        ],
        // New keys come in the order the kind declares them.
        &["reason", "decided"],
    );
    p.run(["check"]).success();
}

#[test]
fn an_assessed_idea_edited_twice_changes_only_the_changed_values() {
    let sb = Sandbox::new();
    let p = sb.init_project();
    p.write("ideas/kaffe.toml", HAND_WRITTEN);
    p.assess("kaffe", 4, 3, None);
    let first = p.read("ideas/kaffe.toml");
    p.assess("kaffe", 5, 3, None);
    let second = p.read("ideas/kaffe.toml");
    let changed: Vec<(&str, &str)> =
        first.lines().zip(second.lines()).filter(|(a, b)| a != b).collect();
    assert_eq!(changed, [("feasibility = 4", "feasibility = 5")], "{second}");
    assert_eq!(first.lines().count(), second.lines().count());
}
