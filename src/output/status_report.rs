//! A status report's lights and what changed since the last published
//! report, as sections of `veikart report` in Markdown and HTML. Each light
//! is shown by its word and a marker whose shape differs as well as its
//! colour, so colour is never the only sign; the HTML colours meet WCAG AA
//! contrast against their text.

use std::fmt::Write;

use super::escape::{self, md, md_code};
use crate::app::status_report::{Light, SinceLast, StatusReportView};
use crate::tr;

/// The marker of a light in Markdown: a coloured emoji of its own shape.
fn md_marker(value: &str) -> &'static str {
    match value {
        "green" => "🟢",
        "yellow" => "🟡",
        "red" => "🟥",
        _ => "⬜",
    }
}

/// The marker of a light in HTML: its shape, and the badge's background
/// and text colours (contrast: 7.9:1, 14.9:1, 6.6:1).
fn html_marker(value: &str) -> (&'static str, &'static str, &'static str) {
    match value {
        "green" => ("●", "#1b5e20", "#ffffff"),
        "yellow" => ("▲", "#ffd54f", "#000000"),
        "red" => ("■", "#b71c1c", "#ffffff"),
        _ => ("?", "#ffffff", "#000000"),
    }
}

/// `Publisert 2026-11-30. … i commit <code>.`, with the commit id as
/// `code` renders it, or that it is a draft.
fn published_line(
    v: &StatusReportView,
    esc: fn(&str) -> String,
    code: fn(&str) -> String,
) -> String {
    match (v.published, &v.commit) {
        (Some(on), Some(c)) => {
            let c = code(c);
            esc(&tr!(
                "Publisert {on}. Tallene under er prosjektet slik det var i commit ",
                "Published on {on}. The figures below are the project as it was at commit "
            )) + &c
                + "."
        }
        _ => esc(&tr!("Utkast, ikke publisert.", "Draft, not published.")),
    }
}

fn html_code(c: &str) -> String {
    format!("<code>{}</code>", escape::html(c))
}

fn heading(v: &StatusReportView) -> String {
    tr!("Statusrapport for {}", "Status report for {}", v.period)
}

fn comment(l: &Light) -> &str {
    l.comment.as_deref().unwrap_or("–")
}

/// The lights as a Markdown section: a heading, when it was published and
/// from which commit, and a table of dimension, light and comment.
pub fn report_markdown(v: &StatusReportView) -> String {
    let mut s = String::new();
    let _ = writeln!(s, "## {}\n", md(&heading(v)));
    let _ = writeln!(s, "{}\n", published_line(v, md, md_code));
    let _ = writeln!(
        s,
        "| {} | {} | {} |\n| --- | --- | --- |",
        tr!("Område", "Area"),
        tr!("Lys", "Light"),
        tr!("Kommentar", "Comment")
    );
    for l in &v.lights {
        let _ = writeln!(
            s,
            "| {} | {} {} | {} |",
            md(l.name),
            md_marker(&l.value),
            md(&l.label),
            escape::md_lines(comment(l), "<br>")
        );
    }
    s.push('\n');
    s
}

/// The lights as an HTML section: a `<table>` with a `<caption>`, each
/// light a badge with its word and a shaped marker.
pub fn report_html(v: &StatusReportView) -> String {
    let e = escape::html;
    let mut s = String::new();
    let _ = writeln!(
        s,
        "<section class=\"status-report\">\n<div class=\"keep\"><h2>{}</h2>\n<p>{}</p></div>",
        e(&heading(v)),
        published_line(v, e, html_code)
    );
    let _ = writeln!(
        s,
        "<table>\n<caption>{}</caption>\n<thead><tr><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th></tr></thead>\n<tbody>",
        e(&tr!("Trafikklys for {}", "Traffic lights for {}", v.period)),
        e(&tr!("Område", "Area")),
        e(&tr!("Lys", "Light")),
        e(&tr!("Kommentar", "Comment"))
    );
    for l in &v.lights {
        let (shape, bg, fg) = html_marker(&l.value);
        let _ = writeln!(
            s,
            "<tr><th scope=\"row\">{}</th><td><span class=\"light light-{}\" style=\"background:{bg};color:{fg};padding:0 0.4em;border-radius:0.3em;border:1px solid #000000\"><span aria-hidden=\"true\">{shape}</span> {}</span></td><td>{}</td></tr>",
            e(l.name),
            e(&l.value),
            e(&l.label),
            e(comment(l)).replace('\n', "<br>")
        );
    }
    s.push_str("</tbody>\n</table>\n</section>\n");
    s
}

/// `Fra statusrapport 2026-10 (publisert 2026-10-31, commit 0123456789).`
fn since_line(x: &SinceLast) -> String {
    let on = x.from_published.map(|d| d.to_string()).unwrap_or_else(|| "–".to_string());
    tr!(
        "Siden statusrapporten for {} (publisert {on}, commit {}).",
        "Since the status report for {} (published on {on}, commit {}).",
        x.from_period,
        crate::model::status_report::short_commit(&x.from_commit)
    )
}

fn since_heading() -> String {
    tr!("Endringer siden forrige statusrapport", "Changes since the last status report")
}

/// What changed since the last published report, as a Markdown section:
/// `veikart diff --format md`'s text under a heading of its own.
pub fn since_last_markdown(x: &SinceLast) -> String {
    format!(
        "## {}\n\n{}\n\n{}\n\n",
        md(&since_heading()),
        md(&since_line(x)),
        super::diff::markdown(&x.diff).trim_end()
    )
}

/// The same as an HTML section.
pub fn since_last_html(x: &SinceLast) -> String {
    format!(
        "<section class=\"since-last\">\n<div class=\"keep\"><h2>{}</h2>\n<p>{}</p></div>\n{}</section>\n",
        escape::html(&since_heading()),
        escape::html(&since_line(x)),
        super::diff::html(&x.diff, "h3")
    )
}

/// The lights as one block of the report's document model
/// ([`crate::output::doc`]): the same section in Markdown and in HTML.
pub fn report_block(v: &StatusReportView) -> super::doc::Block {
    super::doc::Block::Raw { md: report_markdown(v), html: report_html(v) }
}

/// What changed since the last published report, as one block of the
/// report's document model.
pub fn since_last_block(x: &SinceLast) -> super::doc::Block {
    super::doc::Block::Raw { md: since_last_markdown(x), html: since_last_html(x) }
}
