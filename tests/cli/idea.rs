//! `veikart idea add | list | show | assess | set`.

use crate::support::{Sandbox, TODAY, assert_refused, snapshot};

// ---- idea add -------------------------------------------------------------

#[test]
fn idea_add_prints_the_slug_id_and_writes_one_file() {
    let sb = Sandbox::new();
    let p = sb.init_project();
    let run = p.run(["idea", "add", "Bedre skilting på legevakten"]).success();
    assert_eq!(run.stdout, "bedre-skilting-pa-legevakten\n", "only the id on stdout\n{run}");
    assert!(run.stderr.contains("ideas/bedre-skilting-pa-legevakten.toml"), "{run}");

    let t = p.idea_toml("bedre-skilting-pa-legevakten");
    assert_eq!(t["title"].as_str(), Some("Bedre skilting på legevakten"));
    assert_eq!(t["status"].as_str(), Some("new"));
    assert_eq!(t["submitted"].as_datetime().map(ToString::to_string).as_deref(), Some(TODAY));
    let files: Vec<_> = snapshot(&p.path("ideas")).into_keys().collect();
    assert_eq!(files.len(), 1, "exactly one file, no temp files left: {files:?}");
}

#[test]
fn idea_add_slugs_norwegian_letters_accents_and_punctuation() {
    let sb = Sandbox::new();
    let p = sb.init_project();
    assert_eq!(p.add_idea("Ærlig øl-smak & Åpen dør!", &[]), "aerlig-ol-smak-apen-dor");
    assert_eq!(p.add_idea("Café for pårørende", &[]), "cafe-for-parorende");
    assert_eq!(p.add_idea("Åpent 24/7 i helgene", &[]), "apent-24-7-i-helgene");
}

#[test]
fn idea_add_caps_long_ids_at_60_characters() {
    let sb = Sandbox::new();
    let p = sb.init_project();
    let id = p.add_idea(
        "Digital innsjekking ved ankomst til legevakten med automatisk varsling av pårørende og fastlege",
        &[],
    );
    assert!(id.len() <= 60, "{id} is {} characters", id.len());
    assert!(id.starts_with("digital-innsjekking-ved-ankomst"), "{id}");
    assert!(!id.ends_with('-'), "{id}");
}

#[test]
fn idea_add_with_a_taken_title_gets_a_numbered_id() {
    let sb = Sandbox::new();
    let p = sb.init_project();
    assert_eq!(p.add_idea("Bedre skilting", &[]), "bedre-skilting");
    assert_eq!(p.add_idea("Bedre skilting", &[]), "bedre-skilting-2");
    assert_eq!(p.add_idea("Bedre  skilting!", &[]), "bedre-skilting-3");
    // The first file is untouched by the later ones.
    assert_eq!(p.idea_toml("bedre-skilting")["title"].as_str(), Some("Bedre skilting"));
    assert_eq!(p.idea_toml("bedre-skilting-3")["title"].as_str(), Some("Bedre  skilting!"));
}

#[test]
fn idea_add_format_json_prints_id_path_and_version() {
    let sb = Sandbox::new();
    let p = sb.init_project();
    let v = p.run(["idea", "add", "SMS-varsel", "--format", "json"]).success().json();
    assert_eq!(v["version"], 2);
    assert_eq!(v["id"], "sms-varsel");
    assert_eq!(v["path"], "ideas/sms-varsel.toml");
}

#[test]
fn idea_add_accepts_norwegian_aliases_and_stores_canonical_keys() {
    let sb = Sandbox::new();
    let p = sb.init_project();
    let id = p.add_idea(
        "SMS-varsel når det er din tur",
        &["--source", "pårørende", "--kind", "forbedring", "--tag", "varsling", "--tag", "sms"],
    );
    let t = p.idea_toml(&id);
    assert_eq!(t["source"].as_str(), Some("relative"));
    assert_eq!(t["kind"].as_str(), Some("improvement"));
    let tags: Vec<&str> =
        t["tags"].as_array().expect("tags").iter().filter_map(|v| v.as_str()).collect();
    assert_eq!(tags, ["varsling", "sms"]);

    // Case does not matter, and the English keys work too.
    let id = p.add_idea("Felles venterom", &["--source", "ANSATT", "--kind", "Innovation"]);
    let t = p.idea_toml(&id);
    assert_eq!(t["source"].as_str(), Some("employee"));
    assert_eq!(t["kind"].as_str(), Some("innovation"));
}

