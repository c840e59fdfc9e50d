//! The records of the other phases (issue 5, items 3–8 and 10): anchoring,
//! insight, the pilot, the log, `idea promote` and their lines in `status`,
//! each with its bad inputs leaving every file byte-for-byte.

use crate::support::{Project, Sandbox, assert_refused, assert_same_tree, snapshot};

fn id_of(p: &Project, args: &[&str]) -> String {
    let run = p.run(args).success();
    let id = run.stdout.trim().to_string();
    assert!(!id.is_empty() && !id.contains('\n'), "one id on stdout\n{run}");
    id
}

fn list(p: &Project, noun: &str, key: &str, extra: &[&str]) -> Vec<serde_json::Value> {
    let mut args = vec![noun, "list", "--format", "json"];
    args.extend_from_slice(extra);
    let v = p.run(&args).success().json();
    assert_eq!(v["version"], 2, "{v}");
    v[key].as_array().unwrap_or_else(|| panic!("`{key}` in {v}")).clone()
}

#[test]
fn anchoring_records_are_added_and_listed() {
    let sb = Sandbox::new();
    let p = sb.init_project();
    let g = id_of(
        &p,
        &["goal", "add", "Kortere ventetid på telefon", "--measure", "Median under 2 minutter"],
    );
    assert_eq!(g, "kortere-ventetid-pa-telefon");
    id_of(
        &p,
        &["team", "add", "Kari Nordmann", "--role", "prosjektleder", "--unit", "Helse og omsorg"],
    );
    id_of(&p, &["stakeholder", "add", "Fastlegene", "--influence", "middels", "--interest", "høy"]);
    id_of(
        &p,
        &[
            "stakeholder",
            "add",
            "Kommunalsjef helse",
            "--influence",
            "high",
            "--plan",
            "Månedlig orientering",
        ],
    );
    id_of(
        &p,
        &[
            "related",
            "add",
            "Digital hjemmeoppfølging i Nordby",
            "--url",
            "https://nordby.kommune.no/dho",
        ],
    );

    let goals = list(&p, "goal", "goals", &[]);
    assert_eq!(goals[0]["measure"], "Median under 2 minutter");
    assert_eq!(goals[0]["path"], "goals/kortere-ventetid-pa-telefon.toml");
    assert_eq!(list(&p, "team", "team", &[])[0]["unit"], "Helse og omsorg");
    let sh = list(&p, "stakeholder", "stakeholders", &[]);
    assert_eq!(sh[0]["id"], "kommunalsjef-helse", "highest influence first: {sh:?}");
    assert_eq!(sh[1]["interest"], "high");
    assert_eq!(list(&p, "related", "related", &[])[0]["url"], "https://nordby.kommune.no/dho");
    let text = p.run(["stakeholder", "list"]).success();
    assert!(text.stdout.contains("høy"), "labels in Bokmål\n{text}");
    let run = p.run(["check"]).success();
    assert!(run.stdout.is_empty(), "{run}");
}

#[test]
fn anchoring_commands_refuse_bad_input() {
    let sb = Sandbox::new();
    let p = sb.init_project();
    let w = &sb.work;
    assert_refused(&p, w, &["goal", "add", "../mål.toml"], &[]);
    assert_refused(&p, w, &["goal", "add", ""], &[]);
    assert_refused(&p, w, &["team", "add", "Kari"], &[]);
    assert_refused(&p, w, &["team", "add", "Kari", "--role", "a\nb"], &[]);
    assert_refused(&p, w, &["stakeholder", "add", "Fastlegene", "--influence", "enorm"], &[]);
    assert_refused(&p, w, &["related", "add", "a/b/c"], &[]);
    p.write("goals/kaffe.toml", "text = \"Kaffe\"\ncreated = 2026-13-01\n");
    assert_refused(&p, w, &["goal", "list"], &["goals/kaffe.toml:2:"]);
}

