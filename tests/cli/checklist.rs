//! Phase checklists (issue 6): answers, the CI gate and its formats, phase
//! decisions, the roadmap as data, and answers merged from two git branches.

use crate::support::{Project, Sandbox, assert_refused, snapshot};

fn item<'a>(json: &'a serde_json::Value, phase: &str, item: &str) -> &'a serde_json::Value {
    json["phases"]
        .as_array()
        .and_then(|ps| ps.iter().find(|p| p["id"] == phase))
        .and_then(|p| p["items"].as_array())
        .and_then(|is| is.iter().find(|i| i["id"] == item))
        .unwrap_or_else(|| panic!("no item {phase}/{item} in {json}"))
}

fn checklist_json(p: &Project, args: &[&str]) -> serde_json::Value {
    let mut all = vec!["checklist", "--format", "json"];
    all.extend_from_slice(args);
    p.run(&all).success().json()
}

#[test]
fn tick_answer_and_untick_write_one_small_file_per_item() {
    let sb = Sandbox::new();
    let p = sb.init_project();
    p.run([
        "checklist",
        "tick",
        "forankring",
        "management",
        "--note",
        "Vedtatt i ledermøtet 12. januar",
        "--evidence",
        "docs/vedtak.pdf",
        "--by",
        "Kari Nordmann",
        "--date",
        "2026-01-15",
    ])
    .success();
    assert_eq!(
        p.read("checklist/forankring/management-anchoring.toml"),
        "status = \"done\"\nnote = \"Vedtatt i ledermøtet 12. januar\"\nby = \"Kari Nordmann\"\n\
         date = 2026-01-15\nevidence = [\"docs/vedtak.pdf\"]\n"
    );
    // An English alias and a Norwegian answer word both work.
    p.run([
        "checklist",
        "answer",
        "anchoring",
        "related-projects",
        "ikke-relevant",
        "--note",
        "Ingen andre har prøvd dette",
        "--by",
        "Ola",
    ])
    .success();
    let json = checklist_json(&p, &["forankring"]);
    let m = item(&json, "forankring", "management-anchoring");
    assert_eq!(m["status"], "done");
    assert_eq!(m["finished"], true);
    assert_eq!(m["by"], "Kari Nordmann");
    assert_eq!(m["date"], "2026-01-15");
    assert_eq!(m["evidence"][0], "docs/vedtak.pdf");
    assert_eq!(m["evaluation"], "manual");
    let r = item(&json, "forankring", "related-projects");
    assert_eq!(r["status"], "not-relevant");
    assert_eq!(r["finished"], true, "not-relevant finishes even an auto item: {r}");

    // A comment the user adds survives a new answer to the same item.
    let path = "checklist/forankring/management-anchoring.toml";
    let text = p.read(path).replace("status =", "# Se protokollen\nstatus =");
    p.write(path, &text);
    p.run([
        "checklist",
        "answer",
        "forankring",
        "management-anchoring",
        "still-open",
        "--note",
        "Budsjettet er ikke vedtatt",
        "--by",
        "Kari Nordmann",
    ])
    .success();
    let after = p.read(path);
    assert!(after.contains("# Se protokollen\nstatus = \"still-open\""), "{after}");
    assert!(!after.contains("evidence"), "evidence not given again is dropped: {after}");

    p.run(["checklist", "untick", "forankring", "management-anchoring"]).success();
    assert!(!p.path(path).exists());
    let json = checklist_json(&p, &["forankring"]);
    assert_eq!(item(&json, "forankring", "management-anchoring")["status"], "open");
}

