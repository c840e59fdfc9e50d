//! The project as a static site: a front page, a page per phase and a page
//! per area, an A–Å index of everything on them, linked to each other by a
//! menu on every page. Each page is a [`Doc`] rendered by the one HTML
//! renderer: self-contained, no script, nothing fetched from elsewhere.
//! Pages with nothing to show are left out, and so are their links.

use super::doc::{self, Block, Cell, Doc, Item, Span, Table};
use super::report as sections;
use crate::app::checklist::{ItemResult, PhaseResult};
use crate::app::site::Site;
use crate::model::idea::STATUS;
use crate::model::{checklist, number};
use crate::tr;

/// One page: its file name, its name in the menu, and its content.
pub struct Page {
    pub file: String,
    pub menu: String,
    pub doc: Doc,
    /// What the A–Å index lists from this page.
    pub terms: Vec<String>,
}

fn page(file: &str, menu: String, title: String, subtitle: Option<String>) -> Page {
    Page {
        file: file.to_string(),
        menu,
        doc: Doc { title, subtitle, blocks: Vec::new() },
        terms: Vec::new(),
    }
}

fn link(text: impl Into<String>, href: impl Into<String>) -> Span {
    Span::Link { text: text.into(), href: href.into() }
}

/// A phase's page file: `fase-innsikt.html`.
fn phase_file(id: &str) -> String {
    let slug: String =
        id.chars().map(|c| if c.is_ascii_alphanumeric() || c == '-' { c } else { '-' }).collect();
    format!("fase-{slug}.html")
}

/// Every page of the site, the front page first and the index last.
pub fn pages(site: &Site) -> Vec<Page> {
    let r = &site.report;
    let sub = Some(subtitle(site));
    let mut out: Vec<Page> = Vec::new();

    for p in &site.eval.phases {
        let mut pg = page(
            &phase_file(&p.phase.id),
            p.phase.name().to_string(),
            tr!("Fase: {}", "Phase: {}", p.phase.name()),
            sub.clone(),
        );
        phase_page(&mut pg.doc, p, &r.phase.id);
        pg.terms.push(p.phase.name().to_string());
        out.push(pg);
    }

    let mut area = |file: &str, menu: String, fill: &dyn Fn(&mut Doc), terms: Vec<String>| {
        let mut pg = page(file, menu.clone(), menu, sub.clone());
        fill(&mut pg.doc);
        if !pg.doc.blocks.is_empty() {
            pg.terms = terms;
            out.push(pg);
        }
    };
    let mut benefit_terms: Vec<String> = r.indicators.iter().map(|i| i.name.clone()).collect();
    benefit_terms.extend(r.indicators.iter().map(|i| i.benefit_title.clone()));
    area(
        "gevinster.html",
        tr!("Gevinster", "Benefits"),
        &|d| {
            sections::benefits(d, r);
            sections::economics_and_map(d, r);
        },
        benefit_terms,
    );
    let mut journey_terms: Vec<String> = r.journey.iter().map(|s| s.title.clone()).collect();
    journey_terms
        .extend(r.journey.iter().flat_map(|s| s.touchpoints.iter().map(|t| t.title.clone())));
    journey_terms.extend(r.touchpoints.iter().map(|t| t.title.clone()));
    area(
        "reisen.html",
        tr!("Tjenestereisen", "Service journey"),
        &|d| sections::journey(d, r),
        journey_terms,
    );
    let mut raci_terms: Vec<String> = r.raci.activities.iter().map(|a| a.title.clone()).collect();
    raci_terms.extend(r.raci.roles.iter().map(|x| x.name.clone()));
    area("huki.html", tr!("HUKI-matrisen", "RACI matrix"), &|d| sections::raci(d, r), raci_terms);
    area(
        "rutiner.html",
        tr!("Rutiner og eier", "Routines and owner"),
        &|d| {
            sections::owner(d, r);
            sections::routines(d, r);
        },
        r.routines.iter().map(|x| x.title.clone()).collect(),
    );
    area(
        "ideer.html",
        tr!("Idéer", "Ideas"),
        &|d| ideas_page(d, site),
        site.ideas.iter().map(|i| i.title.clone()).collect(),
    );
    area(
        "forslag.html",
        tr!("Løsningsforslag", "Proposals"),
        &|d| sections::proposals(d, r),
        r.proposals.iter().map(|p| p.title.clone()).collect(),
    );
    area(
        "teknologi.html",
        tr!("Teknologi", "Technology"),
        &|d| sections::technology(d, r),
        r.technology_options.iter().map(|t| t.name.clone()).collect(),
    );
    let mut deviation_terms: Vec<String> = r.deviations.iter().map(|x| x.title.clone()).collect();
    deviation_terms.extend(site.closed_deviations.iter().map(|x| x.title.clone()));
    area(
        "avvik.html",
        tr!("Avvik", "Deviations"),
        &|d| {
            sections::deviations(d, r);
            closed_deviations(d, site);
        },
        deviation_terms,
    );
    area(
        "leverandorer.html",
        tr!("Leverandører", "Suppliers"),
        &|d| suppliers_page(d, site),
        site.suppliers.iter().map(|s| s.name.clone()).collect(),
    );
    area(
        "statusrapporter.html",
        tr!("Statusrapporter", "Status reports"),
        &|d| status_reports_page(d, site),
        Vec::new(),
    );
    area("logg.html", tr!("Loggen", "Log"), &|d| sections::log_sections(d, r), Vec::new());

    // The front page, linking every page; then the index of every term.
    let mut front = page("index.html", tr!("Forside", "Home"), r.project.name.clone(), sub.clone());
    front_page(&mut front.doc, site, &out);
    let mut register = page(
        "register.html",
        tr!("Register A–Å", "Index A–Z"),
        tr!("Register A–Å", "Index A–Z"),
        sub,
    );
    register_page(&mut register.doc, &out);
    out.insert(0, front);
    out.push(register);
    out
}

