//! The domain: plain types and rules, with no I/O, no TOML and no CLI.

pub mod date;
pub mod id;
pub mod idea;
pub mod number;
pub mod project;
pub mod schema;
pub mod value;

use schema::{Finding, KindSpec};
use value::Fields;

/// A kind of record: its declared fields, how to read it from validated
/// values, and its own rules. A new kind is a module implementing this, plus
/// one line in [`KINDS`].
pub trait Kind: Sized + serde::Serialize {
    const SPEC: &'static KindSpec;
    fn from_fields(fields: &Fields) -> Self;
    fn rules(&self) -> Vec<Finding> {
        Vec::new()
    }
    fn id(&self) -> &str;
}

/// A kind, type-erased, for code that walks every kind (`check`, schemas).
pub struct KindEntry {
    pub spec: &'static KindSpec,
    pub rules: fn(&Fields) -> Vec<Finding>,
}

fn rules_of<K: Kind>(fields: &Fields) -> Vec<Finding> {
    K::from_fields(fields).rules()
}

const fn entry<K: Kind>() -> KindEntry {
    KindEntry {
        spec: K::SPEC,
        rules: rules_of::<K>,
    }
}

/// Every kind of record a project can hold, in the order `check` reads them.
pub static KINDS: &[KindEntry] = &[entry::<idea::Idea>()];

impl Kind for idea::Idea {
    const SPEC: &'static KindSpec = &idea::SPEC;
    fn from_fields(fields: &Fields) -> Self {
        idea::Idea::from_fields(fields)
    }
    fn rules(&self) -> Vec<Finding> {
        idea::rules(self)
    }
    fn id(&self) -> &str {
        &self.id
    }
}