#[test]
fn insights_are_added_and_filtered() {
    let sb = Sandbox::new();
    let p = sb.init_project();
    id_of(
        &p,
        &[
            "insight",
            "add",
            "Pårørende vet ikke når pasienten sendes hjem",
            "--method",
            "intervju",
            "--respondent",
            "pårørende",
            "--date",
            "2026-09-02",
            "--need",
            "Beskjed før utskriving",
            "--need",
            "Et nummer å ringe",
        ],
    );
    id_of(
        &p,
        &[
            "insight",
            "add",
            "Sykepleierne bruker mye tid på telefonen",
            "--method",
            "observation",
            "--respondent",
            "employee",
            "--date",
            "2026-09-10",
        ],
    );
    let all = list(&p, "insight", "insights", &[]);
    assert_eq!(all.len(), 2);
    assert_eq!(all[0]["date"], "2026-09-10", "newest first");
    assert_eq!(all[1]["needs"].as_array().unwrap().len(), 2);
    let staff = list(&p, "insight", "insights", &["--respondent", "ansatt"]);
    assert_eq!(staff.len(), 1);
    assert_eq!(staff[0]["method"], "observation");
    let help = p.run(["insight", "--help"]).success();
    assert!(help.stdout.contains("journey"), "points at the current journey\n{help}");
    let w = &sb.work;
    assert_refused(
        &p,
        w,
        &["insight", "add", "X", "--method", "gjetting", "--respondent", "user"],
        &[],
    );
    assert_refused(
        &p,
        w,
        &["insight", "add", "X", "--method", "survey", "--respondent", "user", "--date", "i går"],
        &[],
    );
    assert_refused(&p, w, &["insight", "add", "X", "--method", "survey"], &[]);
}

#[test]
fn the_pilot_plan_grows_point_by_point_and_show_lists_what_is_missing() {
    let sb = Sandbox::new();
    let p = sb.init_project();
    let v = p.run(["pilot", "show", "--format", "json"]).success().json();
    assert_eq!(v["plan"], serde_json::Value::Null);
    assert_eq!(v["missing"].as_array().unwrap().len(), 11);
    p.run(["role", "add", "Enhetsleder legevakt"]).success();
    p.run([
        "pilot",
        "plan",
        "--goals",
        "Se om SMS-varsel kutter ventetiden",
        "--start",
        "2027-01-10",
        "--end",
        "2027-03-31",
    ])
    .success();
    p.run(["pilot", "plan", "--training", "To timer for alle", "--responsible", "enhet"]).success();
    let text = p.read("pilot/plan.toml");
    assert!(
        text.contains("goals = \"Se om SMS-varsel kutter ventetiden\""),
        "earlier points stay\n{text}"
    );
    assert!(text.contains("responsible = \"enhetsleder-legevakt\""), "{text}");
    let v = p.run(["pilot", "show", "--format", "json"]).success().json();
    let missing: Vec<&str> =
        v["missing"].as_array().unwrap().iter().filter_map(|m| m.as_str()).collect();
    assert_eq!(
        missing,
        [
            "scope",
            "participants",
            "information",
            "error_handling",
            "measurement",
            "observation",
            "documentation"
        ]
    );
    let show = p.run(["pilot", "show"]).success();
    assert!(show.stdout.contains("Mangler: omfang"), "{show}");
    p.run([
        "pilot",
        "plan",
        "--scope",
        "SMS og skjerm",
        "--participants",
        "Alle pasienter på dagtid",
        "--information",
        "Plakat og nettside",
        "--error-handling",
        "Avvik samme dag",
        "--measurement",
        "Ventetid per uke",
        "--observation",
        "Prosjektleder to dager i uken",
        "--documentation",
        "Funn loggføres med veikart",
    ])
    .success();
    let v = p.run(["pilot", "show", "--format", "json"]).success().json();
    assert_eq!(v["complete"], true, "{v}");
    let f = id_of(
        &p,
        &["pilot", "finding", "add", "Tre pasienter fikk ikke SMS på natt", "--date", "2027-01-14"],
    );
    assert_eq!(f, "2027-01-14-tre-pasienter-fikk-ikke-sms-pa");
    let v = p.run(["pilot", "show", "--format", "json"]).success().json();
    assert_eq!(v["findings"][0]["date"], "2027-01-14");
    let run = p.run(["check"]).success();
    assert!(run.stdout.is_empty(), "the responsible role counts as used\n{run}");
}