fn subtitle(site: &Site) -> String {
    let r = &site.report;
    let mut parts: Vec<String> = Vec::new();
    parts.extend(r.project.municipality.clone());
    parts.extend(r.project.service.clone());
    parts.push(tr!("per {}", "as of {}", r.as_of));
    parts.join(" · ")
}

fn front_page(d: &mut Doc, site: &Site, pages: &[Page]) {
    let r = &site.report;
    if let Some(p) = &r.project.problem {
        d.push(Block::Quote(p.clone()));
    }
    if let Some(v) = &site.latest {
        d.push(super::status_report::report_block(v));
    }
    d.heading(2, tr!("Hvor prosjektet står", "Where the project stands"), "fase");
    d.para(vec![
        Span::Text(tr!("Fasen nå: ", "The phase now: ")),
        link(&r.phase.name, phase_file(&r.phase.id)),
        Span::Text(tr!(
            " (fase {} av {}). Sjekklisten: {} ferdige.",
            " (phase {} of {}). The checklist: {} finished.",
            r.phase.position,
            r.phase.of,
            crate::i18n::items_of(r.checklist.finished, r.checklist.total)
        )),
    ]);
    if r.checklist.unfinished > 0 {
        d.para(doc::text(tr!("Dette gjenstår:", "Still to do:")));
        d.push(Block::List {
            ordered: false,
            items: r
                .checklist
                .unfinished_items
                .iter()
                .map(|i| {
                    Item::new(vec![
                        Span::Text(format!("{} ", i.text)),
                        Span::Em(format!("({})", checklist::status_label(&i.status))),
                    ])
                })
                .collect(),
        });
    }
    if !r.indicators.is_empty() {
        d.heading(2, tr!("Gevinstene i korte trekk", "The benefits at a glance"), "gevinster");
        let mut t = Table::new(
            tr!("Indikatorene per {}", "The indicators as of {}", r.as_of),
            crate::i18n::pick(
                vec!["Indikator", "Siste", "Mål", "Oppnådd", "Tilstand"],
                vec!["Indicator", "Latest", "Target", "Achieved", "State"],
            )
            .into_iter()
            .map(String::from)
            .collect(),
        )
        .right(&[1, 2, 3])
        .row_heads();
        for i in &r.indicators {
            let value = |v: Option<f64>| sections::num(v, &i.unit);
            let mut achieved = doc::text(sections::percent(i.achievement));
            achieved.extend(i.achievement.map(Span::Bar));
            t.row(vec![
                Cell::spans(vec![link(&i.name, "gevinster.html")]),
                Cell::new(value(i.latest)),
                Cell::new(value(i.target)),
                Cell::spans(achieved),
                Cell::new(i.state.label()).class(i.state.key()),
            ]);
        }
        d.push(Block::Table(t));
    }
    d.heading(2, tr!("Sidene", "The pages"), "sider");
    d.push(Block::List {
        ordered: false,
        items: pages.iter().map(|p| Item::new(vec![link(&p.doc.title, &p.file)])).collect(),
    });
    d.push(Block::Para(vec![link(
        tr!("Register A–Å over alt på sidene", "An A–Z index of everything on the pages"),
        "register.html",
    )]));
}

