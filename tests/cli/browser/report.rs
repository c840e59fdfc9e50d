//! `veikart report --format html` on the example project, in Chromium.

use std::path::Path;
use std::sync::OnceLock;

use serde_json::Value;

use super::{
    PageFindings, a4_problems, assert_none, chart_problems, check_page, chromium, console_problems,
    external_requests, heading_at_page_end_problems, lang_problems, repo, screenshot_is_current,
    script_problems, table_problems,
};
use crate::support::{Sandbox, example_copy};

/// The report of the example in one language, as the browser saw it, and
/// the same report as JSON (where the expected numbers come from).
struct Rendered {
    page: PageFindings,
    json: Value,
}

/// The example's report in `lang` ("nb" or "en"), rendered once for all the
/// tests that look at it.
fn rendered(chromium: &Path, lang: &str) -> &'static Rendered {
    static NB: OnceLock<Rendered> = OnceLock::new();
    static EN: OnceLock<Rendered> = OnceLock::new();
    let cell = if lang == "en" { &EN } else { &NB };
    cell.get_or_init(|| {
        let sb = Sandbox::new();
        let p = example_copy(&sb);
        p.run(["--lang", lang, "report", "--format", "html", "-o", "rapport.html"]).success();
        let json = p.run(["--lang", lang, "report", "--format", "json"]).success().json();
        Rendered { page: check_page(chromium, &p.path("rapport.html")), json }
    })
}

/// The report in both languages, or nothing when the browser tests are
/// skipped here.
fn both() -> Vec<(&'static str, &'static Rendered)> {
    let Some(chromium) = chromium() else { return Vec::new() };
    ["nb", "en"].into_iter().map(|l| (l, rendered(&chromium, l))).collect()
}

/// Hold the report in both languages to `check`, failing once with every
/// problem found in either.
fn assert_both(reports: &[(&str, &Rendered)], check: fn(&PageFindings) -> Vec<String>) {
    let problems: Vec<String> = reports
        .iter()
        .flat_map(|(lang, r)| {
            check(&r.page).into_iter().map(move |p| format!("--lang {lang}: {p}"))
        })
        .collect();
    assert!(
        problems.is_empty(),
        "the example's HTML report in the browser:\n{}",
        problems.iter().map(|p| format!("  - {p}")).collect::<Vec<_>>().join("\n")
    );
}

#[test]
fn report_loads_without_console_errors_scripts_or_external_requests() {
    let reports = both();
    for (_, r) in &reports {
        let f = &r.page;
        assert!(
            f.requests.iter().any(|u| u.starts_with("file://") && u.ends_with("/rapport.html")),
            "the page itself is among the requests: {:?}",
            f.requests
        );
    }
    assert_both(&reports, |f| {
        [console_problems(f), external_requests(f), script_problems(f)].concat()
    });
}

#[test]
fn report_declares_its_language() {
    let reports = both();
    assert_both(&reports, lang_problems);
    for &(lang, r) in &reports {
        assert_eq!(r.page.lang.as_deref(), Some(lang), "<html lang> with --lang {lang}");
    }
}

/// A number as the report writes it in `lang`: no decimals for a whole
/// number, a decimal comma in Bokmål; spaces are left out on both sides.
fn shown(v: f64, lang: &str) -> String {
    let s = if v.fract() == 0.0 { format!("{}", v as i64) } else { v.to_string() };
    if lang == "nb" { s.replace('.', ",") } else { s }
}

fn without_spaces(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace() && *c != '\u{a0}' && *c != '\u{202f}').collect()
}

#[test]
fn report_has_a_chart_per_measured_indicator_whose_name_gives_its_latest_value() {
    let reports = both();
    for &(lang, r) in &reports {
        let indicators = r.json["indicators"].as_array().expect("indicators in the JSON");
        let measured: Vec<&Value> = indicators
            .iter()
            .filter(|i| i["series"].as_array().is_some_and(|s| !s.is_empty()))
            .collect();
        assert!(!measured.is_empty(), "the example has measured indicators");
        // An indicator's chart is the image whose accessible name starts with
        // the indicator's name (its title, then the text with the numbers).
        let chart_of = |name: &str| -> Vec<&super::Svg> {
            r.page.svgs.iter().filter(|s| s.name.starts_with(name)).collect()
        };
        let mut charts = 0;
        for i in indicators {
            let name = i["name"].as_str().expect("an indicator has a name");
            let found = chart_of(name);
            if !measured.iter().any(|m| m["id"] == i["id"]) {
                assert!(found.is_empty(), "{lang}: no chart for {name}, which has no values");
                continue;
            }
            assert_eq!(found.len(), 1, "{lang}: one chart for {name}; images: {:?}", r.page.svgs);
            charts += found.len();
            let latest =
                shown(i["latest"].as_f64().expect("a measured indicator has a latest"), lang);
            assert!(
                without_spaces(&found[0].name).contains(&without_spaces(&latest)),
                "{lang}: the chart of {name} gives its latest value {latest}: {:?}",
                found[0].name
            );
            assert_eq!(found[0].role.as_deref(), Some("img"), "{lang}: {name}'s chart is an image");
        }
        assert_eq!(charts, measured.len(), "{lang}: as many charts as measured indicators");
    }
}

