//! Gates that stay closed (issue 15, point 4): `phase set` records the
//! evaluation of the phase it closes, and the checklist judges a closed
//! phase by that record, with today's evaluation beside it on `--recheck`.

use crate::support::{Project, Sandbox};

/// A project on a small roadmap of its own: `start` with a manual and an
/// automatic item, `drift` with one manual item, and `slutt`.
fn small(sb: &Sandbox) -> Project<'_> {
    let p = sb.init_project();
    p.write(
        "roadmap.toml",
        r#"id = "liten"
nb = "Liten"
en = "Small"

[[phase]]
id = "start"
nb = "Start"
en = "Start"
steps = [{ nb = "Begynn", en = "Begin" }]

[[phase.item]]
id = "lederforankring"
evaluation = "manual"
nb = "Er ledelsen med?"
en = "Is management on board?"

[[phase.item]]
id = "ideas"
evaluation = "auto"
rule = "ideas-scored"
nb = "Er idéene vurdert?"
en = "Are the ideas rated?"

[[phase]]
id = "drift"
nb = "Drift"
en = "Operations"
steps = [{ nb = "Drift", en = "Run" }]

[[phase.item]]
id = "driften"
evaluation = "manual"
nb = "Går driften?"
en = "Is it running?"

[[phase]]
id = "slutt"
nb = "Slutt"
en = "End"
"#,
    );
    let text = p.read("veikart.toml").replace("roadmap = \"ks-2018\"", "roadmap = \"liten\"");
    p.write("veikart.toml", &text.replace("phase = \"forankring\"", "phase = \"start\""));
    p
}

/// Everything in `start` finished: one rated idea, management ticked.
fn finish_start(p: &Project) {
    let id = p.add_idea("Bedre skilting", &[]);
    p.assess(&id, 4, 4, None);
    p.run(["checklist", "tick", "start", "leder", "--by", "Kari", "--note", "Ja"]).success();
}

/// An idea that has waited two months without being rated: `ideas` fails today.
fn unrated_idea(p: &Project) {
    p.write(
        "ideas/ny-ide-uten-vurdering.toml",
        "title = \"Ny idé uten vurdering\"\nstatus = \"new\"\nsubmitted = 2026-01-05\n",
    );
}

fn phase_json<'a>(json: &'a serde_json::Value, id: &str) -> &'a serde_json::Value {
    json["phases"]
        .as_array()
        .and_then(|ps| ps.iter().find(|p| p["id"] == id))
        .unwrap_or_else(|| panic!("no phase {id} in {json}"))
}

fn item_json<'a>(phase: &'a serde_json::Value, id: &str) -> &'a serde_json::Value {
    phase["items"]
        .as_array()
        .and_then(|is| is.iter().find(|i| i["id"] == id))
        .unwrap_or_else(|| panic!("no item {id} in {phase}"))
}

