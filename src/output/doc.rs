//! A document as blocks — headings, paragraphs, lists, tables with
//! captions, charts — written once by a report or a site page and rendered
//! once to Markdown and once to HTML, so both carry the same content. Every
//! piece of text is escaped here, for the format it goes to; dates in HTML
//! are `<time>` elements that never break at the hyphen.

use std::fmt::Write as _;

use super::chart::{self, Chart};
use super::escape;

/// A piece of running text.
#[derive(Debug, Clone)]
pub enum Span {
    Text(String),
    Strong(String),
    Em(String),
    /// A command or an id, shown as code.
    Code(String),
    /// A link to another page (a site's relative link, never a script).
    Link {
        text: String,
        href: String,
    },
    /// A progress bar for 0–100 % (clamped): ten cells in Markdown, a
    /// drawn bar hidden from screen readers in HTML (the number is beside it).
    Bar(f64),
}

/// Text with no markup.
pub fn text(s: impl Into<String>) -> Vec<Span> {
    vec![Span::Text(s.into())]
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Left,
    Right,
}

/// A table cell: running text and an optional class for HTML (a state's
/// colour, `n` for a number).
#[derive(Debug, Clone)]
pub struct Cell {
    pub spans: Vec<Span>,
    pub class: Option<&'static str>,
}

impl Cell {
    pub fn new(s: impl Into<String>) -> Cell {
        Cell { spans: text(s), class: None }
    }

    pub fn spans(spans: Vec<Span>) -> Cell {
        Cell { spans, class: None }
    }

    pub fn class(mut self, class: &'static str) -> Cell {
        self.class = Some(class);
        self
    }
}

/// A table: a caption (required: it names the table for screen readers and
/// in print), column heads, alignment, rows. The first column is the row's
/// header when `row_heads` is set.
#[derive(Debug, Clone)]
pub struct Table {
    pub caption: String,
    pub head: Vec<String>,
    pub align: Vec<Align>,
    pub rows: Vec<Vec<Cell>>,
    pub row_heads: bool,
    /// Many columns: a smaller font, and long column heads may break.
    pub wide: bool,
}

impl Table {
    pub fn new(caption: impl Into<String>, head: Vec<String>) -> Table {
        Table {
            caption: caption.into(),
            head,
            align: Vec::new(),
            rows: Vec::new(),
            row_heads: false,
            wide: false,
        }
    }

    /// Right-align these columns (numbers).
    pub fn right(mut self, columns: &[usize]) -> Table {
        self.align = (0..self.head.len())
            .map(|i| if columns.contains(&i) { Align::Right } else { Align::Left })
            .collect();
        self
    }

    pub fn row_heads(mut self) -> Table {
        self.row_heads = true;
        self
    }

    pub fn wide(mut self) -> Table {
        self.wide = true;
        self
    }

    pub fn row(&mut self, cells: Vec<Cell>) {
        self.rows.push(cells);
    }
}

/// A list item, with items below it.
#[derive(Debug, Clone)]
pub struct Item {
    pub spans: Vec<Span>,
    pub class: Option<&'static str>,
    pub children: Vec<Item>,
}

impl Item {
    pub fn new(spans: Vec<Span>) -> Item {
        Item { spans, class: None, children: Vec::new() }
    }

    pub fn class(mut self, class: Option<&'static str>) -> Item {
        self.class = class;
        self
    }

    pub fn children(mut self, children: Vec<Item>) -> Item {
        self.children = children;
        self
    }
}

#[derive(Debug, Clone)]
pub enum Block {
    /// A heading, level 2 or deeper (the document's title is level 1), with
    /// an anchor id.
    Heading {
        level: u8,
        text: String,
        id: Option<String>,
    },
    Para(Vec<Span>),
    /// Small print: a source line, a footer.
    Note(Vec<Span>),
    /// Quoted text of several lines (the problem statement).
    Quote(String),
    List {
        ordered: bool,
        items: Vec<Item>,
    },
    Table(Table),
    Chart(Box<Chart>),
    /// Markup made by a renderer of its own (the benefit map, the economics
    /// section), the same content in both formats.
    Raw {
        md: String,
        html: String,
    },
}

