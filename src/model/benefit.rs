//! Benefits (gevinster): what the new service gains, for whom, at what cost
//! and under which preconditions (`tjenesteutvikling` step 4).

use serde::Serialize;

use super::date::Date;
use super::schema::{
    Col, EnumSpec, Example, Field, FieldType, Finding, Identity, KindSpec, Variant,
};
use super::value::Fields;
use crate::tr;

pub static TYPE: EnumSpec = EnumSpec {
    name: "type",
    variants: &[
        Variant {
            key: "time",
            nb: "spart tid",
            en: "time saved",
            aliases: &["tid", "spart-tid", "saved-time"],
        },
        Variant {
            key: "cost",
            nb: "unngåtte kostnader",
            en: "costs avoided",
            aliases: &["kostnad", "kostnader", "penger", "money"],
        },
        Variant {
            key: "quality",
            nb: "bedre kvalitet",
            en: "better quality",
            aliases: &["kvalitet"],
        },
        Variant { key: "other", nb: "annet", en: "other", aliases: &["andre", "annen"] },
    ],
};

/// Who may gain, in both `beneficiary` and `gains`.
const USER: Variant =
    Variant { key: "user", nb: "brukere", en: "users", aliases: &["bruker", "brukerne"] };
const RELATIVE: Variant = Variant {
    key: "relative",
    nb: "pårørende",
    en: "relatives",
    aliases: &["parorende", "paarorende", "relatives"],
};
const EMPLOYEE: Variant = Variant {
    key: "employee",
    nb: "ansatte",
    en: "employees",
    aliases: &["ansatt", "staff", "employees"],
};
const MUNICIPALITY: Variant =
    Variant { key: "municipality", nb: "kommunen", en: "the municipality", aliases: &["kommune"] };

pub static BENEFICIARY: EnumSpec = EnumSpec {
    name: "beneficiary",
    variants: &[
        USER,
        RELATIVE,
        EMPLOYEE,
        MUNICIPALITY,
        Variant { key: "other", nb: "andre", en: "others", aliases: &["annen", "annet"] },
    ],
};

pub static COST_KIND: EnumSpec = EnumSpec {
    name: "kind",
    variants: &[
        Variant {
            key: "one-off",
            nb: "engangskostnad",
            en: "one-off",
            aliases: &["engangs", "engang", "once", "oneoff"],
        },
        Variant {
            key: "recurring",
            nb: "løpende",
            en: "recurring",
            aliases: &["lopende", "loepende", "arlig", "årlig", "yearly"],
        },
    ],
};

static COST_FIELDS: &[Field] = &[
    Field::req("kind", FieldType::Enum(&COST_KIND), "one-off or recurring (per year).")
        .label("Type", "Kind")
        .nb("engangs eller løpende (per år)"),
    Field::req("amount", FieldType::Money, "The amount in NOK.")
        .label("Beløp", "Amount")
        .nb("Beløpet i kroner"),
    Field::opt("year", YEAR, "The year the cost falls in.")
        .label("År", "Year")
        .nb("Året kostnaden kommer"),
    Field::opt("note", FieldType::Line, "What the cost is for.")
        .label("Notat", "Note")
        .nb("Hva kostnaden gjelder"),
];

/// The folders of what can bring a benefit (its enablers in the benefit
/// map): proposals, technology options, activities and touchpoints.
pub static ENABLER_DIRS: &[&str] = &["proposals", "technologies", "activities", "touchpoints"];

/// A year, as costs and benefits are counted.
pub const YEAR: FieldType = FieldType::Year;

/// How a benefit is realised, as the national guidance for benefit
/// realisation plans sorts them.
pub static REALISED_AS: EnumSpec = EnumSpec {
    name: "realised_as",
    variants: &[
        Variant {
            key: "budget",
            nb: "budsjettgevinst",
            en: "budget effect",
            aliases: &["budsjett", "budsjettvirkning", "budget-effect"],
        },
        Variant {
            key: "capacity",
            nb: "frigjort kapasitet",
            en: "freed capacity",
            aliases: &["kapasitet", "frigjort-kapasitet", "frigjort-tid", "freed-capacity"],
        },
        Variant {
            key: "other-public",
            nb: "gevinst for annen offentlig virksomhet",
            en: "effect for another public body",
            aliases: &["annen-offentlig", "annen-offentlig-virksomhet", "offentlig"],
        },
        Variant {
            key: "non-priced",
            nb: "ikke prissatt",
            en: "non-priced",
            aliases: &["ikke-prissatt", "kvalitativ", "qualitative", "unpriced"],
        },
    ],
};

