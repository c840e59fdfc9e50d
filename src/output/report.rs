//! The report as a [`Doc`]: one list of sections, rendered to Markdown
//! (tables, progress bars and Mermaid charts, which GitHub and GitLab draw,
//! or SVG files beside it) and to one self-contained HTML page, so both
//! carry the same content. Sections with nothing to say are left out.
//! Pure functions of the report: no I/O.

use super::chart::Chart;
use super::doc::{self, Block, Cell, Doc, Item, MdCharts, Span, Table};
use crate::app::report::{ActionReport, IndicatorReport, Report, TechnologyReport};
use crate::model::date::Date;
use crate::model::idea::STATUS;
use crate::model::{deviation, log, number};
use crate::tr;

/// A value with its unit, `–` when missing.
pub fn num(v: Option<f64>, unit: &str) -> String {
    match v {
        Some(v) if unit.is_empty() => number::format(v),
        Some(v) => format!("{} {unit}", number::format(v)),
        None => "–".to_string(),
    }
}

fn date(d: Option<Date>) -> String {
    d.map_or("–".to_string(), |d| d.to_string())
}

/// An achievement as a whole percentage, `–` when missing.
pub fn percent(a: Option<f64>) -> String {
    a.map_or("–".to_string(), |a| format!("{} %", a.round() as i64))
}

fn trend(i: &IndicatorReport) -> String {
    i.trend.map_or("–".to_string(), |t| t.label())
}

fn subtitle(r: &Report) -> String {
    let mut parts: Vec<String> = Vec::new();
    if let Some(m) = &r.project.municipality {
        parts.push(m.clone());
    }
    if let Some(s) = &r.project.service {
        parts.push(s.clone());
    }
    parts.push(tr!("per {}", "as of {}", r.as_of));
    parts.join(" · ")
}

fn phase_line(r: &Report) -> String {
    tr!(
        "{} (fase {} av {}). Sjekklisten for fasen: {} ferdige.",
        "{} (phase {} of {}). The phase's checklist: {} finished.",
        r.phase.name,
        r.phase.position,
        r.phase.of,
        crate::i18n::items_of(r.checklist.finished, r.checklist.total)
    )
}

fn action_line(a: &ActionReport) -> String {
    let state = match (a.done, a.due, a.overdue) {
        (Some(d), ..) => tr!("gjort {d}", "done {d}"),
        (None, Some(d), true) => tr!("frist {d}, forfalt", "due {d}, overdue"),
        (None, Some(d), false) => tr!("frist {d}", "due {d}"),
        (None, None, _) => tr!("ingen frist", "no due date"),
    };
    let note = a.note.as_deref().map(|n| format!(": {n}")).unwrap_or_default();
    format!("{} — {}, {state}{note}", a.text, a.owner_name)
}

/// The footer: what `veikart check` found, the command as code.
fn check_line(r: &Report) -> Vec<Span> {
    use crate::i18n::counted;
    let files = counted(r.check.files, ("fil", "filer"), ("file", "files"));
    let command = Span::Code("veikart check".into());
    let found = if r.check.errors == 0 && r.check.warnings == 0 {
        tr!(" fant ingen problemer i {files}.", " found no problems in {files}.")
    } else {
        tr!(
            " fant {} og {} i {files}.",
            " found {} and {} in {files}.",
            counted(r.check.errors, ("feil", "feil"), ("error", "errors")),
            counted(r.check.warnings, ("advarsel", "advarsler"), ("warning", "warnings"))
        )
    };
    let mut spans = vec![command.clone(), Span::Text(found)];
    if r.check.errors > 0 {
        spans.push(Span::Text(tr!(" Kjør ", " Run ")));
        spans.push(command);
        spans.push(Span::Text(tr!(" for å se dem.", " to see them.")));
    }
    spans
}

fn idea_counts(r: &Report) -> String {
    let counts: Vec<String> = STATUS
        .keys()
        .into_iter()
        .filter_map(|k| {
            let n = r.ideas.by_status.get(k).copied().unwrap_or(0);
            (n > 0).then(|| format!("{} {n}", STATUS.label(k)))
        })
        .collect();
    tr!(
        "{}, {} åpne ({}).",
        "{}, {} open ({}).",
        crate::model::idea::SPEC.count(r.ideas.total),
        r.ideas.open,
        counts.join(", ")
    )
}

