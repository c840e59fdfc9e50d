//! Drawing the benefit map ([`BenefitMap`]): a Mermaid flowchart (Markdown),
//! Graphviz DOT, an indented tree for the terminal, JSON nodes and edges,
//! and an inline SVG in three columns for the HTML report. Pure functions of
//! the map; every title goes through [`super::escape`].

use std::fmt::Write as _;

use serde::Serialize;

use super::escape;
use crate::app::benefit_map::{BenefitMap, Node};
use crate::tr;

/// The kind of a node, as a word in the current language (`løsningsforslag`).
fn kind_label(n: &Node) -> &'static str {
    crate::model::kind_of(n.kind).map_or("", |k| k.spec.label())
}

/// The map's nodes in their columns, with a short name each (`e1`, `b2`,
/// `g3`) for formats whose node names must be plain.
fn named(map: &BenefitMap) -> Vec<(String, &Node)> {
    let mut out = Vec::new();
    for (prefix, column) in [("e", &map.enablers), ("b", &map.benefits), ("g", &map.goals)] {
        for (i, n) in column.iter().enumerate() {
            out.push((format!("{prefix}{}", i + 1), n));
        }
    }
    out
}

fn short<'a>(names: &'a [(String, &Node)], key: &str) -> Option<&'a str> {
    names.iter().find(|(_, n)| n.key == key).map(|(s, _)| s.as_str())
}

/// The map as a Mermaid `flowchart LR` in a fenced block: enablers as boxes,
/// benefits rounded, goals as stadiums, arrows from what brings a benefit
/// to the benefit and on to the goals it serves.
pub fn mermaid(map: &BenefitMap) -> String {
    let names = named(map);
    let mut s = String::from("```mermaid\nflowchart LR\n");
    for (name, n) in &names {
        let label = escape::mermaid(&n.title);
        let (open, close) = match n.kind {
            "benefits" => ("(\"", "\")"),
            "goals" => ("([\"", "\"])"),
            _ => ("[\"", "\"]"),
        };
        let _ = writeln!(s, "    {name}{open}{label}{close}");
    }
    for e in &map.edges {
        if let (Some(a), Some(b)) = (short(&names, &e.from), short(&names, &e.to)) {
            let _ = writeln!(s, "    {a} --> {b}");
        }
    }
    s.push_str("```\n");
    s
}

/// The map as Graphviz DOT: one cluster-free graph, left to right, each
/// column on one rank, every name and label quoted.
pub fn dot(map: &BenefitMap) -> String {
    let mut s = String::from(
        "digraph gevinstkart {\n    rankdir=LR;\n    node [fontname=\"sans-serif\"];\n",
    );
    for (column, shape) in
        [(&map.enablers, "box"), (&map.benefits, "box, style=rounded"), (&map.goals, "ellipse")]
    {
        if column.is_empty() {
            continue;
        }
        s.push_str("    { rank=same;\n");
        for n in column {
            let _ = writeln!(
                s,
                "        \"{}\" [shape={shape}, label=\"{}\"];",
                escape::dot(&n.key),
                escape::dot(&n.title)
            );
        }
        s.push_str("    }\n");
    }
    for e in &map.edges {
        let _ = writeln!(s, "    \"{}\" -> \"{}\";", escape::dot(&e.from), escape::dot(&e.to));
    }
    s.push_str("}\n");
    s
}

/// The map as an indented tree: each benefit, what brings it (←) and the
/// goals it serves (→); then the goals no benefit serves.
pub fn text(map: &BenefitMap) -> String {
    let mut s = String::new();
    let line = |n: &Node| format!("{}: {} ({})", kind_label(n), n.title, n.key);
    for b in &map.benefits {
        let _ = writeln!(s, "{}", line(b));
        let mut any = false;
        for e in map.to(&b.key) {
            if let Some(n) = map.node(&e.from) {
                let _ = writeln!(s, "  ← {}", line(n));
                any = true;
            }
        }
        if !any {
            let _ = writeln!(s, "  ← {}", tr!("(ingenting koblet ennå)", "(nothing linked yet)"));
        }
        let mut any = false;
        for e in map.from(&b.key) {
            if let Some(n) = map.node(&e.to) {
                let _ = writeln!(s, "  → {}", line(n));
                any = true;
            }
        }
        if !any {
            let _ = writeln!(s, "  → {}", tr!("(ingen mål ennå)", "(no goal yet)"));
        }
    }
    let lonely: Vec<&Node> = map.goals.iter().filter(|g| map.to(&g.key).next().is_none()).collect();
    if !lonely.is_empty() {
        let _ = writeln!(s, "{}", tr!("Mål ingen gevinst tjener:", "Goals no benefit serves:"));
        for g in lonely {
            let _ = writeln!(s, "  {}", line(g));
        }
    }
    s
}

