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
    // `check` names the file and line, and the checklist stops there, as
    // every reader does (issue 12).
    let run = p.run(["check"]).code(1);
    assert!(
        run.stdout.contains("checklist/forankring/stakeholders.toml:2:2: error[syntax]"),
        "{run}"
    );
    let (run, first) = p.run(["checklist"]).failure();
    assert!(first.contains("checklist/forankring/stakeholders.toml:2:2: "), "{run}");
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
    assert_eq!(json["version"], 2);
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
    // The summary is a notice: GitHub shows 10 of each level, so it is never hidden.
    assert!(last.starts_with("::notice title=veikart checklist::"), "{last}");
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
    assert_eq!(json["phase"]["id"], "innsikt");
    assert_eq!(json["phase"]["position"], 2);
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
    let phases = json["phases"].as_array().expect("phases");
    assert_eq!(phases.len(), 6);
    let np = phases.iter().find(|ph| ph["id"] == "ny-praksis").expect("ny-praksis");
    assert_eq!(np["items"].as_array().map(Vec::len), Some(12));
    assert!(np["items"].as_array().unwrap().iter().all(|i| i["origin"] == "ks"));

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
    assert_eq!(s["phases"].as_array().map(Vec::len), Some(5));
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

/// An `extends` file whose one mistake is at `line:col`, written over the
/// project's roadmap.toml; every command names that place.
fn assert_roadmap_mistake(p: &Project, text: &str, at: &str, words: &[&str]) {
    p.write("roadmap.toml", text);
    let root = p.root.clone();
    let run = p.run(["check"]).code(1);
    let wanted = format!("roadmap.toml:{at}: error[roadmap]: ");
    let line = run.stdout.lines().find(|l| l.starts_with(&wanted));
    let line = line.unwrap_or_else(|| panic!("check points at {at}\n{run}"));
    for w in words {
        assert!(line.contains(w), "{w:?} in {line:?}");
    }
    let problems = run.stdout.lines().filter(|l| l.starts_with("roadmap.toml:")).count();
    assert_eq!(problems, 1, "one mistake, said once\n{run}");
    for args in [
        &["roadmap", "show"][..],
        &["roadmap", "show", "--format", "json"],
        &["phase"],
        &["phase", "set", "innsikt", "--reason", "x", "--by", "K"],
        &["checklist"],
        &["checklist", "--check", "--format", "github"],
        &["checklist", "tick", "forankring", "management", "--by", "K"],
        &["checklist", "untick", "forankring", "management"],
        &["status"],
    ] {
        assert_refused(p, &root, args, &[&format!("roadmap.toml:{at}: ")]);
    }
}

#[test]
fn every_command_names_the_line_of_a_mistake_in_the_projects_roadmap_file() {
    let sb = Sandbox::new();
    let p = sb.init_project();
    let head = "extends = \"ks-2018\"\n\n[[phase]]\nid = \"forankring\"\n";
    let entry = |id: &str, rest: &str| {
        format!("\n[[phase.item]]\nid = \"{id}\"\n{rest}nb = \"Spørsmål?\"\nen = \"Question?\"\n")
    };
    let manual = "evaluation = \"manual\"\n";
    // The second of two items with one id is the mistake (line 13), not the first.
    let twice = format!("{head}{}{}", entry("personvern", manual), entry("personvern", manual));
    assert_roadmap_mistake(&p, &twice, "13:6", &["personvern", "to ganger"]);
    // An id the built-in phase already has.
    let builtin = format!("{head}{}{}", entry("personvern", manual), entry("stakeholders", manual));
    assert_roadmap_mistake(&p, &builtin, "13:6", &["stakeholders", "finnes allerede"]);
    // An unknown rule, at the rule, with the closest one.
    let rule = format!(
        "{head}{}",
        entry("budsjett", "evaluation = \"auto\"\nrule = \"benefit-listed\"\n")
    );
    assert_roadmap_mistake(&p, &rule, "9:8", &["benefit-listed"]);
    let run = p.run(["check"]).code(1);
    assert!(run.stdout.contains("hint: mente du benefits-listed?"), "{run}");
    // An unknown evaluation, and TOML that does not parse.
    let eval = format!("{head}{}", entry("budsjett", "evaluation = \"automatic\"\n"));
    assert_roadmap_mistake(&p, &eval, "8:14", &["automatic"]);
    let broken = format!("{head}\n[[phase.item]\nid = \"x\"\n");
    assert_roadmap_mistake(&p, &broken, "6:14", &["unclosed array table"]);
    // A phase the built-in roadmap does not have.
    assert_roadmap_mistake(
        &p,
        "extends = \"ks-2018\"\n\n[[phase]]\nid = \"forankrng\"\n",
        "4:6",
        &["forankrng"],
    );

    // The file is fine once the mistakes are gone; a phase added to needs no names.
    p.write("roadmap.toml", &format!("{head}{}", entry("personvern", manual)));
    let run = p.run(["check"]).success();
    assert!(run.stderr.contains("Sjekket 2 filer"), "veikart.toml and roadmap.toml: {run}");
    let json = checklist_json(&p, &[]);
    assert_eq!(item(&json, "forankring", "personvern")["origin"], "local");
}