/// `Valgt: Pasientvarsling (kjøpe, 21 av 25 poeng) – fordi …`.
fn technology_line(t: &TechnologyReport) -> String {
    let how = t.decision.as_deref().map(|d| crate::model::technology::DECISION.label(d));
    let mut line = match how {
        Some(h) => tr!(
            "Valgt: {} ({h}, {} av 25 poeng)",
            "Chosen: {} ({h}, {} of 25 points)",
            t.name,
            t.total
        ),
        None => tr!("Valgt: {} ({} av 25 poeng)", "Chosen: {} ({} of 25 points)", t.name, t.total),
    };
    if let Some(r) = &t.reason {
        line.push_str(&format!(" – {}", r.lines().next().unwrap_or_default()));
    }
    line
}

/// A light's word and its colour class, for tables.
fn cell_state(i: &IndicatorReport) -> Cell {
    Cell::new(i.state.label()).class(i.state.key())
}

/// The chart of an indicator, with its text alternative.
pub fn chart(i: &IndicatorReport) -> Chart {
    Chart {
        key: i.id.clone(),
        name: i.name.clone(),
        unit: i.unit.clone(),
        series: i.series.iter().map(|p| (p.date, p.value)).collect(),
        planned: i.planned_points.iter().map(|p| (p.date, p.value)).collect(),
        baseline: i.baseline,
        baseline_date: i.baseline_date,
        target: i.target,
        by: i.by,
        text: chart_text(i),
    }
}

/// The chart's numbers in words, its text alternative: baseline, target and
/// deadline, the first and the latest value, the planned value on its date,
/// and the state.
fn chart_text(i: &IndicatorReport) -> String {
    let n = |v: f64| num(Some(v), &i.unit);
    let mut first: Vec<String> = Vec::new();
    if let Some(b) = i.baseline {
        first.push(match i.baseline_date {
            Some(d) => tr!("nullpunkt {} ({d})", "baseline {} ({d})", n(b)),
            None => tr!("nullpunkt {}", "baseline {}", n(b)),
        });
    }
    if let Some(t) = i.target {
        first.push(match i.by {
            Some(by) => tr!("mål {} innen fristen {by}", "target {} by the deadline {by}", n(t)),
            None => tr!("mål {}", "target {}", n(t)),
        });
    }
    let mut out = format!("{}: ", i.name);
    if !first.is_empty() {
        out.push_str(&first.join(", "));
        out.push_str(". ");
    }
    if i.series.len() > 1
        && let Some(p) = i.series.first()
    {
        out.push_str(&tr!(
            "{} målinger, den første {} ({}). ",
            "{} measurements, the first {} ({}). ",
            i.series.len(),
            n(p.value),
            p.date
        ));
    }
    if let (Some(v), Some(d)) = (i.latest, i.latest_date) {
        out.push_str(&tr!("Siste verdi {} ({d})", "Latest value {} ({d})", n(v)));
        if let Some(p) = i.planned {
            out.push_str(&tr!(", planlagt {} den dagen", ", planned {} on that day", n(p)));
        }
        out.push_str(&format!(": {}.", i.state.label()));
    } else {
        out.push_str(&format!("{}.", i.state.label()));
    }
    out
}

fn h2(d: &mut Doc, text: String, id: &str) {
    d.heading(2, text, id);
}

fn para(d: &mut Doc, s: String) {
    d.para(doc::text(s));
}

fn list(d: &mut Doc, items: Vec<Item>) {
    if !items.is_empty() {
        d.push(Block::List { ordered: false, items });
    }
}

fn heads(nb: &[&str], en: &[&str]) -> Vec<String> {
    crate::i18n::pick(nb, en).iter().map(|s| s.to_string()).collect()
}

