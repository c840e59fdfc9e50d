//! The checks themselves, on small pages written for them: a clean page
//! passes [`assert_clean`], and a page that breaks each promise is caught by
//! the check for it (so a passing browser test means something).

use super::{
    a4_problems, all_problems, chart_problems, check_page, chromium, console_problems,
    external_requests, heading_at_page_end_problems, lang_problems, script_problems,
    table_problems,
};
use crate::support::{Sandbox, write};

const CLEAN: &str = r#"<!DOCTYPE html>
<html lang="nb"><head><meta charset="utf-8"><title>Ren</title>
<style>@page { size: A4 } h2 { break-after: avoid }</style></head>
<body><h1>Ren side</h1>
<table><caption>Verdier</caption><tr><th>År</th><td>2026</td></tr></table>
<svg viewBox="0 0 10 10" role="img" aria-labelledby="t d"><title id="t">Ventetid</title>
<desc id="d">fra 14 til 7 min</desc><circle cx="5" cy="5" r="2"/></svg>
<h2>Slutt</h2><p>Siste avsnitt.</p></body></html>
"#;

/// Breaks every promise once: no lang, a script that logs an error, throws
/// and opens a dialog, an external image, a table without a caption, an
/// unnamed SVG, no `@page` size and a heading left at the end of page 1.
const BROKEN: &str = r#"<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>Brutt</title></head>
<body><h1>Brutt side</h1>
<script>console.error("feil i konsollen"); alert("hei");</script>
<script>throw new Error("kastet");</script>
<img src="http://127.0.0.1:9/bilde.png" alt="">
<table><tr><th>Uten tekst</th></tr></table>
<svg viewBox="0 0 10 10"><circle cx="5" cy="5" r="2"/></svg>
<script>window.addEventListener("load", () => setTimeout(() => confirm("etter lasting?"), 0));</script>
<h2>Alene nederst</h2><div style="break-before: page">Neste side.</div>
</body></html>
"#;

fn page(sb: &Sandbox, name: &str, html: &str) -> std::path::PathBuf {
    let path = sb.work.join(name);
    write(&path, html);
    path
}

fn has(problems: &[String], part: &str) {
    assert!(
        problems.iter().any(|p| p.contains(part)),
        "no problem mentions {part:?}: {problems:#?}"
    );
}

#[test]
fn a_clean_page_passes_every_check() {
    let Some(chromium) = chromium() else { return };
    let sb = Sandbox::new();
    let f = check_page(&chromium, &page(&sb, "ren side.html", CLEAN));
    assert_eq!(all_problems(&f), Vec::<String>::new(), "{f:#?}");
    assert_eq!(f.svgs.len(), 1, "{f:#?}");
    assert_eq!(f.svgs[0].name, "Ventetid fra 14 til 7 min", "the name Chromium computes");
    assert_eq!(f.headings, ["Ren side", "Slutt"]);
    assert_eq!(f.pdf_a4.page_sizes.len(), 1, "{f:#?}");
    super::assert_clean(&f);
}

#[test]
fn a_broken_page_fails_each_check() {
    let Some(chromium) = chromium() else { return };
    let sb = Sandbox::new();
    let path = page(&sb, "brutt.html", BROKEN);
    let f = check_page(&chromium, &path);
    has(&console_problems(&f), "feil i konsollen");
    has(&console_problems(&f), "kastet");
    has(&external_requests(&f), "http://127.0.0.1:9/bilde.png");
    has(&script_problems(&f), "a dialog opened: alert: hei");
    has(&script_problems(&f), "a dialog opened: confirm: etter lasting?");
    has(&script_problems(&f), "3 <script>");
    has(&lang_problems(&f), "None");
    has(&chart_problems(&f), "not \"img\"");
    has(&chart_problems(&f), "without numbers");
    has(&table_problems(&f), "\"Uten tekst\") has no <caption>");
    has(&a4_problems(&f), "612 × 792 pt");
    has(&heading_at_page_end_problems(&f), "page 1 ends with the heading \"Alene nederst\"");
}