/// A phase's checklist: each item, whether it is finished, what the data
/// says and the answer with its evidence.
fn phase_page(d: &mut Doc, p: &PhaseResult, current: &str) {
    let now = if p.phase.id == current {
        tr!(" Prosjektet er i denne fasen nå.", " The project is in this phase now.")
    } else {
        String::new()
    };
    d.para(doc::text(format!(
        "{}{now}",
        tr!("Sjekklisten: {}.", "The checklist: {}.", crate::app::checklist::progress(p))
    )));
    if let Some(c) = &p.closed {
        let mut line = tr!("Fasen ble lukket", "The phase was closed");
        if let Some(date) = c.date {
            line.push_str(&tr!(" {date}", " on {date}"));
        }
        if let Some(by) = &c.by {
            line.push_str(&tr!(" av {by}", " by {by}"));
        }
        line.push('.');
        d.para(doc::text(line));
    }
    let mut t = Table::new(
        tr!("Sjekklisten for {}", "The checklist for {}", p.phase.name()),
        crate::i18n::pick(
            vec!["Punkt", "Ferdig", "Status", "Dataene", "Svar og belegg"],
            vec!["Item", "Finished", "Status", "The data", "Answer and evidence"],
        )
        .into_iter()
        .map(String::from)
        .collect(),
    )
    .row_heads();
    for i in &p.items {
        t.row(item_row(i));
    }
    d.push(Block::Table(t));
}

fn item_row(i: &ItemResult) -> Vec<Cell> {
    let finished = if i.state.finished {
        Cell::new(tr!("ja", "yes")).class("green")
    } else {
        Cell::new(tr!("nei", "no")).class("red")
    };
    let answer = i.answer.as_ref().map(super::checklist::answer_line).unwrap_or_default();
    vec![
        Cell::new(i.item.text()),
        finished,
        Cell::new(checklist::status_label(&i.state.status)),
        Cell::new(i.outcome.as_ref().map(|o| o.detail.clone()).unwrap_or_default()),
        Cell::new(answer),
    ]
}

fn ideas_page(d: &mut Doc, site: &Site) {
    if site.ideas.is_empty() {
        return;
    }
    sections::ideas(d, &site.report);
    let mut t = Table::new(
        tr!("Alle idéene, høyest prioritet først", "Every idea, highest priority first"),
        crate::i18n::pick(
            vec!["Idé", "Status", "Prioritet", "Sendt inn"],
            vec!["Idea", "Status", "Priority", "Submitted"],
        )
        .into_iter()
        .map(String::from)
        .collect(),
    )
    .right(&[2])
    .row_heads();
    for i in &site.ideas {
        t.row(vec![
            Cell::new(&i.title),
            Cell::new(STATUS.label(&i.status)),
            Cell::new(i.priority.map_or("–".to_string(), number::format)),
            Cell::new(i.submitted.map_or("–".to_string(), |d| d.to_string())),
        ]);
    }
    d.push(Block::Table(t));
}

fn closed_deviations(d: &mut Doc, site: &Site) {
    if site.closed_deviations.is_empty() {
        return;
    }
    d.heading(2, tr!("Lukkede avvik", "Closed deviations"), "lukket");
    d.push(Block::List {
        ordered: false,
        items: site
            .closed_deviations
            .iter()
            .map(|x| {
                let mut s = x.title.clone();
                if let Some(c) = x.closed {
                    s.push_str(&tr!(" (lukket {c})", " (closed {c})"));
                }
                if let Some(n) = &x.close_note {
                    s.push_str(&format!(": {}", n.lines().next().unwrap_or_default()));
                }
                Item::new(doc::text(s))
            })
            .collect(),
    });
}

fn suppliers_page(d: &mut Doc, site: &Site) {
    for s in &site.suppliers {
        d.heading(2, s.name.clone(), "");
        if let Some(c) = &s.contract {
            d.para(doc::text(tr!("Avtale: {c}", "Contract: {c}")));
        }
        if s.reviews.is_empty() {
            d.para(doc::text(tr!("Ikke vurdert ennå.", "Not reviewed yet.")));
            continue;
        }
        let mut t = Table::new(
            tr!("Vurderingene av {}", "The reviews of {}", s.name),
            crate::i18n::pick(
                vec!["Dato", "Vurdering (1–5)", "Merknad"],
                vec!["Date", "Score (1–5)", "Note"],
            )
            .into_iter()
            .map(String::from)
            .collect(),
        )
        .right(&[1]);
        let mut reviews = s.reviews.clone();
        reviews.sort_by_key(|r| std::cmp::Reverse(r.date));
        for r in &reviews {
            t.row(vec![
                Cell::new(r.date.map_or("–".to_string(), |d| d.to_string())),
                Cell::new(r.score.to_string()),
                Cell::new(r.note.clone().unwrap_or_default()),
            ]);
        }
        d.push(Block::Table(t));
    }
}

