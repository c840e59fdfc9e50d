//! What a record file may hold: fields, their types and allowed values.
//!
//! Each kind of record declares one [`KindSpec`]; the store validates files
//! against it (every problem at once, with positions), the JSON Schemas in
//! `docs/schema/` are generated from it, and the CLI parses enum flags with
//! the same [`EnumSpec`], Norwegian aliases included.

use crate::i18n::{self, Lang};
use crate::model::value::Fields;

/// One allowed value of an enum field.
#[derive(Debug)]
pub struct Variant {
    /// The key written to files and JSON (short English word).
    pub key: &'static str,
    /// Label in Bokmål.
    pub nb: &'static str,
    /// Label in English.
    pub en: &'static str,
    /// Other spellings accepted on the command line (Norwegian words, ASCII forms).
    pub aliases: &'static [&'static str],
}

/// The allowed values of an enum field.
#[derive(Debug)]
pub struct EnumSpec {
    pub name: &'static str,
    pub variants: &'static [Variant],
}

impl EnumSpec {
    /// The canonical key for a typed value: a key, a label or an alias, any case.
    pub fn parse(&self, input: &str) -> Option<&'static str> {
        let wanted = input.trim().to_lowercase();
        let wanted = wanted.replace('_', "-");
        // Words typed apart read as the alias written with dashes
        // (`annen offentlig virksomhet`).
        let dashed: String = wanted.split_whitespace().collect::<Vec<_>>().join("-");
        self.variants
            .iter()
            .find(|v| {
                v.key == wanted
                    || v.key == dashed
                    || v.nb.to_lowercase() == wanted
                    || v.en.to_lowercase() == wanted
                    || v.aliases.iter().any(|a| *a == wanted || *a == dashed)
            })
            .map(|v| v.key)
    }

    /// The variant with this exact key.
    pub fn get(&self, key: &str) -> Option<&'static Variant> {
        self.variants.iter().find(|v| v.key == key)
    }

    /// The label of a key in the current language (the key itself if unknown).
    pub fn label(&self, key: &str) -> &str {
        match self.get(key) {
            Some(v) => match i18n::current() {
                Lang::Nb => v.nb,
                Lang::En => v.en,
            },
            None => "?",
        }
    }

    /// All keys, in declared order.
    pub fn keys(&self) -> Vec<&'static str> {
        self.variants.iter().map(|v| v.key).collect()
    }

    /// Position of a key in the declared order (for sorting).
    pub fn rank(&self, key: &str) -> usize {
        self.variants.iter().position(|v| v.key == key).unwrap_or(usize::MAX)
    }
}