#[test]
fn idea_add_stores_description_and_submission_date() {
    let sb = Sandbox::new();
    let p = sb.init_project();
    let id = p.add_idea(
        "Felles venterom",
        &["--description", "Ett venterom for legevakt og fastleger", "--date", "2026-03-02"],
    );
    let t = p.idea_toml(&id);
    assert_eq!(t["description"].as_str(), Some("Ett venterom for legevakt og fastleger"));
    assert_eq!(
        t["submitted"].as_datetime().map(ToString::to_string).as_deref(),
        Some("2026-03-02")
    );
}

#[test]
fn idea_add_rejects_an_unknown_source_and_writes_nothing() {
    let sb = Sandbox::new();
    let p = sb.init_project();
    let run = assert_refused(&p, &p.root, &["idea", "add", "X", "--source", "naboen"], &["naboen"]);
    assert!(run.stderr.contains("relative"), "lists the valid values\n{run}");
}

// ---- idea list ------------------------------------------------------------

/// Four ideas with known priorities: 100, 38.4, 60 and none.
fn scored_project(sb: &Sandbox) -> crate::support::Project<'_> {
    let p = sb.init_project();
    let a = p.add_idea(
        "Bedre skilting",
        &["--kind", "improvement", "--tag", "bygg", "--date", "2026-01-10"],
    );
    let b = p.add_idea(
        "Automatisk SMS",
        &["--kind", "innovation", "--tag", "sms", "--date", "2026-03-01"],
    );
    let c = p
        .add_idea("Callsenter", &["--kind", "innovation", "--tag", "bygg", "--date", "2026-02-01"]);
    p.add_idea("Digital kø", &["--date", "2026-04-01"]);
    p.assess(&a, 4, 3, Some(2)); // 4 × 3 × 4 / 1.25 = 38.4
    p.assess(&b, 5, 5, Some(1)); // 5 × 5 × 5 / 1.25 = 100
    p.assess(&c, 5, 5, None); //    5 × 5 × 3 / 1.25 = 60
    p
}

#[test]
fn idea_list_sorts_by_priority_by_default_with_unscored_last() {
    let sb = Sandbox::new();
    let p = scored_project(&sb);
    assert_eq!(p.listed_ids(&[]), ["automatisk-sms", "callsenter", "bedre-skilting", "digital-ko"]);
    // The table shows the same order, with the priority in Bokmål's decimal comma.
    let run = p.run(["idea", "list"]).success();
    let ids: Vec<&str> =
        run.out_lines().iter().skip(1).filter_map(|l| l.split_whitespace().next()).collect();
    assert_eq!(ids, ["automatisk-sms", "callsenter", "bedre-skilting", "digital-ko"], "{run}");
    assert!(run.out_lines()[0].starts_with("ID"), "a header line first\n{run}");
    assert!(run.stdout.contains("38,4"), "{run}");
}

#[test]
fn idea_list_json_carries_version_scores_and_priority() {
    let sb = Sandbox::new();
    let p = scored_project(&sb);
    let ideas = p.ideas_json(&[]);
    assert_eq!(ideas.len(), 4);
    let skilting = ideas.iter().find(|i| i["id"] == "bedre-skilting").expect("bedre-skilting");
    assert_eq!(skilting["priority"], 38.4);
    assert_eq!(skilting["feasibility"], 4);
    assert_eq!(skilting["benefit"], 3);
    assert_eq!(skilting["cost"], 2);
    assert_eq!(skilting["status"], "assessed");
    assert_eq!(skilting["path"], "ideas/bedre-skilting.toml");
    let ko = ideas.iter().find(|i| i["id"] == "digital-ko").expect("digital-ko");
    assert!(ko["priority"].is_null(), "an unscored idea has no priority: {ko}");
}

#[test]
fn idea_list_filters_by_status_kind_and_tag() {
    let sb = Sandbox::new();
    let p = scored_project(&sb);
    assert_eq!(p.listed_ids(&["--status", "new"]), ["digital-ko"]);
    // Norwegian labels work as filter values too.
    assert_eq!(p.listed_ids(&["--status", "ny"]), ["digital-ko"]);
    assert_eq!(p.listed_ids(&["--status", "assessed"]).len(), 3);
    assert_eq!(p.listed_ids(&["--kind", "innovation"]), ["automatisk-sms", "callsenter"]);
    assert_eq!(p.listed_ids(&["--kind", "forbedring"]), ["bedre-skilting"]);
    assert_eq!(p.listed_ids(&["--tag", "bygg"]), ["callsenter", "bedre-skilting"]);
    assert_eq!(p.listed_ids(&["--tag", "bygg", "--kind", "improvement"]), ["bedre-skilting"]);
    assert!(p.listed_ids(&["--tag", "finnes-ikke"]).is_empty());
}

