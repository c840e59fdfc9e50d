//! `veikart diff` (issue 15): what a change means, read from real git.

use crate::support::{Project, Sandbox};

fn commit(p: &Project, message: &str) {
    p.sb.git(&p.root, ["add", "-A"]).success();
    p.sb.git(&p.root, ["commit", "-qm", message]).success();
}

fn repo(sb: &Sandbox) -> Project<'_> {
    let p = sb.init_project();
    sb.git(&p.root, ["init", "-q", "-b", "main"]).success();
    commit(&p, "Start");
    p
}

#[test]
fn diff_words_the_uncommitted_changes_and_new_files_by_kind() {
    let sb = Sandbox::new();
    let p = repo(&sb);
    let run = p.run(["diff", "--exit-code"]).success();
    assert_eq!(run.stdout, "Ingen endringer fra HEAD til arbeidskopien.\n");

    let id = p.add_idea("Bedre skilting", &[]);
    commit(&p, "Idé");
    p.assess(&id, 3, 2, Some(4));
    p.add_idea("Ny idé", &[]);
    let run = p.run(["diff"]).success();
    assert_eq!(
        run.stdout,
        "Endringer fra HEAD til arbeidskopien:\n\
         \n\
         Idéer\n\
         \x20 endret: bedre-skilting «Bedre skilting»\n\
         \x20   Status: ny → vurdert\n\
         \x20   Gjennomførbarhet: – → 3\n\
         \x20   Gevinst: – → 2\n\
         \x20   Kostnad: – → 4\n\
         \x20   Vurdert: – → 2026-11-23\n\
         \x20   Prioritet: – → 9,6\n\
         \x20 ny: ny-ide «Ny idé»\n\
         \n\
         Sjekklisten\n\
         \x20 tjenesteutvikling/ideas-scored: åpen → ferdig\n"
    );
    p.run(["diff", "--exit-code"]).code(1);
    let v = p.run(["diff", "--format", "json"]).success().json();
    assert_eq!(v["from"]["name"], "HEAD");
    assert_eq!(v["to"]["commit"], serde_json::Value::Null);
    assert_eq!(v["kinds"][0]["records"][1]["change"], "added");
    let priority = &v["kinds"][0]["records"][0]["derived_changes"][0];
    assert_eq!(priority["field"], "priority");
    assert_eq!(priority["new"], 9.6);
}

#[test]
fn a_pull_request_diff_in_markdown_from_the_common_ancestor() {
    let sb = Sandbox::new();
    let p = repo(&sb);
    p.add_idea("Bedre skilting", &[]);
    commit(&p, "Idé");
    sb.git(&p.root, ["switch", "-q", "-c", "gren"]).success();
    p.run(["phase", "set", "innsikt", "--reason", "Forankret i ledergruppen", "--by", "Kari"])
        .success();
    p.plan_waiting_time("Ventetid", &[]);
    for day in 1..=3 {
        let date = format!("2026-11-0{day}");
        p.run(["measure", "record", "ventetid", &format!("{}", 40 - day), "--date", &date])
            .success();
    }
    commit(&p, "Innsikt");
    // Meanwhile on main: a change the pull request does not make.
    sb.git(&p.root, ["switch", "-q", "main"]).success();
    p.run(["idea", "set", "bedre-skilting", "--title", "Bedre skilting ute"]).success();
    commit(&p, "Tittel");
    sb.git(&p.root, ["switch", "-q", "gren"]).success();

    let run = p.run(["diff", "main...HEAD", "--format", "md"]).success();
    assert_eq!(
        run.stdout,
        "### Endringer fra felles forgjenger av main og HEAD til HEAD\n\
         \n\
         **Prosjektet** (`veikart.toml`)\n\
         \n\
         - Fase: forankring → innsikt\n\
         - Begrunnelse: Forankret i ledergruppen\n\
         \n\
         **Gevinster**\n\
         \n\
         - ny: `kortere-ventetid` «Kortere ventetid»\n\
         \n\
         **Måleindikatorer**\n\
         \n\
         - ny: `ventetid` «Ventetid»\n\
         \n\
         **Fasebeslutninger**\n\
         \n\
         - ny: `2026-11-23-forankring-to-innsikt`\n\
         \n\
         **Målinger**\n\
         \n\
         - `ventetid`: 3 nye verdier (2026-11-01 til 2026-11-03); siste: 37 (2026-11-03); måloppnåelse: – → 15 %; tilstand: – → på plan\n\
         \n\
         **Sjekklisten**\n\
         \n\
         - ny-praksis/results-measured: åpen → ferdig\n\
         - overgang-til-drift/baselines-dated: åpen → ferdig\n\
         \n"
    );
    // Two dots compare the two ends: main's new title shows, backwards.
    let run = p.run(["diff", "main..HEAD"]).success();
    assert!(run.stdout.contains("Tittel: Bedre skilting ute → Bedre skilting"), "{run}");
    let run = p.run(["diff", "main", "HEAD"]).success();
    assert!(run.stdout.contains("Tittel: Bedre skilting ute → Bedre skilting"), "{run}");
}