#[test]
fn bad_answers_are_refused_and_leave_every_file_as_it_was() {
    let sb = Sandbox::new();
    let p = sb.init_project();
    let root = p.root.clone();
    assert_refused(&p, &root, &["checklist", "tick", "fantasi", "x", "--by", "K"], &["fantasi"]);
    assert_refused(
        &p,
        &root,
        &["checklist", "tick", "forankring", "finnes-ikke", "--by", "K"],
        &["finnes-ikke"],
    );
    // A prefix that fits several items is ambiguous.
    assert_refused(&p, &root, &["checklist", "tick", "innsikt", "", "--by", "K"], &[]);
    // A note is required for every answer but done.
    assert_refused(
        &p,
        &root,
        &["checklist", "answer", "forankring", "stakeholders", "no", "--note", "  ", "--by", "K"],
        &["--note"],
    );
    let run = p.run(["checklist", "answer", "forankring", "stakeholders", "no", "--by", "K"]);
    assert_eq!(run.code, 2, "{run}");
    assert_refused(
        &p,
        &root,
        &["checklist", "tick", "forankring", "stakeholders", "--by", "K", "--date", "2026-02-30"],
        &["2026-02-30"],
    );
    assert_refused(
        &p,
        &root,
        &["checklist", "tick", "forankring", "stakeholders", "--by", "a\nb"],
        &["--by"],
    );
    // An answer "file" that is a folder is named, and left alone.
    std::fs::create_dir_all(p.path("checklist/forankring/owner-and-team.toml")).expect("mkdir");
    for args in [
        &["checklist", "tick", "forankring", "owner-and-team", "--by", "K"][..],
        &["checklist", "untick", "forankring", "owner-and-team"],
    ] {
        assert_refused(&p, &root, args, &["checklist/forankring/owner-and-team.toml"]);
    }
    std::fs::remove_dir(p.path("checklist/forankring/owner-and-team.toml")).expect("rmdir");
    // A broken answer file is never written over.
    p.write("checklist/forankring/stakeholders.toml", "status = \"done\nx");
    let before = snapshot(&root);
    let (run, first) =
        p.run(["checklist", "tick", "forankring", "stakeholders", "--by", "K"]).failure();
    assert!(first.contains("checklist/forankring/stakeholders.toml:"), "{run}");
    assert_eq!(before, snapshot(&root));
    // `check` names the file and line, and the checklist still runs.
    let run = p.run(["check"]).code(1);
    assert!(
        run.stdout.contains("checklist/forankring/stakeholders.toml:2:2: error[syntax]"),
        "{run}"
    );
    let run = p.run(["checklist"]).success();
    assert!(run.stderr.contains("1"), "a warning about the broken answer: {run}");
}

