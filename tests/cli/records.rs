//! The verbs every kind of record has (issue 12): `list`, `show ID`, `set ID`
//! with one option per field and `--unset`, `rm ID`, and their refusals, run
//! on one record of every kind, table-driven.

use crate::support::{Project, Sandbox, assert_refused};

/// One record of every kind, made with the commands a user would run.
fn every_kind(sb: &Sandbox) -> Project<'_> {
    let p = sb.init_project();
    let steps: &[&[&str]] = &[
        &["role", "add", "Sykepleier"],
        &["role", "add", "Lege"],
        &["journey", "add", "Ringer legevakten"],
        &["activity", "add", "Vurdere hastegrad", "--step", "ringer"],
        &["raci", "set", "vurdere", "sykepleier", "HU"],
        &["routine", "add", "Mottak av pasient", "--owner", "lege", "--activity", "vurdere"],
        &[
            "touchpoint",
            "add",
            "SMS med veibeskrivelse",
            "--channel",
            "digital",
            "--step",
            "ringer",
        ],
        &["benefit", "add", "Kortere ventetid", "--type", "tid"],
        &[
            "benefit",
            "plan",
            "kortere",
            "--indicator",
            "Ventetid i minutter",
            "--unit",
            "min",
            "--baseline",
            "95",
            "--target",
            "60",
            "--by",
            "2027-06-30",
        ],
        &["measure", "record", "ventetid", "80", "--date", "2026-11-01"],
        &["supplier", "add", "Telefoni AS"],
        &["deviation", "add", "Køen var lang", "--supplier", "telefoni"],
        &["idea", "add", "Bedre skilting", "--date", "2026-11-01"],
        &["proposal", "add", "Skilt ved inngangen", "--idea", "bedre"],
        &[
            "proposal",
            "test",
            "skilt",
            "--with",
            "bruker",
            "--feedback",
            "Fant frem",
            "--date",
            "2026-11-10",
        ],
        &["tech", "add", "Skjermløsning", "--decision", "buy"],
        &["goal", "add", "Kortere ventetid på telefon"],
        &["team", "add", "Kari Nordmann", "--role", "prosjektleder"],
        &["stakeholder", "add", "Fagforbundet"],
        &["related", "add", "Nordby legevakt"],
        &[
            "insight",
            "add",
            "Køen er lang om kvelden",
            "--method",
            "observasjon",
            "--respondent",
            "ansatt",
        ],
        &["log", "add", "Resultatene vist", "--kind", "kommunikasjon", "--date", "2026-11-20"],
        &["pilot", "finding", "add", "To fikk ikke SMS", "--date", "2026-11-21"],
    ];
    for args in steps {
        p.run(*args).success();
    }
    p
}

/// A kind's row of the table.
struct Kind {
    /// The noun (one or two words) and the record's id.
    noun: &'static [&'static str],
    id: &'static str,
    /// The file, from the project's root.
    file: &'static str,
    /// A `set` that changes one field, and the label its change line starts with.
    set: &'static [&'static str],
    label: &'static str,
    /// A required field (`--unset` refuses it).
    required: &'static str,
    /// The file that refers to the record (`rm` refuses while it does), if any.
    referred_by: Option<&'static str>,
    /// For kinds that name things: an `add` of the same name, refused.
    again: Option<&'static [&'static str]>,
}