/// Every section of the report, in the roadmap's order.
pub fn doc(r: &Report) -> Doc {
    let mut d = Doc {
        title: format!("{}: {}", tr!("Fremdriftsrapport", "Progress report"), r.project.name),
        subtitle: Some(subtitle(r)),
        blocks: Vec::new(),
    };
    r.status_report.iter().for_each(|v| d.push(super::status_report::report_block(v)));
    if let Some(p) = &r.project.problem {
        d.push(Block::Quote(p.clone()));
    }
    phase(&mut d, r);
    benefits(&mut d, r);
    economics_and_map(&mut d, r);
    deviations(&mut d, r);
    suppliers(&mut d, r);
    ideas(&mut d, r);
    proposals(&mut d, r);
    technology(&mut d, r);
    journey(&mut d, r);
    raci(&mut d, r);
    routines(&mut d, r);
    owner(&mut d, r);
    r.since_last.iter().for_each(|x| d.push(super::status_report::since_last_block(x)));
    log_sections(&mut d, r);
    d.push(Block::Note(check_line(r)));
    d
}

/// The economics, where any benefit is valued or any cost recorded, and
/// the benefit map, where anything is linked.
pub fn economics_and_map(d: &mut Doc, r: &Report) {
    if let Some(e) = &r.economics {
        d.push(Block::Raw {
            md: crate::output::economics::report_markdown(e),
            html: crate::output::economics::report_html(e),
        });
    }
    if r.benefit_map.has_links() {
        d.push(Block::Raw {
            md: super::benefit_map::report_md(&r.benefit_map),
            html: super::benefit_map::report_html(&r.benefit_map),
        });
    }
}

pub fn phase(d: &mut Doc, r: &Report) {
    h2(d, tr!("Fase og det som gjenstår", "Phase and what is left"), "fase");
    para(d, phase_line(r));
    if r.checklist.unfinished > 0 {
        para(d, tr!("Dette gjenstår:", "Still to do:"));
        let items = r
            .checklist
            .unfinished_items
            .iter()
            .map(|i| {
                let mut spans = vec![
                    Span::Text(format!("{} ", i.text)),
                    Span::Em(format!("({})", crate::model::checklist::status_label(&i.status))),
                ];
                if let Some(x) = &i.detail {
                    spans.push(Span::Text(format!(" — {x}")));
                }
                Item::new(spans)
            })
            .collect();
        list(d, items);
    }
}

pub fn benefits(d: &mut Doc, r: &Report) {
    if r.indicators.is_empty() {
        return;
    }
    h2(d, tr!("Gevinstrealisering", "Benefit realisation"), "gevinster");
    let mut t = Table::new(
        tr!("Måleindikatorer per {}", "Indicators as of {}", r.as_of),
        heads(
            &[
                "Gevinst",
                "Indikator",
                "Nullpunkt",
                "Mål",
                "Innen",
                "Siste",
                "Oppnådd",
                "Utvikling",
                "Tilstand",
            ],
            &[
                "Benefit",
                "Indicator",
                "Baseline",
                "Target",
                "By",
                "Latest",
                "Achieved",
                "Trend",
                "State",
            ],
        ),
    )
    .right(&[2, 3, 5, 6]);
    for i in &r.indicators {
        let mut achieved = doc::text(percent(i.achievement));
        if let Some(a) = i.achievement {
            achieved.push(Span::Bar(a));
        }
        t.row(vec![
            Cell::new(&i.benefit_title),
            Cell::new(&i.name),
            Cell::new(num(i.baseline, &i.unit)),
            Cell::new(num(i.target, &i.unit)),
            Cell::new(date(i.by)),
            Cell::new(num(i.latest, &i.unit)),
            Cell::spans(achieved),
            Cell::new(trend(i)),
            cell_state(i),
        ]);
    }
    d.push(Block::Table(t));
    for i in r.indicators.iter().filter(|i| !i.series.is_empty()) {
        d.push(Block::Chart(Box::new(chart(i))));
    }
}

