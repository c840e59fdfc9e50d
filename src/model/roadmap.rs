//! A roadmap: phases, their steps, and the checklist that ends each phase.
//!
//! Roadmaps are data (`roadmaps/*.toml`, or a project's own `roadmap.toml`);
//! this module holds their shape and what can be asked of them. Reading the
//! files is the store's job.

use serde::{Deserialize, Serialize};

use crate::i18n::{self, Lang};

/// A text in both languages.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Text {
    pub nb: String,
    pub en: String,
}

impl Text {
    /// The text in the current language.
    pub fn get(&self) -> &str {
        match i18n::current() {
            Lang::Nb => &self.nb,
            Lang::En => &self.en,
        }
    }
}

/// How a checklist item is answered.
#[derive(Debug, Clone, Copy, Deserialize, Serialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum Evaluation {
    /// A rule over the project's data decides.
    Auto,
    /// A rule shows what the data says; a person answers.
    Suggested,
    /// Only a person can answer.
    Manual,
}

impl Evaluation {
    pub fn key(self) -> &'static str {
        match self {
            Evaluation::Auto => "auto",
            Evaluation::Suggested => "suggested",
            Evaluation::Manual => "manual",
        }
    }
    pub fn label(self) -> &'static str {
        match self {
            Evaluation::Auto => i18n::pick("automatisk", "automatic"),
            Evaluation::Suggested => i18n::pick("foreslått", "suggested"),
            Evaluation::Manual => i18n::pick("manuell", "manual"),
        }
    }
}

/// Where an item comes from.
#[derive(Debug, Clone, Copy, Deserialize, Serialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum Origin {
    /// KS's own checklist.
    Ks,
    /// Written by veikart from the roadmap's step texts.
    Derived,
    /// The project's own.
    Local,
}

/// One checklist item.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Item {
    pub id: String,
    #[serde(default = "default_origin")]
    pub origin: Origin,
    pub evaluation: Evaluation,
    /// The name of a built-in rule (see `model::checklist::RULES`); required
    /// for auto and suggested items.
    #[serde(default)]
    pub rule: Option<String>,
    pub nb: String,
    pub en: String,
}

fn default_origin() -> Origin {
    Origin::Local
}

impl Item {
    pub fn text(&self) -> &str {
        i18n::pick(&self.nb, &self.en)
    }
}

/// One phase.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Phase {
    pub id: String,
    /// The phase's name; a file that `extends` a built-in roadmap may leave
    /// the names out.
    #[serde(default)]
    pub nb: String,
    #[serde(default)]
    pub en: String,
    #[serde(default)]
    pub aliases: Vec<String>,
    #[serde(default)]
    pub steps: Vec<Text>,
    // `[[phase.item]]` in the file, `items` in JSON like every other list.
    #[serde(default, rename(deserialize = "item", serialize = "items"))]
    pub items: Vec<Item>,
}

impl Phase {
    pub fn name(&self) -> &str {
        i18n::pick(&self.nb, &self.en)
    }
    pub fn item(&self, id: &str) -> Option<&Item> {
        self.items.iter().find(|i| i.id == id)
    }
}

/// A whole roadmap.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Roadmap {
    #[serde(default)]
    pub id: String,
    #[serde(default)]
    pub nb: String,
    #[serde(default)]
    pub en: String,
    /// For a project's own file: the built-in roadmap it adds items to.
    #[serde(default)]
    pub extends: Option<String>,
    #[serde(default, rename(deserialize = "phase", serialize = "phases"))]
    pub phases: Vec<Phase>,
}

impl Roadmap {
    pub fn name(&self) -> &str {
        i18n::pick(&self.nb, &self.en)
    }

    pub fn phase(&self, id: &str) -> Option<&Phase> {
        self.phases.iter().find(|p| p.id == id)
    }

    /// The phase for what the user typed: an id, an alias or a name, any case.
    /// The phase `typed` names: its id, an alias, its name in either
    /// language, or the unique beginning of an id or alias (`pil`).
    pub fn find_phase(&self, typed: &str) -> Option<&Phase> {
        let want = typed.trim().to_lowercase().replace('_', "-");
        let exact = self.phases.iter().find(|p| {
            p.id == want
                || p.aliases.contains(&want)
                || p.nb.to_lowercase() == want
                || p.en.to_lowercase() == want
        });
        if exact.is_some() {
            return exact;
        }
        match self.phases_beginning(typed).as_slice() {
            [one] => Some(one),
            _ => None,
        }
    }

    /// The phases whose id or an alias begins with `typed`.
    pub fn phases_beginning(&self, typed: &str) -> Vec<&Phase> {
        let want = typed.trim().to_lowercase().replace('_', "-");
        if want.is_empty() {
            return Vec::new();
        }
        self.phases
            .iter()
            .filter(|p| p.id.starts_with(&want) || p.aliases.iter().any(|a| a.starts_with(&want)))
            .collect()
    }

    /// Position (0-based) of a phase.
    pub fn position(&self, id: &str) -> Option<usize> {
        self.phases.iter().position(|p| p.id == id)
    }

    pub fn phase_ids(&self) -> Vec<&str> {
        self.phases.iter().map(|p| p.id.as_str()).collect()
    }