#[test]
fn a_roadmap_of_the_projects_own_is_checked_like_a_built_in_one() {
    let sb = Sandbox::new();
    let p = sb.init_project();
    let own = "id = \"var-vei\"\nnb = \"Vår vei\"\nen = \"Our way\"\n\n\
               [[phase]]\nid = \"start\"\nnb = \"Start\"\nen = \"Start\"\n\n\
               [[phase.item]]\nid = \"mal\"\nevaluation = \"auto\"\nrule = \"problem-and-goals\"\nnb = \"Mål?\"\nen = \"Goals?\"\n\n\
               [[phase]]\nid = \"slutt\"\nnb = \"Slutt\"\nen = \"End\"\n\n\
               [[phase.item]]\nid = \"ferdig\"\nevaluation = \"manual\"\nnb = \"Ferdig?\"\nen = \"Done?\"\n";
    p.write("roadmap.toml", own);
    // veikart.toml still follows ks-2018: the file says which to set.
    let run = p.run(["check"]).code(1);
    assert!(run.stdout.contains("roadmap.toml:1:1: error[roadmap]: "), "{run}");
    assert!(run.stdout.contains("roadmap = \"var-vei\""), "the hint says what to set: {run}");
    // Following it, the current phase is named at its line until it is changed.
    let info = p.read("veikart.toml").replace("ks-2018", "var-vei");
    p.write("veikart.toml", &info);
    let line = info.lines().position(|l| l.starts_with("phase =")).expect("phase") + 1;
    for args in [&["phase"][..], &["checklist"], &["checklist", "--check"]] {
        let (run, first) = p.run(args).failure();
        assert!(first.contains(&format!("veikart.toml:{line}:1: ")), "{run}");
        assert!(run.stderr.contains("veikart phase set"), "{run}");
    }
    // Issue 12: an unknown phase stops every command but check, init and
    // the `phase set` that repairs it.
    let (run, first) = p.run(["status"]).failure();
    assert!(first.contains(&format!("veikart.toml:{line}:1: ")), "{run}");
    assert!(run.stderr.contains("veikart phase set"), "{run}");
    p.run(["idea", "add", "Ny idé"]).code(2);
    p.run(["phase", "set", "start", "--reason", "Vi følger vårt eget veikart", "--by", "K"])
        .success();
    p.run(["check"]).success();
    let json = p.run(["roadmap", "show", "--format", "json"]).success().json();
    assert_eq!(json["id"], "var-vei");
    assert_eq!(json["phases"][1]["items"][0]["origin"], "local");
    let run = p.run(["checklist", "--check", "--all"]).code(1);
    assert!(run.stdout.contains("[ ] ferdig"), "{run}");

    // Its mistakes: a phase twice (the second), a phase without names, no id.
    p.write("roadmap.toml", &own.replace("id = \"slutt\"", "id = \"start\""));
    let run = p.run(["check"]).code(1);
    assert!(
        run.stdout.contains("roadmap.toml:18:6: error[roadmap]: fasen «start» står to ganger"),
        "{run}"
    );
    p.write("roadmap.toml", &own.replace("nb = \"Slutt\"\n", ""));
    let run = p.run(["check"]).code(1);
    assert!(
        run.stdout.contains("roadmap.toml:18:6: error[roadmap]: fasen «slutt» trenger et navn"),
        "{run}"
    );
    p.write("roadmap.toml", &own.replace("id = \"var-vei\"\n", ""));
    let (run, first) = p.run(["roadmap", "show"]).failure();
    assert!(first.contains("roadmap.toml:1:1: ") && first.contains("extends"), "{run}");
}

