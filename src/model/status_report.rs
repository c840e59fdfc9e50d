//! Status reports (statusrapporter): the project's standing for one period
//! as a traffic light for the whole and for time, cost, quality, risk and
//! benefits, each with a comment. A report is a draft until it is
//! published; publishing records the day and the git commit it describes,
//! and from then on the report is frozen, so an old report always shows the
//! project as it was, never today's data.

use serde::Serialize;

use super::date::Date;
use super::schema::{
    About, Col, Dated, EnumSpec, Example, Field, FieldType, Finding, KindSpec, Order, Variant,
};
use super::value::Fields;
use crate::tr;

/// A traffic light.
pub static LIGHT: EnumSpec = EnumSpec {
    name: "light",
    variants: &[
        Variant { key: "green", nb: "grønn", en: "green", aliases: &["gronn", "grønt", "gront"] },
        Variant { key: "yellow", nb: "gul", en: "yellow", aliases: &["gult", "amber", "oransje"] },
        Variant { key: "red", nb: "rød", en: "red", aliases: &["rod", "rødt", "rodt"] },
    ],
};

/// The dimensions a report gives a light for, in the order they are
/// written and shown: the key of the light and the key of its comment.
pub const DIMENSIONS: &[Dimension] = &[
    Dimension { key: "overall", comment: "comment_overall", nb: "Samlet", en: "Overall" },
    Dimension { key: "time", comment: "comment_time", nb: "Tid", en: "Time" },
    Dimension { key: "cost", comment: "comment_cost", nb: "Kostnad", en: "Cost" },
    Dimension { key: "quality", comment: "comment_quality", nb: "Kvalitet", en: "Quality" },
    Dimension { key: "risk", comment: "comment_risk", nb: "Risiko", en: "Risk" },
    Dimension { key: "benefits", comment: "comment_benefits", nb: "Gevinster", en: "Benefits" },
];

/// One dimension of a status report.
#[derive(Debug, Clone, Copy)]
pub struct Dimension {
    /// The key of its light (`time`).
    pub key: &'static str,
    /// The key of its comment (`comment_time`).
    pub comment: &'static str,
    pub nb: &'static str,
    pub en: &'static str,
}

impl Dimension {
    /// The dimension's name in the current language.
    pub fn label(&self) -> &'static str {
        crate::i18n::pick(self.nb, self.en)
    }
}

/// The light field of a dimension.
macro_rules! light {
    ($key:literal, $nb:literal, $en:literal, $doc:literal, $doc_nb:literal) => {
        Field::req($key, FieldType::Enum(&LIGHT), $doc).label($nb, $en).nb($doc_nb)
    };
}

/// The comment on a dimension's light.
macro_rules! comment {
    ($key:literal, $nb:literal, $en:literal) => {
        Field::opt($key, FieldType::Text, concat!("What explains the light for ", $en, "."))
            .label(concat!("Kommentar, ", $nb), concat!("Comment, ", $en))
            .nb(concat!("Hva som forklarer lyset for ", $nb))
    };
}