#[test]
fn the_gate_fails_on_unfinished_items_and_passes_when_all_are_finished() {
    let sb = Sandbox::new();
    let p = sb.init_project();
    // A project's own roadmap with one manual and one automatic item.
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
id = "idéer"
evaluation = "auto"
rule = "ideas-scored"
nb = "Er idéene vurdert?"
en = "Are the ideas rated?"

[[phase]]
id = "drift"
nb = "Drift"
en = "Operations"
"#,
    );
    let text = p.read("veikart.toml").replace("roadmap = \"ks-2018\"", "roadmap = \"liten\"");
    let text = text.replace("phase = \"forankring\"", "phase = \"start\"");
    p.write("veikart.toml", &text);
    // The item id is not valid: `check` says where.
    let run = p.run(["check"]).code(1);
    assert!(run.stdout.contains("roadmap.toml:18:"), "{run}");
    p.write("roadmap.toml", &p.read("roadmap.toml").replace("\"idéer\"", "\"ideas\""));
    p.run(["check"]).success();

    let run = p.run(["checklist", "--check"]).code(1);
    assert!(run.stdout.contains("[ ] lederforankring"), "{run}");
    assert!(run.stdout.contains("[ ] ideas"), "{run}");
    assert!(run.stderr.contains("2 av 2"), "{run}");

    let id = p.add_idea("Bedre skilting", &[]);
    p.run(["checklist", "--check"]).code(1);
    p.assess(&id, 4, 4, None);
    p.run(["checklist", "tick", "start", "leder", "--by", "Kari"]).success();
    let run = p.run(["checklist", "--check"]).success();
    assert!(run.stdout.contains("[x] ideas"), "{run}");
    assert!(run.stdout.contains("[x] lederforankring"), "{run}");

    // Still-open is unfinished; so is "no".
    p.run([
        "checklist",
        "answer",
        "start",
        "leder",
        "still-open",
        "--note",
        "Møte i mars",
        "--by",
        "K",
    ])
    .success();
    p.run(["checklist", "--check"]).code(1);
    p.run(["checklist", "answer", "start", "leder", "no", "--note", "Nei", "--by", "K"]).success();
    p.run(["checklist", "--check"]).code(1);
    // Ticking an automatic item does not override the data.
    // An idea that has waited two months without being rated.
    p.write(
        "ideas/ny-ide-uten-vurdering.toml",
        "title = \"Ny idé uten vurdering\"\nstatus = \"new\"\nsubmitted = 2026-09-01\n",
    );
    p.run(["checklist", "tick", "start", "leder", "--by", "K"]).success();
    p.run(["checklist", "tick", "start", "ideas", "--by", "K"]).success();
    let json = checklist_json(&p, &[]);
    let ideas = item(&json, "start", "ideas");
    assert_eq!(ideas["finished"], false, "{ideas}");
    assert_eq!(ideas["data"]["passed"], false);
    assert!(ideas["data"]["detail"].as_str().unwrap_or("").contains("1 av 2"), "{ideas}");
    p.run(["checklist", "--check"]).code(1);

    // `--through-current` covers every phase up to the current one.
    let json = checklist_json(&p, &["--through-current"]);
    assert_eq!(json["phases"].as_array().map(Vec::len), Some(1));
    let json = checklist_json(&p, &["--all"]);
    assert_eq!(json["phases"].as_array().map(Vec::len), Some(2));
    assert_eq!(json["roadmap"], "liten");
    assert_eq!(json["version"], 1);
}

#[test]
fn junit_has_one_testcase_per_item_and_fails_the_unfinished_ones() {
    let sb = Sandbox::new();
    let p = sb.init_project();
    p.run(["checklist", "tick", "forankring", "management-anchoring", "--by", "K"]).success();
    p.run([
        "checklist",
        "answer",
        "forankring",
        "related-projects",
        "not-relevant",
        "--note",
        "Ingen <slike> & \"andre\"",
        "--by",
        "K",
    ])
    .success();
    let run = p.run(["checklist", "--check", "--through-current", "--format", "junit"]).code(1);
    let doc = roxmltree::Document::parse(&run.stdout).expect("valid XML");
    let cases: Vec<_> = doc.descendants().filter(|n| n.has_tag_name("testcase")).collect();
    let failures: Vec<_> = doc.descendants().filter(|n| n.has_tag_name("failure")).collect();
    let json = checklist_json(&p, &["--through-current"]);
    let total = json["total"].as_u64().unwrap_or(0) as usize;
    let unfinished = json["unfinished"].as_u64().unwrap_or(0) as usize;
    assert_eq!(cases.len(), total, "{}", run.stdout);
    assert_eq!(total, 6, "forankring has six items");
    assert_eq!(failures.len(), unfinished);
    assert_eq!(failures.len(), 4, "{}", run.stdout);
    let root = doc.root_element();
    assert_eq!(root.attribute("failures"), Some("4"));
    assert_eq!(root.attribute("tests"), Some("6"));
    let passed: Vec<&str> = cases
        .iter()
        .filter(|c| !c.children().any(|x| x.has_tag_name("failure")))
        .filter_map(|c| c.attribute("name"))
        .collect();
    assert!(passed.iter().any(|n| n.starts_with("management-anchoring:")), "{passed:?}");
    assert!(passed.iter().any(|n| n.starts_with("related-projects:")), "{passed:?}");
}