const KINDS: &[Kind] = &[
    Kind {
        noun: &["idea"],
        id: "bedre-skilting",
        file: "ideas/bedre-skilting.toml",
        set: &["--tag", "skilt"],
        label: "Stikkord",
        required: "status",
        referred_by: Some("proposals/skilt-ved-inngangen.toml"),
        again: None,
    },
    Kind {
        noun: &["role"],
        id: "sykepleier",
        file: "roles/sykepleier.toml",
        set: &["--unit", "Legevakten"],
        label: "Enhet",
        required: "name",
        referred_by: Some("activities/vurdere-hastegrad.toml"),
        again: Some(&["role", "add", "sykepleier"]),
    },
    Kind {
        noun: &["journey"],
        id: "ringer-legevakten",
        file: "journey/ringer-legevakten.toml",
        set: &["--experience", "Usikker på køen"],
        label: "Opplevelse",
        required: "title",
        referred_by: Some("activities/vurdere-hastegrad.toml"),
        again: Some(&["journey", "add", "Ringer legevakten!"]),
    },
    Kind {
        noun: &["activity"],
        id: "vurdere-hastegrad",
        file: "activities/vurdere-hastegrad.toml",
        set: &["--outside", "ja"],
        label: "Utenfor kommunen",
        required: "step",
        referred_by: Some("routines/mottak-av-pasient.toml"),
        again: Some(&["activity", "add", "Vurdere hastegrad", "--step", "ringer"]),
    },
    Kind {
        noun: &["routine"],
        id: "mottak-av-pasient",
        file: "routines/mottak-av-pasient.toml",
        set: &["--review-every", "6m"],
        label: "Gjennomgås hver",
        required: "owner",
        referred_by: None,
        again: Some(&["routine", "add", "Mottak av pasient", "--owner", "lege"]),
    },
    Kind {
        noun: &["touchpoint"],
        id: "sms-med-veibeskrivelse",
        file: "touchpoints/sms-med-veibeskrivelse.toml",
        set: &["--status", "testet"],
        label: "Status",
        required: "channel",
        referred_by: None,
        again: Some(&["touchpoint", "add", "SMS med veibeskrivelse", "--channel", "fysisk"]),
    },
    Kind {
        noun: &["benefit"],
        id: "kortere-ventetid",
        file: "benefits/kortere-ventetid.toml",
        set: &["--due", "2027-12-31"],
        label: "Realiseres innen",
        required: "type",
        referred_by: Some("indicators/ventetid-i-minutter.toml"),
        again: Some(&["benefit", "add", "Kortere ventetid", "--type", "kvalitet"]),
    },
    Kind {
        noun: &["indicator"],
        id: "ventetid-i-minutter",
        file: "indicators/ventetid-i-minutter.toml",
        set: &["--frequency", "ukentlig"],
        label: "Målefrekvens",
        required: "unit",
        referred_by: Some("measurements/ventetid-i-minutter/2026-11-01.toml"),
        again: None,
    },
    Kind {
        noun: &["measure"],
        id: "ventetid-i-minutter/2026-11-01",
        file: "measurements/ventetid-i-minutter/2026-11-01.toml",
        set: &["--value", "81"],
        label: "Verdi",
        required: "value",
        referred_by: None,
        again: None,
    },
    Kind {
        noun: &["deviation"],
        id: "koen-var-lang",
        file: "deviations/koen-var-lang.toml",
        set: &["--kind", "leverandør"],
        label: "Type",
        required: "title",
        referred_by: None,
        again: None,
    },
    Kind {
        noun: &["supplier"],
        id: "telefoni-as",
        file: "suppliers/telefoni-as.toml",
        set: &["--contract", "Avtale 2026/7"],
        label: "Avtale",
        required: "name",
        referred_by: Some("deviations/koen-var-lang.toml"),
        again: Some(&["supplier", "add", "Telefoni AS"]),
    },
    Kind {
        noun: &["proposal"],
        id: "skilt-ved-inngangen",
        file: "proposals/skilt-ved-inngangen.toml",
        set: &["--gain", "Færre spør i skranken"],
        label: "Gevinst",
        required: "title",
        referred_by: Some("user-tests/skilt-ved-inngangen/2026-11-10.toml"),
        again: None,
    },
    Kind {
        noun: &["user-test"],
        id: "skilt-ved-inngangen/2026-11-10",
        file: "user-tests/skilt-ved-inngangen/2026-11-10.toml",
        set: &["--participants", "4"],
        label: "Deltakere",
        required: "feedback",
        referred_by: None,
        again: None,
    },
    Kind {
        noun: &["tech"],
        id: "skjermlosning",
        file: "technologies/skjermlosning.toml",
        set: &["--supplier", "Skjerm AS"],
        label: "Leverandør",
        required: "name",
        referred_by: None,
        again: Some(&["tech", "add", "Skjermløsning"]),
    },
    Kind {
        noun: &["goal"],
        id: "kortere-ventetid-pa-telefon",
        file: "goals/kortere-ventetid-pa-telefon.toml",
        set: &["--measure", "Median under 2 minutter"],
        label: "Måles ved",
        required: "text",
        referred_by: None,
        again: Some(&["goal", "add", "Kortere ventetid på telefon"]),
    },
    Kind {
        noun: &["team"],
        id: "kari-nordmann",
        file: "team/kari-nordmann.toml",
        set: &["--unit", "Legevakten"],
        label: "Enhet",
        required: "role",
        referred_by: None,
        again: Some(&["team", "add", "Kari Nordmann", "--role", "sykepleier"]),
    },
    Kind {
        noun: &["stakeholder"],
        id: "fagforbundet",
        file: "stakeholders/fagforbundet.toml",
        set: &["--influence", "høy"],
        label: "Innflytelse",
        required: "name",
        referred_by: None,
        again: Some(&["stakeholder", "add", "Fagforbundet", "--plan", "Møte hver måned"]),
    },
    Kind {
        noun: &["related"],
        id: "nordby-legevakt",
        file: "related/nordby-legevakt.toml",
        set: &["--url", "https://nordby.kommune.no/legevakt"],
        label: "URL",
        required: "name",
        referred_by: None,
        again: Some(&["related", "add", "Nordby legevakt"]),
    },
    Kind {
        noun: &["insight"],
        id: "koen-er-lang-om-kvelden",
        file: "insights/koen-er-lang-om-kvelden.toml",
        set: &["--need", "Vite ventetiden"],
        label: "Behov",
        required: "method",
        referred_by: None,
        again: None,
    },
    Kind {
        noun: &["log"],
        id: "2026-11-20-resultatene-vist",
        file: "logs/2026-11-20-resultatene-vist.toml",
        set: &["--audience", "Ansatte på legevakten"],
        label: "For",
        required: "kind",
        referred_by: None,
        again: None,
    },
    Kind {
        noun: &["pilot", "finding"],
        id: "2026-11-21-to-fikk-ikke-sms",
        file: "pilot-findings/2026-11-21-to-fikk-ikke-sms.toml",
        set: &["--text", "Tre fikk ikke SMS"],
        label: "Funn",
        required: "date",
        referred_by: None,
        again: None,
    },
];