/// The type of a field's value.
#[derive(Debug, Clone, Copy)]
pub enum FieldType {
    /// One line of text, not empty, no control characters.
    Line,
    /// Free text, may span lines.
    Text,
    /// A calendar date, written as a bare TOML date (`2026-11-01`).
    Date,
    /// An integer between the bounds, inclusive.
    Int {
        min: i64,
        max: i64,
    },
    /// A year (1900 to 2200), written as a whole number.
    Year,
    /// A number (integer or float), such as a measured value.
    Number,
    /// An amount of money in NOK: a number, never negative. On the command
    /// line `1.200` is refused as ambiguous (a thousand two hundred, or 1,2?).
    Money,
    Bool,
    Enum(&'static EnumSpec),
    /// A list of single-line texts.
    Lines,
    /// A list of keys of an enum (`with = ["user", "employee"]`).
    Keys(&'static EnumSpec),
    /// The id of a record of another (or the same) kind, by its folder.
    Ref(&'static str),
    /// A list of ids of records in a folder.
    Refs(&'static str),
    /// A list of references to records of any of these folders, each written
    /// with its folder (`proposals/sms-varsel`), so a value says what it
    /// names on its own and cannot become ambiguous when a record of the
    /// same id is added to another of the folders (on another branch, say).
    RefsAmong(&'static [&'static str]),
    /// A table whose keys are ids of records in a folder and whose values are
    /// keys of an enum (`[raci]` with `role = "H"`).
    RefMap(&'static str, &'static EnumSpec),
    /// An array of tables (`[[cost]]`), each validated against these fields.
    /// Entries are appended at the end of the file, so adding one is a small diff.
    Tables(&'static [Field]),
}

/// One key of a record file, declared once: its type, its help in both
/// languages (for `--help`, the JSON Schema and the docs), its label (for
/// `show` and for the lines an edit prints), the flag that sets it, and what
/// a new record gets when the flag is left out.
#[derive(Debug)]
pub struct Field {
    pub name: &'static str,
    pub ty: FieldType,
    pub required: bool,
    /// What the field holds, in English (the JSON Schema and English help).
    pub doc: &'static str,
    /// What the field holds, in Bokmål (Bokmål help).
    pub nb: &'static str,
    /// The field as a label, in Bokmål and English (`Tittel`, `Title`).
    pub label_nb: &'static str,
    pub label_en: &'static str,
    /// The command-line flag, when it is not the key with dashes
    /// (`--need` for `needs`, `--date` for `created`).
    pub flag: Option<&'static str>,
    /// An older name of the flag, still accepted (not shown in `--help`).
    pub alias: Option<&'static str>,
    /// What `add` writes when the flag is not given.
    pub default: Default,
    /// Written only by a verb of its own (a status report's `published` and
    /// `commit`, by `publish`), never by `set`.
    pub fixed: bool,
}

/// What a new record gets for a field that is not given.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Default {
    /// Nothing: the field is left out (or, if required, must be given).
    None,
    /// Today's date.
    Today,
    /// This key of the field's enum (`status = "new"`).
    Key(&'static str),
}

impl Field {
    pub const fn req(name: &'static str, ty: FieldType, doc: &'static str) -> Field {
        Field {
            name,
            ty,
            required: true,
            doc,
            nb: "",
            label_nb: "",
            label_en: "",
            flag: None,
            alias: None,
            default: Default::None,
            fixed: false,
        }
    }
    pub const fn opt(name: &'static str, ty: FieldType, doc: &'static str) -> Field {
        let mut f = Field::req(name, ty, doc);
        f.required = false;
        f
    }
    /// The label in Bokmål and English.
    pub const fn label(mut self, nb: &'static str, en: &'static str) -> Field {
        self.label_nb = nb;
        self.label_en = en;
        self
    }
    /// The help text in Bokmål (the English one is `doc`).
    pub const fn nb(mut self, text: &'static str) -> Field {
        self.nb = text;
        self
    }
    /// The command-line flag, without the dashes.
    pub const fn flag(mut self, flag: &'static str) -> Field {
        self.flag = Some(flag);
        self
    }
    /// An older name of the flag, still accepted.
    pub const fn alias(mut self, alias: &'static str) -> Field {
        self.alias = Some(alias);
        self
    }
    /// A new record gets today's date here.
    pub const fn today(mut self) -> Field {
        self.default = Default::Today;
        self
    }
    /// Written only by a verb of its own, never by `set` (see [`Field::fixed`]).
    pub const fn fixed(mut self) -> Field {
        self.fixed = true;
        self
    }
    /// A new record gets this enum key here.
    pub const fn starts(mut self, key: &'static str) -> Field {
        self.default = Default::Key(key);
        self
    }

    /// The label in the current language.
    pub fn label_text(&self) -> &'static str {
        i18n::pick(self.label_nb, self.label_en)
    }

    /// The help text in the current language.
    pub fn help(&self) -> &'static str {
        i18n::pick(self.nb, self.doc)
    }

    /// The flag's name without dashes (`review-every`).
    pub fn flag_name(&self) -> String {
        match self.flag {
            Some(f) => f.to_string(),
            None => self.name.replace('_', "-"),
        }
    }

    /// Whether `set` can change the field: tables of their own (costs,
    /// reviews, actions, the RACI row) have verbs of their own.
    pub fn settable(&self) -> bool {
        !self.fixed && !matches!(self.ty, FieldType::RefMap(..) | FieldType::Tables(_))
    }

    /// Whether the field holds a list (its flag can be repeated).
    pub fn is_list(&self) -> bool {
        matches!(
            self.ty,
            FieldType::Lines | FieldType::Keys(_) | FieldType::Refs(_) | FieldType::RefsAmong(_)
        )
    }

    /// Whether the field names other records (its values are ids or
    /// unique prefixes on the command line).
    pub fn is_ref(&self) -> bool {
        matches!(self.ty, FieldType::Ref(_) | FieldType::Refs(_) | FieldType::RefsAmong(_))
    }
}

/// A column of a kind's table: a key of the record's JSON (a field, or a
/// value worked out from them), then the header in Bokmål and English.
#[derive(Debug)]
pub struct Col(pub &'static str, pub &'static str, pub &'static str);

/// A reference written with its folder (`proposals/sms-varsel`) split into
/// the folder, as one of `dirs`, and the id; `None` when the folder is not
/// one of them or there is no `/`.
pub fn split_ref(value: &str, dirs: &[&'static str]) -> Option<(&'static str, String)> {
    let (dir, id) = value.split_once('/')?;
    dirs.iter().find(|d| **d == dir).map(|d| (*d, id.to_string()))
}

/// How a kind tells one record from another.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Identity {
    /// The record names a thing (a role, a goal): a second record with the
    /// same name is refused, pointing to `set`. With a scope, names are
    /// unique within the records that share that field's value (steps
    /// within one journey).
    Named { scope: Option<&'static str> },
    /// The record is an event (an idea, a log entry): the same title twice
    /// makes two records (`-2`).
    Event,
}

/// The order of a kind's list: keys compared in turn (enum values by their
/// declared order, missing values last), then the id.
#[derive(Debug, Clone, Copy)]
pub enum Order {
    Asc(&'static str),
    Desc(&'static str),
}

/// A kind of record: its folder, names and fields (in the order they are written).
#[derive(Debug)]
pub struct KindSpec {
    /// The folder under the project root, also the kind's key in JSON (`ideas`).
    pub dir: &'static str,
    /// One record, in English (`idea`, `journey step`).
    pub noun: &'static str,
    /// The CLI noun that manages it (`idea`, `journey`).
    pub command: &'static str,
    /// One record, in Bokmål (`idé`).
    pub noun_nb: &'static str,
    /// Several records, in English and Bokmål (`ideas`, `idéer`).
    pub plural: &'static str,
    pub plural_nb: &'static str,
    /// Whether the Bokmål noun is neuter (`et mål`, `et avvik`).
    pub neuter: bool,
    pub fields: &'static [Field],
    /// Records kept in one subfolder per owner (`measurements/<indicator>/<date>.toml`),
    /// so that many small records of one owner merge without conflicts and no
    /// file grows without bound.
    pub group: Option<Group>,
    /// The field that names the record and makes its id (`title`, `name`).
    pub title: Option<&'static str>,
    /// Whether a record names a thing or records an event.
    pub identity: Identity,
    /// The id is the date (this field) and the first words of the title
    /// (`logs/2026-11-20-kake-for-1000.toml`), rather than the title alone.
    pub dated_id: Option<&'static str>,
    /// What dates a record, for `--as-of DATE`: a record (or row) dated
    /// after DATE is not shown, as it did not exist yet.
    pub dated: Dated,
    /// The columns of the kind's table in `list`.
    pub columns: &'static [Col],
    /// The order of `list`.
    pub order: &'static [Order],
    /// For `--help`: a typical `add`, the id it makes, and a typical `set`.
    pub example: Example,
    /// For `--help` of a noun built from the declaration: what the kind is for.
    pub about: About,
}

/// What dates the records of a kind, so that `--as-of DATE` can leave out
/// what came after DATE.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dated {
    /// Undated: part of the plan, always shown (roles, benefits, indicators).
    No,
    /// The record is dated by this date field (`submitted`, `date`).
    Field(&'static str),
    /// The record's file name is its date (`measurements/<indicator>/<date>.toml`).
    Name,
    /// The rows of this table are dated by this field (`review`, `date`).
    Rows(&'static str, &'static str),
}

/// What a kind is for, in a line and (optionally) a paragraph, in both
/// languages: the help of a noun built from its declaration.
#[derive(Debug, Clone, Copy)]
pub struct About {
    pub nb: &'static str,
    pub en: &'static str,
    pub long_nb: &'static str,
    pub long_en: &'static str,
}

/// A realistic use of a kind's verbs, for the examples in `--help` and the
/// hints of an empty list.
#[derive(Debug, Clone, Copy)]
pub struct Example {
    /// The command that adds one, after `veikart ` (`goal add "…" --measure "…"`).
    pub add: &'static str,
    /// The id that makes, or a prefix of it.
    pub id: &'static str,
    /// The options of a typical `set`.
    pub set: &'static str,
}

/// The defaults of a kind's declaration, for `..KindSpec::BASE` in a literal.
impl KindSpec {
    pub const BASE: KindSpec = KindSpec {
        dir: "",
        noun: "",
        command: "",
        noun_nb: "",
        plural: "",
        plural_nb: "",
        neuter: false,
        fields: &[],
        group: None,
        title: None,
        identity: Identity::Event,
        dated_id: None,
        dated: Dated::No,
        columns: &[],
        order: &[],
        example: Example { add: "", id: "", set: "" },
        about: About { nb: "", en: "", long_nb: "", long_en: "" },
    };
}

/// How a grouped kind names its owner: the subfolder's name is the value of
/// `field` (never written in the file itself).
#[derive(Debug)]
pub struct Group {
    pub field: &'static str,
    /// The folder of the owner's kind, when the owner is a record.
    pub refers: Option<&'static str>,
    pub doc: &'static str,
}

impl KindSpec {
    pub fn field(&self, name: &str) -> Option<&Field> {
        self.fields.iter().find(|f| f.name == name)
    }

    /// The noun in the current language.
    pub fn label(&self) -> &'static str {
        i18n::pick(self.noun_nb, self.noun)
    }

    /// The plural noun in the current language.
    pub fn plural_label(&self) -> &'static str {
        i18n::pick(self.plural_nb, self.plural)
    }

    /// `1 idé`, `3 idéer` (`1 idea`, `3 ideas`), in the current language.
    pub fn count(&self, n: usize) -> String {
        format!("{n} {}", if n == 1 { self.label() } else { self.plural_label() })
    }

    /// The noun with its indefinite article (`en idé`, `et mål`, `an idea`).
    pub fn a(&self) -> String {
        match i18n::current() {
            Lang::Nb => format!("{} {}", if self.neuter { "et" } else { "en" }, self.noun_nb),
            Lang::En => self.a_en(),
        }
    }

    /// The English noun with its indefinite article (`an idea`, `a goal`).
    pub fn a_en(&self) -> String {
        // By sound: "an idea", but "a user test".
        let article = if self.noun.starts_with(['a', 'e', 'i', 'o']) { "an" } else { "a" };
        format!("{article} {}", self.noun)
    }

    /// For a kind that names things, what makes two of its records the same,
    /// with the name as written: the slug of the name (so «Sykepleier» and
    /// «sykepleier!» are one) and, for a scoped kind, the scope's value.
    pub fn name_key(&self, fields: &Fields) -> Option<((String, String), String)> {
        let Identity::Named { scope } = self.identity else { return None };
        let name = fields.str(self.title?)?;
        let slug = crate::model::id::slug_whole(name);
        if slug.is_empty() {
            return None;
        }
        // A scope left out has the field's default (a step is in the future
        // journey unless it says otherwise).
        let within = scope.map_or(String::new(), |s| match fields.values.get(s) {
            Some(v) => crate::model::display::plain(v),
            None => match self.field(s).map(|f| f.default) {
                Some(Default::Key(k)) => k.to_string(),
                _ => String::new(),
            },
        });
        Some(((slug, within), name.to_string()))
    }

    /// The fields `set` can change, in declared order.
    pub fn settable(&self) -> impl Iterator<Item = &'static Field> {
        self.fields.iter().filter(|f| f.settable())
    }
}

/// How serious a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

/// A problem the model found in a record's values, pointed at a field.
#[derive(Debug, Clone)]
pub struct Finding {
    pub severity: Severity,
    /// A short stable code (`missing-reason`).
    pub code: &'static str,
    /// The field it is about, if any; the store turns it into a line.
    pub field: Option<&'static str>,
    /// A key inside that field's table (a role in `[raci]`), if any.
    pub key: Option<String>,
    pub message: String,
    pub hints: Vec<String>,
    /// Work not done yet (an activity still without H, a benefit still
    /// without an indicator): `check` and the checklist report it, but it is
    /// never a reason to refuse a write, since records are built one step at
    /// a time.
    pub incomplete: bool,
    /// Other fields the finding is about; it is left out while one of them
    /// holds a value `check` already reports as wrong, so one mistake is not
    /// reported twice.
    pub needs: &'static [&'static str],
}

impl Finding {
    fn new(
        severity: Severity,
        code: &'static str,
        field: Option<&'static str>,
        message: String,
    ) -> Finding {
        Finding {
            severity,
            code,
            field,
            key: None,
            message,
            hints: Vec::new(),
            incomplete: false,
            needs: &[],
        }
    }
    pub fn error(code: &'static str, field: Option<&'static str>, message: String) -> Finding {
        Finding::new(Severity::Error, code, field, message)
    }
    pub fn warning(code: &'static str, field: Option<&'static str>, message: String) -> Finding {
        Finding::new(Severity::Warning, code, field, message)
    }

    /// The error `date-order` on the field `later` when its date comes
    /// before the date of the field `earlier` names (both set), in the words
    /// `say(later, earlier)`.
    pub fn date_order(
        later: (&'static str, Option<crate::model::date::Date>),
        earlier: (&'static [&'static str], Option<crate::model::date::Date>),
        say: impl FnOnce(crate::model::date::Date, crate::model::date::Date) -> String,
    ) -> Option<Finding> {
        match (later.1, earlier.1) {
            (Some(l), Some(e)) if l < e => {
                Some(Finding::error("date-order", Some(later.0), say(l, e)).needs(earlier.0))
            }
            _ => None,
        }
    }

    /// Mark the finding as work not done yet (see [`Finding::incomplete`]).
    pub fn incomplete(mut self) -> Finding {
        self.incomplete = true;
        self
    }

    /// Name the other fields the finding is about (see [`Finding::needs`]).
    pub fn needs(mut self, fields: &'static [&'static str]) -> Finding {
        self.needs = fields;
        self
    }

    /// Whether a write that leaves this finding behind is refused: every
    /// error but work not done yet.
    pub fn blocks(&self) -> bool {
        self.severity == Severity::Error && !self.incomplete
    }
    /// Point at one key of the field's table.
    pub fn at_key(mut self, key: &str) -> Finding {
        self.key = Some(key.to_string());
        self
    }

    pub fn hint(mut self, hint: String) -> Finding {
        self.hints.push(hint);
        self
    }
}

/// The first invisible character in `s` that can hide or reorder what a
/// reader sees: the bidirectional controls (the "Trojan Source" trick), the
/// line and paragraph separators (U+2028, U+2029), and
/// in a one-line value (`line`) also zero-width spaces and the byte order
/// mark. Joiners (in emoji and some scripts) are fine.
pub fn hidden_char(s: &str, line: bool) -> Option<char> {
    s.chars().find(|c| {
        matches!(
            c,
            '\u{200E}'
                | '\u{200F}'
                | '\u{061C}'
                | '\u{202A}'..='\u{202E}'
                | '\u{2066}'..='\u{2069}'
                | '\u{2028}'
                | '\u{2029}'
        ) || (line && matches!(c, '\u{200B}' | '\u{2060}' | '\u{FEFF}'))
    })
}

/// The message for [`hidden_char`]: `what` has the character `c`.
pub fn hidden_char_message(what: &str, c: char) -> String {
    crate::tr!(
        "{what} har et usynlig tegn (U+{:04X}) som kan skjule eller snu teksten; skriv verdien inn på nytt uten tegnet",
        "{what} has an invisible character (U+{:04X}) that can hide or reorder the text; type the value again without it",
        u32::from(c)
    )
}

/// The most characters a title (or a name) may have: details go in the description.
pub const MAX_TITLE_CHARS: usize = 200;

/// The rules a text value is held to, the same on the command line (the
/// parsers of [`crate::model::input`]) and in files (`check` and every write).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextRule {
    /// One line ([`FieldType::Line`], an entry of [`FieldType::Lines`]): not
    /// blank, no control characters, no hidden characters.
    Line,
    /// The value that names a record (its title or name): a line that does
    /// not look like a file path and has at most [`MAX_TITLE_CHARS`] characters.
    Title,
    /// Free text ([`FieldType::Text`]): line breaks and tabs are fine, other
    /// control characters and the characters that reorder text are not.
    Text,
}

