//! `--at REV` (issue 15): every reading command shows the project exactly as
//! it was committed at REV, read from git, and prints what the same command
//! prints on a checkout of that revision.

use crate::support::{Sandbox, example_copy};

const READERS: &[&[&str]] = &[
    &["status"],
    &["status", "--format", "json"],
    &["report"],
    &["report", "--format", "html"],
    &["report", "--format", "json"],
    &["checklist"],
    &["checklist", "--all", "--format", "json"],
    &["checklist", "--check", "--through-current"],
    &["phase"],
    &["roadmap", "show"],
    &["benefit", "list"],
    &["measure", "list"],
    &["raci", "show"],
    &["raci", "check"],
    &["idea", "list"],
    &["idea", "list", "--format", "json"],
    &["idea", "show", "digital-registrering-for-oppmote"],
    &["tech", "compare"],
    &["role", "list"],
    &["deviation", "list"],
    &["log", "list"],
    &["activity", "list"],
    &["journey", "list"],
    &["touchpoint", "list"],
    &["routine", "list"],
    &["benefit", "show", "kortere-ventetid-i-telefonkoen"],
    &["indicator", "list"],
    &["measure", "list", "--format", "json"],
    &["supplier", "list"],
    &["supplier", "show", "nordlys-telefoni-as"],
    &["owner"],
    &["proposal", "list"],
    &["user-test", "list"],
    &["tech", "list"],
    &["goal", "list"],
    &["team", "list"],
    &["stakeholder", "list"],
    &["related", "list"],
    &["insight", "list"],
    &["pilot", "show"],
    &["pilot", "finding", "list"],
    &["deviation", "show", "telefonkoen-over-20-minutter-en-fredagskveld"],
    &["check"],
    &["check", "--format", "json"],
];

#[test]
fn every_reader_at_a_revision_prints_what_it_prints_on_a_checkout_of_it() {
    let sb = Sandbox::new();
    let p = example_copy(&sb);
    sb.git(&p.root, ["init", "-q", "-b", "main"]).success();
    sb.git(&p.root, ["add", "."]).success();
    sb.git(&p.root, ["commit", "-qm", "Eksempelet"]).success();
    sb.git(&p.root, ["tag", "v1"]).success();
    // Then the project moves on, committed and not.
    p.run(["idea", "add", "Ny idé etterpå"]).success();
    p.run(["idea", "assess", "digital-registrering", "--feasibility", "1", "--benefit", "1"])
        .success();
    p.run(["measure", "record", "ventetid-i-telefonko", "2", "--date", "2026-11-22"]).success();
    p.run(["phase", "set", "pilotering", "--reason", "Tilbake for å prøve igjen", "--by", "Kari"])
        .success();
    sb.git(&p.root, ["add", "."]).success();
    sb.git(&p.root, ["commit", "-qm", "Videre"]).success();
    p.run(["idea", "add", "Ikke lagret ennå"]).success();

    let url = format!("file://{}", p.root.display());
    sb.git(&sb.work, ["clone", "-q", &url, "v1-kopi"]).success();
    let checkout = sb.work.join("v1-kopi");
    sb.git(&checkout, ["checkout", "-q", "v1"]).success();

    let mut differ = Vec::new();
    for args in READERS {
        let at: Vec<&str> = ["--at", "v1"].iter().chain(args.iter()).copied().collect();
        let here = sb.run(&p.root, &at);
        let there = sb.run(&checkout, *args);
        if there.code == 2 {
            differ.push(format!("{} does not run on the checkout:\n{there}", args.join(" ")));
        }
        if (here.code, &here.stdout) != (there.code, &there.stdout) {
            differ.push(format!(
                "{}\n--- --at v1 ---\n{here}\n--- checkout ---\n{there}",
                args.join(" ")
            ));
        }
    }
    assert!(differ.is_empty(), "{} commands differ:\n{}", differ.len(), differ.join("\n\n"));

    // The date form: the last commit on or before the day.
    let run = sb.run(&p.root, ["--at", "2026-11-23", "idea", "list"]).success();
    assert!(run.stdout.contains("Ny idé etterpå"), "{run}");
    assert!(!run.stdout.contains("Ikke lagret ennå"), "{run}");
    let run = sb.run(&p.root, ["--at", "2001-01-01", "status"]).code(2);
    assert!(run.stderr.contains("ingen commit den 2001-01-01 eller før"), "{run}");

    // Nothing is written at a revision, and nothing was written by reading.
    let before = p.snapshot();
    let run = sb.run(&p.root, ["--at", "v1", "idea", "add", "Skal ikke skrives"]).code(2);
    assert!(run.stderr.contains("--at v1 viser prosjektet slik det var"), "{run}");
    assert_eq!(p.snapshot(), before);
    let run = sb.run(&p.root, ["--at", "finnes-ikke", "status"]).code(2);
    assert!(run.stderr.contains("«finnes-ikke» er ingen revisjon"), "{run}");
}