/// Who gains from a benefit.
pub static GAINS: EnumSpec = EnumSpec {
    name: "gains",
    variants: &[
        MUNICIPALITY,
        USER,
        RELATIVE,
        EMPLOYEE,
        Variant {
            key: "other-public",
            nb: "annen offentlig virksomhet",
            en: "another public body",
            aliases: &["annen-offentlig", "annen-offentlig-virksomhet", "offentlig"],
        },
        Variant { key: "society", nb: "samfunnet", en: "society", aliases: &["samfunn"] },
    ],
};

/// How much a non-priced benefit matters.
pub static IMPORTANCE: EnumSpec = EnumSpec {
    name: "importance",
    variants: &[
        Variant { key: "low", nb: "liten", en: "low", aliases: &["lav", "lite"] },
        Variant { key: "moderate", nb: "middels", en: "moderate", aliases: &["moderat"] },
        Variant { key: "high", nb: "stor", en: "high", aliases: &["høy", "hoy", "hoey", "stort"] },
    ],
};

static YEARLY_FIELDS: &[Field] = &[
    Field::req("year", YEAR, "The year.").label("År", "Year").nb("Året"),
    Field::req("amount", FieldType::Money, "The benefit that year, in NOK.")
        .label("Beløp", "Amount")
        .nb("Gevinsten det året, i kroner"),
];

/// The largest amount (NOK, or hours) a benefit may be said to be worth a
/// year: a hundred billion, far beyond any municipal benefit.
pub const MAX_AMOUNT: f64 = 1e11;

/// The keys that say what a benefit is worth: all of them are replaced
/// together by `benefit value`.
pub const VALUE_KEYS: &[&str] = &[
    "realised_as",
    "per_year",
    "pessimistic",
    "expected",
    "optimistic",
    "yearly_amount",
    "hours_per_year",
    "hourly_cost",
    "from_year",
    "years",
    "importance",
    "importance_reason",
];