/// One node in JSON (docs/schema/output/benefit-map.schema.json).
#[derive(Debug, Serialize)]
struct JsonNode<'a> {
    key: &'a str,
    id: &'a str,
    kind: &'a str,
    column: &'static str,
    title: &'a str,
}

/// The map as JSON: `{nodes: [{key, id, kind, column, title}], edges: [{from, to}]}`.
pub fn json(map: &BenefitMap) -> serde_json::Value {
    let mut nodes = Vec::new();
    for (column, list) in
        [("enabler", &map.enablers), ("benefit", &map.benefits), ("goal", &map.goals)]
    {
        for n in list {
            nodes.push(JsonNode { key: &n.key, id: &n.id, kind: n.kind, column, title: &n.title });
        }
    }
    serde_json::json!({ "nodes": nodes, "edges": map.edges })
}

/// A title in a box: up to two lines of at most `max` characters, broken
/// between words, as `<tspan>`s (the second at `x`, one line down); what
/// does not fit ends in `…`.
fn two_lines(s: &str, max: usize, x: f64) -> String {
    let mut first = String::new();
    let mut words = s.split_whitespace().peekable();
    while let Some(w) = words.peek() {
        let len = first.chars().count() + usize::from(!first.is_empty()) + w.chars().count();
        if len > max && !first.is_empty() {
            break;
        }
        if !first.is_empty() {
            first.push(' ');
        }
        first.push_str(w);
        words.next();
    }
    let rest: Vec<&str> = words.collect();
    let first = escape::html(&cut(&first, max));
    if rest.is_empty() {
        return first;
    }
    format!(
        "<tspan>{first}</tspan><tspan x=\"{x:.1}\" dy=\"15\">{}</tspan>",
        escape::html(&cut(&rest.join(" "), max))
    )
}

/// At most `max` characters of `s`, with `…` when cut.
fn cut(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_string();
    }
    let mut out: String = s.chars().take(max - 1).collect();
    out.push('…');
    out
}

/// The map as one inline SVG: three columns (what brings a benefit, the
/// benefits, the goals), a box per node with its kind and title, and a line
/// per link. No script, no fonts or images from elsewhere.
pub fn svg(map: &BenefitMap) -> String {
    const COL_W: f64 = 230.0;
    const GAP: f64 = 70.0;
    const BOX_H: f64 = 58.0;
    const ROW: f64 = 70.0;
    const TOP: f64 = 30.0;
    let columns = [&map.enablers, &map.benefits, &map.goals];
    let rows = columns.iter().map(|c| c.len()).max().unwrap_or(0).max(1);
    let width = 3.0 * COL_W + 2.0 * GAP;
    let height = TOP + rows as f64 * ROW;
    let at = |key: &str| -> Option<(usize, usize)> {
        columns
            .iter()
            .enumerate()
            .find_map(|(c, list)| list.iter().position(|n| n.key == key).map(|r| (c, r)))
    };
    let x = |c: usize| c as f64 * (COL_W + GAP);
    let y = |r: usize| TOP + r as f64 * ROW;
    let mut s = String::new();
    let _ = writeln!(
        s,
        "<svg viewBox=\"0 0 {width} {height}\" width=\"100%\" role=\"img\" aria-label=\"{}\" font-family=\"system-ui,sans-serif\">",
        escape::html(&summary(map))
    );
    let heads = [
        tr!("Det som gir gevinsten", "What brings it"),
        tr!("Gevinster", "Benefits"),
        tr!("Mål", "Goals"),
    ];
    for (c, h) in heads.iter().enumerate() {
        let _ = writeln!(
            s,
            "<text x=\"{:.1}\" y=\"18\" font-size=\"13\" font-weight=\"600\">{}</text>",
            x(c),
            escape::html(h)
        );
    }
    for e in &map.edges {
        let (Some((c1, r1)), Some((c2, r2))) = (at(&e.from), at(&e.to)) else { continue };
        let _ = writeln!(
            s,
            "<line x1=\"{:.1}\" y1=\"{:.1}\" x2=\"{:.1}\" y2=\"{:.1}\" stroke=\"#767676\"/>",
            x(c1) + COL_W,
            y(r1) + BOX_H / 2.0,
            x(c2),
            y(r2) + BOX_H / 2.0
        );
    }
    for (c, list) in columns.iter().enumerate() {
        let fill = ["#eef4fb", "#eef8f0", "#fdf5e6"][c];
        for (r, n) in list.iter().enumerate() {
            let _ = writeln!(
                s,
                "<g><title>{}</title><rect x=\"{:.1}\" y=\"{:.1}\" width=\"{COL_W}\" height=\"{BOX_H}\" rx=\"6\" fill=\"{fill}\" stroke=\"#767676\"/>\
                 <text x=\"{:.1}\" y=\"{:.1}\" font-size=\"10\" fill=\"#555\">{}</text>\
                 <text x=\"{:.1}\" y=\"{:.1}\" font-size=\"12\">{}</text></g>",
                escape::html(&n.title),
                x(c),
                y(r),
                x(c) + 8.0,
                y(r) + 16.0,
                escape::html(kind_label(n)),
                x(c) + 8.0,
                y(r) + 32.0,
                two_lines(&n.title, 34, x(c) + 8.0)
            );
        }
    }
    s.push_str("</svg>\n");
    s
}

