//! Pages veikart writes, loaded in a real browser (issue 17, part 6).
//!
//! Each test starts a headless Chromium ([`cdp::Browser`]), opens an HTML
//! file veikart wrote, and looks at what a reader (or a printer) gets: what
//! the console says, what the page fetches, the DOM, an A4 PDF read back with
//! poppler's `pdfinfo` and `pdftotext`. [`check_page`] collects all of it as
//! [`PageFindings`]; the `*_problems` functions judge one promise each, and
//! [`assert_clean`] holds a page to all of them, so every page of the static
//! site can be checked the same way as the report.
//!
//! Without Chromium (or poppler) the tests print `skipped: chromium not
//! installed` and pass, unless `CI` or `VEIKART_BROWSER_TESTS` is set: then a
//! missing browser fails them, so CI cannot skip them silently.
//! `VEIKART_CHROMIUM` names another browser binary.

mod cdp;
mod checks;
mod report;
mod site;

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use serde_json::{Value, json};

use cdp::Browser;

/// The viewport pages are loaded in (and screenshots taken at).
pub const VIEWPORT: (u32, u32) = (1280, 900);

/// The browser to run, or `None` (after printing why) when the browser tests
/// are to be skipped here. Fails when they must run (`CI`,
/// `VEIKART_BROWSER_TESTS`) and a tool is missing.
#[allow(clippy::print_stderr)] // the one line that says a test was skipped
pub fn chromium() -> Option<PathBuf> {
    let browser = match std::env::var_os("VEIKART_CHROMIUM") {
        Some(p) => Some(PathBuf::from(p)),
        None => ["chromium", "chromium-browser", "google-chrome"].iter().find_map(|n| on_path(n)),
    };
    let poppler = on_path("pdftotext").is_some() && on_path("pdfinfo").is_some();
    let must =
        std::env::var_os("CI").is_some() || std::env::var_os("VEIKART_BROWSER_TESTS").is_some();
    match (browser, poppler) {
        (Some(b), true) => Some(b),
        (b, _) => {
            let missing =
                if b.is_none() { "chromium" } else { "poppler-utils (pdftotext, pdfinfo)" };
            assert!(
                !must,
                "the browser tests must run under CI or VEIKART_BROWSER_TESTS, but {missing} is \
                 not installed (.ci/run installs it with apt-get)"
            );
            eprintln!("skipped: {missing} not installed");
            None
        }
    }
}

fn on_path(name: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path).map(|d| d.join(name)).find(|p| p.is_file())
}

/// `file://` URL of an absolute path (percent-encoding what a URL cannot hold).
pub fn file_url(path: &Path) -> String {
    let path = path.canonicalize().unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut url = String::from("file://");
    for b in path.to_string_lossy().bytes() {
        if b.is_ascii_alphanumeric() || b"/-._~".contains(&b) {
            url.push(char::from(b));
        } else {
            let _ = write!(url, "%{b:02X}");
        }
    }
    url
}

/// What one page showed in the browser.
#[derive(Debug, Default)]
pub struct PageFindings {
    /// The file loaded.
    pub path: PathBuf,
    /// Console errors and warnings, uncaught exceptions and browser log
    /// entries of level error or warning, one line each.
    pub console: Vec<String>,
    /// Every URL the page requested (the page itself included).
    pub requests: Vec<String>,
    /// `alert`, `confirm`, `prompt` or `beforeunload` dialogs the page opened.
    pub dialogs: Vec<String>,
    /// `<html lang>`, if any.
    pub lang: Option<String>,
    /// `document.querySelectorAll('script').length`.
    pub scripts: usize,
    /// Every `<svg>`, in document order: its `role` and its accessible name.
    pub svgs: Vec<Svg>,
    /// Every `<table>`: its caption's text (`None` without one) and its
    /// first header cell, to name it in a message.
    pub tables: Vec<(Option<String>, String)>,
    /// The text of every `h1`–`h4`, in document order.
    pub headings: Vec<String>,
    /// `document.body.innerText`.
    pub body_text: String,
    /// Printed with `preferCSSPageSize: true`: the page's own `@page` size.
    pub pdf_css: Pdf,
    /// Printed on A4 paper (8.27 × 11.69 in), whatever the CSS says.
    pub pdf_a4: Pdf,
}

#[derive(Debug, Default)]
pub struct Svg {
    /// The `role` attribute.
    pub role: Option<String>,
    /// The role and the accessible name Chromium's accessibility tree gives
    /// it: what a screen reader announces.
    pub ax_role: String,
    pub name: String,
}