#[test]
fn every_svg_in_the_report_is_an_image_whose_name_states_numbers() {
    let reports = both();
    assert_both(&reports, chart_problems);
}

#[test]
fn every_table_in_the_report_has_a_caption() {
    let reports = both();
    for (_, r) in &reports {
        assert!(!r.page.tables.is_empty(), "the example's report has tables");
    }
    assert_both(&reports, table_problems);
}

#[test]
fn report_prints_on_a4_by_its_own_css() {
    let reports = both();
    assert_both(&reports, a4_problems);
}

/// The example's report on A4 paper: 4 pages in Bokmål and 5 in English
/// when this was written (2026-12).
/// Fewer than 2 would mean a part went missing (it has a checklist, four
/// charts, the economics, the benefit map and the deviations); more than 12
/// that charts or tables print far larger than on screen or break one per page.
const PAGES: std::ops::RangeInclusive<usize> = 2..=12;

#[test]
fn report_on_a4_paper_is_a4_and_takes_a_sensible_number_of_pages() {
    let reports = both();
    for &(lang, r) in &reports {
        let pdf = &r.page.pdf_a4;
        for (i, s) in pdf.page_sizes.iter().enumerate() {
            assert!(super::is_a4(*s), "{lang}: page {} on A4 paper is {s:?} pt", i + 1);
        }
        let n = pdf.page_sizes.len();
        assert!(PAGES.contains(&n), "{lang}: the report takes {n} A4 pages, not {PAGES:?}");
        assert_eq!(pdf.page_texts.len(), n, "{lang}: a text per page");
        let h1 = r.page.headings.first().expect("the report has headings");
        let page1 = pdf.page_texts[0].split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(page1.starts_with(h1.as_str()), "{lang}: page 1 starts with {h1:?}:\n{page1}");
    }
}

#[test]
fn no_printed_page_of_the_report_ends_with_a_heading() {
    let reports = both();
    for (_, r) in &reports {
        assert!(r.page.headings.len() > 5, "the report's headings are read: {:?}", r.page.headings);
    }
    assert_both(&reports, heading_at_page_end_problems);
}

#[test]
fn hostile_titles_in_the_report_render_as_text() {
    let Some(chromium) = chromium() else { return };
    let sb = Sandbox::new();
    let p = sb.init_project();
    let script = "<script>alert(1)</script>";
    let pipe = "a | b";
    for title in [script, pipe, "Skilt <img src=x onerror=alert(2)> & \"piler\""] {
        let id = p.add_idea(title, &[]);
        p.assess(&id, 4, 4, Some(2));
    }
    p.run(["benefit", "add", script, "--type", "tid"]).success();
    let plan = ["benefit", "plan", "script", "--indicator", pipe, "--unit", "<b>min</b>"];
    p.run([&plan[..], &["--baseline", "40", "--target", "20", "--by", "2027-06-30"]].concat())
        .success();
    p.run(["measure", "record", "a-b", "35", "--date", "2026-09-01"]).success();
    p.run(["report", "--format", "html", "-o", "rapport.html"]).success();
    let f = check_page(&chromium, &p.path("rapport.html"));
    assert_eq!(f.scripts, 0, "document.querySelectorAll('script').length");
    assert_none(&f, [script_problems(&f), console_problems(&f), external_requests(&f)].concat());
    for text in [script, pipe, "<img src=x onerror=alert(2)>", "<b>min</b>"] {
        assert!(f.body_text.contains(text), "the page shows {text:?} as text:\n{}", f.body_text);
    }
    // The titles name a chart too, as text.
    assert!(f.svgs.iter().any(|s| s.name.starts_with(pipe)), "{:?}", f.svgs);
}

#[test]
fn report_screenshot_is_committed() {
    let png = repo().join("docs/screenshots/report.png");
    let sb = Sandbox::new();
    screenshot_is_current(&png, || {
        let chromium = chromium()?;
        let p = example_copy(&sb);
        p.run(["report", "--format", "html", "-o", "rapport.html"]).success();
        Some((chromium, p.path("rapport.html")))
    });
}