pub static SPEC: KindSpec = KindSpec {
    dir: "benefits",
    noun: "benefit",
    command: "benefit",
    noun_nb: "gevinst",
    plural: "benefits",
    plural_nb: "gevinster",
    fields: &[
        Field::req("title", FieldType::Line, "The benefit, in a few words.")
            .label("Tittel", "Title")
            .nb("Gevinsten med noen få ord"),
        Field::req(
            "type",
            FieldType::Enum(&TYPE),
            "time (time saved), cost (costs avoided), quality or other.",
        )
        .label("Type", "Type")
        .nb("time (spart tid), cost (unngåtte kostnader), quality (bedre kvalitet) eller other"),
        Field::opt("monetary", FieldType::Bool, "Whether the benefit can be counted in money.")
            .label("Økonomisk", "Monetary")
            .nb("Om gevinsten kan regnes i kroner"),
        Field::opt(
            "beneficiary",
            FieldType::Enum(&BENEFICIARY),
            "Who gains: user, relative, employee, municipality or other.",
        )
        .label("Til gode for", "Beneficiary")
        .nb("Hvem som får gevinsten: bruker, pårørende, ansatt, kommunen eller andre"),
        Field::opt(
            "owner",
            FieldType::Ref("roles"),
            "The role that owns the benefit (gevinsteier) and reports on it.",
        )
        .label("Gevinsteier", "Owner")
        .nb("Rollen som eier gevinsten (gevinsteier) og rapporterer på den"),
        Field::opt(
            "responsible",
            FieldType::Ref("roles"),
            "The role responsible for realising it (gevinstansvarlig), usually a line manager.",
        )
        .label("Gevinstansvarlig", "Responsible")
        .nb("Rollen som har ansvaret for å realisere den (gevinstansvarlig), som regel en leder i linjen"),
        Field::opt("due", FieldType::Date, "When the benefit should be realised.")
            .label("Realiseres innen", "Due")
            .nb("Når gevinsten skal være realisert"),
        Field::opt(
            "preconditions",
            FieldType::Lines,
            "What must be true for the benefit to be realised (forutsetninger).",
        )
        .label("Forutsetninger", "Preconditions")
        .nb("Det som må være på plass for at gevinsten skal realiseres")
        .flag("precondition"),
        Field::opt("goals", FieldType::Refs("goals"), "The goals the benefit serves.")
            .label("Mål", "Goals")
            .nb("Målene gevinsten bidrar til")
            .flag("goal"),
        Field::opt(
            "enablers",
            FieldType::RefsAmong(ENABLER_DIRS),
            "What brings the benefit: a proposal, technology option, activity or touchpoint, written with its folder in the file (proposals/ID).",
        )
        .label("Gir gevinsten", "Brought by")
        .nb("Det som gir gevinsten: et løsningsforslag, teknologivalg, en aktivitet eller et kontaktpunkt, skrevet med mappen foran i filen (proposals/ID)")
        .flag("enabler"),
        Field::opt("description", FieldType::Text, "What the benefit is and how it comes about.")
            .label("Beskrivelse", "Description")
            .nb("Hva gevinsten er og hvordan den oppstår"),
        Field::req("created", FieldType::Date, "When the benefit was recorded.")
            .label("Registrert", "Recorded")
            .nb("Datoen gevinsten ble registrert")
            .flag("date")
            .today(),
        Field::opt("cost", FieldType::Tables(COST_FIELDS), "The costs of getting the benefit.")
            .label("Kostnader", "Costs")
            .nb("Kostnadene ved å få gevinsten"),
        Field::opt(
            "realised_as",
            FieldType::Enum(&REALISED_AS),
            "How it is realised: budget (in the municipality's own budget), capacity (freed time used for other tasks), other-public (for another public body) or non-priced.",
        )
        .label("Realiseres som", "Realised as")
        .nb("Hvordan den hentes ut: budget (i kommunens eget budsjett), capacity (frigjort tid brukt til andre oppgaver), other-public (for en annen offentlig virksomhet) eller non-priced (ikke prissatt)"),
        Field::opt(
            "gains",
            FieldType::Keys(&GAINS),
            "Who gains: municipality, user, relative, employee, other-public, society.",
        )
        .label("Hvem vinner", "Who gains")
        .nb("Hvem som vinner på den: municipality (kommunen), user (brukere), relative (pårørende), employee (ansatte), other-public (annen offentlig virksomhet), society (samfunnet)"),
        Field::opt("per_year", FieldType::Money, "What it is worth a year, in NOK (one figure).")
            .label("Kroner per år", "NOK per year")
            .nb("Hva den er verdt i året, i kroner (ett tall)"),
        Field::opt("pessimistic", FieldType::Money, "NOK per year, pessimistic.")
            .label("Pessimistisk", "Pessimistic")
            .nb("Kroner per år, pessimistisk anslag"),
        Field::opt("expected", FieldType::Money, "NOK per year, most likely.")
            .label("Forventet", "Expected")
            .nb("Kroner per år, mest sannsynlig"),
        Field::opt("optimistic", FieldType::Money, "NOK per year, optimistic.")
            .label("Optimistisk", "Optimistic")
            .nb("Kroner per år, optimistisk anslag"),
        Field::opt(
            "yearly_amount",
            FieldType::Tables(YEARLY_FIELDS),
            "What it is worth year by year, when it varies (instead of per_year).",
        )
        .label("Per år", "Year by year")
        .nb("Hva den er verdt år for år, når det varierer (i stedet for per_year)"),
        Field::opt(
            "hours_per_year",
            FieldType::Number,
            "Hours freed a year (capacity), valued at the hourly cost.",
        )
        .label("Timer per år", "Hours per year")
        .nb("Timer frigjort i året (kapasitet), verdsatt med timekostnaden"),
        Field::opt(
            "hourly_cost",
            FieldType::Money,
            "NOK per hour for this benefit's hours (default: hourly_cost in veikart.toml).",
        )
        .label("Timekostnad", "Hourly cost")
        .nb("Kroner per time for timene til denne gevinsten (standard: hourly_cost i veikart.toml)"),
        Field::opt("from_year", YEAR, "The first year it counts.")
            .label("Fra år", "From year")
            .nb("Det første året den regnes med"),
        Field::opt(
            "years",
            FieldType::Int { min: 1, max: 100 },
            "For how many years it counts (default: to the end of the calculation).",
        )
        .label("Antall år", "Years")
        .nb("Hvor mange år den regnes med (standard: ut beregningsperioden)"),
        Field::opt("importance", FieldType::Enum(&IMPORTANCE), "For a non-priced benefit: low, moderate or high.")
            .label("Betydning", "Importance")
            .nb("For en gevinst som ikke er prissatt: low (liten), moderate (middels) eller high (stor)"),
        Field::opt("importance_reason", FieldType::Line, "Why it matters that much.")
            .label("Begrunnelse for betydningen", "Why it matters")
            .nb("Hvorfor den betyr så mye")
            .flag("reason"),
    ],
    title: Some("title"),
    identity: Identity::Named { scope: None },
    columns: &[
        Col("id", "ID", "ID"),
        Col("title", "GEVINST", "BENEFIT"),
        Col("type", "TYPE", "TYPE"),
        Col("owner", "GEVINSTEIER", "OWNER"),
        Col("due", "INNEN", "DUE"),
    ],
    example: Example {
        add: "benefit add \"Kortere ventetid\" --type tid",
        id: "kortere",
        set: "--owner legevaktsjef",
    },
    ..KindSpec::BASE
};

