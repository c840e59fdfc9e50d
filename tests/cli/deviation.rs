//! Deviations with corrective actions, suppliers with reviews, and the
//! benefit plan in `status`.

use crate::benefit::plan_project;
use crate::support::{Sandbox, assert_refused, snapshot};

#[test]
fn deviation_lifecycle_add_actions_overdue_warning_and_close() {
    let sb = Sandbox::new();
    let p = plan_project(&sb);
    p.run(["supplier", "add", "Nordlys Telefoni AS"]).success();
    let id = p
        .run([
            "deviation",
            "add",
            "Lang telefonkø fredag",
            "--kind",
            "tjenestefeil",
            "--indicator",
            "vent",
            "--supplier",
            "nordlys",
            "--date",
            "2026-11-13",
        ])
        .success()
        .stdout
        .trim()
        .to_string();
    assert_eq!(id, "lang-telefonko-fredag");
    let file = format!("deviations/{id}.toml");
    let mut text = p.read(&file);
    text.push_str("# Meldt av nattevakten\n");
    p.write(&file, &text);
    p.run([
        "deviation",
        "action",
        "lang",
        "Ekstra sykepleier på telefon",
        "--owner",
        "legevaktsjef",
        "--due",
        "2026-11-20",
    ])
    .success();
    p.run([
        "deviation",
        "action",
        "lang",
        "Varsling fra leverandøren",
        "--owner",
        "legevaktsjef",
        "--due",
        "2026-12-18",
    ])
    .success();
    let t: toml::Table = p.read(&file).parse().expect("TOML");
    assert_eq!(t["kind"].as_str(), Some("service"));
    assert_eq!(t["indicator"].as_str(), Some("ventetid-i-minutter"));
    assert_eq!(t["supplier"].as_str(), Some("nordlys-telefoni-as"));
    assert_eq!(t["status"].as_str(), Some("open"));
    assert_eq!(t["action"].as_array().map(Vec::len), Some(2));
    assert!(p.read(&file).contains("# Meldt av nattevakten"));

    let ok = p.run(["check", "--as-of", "2026-11-20", "--format", "json"]).success().json();
    assert_eq!(ok["warnings"], 0, "{ok}");
    let run = p.run(["--lang", "en", "check", "--as-of", "2026-11-23"]).success();
    assert!(run.stdout.contains(&format!("{file}:")), "{run}");
    assert!(run.stdout.contains("warning[action-overdue]: the action `Ekstra sykepleier på telefon` was due by 2026-11-20"), "{run}");
    assert!(!run.stdout.contains("Varsling fra"), "{run}");

    let v = p.run(["deviation", "list", "--format", "json"]).success().json();
    assert_eq!(v["deviations"][0]["overdue_actions"], 1);
    let text = p.run(["--lang", "en", "deviation", "list"]).success().stdout;
    assert!(text.contains("2 (1 overdue)"), "{text}");
    let show = p.run(["--lang", "en", "deviation", "show", "lang"]).success().stdout;
    assert!(
        show.contains("1. Ekstra sykepleier på telefon – Legevaktsjef, due 2026-11-20 (overdue)"),
        "{show}"
    );

    p.run(["deviation", "close", "lang", "--note", "Køen er kort igjen"]).success();
    let t: toml::Table = p.read(&file).parse().expect("TOML");
    assert_eq!(t["status"].as_str(), Some("closed"));
    assert_eq!(t["closed"].to_string(), "2026-11-23");
    let clean = p.run(["check", "--format", "json"]).success().json();
    assert_eq!(clean["warnings"], 0, "a closed deviation's actions are not overdue: {clean}");
    let open = p.run(["deviation", "list", "--open", "--format", "json"]).success().json();
    assert_eq!(open["deviations"].as_array().map(Vec::len), Some(0));
    let root = p.root.clone();
    assert_refused(
        &p,
        &root,
        &["deviation", "action", "lang", "Mer", "--owner", "legevaktsjef", "--due", "2027-01-01"],
        &["lang-telefonko-fredag"],
    );
}

