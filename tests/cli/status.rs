//! `veikart status`: the project at a glance, as text and as JSON.

use crate::support::{Sandbox, TODAY};

fn project_with_ideas(sb: &Sandbox) -> crate::support::Project<'_> {
    let p = sb.init_project();
    let a = p.add_idea("Bedre skilting", &[]);
    let b = p.add_idea("Automatisk SMS", &[]);
    let c = p.add_idea("Felles venterom", &[]);
    p.add_idea("Digital kø", &[]);
    p.assess(&a, 4, 3, Some(2)); // 38.4
    p.assess(&b, 5, 5, Some(1)); // 100
    p.assess(&c, 5, 5, None); //    60, but rejected below
    p.run(["idea", "set", &c, "--status", "rejected", "--reason", "For dyrt"]).success();
    p
}

#[test]
fn status_text_shows_project_phase_counts_and_top_ideas() {
    let sb = Sandbox::new();
    let p = project_with_ideas(&sb);
    let run = p.run(["status"]).success();
    let out = &run.stdout;
    assert!(out.contains("Digital legevakt"), "{run}");
    assert!(out.contains("Fjordvik kommune"), "{run}");
    assert!(out.contains("Forankring (1 av 6)"), "{run}");
    assert!(out.contains("4 (ny 1, vurdert 2, forkastet 1)"), "{run}");

    // Top open ideas, best first; a rejected idea is not among them.
    let sms = out.find("Automatisk SMS").expect("top idea listed");
    let skilting = out.find("Bedre skilting").expect("second idea listed");
    assert!(sms < skilting, "highest priority first\n{run}");
    assert!(!out.contains("Felles venterom"), "rejected ideas are not top ideas\n{run}");
    assert!(out.contains("[100, vurdert]"), "{run}");
}

#[test]
fn status_of_an_empty_project_says_how_to_get_started() {
    let sb = Sandbox::new();
    let p = sb.init_project();
    let run = p.run(["status"]).success();
    assert!(run.stdout.contains("ingen ennå"), "{run}");
    assert!(run.stdout.contains("veikart idea add"), "{run}");
}

#[test]
fn status_json_has_version_counts_and_top_ideas_in_order() {
    let sb = Sandbox::new();
    let p = project_with_ideas(&sb);
    let v = p.run(["status", "--format", "json"]).success().json();
    assert_eq!(v["version"], 2);
    assert_eq!(v["as_of"], TODAY);
    assert_eq!(v["project"]["name"], "Digital legevakt");
    assert_eq!(v["project"]["municipality"], "Fjordvik kommune");
    assert_eq!(v["phase"]["id"], "forankring");
    assert_eq!(v["phase"]["position"], 1);
    assert_eq!(v["ideas"]["total"], 4);
    assert_eq!(v["ideas"]["open"], 3);
    assert_eq!(v["ideas"]["by_status"]["new"], 1);
    assert_eq!(v["ideas"]["by_status"]["assessed"], 2);
    assert_eq!(v["ideas"]["by_status"]["rejected"], 1);
    let top: Vec<&str> = v["ideas"]["top"]
        .as_array()
        .expect("top is an array")
        .iter()
        .filter_map(|i| i["id"].as_str())
        .collect();
    assert_eq!(top, ["automatisk-sms", "bedre-skilting"]);
}

#[test]
fn status_top_limits_the_number_of_ideas() {
    let sb = Sandbox::new();
    let p = project_with_ideas(&sb);
    let v = p.run(["status", "--top", "1", "--format", "json"]).success().json();
    assert_eq!(v["ideas"]["top"].as_array().map(Vec::len), Some(1));
}

#[test]
fn status_with_lang_en_speaks_english() {
    let sb = Sandbox::new();
    let p = project_with_ideas(&sb);
    let run = p.run(["--lang", "en", "status"]).success();
    assert!(run.stdout.contains("Anchoring (1 of 6)"), "{run}");
    assert!(run.stdout.contains("Top open ideas by priority"), "{run}");
}

#[test]
fn today_is_the_local_calendar_date_of_the_time_zone() {
    let sb = crate::support::Sandbox::new();
    let p = sb.init_project();
    let as_of = |tz: &str| {
        let mut cmd = sb.command(&p.root, ["status", "--format", "json"]);
        cmd.env_remove("VEIKART_TODAY").env("TZ", tz);
        let out = cmd.output().expect("run");
        assert!(out.status.success(), "{out:?}");
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
        v["as_of"].as_str().expect("as_of").to_string()
    };
    // UTC+14 and UTC-11 are 25 hours apart: never on the same calendar day.
    // (Needs the system's time zone database, as every Debian machine has.)
    if !std::path::Path::new("/usr/share/zoneinfo/Pacific/Kiritimati").exists() {
        return;
    }
    let east = as_of("Pacific/Kiritimati");
    let west = as_of("Pacific/Pago_Pago");
    assert!(east > west, "{east} should be after {west}");
}