#[derive(Debug, Clone, Serialize)]
pub struct Cost {
    pub kind: String,
    pub amount: f64,
    pub year: Option<i64>,
    pub note: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Benefit {
    pub id: String,
    pub title: String,
    #[serde(rename = "type")]
    pub kind: String,
    pub monetary: bool,
    pub beneficiary: Option<String>,
    pub owner: Option<String>,
    pub responsible: Option<String>,
    pub due: Option<Date>,
    pub preconditions: Vec<String>,
    pub goals: Vec<String>,
    /// `folder/id` of each enabler (`proposals/sms-varsel`).
    pub enablers: Vec<String>,
    pub description: Option<String>,
    pub created: Option<Date>,
    pub costs: Vec<Cost>,
    /// What it is worth (`benefit value`).
    #[serde(flatten)]
    pub worth: Worth,
}

/// What a benefit is worth: how it is realised, who gains, and its value in
/// NOK a year (one figure, three, year by year, or hours at an hourly
/// cost), or, when it is not priced, how much it matters.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Worth {
    pub realised_as: Option<String>,
    pub gains: Vec<String>,
    pub per_year: Option<f64>,
    pub pessimistic: Option<f64>,
    pub expected: Option<f64>,
    pub optimistic: Option<f64>,
    /// Year by year, in the file's order.
    #[serde(rename = "yearly_amounts")]
    pub yearly: Vec<YearAmount>,
    pub hours_per_year: Option<f64>,
    pub hourly_cost: Option<f64>,
    pub from_year: Option<i64>,
    pub years: Option<i64>,
    pub importance: Option<String>,
    pub importance_reason: Option<String>,
}

/// What a benefit is worth in one year (`[[yearly_amount]]`).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct YearAmount {
    pub year: i64,
    pub amount: f64,
}

impl Worth {
    pub fn from_fields(f: &Fields) -> Worth {
        Worth {
            realised_as: f.opt_string("realised_as"),
            gains: f.strings("gains"),
            per_year: f.number("per_year"),
            pessimistic: f.number("pessimistic"),
            expected: f.number("expected"),
            optimistic: f.number("optimistic"),
            yearly: f
                .rows("yearly_amount")
                .iter()
                .filter_map(|r| {
                    Some(YearAmount { year: r.int("year")?, amount: r.number("amount")? })
                })
                .collect(),
            hours_per_year: f.number("hours_per_year"),
            hourly_cost: f.number("hourly_cost"),
            from_year: f.int("from_year"),
            years: f.int("years"),
            importance: f.opt_string("importance"),
            importance_reason: f.opt_string("importance_reason"),
        }
    }

    /// Whether the benefit is priced (realised as anything but non-priced).
    pub fn priced(&self) -> bool {
        self.realised_as.as_deref().is_some_and(|r| r != "non-priced")
    }

    /// Whether a priced benefit has an amount to count.
    pub fn has_amount(&self) -> bool {
        self.per_year.is_some()
            || self.expected.is_some()
            || !self.yearly.is_empty()
            || self.hours_per_year.is_some()
    }

    /// The expected figure from three: (P + 3E + O) / 5, as the national
    /// calculation workbook weighs them.
    pub fn weighted(&self) -> Option<f64> {
        match (self.pessimistic, self.expected, self.optimistic) {
            (Some(p), Some(e), Some(o)) => Some((p + 3.0 * e + o) / 5.0),
            _ => None,
        }
    }