pub static SPEC: KindSpec = KindSpec {
    dir: "status-reports",
    noun: "status report",
    command: "status-report",
    noun_nb: "statusrapport",
    plural: "status reports",
    plural_nb: "statusrapporter",
    fields: &[
        Field::req(
            "period",
            FieldType::Line,
            "The period reported on: a month (2026-11), a quarter (2026-Q4) or two dates (2026-11-02..2026-11-15).",
        )
        .label("Periode", "Period")
        .nb("Perioden rapporten gjelder: en måned (2026-11), et kvartal (2026-K4) eller to datoer (2026-11-02..2026-11-15)"),
        light!(
            "overall",
            "Samlet",
            "Overall",
            "The light for the project as a whole: green, yellow or red.",
            "Lyset for prosjektet som helhet: grønn, gul eller rød"
        ),
        comment!("comment_overall", "samlet", "overall"),
        light!(
            "time",
            "Tid",
            "Time",
            "The light for time (progress against the plan): green, yellow or red.",
            "Lyset for tid (framdrift mot planen): grønn, gul eller rød"
        ),
        comment!("comment_time", "tid", "time"),
        light!(
            "cost",
            "Kostnad",
            "Cost",
            "The light for cost (against the budget): green, yellow or red.",
            "Lyset for kostnad (mot budsjettet): grønn, gul eller rød"
        ),
        comment!("comment_cost", "kostnad", "cost"),
        light!(
            "quality",
            "Kvalitet",
            "Quality",
            "The light for quality: green, yellow or red.",
            "Lyset for kvalitet: grønn, gul eller rød"
        ),
        comment!("comment_quality", "kvalitet", "quality"),
        light!(
            "risk",
            "Risiko",
            "Risk",
            "The light for risk: green, yellow or red.",
            "Lyset for risiko: grønn, gul eller rød"
        ),
        comment!("comment_risk", "risiko", "risk"),
        light!(
            "benefits",
            "Gevinster",
            "Benefits",
            "The light for the benefits (on the way to their targets): green, yellow or red.",
            "Lyset for gevinstene (på vei mot målene): grønn, gul eller rød"
        ),
        comment!("comment_benefits", "gevinster", "benefits"),
        Field::req("created", FieldType::Date, "When the report was written.")
            .label("Skrevet", "Written")
            .nb("Datoen rapporten ble skrevet")
            .flag("date")
            .today(),
        Field::opt("author", FieldType::Line, "Who wrote it.")
            .label("Skrevet av", "Author")
            .nb("Hvem som skrev den"),
        Field::opt("published", FieldType::Date, "When it was published (by `status-report publish`).")
            .label("Publisert", "Published")
            .nb("Når den ble publisert (av `status-report publish`)")
            .fixed(),
        Field::opt(
            "commit",
            FieldType::Line,
            "The full id of the git commit the published report describes.",
        )
        .label("Commit", "Commit")
        .nb("Den fulle id-en til git-commiten den publiserte rapporten beskriver")
        .fixed(),
    ],
    title: Some("period"),
    dated: Dated::Field("created"),
    columns: &[
        Col("id", "ID", "ID"),
        Col("period", "PERIODE", "PERIOD"),
        Col("overall", "SAMLET", "OVERALL"),
        Col("time", "TID", "TIME"),
        Col("cost", "KOSTNAD", "COST"),
        Col("quality", "KVALITET", "QUALITY"),
        Col("risk", "RISIKO", "RISK"),
        Col("benefits", "GEVINSTER", "BENEFITS"),
        Col("published", "PUBLISERT", "PUBLISHED"),
    ],
    order: &[Order::Asc("period"), Order::Asc("created")],
    example: Example {
        add: "status-report new --overall green --time yellow --cost green --quality green --risk yellow --benefits green",
        id: "2026-11",
        set: "--time red --comment-time \"Pilot forsinket to uker\"",
    },
    about: About {
        nb: "Skriv statusrapporter med trafikklys, og publiser dem knyttet til en commit",
        en: "Write status reports with traffic lights, and publish them tied to a commit",
        long_nb: "",
        long_en: "",
    },
    ..KindSpec::BASE
};

/// The period a report covers: its first and last day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Period {
    pub start: Date,
    pub end: Date,
}

impl Period {
    /// The month `date` is in.
    pub fn month_of(date: Date) -> Period {
        let start = Date::new(date.year(), date.month(), 1).unwrap_or(date);
        let end = start.add_months(1).and_then(|d| d.add_days(-1)).unwrap_or(start);
        Period { start, end }
    }
}

/// A period as written: `2026-11` (a month), `2026-Q4` or `2026-K4` (a
/// quarter), `2026-11-02..2026-11-15` (from one day to another, both
/// included). The canonical text and the period, or None.
pub fn parse_period(s: &str) -> Option<(String, Period)> {
    let t = s.trim();
    if let Some((a, b)) = t.split_once("..") {
        let (start, end) = (Date::parse(a.trim())?, Date::parse(b.trim())?);
        if end < start {
            return None;
        }
        return Some((format!("{start}..{end}"), Period { start, end }));
    }
    let (year, rest) = t.split_once('-')?;
    if year.len() != 4 || !year.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let y: i32 = year.parse().ok()?;
    if let Some(q) = rest.strip_prefix(['Q', 'q', 'K', 'k']) {
        if q.len() != 1 {
            return None;
        }
        let q: u8 = q.parse::<u8>().ok().filter(|q| (1..=4).contains(q))?;
        let start = Date::new(y, (q - 1) * 3 + 1, 1)?;
        let end = start.add_months(3)?.add_days(-1)?;
        return Some((format!("{year}-Q{q}"), Period { start, end }));
    }
    if rest.len() != 2 || !rest.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let m: u8 = rest.parse().ok()?;
    let start = Date::new(y, m, 1)?;
    Some((format!("{year}-{rest}"), Period::month_of(start)))
}