pub fn deviations(d: &mut Doc, r: &Report) {
    if r.deviations.is_empty() {
        return;
    }
    h2(d, tr!("Åpne avvik og tiltak", "Open deviations and actions"), "avvik");
    let items = r
        .deviations
        .iter()
        .map(|x| {
            let kind = x.kind.as_deref().map(|k| deviation::KIND.label(k).to_string());
            let meta: Vec<String> = kind.into_iter().chain(x.date.map(|d| d.to_string())).collect();
            let mut spans = vec![Span::Strong(x.title.clone())];
            if !meta.is_empty() {
                spans.push(Span::Text(format!(" ({})", meta.join(", "))));
            }
            let mut children: Vec<Item> = x
                .actions
                .iter()
                .map(|a| Item::new(doc::text(action_line(a))).class(a.overdue.then_some("overdue")))
                .collect();
            if children.is_empty() {
                children.push(Item::new(doc::text(tr!(
                    "ingen tiltak ennå",
                    "no corrective action yet"
                ))));
            }
            Item::new(spans).children(children)
        })
        .collect();
    list(d, items);
}

pub fn suppliers(d: &mut Doc, r: &Report) {
    if r.suppliers.is_empty() {
        return;
    }
    h2(d, tr!("Leverandører", "Suppliers"), "leverandorer");
    let mut t = Table::new(
        tr!("Siste vurdering av hver leverandør", "Each supplier's latest review"),
        heads(
            &["Leverandør", "Vurdering (1–5)", "Dato", "Merknad"],
            &["Supplier", "Score (1–5)", "Date", "Note"],
        ),
    )
    .right(&[1])
    .row_heads();
    for sup in &r.suppliers {
        let score = sup.score().map_or("–".to_string(), |v| v.to_string());
        let note = sup.latest_review.as_ref().and_then(|x| x.note.clone()).unwrap_or_default();
        t.row(vec![
            Cell::new(&sup.name),
            Cell::new(score),
            Cell::new(date(sup.date())),
            Cell::new(note),
        ]);
    }
    d.push(Block::Table(t));
}

pub fn ideas(d: &mut Doc, r: &Report) {
    if r.ideas.total == 0 {
        return;
    }
    h2(d, tr!("Idéer", "Ideas"), "ideer");
    para(d, idea_counts(r));
    if !r.ideas.top.is_empty() {
        para(d, tr!("Høyest prioriterte åpne idéer:", "Top open ideas:"));
        let items = r
            .ideas
            .top
            .iter()
            .map(|i| {
                Item::new(doc::text(format!(
                    "{} ({}, {})",
                    i.title,
                    num(i.priority, ""),
                    STATUS.label(&i.status)
                )))
            })
            .collect();
        d.push(Block::List { ordered: true, items });
    }
}

pub fn proposals(d: &mut Doc, r: &Report) {
    use crate::model::proposal::{DECISION, STATUS as P_STATUS, WITH};
    if r.proposals.is_empty() {
        return;
    }
    h2(d, tr!("Løsningsforslag og brukertester", "Proposals and user tests"), "forslag");
    let items = r
        .proposals
        .iter()
        .map(|p| {
            let mut meta = vec![P_STATUS.label(&p.status).to_string()];
            if let Some(x) = p.decided {
                meta.push(tr!("besluttet {x}", "decided {x}"));
            }
            if let Some(c) = p.cost {
                meta.push(super::economics::kroner(c));
            }
            let mut spans =
                vec![Span::Strong(p.title.clone()), Span::Text(format!(" ({})", meta.join(", ")))];
            if let Some(reason) = &p.reason {
                spans.push(Span::Text(format!(" – {}", reason.lines().next().unwrap_or_default())));
            }
            let tests = p
                .tests
                .iter()
                .map(|t| {
                    let with: Vec<&str> = t.with.iter().map(|w| WITH.label(w)).collect();
                    let mut who = with.join(", ");
                    if let Some(n) = t.participants {
                        who = tr!("{who}, {n} deltakere", "{who}, {n} participants");
                    }
                    let feedback = sentence(t.feedback.lines().next().unwrap_or_default());
                    let mut line = if who.is_empty() {
                        format!("{} {}: {feedback}", tr!("Brukertest", "User test"), date(t.date))
                    } else {
                        format!(
                            "{} {} ({who}): {feedback}",
                            tr!("Brukertest", "User test"),
                            date(t.date)
                        )
                    };
                    if let Some(x) = &t.decision {
                        line.push_str(&tr!(
                            " Beslutning: {}.",
                            " Decision: {}.",
                            DECISION.label(x)
                        ));
                    }
                    Item::new(doc::text(line))
                })
                .collect();
            Item::new(spans).children(tests)
        })
        .collect();
    list(d, items);
}