/// A document: a title, a line below it, the blocks.
#[derive(Debug, Clone, Default)]
pub struct Doc {
    pub title: String,
    pub subtitle: Option<String>,
    pub blocks: Vec<Block>,
}

impl Doc {
    pub fn push(&mut self, b: Block) {
        self.blocks.push(b);
    }

    /// A heading of a section.
    pub fn heading(&mut self, level: u8, text: impl Into<String>, id: &str) {
        self.blocks.push(Block::Heading {
            level,
            text: text.into(),
            id: (!id.is_empty()).then(|| id.to_string()),
        });
    }

    pub fn para(&mut self, spans: Vec<Span>) {
        self.blocks.push(Block::Para(spans));
    }

    pub fn extend(&mut self, blocks: Vec<Block>) {
        self.blocks.extend(blocks);
    }
}

/// How charts go into Markdown: as Mermaid blocks, or as SVG files beside
/// the Markdown file (`stem-ID.svg`), linked as images.
#[derive(Debug, Clone)]
pub enum MdCharts {
    Mermaid,
    Files { stem: String },
}

/// A file to write beside the document (a chart's SVG).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attachment {
    pub name: String,
    pub bytes: Vec<u8>,
}

// ---------------------------------------------------------------- Markdown

/// Text split at pairs of backticks: the parts between them are code
/// (`veikart goal add` in a hint), the rest text. Text with an odd number
/// of backticks is all text.
fn code_parts(t: &str) -> Vec<(bool, &str)> {
    if !t.matches('`').count().is_multiple_of(2) {
        return vec![(false, t)];
    }
    t.split('`').enumerate().filter(|(_, p)| !p.is_empty()).map(|(i, p)| (i % 2 == 1, p)).collect()
}

fn md_spans(spans: &[Span]) -> String {
    let mut s = String::new();
    for span in spans {
        match span {
            Span::Text(t) => {
                for (code, part) in code_parts(t) {
                    s.push_str(&if code { escape::md_code(part) } else { escape::md(part) });
                }
            }
            Span::Strong(t) if !t.is_empty() => {
                let _ = write!(s, "**{}**", escape::md(t));
            }
            Span::Em(t) if !t.is_empty() => {
                let _ = write!(s, "*{}*", escape::md(t));
            }
            Span::Strong(_) | Span::Em(_) => {}
            Span::Code(t) => s.push_str(&escape::md_code(t)),
            Span::Link { text, href } => {
                let _ = write!(s, "[{}]({})", escape::md(text), href_md(href));
            }
            Span::Bar(a) => {
                let full = ((a.clamp(0.0, 100.0) / 10.0).round()) as usize;
                let _ = write!(s, " {}{}", "█".repeat(full), "░".repeat(10 - full));
            }
        }
    }
    s
}

/// A relative link target, with what could end it written as `%XX`.
fn href_md(href: &str) -> String {
    safe_href(href)
        .chars()
        .map(|c| match c {
            '(' | ')' | ' ' | '<' | '>' => format!("%{:02X}", c as u32),
            c => c.to_string(),
        })
        .collect()
}

/// A link only to a relative page or an anchor: anything with a scheme
/// (`javascript:`, `http:`) becomes `#`.
fn safe_href(href: &str) -> &str {
    let scheme = href.split(['/', '?', '#']).next().unwrap_or_default();
    if scheme.contains(':') { "#" } else { href }
}

fn md_items(s: &mut String, items: &[Item], ordered: bool, depth: usize) {
    for (n, item) in items.iter().enumerate() {
        let indent = "  ".repeat(depth * if ordered { 2 } else { 1 });
        let mark = if ordered { format!("{}.", n + 1) } else { "-".to_string() };
        let _ = writeln!(s, "{indent}{mark} {}", md_spans(&item.spans));
        md_items(s, &item.children, false, depth + 1);
    }
}

