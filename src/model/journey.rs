//! The service journey: the steps a user goes through, today (`current`) and
//! in the new service (`future`). Steps are ordered by a number, so inserting
//! or moving one step never rewrites the others' files.

use serde::Serialize;

use super::schema::{Col, EnumSpec, Example, Field, FieldType, Identity, KindSpec, Order, Variant};
use super::value::Fields;

pub static JOURNEY: EnumSpec = EnumSpec {
    name: "journey",
    variants: &[
        Variant {
            key: "current",
            nb: "dagens tjeneste",
            en: "current service",
            aliases: &["dagens", "today", "naa", "nå"],
        },
        Variant {
            key: "future",
            nb: "ny tjeneste",
            en: "future service",
            aliases: &["ny", "fremtidig", "framtidig", "new"],
        },
    ],
};

pub static SPEC: KindSpec = KindSpec {
    dir: "journey",
    noun: "journey step",
    command: "journey",
    noun_nb: "steg i tjenestereisen",
    plural: "journey steps",
    plural_nb: "steg i tjenestereisen",
    neuter: true,
    fields: &[
        Field::req("title", FieldType::Line, "What the user does or goes through in this step.")
            .label("Tittel", "Title")
            .nb("Hva brukeren gjør eller opplever i dette steget"),
        Field::opt(
            "journey",
            FieldType::Enum(&JOURNEY),
            "The journey the step belongs to: current (today's service) or future (the new one). Default: future.",
        )
        .label("Reise", "Journey")
        .starts("future")
        .nb("Reisen steget hører til: current (dagens tjeneste) eller future (den nye). Standard: future"),
        Field::req(
            "order",
            FieldType::Number,
            "The step's place in its journey; lower comes first. Any number: insert between 10 and 20 with 15.",
        )
        .label("Rekkefølge", "Order")
        .nb("Stegets plass i reisen; lavere kommer først. Ethvert tall: sett inn mellom 10 og 20 med 15"),
        Field::opt("description", FieldType::Text, "What happens in the step.")
            .label("Beskrivelse", "Description")
            .nb("Hva som skjer i steget"),
        Field::opt("experience", FieldType::Text, "How the user experiences the step.")
            .label("Opplevelse", "Experience")
            .nb("Hvordan brukeren opplever steget"),
        Field::opt("needs", FieldType::Text, "Information and training the people involved need.")
            .label("Behov for informasjon og opplæring", "Information and training needs")
            .nb("Informasjon og opplæring de involverte trenger"),
        Field::opt("tech", FieldType::Text, "Technical requirements of the step.")
            .label("Tekniske krav", "Technical requirements")
            .nb("Tekniske krav til steget"),
    ],
    title: Some("title"),
    identity: Identity::Named { scope: Some("journey") },
    columns: &[
        Col("id", "ID", "ID"),
        Col("journey", "REISE", "JOURNEY"),
        Col("order", "REKKEFØLGE", "ORDER"),
        Col("title", "STEG", "STEP"),
    ],
    order: &[Order::Asc("journey"), Order::Asc("order")],
    example: Example {
        add: "journey add \"Ringer legevakten\"",
        id: "ringer",
        set: "--experience \"Vet ikke om de står i kø\"",
    },
    ..KindSpec::BASE
};

/// The gap left between appended steps, so later inserts fit between them.
pub const GAP: f64 = 10.0;

#[derive(Debug, Clone, Serialize)]
pub struct Step {
    pub id: String,
    pub title: String,
    pub journey: String,
    pub order: f64,
    pub description: Option<String>,
    pub experience: Option<String>,
    pub needs: Option<String>,
    pub tech: Option<String>,
}

impl Step {
    pub fn from_fields(f: &Fields) -> Step {
        Step {
            id: f.id.clone(),
            title: f.string("title"),
            journey: f.str("journey").unwrap_or("future").to_string(),
            order: f.number("order").unwrap_or(0.0),
            description: f.opt_string("description"),
            experience: f.opt_string("experience"),
            needs: f.opt_string("needs"),
            tech: f.opt_string("tech"),
        }
    }
}

/// Sort steps by journey (current first), then order, then id.
pub fn sort(steps: &mut [Step]) {
    steps.sort_by(|a, b| {
        JOURNEY
            .rank(&a.journey)
            .cmp(&JOURNEY.rank(&b.journey))
            .then(a.order.total_cmp(&b.order))
            .then_with(|| a.id.cmp(&b.id))
    });
}

/// The order for a new step placed right after `after` (or at the end when
/// `after` is `None`), given the orders of the steps of the same journey.
/// Only the new step gets a number; no other step moves.
pub fn order_for(orders: &[f64], after: Option<f64>) -> f64 {
    let mut sorted: Vec<f64> = orders.to_vec();
    sorted.sort_by(f64::total_cmp);
    match after {
        None => sorted.last().map_or(GAP, |last| (last / GAP).floor() * GAP + GAP),
        Some(a) => match sorted.iter().find(|o| **o > a) {
            None => (a / GAP).floor() * GAP + GAP,
            Some(next) => midpoint(a, *next),
        },
    }
}

/// The order for a new step placed first.
pub fn order_first(orders: &[f64]) -> f64 {
    let min = orders.iter().copied().fold(f64::INFINITY, f64::min);
    if min.is_infinite() {
        GAP
    } else if min > 1.0 {
        midpoint(0.0, min)
    } else {
        min - GAP
    }
}

/// A round number strictly between `a` and `b`: a whole number if one fits,
/// else the shortest decimal.
fn midpoint(a: f64, b: f64) -> f64 {
    let mid = (a + b) / 2.0;
    for decimals in 0..12 {
        let scale = 10f64.powi(decimals);
        let r = (mid * scale).round() / scale;
        if r > a && r < b {
            return r;
        }
    }
    mid
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn appending_and_inserting_never_needs_other_steps_to_move() {
        assert_eq!(order_for(&[], None), 10.0);
        assert_eq!(order_for(&[10.0, 20.0], None), 30.0);
        assert_eq!(order_for(&[10.0, 20.0], Some(10.0)), 15.0);
        assert_eq!(order_for(&[10.0, 11.0], Some(10.0)), 10.5);
        assert_eq!(order_for(&[10.0, 10.5], Some(10.0)), 10.3);
        assert_eq!(order_for(&[10.0, 20.0], Some(20.0)), 30.0);
        assert_eq!(order_first(&[10.0, 20.0]), 5.0);
        assert_eq!(order_first(&[]), 10.0);
        assert_eq!(order_first(&[0.5]), -9.5);
        // Many inserts at the same place keep producing distinct orders.
        let mut orders = vec![10.0, 20.0];
        for _ in 0..30 {
            let o = order_for(&orders, Some(10.0));
            assert!(o > 10.0 && orders.iter().all(|x| *x != o), "{o}");
            orders.push(o);
        }
    }
}
