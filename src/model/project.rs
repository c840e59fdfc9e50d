//! The project file `veikart.toml`: what the project is and where it stands.

use serde::Serialize;

use super::schema::{EnumSpec, Field, FieldType, Finding, KindSpec, Variant};
use super::value::Fields;
use crate::tr;

pub static LANG: EnumSpec = EnumSpec {
    name: "lang",
    variants: &[
        Variant {
            key: "nb",
            nb: "bokmål",
            en: "Norwegian Bokmål",
            aliases: &["no", "bokmal", "norsk"],
        },
        Variant { key: "en", nb: "engelsk", en: "English", aliases: &["english"] },
    ],
};

pub static ROADMAP: EnumSpec = EnumSpec {
    name: "roadmap",
    variants: &[
        Variant {
            key: "ks-2018",
            nb: "KS veikart for tjenesteinnovasjon (2018)",
            en: "KS roadmap for service innovation (2018)",
            aliases: &["ks"],
        },
        Variant {
            key: "samveis-2015",
            nb: "Samveis (2015)",
            en: "Samveis (2015)",
            aliases: &["samveis"],
        },
    ],
};

/// The phases of `ks-2018`, in order.
pub static PHASE: EnumSpec = EnumSpec {
    name: "phase",
    variants: &[
        Variant { key: "forankring", nb: "Forankring", en: "Anchoring", aliases: &["anchoring"] },
        Variant { key: "innsikt", nb: "Innsikt", en: "Insight", aliases: &["insight"] },
        Variant {
            key: "tjenesteutvikling",
            nb: "Tjenesteutvikling",
            en: "Service development",
            aliases: &["development", "service-development"],
        },
        Variant {
            key: "pilotering",
            nb: "Pilotering",
            en: "Pilot",
            aliases: &["pilot", "piloting"],
        },
        Variant {
            key: "overgang-til-drift",
            nb: "Overgang til drift",
            en: "Transition to operations",
            aliases: &["transition", "operations"],
        },
        Variant {
            key: "ny-praksis",
            nb: "Ny praksis",
            en: "New practice",
            aliases: &["new-practice", "practice"],
        },
    ],
};

/// The phases of `samveis-2015`, in order.
pub static SAMVEIS_PHASE: EnumSpec = EnumSpec {
    name: "phase",
    variants: &[
        Variant {
            key: "for-du-starter",
            nb: "Før du starter",
            en: "Before you start",
            aliases: &["before-you-start", "start"],
        },
        Variant {
            key: "innsikt-og-ide",
            nb: "Innsikt og idé",
            en: "Insight and idea",
            aliases: &["insight-and-idea"],
        },
        Variant {
            key: "utvikling",
            nb: "Utvikling, utprøving og evaluering",
            en: "Development, trial and evaluation",
            aliases: &["development"],
        },
        Variant {
            key: "overgang-til-drift",
            nb: "Overgang til drift",
            en: "Transition to operations",
            aliases: &["transition"],
        },
        Variant {
            key: "ny-praksis",
            nb: "Ny praksis",
            en: "New practice",
            aliases: &["new-practice"],
        },
    ],
};

/// The phases of a roadmap.
pub fn phases(roadmap: &str) -> &'static EnumSpec {
    match roadmap {
        "samveis-2015" => &SAMVEIS_PHASE,
        _ => &PHASE,
    }
}

pub static SPEC: KindSpec = KindSpec {
    dir: "",
    noun: "project",
    command: "init",
    noun_nb: "prosjekt",
    plural: "projects",
    plural_nb: "prosjekter",
    fields: &[
        Field::req("name", FieldType::Line, "The project's name."),
        Field::opt("municipality", FieldType::Line, "The municipality (or region) that runs it."),
        Field::opt("service", FieldType::Line, "The service being renewed."),
        Field::opt("problem", FieldType::Text, "The problem the project sets out to solve."),
        Field::opt(
            "owner",
            FieldType::Ref("roles"),
            "The role that owns the whole service from start to end (tjenesteeier).",
        ),
        Field::opt("lang", FieldType::Enum(&LANG), "Language of the tool's output: nb or en."),
        Field::req("roadmap", FieldType::Enum(&ROADMAP), "The roadmap the project follows."),
        Field::req("phase", FieldType::Line, "The current phase of the roadmap."),
        Field::opt("started", FieldType::Date, "When the project was started."),
        Field::opt(
            "from_project",
            FieldType::Line,
            "The project folder this project was started from (`idea promote`).",
        ),
        Field::opt("from_idea", FieldType::Line, "The idea in that project it grew out of."),
        Field::opt("source", FieldType::Enum(&super::idea::SOURCE), "Who that idea came from."),
    ],
    group: None,
};

/// The project file's contents.
#[derive(Debug, Clone, Serialize)]
pub struct ProjectInfo {
    pub name: String,
    pub municipality: Option<String>,
    pub service: Option<String>,
    pub problem: Option<String>,
    pub owner: Option<String>,
    pub lang: Option<String>,
    pub roadmap: String,
    pub phase: String,
    pub started: Option<super::date::Date>,
    pub from_project: Option<String>,
    pub from_idea: Option<String>,
    pub source: Option<String>,
}

impl ProjectInfo {
    pub fn from_fields(f: &Fields) -> ProjectInfo {
        ProjectInfo {
            name: f.string("name"),
            municipality: f.opt_string("municipality"),
            service: f.opt_string("service"),
            problem: f.opt_string("problem"),
            owner: f.opt_string("owner"),
            lang: f.opt_string("lang"),
            roadmap: f.str("roadmap").unwrap_or("ks-2018").to_string(),
            phase: f.string("phase"),
            started: f.date("started"),
            from_project: f.opt_string("from_project"),
            from_idea: f.opt_string("from_idea"),
            source: f.opt_string("source"),
        }
    }

    /// Whether the project has reached `phase` (by the roadmap's order).
    pub fn reached(&self, phase: &str) -> bool {
        let spec = phases(&self.roadmap);
        match (spec.get(&self.phase), spec.get(phase)) {
            (Some(_), Some(_)) => spec.rank(&self.phase) >= spec.rank(phase),
            _ => false,
        }
    }

    /// The phase's label and its place (1-based) in the roadmap.
    pub fn phase_position(&self) -> (usize, usize) {
        let spec = phases(&self.roadmap);
        (spec.rank(&self.phase).saturating_add(1), spec.variants.len())
    }
}

pub fn rules(p: &ProjectInfo) -> Vec<Finding> {
    let spec = phases(&p.roadmap);
    if spec.get(&p.phase).is_none() {
        return vec![
            Finding::error(
                "enum",
                Some("phase"),
                tr!(
                    "`{}` er ikke en fase i veikartet {}",
                    "`{}` is not a phase of the roadmap {}",
                    p.phase,
                    p.roadmap
                ),
            )
            .hint(tr!("gyldige faser: {}", "valid phases: {}", spec.keys().join(", "))),
        ];
    }
    Vec::new()
}