#[test]
fn a_phase_closed_with_every_item_done_stays_green_when_todays_data_would_fail_it() {
    let sb = Sandbox::new();
    let p = small(&sb);
    finish_start(&p);
    sb.git(&p.root, ["init", "-q", "-b", "main"]).success();
    sb.git(&p.root, ["add", "-A"]).success();
    sb.git(&p.root, ["commit", "-q", "-m", "Start"]).success();
    let head = sb.git(&p.root, ["rev-parse", "HEAD"]).success().stdout.trim().to_string();
    let run = p
        .run(["phase", "set", "drift", "--reason", "Klart", "--by", "Kari", "--date", "2026-03-01"])
        .success();
    assert!(!run.stderr.contains("advarsel"), "nothing unfinished: {run}");
    let d = p.read("decisions/2026-03-01-start-to-drift.toml");
    assert!(d.contains(&format!("judged_at = \"{head}\"\n")), "the HEAD commit: {d}");
    assert!(d.contains("[[item]]\nid = \"lederforankring\"\nstatus = \"done\"\nfinished = true\nby = \"Kari\"\ndate = 2026-11-23\nnote = \"Ja\"\n"), "{d}");
    assert!(
        d.contains("[[item]]\nid = \"ideas\"\nstatus = \"done\"\nfinished = true\ndata = "),
        "{d}"
    );
    assert!(d.contains("passed = true"), "{d}");
    p.run(["check"]).success();

    // Today an idea waits unrated, yet the closed phase is judged as it was.
    unrated_idea(&p);
    let today = p.run(["checklist", "--format", "json", "--all"]).success().json();
    let start = phase_json(&today, "start");
    assert_eq!(start["finished"], 2, "{start}");
    assert_eq!(start["closed"]["decision"], "2026-03-01-start-to-drift", "{start}");
    assert_eq!(start["closed"]["judged_at"], head.as_str());
    assert_eq!(start["closed"]["today"], serde_json::Value::Null, "only with --recheck");
    assert_eq!(item_json(start, "ideas")["path"], "decisions/2026-03-01-start-to-drift.toml");
    assert_eq!(phase_json(&today, "drift")["closed"], serde_json::Value::Null);
    let run = p.run(["checklist", "start", "--check"]).success();
    let short = &head[..7];
    assert!(
        run.stdout.contains(&format!(
            "Lukket 2026-03-01 (decisions/2026-03-01-start-to-drift.toml, commit {short}): punktene er vurdert slik de var da."
        )),
        "{run}"
    );
    // The CI recipe: red only for what is truly open, the current phase's item.
    let run = p.run(["checklist", "--check", "--through-current", "--format", "github"]).code(1);
    assert!(!run.stdout.contains("title=start/"), "{run}");
    assert!(run.stdout.contains("title=drift/driften"), "{run}");
    let run = p.run(["checklist", "--check", "--through-current", "--format", "junit"]).code(1);
    assert!(run.stdout.contains("failures=\"1\""), "{run}");

    // --recheck: what was recorded, and today's evaluation beside it.
    let run = p.run(["checklist", "start", "--recheck"]).success();
    assert!(
        run.stdout.contains("I dag: 1 av 2 ferdig; 1 punkt er endret siden lukkingen."),
        "{run}"
    );
    assert!(run.stdout.contains("[x] ideas  ferdig (fra dataene) · automatisk"), "{run}");
    assert!(
        run.stdout.contains(
            "    i dag: [ ] åpen (fra dataene) — endret siden lukkingen\n      data: ✗ 1 av 2"
        ),
        "{run}"
    );
    assert!(run.stdout.contains("    i dag: [x] ferdig\n"), "unchanged item: {run}");
    let json = p.run(["checklist", "start", "--recheck", "--format", "json"]).success().json();
    let start = phase_json(&json, "start");
    assert_eq!(start["closed"]["today"]["changed"], 1, "{start}");
    let ideas = item_json(start, "ideas");
    assert_eq!((ideas["status"].as_str(), ideas["finished"].as_bool()), (Some("done"), Some(true)));
    assert_eq!(ideas["today"]["status"], "open", "{ideas}");
    assert_eq!(ideas["today"]["changed"], true);
    assert_eq!(ideas["today"]["data"]["passed"], false);
    let md = p.run(["checklist", "start", "--recheck", "--format", "md"]).success();
    assert!(md.stdout.contains("| | Punkt | Status | Data | Svar | I dag |"), "{md}");
    assert!(md.stdout.contains("❌ åpen (fra dataene): 1 av 2"), "{md}");
    // --recheck does not change the gate: it stays green.
    p.run(["checklist", "start", "--recheck", "--check"]).success();
    for f in ["junit", "github", "codequality"] {
        let run = p.run(["checklist", "--recheck", "--format", f]).code(2);
        assert!(run.stderr.contains("--recheck"), "{run}");
    }
    let en = p.run(["--lang", "en", "checklist", "start", "--recheck"]).success();
    assert!(
        en.stdout
            .contains("Today: 1 of 2 finished; 1 item has changed since the phase was closed."),
        "{en}"
    );
}

#[test]
fn closing_a_phase_with_unfinished_items_names_them_and_the_gate_keeps_them() {
    let sb = Sandbox::new();
    let p = small(&sb);
    let run = p
        .run([
            "--lang",
            "en",
            "phase",
            "set",
            "drift",
            "--reason",
            "Vi må videre",
            "--by",
            "K",
            "--format",
            "json",
        ])
        .success();
    assert!(
        run.stderr.contains(
            "warning: 2 items of the phase start were unfinished: lederforankring (open), ideas (open). The decision records them as unfinished"
        ),
        "{run}"
    );
    let json = run.json();
    assert_eq!(json["open_items"], serde_json::json!(["lederforankring", "ideas"]));
    assert_eq!(json["judged_at"], serde_json::Value::Null, "outside git: {json}");
    let d = p.read("decisions/2026-11-23-start-to-drift.toml");
    assert!(!d.contains("judged_at"), "{d}");
    assert!(
        d.contains("[[item]]\nid = \"lederforankring\"\nstatus = \"open\"\nfinished = false\n"),
        "{d}"
    );
    p.run(["check"]).success();

    // Finishing the items now does not reopen the gate: the record holds.
    finish_start(&p);
    let run = p.run(["checklist", "start", "--check", "--format", "github"]).code(1);
    let line = d.lines().position(|l| l == "id = \"lederforankring\"").map(|n| n + 1);
    let at = format!("file=decisions/2026-11-23-start-to-drift.toml,line={}", line.unwrap_or(0));
    assert!(run.stdout.contains(&at), "the annotation points at the item's table: {run}");
    assert!(run.stdout.contains("vurdert da fasen ble lukket 2026-11-23"), "{run}");
    let json = p.run(["checklist", "start", "--recheck", "--format", "json"]).success().json();
    assert_eq!(phase_json(&json, "start")["closed"]["today"]["finished"], 2, "{json}");

    // One unfinished item reads as one; going back says nothing of the gate.
    let run = p.run(["phase", "set", "start", "--reason", "Tilbake", "--by", "K"]).success();
    assert!(
        run.stderr.contains("advarsel: 1 punkt i fasen drift var ikke ferdig: driften (åpen)\n"),
        "{run}"
    );
}