    /// The contradictions in what the benefit is said to be worth.
    pub fn rules(&self) -> Vec<Finding> {
        let mut out = Vec::new();
        let three = [self.pessimistic, self.expected, self.optimistic];
        let given = three.iter().filter(|v| v.is_some()).count();
        if given > 0 && given < 3 {
            // At a figure that is there, naming those that are not.
            let names = ["pessimistic", "expected", "optimistic"];
            let at = names.iter().zip(three).find(|(_, v)| v.is_some()).map(|(n, _)| *n);
            let label = |n: &str| match n {
                "pessimistic" => tr!("et pessimistisk", "a pessimistic"),
                "expected" => tr!("et forventet", "an expected"),
                _ => tr!("et optimistisk", "an optimistic"),
            };
            let missing: Vec<String> = names
                .iter()
                .zip(three)
                .filter(|(_, v)| v.is_none())
                .map(|(n, _)| label(n))
                .collect();
            let missing = missing.join(&tr!(" og ", " and "));
            out.push(Finding::error(
                "value-incomplete",
                at,
                tr!(
                    "et anslag i tre deler trenger også {missing} beløp",
                    "an estimate in three parts also needs {missing} amount"
                ),
            ));
        }
        if let (Some(p), Some(e), Some(o)) = (self.pessimistic, self.expected, self.optimistic)
            && !(p <= e && e <= o)
        {
            out.push(Finding::error(
                "value-order",
                Some("expected"),
                tr!(
                    "anslagene må stige: pessimistisk ≤ forventet ≤ optimistisk",
                    "the estimates must rise: pessimistic ≤ expected ≤ optimistic"
                ),
            ));
        }
        // Amounts and hours are never negative, and never beyond what any
        // municipal benefit could be (a hundred billion kroner a year).
        let amounts = [
            ("per_year", self.per_year),
            ("pessimistic", self.pessimistic),
            ("expected", self.expected),
            ("optimistic", self.optimistic),
            ("hours_per_year", self.hours_per_year),
            ("hourly_cost", self.hourly_cost),
        ];
        let rows = self.yearly.iter().map(|y| ("yearly_amount", Some(y.amount)));
        for (key, v) in amounts.into_iter().chain(rows) {
            match v {
                Some(v) if v < 0.0 => out.push(Finding::error(
                    "negative",
                    Some(key),
                    tr!("`{key}` kan ikke være negativ", "`{key}` cannot be negative"),
                )),
                Some(v) if v > MAX_AMOUNT => out.push(Finding::error(
                    "too-large",
                    Some(key),
                    tr!(
                        "`{key}` er urimelig stor; største verdi er 100 milliarder",
                        "`{key}` is unreasonably large; the largest value is 100 billion"
                    ),
                )),
                _ => {}
            }
        }
        let ways = [
            self.per_year.is_some(),
            given > 0,
            !self.yearly.is_empty(),
            self.hours_per_year.is_some(),
        ];
        if ways.iter().filter(|w| **w).count() > 1 {
            out.push(Finding::error(
                "value-twice",
                Some(if self.per_year.is_some() { "per_year" } else { "yearly_amount" }),
                tr!(
                    "gi verdien på én måte: ett tall per år (`per_year`), tre anslag (`pessimistic`, `expected`, `optimistic`), år for år (`yearly_amount`) eller timer per år (`hours_per_year`)",
                    "give the value one way: one figure a year (`per_year`), three estimates (`pessimistic`, `expected`, `optimistic`), year by year (`yearly_amount`) or hours a year (`hours_per_year`)"
                ),
            ));
        }
        if !self.yearly.is_empty() && (self.from_year.is_some() || self.years.is_some()) {
            out.push(Finding::error(
                "value-twice",
                Some(if self.from_year.is_some() { "from_year" } else { "years" }),
                tr!(
                    "år for år (`yearly_amount`) sier selv hvilke år som regnes; fjern `from_year` og `years`",
                    "year by year (`yearly_amount`) says itself which years count; remove `from_year` and `years`"
                ),
            ));
        }
        let mut years: Vec<i64> = self.yearly.iter().map(|y| y.year).collect();
        years.sort_unstable();
        if let Some(w) = years.windows(2).find(|w| w[0] == w[1]) {
            out.push(Finding::error(
                "value-year-twice",
                Some("yearly_amount"),
                tr!(
                    "året {} står to ganger i `yearly_amount`",
                    "the year {} is in `yearly_amount` twice",
                    w[0]
                ),
            ));
        }
        let non_priced = self.realised_as.as_deref() == Some("non-priced");
        if non_priced
            && (self.has_amount()
                || given > 0
                || self.from_year.is_some()
                || self.years.is_some()
                || self.hourly_cost.is_some())
        {
            out.push(Finding::error(
                "value-non-priced",
                Some("realised_as"),
                tr!(
                    "en gevinst som ikke er prissatt, har ikke beløp, timer eller år; velg en annen måte å hente den ut på, eller fjern dem",
                    "a non-priced benefit has no amounts, hours or years; choose another way it is realised, or remove them"
                ),
            ));
        }
        if self.priced() && self.importance.is_some() {
            out.push(Finding::error(
                "value-importance",
                Some("importance"),
                tr!(
                    "en betydning (`importance`) gjelder bare gevinster som ikke er prissatt",
                    "importance is for benefits that are not priced"
                ),
            ));
        }
        if self.importance_reason.is_some() && self.importance.is_none() {
            out.push(Finding::error(
                "value-reason",
                Some("importance_reason"),
                tr!(
                    "en begrunnelse for betydningen trenger en betydning (`importance`)",
                    "a reason for the importance needs an importance"
                ),
            ));
        }
        if self.hours_per_year.is_some() && self.realised_as.as_deref() != Some("capacity") {
            out.push(Finding::error(
                "value-hours",
                Some("hours_per_year"),
                tr!(
                    "timer per år gjelder frigjort kapasitet (`realised_as = \"capacity\"`)",
                    "hours per year are for freed capacity (`realised_as = \"capacity\"`)"
                ),
            ));
        }
        if self.hourly_cost.is_some() && self.hours_per_year.is_none() {
            out.push(Finding::error(
                "value-hourly-cost",
                Some("hourly_cost"),
                tr!(
                    "en timekostnad trenger timer per år (`hours_per_year`)",
                    "an hourly cost needs hours per year (`hours_per_year`)"
                ),
            ));
        }
        out
    }
}