fn args<'a>(k: &'a Kind, verb: &'a str, rest: &[&'a str]) -> Vec<&'a str> {
    let mut a: Vec<&str> = k.noun.to_vec();
    a.push(verb);
    a.extend_from_slice(rest);
    a
}

#[test]
fn every_kind_has_list_show_set_and_rm_and_their_refusals() {
    let sb = Sandbox::new();
    let p = every_kind(&sb);
    let root = p.root.clone();
    assert_eq!(KINDS.len(), 21, "the kinds issue 12 names");
    for k in KINDS {
        let noun = k.noun.join(" ");
        assert!(p.path(k.file).is_file(), "{noun}: {} was made", k.file);

        // list: the record is there, in the table and in JSON with its path.
        let run = p.run(args(k, "list", &[])).success();
        let short = k.id.rsplit('/').next().unwrap_or(k.id);
        assert!(run.stdout.contains(short), "{noun} list shows {}\n{run}", k.id);
        let json = p.run(args(k, "list", &["--format", "json"])).success().json();
        let text = json.to_string();
        assert!(text.contains(k.file), "{noun} list --format json gives the path\n{json}");

        // show: by its id, or a unique prefix of it.
        let run = p.run(args(k, "show", &[k.id])).success();
        assert!(run.stdout.contains(k.file), "{noun} show names the file\n{run}");
        let json = p.run(args(k, "show", &[k.id, "--format", "json"])).success().json();
        assert!(json.to_string().contains(k.file), "{noun} show --format json\n{json}");
        assert_refused(&p, &root, &args(k, "show", &["finnes-ikke"]), &["finnes-ikke"]);

        // set: one field changes, old → new; nothing given, or a required
        // field removed, is refused and changes nothing.
        let mut set = vec![k.id];
        set.extend_from_slice(k.set);
        let run = p.run(args(k, "set", &set)).success();
        assert!(
            run.stderr.contains(&format!("  {}: ", k.label)) && run.stderr.contains(" → "),
            "{noun} set prints the change as `{}: old → new`\n{run}",
            k.label
        );
        assert_refused(&p, &root, &args(k, "set", &[k.id]), &["ingenting å endre"]);
        assert_refused(&p, &root, &args(k, "set", &[k.id, "--unset", k.required]), &[k.required]);

        // A second record with the same name, for kinds that name things.
        if let Some(again) = k.again {
            let run = assert_refused(&p, &root, again, &["[duplicate-name]"]);
            assert!(run.stderr.contains("set"), "{noun}: the hint points to set\n{run}");
        }
    }
    // rm: refused while another record refers to the record, naming that
    // file; else the file goes.
    for k in KINDS {
        if let Some(by) = k.referred_by {
            let run = assert_refused(&p, &root, &args(k, "rm", &[k.id]), &["kan ikke fjernes"]);
            assert!(run.stderr.contains(by), "{} rm names {by}\n{run}", k.noun.join(" "));
        }
    }
    for k in KINDS.iter().filter(|k| k.referred_by.is_none()) {
        p.run(args(k, "rm", &[k.id])).success();
        assert!(!p.path(k.file).exists(), "{} rm removed {}", k.noun.join(" "), k.file);
    }
    p.run(["check"]).code(0);
}

#[test]
fn removing_what_referred_to_a_record_lets_it_go_too() {
    let sb = Sandbox::new();
    let p = every_kind(&sb);
    p.run(["measure", "rm", "ventetid/2026-11-01"]).success();
    assert!(!p.path("measurements/ventetid-i-minutter").exists(), "an empty owner folder goes");
    p.run(["indicator", "rm", "ventetid"]).success();
    p.run(["benefit", "rm", "kortere"]).success();
    let run = p.run(["--lang", "en", "role", "rm", "sykepleier"]).code(2);
    assert!(run.stderr.contains("1 record refers to it"), "{run}");
}