/// A printed PDF as poppler reads it.
#[derive(Debug, Default)]
pub struct Pdf {
    /// Each page's width and height in points.
    pub page_sizes: Vec<(f64, f64)>,
    /// Each page's text, as `pdftotext -f N -l N` gives it.
    pub page_texts: Vec<String>,
}

/// The DOM facts [`check_page`] reads, as one JSON value.
const INSPECT: &str = r#"(() => {
  const text = el => (el ? el.textContent : '').replace(/\s+/g, ' ').trim();
  return {
    lang: document.documentElement.getAttribute('lang'),
    scripts: document.querySelectorAll('script').length,
    svgs: [...document.querySelectorAll('svg')].map(s => s.getAttribute('role')),
    tables: [...document.querySelectorAll('table')].map(t => [t.caption ? text(t.caption) : null, text(t.querySelector('th'))]),
    headings: [...document.querySelectorAll('h1, h2, h3, h4')].map(h => h.innerText.replace(/\s+/g, ' ').trim()),
    body: document.body ? document.body.innerText : '',
  };
})()"#;

/// A new page target in `browser`, attached with a flat session, with the
/// domains the checks listen to enabled; returns its session id.
fn open_page(browser: &mut Browser) -> String {
    let target = browser.call(None, "Target.createTarget", json!({"url": "about:blank"}));
    let target_id = target["targetId"].as_str().expect("Target.createTarget gives a targetId");
    let attached = browser.call(
        None,
        "Target.attachToTarget",
        json!({"targetId": target_id, "flatten": true}),
    );
    let session = attached["sessionId"].as_str().expect("attachToTarget gives a sessionId");
    let s = Some(session);
    for domain in ["Runtime", "Log", "Network", "Page", "DOM", "Accessibility"] {
        browser.call(s, &format!("{domain}.enable"), json!({}));
    }
    let (width, height) = VIEWPORT;
    browser.call(
        s,
        "Emulation.setDeviceMetricsOverride",
        json!({"width": width, "height": height, "deviceScaleFactor": 1, "mobile": false}),
    );
    session.to_string()
}

/// Navigate the page `session` to `path` and wait for its load event (a
/// dialog it opens on the way is dismissed, and kept among the events).
fn load(browser: &mut Browser, session: &str, path: &Path) {
    let url = file_url(path);
    let nav = browser.call(Some(session), "Page.navigate", json!({"url": url}));
    if let Some(err) = nav.get("errorText") {
        panic!("chromium could not open {url}: {err}");
    }
    browser.next_event(session, &["Page.loadEventFired"], 0);
    // Events that arrive just after the load (a late console message).
    browser.drain(Duration::from_millis(200));
}

/// Evaluate `expression` in the page and return its value (by value).
fn evaluate(browser: &mut Browser, session: &str, expression: &str) -> Value {
    let r = browser.call(
        Some(session),
        "Runtime.evaluate",
        json!({"expression": expression, "returnByValue": true}),
    );
    if let Some(ex) = r.get("exceptionDetails") {
        panic!("the page's JavaScript threw: {ex}");
    }
    r["result"]["value"].clone()
}

/// The role and accessible name of every `<svg>` in the page, in document
/// order, as Chromium computes them for assistive technology.
fn svg_accessibility(browser: &mut Browser, session: &str) -> Vec<(String, String)> {
    let s = Some(session);
    let doc = browser.call(s, "DOM.getDocument", json!({"depth": 0}));
    let root = doc["root"]["nodeId"].clone();
    let found = browser.call(s, "DOM.querySelectorAll", json!({"nodeId": root, "selector": "svg"}));
    let ids = found["nodeIds"].as_array().cloned().unwrap_or_default();
    ids.into_iter()
        .map(|id| {
            let ax = browser.call(
                s,
                "Accessibility.getPartialAXTree",
                json!({"nodeId": id, "fetchRelatives": false}),
            );
            let node = &ax["nodes"][0];
            let value = |key: &str| node[key]["value"].as_str().unwrap_or_default().to_string();
            (value("role"), value("name").split_whitespace().collect::<Vec<_>>().join(" "))
        })
        .collect()
}

fn print_pdf(browser: &mut Browser, session: &str, params: Value) -> Vec<u8> {
    let r = browser.call(Some(session), "Page.printToPDF", params);
    cdp::base64_decode(r["data"].as_str().expect("printToPDF gives data"))
}