/// The document as Markdown, and the chart files to write beside it.
pub fn markdown(doc: &Doc, charts: &MdCharts) -> (String, Vec<Attachment>) {
    let mut s = String::new();
    let mut files = Vec::new();
    let _ = writeln!(s, "# {}\n", escape::md(&doc.title));
    if let Some(sub) = &doc.subtitle {
        let _ = writeln!(s, "{}\n", escape::md(sub));
    }
    for b in &doc.blocks {
        match b {
            Block::Heading { level, text, .. } => {
                let _ = writeln!(s, "{} {}\n", "#".repeat(usize::from(*level)), escape::md(text));
            }
            Block::Para(spans) => {
                let _ = writeln!(s, "{}\n", md_spans(spans));
            }
            Block::Note(spans) => {
                let _ = writeln!(s, "---\n\n{}\n", md_spans(spans));
            }
            Block::Quote(t) => {
                let _ = writeln!(s, "> {}\n", escape::md_lines(t, "\n> "));
            }
            Block::List { ordered, items } => {
                md_items(&mut s, items, *ordered, 0);
                s.push('\n');
            }
            Block::Table(t) => {
                let _ = writeln!(s, "*{}*\n", escape::md(&t.caption));
                let heads: Vec<String> = t.head.iter().map(|h| escape::md(h)).collect();
                let _ = writeln!(s, "| {} |", heads.join(" | "));
                let seps: Vec<&str> = (0..t.head.len())
                    .map(|i| match t.align.get(i) {
                        Some(Align::Right) => "--:",
                        _ => "---",
                    })
                    .collect();
                let _ = writeln!(s, "|{}|", seps.join("|"));
                for row in &t.rows {
                    let cells: Vec<String> = row.iter().map(|c| md_spans(&c.spans)).collect();
                    let _ = writeln!(s, "| {} |", cells.join(" | "));
                }
                s.push('\n');
            }
            Block::Chart(c) => {
                if !c.drawable() {
                    continue;
                }
                match charts {
                    MdCharts::Mermaid => {
                        let _ = writeln!(s, "*{}*\n", escape::md(&c.text));
                        s.push_str(&chart::mermaid(c));
                        s.push('\n');
                    }
                    MdCharts::Files { stem } => {
                        let name = format!("{stem}-{}.svg", c.slug());
                        let _ = writeln!(
                            s,
                            "![{}]({})\n\n*{}*\n",
                            escape::md(&c.title()),
                            href_md(&name),
                            escape::md(&c.text)
                        );
                        files.push(Attachment { bytes: chart::svg(c, true).into_bytes(), name });
                    }
                }
            }
            Block::Raw { md, .. } => s.push_str(md),
        }
    }
    (s, files)
}

// -------------------------------------------------------------------- HTML

/// Text for HTML, each `YYYY-MM-DD` date a `<time>` element (kept on one line).
pub fn html_text(t: &str) -> String {
    let escaped = escape::html(t);
    let b = escaped.as_bytes();
    let mut out = String::with_capacity(escaped.len() + 16);
    let mut i = 0;
    let mut last = 0;
    let is_date = |i: usize| {
        i + 10 <= b.len()
            && b[i..i + 4].iter().all(u8::is_ascii_digit)
            && b[i + 4] == b'-'
            && b[i + 5..i + 7].iter().all(u8::is_ascii_digit)
            && b[i + 7] == b'-'
            && b[i + 8..i + 10].iter().all(u8::is_ascii_digit)
            && (i == 0 || !(b[i - 1].is_ascii_alphanumeric() || b"/-_.".contains(&b[i - 1])))
            && (i + 10 == b.len()
                || !(b[i + 10].is_ascii_alphanumeric() || b"-_/".contains(&b[i + 10])))
    };
    while i < b.len() {
        if is_date(i) {
            out.push_str(&escaped[last..i]);
            let d = &escaped[i..i + 10];
            let _ = write!(out, "<time datetime=\"{d}\">{d}</time>");
            i += 10;
            last = i;
        } else {
            i += 1;
        }
    }
    out.push_str(&escaped[last..]);
    out
}

