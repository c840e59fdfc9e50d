//! `veikart site DIR`: the static site of a project — its pages, the links
//! between them, what it leaves out, and what bad input gets. The pages in a
//! real browser are in browser/site.rs.

use std::collections::BTreeSet;
use std::path::Path;

use crate::support::{Sandbox, example_copy, snapshot};

/// The site's pages by file name, with their HTML.
fn pages(dir: &Path) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = std::fs::read_dir(dir)
        .expect("the site folder")
        .map(|e| e.expect("an entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "html"))
        .map(|p| {
            let name = p.file_name().expect("a name").to_string_lossy().into_owned();
            (name, std::fs::read_to_string(&p).expect("a page"))
        })
        .collect();
    out.sort();
    out
}

/// Every `href="…"` of a page.
fn links(html: &str) -> Vec<String> {
    html.split("href=\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .map(str::to_string)
        .collect()
}

#[test]
fn the_example_site_has_a_front_page_a_page_per_phase_and_every_link_resolves() {
    let sb = Sandbox::new();
    let p = example_copy(&sb);
    let before = snapshot(&p.root);
    let out = sb.work.join("public");
    // Without --drafts, the example's draft status reports stay off the site.
    p.run(["site", out.to_str().expect("utf-8")]).success();
    assert!(!out.join("statusrapporter.html").exists(), "drafts are not published");
    let front = std::fs::read_to_string(out.join("index.html")).expect("front page");
    assert!(!front.contains("Trafikklys") && !front.contains("Utkast"), "{front}");
    std::fs::remove_dir_all(&out).expect("clean");
    let run = p.run(["site", out.to_str().expect("utf-8"), "--drafts"]).success();
    assert!(run.stderr.contains("Skrev 19 sider til"), "{run}");
    assert_eq!(before, snapshot(&p.root), "the site is written outside; the project is untouched");
    let pages = pages(&out);
    let names: BTreeSet<&str> = pages.iter().map(|(n, _)| n.as_str()).collect();
    for want in [
        "index.html",
        "fase-forankring.html",
        "fase-innsikt.html",
        "fase-tjenesteutvikling.html",
        "fase-pilotering.html",
        "fase-overgang-til-drift.html",
        "fase-ny-praksis.html",
        "gevinster.html",
        "reisen.html",
        "huki.html",
        "ideer.html",
        "forslag.html",
        "teknologi.html",
        "avvik.html",
        "leverandorer.html",
        "statusrapporter.html",
        "logg.html",
        "register.html",
    ] {
        assert!(names.contains(want), "{want} is missing: {names:?}");
    }
    assert!(out.join(".nojekyll").is_file(), "GitHub Pages serves it as it is");
    for (name, html) in &pages {
        assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"nb\">"), "{name}");
        assert!(!html.contains("<script"), "{name} has no script");
        assert!(!html.contains("src=\""), "{name} loads nothing");
        assert!(html.contains("<nav class=\"site\""), "{name} has the menu");
        for href in links(html) {
            assert!(!href.contains(':'), "{name}: {href} is a relative link");
            let file = href.split('#').next().unwrap_or_default();
            assert!(
                file.is_empty() || names.contains(file),
                "{name} links {href}, which is missing"
            );
        }
    }
    let page = |n: &str| &pages.iter().find(|(name, _)| name == n).expect("the page").1;
    // The front page: phase, what is left, the benefits at a glance.
    let front = page("index.html");
    assert!(
        front.contains("<a href=\"fase-ny-praksis.html\">Ny praksis</a> (fase 6 av 6)"),
        "{front}"
    );
    assert!(front.contains("fortsatt åpen"), "{front}");
    assert!(
        front.contains("<caption>Indikatorene per <time datetime=\"2026-11-23\">2026-11-23</time>"),
        "{front}"
    );
    // The traffic lights of the latest status report, by word as well as colour.
    assert!(front.contains("<caption>Trafikklys for 2026-11</caption>"), "{front}");
    assert!(front.contains("▲</span> gul</span>"), "{front}");
    let reports = page("statusrapporter.html");
    assert!(reports.contains("<th scope=\"row\">2026-10</th>"), "{reports}");
    // A phase page: each item with its evidence.
    let phase = page("fase-forankring.html");
    assert!(phase.contains("<caption>Sjekklisten for Forankring</caption>"), "{phase}");
    assert!(
        phase.contains("(belegg: logs/2026-02-02-prosjektet-presentert-for-kommunalsjefens.toml)"),
        "answers show their evidence\n{phase}"
    );
    // Benefits with a chart per measured indicator, each with its text alternative.
    let benefits = page("gevinster.html");
    // Four indicators and the economics' cumulative net.
    assert_eq!(benefits.matches("<figure class=\"chart\">").count(), 5, "{benefits}");
    assert_eq!(benefits.matches("role=\"img\" aria-labelledby=").count(), 4, "{benefits}");
    // The index lists what the pages hold, A–Å, each linked to its page.
    let register = page("register.html");
    assert!(
        register.contains("<a href=\"ideer.html\">Videotolk i behandlingsrommet</a>"),
        "{register}"
    );
    let a = register.find("<h2>A</h2>").expect("A");
    let o = register.find("<h2>Ø</h2>").or(register.find("<h2>Å</h2>")).unwrap_or(usize::MAX);
    assert!(a < o, "Æ, Ø and Å come last\n{register}");
}