/// The message and hint for a period that does not parse, in the same
/// words on the command line and in `check`.
pub fn bad_period(s: &str) -> (String, String) {
    (
        tr!("«{s}» er ikke en periode", "`{s}` is not a period"),
        tr!(
            "skriv en måned (2026-11), et kvartal (2026-K4) eller to datoer (2026-11-02..2026-11-15)",
            "write a month (2026-11), a quarter (2026-Q4) or two dates (2026-11-02..2026-11-15)"
        ),
    )
}

/// Whether `s` is a full git commit id (SHA-1 or SHA-256, lowercase hex).
pub fn is_commit_id(s: &str) -> bool {
    matches!(s.len(), 40 | 64)
        && s.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

/// A commit id as people quote it: its first 10 characters.
pub fn short_commit(c: &str) -> String {
    c.chars().take(10).collect()
}

/// A status report as JSON shows it.
#[derive(Debug, Clone, Serialize)]
pub struct StatusReport {
    pub id: String,
    pub period: String,
    pub overall: String,
    pub comment_overall: Option<String>,
    pub time: String,
    pub comment_time: Option<String>,
    pub cost: String,
    pub comment_cost: Option<String>,
    pub quality: String,
    pub comment_quality: Option<String>,
    pub risk: String,
    pub comment_risk: Option<String>,
    pub benefits: String,
    pub comment_benefits: Option<String>,
    pub created: Option<Date>,
    pub author: Option<String>,
    pub published: Option<Date>,
    pub commit: Option<String>,
    /// `published` or `draft`.
    pub state: &'static str,
}

impl StatusReport {
    pub fn from_fields(f: &Fields) -> StatusReport {
        let published = f.date("published");
        let commit = f.opt_string("commit");
        StatusReport {
            id: f.id.clone(),
            period: f.string("period"),
            overall: f.string("overall"),
            comment_overall: f.opt_string("comment_overall"),
            time: f.string("time"),
            comment_time: f.opt_string("comment_time"),
            cost: f.string("cost"),
            comment_cost: f.opt_string("comment_cost"),
            quality: f.string("quality"),
            comment_quality: f.opt_string("comment_quality"),
            risk: f.string("risk"),
            comment_risk: f.opt_string("comment_risk"),
            benefits: f.string("benefits"),
            comment_benefits: f.opt_string("comment_benefits"),
            created: f.date("created"),
            author: f.opt_string("author"),
            state: if published.is_some() { "published" } else { "draft" },
            published,
            commit,
        }
    }

    pub fn is_published(&self) -> bool {
        self.published.is_some()
    }

    /// The light of a dimension (its key: `green`, …; empty when missing).
    pub fn light(&self, dim: &str) -> &str {
        match dim {
            "overall" => &self.overall,
            "time" => &self.time,
            "cost" => &self.cost,
            "quality" => &self.quality,
            "risk" => &self.risk,
            "benefits" => &self.benefits,
            _ => "",
        }
    }

    /// The comment of a dimension, if it has one.
    pub fn comment(&self, dim: &str) -> Option<&str> {
        match dim {
            "overall" => self.comment_overall.as_deref(),
            "time" => self.comment_time.as_deref(),
            "cost" => self.comment_cost.as_deref(),
            "quality" => self.comment_quality.as_deref(),
            "risk" => self.comment_risk.as_deref(),
            "benefits" => self.comment_benefits.as_deref(),
            _ => None,
        }
        .filter(|c| !c.trim().is_empty())
    }

    /// The period it covers, when its `period` parses.
    pub fn period_span(&self) -> Option<Period> {
        parse_period(&self.period).map(|(_, p)| p)
    }

    pub fn rules(&self) -> Vec<Finding> {
        let mut out = Vec::new();
        if parse_period(&self.period).is_none() {
            let (message, hint) = bad_period(&self.period);
            out.push(Finding::error("bad-period", Some("period"), message).hint(hint));
        }
        match (&self.published, &self.commit) {
            (Some(_), None) => out.push(
                Finding::error(
                    "published-without-commit",
                    Some("published"),
                    tr!(
                        "rapporten er publisert, men `commit` mangler: en publisert rapport må si hvilken commit den beskriver",
                        "the report is published, but `commit` is missing: a published report must say which commit it describes"
                    ),
                )
                .hint(tr!(
                    "fjern `published` og publiser den med `veikart status-report publish {}`",
                    "remove `published` and publish it with `veikart status-report publish {}`",
                    self.id
                )),
            ),
            (None, Some(_)) => out.push(
                Finding::error(
                    "commit-without-published",
                    Some("commit"),
                    tr!(
                        "rapporten har `commit`, men ikke `published`",
                        "the report has `commit`, but not `published`"
                    ),
                )
                .hint(tr!(
                    "fjern `commit` og publiser den med `veikart status-report publish {}`",
                    "remove `commit` and publish it with `veikart status-report publish {}`",
                    self.id
                )),
            ),
            _ => {}
        }
        if let Some(c) = &self.commit
            && !is_commit_id(c)
        {
            out.push(
                Finding::error(
                    "bad-commit",
                    Some("commit"),
                    tr!(
                        "«{c}» er ikke en full git-commit-id (40 heksadesimale tegn)",
                        "`{c}` is not a full git commit id (40 hexadecimal characters)"
                    ),
                )
                .hint(tr!(
                    "skriv hele id-en, slik `git rev-parse HEAD` gir den",
                    "write the whole id, as `git rev-parse HEAD` gives it"
                )),
            );
        }
        out.extend(Finding::date_order(
            ("published", self.published),
            (&["created"], self.created),
            |p, c| {
                tr!(
                    "rapporten ble publisert ({p}) før den ble skrevet ({c})",
                    "the report was published ({p}) before it was written ({c})"
                )
            },
        ));
        out
    }
}

/// The latest report by period (then by the day it was written, then id).
pub fn latest<'a>(reports: impl IntoIterator<Item = &'a StatusReport>) -> Option<&'a StatusReport> {
    reports.into_iter().max_by(|a, b| order_key(a).cmp(&order_key(b)))
}