    /// Problems with the roadmap's shape, each with where it is in the file.
    /// `whole` is false for a file that only adds items to a built-in
    /// roadmap (`extends`): its phases need no names, and it may have none.
    pub fn problems(&self, known_rule: impl Fn(&str) -> bool, whole: bool) -> Vec<Problem> {
        let mut out = Vec::new();
        let mut seen = std::collections::BTreeSet::new();
        for (pi, p) in self.phases.iter().enumerate() {
            let at = At::Phase(pi);
            if !super::id::is_valid(&p.id) {
                out.push(Problem::new(
                    crate::tr!(
                        "fase-id-en «{}» er ikke gyldig (små bokstaver, sifre og bindestrek)",
                        "the phase id `{}` is not valid (lowercase letters, digits and dashes)",
                        p.id
                    ),
                    at,
                ));
            }
            if !seen.insert(p.id.clone()) {
                out.push(Problem::new(
                    crate::tr!("fasen «{}» står to ganger", "the phase `{}` appears twice", p.id),
                    at,
                ));
            }
            if whole && (p.nb.trim().is_empty() || p.en.trim().is_empty()) {
                out.push(Problem::new(
                    crate::tr!(
                        "fasen «{}» trenger et navn på bokmål (`nb`) og engelsk (`en`)",
                        "the phase `{}` needs a name in Bokmål (`nb`) and English (`en`)",
                        p.id
                    ),
                    at,
                ));
            }
            let mut items = std::collections::BTreeSet::new();
            for (ii, i) in p.items.iter().enumerate() {
                let at = At::Item(pi, ii);
                if !super::id::is_valid(&i.id) {
                    out.push(Problem::new(
                        crate::tr!(
                            "punkt-id-en «{}» i fasen {} er ikke gyldig",
                            "the item id `{}` in phase {} is not valid",
                            i.id,
                            p.id
                        ),
                        at,
                    ));
                }
                if !items.insert(i.id.clone()) {
                    out.push(Problem::new(
                        crate::tr!(
                            "punktet «{}» står to ganger i fasen {}",
                            "the item `{}` appears twice in phase {}",
                            i.id,
                            p.id
                        ),
                        at,
                    ));
                }
                match (&i.rule, i.evaluation) {
                    (None, Evaluation::Auto | Evaluation::Suggested) => out.push(Problem::new(
                        crate::tr!(
                            "punktet «{}» i fasen {} er «{}», men har ingen `rule`",
                            "the item `{}` in phase {} is `{}` but has no `rule`",
                            i.id,
                            p.id,
                            i.evaluation.key()
                        ),
                        at,
                    )),
                    (Some(r), _) if !known_rule(r) => out.push(Problem::new(
                        crate::tr!(
                            "punktet «{}» i fasen {} bruker den ukjente regelen «{r}»",
                            "the item `{}` in phase {} uses the unknown rule `{r}`",
                            i.id,
                            p.id
                        ),
                        At::Rule(pi, ii),
                    )),
                    _ => {}
                }
            }
        }
        if whole && self.phases.is_empty() {
            out.push(Problem::new(
                crate::tr!("veikartet har ingen faser", "the roadmap has no phases"),
                At::File,
            ));
        }
        out
    }

    /// Add a project's own items (and steps) to this roadmap's phases. The
    /// problems point into `local`.
    pub fn extend_with(&mut self, local: Roadmap) -> Vec<Problem> {
        let mut problems = Vec::new();
        for (pi, lp) in local.phases.into_iter().enumerate() {
            match self.phases.iter_mut().find(|p| p.id == lp.id) {
                Some(p) => {
                    p.steps.extend(lp.steps);
                    // Twice in the project's own file is `problems`' to say.
                    let base: Vec<String> = p.items.iter().map(|i| i.id.clone()).collect();
                    for (ii, item) in lp.items.into_iter().enumerate() {
                        if base.contains(&item.id) {
                            problems.push(Problem::new(crate::tr!(
                                "punktet «{}» finnes allerede i fasen {}; velg en annen id",
                                "the item `{}` already exists in phase {}; pick another id",
                                item.id,
                                p.id
                            ), At::Item(pi, ii)));
                        } else {
                            p.items.push(item);
                        }
                    }
                }
                None => problems.push(Problem::new(crate::tr!(
                    "veikartet {} har ingen fase «{}»; for å lage egne faser, fjern `extends`",
                    "the roadmap {} has no phase `{}`; to define phases of your own, leave out `extends`",
                    self.id,
                    lp.id
                ), At::Phase(pi))),
            }
        }
        problems
    }
}

/// Where in a roadmap file a problem is: indexes count `[[phase]]` tables
/// and, within a phase, its `[[phase.item]]` tables, from 0.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum At {
    /// The file as a whole.
    File,
    /// A top-level key.
    Key(&'static str),
    /// A phase's `id`.
    Phase(usize),
    /// An item's `id`.
    Item(usize, usize),
    /// An item's `rule`.
    Rule(usize, usize),
}

/// One problem with a roadmap.
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    pub message: String,
    pub at: At,
}

impl Problem {
    pub fn new(message: String, at: At) -> Problem {
        Problem { message, at }
    }
}