#[test]
fn a_new_project_gets_only_the_pages_with_something_to_show() {
    let sb = Sandbox::new();
    let p = sb.init_project();
    let out = sb.work.join("site");
    p.run(["site", out.to_str().expect("utf-8")]).success();
    let pages = pages(&out);
    let names: Vec<&str> = pages.iter().map(|(n, _)| n.as_str()).collect();
    assert!(names.contains(&"index.html"), "{names:?}");
    assert!(names.contains(&"fase-forankring.html"), "{names:?}");
    for absent in ["gevinster.html", "huki.html", "avvik.html", "leverandorer.html"] {
        assert!(!names.contains(&absent), "{absent} has nothing to show: {names:?}");
        for (name, html) in &pages {
            assert!(!html.contains(absent), "{name} links the page that is left out");
        }
    }
    // Run again: the pages are replaced, other files left alone.
    std::fs::write(out.join("egen.txt"), "min fil").expect("write");
    p.run(["idea", "add", "Bedre skilting"]).success();
    p.run(["site", out.to_str().expect("utf-8")]).success();
    assert_eq!(std::fs::read_to_string(out.join("egen.txt")).expect("kept"), "min fil");
    assert!(
        std::fs::read_to_string(out.join("ideer.html")).expect("ideas").contains("Bedre skilting")
    );
}

#[test]
fn the_site_is_in_english_with_lang_en_and_escapes_what_users_typed() {
    let sb = Sandbox::new();
    let p = sb.init_project();
    p.add_idea("<script>alert(1)</script> | x", &[]);
    let out = sb.work.join("site");
    p.run(["--lang", "en", "site", out.to_str().expect("utf-8")]).success();
    let ideas = std::fs::read_to_string(out.join("ideer.html")).expect("ideas");
    assert!(ideas.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"), "{ideas}");
    assert!(ideas.contains("&lt;script&gt;alert(1)&lt;/script&gt; | x"), "{ideas}");
    assert!(!ideas.contains("<script>"), "{ideas}");
    assert!(ideas.contains("<caption>Every idea, highest priority first</caption>"), "{ideas}");
}

#[test]
fn a_file_where_the_folder_should_be_is_refused_and_left_as_it_was() {
    let sb = Sandbox::new();
    let p = sb.init_project();
    let file = sb.work.join("site");
    std::fs::write(&file, "not a folder").expect("write");
    let before = snapshot(&sb.work);
    let (run, first) = p.run(["site", file.to_str().expect("utf-8")]).failure();
    assert!(first.contains("finnes og er ikke en mappe"), "{run}");
    assert_eq!(run.stderr.lines().filter(|l| l.starts_with("feil")).count(), 1, "{run}");
    assert_eq!(before, snapshot(&sb.work), "nothing written");
    // Not in the project's own folder or among its records.
    for inside in [".", "ideas", "checklist/x", "../prosjekt"] {
        let before = snapshot(&p.root);
        let (run, first) = p.run(["site", inside]).failure();
        assert!(first.contains("nettstedet skal ikke blandes med prosjektets filer"), "{run}");
        assert!(run.stderr.contains("veikart site public"), "{run}");
        assert_eq!(before, snapshot(&p.root), "nothing written for {inside}");
    }
    // A folder of its own inside the repository is fine (the Pages jobs use `public`).
    p.run(["site", "public"]).success();
    assert!(p.path("public/index.html").is_file());
    // No folder given: a usage error.
    p.run(["site"]).code(2);
}
