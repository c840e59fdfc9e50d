//! `veikart site DIR` (issue 17, part 5): every page of the static site, in
//! Chromium, held to the same checks as the report ([`assert_clean`]).
//! `VEIKART_BLESS=1 cargo test --test cli site_pages` writes the front
//! page's screenshot docs/screenshots/site.png.

use std::path::{Path, PathBuf};

use super::{
    assert_clean, check_page, chromium, console_problems, external_requests, repo,
    screenshot_is_current, script_problems,
};
use crate::support::{Sandbox, example_copy};

/// Every `*.html` file below `dir`, sorted.
fn html_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut todo = vec![dir.to_path_buf()];
    while let Some(d) = todo.pop() {
        for entry in std::fs::read_dir(&d).unwrap_or_else(|e| panic!("list {}: {e}", d.display())) {
            let path = entry.expect("a folder entry").path();
            if path.is_dir() {
                todo.push(path);
            } else if path.extension().is_some_and(|e| e == "html") {
                out.push(path);
            }
        }
    }
    out.sort();
    out
}

#[test]
fn site_pages_render_cleanly() {
    let sb = Sandbox::new();
    let p = example_copy(&sb);
    let out = sb.work.join("site");
    p.run(["site", out.to_str().expect("a UTF-8 path"), "--drafts"]).success();
    let pages = html_files(&out);
    assert!(out.join("index.html").is_file(), "the site has a front page: {pages:?}");
    // The site's front page, next to the report's (docs/screenshots/).
    screenshot_is_current(&repo().join("docs/screenshots/site.png"), || {
        Some((chromium()?, out.join("index.html")))
    });
    let Some(chromium) = chromium() else { return };
    for page in &pages {
        assert_clean(&check_page(&chromium, page));
    }
}

#[test]
fn hostile_titles_on_the_site_render_as_text() {
    let Some(chromium) = chromium() else { return };
    let sb = Sandbox::new();
    let p = sb.init_project();
    let script = "<script>alert(1)</script>";
    let pipe = "a | b";
    for title in [script, pipe] {
        let id = p.add_idea(title, &[]);
        p.assess(&id, 4, 4, Some(2));
    }
    let out = sb.work.join("site");
    p.run(["site", out.to_str().expect("a UTF-8 path")]).success();
    for page in ["ideer.html", "register.html"] {
        let f = check_page(&chromium, &out.join(page));
        assert_eq!(f.scripts, 0, "{page}: document.querySelectorAll('script').length");
        let problems = [script_problems(&f), console_problems(&f), external_requests(&f)].concat();
        assert!(problems.is_empty(), "{page}: {problems:?}");
        for text in [script, pipe] {
            assert!(f.body_text.contains(text), "{page} shows {text:?} as text:\n{}", f.body_text);
        }
    }
}