fn html_spans(spans: &[Span]) -> String {
    let mut s = String::new();
    for span in spans {
        match span {
            Span::Text(t) => {
                for (code, part) in code_parts(t) {
                    if code {
                        let _ = write!(s, "<code>{}</code>", escape::html(part));
                    } else {
                        s.push_str(&html_text(part));
                    }
                }
            }
            Span::Strong(t) => {
                let _ = write!(s, "<strong>{}</strong>", html_text(t));
            }
            Span::Em(t) => {
                let _ = write!(s, "<em>{}</em>", html_text(t));
            }
            Span::Code(t) => {
                let _ = write!(s, "<code>{}</code>", escape::html(t));
            }
            Span::Link { text, href } => {
                let _ = write!(
                    s,
                    "<a href=\"{}\">{}</a>",
                    escape::html(safe_href(href)),
                    html_text(text)
                );
            }
            Span::Bar(a) => {
                let _ = write!(
                    s,
                    "<span class=\"bar\" aria-hidden=\"true\"><span style=\"width:{}%\"></span></span>",
                    (a.clamp(0.0, 100.0)).round()
                );
            }
        }
    }
    s
}

fn html_items(s: &mut String, items: &[Item], ordered: bool) {
    let tag = if ordered { "ol" } else { "ul" };
    let _ = writeln!(s, "<{tag}>");
    for item in items {
        let class = item.class.map(|c| format!(" class=\"{c}\"")).unwrap_or_default();
        let _ = write!(s, "<li{class}>{}", html_spans(&item.spans));
        if !item.children.is_empty() {
            s.push('\n');
            html_items(s, &item.children, false);
        }
        s.push_str("</li>\n");
    }
    let _ = writeln!(s, "</{tag}>");
}

/// One block as HTML.
pub fn html_block(s: &mut String, b: &Block) {
    match b {
        Block::Heading { level, text, id } => {
            let id =
                id.as_deref().map(|i| format!(" id=\"{}\"", escape::html(i))).unwrap_or_default();
            let _ = writeln!(s, "<h{level}{id}>{}</h{level}>", html_text(text));
        }
        Block::Para(spans) => {
            let _ = writeln!(s, "<p>{}</p>", html_spans(spans));
        }
        Block::Note(spans) => {
            let _ = writeln!(s, "<footer><p>{}</p></footer>", html_spans(spans));
        }
        Block::Quote(t) => {
            let lines: Vec<String> = t.lines().map(html_text).collect();
            let _ = writeln!(s, "<blockquote><p>{}</p></blockquote>", lines.join("<br>"));
        }
        Block::List { ordered, items } => html_items(s, items, *ordered),
        Block::Table(t) => {
            // A table of many columns (the RACI matrix) gets a smaller font to fit A4.
            let wide = if t.wide { " class=\"wide\"" } else { "" };
            let _ = writeln!(s, "<table{wide}>\n<caption>{}</caption>", html_text(&t.caption));
            s.push_str("<thead><tr>");
            for (i, h) in t.head.iter().enumerate() {
                let class = if t.align.get(i) == Some(&Align::Right) { " class=\"n\"" } else { "" };
                let _ = write!(s, "<th scope=\"col\"{class}>{}</th>", html_text(h));
            }
            s.push_str("</tr></thead>\n<tbody>\n");
            for row in &t.rows {
                s.push_str("<tr>");
                for (i, c) in row.iter().enumerate() {
                    let mut classes: Vec<&str> = Vec::new();
                    if t.align.get(i) == Some(&Align::Right) {
                        classes.push("n");
                    }
                    classes.extend(c.class);
                    let class = if classes.is_empty() {
                        String::new()
                    } else {
                        format!(" class=\"{}\"", classes.join(" "))
                    };
                    if i == 0 && t.row_heads {
                        let _ = write!(s, "<th scope=\"row\"{class}>{}</th>", html_spans(&c.spans));
                    } else {
                        let _ = write!(s, "<td{class}>{}</td>", html_spans(&c.spans));
                    }
                }
                s.push_str("</tr>\n");
            }
            s.push_str("</tbody>\n</table>\n");
        }
        Block::Chart(c) => {
            if c.drawable() {
                let _ = writeln!(
                    s,
                    "<figure class=\"chart\">\n{}<figcaption><strong>{}.</strong> {} <span class=\"legend\">{}</span></figcaption>\n</figure>",
                    chart::svg(c, false),
                    html_text(&c.title()),
                    html_text(&sentence_case(
                        c.text.strip_prefix(&format!("{}: ", c.name)).unwrap_or(&c.text)
                    )),
                    html_text(&chart::legend_text(c))
                );
            }
        }
        Block::Raw { html, .. } => s.push_str(html),
    }
}