#[test]
fn answering_again_keeps_the_note_and_evidence_unless_the_answer_changes() {
    let sb = Sandbox::new();
    let p = sb.init_project();
    p.write("vedtak.pdf", "%PDF");
    let path = "checklist/forankring/management-anchoring.toml";
    let tick = |extra: &[&str]| {
        let mut args = vec!["checklist", "tick", "forankring", "manag"];
        args.extend_from_slice(extra);
        p.run(&args).success()
    };
    tick(&["--note", "Vedtatt", "--evidence", "vedtak.pdf", "--by", "Kari"]);
    // The same answer again, by someone else on another day: only who and when change.
    tick(&["--by", "Ola", "--date", "2026-11-24"]);
    assert_eq!(
        p.read(path),
        "status = \"done\"\nnote = \"Vedtatt\"\nby = \"Ola\"\ndate = 2026-11-24\nevidence = [\"vedtak.pdf\"]\n"
    );
    // A new note or evidence replaces the old.
    tick(&["--note", "Vedtatt på nytt", "--evidence", "vedtak.pdf", "--by", "Ola"]);
    assert!(p.read(path).contains("note = \"Vedtatt på nytt\""));
    // Another answer starts afresh, and so does a tick after it.
    p.run([
        "checklist",
        "answer",
        "forankring",
        "manag",
        "still-open",
        "--note",
        "Venter",
        "--by",
        "Ola",
    ])
    .success();
    assert_eq!(
        p.read(path),
        "status = \"still-open\"\nnote = \"Venter\"\nby = \"Ola\"\ndate = 2026-11-23\n"
    );
    tick(&["--by", "Ola"]);
    assert_eq!(p.read(path), "status = \"done\"\nby = \"Ola\"\ndate = 2026-11-23\n");
}

#[test]
fn evidence_that_names_no_file_or_record_is_kept_with_a_warning() {
    let sb = Sandbox::new();
    let p = sb.init_project();
    p.write("docs/vedtak.pdf", "%PDF");
    let idea = p.add_idea("Skjerm i venterommet", &[]);
    let run = p
        .run([
            "checklist",
            "tick",
            "forankring",
            "manag",
            "--by",
            "K",
            "--evidence",
            "docs/vedtak.pdf",
            "--evidence",
            &idea,
            "--evidence",
            &format!("ideas/{idea}"),
            "--evidence",
            "https://fjordvik.kommune.no/sak/12",
        ])
        .success();
    assert!(!run.stderr.contains("advarsel"), "{run}");
    let run = p
        .run([
            "checklist",
            "tick",
            "forankring",
            "manag",
            "--by",
            "K",
            "--evidence",
            "docs/vedtakk.pdf",
        ])
        .success();
    assert!(run.stderr.contains("advarsel: fant ingen fil eller post «docs/vedtakk.pdf»"), "{run}");
    assert!(p.read("checklist/forankring/management-anchoring.toml").contains("docs/vedtakk.pdf"));
}