/// Load `path` (an HTML file) in a fresh headless Chromium and collect what
/// the checks look at.
pub fn check_page(chromium: &Path, path: &Path) -> PageFindings {
    let mut browser = Browser::launch(chromium);
    let session = open_page(&mut browser);
    load(&mut browser, &session, path);
    let dom = evaluate(&mut browser, &session, INSPECT);
    let accessible = svg_accessibility(&mut browser, &session);
    let pdf_css = print_pdf(
        &mut browser,
        &session,
        json!({"preferCSSPageSize": true, "printBackground": true}),
    );
    let pdf_a4 = print_pdf(
        &mut browser,
        &session,
        json!({"paperWidth": 8.27, "paperHeight": 11.69, "printBackground": true}),
    );
    browser.drain(Duration::from_millis(100));
    let mut f = PageFindings { path: path.to_path_buf(), ..PageFindings::default() };
    for ev in browser.events_of(&session) {
        let p = &ev["params"];
        match ev["method"].as_str().unwrap_or_default() {
            "Runtime.consoleAPICalled" => {
                let level = p["type"].as_str().unwrap_or_default();
                if matches!(level, "error" | "warning" | "assert") {
                    let args: Vec<String> = p["args"]
                        .as_array()
                        .into_iter()
                        .flatten()
                        .map(|a| match &a["value"] {
                            Value::String(s) => s.clone(),
                            Value::Null => a["description"].as_str().unwrap_or("").to_string(),
                            v => v.to_string(),
                        })
                        .collect();
                    f.console.push(format!("console.{level}: {}", args.join(" ")));
                }
            }
            "Runtime.exceptionThrown" => {
                let d = &p["exceptionDetails"];
                let what = d["exception"]["description"].as_str().or(d["text"].as_str());
                f.console.push(format!("uncaught: {}", what.unwrap_or_default()));
            }
            "Log.entryAdded" => {
                let e = &p["entry"];
                let level = e["level"].as_str().unwrap_or_default();
                if matches!(level, "error" | "warning") {
                    let (text, url) = (e["text"].as_str(), e["url"].as_str());
                    f.console.push(format!(
                        "log {level}: {} {}",
                        text.unwrap_or_default(),
                        url.unwrap_or_default()
                    ));
                }
            }
            "Network.requestWillBeSent" => {
                f.requests.push(p["request"]["url"].as_str().unwrap_or_default().to_string());
            }
            "Page.javascriptDialogOpening" => {
                let (kind, msg) = (p["type"].as_str(), p["message"].as_str());
                f.dialogs.push(format!(
                    "{}: {}",
                    kind.unwrap_or_default(),
                    msg.unwrap_or_default()
                ));
            }
            _ => {}
        }
    }
    f.lang = dom["lang"].as_str().map(str::to_string);
    f.scripts = dom["scripts"].as_u64().unwrap_or_default() as usize;
    let roles: Vec<Option<String>> = dom["svgs"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|r| r.as_str().map(str::to_string))
        .collect();
    assert_eq!(roles.len(), accessible.len(), "the DOM and DevTools find the same <svg>s");
    f.svgs = roles
        .into_iter()
        .zip(accessible)
        .map(|(role, (ax_role, name))| Svg { role, ax_role, name })
        .collect();
    f.tables = dom["tables"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|t| (t[0].as_str().map(str::to_string), t[1].as_str().unwrap_or_default().to_string()))
        .collect();
    f.headings = dom["headings"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|h| h.as_str().map(str::to_string))
        .collect();
    f.body_text = dom["body"].as_str().unwrap_or_default().to_string();
    f.pdf_css = read_pdf(&pdf_css);
    f.pdf_a4 = read_pdf(&pdf_a4);
    f
}

/// A PNG of `path` as it shows in the [`VIEWPORT`]: the first screen.
pub fn screenshot(chromium: &Path, path: &Path) -> Vec<u8> {
    let mut browser = Browser::launch(chromium);
    let session = open_page(&mut browser);
    load(&mut browser, &session, path);
    let r = browser.call(
        Some(&session),
        "Page.captureScreenshot",
        json!({"format": "png", "captureBeyondViewport": false}),
    );
    cdp::base64_decode(r["data"].as_str().expect("captureScreenshot gives data"))
}