pub fn technology(d: &mut Doc, r: &Report) {
    use crate::model::technology::{CRITERION, STATUS as T_STATUS};
    if r.technology_options.is_empty() && r.technology.is_empty() {
        return;
    }
    h2(d, tr!("Teknologi", "Technology"), "teknologi");
    list(d, r.technology.iter().map(|t| Item::new(doc::text(technology_line(t)))).collect());
    if !r.technology_options.is_empty() {
        let mut head = vec![tr!("Alternativ", "Option")];
        head.extend(
            CRITERION
                .keys()
                .into_iter()
                .map(|c| crate::model::technology::CRITERION.label(c).to_string()),
        );
        head.push(tr!("Sum (av 25)", "Total (of 25)"));
        head.push(tr!("Status", "Status"));
        let mut t = Table::new(
            tr!("Vurdering på de fem kriteriene (1–5)", "Scores on the five criteria (1–5)"),
            head,
        )
        .right(&[1, 2, 3, 4, 5, 6])
        .row_heads();
        for o in &r.technology_options {
            let mut row = vec![Cell::new(&o.name)];
            row.extend(
                o.scores
                    .iter()
                    .map(|s| Cell::new(s.score.map_or("–".to_string(), |v| v.to_string()))),
            );
            row.push(Cell::new(o.total.to_string()));
            row.push(Cell::new(T_STATUS.label(&o.status)));
            t.row(row);
        }
        d.push(Block::Table(t));
    }
}

pub fn journey(d: &mut Doc, r: &Report) {
    use crate::model::journey::JOURNEY;
    use crate::model::touchpoint::{CHANGE, CHANNEL};
    if r.journey.is_empty() && r.touchpoints.is_empty() {
        return;
    }
    h2(
        d,
        tr!("Tjenestereisen og kontaktpunktene", "The service journey and its touchpoints"),
        "reisen",
    );
    let channels = CHANNEL.keys();
    let mut head = vec![tr!("Steg", "Step")];
    head.extend(channels.iter().map(|c| doc::sentence_case(CHANNEL.label(c))));
    let point = |t: &crate::app::report::TouchpointReport| match &t.change {
        Some(c) => format!("{} ({})", t.title, CHANGE.label(c)),
        None => t.title.clone(),
    };
    for which in JOURNEY.keys().into_iter().rev() {
        let steps: Vec<_> = r.journey.iter().filter(|s| s.journey == which).collect();
        if steps.is_empty() {
            continue;
        }
        // Without a touchpoint, the steps in order are all there is to show.
        if steps.iter().all(|s| s.touchpoints.is_empty()) {
            para(d, format!("{}:", doc::sentence_case(JOURNEY.label(which))));
            let items = steps.iter().map(|s| Item::new(doc::text(&s.title))).collect();
            d.push(Block::List { ordered: true, items });
            continue;
        }
        let mut t = Table::new(
            tr!(
                "{}: kontaktpunkter etter kanal",
                "{}: touchpoints by channel",
                doc::sentence_case(JOURNEY.label(which))
            ),
            head.clone(),
        )
        .row_heads();
        for (n, s) in steps.iter().enumerate() {
            let mut row = vec![Cell::new(format!("{}. {}", n + 1, s.title))];
            for c in &channels {
                let here: Vec<String> =
                    s.touchpoints.iter().filter(|t| t.channel == *c).map(point).collect();
                row.push(Cell::new(here.join("; ")));
            }
            t.row(row);
        }
        d.push(Block::Table(t));
    }
    if !r.touchpoints.is_empty() {
        para(d, tr!("Kontaktpunkter uten steg:", "Touchpoints on no step:"));
        list(
            d,
            r.touchpoints
                .iter()
                .map(|t| {
                    Item::new(doc::text(format!("{} ({})", point(t), CHANNEL.label(&t.channel))))
                })
                .collect(),
        );
    }
}