/// Text with its first letter capitalised, as a sentence starts, the rest
/// as it is (`fremtidig tjenestereise` → `Fremtidig tjenestereise`).
pub fn sentence_case(t: &str) -> String {
    let mut c = t.chars();
    c.next().map(|f| f.to_uppercase().chain(c).collect()).unwrap_or_default()
}

/// Blocks as HTML, each heading kept together with the block after it (so
/// no heading is left alone at a page end in print).
pub fn html_blocks(blocks: &[Block]) -> String {
    let mut s = String::new();
    let mut i = 0;
    while i < blocks.len() {
        if matches!(blocks[i], Block::Heading { .. }) {
            // The heading, any headings right below it, and the first block.
            let mut end = i;
            while end < blocks.len() && matches!(blocks[end], Block::Heading { .. }) {
                end += 1;
            }
            let end = (end + 1).min(blocks.len());
            s.push_str("<div class=\"keep\">\n");
            for b in &blocks[i..end] {
                html_block(&mut s, b);
            }
            s.push_str("</div>\n");
            i = end;
        } else {
            html_block(&mut s, &blocks[i]);
            i += 1;
        }
    }
    s
}

/// The style of every page veikart writes: readable on screen, A4 in
/// print with margins, headings kept with what follows, tables, figures
/// and rows not split, dates never broken. Every text colour has at least
/// 4.5:1 contrast on white (WCAG 2.1 AA).
pub const CSS: &str = "\
:root{color-scheme:light}\
body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;max-width:64rem;margin:2rem auto;padding:0 1rem;color:#1b1b1b;background:#fff;line-height:1.45}\
h1{margin-bottom:.2rem;line-height:1.2}h2{margin-top:2rem;border-bottom:1px solid #d0d0d0;padding-bottom:.2rem}h3{margin:1.2rem 0 .4rem;font-size:1.05rem}\
.sub{color:#4a4a4a;margin-top:0}a{color:#0b5cad}a:visited{color:#5b2d8a}\
table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem;font-size:.92rem}\
caption{text-align:left;font-weight:600;padding:.2rem 0 .4rem;color:#1b1b1b}\
th,td{border-bottom:1px solid #d0d0d0;padding:.35rem .5rem;text-align:left;vertical-align:top}\
thead th{border-bottom:2px solid #595959}.n,.num{text-align:right;font-variant-numeric:tabular-nums}td.num{white-space:nowrap}\
table.wide,table.economics{font-size:.8rem}table.wide thead th{overflow-wrap:anywhere;hyphens:auto}\
time,.d{white-space:nowrap}code{font-size:.9em;background:#f2f2f2;padding:0 .2em;border-radius:3px}\
.reached,.on-track,.green{color:#1a7f37;font-weight:600}.behind,.yellow{color:#8a4b00;font-weight:600}\
.overdue,.red{color:#b00020;font-weight:600}.stale,.no-plan,.no-data{color:#4a4a4a}\
.bar{display:inline-block;width:5em;height:.7em;border:1px solid #595959;vertical-align:middle;margin-left:.4em;print-color-adjust:exact;-webkit-print-color-adjust:exact}.bar>span{display:block;height:100%;background:#0b5cad}\
figure.chart{margin:1rem 0 1.5rem}figure.chart svg{display:block;max-width:44rem;height:auto}\
figcaption{font-size:.88rem;color:#333;max-width:44rem}.legend{color:#4a4a4a}\
blockquote{border-left:4px solid #8c8c8c;margin:1rem 0;padding:.2rem 1rem;color:#333}\
footer{margin-top:2rem;color:#4a4a4a;font-size:.9rem}nav.site{font-size:.92rem;margin-bottom:1rem}nav.site a{margin-right:.8rem;white-space:nowrap}\
@page{size:A4;margin:18mm 16mm 20mm}\
@media print{body{max-width:none;margin:0;padding:0;font-size:10.5pt}table.wide,table.economics{font-size:7.5pt}a{color:#1b1b1b;text-decoration:none}nav.site{display:none}\
h1,h2,h3,h4{break-after:avoid;page-break-after:avoid}\
.keep,table,figure,tr,li,blockquote{break-inside:avoid;page-break-inside:avoid}\
thead{display:table-header-group}h2{margin-top:1.2rem}}";