#[test]
fn pilot_commands_refuse_bad_input_and_change_nothing() {
    let sb = Sandbox::new();
    let p = sb.init_project();
    let w = &sb.work;
    assert_refused(&p, w, &["pilot", "plan"], &[]);
    assert_refused(
        &p,
        w,
        &["pilot", "plan", "--goals", "x", "--responsible", "finnes-ikke"],
        &["finnes-ikke"],
    );
    assert_refused(&p, w, &["pilot", "plan", "--start", "2027-03-01", "--end", "2027-01-01"], &[]);
    assert_refused(&p, w, &["pilot", "plan", "--start", "2027-02-29"], &[]);
    p.run(["pilot", "plan", "--start", "2027-03-01"]).success();
    assert_refused(&p, w, &["pilot", "plan", "--end", "2027-01-01"], &[]);
    assert_refused(&p, w, &["pilot", "finding", "add", "x", "--date", "2027-1-1"], &[]);
    assert_refused(&p, w, &["pilot", "finding", "add", ""], &[]);
    p.write("pilot/plan.toml", "goals = \"x\nstart = 2027-03-01\n");
    assert_refused(&p, w, &["pilot", "plan", "--scope", "y"], &["pilot/plan.toml:1:"]);
    assert_refused(&p, w, &["pilot", "show"], &["pilot/plan.toml:1:"]);
}

#[test]
fn log_entries_are_one_file_each_and_list_newest_first() {
    let sb = Sandbox::new();
    let p = sb.init_project();
    let a = id_of(
        &p,
        &[
            "log",
            "add",
            "--kind",
            "kommunikasjon",
            "Resultatene vist på personalmøtet",
            "--date",
            "2026-10-01",
            "--audience",
            "Ansatte",
        ],
    );
    let b = id_of(
        &p,
        &["log", "add", "--kind", "feiring", "Kake for 1000 SMS-varsler", "--date", "2026-11-20"],
    );
    id_of(
        &p,
        &["log", "add", "--kind", "feiring", "Kake for 1000 SMS-varsler", "--date", "2026-11-20"],
    );
    assert_eq!(a, "2026-10-01-resultatene-vist-pa-personalmotet");
    assert_eq!(b, "2026-11-20-kake-for-1000-sms-varsler");
    assert!(p.path("logs/2026-11-20-kake-for-1000-sms-varsler-2.toml").is_file());
    let all = list(&p, "log", "logs", &[]);
    assert_eq!(all.len(), 3);
    assert_eq!(all[0]["kind"], "celebration");
    assert_eq!(all[2]["audience"], "Ansatte");
    assert_eq!(list(&p, "log", "logs", &["--kind", "communication"]).len(), 1);
    let w = &sb.work;
    assert_refused(&p, w, &["log", "add", "--kind", "sladder", "x"], &[]);
    assert_refused(&p, w, &["log", "add", "x"], &[]);
    assert_refused(&p, w, &["log", "add", "--kind", "report", "x", "--date", "2026-00-10"], &[]);
    assert_refused(&p, w, &["log", "add", "--kind", "report", " "], &[]);
}

#[test]
fn idea_promote_starts_a_linked_project_and_refuses_an_existing_one() {
    let sb = Sandbox::new();
    let p = sb.init_project();
    let id = p.add_idea(
        "Videotolk i behandlingsrommet",
        &["--source", "ansatt", "--description", "Tolk på skjerm når pasienten ikke snakker norsk"],
    );
    let run = p.run(["idea", "promote", "video", "../videotolk"]).success();
    assert_eq!(run.stdout.trim(), "../videotolk");
    let new: toml::Table =
        crate::support::read(&sb.work.join("videotolk/veikart.toml")).parse().unwrap();
    assert_eq!(new["name"].as_str(), Some("Videotolk i behandlingsrommet"));
    assert_eq!(new["problem"].as_str(), Some("Tolk på skjerm når pasienten ikke snakker norsk"));
    assert_eq!(new["source"].as_str(), Some("employee"));
    assert_eq!(new["from_project"].as_str(), Some("../prosjekt"));
    assert_eq!(new["from_idea"].as_str(), Some(id.as_str()));
    assert_eq!(new["municipality"].as_str(), Some("Fjordvik kommune"));
    assert_eq!(new["phase"].as_str(), Some("forankring"));
    let idea = p.idea_toml(&id);
    assert_eq!(idea["status"].as_str(), Some("promoted"));
    assert_eq!(idea["promoted_to"].as_str(), Some("../videotolk"));
    sb.run(&sb.work.join("videotolk"), ["check"]).success();
    p.run(["check"]).success();
    let show = p.run(["idea", "show", &id]).success();
    assert!(show.stdout.contains("../videotolk"), "{show}");

    // A folder with a project, an unknown idea, a promoted idea: nothing changes.
    let other = p.add_idea("Drop-in på dagtid", &[]);
    let before = snapshot(&sb.work);
    let (run, _) = p.run(["idea", "promote", &other, "../videotolk"]).failure();
    assert_same_tree(&before, &snapshot(&sb.work), &run);
    let (run, _) = p.run(["idea", "promote", "finnes-ikke", "../ny"]).failure();
    assert_same_tree(&before, &snapshot(&sb.work), &run);
    let (run, _) = p.run(["idea", "promote", &id, "../enda-en"]).failure();
    assert_same_tree(&before, &snapshot(&sb.work), &run);
    let (run, _) = p.run(["idea", "promote", &other, "."]).failure();
    assert_same_tree(&before, &snapshot(&sb.work), &run);
}