impl Field {
    /// The rule a text value of this field is held to; `title` says the field
    /// names the record (the kind's `title`). `None` for values that are not text.
    pub fn text_rule(&self, title: bool) -> Option<TextRule> {
        match self.ty {
            FieldType::Line if title => Some(TextRule::Title),
            FieldType::Line | FieldType::Lines => Some(TextRule::Line),
            FieldType::Text => Some(TextRule::Text),
            _ => None,
        }
    }
}

impl KindSpec {
    /// Whether `field` is the one that names a record of this kind.
    pub fn is_title(&self, field: &Field) -> bool {
        self.title == Some(field.name)
    }
}

/// What is wrong with a text value: a stable code (the one `check` reports),
/// the message, and a hint where one helps.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextProblem {
    pub code: &'static str,
    pub message: String,
    pub hint: Option<String>,
}

/// What is wrong with `s` under `rule`, if anything; `what` names the value
/// in the message («tittelen», `` `title` ``). The value is judged as it is:
/// a command trims what was typed before it asks.
pub fn text_problem(s: &str, rule: TextRule, what: &str) -> Option<TextProblem> {
    let problem = |code, message| Some(TextProblem { code, message, hint: None });
    let line = rule != TextRule::Text;
    if line && s.trim().is_empty() {
        return problem("empty", crate::tr!("{what} er tom", "{what} is empty"));
    }
    if line && s.chars().any(char::is_control) {
        return problem(
            "control-character",
            crate::tr!(
                "{what} skal være én linje uten kontrolltegn",
                "{what} should be one line without control characters"
            ),
        );
    }
    if !line && s.chars().any(|c| c.is_control() && !matches!(c, '\n' | '\t' | '\r')) {
        return problem(
            "control-character",
            crate::tr!("{what} har kontrolltegn", "{what} has control characters"),
        );
    }
    if let Some(c) = hidden_char(s, line) {
        return problem("hidden-character", hidden_char_message(what, c));
    }
    if rule == TextRule::Title {
        let t = s.trim();
        let title_hint = || {
            Some(crate::tr!(
                "en tittel er noen få ord på én linje, for eksempel «Bedre skilting på legevakten»",
                "a title is a few words on one line, for example \"Better signs at the emergency clinic\""
            ))
        };
        if looks_like_path(t) {
            return Some(TextProblem {
                code: "path-like",
                message: crate::tr!(
                    "{what} «{t}» ser ut som en filsti",
                    "{what} `{t}` looks like a file path"
                ),
                hint: title_hint(),
            });
        }
        if t.chars().count() > MAX_TITLE_CHARS {
            return Some(TextProblem {
                code: "too-long",
                message: crate::tr!(
                    "{what} er for lang (over {MAX_TITLE_CHARS} tegn); legg detaljer i beskrivelsen",
                    "{what} is too long (over {MAX_TITLE_CHARS} characters); put details in the description"
                ),
                hint: title_hint(),
            });
        }
    }
    None
}

/// Whether a title is usable: not empty, one line, no control or hidden
/// characters, not something that looks like a file path, and not too long
/// (the rule [`TextRule::Title`]). Returns the reason if not.
pub fn title_problem(title: &str) -> Option<String> {
    text_problem(title, TextRule::Title, &crate::tr!("tittelen", "the title")).map(|p| p.message)
}

fn looks_like_path(t: &str) -> bool {
    t.starts_with('/')
        || t.starts_with("./")
        || t.starts_with("../")
        || t.starts_with("~/")
        || t.starts_with('.')
        || t.contains('\\')
        || t.contains("/.")
        || t.contains("//")
        || t.to_lowercase().ends_with(".toml")
        || (t.contains('/') && !t.contains(' ') && t.split('/').count() > 2)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles() {
        assert!(title_problem("Bedre skilting på legevakten").is_none());
        assert!(title_problem("Åpent 24/7 på helgene").is_none());
        for bad in [
            "",
            "   ",
            "a\nb",
            "../../etc/passwd",
            "/tmp/x",
            "ideas/a.toml",
            "a\\b",
            ".skjult",
            "a/b/c",
        ] {
            assert!(title_problem(bad).is_some(), "{bad:?}");
        }
    }
}