/// The document as one self-contained HTML page: `lang` set, the style
/// inline, no script and nothing fetched from the network. `nav` is
/// markup placed before the title (a site's links).
pub fn html_page(doc: &Doc, lang: &str, nav: &str) -> String {
    let mut s = String::new();
    let _ = write!(
        s,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:\">\n\
         <title>{}</title>\n<style>{CSS}</style>\n</head>\n<body>\n{nav}<main>\n",
        escape::html(lang),
        escape::html(&doc.title)
    );
    let _ = writeln!(s, "<h1>{}</h1>", html_text(&doc.title));
    if let Some(sub) = &doc.subtitle {
        let _ = writeln!(s, "<p class=\"sub\">{}</p>", html_text(sub));
    }
    s.push_str(&html_blocks(&doc.blocks));
    s.push_str("</main>\n</body>\n</html>\n");
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_become_time_elements_and_markup_is_text() {
        assert_eq!(
            html_text("frist 2026-12-11 <b>"),
            "frist <time datetime=\"2026-12-11\">2026-12-11</time> &lt;b&gt;"
        );
        assert_eq!(html_text("x12026-12-11"), "x12026-12-11");
        assert_eq!(html_text("logs/2026-02-02-x.toml"), "logs/2026-02-02-x.toml");
    }

    #[test]
    fn backticks_in_text_are_code_in_both_formats() {
        let spans = text("legg til med `veikart goal add` nå");
        assert_eq!(md_spans(&spans), "legg til med `veikart goal add` nå");
        assert_eq!(html_spans(&spans), "legg til med <code>veikart goal add</code> nå");
        assert_eq!(html_spans(&text("ett ` alene")), "ett ` alene");
        assert_eq!(md_spans(&text("ett ` alene")), "ett \\` alene");
    }

    #[test]
    fn links_with_a_scheme_go_nowhere() {
        let spans = vec![Span::Link { text: "x".into(), href: "javascript:alert(1)".into() }];
        assert_eq!(html_spans(&spans), "<a href=\"#\">x</a>");
        assert_eq!(md_spans(&spans), "[x](#)");
        let ok = vec![Span::Link { text: "a|b".into(), href: "benefits/x y.html#z".into() }];
        assert_eq!(md_spans(&ok), "[a\\|b](benefits/x%20y.html#z)");
    }

    #[test]
    fn a_heading_is_kept_with_the_block_after_it() {
        let blocks = vec![
            Block::Heading { level: 2, text: "A".into(), id: None },
            Block::Para(text("one")),
            Block::Para(text("two")),
        ];
        let h = html_blocks(&blocks);
        assert!(
            h.starts_with("<div class=\"keep\">\n<h2>A</h2>\n<p>one</p>\n</div>\n<p>two</p>"),
            "{h}"
        );
    }

    #[test]
    fn tables_have_captions_in_both_formats() {
        let mut t = Table::new("Tall | og <b>", vec!["A".into(), "B".into()]).right(&[1]);
        t.row(vec![Cell::new("x|y"), Cell::new("2")]);
        let doc = Doc { title: "T".into(), subtitle: None, blocks: vec![Block::Table(t)] };
        let (md, _) = markdown(&doc, &MdCharts::Mermaid);
        assert!(
            md.contains("*Tall \\| og &lt;b&gt;*\n\n| A | B |\n|---|--:|\n| x\\|y | 2 |"),
            "{md}"
        );
        let html = html_page(&doc, "nb", "");
        assert!(html.contains("<caption>Tall | og &lt;b&gt;</caption>"), "{html}");
        assert!(html.contains("<td class=\"n\">2</td>"), "{html}");
    }
}