#[test]
fn github_annotations_point_at_the_answer_file_and_line_and_end_with_a_summary() {
    let sb = Sandbox::new();
    let p = sb.init_project();
    p.run([
        "checklist",
        "answer",
        "forankring",
        "stakeholders",
        "still-open",
        "--note",
        "Kommer",
        "--by",
        "K",
    ])
    .success();
    let run = p.run(["checklist", "--check", "--format", "github"]).code(1);
    let lines: Vec<&str> = run.stdout.lines().collect();
    let st = lines
        .iter()
        .find(|l| l.contains("title=forankring/stakeholders"))
        .unwrap_or_else(|| panic!("{run}"));
    assert!(st.starts_with("::error file=checklist/forankring/stakeholders.toml,line=1,"), "{st}");
    let open = lines.iter().find(|l| l.contains("title=forankring/management-anchoring")).unwrap();
    assert!(open.starts_with("::error file=veikart.toml,line="), "{open}");
    let last = lines.last().copied().unwrap_or_default();
    assert!(last.starts_with("::error title=veikart checklist::"), "{last}");
    assert!(last.contains("6 av 6") || last.contains("av 6"), "{last}");

    let md = p.run(["checklist", "--format", "md"]).success();
    assert!(md.stdout.starts_with("## Sjekkliste for Forankring: 0 av 6 ferdig"), "{md}");
    assert!(md.stdout.contains("| ❌ |"), "{md}");
    // csv is not a checklist format.
    p.run(["checklist", "--format", "csv"]).code(2);
}

#[test]
fn phase_set_records_the_decision_and_going_back_is_allowed() {
    let sb = Sandbox::new();
    let p = sb.init_project();
    let run = p
        .run([
            "phase",
            "set",
            "tjenesteutvikling",
            "--reason",
            "Innsikten var god nok",
            "--by",
            "Kari Nordmann",
            "--date",
            "2026-03-01",
        ])
        .success();
    assert!(run.stderr.contains("hopper over"), "skipping is said out loud: {run}");
    let d = p.read("decisions/2026-03-01-forankring-to-tjenesteutvikling.toml");
    assert!(d.starts_with("from = \"forankring\"\nto = \"tjenesteutvikling\"\ndate = 2026-03-01\nby = \"Kari Nordmann\"\nreason = \"Innsikten var god nok\"\nopen_items = [\"problem-and-goals\""), "{d}");
    assert!(p.read("veikart.toml").contains("phase = \"tjenesteutvikling\""));

    p.run([
        "phase",
        "set",
        "insight",
        "--reason",
        "Vi må forstå behovet bedre",
        "--by",
        "K",
        "--date",
        "2026-04-01",
    ])
    .success();
    assert!(p.read("veikart.toml").contains("phase = \"innsikt\""));
    let json = p.run(["phase", "--format", "json"]).success().json();
    assert_eq!(json["phase"], "innsikt");
    assert_eq!(json["position"], 2);
    assert_eq!(json["decisions"].as_array().map(Vec::len), Some(2));
    assert_eq!(json["decisions"][1]["to"], "innsikt");
    let text = p.run(["phase"]).success();
    assert!(text.stdout.contains("Fase 2 av 6: Innsikt"), "{text}");
    assert!(text.stdout.contains("tjenesteutvikling → innsikt"), "{text}");
    p.run(["check"]).success();

    let root = p.root.clone();
    assert_refused(
        &p,
        &root,
        &["phase", "set", "innsikt", "--reason", "x", "--by", "K"],
        &["innsikt"],
    );
    assert_refused(
        &p,
        &root,
        &["phase", "set", "pilot", "--reason", "", "--by", "K"],
        &["--reason"],
    );
    assert_refused(
        &p,
        &root,
        &["phase", "set", "pilotring", "--reason", "x", "--by", "K"],
        &["pilotring"],
    );
}