#[test]
fn idea_list_sorts_by_title_or_by_newest_date() {
    let sb = Sandbox::new();
    let p = scored_project(&sb);
    assert_eq!(
        p.listed_ids(&["--sort", "title"]),
        ["automatisk-sms", "bedre-skilting", "callsenter", "digital-ko"]
    );
    assert_eq!(
        p.listed_ids(&["--sort", "date"]),
        ["digital-ko", "automatisk-sms", "callsenter", "bedre-skilting"]
    );
}

#[test]
fn idea_list_with_no_ideas_says_how_to_add_one() {
    let sb = Sandbox::new();
    let p = sb.init_project();
    let run = p.run(["idea", "list"]).success();
    assert!(run.stdout.is_empty(), "{run}");
    assert!(run.stderr.contains("veikart idea add"), "{run}");
    assert!(p.ideas_json(&[]).is_empty());
}

#[test]
fn idea_list_rejects_an_unknown_status_with_exit_2() {
    let sb = Sandbox::new();
    let p = sb.init_project();
    let (run, first) = p.run(["idea", "list", "--status", "ferdig-ish"]).failure();
    assert!(first.contains("ferdig-ish"), "{run}");
}

// ---- idea show ------------------------------------------------------------

#[test]
fn idea_show_accepts_a_unique_prefix() {
    let sb = Sandbox::new();
    let p = sb.init_project();
    p.add_idea("Bedre skilting på legevakten", &["--source", "user"]);
    p.add_idea("Digital kø", &[]);
    let run = p.run(["idea", "show", "bedre"]).success();
    assert!(run.stdout.starts_with("bedre-skilting-pa-legevakten"), "{run}");
    assert!(run.stdout.contains("Bedre skilting på legevakten"), "{run}");
    assert!(run.stdout.contains("bruker"), "the source in Bokmål\n{run}");
    assert!(!run.stdout.contains("Digital kø"), "{run}");
}

#[test]
fn idea_show_prefers_an_exact_id_over_longer_ones() {
    let sb = Sandbox::new();
    let p = sb.init_project();
    p.add_idea("Bedre skilting", &[]);
    p.add_idea("Bedre skilting", &["--description", "den andre"]);
    let v = p.run(["idea", "show", "bedre-skilting", "--format", "json"]).success().json();
    assert_eq!(v["idea"]["id"], "bedre-skilting");
}

#[test]
fn idea_show_with_an_ambiguous_prefix_lists_the_candidates_and_exits_2() {
    let sb = Sandbox::new();
    let p = sb.init_project();
    p.add_idea("Bedre skilting", &[]);
    p.add_idea("Bedre mat", &[]);
    p.add_idea("Digital kø", &[]);
    let (run, first) = p.run(["idea", "show", "bedre"]).failure();
    assert!(first.contains("bedre-skilting") && first.contains("bedre-mat"), "{run}");
    assert!(!first.contains("digital-ko"), "{run}");
    assert!(run.stdout.is_empty(), "{run}");
}

#[test]
fn idea_show_with_an_unknown_id_suggests_the_closest_and_exits_2() {
    let sb = Sandbox::new();
    let p = sb.init_project();
    p.add_idea("Bedre skilting", &[]);
    p.add_idea("Digital kø", &[]);
    let (run, first) = p.run(["idea", "show", "bedre-skiltng"]).failure();
    assert!(first.contains("bedre-skiltng"), "names what was typed: {first}");
    let hints: Vec<&str> = run.stderr.lines().skip(1).collect();
    assert!(
        hints.iter().any(|h| h.contains("bedre-skilting") && !h.contains("digital-ko")),
        "suggests the closest id\n{run}"
    );
}

#[test]
fn idea_show_json_has_version_and_every_field() {
    let sb = Sandbox::new();
    let p = sb.init_project();
    let id = p.add_idea("Bedre skilting", &["--kind", "improvement", "--tag", "bygg"]);
    p.assess(&id, 4, 3, Some(2));
    let v = p.run(["idea", "show", "bedre", "--format", "json"]).success().json();
    assert_eq!(v["version"], 2);
    let i = &v["idea"];
    assert_eq!(i["id"], "bedre-skilting");
    assert_eq!(i["title"], "Bedre skilting");
    assert_eq!(i["kind"], "improvement");
    assert_eq!(i["status"], "assessed");
    assert_eq!(i["tags"], serde_json::json!(["bygg"]));
    assert_eq!(i["submitted"], TODAY);
    assert_eq!(i["assessed"], TODAY);
    assert_eq!(i["priority"], 38.4);
    assert_eq!(i["path"], "ideas/bedre-skilting.toml");
}