/// The order of reports in time: by period, the day written, then id.
pub fn order_key(r: &StatusReport) -> (Option<Period>, Option<Date>, &str) {
    (r.period_span(), r.created, r.id.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn periods() {
        let (t, p) = parse_period("2026-11").unwrap();
        assert_eq!(t, "2026-11");
        assert_eq!(p.start.to_string(), "2026-11-01");
        assert_eq!(p.end.to_string(), "2026-11-30");
        let (t, p) = parse_period("2026-k4").unwrap();
        assert_eq!(t, "2026-Q4");
        assert_eq!(p.end.to_string(), "2026-12-31");
        let (t, _) = parse_period("2026-11-02..2026-11-15").unwrap();
        assert_eq!(t, "2026-11-02..2026-11-15");
        assert_eq!(parse_period("2026-02").unwrap().1.end.to_string(), "2026-02-28");
        for bad in
            ["", "2026", "2026-13", "2026-1", "26-11", "2026-Q5", "2026-11-15..2026-11-01", "nov"]
        {
            assert!(parse_period(bad).is_none(), "{bad}");
        }
    }

    #[test]
    fn lights_in_both_languages() {
        assert_eq!(LIGHT.parse("grønn"), Some("green"));
        assert_eq!(LIGHT.parse("Gul"), Some("yellow"));
        assert_eq!(LIGHT.parse("rød"), Some("red"));
        assert_eq!(LIGHT.parse("red"), Some("red"));
        assert_eq!(LIGHT.parse("blue"), None);
    }

    #[test]
    fn commit_ids() {
        assert!(is_commit_id(&"a".repeat(40)));
        assert!(!is_commit_id("abc123"));
        assert!(!is_commit_id(&"A".repeat(40)));
    }
}