#[test]
fn answers_come_from_by_else_git_user_name_else_user() {
    let sb = Sandbox::new();
    let p = sb.init_project();
    let tick = |item: &str, user: Option<&str>| {
        let mut cmd = sb.command(&p.root, ["checklist", "tick", "forankring", item]);
        cmd.env_remove("USER").env_remove("USERNAME");
        if let Some(u) = user {
            cmd.env("USER", u);
        }
        crate::support::Run::from_output(format!("tick {item}"), cmd.output().expect("run"))
    };
    let by = |item: &str| {
        let json = checklist_json(&p, &[]);
        item_by(&json, item)
    };
    fn item_by(json: &serde_json::Value, id: &str) -> String {
        item(json, "forankring", id)["by"].as_str().unwrap_or_default().to_string()
    }
    // Not a git repository, so $USER.
    tick("management-anchoring", Some("kari")).success();
    assert_eq!(by("management-anchoring"), "kari");
    // Nobody to name: refused, with the way out.
    let (run, _) = tick("stakeholders", None).failure();
    assert!(run.stderr.contains("--by"), "{run}");
    assert!(!p.path("checklist/forankring/stakeholders.toml").exists());
    // git's user.name beats $USER, and --by beats both.
    p.sb.git(&p.root, ["init", "-q"]).success();
    p.sb.git(&p.root, ["config", "user.name", "Ola Git"]).success();
    tick("stakeholders", Some("kari")).success();
    assert_eq!(by("stakeholders"), "Ola Git");
    p.run(["checklist", "tick", "forankring", "owner", "--by", "Per"]).success();
    assert_eq!(by("owner-and-team"), "Per");
}

#[test]
fn the_gate_cannot_pass_while_a_record_file_is_broken() {
    let sb = Sandbox::new();
    let p = sb.init_project();
    for item in ["management-anchoring", "related-projects"] {
        p.run([
            "checklist",
            "answer",
            "forankring",
            item,
            "not-relevant",
            "--note",
            "Ikke her",
            "--by",
            "K",
        ])
        .success();
    }
    // A broken answer: the annotation points at its file, the gate says it cannot judge.
    p.write("checklist/forankring/management-anchoring.toml", "status = \"kanskje\"\n");
    let before = snapshot(&p.root);
    let run = p.run(["checklist", "--check", "--format", "github"]);
    let (run, first) = run.failure();
    assert!(first.contains("checklist/forankring/management-anchoring.toml"), "{run}");
    assert!(
        run.stdout.contains("::error file=checklist/forankring/management-anchoring.toml,line=1,"),
        "{run}"
    );
    assert_eq!(before, snapshot(&p.root));
    // Without --check too: like every reader, it stops at the broken file,
    // naming it and its line (issue 12).
    let (run, first) = p.run(["checklist"]).failure();
    assert!(first.contains("checklist/forankring/management-anchoring.toml:1:"), "{run}");
    // A broken record a rule would read: an auto item must not pass on what is left.
    p.run(["checklist", "untick", "forankring", "management-anchoring"]).success();
    p.write("related/annen-kommune.toml", "title = \"Annen kommune\nx");
    let (run, first) = p.run(["checklist", "--check", "forankring"]).failure();
    assert!(first.contains("related/annen-kommune.toml"), "{run}");
    // `phase` stops there too; `phase set`, which moves on, warns that what is
    // left may be more than it records.
    let (run, first) = p.run(["phase"]).failure();
    assert!(first.contains("related/annen-kommune.toml"), "{run}");
    let run = p.run(["phase", "set", "innsikt", "--reason", "Videre", "--by", "K"]).success();
    assert!(run.stderr.contains("related/annen-kommune.toml"), "{run}");
}

#[test]
fn skipping_phases_names_them_and_one_unfinished_item_reads_as_one() {
    let sb = Sandbox::new();
    let p = sb.init_project();
    let run = p.run(["phase", "set", "pilot", "--reason", "Hopper", "--by", "K"]).success();
    assert!(run.stderr.contains("hopper over innsikt, tjenesteutvikling) til Pilotering"), "{run}");
    let own = "extends = \"ks-2018\"\n";
    p.write("roadmap.toml", own);
    for item in
        ["pilot-plan", "pilot-responsible", "pilot-anchored", "pilot-measured", "pilot-findings"]
    {
        p.run([
            "checklist",
            "answer",
            "pilot",
            item,
            "not-relevant",
            "--note",
            "Ingen pilot",
            "--by",
            "K",
        ])
        .success();
    }
    let run = p
        .run(["--lang", "en", "phase", "set", "transition", "--reason", "x", "--by", "K"])
        .success();
    assert!(
        run.stderr
            .contains("warning: 1 item of the phase pilotering was unfinished: pilot-evaluated"),
        "{run}"
    );
    let d = p.read("decisions/2026-11-23-pilotering-to-overgang-til-drift.toml");
    assert!(d.contains("open_items = [\"pilot-evaluated\"]"), "{d}");
}

