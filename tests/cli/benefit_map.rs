//! The benefit map (issue 16, item 3): `benefit link`, `benefit unlink` and
//! `benefit map`, the links stored on the benefit records (merge-safe), the
//! warnings `check` gives about loose ends, and the map in the report.

use crate::support::{Project, Sandbox, assert_refused, example_copy};

/// A goal with a hostile text, a plain goal, a benefit, two proposals, a
/// technology option and two touchpoints; nothing linked yet.
fn project(sb: &Sandbox) -> Project<'_> {
    let p = sb.init_project();
    for args in [
        &["goal", "add", "Si \"hei\" | <script>alert(1)</script>", "--measure", "Andel"][..],
        &["goal", "add", "Kortere kø"],
        &["benefit", "add", "Mindre venting", "--type", "time"],
        &["proposal", "add", "Kø-lapp"],
        &["proposal", "add", "SMS-varsel"],
        &["tech", "add", "Kølapp-automat", "--decision", "buy"],
        &["touchpoint", "add", "Skranken", "--channel", "physical"],
        &["touchpoint", "add", "Telefonen", "--channel", "digital"],
    ] {
        p.run(args).success();
    }
    p
}

fn link_all(p: &Project) {
    p.run([
        "benefit",
        "link",
        "mindre",
        "--goal",
        "si",
        "--goal",
        "kortere",
        "--enabler",
        "ko-lapp",
        "--enabler",
        "tech/kolapp",
        "--enabler",
        "touchpoint/skranken",
    ])
    .success();
}

#[test]
fn links_are_written_sorted_one_a_line_and_linking_again_changes_nothing() {
    let sb = Sandbox::new();
    let p = project(&sb);
    link_all(&p);
    let text = p.read("benefits/mindre-venting.toml");
    assert!(
        text.ends_with(
            "goals = [\n  \"kortere-ko\",\n  \"si-hei-script-alert-1-script\",\n]\n\
             enablers = [\n  \"proposals/ko-lapp\",\n  \"technologies/kolapp-automat\",\n  \"touchpoints/skranken\",\n]\n"
        ),
        "{text}"
    );
    let before = p.snapshot();
    let run = p
        .run(["benefit", "link", "mindre", "--goal", "kortere", "--enabler", "proposals/ko-lapp"])
        .success();
    assert!(run.stderr.contains("Ingen endring"), "{run}");
    assert_eq!(before, p.snapshot(), "linking what is linked changes nothing");

    p.run(["benefit", "unlink", "mindre", "--goal", "si", "--enabler", "tech/kolapp"]).success();
    let text = p.read("benefits/mindre-venting.toml");
    assert!(text.contains("goals = [\n  \"kortere-ko\",\n]\n"), "{text}");
    assert!(!text.contains("technologies/"), "{text}");
    p.run(["benefit", "unlink", "mindre", "--goal", "kortere"]).success();
    assert!(!p.read("benefits/mindre-venting.toml").contains("goals"), "an empty list goes");
}