impl Benefit {
    pub fn from_fields(f: &Fields) -> Benefit {
        Benefit {
            id: f.id.clone(),
            title: f.string("title"),
            kind: f.string("type"),
            // Without the older yes/no, a benefit is monetary when it is priced.
            monetary: f.bool("monetary").unwrap_or_else(|| Worth::from_fields(f).priced()),
            beneficiary: f.opt_string("beneficiary"),
            owner: f.opt_string("owner"),
            responsible: f.opt_string("responsible"),
            due: f.date("due"),
            preconditions: f.strings("preconditions"),
            goals: f.strings("goals"),
            enablers: f.strings("enablers"),
            description: f.opt_string("description"),
            created: f.date("created"),
            costs: f
                .rows("cost")
                .iter()
                .map(|c| Cost {
                    kind: c.string("kind"),
                    amount: c.number("amount").unwrap_or(0.0),
                    year: c.int("year"),
                    note: c.opt_string("note"),
                })
                .collect(),
            worth: Worth::from_fields(f),
        }
    }

    /// The benefit's own rules (what it lacks is for the checklist).
    pub fn rules(&self) -> Vec<Finding> {
        let mut out: Vec<Finding> =
            Finding::date_order(("due", self.due), (&["created"], self.created), |due, created| {
                tr!(
                    "gevinsten skulle vært hentet ut ({due}) før den ble registrert ({created})",
                    "the benefit was due ({due}) before it was recorded ({created})"
                )
            })
            .into_iter()
            .collect();
        out.extend(self.worth.rules());
        out
    }

    /// One-off costs summed, and recurring costs summed (NOK per year).
    pub fn cost_totals(&self) -> (f64, f64) {
        let sum = |k: &str| self.costs.iter().filter(|c| c.kind == k).map(|c| c.amount).sum();
        (sum("one-off"), sum("recurring"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aliases() {
        assert_eq!(TYPE.parse("tid"), Some("time"));
        assert_eq!(TYPE.parse("Kostnad"), Some("cost"));
        assert_eq!(TYPE.parse("kvalitet"), Some("quality"));
        assert_eq!(TYPE.parse("andre"), Some("other"));
        assert_eq!(BENEFICIARY.parse("pårørende"), Some("relative"));
        assert_eq!(BENEFICIARY.parse("parorende"), Some("relative"));
        assert_eq!(BENEFICIARY.parse("kommune"), Some("municipality"));
        assert_eq!(COST_KIND.parse("engangs"), Some("one-off"));
        assert_eq!(COST_KIND.parse("løpende"), Some("recurring"));
        assert_eq!(COST_KIND.parse("lopende"), Some("recurring"));
    }
}
