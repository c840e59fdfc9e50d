//! The user's language: Bokmål (`nb`, the default) or English (`en`).
//!
//! Every user-facing string is written twice, side by side, with [`tr!`]:
//! `tr!("Lagt til idé", "Added idea")`. The language is chosen once per run
//! (flag, environment, project file) and kept in a process-wide cell, so the
//! model can word its findings without threading a parameter through every call.

use std::sync::atomic::{AtomicU8, Ordering};

/// A language veikart speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    /// Norwegian Bokmål.
    #[default]
    Nb,
    /// English.
    En,
}

impl Lang {
    /// Parse `nb`/`no`/`bokmål` or `en`/`english`, any case.
    pub fn parse(s: &str) -> Option<Lang> {
        match s.trim().to_lowercase().as_str() {
            "nb" | "no" | "nob" | "bokmål" | "bokmal" | "norsk" | "nb-no" | "nb_no" => {
                Some(Lang::Nb)
            }
            "en" | "eng" | "english" | "engelsk" | "en-gb" | "en-us" | "en_gb" | "en_us" => {
                Some(Lang::En)
            }
            _ => None,
        }
    }

    /// The key written to `veikart.toml`.
    pub fn key(self) -> &'static str {
        match self {
            Lang::Nb => "nb",
            Lang::En => "en",
        }
    }
}

static CURRENT: AtomicU8 = AtomicU8::new(0);

/// Set the language for the rest of the run.
pub fn set(lang: Lang) {
    CURRENT.store(
        match lang {
            Lang::Nb => 0,
            Lang::En => 1,
        },
        Ordering::Relaxed,
    );
}

/// The language in force.
pub fn current() -> Lang {
    match CURRENT.load(Ordering::Relaxed) {
        1 => Lang::En,
        _ => Lang::Nb,
    }
}

/// Pick the Bokmål or the English text.
pub fn pick<T>(nb: T, en: T) -> T {
    match current() {
        Lang::Nb => nb,
        Lang::En => en,
    }
}

/// "1 rapport" / "3 rapporter": the count and the noun in the current
/// language, singular for exactly one.
pub fn counted(n: usize, nb: (&str, &str), en: (&str, &str)) -> String {
    let (one, many) = pick(nb, en);
    format!("{n} {}", if n == 1 { one } else { many })
}

/// "3 av 5 punkter" / "1 av 1 punkt": a part of a whole, the noun agreeing
/// with the whole.
pub fn counted_of(part: usize, total: usize, nb: (&str, &str), en: (&str, &str)) -> String {
    let (one, many) = pick(nb, en);
    let noun = if total == 1 { one } else { many };
    match current() {
        Lang::Nb => format!("{part} av {total} {noun}"),
        Lang::En => format!("{part} of {total} {noun}"),
    }
}

/// The items of a checklist, counted: "3 av 5 punkter".
pub fn items_of(part: usize, total: usize) -> String {
    counted_of(part, total, ("punkt", "punkter"), ("item", "items"))
}

/// `a, b og c` (`a, b and c`): a list in a sentence.
pub fn and_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} {} {last}", rest.join(", "), pick("og", "and")),
    }
}

/// `tr!("bokmål {n}", "english {n}")` formats the text of the current
/// language; both texts are `format!` strings, with inline captures or
/// trailing arguments. Use [`pick`] for a plain `&'static str`.
#[macro_export]
macro_rules! tr {
    ($nb:literal, $en:literal $(,)?) => {
        match $crate::i18n::current() {
            $crate::i18n::Lang::Nb => format!($nb),
            $crate::i18n::Lang::En => format!($en),
        }
    };
    ($nb:literal, $en:literal, $($arg:tt)+) => {
        match $crate::i18n::current() {
            $crate::i18n::Lang::Nb => format!($nb, $($arg)+),
            $crate::i18n::Lang::En => format!($en, $($arg)+),
        }
    };
}
