//! Activities: the work processes behind each journey step, inside or outside
//! the municipality, each with its row of the RACI (HUKI) matrix.

use serde::Serialize;

use super::raci::{self, LETTERS};
use super::schema::{Col, Example, Field, FieldType, Finding, Identity, KindSpec};
use super::value::Fields;

pub static SPEC: KindSpec = KindSpec {
    dir: "activities",
    noun: "activity",
    command: "activity",
    noun_nb: "aktivitet",
    plural: "activities",
    plural_nb: "aktiviteter",
    fields: &[
        Field::req("title", FieldType::Line, "The work done, in a few words.")
            .label("Tittel", "Title")
            .nb("Arbeidet som gjøres, med noen få ord"),
        Field::req("step", FieldType::Ref("journey"), "The journey step the activity belongs to.")
            .label("Steg", "Step")
            .nb("Steget i reisen aktiviteten hører til (id eller entydig begynnelse)"),
        Field::opt(
            "outside",
            FieldType::Bool,
            "true when the work is done outside the municipality.",
        )
        .label("Utenfor kommunen", "Outside the municipality")
        .nb("ja når arbeidet gjøres utenfor kommunen"),
        Field::opt("description", FieldType::Text, "How the work is done.")
            .label("Beskrivelse", "Description")
            .nb("Hvordan arbeidet gjøres"),
        Field::opt(
            "raci",
            FieldType::RefMap("roles", &LETTERS),
            "The RACI (HUKI) row: role id = H, U, HU, K or I.",
        )
        .label("HUKI", "RACI")
        .nb("RACI-raden (HUKI): rolle-id = H, U, HU, K eller I"),
    ],
    title: Some("title"),
    identity: Identity::Named { scope: Some("step") },
    columns: &[
        Col("id", "ID", "ID"),
        Col("step", "STEG", "STEP"),
        Col("title", "AKTIVITET", "ACTIVITY"),
        Col("outside", "UTENFOR", "OUTSIDE"),
    ],
    example: Example {
        add: "activity add \"Vurdere hastegrad\" --step ringer",
        id: "vurdere",
        set: "--outside ja",
    },
    ..KindSpec::BASE
};

#[derive(Debug, Clone, Serialize)]
pub struct Activity {
    pub id: String,
    pub title: String,
    pub step: String,
    pub outside: bool,
    pub description: Option<String>,
    /// Role id → stored letters (H, U, HU, K, I), in file order.
    #[serde(serialize_with = "super::value::pairs_as_map")]
    pub raci: Vec<(String, String)>,
}

impl Activity {
    pub fn from_fields(f: &Fields) -> Activity {
        Activity {
            id: f.id.clone(),
            title: f.string("title"),
            step: f.string("step"),
            outside: f.bool("outside").unwrap_or(false),
            description: f.opt_string("description"),
            raci: f.string_map("raci"),
        }
    }

    /// The letters a role holds here, if any.
    pub fn letters_of(&self, role: &str) -> Option<&str> {
        self.raci.iter().find(|(r, _)| r == role).map(|(_, l)| l.as_str())
    }

    pub fn rules(&self) -> Vec<Finding> {
        raci::rules(&self.id, &self.raci)
    }
}

/// Activities in journey order: (step, its activities), unknown steps last.
pub fn grouped<'a>(
    steps: &'a [super::journey::Step],
    activities: &'a [Activity],
) -> Vec<(Option<&'a super::journey::Step>, Vec<&'a Activity>)> {
    let mut out: Vec<(Option<&super::journey::Step>, Vec<&Activity>)> = Vec::new();
    for s in steps {
        let mut acts: Vec<&Activity> = activities.iter().filter(|a| a.step == s.id).collect();
        acts.sort_by(|a, b| {
            a.title.to_lowercase().cmp(&b.title.to_lowercase()).then(a.id.cmp(&b.id))
        });
        if !acts.is_empty() {
            out.push((Some(s), acts));
        }
    }
    let orphans: Vec<&Activity> =
        activities.iter().filter(|a| !steps.iter().any(|s| s.id == a.step)).collect();
    if !orphans.is_empty() {
        out.push((None, orphans));
    }
    out
}