#[test]
fn reading_the_checklist_in_every_format_writes_nothing() {
    let sb = Sandbox::new();
    let p = sb.init_project();
    p.write(
        "roadmap.toml",
        "extends = \"ks-2018\"\n[[phase]]\nid = \"forankring\"\n[[phase.item]]\nid = \"personvern\"\nevaluation = \"manual\"\nnb = \"A?\"\nen = \"A?\"\n",
    );
    p.run([
        "checklist",
        "answer",
        "forankring",
        "personvern",
        "still-open",
        "--note",
        "Venter",
        "--by",
        "K",
    ])
    .success();
    p.run(["phase", "set", "innsikt", "--reason", "Videre", "--by", "K"]).success();
    let before = snapshot(&sb.work);
    for format in ["text", "json", "md", "junit", "github"] {
        for args in [
            &["checklist", "--format", format][..],
            &["checklist", "--check", "--through-current", "--format", format],
            &["checklist", "--check", "--all", "--format", format],
            &["checklist", "--check", "forankring", "--as-of", "2026-01-01", "--format", format],
        ] {
            let run = p.run(args);
            assert!(run.code == 0 || run.code == 1, "{run}");
            crate::support::assert_same_tree(&before, &snapshot(&sb.work), &run);
        }
    }
    for args in [
        &["roadmap", "show"][..],
        &["roadmap", "show", "--format", "json"],
        &["roadmap", "show", "--format", "md"],
        &["phase"],
        &["phase", "--format", "json"],
        &["status"],
        &["check"],
    ] {
        let run = p.run(args).success();
        crate::support::assert_same_tree(&before, &snapshot(&sb.work), &run);
    }
}

/// FNV-1a hashes of every run of four words in KS's own checklist for *ny
/// praksis* (seed 001, lowercased, split at what is not a letter). Hashes,
/// so the test can tell a copied phrase without the repository holding KS's
/// sentences.
const KS_FOUR_WORDS: &[u64] = &[
    0x001c425aa38f4fe1,
    0x0136a8b26300be97,
    0x016031525d4faf2a,
    0x05dc849af2448c89,
    0x088eb9580682178f,
    0x09efc2bae583a26a,
    0x193bff77d8395ece,
    0x2009098dbcac9d62,
    0x20e17ebb0a3d44f4,
    0x2708726d2933a259,
    0x4459bcf9b57089a1,
    0x46dd33326aba9440,
    0x4e9111c41d265990,
    0x54a5b6aec84e49a3,
    0x553c6eb9d8031c92,
    0x5596fd29022dd8fa,
    0x55d6322443ef059a,
    0x5bf72c91daff1889,
    0x5e3c7bcaf1a992ff,
    0x5e89c7022e3847bb,
    0x5f4f880ea2adacfe,
    0x61900e12ba48b92c,
    0x6a814cfdded22cbe,
    0x6a8f1babe01f651d,
    0x6af71ff0198f40c5,
    0x6e7d4e4d63cd4c5a,
    0x734c2b3c4e244804,
    0x783c8c8197096d01,
    0x78514c92c3a84b20,
    0x79087411c53c6ce6,
    0x7b96a920b7509f87,
    0x7c305b7476135e4d,
    0x7c396d5d70d3691f,
    0x7cbcd0eba7521724,
    0x862b3dc6d5384834,
    0x8b9dfdb84f91de43,
    0x8bd0b244ccbf4635,
    0x9613f8535fe7d18c,
    0x965478dcbc114a42,
    0x96df17d6b376dc61,
    0x9ed22a8a28c2213a,
    0xa0816173785c415f,
    0xa87fbf1c107295aa,
    0xa88873f96c43e3ae,
    0xaa21bef893396c01,
    0xaa73f52d84a2ddd4,
    0xab067038c956cee7,
    0xad781923166dc1b4,
    0xb5b123ad4928cc7b,
    0xb623ade02148ea4c,
    0xb6e4f3b8f0e0ffbe,
    0xbbcac0c8b4bb752f,
    0xbd7465820b63c4a7,
    0xbfbab3bbc299d389,
    0xc108b1dcbeaaf8c8,
    0xcec2b1b570b704fb,
    0xd44378c7891c267b,
    0xd4f28a01c638eb71,
    0xd60d5f9862da6fe6,
    0xd68ea1ad3bb7fe7e,
    0xd9dca8bdcf66cc42,
    0xda6dcc2de66c8327,
    0xda832214b689c6f5,
    0xddf34d22a1b4f8eb,
    0xe12c9cd09834ead1,
    0xe1d3c8d78cdb5b7d,
    0xe308f52b69be93f4,
    0xe45485e5dc93e8d0,
    0xe9a37bac4196ad9e,
    0xecef61aec25b1e48,
    0xee588668e4322657,
    0xf0ca38ef76ca15e9,
    0xf2d0fe201d8378a9,
    0xf3304cd14a33c650,
    0xf41313e110bdf701,
    0xf6c2d961ea990987,
    0xf757db2e8ba28292,
    0xf869f89f2f6a0bb3,
    0xf89510198c268164,
    0xff07724d3974f876,
];