#[test]
fn the_roadmap_is_data_and_a_project_can_add_items() {
    let sb = Sandbox::new();
    let p = sb.init_project();
    let json = p.run(["roadmap", "show", "--format", "json"]).success().json();
    assert_eq!(json["id"], "ks-2018");
    let phases = json["phase"].as_array().expect("phases");
    assert_eq!(phases.len(), 6);
    let np = phases.iter().find(|ph| ph["id"] == "ny-praksis").expect("ny-praksis");
    assert_eq!(np["item"].as_array().map(Vec::len), Some(12));
    assert!(np["item"].as_array().unwrap().iter().all(|i| i["origin"] == "ks"));

    p.write(
        "roadmap.toml",
        "extends = \"ks-2018\"\n\n[[phase]]\nid = \"forankring\"\nnb = \"Forankring\"\nen = \"Anchoring\"\n\n\
         [[phase.item]]\nid = \"personvern\"\nevaluation = \"manual\"\nnb = \"Har personvernombudet sett på prosjektet?\"\nen = \"Has the data protection officer seen the project?\"\n",
    );
    p.run(["check"]).success();
    let json = checklist_json(&p, &[]);
    let own = item(&json, "forankring", "personvern");
    assert_eq!(own["origin"], "local");
    assert_eq!(own["status"], "open");
    assert_eq!(json["phases"][0]["total"], 7);

    // Mistakes in the project's own roadmap are named with file and line.
    p.write("roadmap.toml", &p.read("roadmap.toml").replace("manual", "automatic"));
    let run = p.run(["check"]).code(1);
    assert!(run.stdout.contains("roadmap.toml:"), "{run}");
    p.run(["checklist"]).code(2);
    p.write(
        "roadmap.toml",
        "extends = \"ks-2018\"\n[[phase]]\nid = \"fase-x\"\nnb = \"X\"\nen = \"X\"\n",
    );
    let run = p.run(["check"]).code(1);
    assert!(run.stdout.contains("roadmap.toml:3:"), "{run}");
    assert!(run.stdout.contains("fase-x"), "{run}");

    // samveis-2015 is built in too.
    std::fs::remove_file(p.path("roadmap.toml")).expect("rm");
    sb.run(&sb.work, ["init", "s", "--name", "S", "--roadmap", "samveis"]).success();
    let s = sb.run(&sb.work.join("s"), ["roadmap", "show", "--format", "json"]).success().json();
    assert_eq!(s["id"], "samveis-2015");
    assert_eq!(s["phase"].as_array().map(Vec::len), Some(5));
}

#[test]
fn two_branches_answering_different_items_of_one_phase_merge_without_conflict() {
    let sb = Sandbox::new();
    let p = sb.init_project();
    let git = |args: &[&str]| p.sb.git(&p.root, args).success();
    git(&["init", "-q", "-b", "main"]);
    git(&["config", "user.name", "Kari Nordmann"]);
    git(&["add", "-A"]);
    git(&["commit", "-q", "-m", "start"]);
    git(&["checkout", "-q", "-b", "a"]);
    p.run(["checklist", "tick", "forankring", "management-anchoring", "--note", "Ja"]).success();
    git(&["add", "-A"]);
    git(&["commit", "-q", "-m", "a"]);
    git(&["checkout", "-q", "main"]);
    git(&["checkout", "-q", "-b", "b"]);
    p.run([
        "checklist",
        "answer",
        "forankring",
        "related-projects",
        "not-relevant",
        "--note",
        "Ingen",
    ])
    .success();
    git(&["add", "-A"]);
    git(&["commit", "-q", "-m", "b"]);
    git(&["checkout", "-q", "a"]);
    let merge = git(&["merge", "--no-edit", "b"]);
    assert!(!merge.stdout.contains("CONFLICT"), "{merge}");
    assert!(git(&["status", "--porcelain"]).stdout.is_empty());
    p.run(["check"]).success();
    let json = checklist_json(&p, &[]);
    let m = item(&json, "forankring", "management-anchoring");
    assert_eq!(m["status"], "done");
    assert_eq!(m["by"], "Kari Nordmann", "the name comes from git's user.name: {m}");
    assert_eq!(item(&json, "forankring", "related-projects")["status"], "not-relevant");
}