// ---- idea assess ----------------------------------------------------------

#[test]
fn idea_assess_writes_scores_and_the_priority_follows_the_formula() {
    let sb = Sandbox::new();
    let p = sb.init_project();
    // priority = feasibility × benefit × (6 − cost) ÷ 1.25, cost 3 when not given.
    let cases: &[(&str, u8, u8, Option<u8>, f64)] = &[
        ("A", 5, 5, Some(1), 100.0),
        ("B", 5, 5, None, 60.0),
        ("C", 1, 1, Some(5), 0.8),
        ("D", 4, 3, Some(2), 38.4),
        ("E", 2, 3, Some(4), 9.6),
    ];
    for (title, f, b, c, expected) in cases {
        let id = p.add_idea(title, &[]);
        p.assess(&id, *f, *b, *c);
        let t = p.idea_toml(&id);
        assert_eq!(t["feasibility"].as_integer(), Some(i64::from(*f)));
        assert_eq!(t["benefit"].as_integer(), Some(i64::from(*b)));
        assert_eq!(t.get("cost").and_then(toml::Value::as_integer), c.map(i64::from));
        let v = p.run(["idea", "show", &id, "--format", "json"]).success().json();
        assert_eq!(v["idea"]["priority"].as_f64(), Some(*expected), "{title}: {v}");
    }
}

#[test]
fn idea_assess_reports_the_priority_with_a_decimal_comma() {
    let sb = Sandbox::new();
    let p = sb.init_project();
    let id = p.add_idea("Bedre skilting", &[]);
    let run = p.run(["idea", "assess", &id, "--feasibility", "4", "--benefit", "3", "--cost", "2"]);
    let run = run.success();
    assert!(run.stderr.contains("38,4"), "{run}");
}

#[test]
fn idea_assess_accepts_a_decimal_comma_in_scores() {
    let sb = Sandbox::new();
    let p = sb.init_project();
    let id = p.add_idea("Bedre skilting", &[]);
    p.run(["idea", "assess", &id, "--feasibility", "4,0", "--benefit", "3.0", "--cost", "2"])
        .success();
    let t = p.idea_toml(&id);
    assert_eq!(t["feasibility"].as_integer(), Some(4), "stored as an integer: {t}");
    assert_eq!(t["benefit"].as_integer(), Some(3));
}

#[test]
fn idea_assess_rejects_scores_out_of_range_or_not_numbers() {
    let sb = Sandbox::new();
    let p = sb.init_project();
    let id = p.add_idea("Bedre skilting", &[]);
    for bad in ["6", "0", "abc", "4,5", "-1"] {
        assert_refused(
            &p,
            &p.root,
            &["idea", "assess", &id, "--feasibility", bad, "--benefit", "3"],
            &[bad],
        );
    }
    assert_refused(
        &p,
        &p.root,
        &["idea", "assess", &id, "--feasibility", "3", "--benefit", "3", "--cost", "7"],
        &["7"],
    );
}

#[test]
fn idea_assess_moves_a_new_idea_to_assessed_and_records_the_date() {
    let sb = Sandbox::new();
    let p = sb.init_project();
    let id = p.add_idea("Bedre skilting", &["--date", "2026-11-01"]);
    p.run([
        "idea",
        "assess",
        &id,
        "--feasibility",
        "3",
        "--benefit",
        "4",
        "--note",
        "Billig å prøve",
    ])
    .success();
    let t = p.idea_toml(&id);
    assert_eq!(t["status"].as_str(), Some("assessed"));
    assert_eq!(t["assessed"].as_datetime().map(ToString::to_string).as_deref(), Some(TODAY));
    assert_eq!(t["note"].as_str(), Some("Billig å prøve"));

    // An explicit --date wins over today.
    p.run(["idea", "assess", &id, "--feasibility", "3", "--benefit", "4", "--date", "2026-11-02"])
        .success();
    let t = p.idea_toml(&id);
    assert_eq!(t["assessed"].as_datetime().map(ToString::to_string).as_deref(), Some("2026-11-02"));
}

