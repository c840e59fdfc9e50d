//! Routines: simple written procedures with an owner, kept alive by regular
//! review (`tjenesteutvikling` step 3, `ny-praksis` step 1).

use serde::Serialize;

use super::date::Date;
use super::schema::{Col, Dated, Example, Field, FieldType, Finding, Identity, KindSpec};
use super::value::Fields;
use crate::tr;

pub static SPEC: KindSpec = KindSpec {
    dir: "routines",
    noun: "routine",
    command: "routine",
    noun_nb: "rutine",
    plural: "routines",
    plural_nb: "rutiner",
    fields: &[
        Field::req("title", FieldType::Line, "What the routine is for.")
            .label("Tittel", "Title")
            .nb("Hva rutinen gjelder"),
        Field::req("owner", FieldType::Ref("roles"), "The role that owns and reviews the routine.")
            .label("Eier", "Owner")
            .nb("Rollen som eier og går gjennom rutinen (id eller entydig begynnelse)"),
        Field::opt(
            "activities",
            FieldType::Refs("activities"),
            "The activities the routine describes.",
        )
        .label("Aktiviteter", "Activities")
        .nb("Aktivitetene rutinen beskriver (id eller entydig begynnelse)")
        .flag("activity"),
        Field::opt(
            "review_every",
            FieldType::Line,
            "How often it is reviewed: 6m, 12m, 2y, … (months or years).",
        )
        .label("Gjennomgås hver", "Reviewed every")
        .nb("Hvor ofte den gjennomgås: 6m, 12m, 2y, … (måneder eller år)"),
        Field::opt("reviewed", FieldType::Date, "When it was last reviewed.")
            .label("Sist gjennomgått", "Last reviewed")
            .nb("Når den sist ble gjennomgått"),
        Field::opt("doc", FieldType::Line, "Where the routine is written down: a path or a URL.")
            .label("Dokument", "Document")
            .nb("Hvor rutinen er skrevet ned: en sti eller en URL"),
        Field::req("created", FieldType::Date, "When the routine was recorded.")
            .label("Registrert", "Recorded")
            .nb("Datoen rutinen ble registrert")
            .flag("date")
            .today(),
        Field::opt("description", FieldType::Text, "A short summary of the routine.")
            .label("Beskrivelse", "Description")
            .nb("Et kort sammendrag av rutinen"),
    ],
    title: Some("title"),
    identity: Identity::Named { scope: None },
    dated: Dated::Field("created"),
    columns: &[
        Col("id", "ID", "ID"),
        Col("title", "RUTINE", "ROUTINE"),
        Col("owner", "EIER", "OWNER"),
        Col("next_review", "NESTE GJENNOMGANG", "NEXT REVIEW"),
    ],
    example: Example {
        add: "routine add \"Mottak av pasient\" --owner sykepleier --review-every 12m",
        id: "mottak",
        set: "--review-every 6m",
    },
    ..KindSpec::BASE
};

/// A review interval in months, parsed from `6m`, `12m`, `1y`, `2år`, `P12M`.
pub fn parse_interval(s: &str) -> Option<u32> {
    let t = s.trim().to_lowercase();
    let t = t.strip_prefix('p').unwrap_or(&t);
    let split = t.find(|c: char| !c.is_ascii_digit())?;
    let (num, unit) = t.split_at(split);
    let n: u32 = num.parse().ok()?;
    if n == 0 {
        return None;
    }
    let months = match unit.trim() {
        "m" | "mnd" | "md" | "month" | "months" | "måned" | "måneder" | "maaned" | "maaneder" => {
            n
        }
        "y" | "yr" | "year" | "years" | "år" | "aar" | "a" => n.checked_mul(12)?,
        _ => return None,
    };
    (months <= 120).then_some(months)
}

/// The canonical written form of an interval in months (`6m`, `12m`).
pub fn interval_text(months: u32) -> String {
    format!("{months}m")
}

#[derive(Debug, Clone, Serialize)]
pub struct Routine {
    pub id: String,
    pub title: String,
    pub owner: String,
    pub activities: Vec<String>,
    pub review_every: Option<String>,
    pub reviewed: Option<Date>,
    pub doc: Option<String>,
    pub created: Option<Date>,
    pub description: Option<String>,
    /// When the next review is due (last review, or creation, plus the interval).
    pub next_review: Option<Date>,
}

impl Routine {
    pub fn from_fields(f: &Fields) -> Routine {
        let review_every = f.opt_string("review_every");
        let reviewed = f.date("reviewed");
        let created = f.date("created");
        let next_review = review_every
            .as_deref()
            .and_then(parse_interval)
            .and_then(|m| reviewed.or(created)?.add_months(i32::try_from(m).ok()?));
        Routine {
            id: f.id.clone(),
            title: f.string("title"),
            owner: f.string("owner"),
            activities: f.strings("activities"),
            review_every,
            reviewed,
            doc: f.opt_string("doc"),
            created,
            description: f.opt_string("description"),
            next_review,
        }
    }

    pub fn rules(&self, as_of: Date) -> Vec<Finding> {
        let mut out = Vec::new();
        if let Some(every) = &self.review_every
            && parse_interval(every).is_none()
        {
            out.push(
                Finding::error(
                    "bad-interval",
                    Some("review_every"),
                    tr!("«{every}» er ikke et intervall", "`{every}` is not an interval"),
                )
                .hint(tr!(
                    "skriv antall måneder eller år, for eksempel \"6m\" eller \"1y\"",
                    "write a number of months or years, for example \"6m\" or \"1y\""
                )),
            );
        }
        if let Some(due) = self.next_review
            && due < as_of
        {
            out.push(
                Finding::warning(
                    "routine-overdue",
                    Some(if self.reviewed.is_some() { "reviewed" } else { "review_every" }),
                    tr!(
                        "rutinen skulle vært gjennomgått innen {due}",
                        "the routine was due for review by {due}"
                    ),
                )
                .hint(tr!(
                    "gå gjennom rutinen og kjør `veikart routine review {}`",
                    "review it and run `veikart routine review {}`",
                    self.id
                )),
            );
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn intervals() {
        assert_eq!(parse_interval("6m"), Some(6));
        assert_eq!(parse_interval("12m"), Some(12));
        assert_eq!(parse_interval("1y"), Some(12));
        assert_eq!(parse_interval("2 år"), Some(24));
        assert_eq!(parse_interval("P12M"), Some(12));
        assert_eq!(parse_interval("0m"), None);
        assert_eq!(parse_interval("soon"), None);
        assert_eq!(parse_interval("12"), None);
    }
}