fn fnv1a(s: &str) -> u64 {
    s.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3))
}

#[test]
fn ny_praksis_covers_ks_twelve_points_in_our_own_words() {
    let sb = Sandbox::new();
    // The twelve points in KS's order, each with how it is judged.
    let twelve = [
        ("new-ways-followed", "suggested"),
        ("results-measured", "auto"),
        ("quality-followed-up", "suggested"),
        ("benefits-reported", "suggested"),
        ("results-shown", "suggested"),
        ("results-celebrated", "suggested"),
        ("supplier-delivery", "auto"),
        ("ideas-welcome", "suggested"),
        ("ideas-followed-up", "auto"),
        ("continuous-improvement", "suggested"),
        ("needs-first", "auto"),
        ("innovation-culture", "manual"),
    ];
    for roadmap in ["ks-2018", "samveis-2015"] {
        let dir = sb.work.join(roadmap);
        sb.run(&sb.work, ["init", roadmap, "--name", "P", "--roadmap", roadmap]).success();
        let json = sb.run(&dir, ["roadmap", "show", "--format", "json"]).success().json();
        let phase = json["phases"]
            .as_array()
            .and_then(|ps| ps.iter().find(|p| p["id"] == "ny-praksis"))
            .unwrap_or_else(|| panic!("{roadmap} has ny-praksis: {json}"));
        let items = phase["items"].as_array().expect("items");
        let got: Vec<(&str, &str)> = items
            .iter()
            .map(|i| (i["id"].as_str().unwrap_or(""), i["evaluation"].as_str().unwrap_or("")))
            .collect();
        assert_eq!(got, twelve, "{roadmap}");
        for i in items {
            assert_eq!(i["origin"], "ks", "{i}");
            let nb = i["nb"].as_str().unwrap_or_default().to_lowercase();
            let words: Vec<&str> =
                nb.split(|c: char| !c.is_alphabetic()).filter(|w| !w.is_empty()).collect();
            for run in words.windows(4) {
                let run = run.join(" ");
                assert!(
                    !KS_FOUR_WORDS.contains(&fnv1a(&run)),
                    "{roadmap}: `{run}` is KS's wording: {i}"
                );
            }
            assert!(i["rule"].is_string() || i["evaluation"] == "manual", "{i}");
        }
    }
}

#[test]
fn a_finished_phase_is_summed_up_as_finished() {
    let sb = Sandbox::new();
    let p = sb.init_project();
    for item in [
        "problem-and-goals",
        "benefit-hypotheses",
        "owner-and-team",
        "stakeholders",
        "related-projects",
        "management-anchoring",
    ] {
        p.run([
            "checklist",
            "answer",
            "forankring",
            item,
            "not-relevant",
            "--note",
            "Ikke her",
            "--by",
            "K",
        ])
        .success();
    }
    let gh = p.run(["checklist", "--check", "--format", "github"]).success();
    assert_eq!(
        gh.stdout,
        "::notice title=veikart checklist::Alle 6 punkter er ferdige (forankring 6/6).\n"
    );
    let md = p.run(["checklist", "--check", "--format", "md"]).success();
    assert!(md.stdout.ends_with("\nAlle 6 punkter er ferdige (forankring 6/6).\n"), "{md}");
    let en = p.run(["--lang", "en", "checklist", "--check", "--format", "md"]).success();
    assert!(en.stdout.ends_with("\nAll 6 items are finished (forankring 6/6).\n"), "{en}");
}

