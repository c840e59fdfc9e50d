//! Insights (`innsikt`): what the team learnt from interviews, observation,
//! statistics and other municipalities, and the needs it found. The map of
//! today's service is the current journey (`veikart journey --journey current`).

use serde::Serialize;

use super::date::Date;
use super::schema::{
    About, Col, Dated, EnumSpec, Example, Field, FieldType, KindSpec, Order, Variant,
};
use super::value::Fields;

pub static METHOD: EnumSpec = EnumSpec {
    name: "method",
    variants: &[
        Variant { key: "interview", nb: "intervju", en: "interview", aliases: &["samtale"] },
        Variant { key: "observation", nb: "observasjon", en: "observation", aliases: &[] },
        Variant { key: "statistics", nb: "statistikk", en: "statistics", aliases: &["data"] },
        Variant { key: "workshop", nb: "verksted", en: "workshop", aliases: &["arbeidsmøte"] },
        Variant {
            key: "survey",
            nb: "spørreundersøkelse",
            en: "survey",
            aliases: &["sporreundersokelse", "undersøkelse", "undersokelse"],
        },
        Variant {
            key: "other-municipality",
            nb: "annen kommune",
            en: "other municipality",
            aliases: &["annen-kommune", "andre-kommuner", "kommune"],
        },
    ],
};

pub static RESPONDENT: EnumSpec = EnumSpec {
    name: "respondent",
    variants: &[
        Variant { key: "user", nb: "bruker", en: "user", aliases: &["innbygger", "pasient"] },
        Variant { key: "relative", nb: "pårørende", en: "relative", aliases: &["parorende"] },
        Variant {
            key: "employee",
            nb: "ansatt",
            en: "employee",
            aliases: &["ansatte", "staff", "medarbeider"],
        },
        Variant { key: "partner", nb: "partner", en: "partner", aliases: &["samarbeidspartner"] },
    ],
};

pub static SPEC: KindSpec = KindSpec {
    dir: "insights",
    noun: "insight",
    command: "insight",
    noun_nb: "innsikt",
    plural: "insights",
    plural_nb: "innsikter",
    fields: &[
        Field::req("summary", FieldType::Line, "What was learnt, in one sentence.")
            .label("Innsikt", "Insight")
            .nb("Hva dere lærte, i én setning"),
        Field::req("method", FieldType::Enum(&METHOD), "How it was learnt.")
            .label("Metode", "Method")
            .nb("Hvordan dere lærte det"),
        Field::req("respondent", FieldType::Enum(&RESPONDENT), "Whom it was learnt from.")
            .label("Fra", "From")
            .nb("Hvem dere lærte det av"),
        Field::req("date", FieldType::Date, "When.").label("Dato", "Date").nb("Når").today(),
        Field::opt("needs", FieldType::Lines, "The needs it revealed, one per line.")
            .label("Behov", "Needs")
            .nb("Behovene innsikten viste, ett per linje")
            .flag("need"),
        Field::opt("description", FieldType::Text, "More detail: quotes, numbers, context.")
            .label("Beskrivelse", "Description")
            .nb("Mer om det: sitater, tall, sammenheng"),
    ],
    title: Some("summary"),
    dated: Dated::Field("date"),
    columns: &[
        Col("id", "ID", "ID"),
        Col("date", "DATO", "DATE"),
        Col("method", "METODE", "METHOD"),
        Col("respondent", "FRA", "FROM"),
        Col("summary", "INNSIKT", "INSIGHT"),
        Col("needs", "BEHOV", "NEEDS"),
    ],
    order: &[Order::Desc("date")],
    example: Example {
        add: "insight add \"Pårørende vet ikke når pasienten blir sendt hjem\" --method intervju --respondent pårørende",
        id: "parorende",
        set: "--need \"Beskjed før utskriving\"",
    },
    about: About {
        nb: "Registrer hva intervjuer, observasjon og data har lært dere om de virkelige behovene",
        en: "Record what interviews, observation and data taught you about real needs",
        long_nb: "Innsikt kommer før løsninger og fortsetter gjennom hele prosjektet. Lær\n\
         av brukere og ansatte, og av andre kommuner. Dagens tjeneste kartlegges\n\
         som dagens reise: `veikart journey add STEG --journey current`, vist med\n\
         `veikart journey list`.",
        long_en: "Insight comes before solutions and goes on through the whole project.\n\
         Learn from users and from staff, and from other municipalities. Today's\n\
         service is mapped as the current journey: `veikart journey add STEP\n\
         --journey current`, shown by `veikart journey list`.",
    },
    ..KindSpec::BASE
};

#[derive(Debug, Clone, Serialize)]
pub struct Insight {
    pub id: String,
    pub summary: String,
    pub method: String,
    pub respondent: String,
    pub date: Option<Date>,
    pub needs: Vec<String>,
    pub description: Option<String>,
}

impl Insight {
    pub fn from_fields(f: &Fields) -> Insight {
        Insight {
            id: f.id.clone(),
            summary: f.string("summary"),
            method: f.string("method"),
            respondent: f.string("respondent"),
            date: f.date("date"),
            needs: f.strings("needs"),
            description: f.opt_string("description"),
        }
    }
}