#[test]
fn unknown_and_ambiguous_ids_are_refused_and_nothing_changes() {
    let sb = Sandbox::new();
    let p = project(&sb);
    // `sms` could be… only the proposal here; add a touchpoint of the same start.
    p.run(["touchpoint", "add", "SMS-påminnelse", "--channel", "digital"]).success();
    let root = p.root.clone();
    assert_refused(
        &p,
        &root,
        &["benefit", "link", "mindre", "--enabler", "finnes-ikke"],
        &["finnes-ikke"],
    );
    assert_refused(
        &p,
        &root,
        &["benefit", "link", "mindre", "--goal", "finnes-ikke"],
        &["finnes-ikke"],
    );
    let run =
        assert_refused(&p, &root, &["benefit", "link", "mindre", "--enabler", "sms"], &["sms"]);
    assert!(run.stderr.contains("proposals/sms-varsel"), "{run}");
    assert!(run.stderr.contains("touchpoints/sms-paminnelse"), "{run}");
    // Valid goal, unknown enabler: neither is written.
    assert_refused(
        &p,
        &root,
        &["benefit", "link", "mindre", "--goal", "kortere", "--enabler", "nei"],
        &["nei"],
    );
    assert_refused(&p, &root, &["benefit", "link", "mindre"], &["ingenting å koble"]);
    // A hand-written link without its folder is what `check` calls wrong.
    p.write(
        "benefits/mindre-venting.toml",
        &(p.read("benefits/mindre-venting.toml") + "enablers = [\"ko-lapp\"]\n"),
    );
    let run = p.run(["check"]).code(1);
    assert!(
        run.stdout
            .contains("error[bad-id]: `ko-lapp` i `enablers` sier ikke hva slags post det er"),
        "{run}"
    );
    assert!(run.stdout.contains("som `proposals/ko-lapp`"), "{run}");
}

#[test]
fn a_linked_proposal_cannot_be_removed() {
    let sb = Sandbox::new();
    let p = project(&sb);
    link_all(&p);
    let root = p.root.clone();
    let run = assert_refused(&p, &root, &["proposal", "rm", "ko-lapp"], &["ko-lapp"]);
    assert!(run.stderr.contains("benefits/mindre-venting.toml"), "{run}");
    assert!(run.stderr.contains("(enablers)"), "{run}");
    p.run(["benefit", "unlink", "mindre", "--enabler", "proposal/ko-lapp"]).success();
    p.run(["proposal", "rm", "ko-lapp"]).success();
}

#[test]
fn check_warns_about_loose_ends_and_hints_at_the_fix() {
    let sb = Sandbox::new();
    let p = project(&sb);
    p.run(["proposal", "decide", "sms", "keep", "--reason", "Brukerne likte den"]).success();
    p.run(["proposal", "estimate", "sms", "--cost", "1000", "--gain", "Færre i køen"]).success();
    p.run(["tech", "set", "kolapp", "--status", "chosen", "--reason", "Billigst"]).success();
    let run = p.run(["--lang", "en", "check"]).success();
    for want in [
        "benefits/mindre-venting.toml:1:1: warning[benefit-without-goal]: the benefit `Mindre venting` serves no goal",
        "hint: link it with `veikart benefit link mindre-venting --goal GOAL`",
        "goals/kortere-ko.toml:1:1: warning[goal-without-benefit]: no benefit serves the goal `Kortere kø`",
        "hint: link a benefit with `veikart benefit link BENEFIT --goal kortere-ko`",
        "warning[enabler-without-benefit]: `SMS-varsel` (proposal) is chosen but brings no benefit in the benefit map",
        "hint: link it to the benefit it brings with `veikart benefit link BENEFIT --enabler proposal/sms-varsel`",
        "warning[enabler-without-benefit]: `Kølapp-automat` (technology option) is chosen",
        "--enabler tech/kolapp-automat`",
    ] {
        assert!(run.stdout.contains(want), "{want}\n{run}");
    }
    p.run([
        "benefit",
        "link",
        "mindre",
        "--goal",
        "si",
        "--goal",
        "kortere",
        "--enabler",
        "proposal/sms",
        "--enabler",
        "tech/kolapp",
    ])
    .success();
    let run = p.run(["check"]).success();
    assert!(run.stdout.is_empty(), "no loose ends left\n{run}");
}