#[test]
fn an_automatic_item_ticked_against_the_data_says_so_in_every_report() {
    let sb = Sandbox::new();
    let p = sb.init_project();
    let run =
        p.run(["checklist", "tick", "forankring", "benefit-hypotheses", "--by", "K"]).success();
    assert!(run.stderr.contains("automatisk"), "the tick warns: {run}");
    let why = "svart ferdig, men dataene holder ikke: ingen gevinster er skrevet ned";
    let gh = p.run(["checklist", "--check", "--format", "github"]).code(1);
    let line = gh
        .stdout
        .lines()
        .find(|l| l.contains("title=forankring/benefit-hypotheses"))
        .unwrap_or_default();
    assert!(
        line.starts_with("::error file=checklist/forankring/benefit-hypotheses.toml,line=1,"),
        "{gh}"
    );
    assert!(line.contains(why), "{line}");
    let junit = p.run(["checklist", "--check", "--format", "junit"]).code(1);
    let doc = roxmltree::Document::parse(&junit.stdout).expect("XML");
    let case = doc
        .descendants()
        .find(|n| {
            n.has_tag_name("testcase")
                && n.attribute("name").is_some_and(|a| a.starts_with("benefit-hypotheses:"))
        })
        .expect("testcase");
    let failure = case.children().find(|n| n.has_tag_name("failure")).expect("failure");
    assert!(failure.attribute("message").unwrap_or_default().starts_with(why), "{junit}");
    let text = p.run(["checklist"]).success();
    assert!(
        text.stdout
            .contains("[ ] benefit-hypotheses  ferdig, men dataene holder ikke · automatisk"),
        "{text}"
    );
}

#[test]
fn roadmap_show_tells_each_items_rule_and_whose_it_is() {
    let sb = Sandbox::new();
    let p = sb.init_project();
    p.write(
        "roadmap.toml",
        "extends = \"ks-2018\"\n[[phase]]\nid = \"ny-praksis\"\n[[phase.item]]\nid = \"personvern\"\nevaluation = \"manual\"\nnb = \"Har personvernombudet sett på tjenesten?\"\nen = \"Has the data protection officer seen the service?\"\n",
    );
    let text = p.run(["roadmap", "show"]).success();
    for line in [
        "   - benefit-hypotheses [automatisk, regel benefits-listed]: Har dere skrevet ned",
        "   - results-measured [automatisk, regel indicators-measured] (KS): ",
        "   - innovation-culture [manuell] (KS): ",
        "   - personvern [manuell] (eget): Har personvernombudet sett på tjenesten?",
    ] {
        assert!(text.stdout.contains(line), "{line:?}\n{text}");
    }
    let md = p.run(["--lang", "en", "roadmap", "show", "--format", "md"]).success();
    assert!(
        md.stdout.contains("- [ ] Are results measured all along? (`results-measured`, automatic, rule indicators-measured) (KS)\n"),
        "{md}"
    );
}

#[test]
fn untick_refuses_an_answer_file_it_cannot_read_and_leaves_it_alone() {
    let sb = Sandbox::new();
    let p = sb.init_project();
    p.run(["checklist", "tick", "forankring", "management-anchoring", "--by", "Kari"]).success();
    let rel = "checklist/forankring/management-anchoring.toml";
    let text = p.read(rel);
    p.write(rel, &text.replace("status = \"done\"", "status = \"done"));
    let before = p.snapshot();
    let (run, first) = p.run(["checklist", "untick", "forankring", "management"]).failure();
    assert!(first.contains("management-anchoring.toml:"), "names the file and line\n{run}");
    assert!(run.stderr.contains("git rm"), "says how to delete it by hand\n{run}");
    assert_eq!(before, p.snapshot(), "nothing removed");
}