#[test]
fn idea_assess_keeps_a_later_status_and_the_scores_left_out() {
    let sb = Sandbox::new();
    let p = sb.init_project();
    let id = p.add_idea("Bedre skilting", &[]);
    p.assess(&id, 2, 2, Some(2));
    p.run(["idea", "set", &id, "--status", "prioritised"]).success();
    p.assess(&id, 5, 4, None);
    let t = p.idea_toml(&id);
    assert_eq!(t["status"].as_str(), Some("prioritised"), "assessing again is not a decision");
    assert_eq!(t["feasibility"].as_integer(), Some(5));
    // Issue 12: a reassessment that leaves out a score keeps the old one.
    assert_eq!(t["cost"].as_integer(), Some(2), "a cost left out is kept: {t}");
    let run = p.run(["idea", "assess", &id, "--cost", "4"]).success();
    assert!(run.stderr.contains("Kostnad: 2 → 4"), "the change is printed old → new\n{run}");
    assert_eq!(p.idea_toml(&id)["benefit"].as_integer(), Some(4), "benefit kept");
    p.run(["idea", "assess", &id, "--unset", "cost"]).success();
    assert!(p.idea_toml(&id).get("cost").is_none(), "removing a score is --unset");
    // A first assessment still needs both feasibility and benefit.
    let other = p.add_idea("Ny idé", &[]);
    let run = p.run(["idea", "assess", &other, "--feasibility", "3"]).code(2);
    assert!(run.stderr.contains("[incomplete-assessment]"), "check's own code\n{run}");
}

// ---- idea set -------------------------------------------------------------

#[test]
fn idea_set_rejected_or_parked_without_a_reason_exits_2_and_changes_nothing() {
    let sb = Sandbox::new();
    let p = sb.init_project();
    let id = p.add_idea("Felles venterom", &[]);
    for status in ["rejected", "parked", "forkastet", "parkert"] {
        let run = assert_refused(&p, &p.root, &["idea", "set", &id, "--status", status], &[]);
        assert!(run.stderr.contains("--reason"), "says what is missing\n{run}");
    }
}

#[test]
fn idea_set_rejected_with_a_reason_records_reason_and_decision_date() {
    let sb = Sandbox::new();
    let p = sb.init_project();
    let id = p.add_idea("Felles venterom", &[]);
    p.run(["idea", "set", &id, "--status", "rejected", "--reason", "Bygget tillater det ikke"])
        .success();
    let t = p.idea_toml(&id);
    assert_eq!(t["status"].as_str(), Some("rejected"));
    assert_eq!(t["reason"].as_str(), Some("Bygget tillater det ikke"));
    assert_eq!(t["decided"].as_datetime().map(ToString::to_string).as_deref(), Some(TODAY));
    p.run(["check"]).success();
}

#[test]
fn idea_set_a_decision_records_decided_and_new_assessed_do_not() {
    let sb = Sandbox::new();
    let p = sb.init_project();
    let id = p.add_idea("Bedre skilting", &["--date", "2026-11-01"]);
    p.run(["idea", "set", &id, "--status", "prioritert", "--date", "2026-11-20"]).success();
    let t = p.idea_toml(&id);
    assert_eq!(t["status"].as_str(), Some("prioritised"));
    assert_eq!(t["decided"].as_datetime().map(ToString::to_string).as_deref(), Some("2026-11-20"));

    let other = p.add_idea("Digital kø", &[]);
    p.run(["idea", "set", &other, "--kind", "innovation"]).success();
    let t = p.idea_toml(&other);
    assert_eq!(t["kind"].as_str(), Some("innovation"));
    assert!(t.get("decided").is_none(), "no decision was made: {t}");
}

#[test]
fn idea_set_title_keeps_the_id_and_the_file_name() {
    let sb = Sandbox::new();
    let p = sb.init_project();
    let id = p.add_idea("SMS-varsel", &[]);
    p.run(["idea", "set", &id, "--title", "SMS-varsel før timen"]).success();
    let files: Vec<_> = snapshot(&p.path("ideas")).into_keys().collect();
    assert_eq!(files, [std::path::PathBuf::from("sms-varsel.toml")]);
    assert_eq!(p.idea_toml("sms-varsel")["title"].as_str(), Some("SMS-varsel før timen"));
    let v = p.run(["idea", "show", "sms", "--format", "json"]).success().json();
    assert_eq!(v["idea"]["id"], "sms-varsel");
    assert_eq!(v["idea"]["title"], "SMS-varsel før timen");
}

#[test]
fn idea_set_without_any_change_flag_exits_2() {
    let sb = Sandbox::new();
    let p = sb.init_project();
    let id = p.add_idea("SMS-varsel", &[]);
    assert_refused(&p, &p.root, &["idea", "set", &id], &[]);
}

#[test]
fn idea_set_to_the_same_value_writes_nothing() {
    let sb = Sandbox::new();
    let p = sb.init_project();
    let id = p.add_idea("SMS-varsel", &[]);
    let before = p.snapshot();
    let run = p.run(["idea", "set", &id, "--status", "new"]).success();
    crate::support::assert_same_tree(&before, &p.snapshot(), &run);
}