#[test]
fn the_map_in_every_format_with_hostile_titles_escaped() {
    let sb = Sandbox::new();
    let p = project(&sb);
    link_all(&p);
    let md = p.run(["benefit", "map", "--format", "md"]).success().stdout;
    assert_eq!(
        md,
        "```mermaid\nflowchart LR\n    e1[\"Kø-lapp\"]\n    e2[\"Kølapp-automat\"]\n    e3[\"Skranken\"]\n    \
         b1(\"Mindre venting\")\n    g1([\"Kortere kø\"])\n    g2([\"Si 'hei' | scriptalert(1)/script\"])\n    \
         e1 --> b1\n    e2 --> b1\n    e3 --> b1\n    b1 --> g1\n    b1 --> g2\n```\n"
    );
    let dot = p.run(["benefit", "map", "--format", "dot"]).success().stdout;
    assert_eq!(
        dot,
        "digraph gevinstkart {\n    rankdir=LR;\n    node [fontname=\"sans-serif\"];\n    { rank=same;\n        \
         \"proposals/ko-lapp\" [shape=box, label=\"Kø-lapp\"];\n        \
         \"technologies/kolapp-automat\" [shape=box, label=\"Kølapp-automat\"];\n        \
         \"touchpoints/skranken\" [shape=box, label=\"Skranken\"];\n    }\n    { rank=same;\n        \
         \"benefits/mindre-venting\" [shape=box, style=rounded, label=\"Mindre venting\"];\n    }\n    { rank=same;\n        \
         \"goals/kortere-ko\" [shape=ellipse, label=\"Kortere kø\"];\n        \
         \"goals/si-hei-script-alert-1-script\" [shape=ellipse, label=\"Si \\\"hei\\\" | <script>alert(1)</script>\"];\n    }\n    \
         \"proposals/ko-lapp\" -> \"benefits/mindre-venting\";\n    \
         \"technologies/kolapp-automat\" -> \"benefits/mindre-venting\";\n    \
         \"touchpoints/skranken\" -> \"benefits/mindre-venting\";\n    \
         \"benefits/mindre-venting\" -> \"goals/kortere-ko\";\n    \
         \"benefits/mindre-venting\" -> \"goals/si-hei-script-alert-1-script\";\n}\n"
    );
    let json = p.run(["benefit", "map", "--format", "json"]).success().json();
    let node = |key: &str, id: &str, kind: &str, column: &str, title: &str| serde_json::json!({ "key": key, "id": id, "kind": kind, "column": column, "title": title });
    let edge = |from: &str, to: &str| serde_json::json!({ "from": from, "to": to });
    assert_eq!(
        json,
        serde_json::json!({
            "version": 2,
            "nodes": [
                node("proposals/ko-lapp", "ko-lapp", "proposals", "enabler", "Kø-lapp"),
                node("technologies/kolapp-automat", "kolapp-automat", "technologies", "enabler", "Kølapp-automat"),
                node("touchpoints/skranken", "skranken", "touchpoints", "enabler", "Skranken"),
                node("benefits/mindre-venting", "mindre-venting", "benefits", "benefit", "Mindre venting"),
                node("goals/kortere-ko", "kortere-ko", "goals", "goal", "Kortere kø"),
                node("goals/si-hei-script-alert-1-script", "si-hei-script-alert-1-script", "goals", "goal", "Si \"hei\" | <script>alert(1)</script>"),
            ],
            "edges": [
                edge("proposals/ko-lapp", "benefits/mindre-venting"),
                edge("technologies/kolapp-automat", "benefits/mindre-venting"),
                edge("touchpoints/skranken", "benefits/mindre-venting"),
                edge("benefits/mindre-venting", "goals/kortere-ko"),
                edge("benefits/mindre-venting", "goals/si-hei-script-alert-1-script"),
            ],
        })
    );
    let text = p.run(["--lang", "en", "benefit", "map"]).success().stdout;
    assert_eq!(
        text,
        "benefit: Mindre venting (benefits/mindre-venting)\n  \
         ← proposal: Kø-lapp (proposals/ko-lapp)\n  \
         ← technology option: Kølapp-automat (technologies/kolapp-automat)\n  \
         ← touchpoint: Skranken (touchpoints/skranken)\n  \
         → goal: Kortere kø (goals/kortere-ko)\n  \
         → goal: Si \"hei\" | <script>alert(1)</script> (goals/si-hei-script-alert-1-script)\n"
    );

    let html = p.run(["report", "--format", "html"]).success().stdout;
    assert!(html.contains("<h2>Gevinstkart</h2>"), "{html}");
    assert!(!html.contains("<script>"), "the title is text, not a script");
    assert!(html.contains("Si &quot;hei&quot; | &lt;script&gt;alert(1)&lt;/script&gt;"), "{html}");
    let svg = &html[html.find("<h2>Gevinstkart").unwrap_or(0)..];
    assert!(svg.contains("<svg") && svg.contains("<line "), "three columns with lines");
    let md = p.run(["report", "--format", "md"]).success().stdout;
    assert!(md.contains("## Gevinstkart\n\n```mermaid\nflowchart LR\n"), "{md}");
}