#[test]
fn bad_deviation_input_is_refused_and_changes_nothing() {
    let sb = Sandbox::new();
    let p = plan_project(&sb);
    p.run(["deviation", "add", "Feil i rutinen", "--kind", "prosess", "--date", "2026-11-01"])
        .success();
    let root = p.root.clone();
    assert_refused(&p, &root, &["deviation", "add", "X", "--indicator", "ukjent"], &["ukjent"]);
    assert_refused(&p, &root, &["deviation", "add", "X", "--supplier", "ukjent"], &["ukjent"]);
    assert_refused(&p, &root, &["deviation", "add", "/etc/x"], &[]);
    let before = snapshot(&root);
    p.run(["deviation", "add", "X", "--kind", "tull"]).code(2);
    p.run(["deviation", "action", "feil", "Gjør noe", "--owner", "legevaktsjef"]).code(2);
    p.run([
        "deviation",
        "action",
        "feil",
        "Gjør noe",
        "--owner",
        "legevaktsjef",
        "--due",
        "i morgen",
    ])
    .code(2);
    crate::support::assert_same_tree(&before, &snapshot(&root), &"usage errors");
    assert_refused(
        &p,
        &root,
        &["deviation", "action", "feil", "Gjør noe", "--owner", "ingen", "--due", "2026-12-01"],
        &["ingen"],
    );
    assert_refused(&p, &root, &["deviation", "close", "feil", "--note", ""], &["--note"]);
    assert_refused(
        &p,
        &root,
        &["deviation", "close", "feil", "--note", "Løst", "--date", "2026-10-01"],
        &["2026-11-01"],
    );
    assert_refused(
        &p,
        &root,
        &["deviation", "close", "finnes-ikke", "--note", "Løst"],
        &["finnes-ikke"],
    );
}

#[test]
fn supplier_reviews_are_appended_and_list_shows_the_latest() {
    let sb = Sandbox::new();
    let p = sb.init_project();
    p.run(["supplier", "add", "Nordlys Telefoni AS", "--contract", "Avtale 2025/118"]).success();
    p.run(["supplier", "add", "Journal AS"]).success();
    p.run([
        "supplier",
        "review",
        "nordlys",
        "--score",
        "3",
        "--date",
        "2026-06-30",
        "--note",
        "Tregt i starten",
    ])
    .success();
    p.run(["supplier", "review", "nordlys", "--score", "5", "--date", "2026-09-30"]).success();
    p.run(["supplier", "review", "nordlys", "--score", "4", "--date", "2026-03-31"]).success();
    let text = p.read("suppliers/nordlys-telefoni-as.toml");
    assert_eq!(text.matches("[[review]]").count(), 3, "{text}");
    assert!(
        text.find("2026-06-30").expect("first") < text.find("2026-03-31").expect("last"),
        "appended in order\n{text}"
    );
    let v = p.run(["supplier", "list", "--format", "json"]).success().json();
    let s = v["suppliers"].as_array().expect("suppliers");
    assert_eq!(s[0]["id"], "journal-as");
    assert!(s[0]["latest_review"].is_null());
    assert_eq!(s[1]["latest_review"]["score"], 5, "the newest by date: {v}");
    assert_eq!(s[1]["latest_review"]["date"], "2026-09-30");
    let table = p.run(["--lang", "en", "supplier", "list"]).success().stdout;
    let row = table.lines().find(|l| l.starts_with("nordlys")).expect("row");
    assert!(
        row.contains("5/5") && row.contains("2026-09-30") && row.contains("Avtale 2025/118"),
        "{row}"
    );
    let root = p.root.clone();
    for bad in [
        &["supplier", "review", "nordlys", "--score", "6"][..],
        &["supplier", "review", "nordlys", "--score", "0"],
        &["supplier", "review", "nordlys", "--score", "x"],
    ] {
        let before = snapshot(&root);
        p.run(bad).code(2);
        crate::support::assert_same_tree(&before, &snapshot(&root), &"bad score");
    }
    assert_refused(&p, &root, &["supplier", "review", "ukjent", "--score", "3"], &["ukjent"]);
    assert_refused(&p, &root, &["supplier", "add", ""], &[]);
    p.run(["check"]).success();
}

