//! `idea promote` carries the roadmap over: a project with its own
//! `roadmap.toml` (own items, or a roadmap of its own) starts the new project
//! on the same roadmap, and bad targets are refused with nothing written.

use crate::support::{Sandbox, assert_refused, read, write};

const OWN_ROADMAP: &str = r#"# Vestlands eget veikart
id = "vestland-2025"
nb = "Vestlands veikart"
en = "Vestland roadmap"

[[phase]]
id = "oppstart"
nb = "Oppstart"
en = "Start"
steps = [{ nb = "Beskriv problemet", en = "Describe the problem" }]

[[phase.item]]
id = "problem-beskrevet"
evaluation = "manual"
nb = "Er problemet beskrevet?"
en = "Is the problem described?"
"#;

#[test]
fn a_project_on_its_own_roadmap_passes_it_to_the_promoted_project() {
    let sb = Sandbox::new();
    let p = sb.init_project();
    p.write("roadmap.toml", OWN_ROADMAP);
    let info = p.read("veikart.toml").replace("ks-2018", "vestland-2025");
    let info = info.replace("phase = \"forankring\"", "phase = \"oppstart\"");
    p.write("veikart.toml", &info);
    p.run(["check"]).success();
    let id = p.add_idea("Videotolk", &["--description", "Tolk på skjerm"]);

    p.run(["idea", "promote", &id, "../videotolk"]).success();
    let new = sb.work.join("videotolk");
    assert_eq!(read(&new.join("roadmap.toml")), OWN_ROADMAP, "copied byte for byte");
    let file: toml::Table = read(&new.join("veikart.toml")).parse().unwrap();
    assert_eq!(file["roadmap"].as_str(), Some("vestland-2025"));
    assert_eq!(file["phase"].as_str(), Some("oppstart"), "the roadmap's first phase");
    let run = sb.run(&new, ["check"]).success();
    assert!(run.stdout.is_empty(), "{run}");
    let phase = sb.run(&new, ["phase"]).success();
    assert!(phase.stdout.contains("Vestlands veikart"), "{phase}");
}

#[test]
fn own_items_on_a_built_in_roadmap_go_along_and_samveis_stays_samveis() {
    let sb = Sandbox::new();
    let p = sb.init_project();
    let own = "extends = \"ks-2018\"\n\n[[phase]]\nid = \"forankring\"\nnb = \"Forankring\"\nen = \"Anchoring\"\n\n[[phase.item]]\nid = \"personvern\"\nevaluation = \"manual\"\nnb = \"Har personvernombudet sett på prosjektet?\"\nen = \"Has the data protection officer seen it?\"\n";
    p.write("roadmap.toml", own);
    let id = p.add_idea("Drop-in", &[]);
    p.run(["idea", "promote", &id, "../drop-in"]).success();
    let new = sb.work.join("drop-in");
    assert_eq!(read(&new.join("roadmap.toml")), own);
    assert!(read(&new.join("veikart.toml")).contains("roadmap = \"ks-2018\""));
    let list = sb.run(&new, ["checklist", "--format", "json"]).success().json();
    assert!(list.to_string().contains("personvern"), "the own item is there\n{list}");

    sb.run(&sb.work, ["init", "samveis", "--name", "S", "--roadmap", "samveis"]).success();
    let s = sb.work.join("samveis");
    sb.run(&s, ["idea", "add", "Videomøter"]).success();
    sb.run(&s, ["idea", "promote", "video", "../video"]).success();
    let text = read(&sb.work.join("video/veikart.toml"));
    assert!(text.contains("roadmap = \"samveis-2015\""), "{text}");
    assert!(!sb.work.join("video/roadmap.toml").exists(), "nothing to copy");
}

#[test]
fn promote_refuses_a_file_a_project_a_roadmap_in_the_way_or_a_broken_roadmap() {
    let sb = Sandbox::new();
    let p = sb.init_project();
    let id = p.add_idea("Videotolk", &[]);
    let w = &sb.work;
    write(&w.join("notat.txt"), "ikke en mappe\n");
    assert_refused(&p, w, &["idea", "promote", &id, "../notat.txt"], &["notat.txt"]);
    assert_refused(&p, w, &["idea", "promote", &id, "veikart.toml"], &["veikart.toml"]);
    assert_refused(&p, w, &["idea", "promote", &id, "."], &[]);
    // Not inside this project, nor around it.
    assert_refused(&p, w, &["idea", "promote", &id, "videotolk"], &["inni dette prosjektet"]);
    assert_refused(&p, w, &["idea", "promote", &id, "ideas/ny"], &["inni dette prosjektet"]);
    assert_refused(&p, w, &["idea", "promote", &id, ".."], &["dette prosjektet ligger inni .."]);
    assert!(!p.root.join("videotolk").exists());

    p.write("roadmap.toml", OWN_ROADMAP);
    let info = p.read("veikart.toml").replace("ks-2018", "vestland-2025");
    p.write("veikart.toml", &info.replace("phase = \"forankring\"", "phase = \"oppstart\""));
    write(&w.join("ny/roadmap.toml"), "# en annen\n");
    assert_refused(&p, w, &["idea", "promote", &id, "../ny"], &["roadmap.toml"]);

    p.write("roadmap.toml", &format!("{OWN_ROADMAP}[[phase\n"));
    assert_refused(&p, w, &["idea", "promote", &id, "../nyere"], &["roadmap.toml:"]);
    assert!(!w.join("nyere").exists());
}