/// Read a PDF's page sizes and per-page text with poppler.
fn read_pdf(bytes: &[u8]) -> Pdf {
    static N: AtomicUsize = AtomicUsize::new(0);
    assert!(bytes.starts_with(b"%PDF-"), "printToPDF gave no PDF");
    let dir = tempfile::tempdir().expect("a temp dir for the PDF");
    let file = dir.path().join(format!("page-{}.pdf", N.fetch_add(1, Ordering::Relaxed)));
    std::fs::write(&file, bytes).expect("write the PDF");
    let info = poppler("pdfinfo", &[file.as_os_str()]);
    let pages: usize = info
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .unwrap_or_else(|| panic!("pdfinfo gives no page count:\n{info}"));
    let last = pages.to_string();
    let sizes = poppler(
        "pdfinfo",
        &["-f".as_ref(), "1".as_ref(), "-l".as_ref(), last.as_ref(), file.as_os_str()],
    );
    // `Page    1 size: 595.44 x 841.68 pts (A4)`
    let page_sizes: Vec<(f64, f64)> = sizes
        .lines()
        .filter(|l| l.starts_with("Page ") && l.contains(" size:"))
        .map(|l| {
            let dims = l.split(" size:").nth(1).unwrap_or_default();
            let nums: Vec<f64> =
                dims.split_whitespace().filter_map(|w| w.parse().ok()).take(2).collect();
            assert_eq!(nums.len(), 2, "pdfinfo page size line: {l}");
            (nums[0], nums[1])
        })
        .collect();
    assert_eq!(page_sizes.len(), pages, "a size for every page:\n{sizes}");
    let page_texts = (1..=pages)
        .map(|n| {
            let n = n.to_string();
            let args: [&std::ffi::OsStr; 8] = [
                "-f".as_ref(),
                n.as_ref(),
                "-l".as_ref(),
                n.as_ref(),
                "-enc".as_ref(),
                "UTF-8".as_ref(),
                file.as_os_str(),
                "-".as_ref(),
            ];
            poppler("pdftotext", &args)
        })
        .collect();
    Pdf { page_sizes, page_texts }
}

fn poppler(tool: &str, args: &[&std::ffi::OsStr]) -> String {
    let out = Command::new(tool)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("could not run {tool}: {e}"));
    assert!(out.status.success(), "{tool} failed: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).expect("poppler prints UTF-8")
}

/// Console errors and warnings, uncaught exceptions, error log entries.
pub fn console_problems(f: &PageFindings) -> Vec<String> {
    f.console.iter().map(|c| format!("the console says {c}")).collect()
}

/// Requests for anything but the page's own files and inline data.
pub fn external_requests(f: &PageFindings) -> Vec<String> {
    f.requests
        .iter()
        .filter(|u| !["file:", "data:", "about:"].iter().any(|s| u.starts_with(s)))
        .map(|u| format!("an external request: {u}"))
        .collect()
}

/// A dialog opened, or a `<script>` in the page.
pub fn script_problems(f: &PageFindings) -> Vec<String> {
    let mut out: Vec<String> = f.dialogs.iter().map(|d| format!("a dialog opened: {d}")).collect();
    if f.scripts > 0 {
        out.push(format!("{} <script> element(s) in the page", f.scripts));
    }
    out
}

/// `<html lang>` is missing or not one veikart writes (`nb`, `en`).
pub fn lang_problems(f: &PageFindings) -> Vec<String> {
    match f.lang.as_deref() {
        Some("nb" | "en") => Vec::new(),
        other => vec![format!("<html lang> is {other:?}, not \"nb\" or \"en\"")],
    }
}

/// Every `<svg>` is an image (`role="img"`, and so an image in Chromium's
/// accessibility tree) whose accessible name, as Chromium computes it, states
/// numbers (has a digit), so a screen reader gets what the chart shows.
pub fn chart_problems(f: &PageFindings) -> Vec<String> {
    let mut out = Vec::new();
    for (i, s) in f.svgs.iter().enumerate() {
        let n = i + 1;
        if s.role.as_deref() != Some("img") {
            out.push(format!("<svg> #{n} ({:?}) has role {:?}, not \"img\"", s.name, s.role));
        }
        if s.ax_role != "image" {
            out.push(format!(
                "<svg> #{n} is not an image to assistive technology (Chromium's role {:?})",
                s.ax_role
            ));
        }
        if !s.name.chars().any(|c| c.is_ascii_digit()) {
            out.push(format!("<svg> #{n} has an accessible name without numbers: {:?}", s.name));
        }
    }
    out
}

/// Every `<table>` has a non-empty `<caption>`.
pub fn table_problems(f: &PageFindings) -> Vec<String> {
    f.tables
        .iter()
        .enumerate()
        .filter(|(_, (caption, _))| caption.as_deref().is_none_or(|c| c.trim().is_empty()))
        .map(|(i, (_, th))| format!("<table> #{} (first header {th:?}) has no <caption>", i + 1))
        .collect()
}

fn is_a4((w, h): (f64, f64)) -> bool {
    // 210 × 297 mm is 595.28 × 841.89 pt; Chromium rounds to 1/100 inch.
    (w - 595.3).abs() < 2.0 && (h - 841.9).abs() < 2.0
}