/// Every status report: one row each with its lights, newest first; then
/// each report's lights with their comments.
fn status_reports_page(d: &mut Doc, site: &Site) {
    if site.status_reports.is_empty() {
        return;
    }
    let Some(first) = site.status_reports.first() else { return };
    let mut head = vec![tr!("Periode", "Period")];
    head.extend(first.lights.iter().map(|l| l.name.to_string()));
    head.push(tr!("Publisert", "Published"));
    let mut t = Table::new(
        tr!("Statusrapportene, de nyeste først", "The status reports, newest first"),
        head,
    )
    .row_heads();
    for v in &site.status_reports {
        let mut row = vec![Cell::new(&v.period)];
        row.extend(v.lights.iter().map(|l| Cell::new(&l.label).class(light_class(&l.value))));
        row.push(Cell::new(v.published.map_or(tr!("utkast", "draft"), |p| p.to_string())));
        t.row(row);
    }
    d.push(Block::Table(t));
    for v in &site.status_reports {
        d.push(super::status_report::report_block(v));
    }
}

/// The class that colours a light's word.
fn light_class(value: &str) -> &'static str {
    match value {
        "green" => "green",
        "yellow" => "yellow",
        _ => "red",
    }
}

/// A sort key that puts æ, ø and å after z, as Norwegian does.
fn collation(s: &str) -> String {
    s.to_lowercase()
        .chars()
        .map(|c| match c {
            'æ' | 'ä' => '{',
            'ø' | 'ö' => '|',
            'å' => '}',
            c => c,
        })
        .collect()
}

/// Every term on the pages, A–Å, under its first letter, each linked to
/// the page it is on.
fn register_page(d: &mut Doc, pages: &[Page]) {
    let mut terms: Vec<(String, &str, &str)> = pages
        .iter()
        .flat_map(|p| p.terms.iter().map(move |t| (collation(t), t.as_str(), p.file.as_str())))
        .collect();
    terms.sort();
    terms.dedup_by(|a, b| a.1 == b.1 && a.2 == b.2);
    let page_name =
        |file: &str| pages.iter().find(|p| p.file == file).map_or("", |p| p.menu.as_str());
    let mut letter = String::new();
    let mut items: Vec<Item> = Vec::new();
    let flush = |d: &mut Doc, letter: &str, items: &mut Vec<Item>| {
        if !items.is_empty() {
            d.heading(2, letter.to_string(), "");
            d.push(Block::List { ordered: false, items: std::mem::take(items) });
        }
    };
    for (_, term, file) in terms {
        let first: String =
            term.chars().next().map(|c| c.to_uppercase().collect()).unwrap_or_default();
        let first = if first.chars().all(char::is_alphabetic) { first } else { "#".to_string() };
        if first != letter {
            flush(d, &letter, &mut items);
            letter = first;
        }
        items
            .push(Item::new(vec![link(term, file), Span::Text(format!(" — {}", page_name(file)))]));
    }
    flush(d, &letter, &mut items);
}

/// The menu on every page: each page by name, the current one marked.
fn nav(pages: &[Page], current: &str) -> String {
    let mut s = format!(
        "<nav class=\"site\" aria-label=\"{}\">",
        super::escape::html(&tr!("Sidene i prosjektet", "The project's pages"))
    );
    for p in pages {
        let here = if p.file == current { " aria-current=\"page\"" } else { "" };
        s.push_str(&format!(
            "<a href=\"{}\"{here}>{}</a> ",
            super::escape::html(&p.file),
            doc::html_text(&p.menu)
        ));
    }
    s.push_str("</nav>\n");
    s
}

/// Every page as (file name, HTML).
pub fn render(site: &Site) -> Vec<(String, String)> {
    let pages = pages(site);
    let lang = crate::i18n::pick("nb", "en");
    pages
        .iter()
        .map(|p| (p.file.clone(), doc::html_page(&p.doc, lang, &nav(&pages, &p.file))))
        .collect()
}