#[test]
fn a_record_removed_and_added_back_and_a_renamed_file() {
    let sb = Sandbox::new();
    let p = repo(&sb);
    p.add_idea("Første", &[]);
    commit(&p, "En");
    sb.git(&p.root, ["tag", "v1"]).success();
    p.run(["idea", "rm", "forste"]).success();
    commit(&p, "Borte");
    let run = p.run(["diff", "v1", "HEAD"]).success();
    assert!(run.stdout.contains("fjernet: forste «Første»"), "{run}");
    p.add_idea("Første", &[]);
    commit(&p, "Tilbake");
    let run = p.run(["diff", "v1", "HEAD", "--exit-code"]).success();
    assert_eq!(run.stdout, "Ingen endringer fra v1 til HEAD.\n");
    sb.git(&p.root, ["mv", "ideas/forste.toml", "ideas/den-forste.toml"]).success();
    let run = p.run(["diff"]).success();
    assert!(run.stdout.contains("fjernet: forste «Første»"), "{run}");
    assert!(run.stdout.contains("ny: den-forste «Første»"), "{run}");
}

#[test]
fn diff_outside_git_or_with_an_unknown_revision_is_a_one_line_error() {
    let sb = Sandbox::new();
    let p = sb.init_project();
    let run = p.run(["diff"]).code(2);
    assert!(run.stderr.starts_with("feil: "), "{run}");
    assert!(run.stderr.contains("er ikke i et git-repo"), "{run}");
    sb.git(&p.root, ["init", "-q"]).success();
    commit(&p, "Start");
    let run = p.run(["diff", "finnes-ikke"]).code(2);
    assert!(run.stderr.contains("«finnes-ikke» er ingen revisjon"), "{run}");
    let run = p.run(["diff", "--", "--output=/tmp/x"]).code(2);
    assert!(run.stderr.contains("er ingen revisjon"), "{run}");
}

#[test]
fn diff_works_on_a_shallow_clone_as_far_as_its_history_goes() {
    let sb = Sandbox::new();
    let p = repo(&sb);
    for n in 1..=3 {
        p.add_idea(&format!("Idé {n}"), &[]);
        commit(&p, &format!("Idé {n}"));
    }
    let url = format!("file://{}", p.root.display());
    sb.git(&sb.work, ["clone", "-q", "--depth", "2", &url, "grunn"]).success();
    let clone = sb.work.join("grunn");
    let run = sb.run(&clone, ["diff", "HEAD~1", "HEAD"]).success();
    assert!(run.stdout.contains("ny: ide-3 «Idé 3»"), "{run}");
    let run = sb.run(&clone, ["diff", "HEAD~5"]).code(2);
    assert!(run.stderr.contains("er ingen revisjon"), "{run}");
}