/// Printed by its own CSS (`preferCSSPageSize`), every page is A4: the page
/// says `@page { size: A4 }`, so it does not come out on Letter.
pub fn a4_problems(f: &PageFindings) -> Vec<String> {
    f.pdf_css
        .page_sizes
        .iter()
        .enumerate()
        .filter(|(_, s)| !is_a4(**s))
        .map(|(i, (w, h))| {
            format!("printed by its own CSS, page {} is {w} × {h} pt, not A4 (595 × 842)", i + 1)
        })
        .collect()
}

/// Printed on A4, no page ends with a heading (its last line, or last two or
/// three lines for a heading that wraps, is the text of an `h1`–`h4`).
pub fn heading_at_page_end_problems(f: &PageFindings) -> Vec<String> {
    let norm = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let headings: Vec<String> =
        f.headings.iter().map(|h| norm(h)).filter(|h| !h.is_empty()).collect();
    let mut out = Vec::new();
    for (i, text) in f.pdf_a4.page_texts.iter().enumerate() {
        let lines: Vec<String> = text.lines().map(norm).filter(|l| !l.is_empty()).collect();
        for k in 1..=3.min(lines.len()) {
            let tail = lines[lines.len() - k..].join(" ");
            if headings.contains(&tail) {
                out.push(format!("printed on A4, page {} ends with the heading {tail:?}", i + 1));
                break;
            }
        }
    }
    out
}

/// Every problem [`assert_clean`] looks for.
pub fn all_problems(f: &PageFindings) -> Vec<String> {
    [
        console_problems(f),
        external_requests(f),
        script_problems(f),
        lang_problems(f),
        chart_problems(f),
        table_problems(f),
        a4_problems(f),
        heading_at_page_end_problems(f),
    ]
    .concat()
}

/// Fail, naming the page, with every problem in `problems`.
pub fn assert_none(f: &PageFindings, problems: Vec<String>) {
    assert!(
        problems.is_empty(),
        "{} in the browser:\n{}",
        f.path.display(),
        problems.iter().map(|p| format!("  - {p}")).collect::<Vec<_>>().join("\n")
    );
}

/// A page holds every promise: nothing in the console, nothing fetched from
/// outside, no scripts or dialogs, a language, charts with text alternatives
/// that state numbers, tables with captions, A4 by its own CSS and no heading
/// at the end of a printed page.
pub fn assert_clean(f: &PageFindings) {
    assert_none(f, all_problems(f));
}

/// The file is a PNG (signature and an `IHDR` chunk) and its width and height.
pub fn png_size(bytes: &[u8]) -> Result<(u32, u32), String> {
    const SIGNATURE: &[u8] = b"\x89PNG\r\n\x1a\n";
    if !bytes.starts_with(SIGNATURE) {
        return Err("no PNG signature".into());
    }
    if bytes.len() < 33 || &bytes[12..16] != b"IHDR" {
        return Err("no IHDR chunk first".into());
    }
    let be = |i: usize| u32::from_be_bytes([bytes[i], bytes[i + 1], bytes[i + 2], bytes[i + 3]]);
    if !bytes.ends_with(b"IEND\xaeB`\x82") {
        return Err("no IEND chunk at the end".into());
    }
    Ok((be(16), be(20)))
}

/// `VEIKART_BLESS` is set: write screenshots instead of checking them.
pub fn bless() -> bool {
    std::env::var_os("VEIKART_BLESS").is_some()
}

/// The repository's root folder.
pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// With [`bless`], a screenshot of `html` written to `png` (in the
/// repository); always, `png` must be a committed PNG [`VIEWPORT`] wide.
pub fn screenshot_is_current(png: &Path, html: impl FnOnce() -> Option<(PathBuf, PathBuf)>) {
    if bless()
        && let Some((chromium, page)) = html()
    {
        let bytes = screenshot(&chromium, &page);
        std::fs::create_dir_all(png.parent().expect("a folder")).expect("mkdir screenshots");
        std::fs::write(png, &bytes).unwrap_or_else(|e| panic!("write {}: {e}", png.display()));
    }
    let bytes = std::fs::read(png).unwrap_or_else(|e| {
        panic!(
            "{} is missing ({e}); write it with VEIKART_BLESS=1 cargo test --test cli browser",
            png.display()
        )
    });
    let (w, h) = png_size(&bytes).unwrap_or_else(|e| panic!("{} is not a PNG: {e}", png.display()));
    assert_eq!(w, VIEWPORT.0, "{} is {w} px wide", png.display());
    assert!(h > 0, "{} has no height", png.display());
}