#[test]
fn status_has_a_line_for_every_area() {
    let sb = Sandbox::new();
    let p = sb.init_project();
    p.run(["goal", "add", "Kortere ventetid"]).success();
    p.run(["team", "add", "Kari Nordmann", "--role", "prosjektleder"]).success();
    p.run([
        "insight",
        "add",
        "Lang kø på telefon",
        "--method",
        "statistics",
        "--respondent",
        "employee",
    ])
    .success();
    p.run(["proposal", "add", "SMS-varsel"]).success();
    p.run(["proposal", "test", "sms", "--with", "user", "--feedback", "Bra"]).success();
    p.run(["tech", "add", "Varsling fra journalsystemet"]).success();
    p.run(["tech", "assess", "varsling", "cost", "4", "--note", "Rimelig"]).success();
    p.run(["pilot", "plan", "--goals", "Lære"]).success();
    p.run(["log", "add", "--kind", "report", "Status til driftsmøtet", "--date", "2026-11-02"])
        .success();
    let v = p.run(["status", "--format", "json"]).success().json();
    assert_eq!(v["proposals"]["total"], 1);
    assert_eq!(v["proposals"]["by_status"]["tested"], 1);
    assert_eq!(v["proposals"]["tests"], 1);
    assert_eq!(v["technology"]["options"], 1);
    assert_eq!(v["technology"]["fully_assessed"], 0);
    assert_eq!(v["technology"]["best_total"], 4);
    assert_eq!(v["anchoring"]["goals"], 1);
    assert_eq!(v["anchoring"]["team"], 1);
    assert_eq!(v["insights"]["by_respondent"]["employee"], 1);
    assert_eq!(v["pilot"]["has_plan"], true);
    assert_eq!(v["pilot"]["missing"].as_array().unwrap().len(), 10);
    assert_eq!(v["log"]["latest_entries"][0]["kind"], "report");
    let text = p.run(["status"]).success();
    for label in ["Forankring:", "Innsikt:", "Løsningsforslag:", "Teknologi:", "Pilot:", "Logg:"] {
        assert!(text.stdout.contains(label), "{label}\n{text}");
    }
    assert!(text.stdout.contains("1 brukertest"), "{text}");
}

#[test]
fn hand_written_comments_survive_pilot_plan_and_tech_assess() {
    let sb = Sandbox::new();
    let p = sb.init_project();
    p.write(
        "pilot/plan.toml",
        "# Avtalt med tillitsvalgte 20. oktober.\ngoals = \"Lære\"  # foreløpig\n",
    );
    p.run(["pilot", "plan", "--scope", "SMS-varsel"]).success();
    let text = p.read("pilot/plan.toml");
    assert!(
        text.starts_with(
            "# Avtalt med tillitsvalgte 20. oktober.\ngoals = \"Lære\"  # foreløpig\n"
        ),
        "{text}"
    );
    assert!(text.contains("scope = \"SMS-varsel\""), "{text}");

    p.write("technologies/skjerm.toml", "name = \"Skjerm\"\ncreated = 2026-11-01\n");
    p.write("assessments/skjerm/cost.toml", "# Fra workshop med IT\nscore = 2  # før rabatt\n");
    p.run(["tech", "assess", "skjerm", "cost", "4", "--note", "Etter rabatt"]).success();
    p.run(["tech", "assess", "skjerm", "security", "5", "--note", "Ingen persondata"]).success();
    let text = p.read("assessments/skjerm/cost.toml");
    assert!(text.starts_with("# Fra workshop med IT\nscore = 4  # før rabatt\n"), "{text}");
    assert!(text.contains("note = \"Etter rabatt\""), "{text}");
    assert!(p.read("assessments/skjerm/security.toml").starts_with("score = 5\n"));
    p.run(["check"]).success();
}