#[test]
fn a_phase_entered_again_is_judged_on_todays_data_until_it_is_left_again() {
    let sb = Sandbox::new();
    let p = small(&sb);
    finish_start(&p);
    let set = |to: &str, date: &str| {
        p.run(["phase", "set", to, "--reason", "Beslutning", "--by", "K", "--date", date])
            .success();
    };
    set("drift", "2026-03-01");
    unrated_idea(&p);
    p.run(["checklist", "start", "--check"]).success();
    // Back in start: the phase is open again, and today's data decides.
    set("start", "2026-04-01");
    let run = p.run(["checklist", "--check"]).code(1);
    assert!(run.stdout.contains("[ ] ideas  åpen (fra dataene)"), "{run}");
    assert!(!run.stdout.contains("Lukket"), "{run}");
    // Left again: the new decision records what was true then.
    set("drift", "2026-05-01");
    let json = p.run(["checklist", "start", "--format", "json"]).success().json();
    let start = phase_json(&json, "start");
    assert_eq!(start["closed"]["decision"], "2026-05-01-start-to-drift", "{start}");
    assert_eq!(item_json(start, "ideas")["finished"], false, "{start}");
    // Moving on from drift closes it; start stays closed by its latest decision.
    p.run(["checklist", "tick", "drift", "driften", "--by", "K"]).success();
    set("slutt", "2026-06-01");
    let json = p.run(["checklist", "--through-current", "--format", "json"]).success().json();
    assert_eq!(phase_json(&json, "drift")["closed"]["decision"], "2026-06-01-drift-to-slutt");
    assert_eq!(phase_json(&json, "start")["closed"]["decision"], "2026-05-01-start-to-drift");
    // --as-of before a decision: the phase was not closed yet.
    let json =
        p.run(["checklist", "drift", "--as-of", "2026-05-15", "--format", "json"]).success().json();
    assert_eq!(phase_json(&json, "drift")["closed"], serde_json::Value::Null, "{json}");
}

#[test]
fn an_old_decision_without_an_evaluation_keeps_todays_judgement() {
    let sb = Sandbox::new();
    let p = small(&sb);
    finish_start(&p);
    p.write(
        "decisions/2026-03-01-start-to-drift.toml",
        "from = \"start\"\nto = \"drift\"\ndate = 2026-03-01\nby = \"K\"\nreason = \"Før veikart lagret vurderinger\"\n",
    );
    let text = p.read("veikart.toml").replace("phase = \"start\"", "phase = \"drift\"");
    p.write("veikart.toml", &text);
    p.run(["check"]).success();
    p.run(["checklist", "start", "--check"]).success();
    unrated_idea(&p);
    let run = p.run(["checklist", "start", "--check", "--recheck"]).code(1);
    assert!(run.stdout.contains("[ ] ideas  åpen (fra dataene)"), "{run}");
    assert!(run.stdout.contains("Fasen er ikke lukket med en lagret vurdering"), "{run}");
    let json = p.run(["checklist", "start", "--format", "json"]).success().json();
    assert_eq!(phase_json(&json, "start")["closed"], serde_json::Value::Null);
}

#[test]
fn check_validates_a_recorded_evaluation() {
    let sb = Sandbox::new();
    let p = small(&sb);
    let head = "from = \"start\"\nto = \"drift\"\ndate = 2026-03-01\nreason = \"x\"\n";
    p.write(
        "decisions/2026-03-01-start-to-drift.toml",
        &format!("{head}\n[[item]]\nid = \"ideas\"\nstatus = \"maybe\"\n"),
    );
    let run = p.run(["check"]).code(1);
    assert!(run.stdout.contains("decisions/2026-03-01-start-to-drift.toml:8:"), "{run}");
    p.write(
        "decisions/2026-03-01-start-to-drift.toml",
        &format!(
            "{head}judged_at = \"HEAD\"\n\n[[item]]\nid = \"ideas\"\nstatus = \"done\"\n\n[[item]]\nid = \"ideas\"\nstatus = \"open\"\nfinished = true\n"
        ),
    );
    let run = p.run(["--lang", "en", "check"]).code(1);
    for code in ["duplicate-item", "finished-status", "bad-commit"] {
        assert!(run.stdout.contains(code), "{code}: {run}");
    }
}