/// Text that ends as a sentence does (a full stop added when it has none).
fn sentence(s: &str) -> String {
    let t = s.trim_end();
    if t.is_empty() || t.ends_with(['.', '!', '?', ':']) { t.to_string() } else { format!("{t}.") }
}

pub fn raci(d: &mut Doc, r: &Report) {
    if r.raci.activities.is_empty() {
        return;
    }
    h2(d, tr!("Ansvarsmatrise (HUKI)", "Responsibility matrix (RACI)"), "huki");
    para(
        d,
        tr!(
            "H = hovedansvarlig, U = utførende, K = konsulteres, I = informeres.",
            "H = accountable, U = responsible, K = consulted, I = informed (the Norwegian letters)."
        ),
    );
    let mut head = vec![tr!("Aktivitet", "Activity")];
    head.extend(r.raci.roles.iter().map(|x| x.name.clone()));
    let mut t = Table::new(tr!("Hvem gjør hva i tjenesten", "Who does what in the service"), head)
        .row_heads()
        .wide();
    for a in &r.raci.activities {
        let mut row = vec![Cell::new(&a.title)];
        row.extend(
            r.raci.roles.iter().map(|x| Cell::new(a.cells.get(&x.id).cloned().unwrap_or_default())),
        );
        t.row(row);
    }
    d.push(Block::Table(t));
}

pub fn routines(d: &mut Doc, r: &Report) {
    if r.routines.is_empty() {
        return;
    }
    h2(d, tr!("Rutiner", "Routines"), "rutiner");
    let mut t = Table::new(
        tr!("Rutiner med eier og gjennomgang", "Routines with their owners and reviews"),
        heads(
            &["Rutine", "Eier", "Sist gjennomgått", "Neste gjennomgang"],
            &["Routine", "Owner", "Last reviewed", "Next review"],
        ),
    )
    .row_heads();
    for x in &r.routines {
        let next = match (x.next_review, x.overdue) {
            (Some(n), true) => Cell::new(tr!("{n}, forfalt", "{n}, overdue")).class("overdue"),
            (n, _) => Cell::new(date(n)),
        };
        t.row(vec![
            Cell::new(&x.title),
            Cell::new(&x.owner_name),
            Cell::new(date(x.reviewed)),
            next,
        ]);
    }
    d.push(Block::Table(t));
}

pub fn owner(d: &mut Doc, r: &Report) {
    if let Some(o) = &r.owner {
        h2(d, tr!("Tjenesteeier", "Service owner"), "eier");
        para(
            d,
            tr!(
                "{} eier tjenesten og har ansvaret for at gevinstene blir hentet ut.",
                "{} owns the service and is responsible for realising its benefits.",
                o.name
            ),
        );
    }
}

pub fn log_sections(d: &mut Doc, r: &Report) {
    let line = |l: &crate::output::json::Record<crate::model::log::LogEntry>| {
        Item::new(doc::text(format!("{} {}: {}", date(l.date), log::KIND.label(&l.kind), l.text)))
    };
    let since = r.since.map(|s| tr!(" fra {s}", " from {s}"));
    let shared: Vec<Item> = r
        .log
        .iter()
        .filter(|l| matches!(l.kind.as_str(), "celebration" | "communication"))
        .map(line)
        .collect();
    if !shared.is_empty() {
        h2(
            d,
            format!(
                "{}{}",
                tr!("Feiret og formidlet", "Celebrated and shared"),
                since.clone().unwrap_or_default()
            ),
            "feiret",
        );
        list(d, shared);
    }
    if !r.log.is_empty() {
        let title = match &since {
            Some(s) => format!("{}{s}", tr!("Loggen", "The log")),
            None => tr!("Loggen", "The log"),
        };
        h2(d, title, "logg");
        list(d, r.log.iter().map(line).collect());
    }
}

/// The report as Markdown, and the chart files to write beside it when
/// `charts` asks for files.
pub fn markdown(r: &Report, charts: &MdCharts) -> (String, Vec<doc::Attachment>) {
    doc::markdown(&doc(r), charts)
}

/// The report as one HTML page, charts drawn as inline SVG.
pub fn html(r: &Report) -> String {
    doc::html_page(&doc(r), crate::i18n::pick("nb", "en"), "")
}