#[test]
fn history_tells_a_records_story_commit_by_commit() {
    let sb = Sandbox::new();
    let p = repo(&sb);
    let run = p.run(["history", "--format", "md"]).success();
    assert!(run.stdout.contains("#### 2026-11-23 · Kari Nordmann · Start"), "{run}");
    let id = p.add_idea("Bedre skilting", &[]);
    commit(&p, "Ny idé");
    p.assess(&id, 4, 4, Some(2));
    commit(&p, "Vurdert i workshop");
    p.add_idea("Noe annet", &[]);
    commit(&p, "Enda en idé");
    p.run(["idea", "rm", &id]).success();
    commit(&p, "Fjernet");

    // Removed since, so named by its path.
    let run = p.run(["history", "ideas/bedre-skilting"]).success();
    let commits: Vec<&str> = run.stdout.lines().filter(|l| l.starts_with("2026")).collect();
    assert_eq!(commits.len(), 3, "{run}");
    assert!(commits[0].contains("Fjernet"), "{run}");
    assert!(commits[1].contains("Vurdert i workshop"), "{run}");
    assert!(run.stdout.contains("    endret: bedre-skilting «Bedre skilting»\n"), "{run}");
    assert!(run.stdout.contains("      Prioritet: – → 51,2\n"), "{run}");
    assert!(!run.stdout.contains("Noe annet"), "only this record: {run}");
    let v = p.run(["history", "noe-annet", "--format", "json"]).success().json();
    assert_eq!(v["record"], "noe-annet");
    assert_eq!(v["commits"].as_array().map(Vec::len), Some(1), "{v}");
    assert_eq!(v["commits"][0]["subject"], "Enda en idé");
    let run = p.run(["history", "finnes-ikke"]).code(2);
    assert!(run.stderr.contains("fant ingen post «finnes-ikke»"), "{run}");
}

#[test]
fn a_merge_is_told_by_what_it_brings_and_history_by_the_commits_it_merges() {
    let sb = Sandbox::new();
    let p = repo(&sb);
    sb.git(&p.root, ["switch", "-q", "-c", "gren"]).success();
    p.add_idea("Fra grenen", &[]);
    commit(&p, "Idé på grenen");
    sb.git(&p.root, ["switch", "-q", "main"]).success();
    p.add_idea("Fra main", &[]);
    commit(&p, "Idé på main");
    sb.git(&p.root, ["merge", "-q", "--no-edit", "gren"]).success();
    // Against its first parent, the merge brings the branch's idea.
    let run = p.run(["diff", "HEAD~1", "HEAD"]).success();
    assert!(run.stdout.contains("ny: fra-grenen «Fra grenen»"), "{run}");
    assert!(!run.stdout.contains("fra-main"), "{run}");
    let run = p.run(["history"]).success();
    let subjects: Vec<&str> = run.stdout.lines().filter(|l| l.starts_with("2026")).collect();
    assert_eq!(subjects.len(), 3, "the merge itself is left out: {run}");
    assert!(!run.stdout.contains("Merge"), "{run}");
}

#[test]
fn diff_names_the_checklist_items_whose_state_changed() {
    let sb = Sandbox::new();
    let p = repo(&sb);
    p.run([
        "checklist",
        "tick",
        "forankring",
        "management-anchoring",
        "--by",
        "Kari",
        "--note",
        "Vedtatt i ledermøtet",
    ])
    .success();
    let run = p.run(["diff"]).success();
    assert!(
        run.stdout.contains("\nSjekklisten\n  forankring/management-anchoring: åpen → ferdig\n"),
        "{run}"
    );
    let v = p.run(["diff", "--format", "json"]).success().json();
    assert_eq!(
        v["checklist_changes"],
        serde_json::json!([{"phase": "forankring", "item": "management-anchoring", "before": "åpen", "after": "ferdig"}])
    );
}