#[test]
fn status_shows_the_plan_states_and_open_deviations() {
    let sb = Sandbox::new();
    let p = plan_project(&sb);
    p.run(["measure", "record", "ventetid", "30", "--date", "2026-11-01"]).success();
    p.run(["benefit", "add", "Bedre kvalitet", "--type", "quality"]).success();
    p.run([
        "benefit",
        "plan",
        "bedre",
        "--indicator",
        "Fornøyde",
        "--unit",
        "%",
        "--baseline",
        "50",
        "--target",
        "80",
        "--by",
        "2027-12-31",
    ])
    .success();
    p.run(["deviation", "add", "Lang kø", "--date", "2026-11-10"]).success();
    p.run([
        "deviation",
        "action",
        "lang",
        "Ekstra vakt",
        "--owner",
        "legevaktsjef",
        "--due",
        "2026-11-15",
    ])
    .success();
    p.run(["deviation", "add", "Gammelt avvik", "--date", "2026-10-01"]).success();
    p.run(["deviation", "close", "gammelt", "--note", "Løst"]).success();
    let text = p.run(["--lang", "en", "status"]).success().stdout;
    assert!(
        text.contains("Benefits:")
            && text.contains("2 benefits, 2 indicators (1 reached, 1 no data)"),
        "{text}"
    );
    assert!(text.contains("1 open, 1 closed; 1 action overdue"), "{text}");
    assert!(text.contains("ventetid-i-minutter  reached: 30 min (100 %) on 2026-11-01"), "{text}");
    assert!(text.contains("lang-ko  Lang kø (2026-11-10, 1 action, 1 overdue)"), "{text}");
    assert!(!text.contains("Gammelt"), "{text}");
    let v = p.run(["status", "--format", "json"]).success().json();
    let b = &v["benefits"];
    assert_eq!(b["indicator_states"]["reached"], 1);
    assert_eq!(b["indicator_states"]["no-data"], 1);
    assert_eq!(b["deviations"]["open"], 1);
    assert_eq!(b["deviations"]["overdue_actions"], 1);
    assert_eq!(b["indicators"].as_array().map(Vec::len), Some(2));
}

#[test]
fn supplier_show_has_the_contract_reviews_and_linked_deviations() {
    let sb = Sandbox::new();
    let p = plan_project(&sb);
    p.run(["supplier", "add", "Nordlys Telefoni AS", "--contract", "Avtale 2025/118"]).success();
    p.run(["supplier", "add", "Fjellnett AS"]).success();
    for (date, score, note) in
        [("2026-09-30", "4", "Ett kort avbrudd"), ("2026-06-30", "2", "Mange feil")]
    {
        p.run(["supplier", "review", "nord", "--score", score, "--date", date, "--note", note])
            .success();
    }
    p.run([
        "deviation",
        "add",
        "Telefonen nede",
        "--kind",
        "leverandør",
        "--supplier",
        "nord",
        "--date",
        "2026-11-02",
    ])
    .success();
    p.run([
        "deviation",
        "action",
        "telefonen",
        "Krev rapport",
        "--owner",
        "legevaktsjef",
        "--due",
        "2026-11-10",
    ])
    .success();
    p.run(["deviation", "add", "Treg linje", "--supplier", "fjell", "--date", "2026-11-03"])
        .success();
    let root = p.root.clone();
    let before = snapshot(&root);
    let run = p.run(["--lang", "en", "supplier", "show", "nord"]).success();
    assert_eq!(
        run.stdout,
        "nordlys-telefoni-as  (suppliers/nordlys-telefoni-as.toml)\n\
         Name:        Nordlys Telefoni AS\n\
         Contract:    Avtale 2025/118\n\
         Reviews:     2026-06-30  2/5  Mange feil\n\
         \x20            2026-09-30  4/5  Ett kort avbrudd\n\
         Deviations:  telefonen-nede  Telefonen nede (2026-11-02, open, supplier, 1 overdue)\n"
    );
    let run = p.run(["supplier", "show", "fjell"]).success();
    assert!(run.stdout.contains("Avtale:       –"), "{run}");
    assert!(run.stdout.contains("Vurderinger:  ingen ennå"), "{run}");
    assert!(run.stdout.contains("treg-linje  Treg linje (2026-11-03, åpen)"), "{run}");
    let v = p.run(["supplier", "show", "nordlys-telefoni-as", "--format", "json"]).success().json();
    assert_eq!(v["supplier"]["contract"], "Avtale 2025/118");
    assert_eq!(v["supplier"]["path"], "suppliers/nordlys-telefoni-as.toml");
    assert_eq!(v["supplier"]["reviews"].as_array().map(Vec::len), Some(2));
    assert_eq!(v["supplier"]["latest_review"]["score"], 4);
    assert_eq!(v["deviations"][0]["id"], "telefonen-nede");
    assert_eq!(v["deviations"][0]["overdue_actions"], 1);
    assert_eq!(v["deviations"].as_array().map(Vec::len), Some(1));
    crate::support::assert_same_tree(&before, &snapshot(&root), &"supplier show is read-only");
    assert_refused(&p, &root, &["supplier", "show", "zzz"], &["zzz"]);
}