/// The map's numbers in a sentence, its text alternative:
/// «Gevinstkart: 3 gevinster, 7 kilder til dem og 3 mål, med 13 koblinger.»
pub fn summary(map: &BenefitMap) -> String {
    use crate::i18n::counted;
    tr!(
        "Gevinstkart: {}, {} til dem og {}, med {}.",
        "Benefit map: {}, {} of them and {}, with {}.",
        counted(map.benefits.len(), ("gevinst", "gevinster"), ("benefit", "benefits")),
        counted(map.enablers.len(), ("kilde", "kilder"), ("source", "sources")),
        counted(map.goals.len(), ("mål", "mål"), ("goal", "goals")),
        counted(map.edges.len(), ("kobling", "koblinger"), ("link", "links"))
    )
}

/// Each benefit in words: what brings it and the goals it serves.
fn described(map: &BenefitMap) -> Vec<String> {
    let titles = |keys: Vec<&str>| -> String {
        keys.iter()
            .filter_map(|k| map.node(k))
            .map(|n| n.title.clone())
            .collect::<Vec<_>>()
            .join("; ")
    };
    map.benefits
        .iter()
        .map(|b| {
            let from = titles(map.to(&b.key).map(|e| e.from.as_str()).collect());
            let to = titles(map.from(&b.key).map(|e| e.to.as_str()).collect());
            let mut line = b.title.clone();
            if !from.is_empty() {
                line.push_str(&tr!(" ← {from}", " ← {from}"));
            }
            if !to.is_empty() {
                line.push_str(&tr!(" → {to}", " → {to}"));
            }
            line
        })
        .collect()
}

/// The report's Markdown section on the map (nothing when nothing is linked).
pub fn report_md(map: &BenefitMap) -> String {
    if !map.has_links() {
        return String::new();
    }
    let lines: String = described(map).iter().map(|l| format!("- {}\n", escape::md(l))).collect();
    format!(
        "## {}\n\n{}\n*{}*\n\n{lines}\n",
        tr!("Gevinstkart", "Benefit map"),
        mermaid(map),
        escape::md(&summary(map))
    )
}

/// The report's HTML section on the map (nothing when nothing is linked).
pub fn report_html(map: &BenefitMap) -> String {
    if !map.has_links() {
        return String::new();
    }
    let lines: String =
        described(map).iter().map(|l| format!("<li>{}</li>", escape::html(l))).collect();
    format!(
        "<div class=\"keep\"><h2>{}</h2>\n<figure class=\"chart map\">\n{}<figcaption>{}<ul>{lines}</ul></figcaption></figure></div>\n",
        escape::html(&tr!("Gevinstkart", "Benefit map")),
        svg(map),
        escape::html(&summary(map))
    )
}