#[test]
fn the_report_leaves_the_map_out_when_nothing_is_linked() {
    let sb = Sandbox::new();
    let p = project(&sb);
    assert!(!p.run(["report", "--format", "html"]).success().stdout.contains("Gevinstkart"));
    assert!(!p.run(["report", "--format", "md"]).success().stdout.contains("Gevinstkart"));
}

#[test]
fn the_example_has_a_map_and_checks_clean() {
    let sb = Sandbox::new();
    let p = example_copy(&sb);
    let run = p.run(["check"]).success();
    assert!(run.stdout.is_empty(), "the example checks clean\n{run}");
    let json = p.run(["benefit", "map", "--format", "json"]).success().json();
    let edges = json["edges"].as_array().map_or(0, Vec::len);
    assert!(edges >= 10, "a credible map: {json}");
    assert!(p.run(["report", "--format", "html"]).success().stdout.contains("Gevinstkart"));
}

fn git(p: &Project, args: &[&str]) -> String {
    p.sb.git(&p.root, args).success().stdout
}

fn commit_all(p: &Project, message: &str) {
    git(p, &["add", "-A"]);
    git(p, &["commit", "-q", "-m", message]);
}

#[test]
fn two_branches_linking_the_same_benefit_merge_in_git() {
    let sb = Sandbox::new();
    let p = project(&sb);
    git(&p, &["init", "-q", "-b", "main"]);
    p.run([
        "benefit",
        "link",
        "mindre",
        "--goal",
        "si",
        "--enabler",
        "ko-lapp",
        "--enabler",
        "skranken",
    ])
    .success();
    commit_all(&p, "Gevinstkart");

    git(&p, &["checkout", "-q", "-b", "a"]);
    p.run(["benefit", "link", "mindre", "--enabler", "proposal/sms"]).success();
    commit_all(&p, "A: SMS-varsel gir gevinsten");

    git(&p, &["checkout", "-q", "main"]);
    git(&p, &["checkout", "-q", "-b", "b"]);
    p.run(["benefit", "link", "mindre", "--goal", "kortere", "--enabler", "telefonen"]).success();
    commit_all(&p, "B: telefonen, og kortere kø");

    git(&p, &["checkout", "-q", "a"]);
    let merge = p.sb.git(&p.root, ["merge", "--no-edit", "b"]).success();
    assert!(!merge.stdout.contains("CONFLICT"), "{merge}");
    assert!(git(&p, &["status", "--porcelain"]).is_empty());
    let text = p.read("benefits/mindre-venting.toml");
    assert!(
        text.ends_with(
            "goals = [\n  \"kortere-ko\",\n  \"si-hei-script-alert-1-script\",\n]\n\
             enablers = [\n  \"proposals/ko-lapp\",\n  \"proposals/sms-varsel\",\n  \
             \"touchpoints/skranken\",\n  \"touchpoints/telefonen\",\n]\n"
        ),
        "both branches' links are there\n{text}"
    );
    let run = p.run(["check"]).success();
    assert!(run.stdout.is_empty(), "check is clean after the merge\n{run}");
}