#[test]
fn closing_a_closed_deviation_is_refused_and_status_aligns_open_deviations() {
    let sb = Sandbox::new();
    let p = plan_project(&sb);
    p.run(["deviation", "add", "Kort", "--date", "2026-11-01"]).success();
    p.run(["deviation", "add", "Et mye lengre avvik", "--date", "2026-11-02"]).success();
    p.run(["deviation", "add", "Lukkes", "--date", "2026-11-03"]).success();
    p.run(["deviation", "close", "lukkes", "--note", "Fikset", "--date", "2026-11-04"]).success();
    let root = p.root.clone();
    assert_refused(
        &p,
        &root,
        &["--lang", "en", "deviation", "close", "lukkes", "--note", "Fikset igjen"],
        &["`lukkes` is already closed (2026-11-04)"],
    );
    let run = p.run(["status"]).success();
    assert!(
        run.stdout.contains("  et-mye-lengre-avvik  Et mye lengre avvik (2026-11-02, 0 tiltak)\n"),
        "{run}"
    );
    assert!(run.stdout.contains("  kort                 Kort (2026-11-01, 0 tiltak)\n"), "{run}");
}

#[test]
fn status_as_of_a_past_date_shows_the_deviations_as_they_stood_then() {
    let sb = Sandbox::new();
    let p = plan_project(&sb);
    p.run(["deviation", "add", "Tidlig", "--date", "2026-03-01"]).success();
    p.run([
        "deviation",
        "action",
        "tidlig",
        "Rydd opp",
        "--owner",
        "legevaktsjef",
        "--due",
        "2026-04-01",
    ])
    .success();
    p.run(["deviation", "close", "tidlig", "--note", "Ryddet", "--date", "2026-06-01"]).success();
    p.run(["deviation", "add", "Sent", "--date", "2026-10-01"]).success();
    let now = p.run(["--lang", "en", "status"]).success();
    assert!(now.stdout.contains("1 open, 1 closed"), "{now}");
    let then = p.run(["--lang", "en", "status", "--as-of", "2026-05-01"]).success();
    assert!(then.stdout.contains("1 open, 0 closed; 1 action overdue"), "{then}");
    assert!(then.stdout.contains("tidlig  Tidlig (2026-03-01, 1 action, 1 overdue)"), "{then}");
    assert!(!then.stdout.contains("Sent"), "found later\n{then}");
    let v = p.run(["status", "--as-of", "2026-05-01", "--format", "json"]).success().json();
    assert_eq!(v["benefits"]["deviations"]["open"], 1, "{v}");
}

#[test]
fn deviation_show_names_the_indicator_and_the_supplier() {
    let sb = Sandbox::new();
    let p = plan_project(&sb);
    p.run(["supplier", "add", "Nordlys Telefoni AS"]).success();
    p.run(["deviation", "add", "Kø", "--indicator", "vent", "--supplier", "nord"]).success();
    let run = p.run(["deviation", "show", "ko"]).success();
    assert!(
        run.stdout.contains("Indikator:   ventetid-i-minutter (Ventetid i minutter)\n"),
        "{run}"
    );
    assert!(
        run.stdout.contains("Leverandør:  nordlys-telefoni-as (Nordlys Telefoni AS)\n"),
        "{run}"
    );
    std::fs::remove_file(p.path("suppliers/nordlys-telefoni-as.toml")).expect("rm");
    let run = p.run(["deviation", "show", "ko"]).success();
    assert!(run.stdout.contains("Leverandør:  nordlys-telefoni-as\n"), "{run}");
}
