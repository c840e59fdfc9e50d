//! Spreadsheets for real (issue 16, item 6): `measure export --format xlsx`,
//! `measure import FILE.xlsx` in the long and the wide layout, CSV as Excel
//! saves it (UTF-16, tabs, `sep=;`), and a round trip that changes no file.

use calamine::{Data, Reader};
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};

use crate::benefit::plan_project;
use crate::support::{Project, Sandbox, assert_refused, assert_same_tree, example_copy};

const DIR: &str = "measurements/ventetid-i-minutter";

/// The first sheet of the workbook at `path`: its name and its cells.
fn read_back(path: &std::path::Path) -> (String, calamine::Range<Data>) {
    let mut book = calamine::open_workbook_auto(path).expect("a workbook");
    let name = book.sheet_names().first().cloned().expect("a sheet");
    let range = book.worksheet_range(&name).expect("the sheet");
    (name, range)
}

/// A workbook with one sheet `name`, each row's cells written as given:
/// `D:2026-11-01` a real date, `N:52.5` a real number, anything else text.
fn workbook(name: &str, rows: &[&[&str]]) -> Vec<u8> {
    let mut book = Workbook::new();
    let date = Format::new().set_num_format("dd.mm.yyyy");
    let ws = book.add_worksheet();
    ws.set_name(name).expect("name");
    for (r, row) in rows.iter().enumerate() {
        let r = u32::try_from(r).expect("row");
        for (c, cell) in row.iter().enumerate() {
            let c = u16::try_from(c).expect("col");
            if let Some(d) = cell.strip_prefix("D:") {
                let dt = ExcelDateTime::parse_from_str(d).expect("date");
                ws.write_datetime_with_format(r, c, dt, &date).expect("write");
            } else if let Some(n) = cell.strip_prefix("N:") {
                ws.write_number(r, c, n.parse::<f64>().expect("number")).expect("write");
            } else if !cell.is_empty() {
                ws.write_string(r, c, *cell).expect("write");
            }
        }
    }
    book.save_to_buffer().expect("xlsx")
}

/// A project with the indicators `ventetid-i-minutter` and `klager`.
fn two_indicators(sb: &Sandbox) -> Project<'_> {
    let p = plan_project(sb);
    p.plan_waiting_time("Klager", &[]);
    p
}

#[test]
fn an_export_imported_with_replace_changes_no_file_in_any_format() {
    let sb = Sandbox::new();
    let p = example_copy(&sb);
    let before = p.snapshot();
    let plain = sb.work.join("malinger.csv");
    let excel = sb.work.join("malinger-excel.csv");
    let xlsx = sb.work.join("malinger.xlsx");
    p.run(["measure", "export", "-o", plain.to_str().expect("path")]).success();
    let run = p.run(["measure", "export", "--format", "csv", "--excel"]).success();
    std::fs::write(&excel, &run.stdout).expect("write");
    let run = p.run(["measure", "export", "--format", "xlsx", "-o", xlsx.to_str().expect("path")]);
    assert!(run.success().stderr.contains("Skrev 44 verdier til"), "a status line");
    let csv = std::fs::read_to_string(&plain).expect("csv");
    assert!(csv.starts_with("indicator,date,value,note,by\n"), "{csv}");
    assert!(csv.contains(",Eva Enhetsleder\n"), "`by` is exported: {csv}");
    for file in [&plain, &excel, &xlsx] {
        let file = file.to_str().expect("path");
        let run = p.run(["measure", "import", file, "--replace", "--format", "json"]).success();
        let v = run.json();
        assert_eq!(v["imported"], serde_json::json!([]), "{run}");
        assert_eq!(v["unchanged"].as_array().map(Vec::len), Some(44), "{run}");
        assert_eq!(v["targets_reached_first_time"], serde_json::json!([]), "{run}");
        assert_same_tree(&before, &p.snapshot(), &run);
    }
    // A changed cell is written, and only that file changes.
    let edited = csv.replace(
        "klager-pa-informasjon,2026-06-01,6,,Eva Enhetsleder",
        "klager-pa-informasjon,2026-06-01,5,,Eva Enhetsleder",
    );
    assert_ne!(edited, csv);
    std::fs::write(&plain, edited).expect("write");
    let run = p.run(["measure", "import", plain.to_str().expect("path"), "--replace"]).success();
    assert!(
        run.stderr.contains("Importerte 1 verdi") && run.stderr.contains("43 var som før"),
        "{run}"
    );
    let after = p.snapshot();
    let changed: Vec<_> = before.keys().filter(|k| before.get(*k) != after.get(*k)).collect();
    assert_eq!(changed.len(), 1, "{changed:?}");
    assert_eq!(
        p.read("measurements/klager-pa-informasjon/2026-06-01.toml"),
        "value = 5\nby = \"Eva Enhetsleder\"\n"
    );
}

#[test]
fn the_xlsx_export_has_real_dates_numbers_and_headers_in_the_projects_language() {
    let sb = Sandbox::new();
    let p = plan_project(&sb);
    p.run(["measure", "record", "ventetid", "52,5", "--date", "2026-10-01", "--note", "=SUM(A1)"])
        .success();
    p.run(["measure", "record", "ventetid", "50", "--date", "2026-11-01", "--by", "Kari"])
        .success();
    let out = p.path("m.xlsx");
    p.run(["measure", "export", "-o", "m.xlsx"]).success();
    let (name, range) = read_back(&out);
    assert_eq!(name, "Målinger");
    let header: Vec<String> =
        (0..5).map(|c| range.get((0, c)).expect("header").to_string()).collect();
    assert_eq!(header, ["Indikator", "Dato", "Verdi", "Merknad", "Målt av"]);
    assert_eq!(range.get((1, 0)), Some(&Data::String("ventetid-i-minutter".into())));
    match range.get((1, 1)) {
        Some(Data::DateTime(d)) => {
            assert!(d.is_datetime());
            let (y, m, day, ..) = d.to_ymd_hms_milli();
            assert_eq!((y, m, day), (2026, 10, 1));
        }
        other => panic!("the date is a date: {other:?}"),
    }
    assert_eq!(range.get((1, 2)), Some(&Data::Float(52.5)));
    // A note that looks like a formula stays text.
    assert_eq!(range.get((1, 3)), Some(&Data::String("=SUM(A1)".into())));
    assert_eq!(range.get((2, 4)), Some(&Data::String("Kari".into())));

    // The same data gives the same bytes, today pinned.
    let first = std::fs::read(&out).expect("read");
    p.run(["measure", "export", "--format", "xlsx", "-o", "m.xlsx"]).success();
    assert_eq!(std::fs::read(&out).expect("read"), first, "two exports are byte-identical");

    // English headers in English.
    p.run(["--lang", "en", "measure", "export", "-o", "en.xlsx"]).success();
    let (name, range) = read_back(&p.path("en.xlsx"));
    assert_eq!(name, "Measurements");
    assert_eq!(range.get((0, 4)).map(ToString::to_string).as_deref(), Some("Measured by"));

    // Never to standard output, and never over a folder.
    let root = p.root.clone();
    let run = assert_refused(
        &p,
        &root,
        &["measure", "export", "--format", "xlsx"],
        &["Excel-arbeidsbok", "standard ut"],
    );
    assert!(run.stderr.contains("-o FIL"), "a hint: {run}");
    std::fs::create_dir(p.path("mappe.xlsx")).expect("mkdir");
    assert_refused(&p, &root, &["measure", "export", "-o", "mappe.xlsx"], &["mappe.xlsx", "mappe"]);
    assert_refused(
        &p,
        &root,
        &["--lang", "en", "measure", "export", "--format", "xlsx", "-o", "x.xlsx", "--excel"],
        &["--excel only applies to --format csv"],
    );
    let help = p.run(["measure", "export", "--help"]).success().stdout;
    assert!(help.contains("xlsx"), "--help lists xlsx: {help}");
}

#[test]
fn an_xlsx_import_reads_the_long_layout_with_dates_as_dates_or_text() {
    let sb = Sandbox::new();
    let p = plan_project(&sb);
    let book = workbook(
        "Målinger",
        &[
            &["Indikator", "Dato", "Verdi", "Merknad", "Målt av"],
            &["ventetid", "D:2026-09-01", "N:55.5", "første", "Kari"],
            &[],
            &["ventetid", "2026-10-01", "50,5", "", ""],
            &["ventetid", "01.11.2026", "N:45", "", ""],
        ],
    );
    std::fs::write(p.path("m.xlsx"), book).expect("write");
    let run = p.run(["measure", "import", "m.xlsx", "--by", "Ola"]).success();
    assert!(run.stderr.contains("Importerte 3 verdier fra m.xlsx."), "{run}");
    assert_eq!(
        p.read(&format!("{DIR}/2026-09-01.toml")),
        "value = 55.5\nnote = \"første\"\nby = \"Kari\"\n"
    );
    assert_eq!(p.read(&format!("{DIR}/2026-10-01.toml")), "value = 50.5\nby = \"Ola\"\n");
    assert_eq!(p.read(&format!("{DIR}/2026-11-01.toml")), "value = 45\nby = \"Ola\"\n");
    p.run(["check"]).success();
}

#[test]
fn an_xlsx_import_reads_the_wide_layout_and_skips_empty_cells() {
    let sb = Sandbox::new();
    let p = two_indicators(&sb);
    let book = workbook(
        "Ark1",
        &[
            &["Dato", "ventetid-i-minutter", "klager"],
            &["D:2026-09-01", "N:55", "N:7"],
            &["D:2026-10-01", "", "N:6"],
            &["2026-11-01", "45,5", ""],
        ],
    );
    std::fs::write(p.path("bred.xlsx"), book).expect("write");
    let run = p.run(["measure", "import", "bred.xlsx", "--format", "json"]).success();
    assert_eq!(
        run.json()["imported"],
        serde_json::json!([
            "ventetid-i-minutter/2026-09-01",
            "klager/2026-09-01",
            "klager/2026-10-01",
            "ventetid-i-minutter/2026-11-01"
        ]),
        "{run}"
    );
    assert_eq!(p.read(&format!("{DIR}/2026-11-01.toml")), "value = 45.5\n");
    assert_eq!(p.read("measurements/klager/2026-10-01.toml"), "value = 6\n");
}

#[test]
fn bad_cells_in_a_workbook_are_named_by_sheet_row_and_column_and_change_nothing() {
    let sb = Sandbox::new();
    let p = two_indicators(&sb);
    let book = workbook(
        "Målinger",
        &[
            &["indicator", "date", "value"],
            &["ventetid", "D:2026-09-01", "N:55"],
            &["ventetid", "2026-02-30", "N:1"],
            &["ventetid", "D:2026-10-01", "1.200"],
            &["ukjent", "D:2026-10-01", "N:1"],
            &["ventetid", "N:46000", "N:1"],
        ],
    );
    std::fs::write(p.path("malinger.xlsx"), book).expect("write");
    let root = p.root.clone();
    let run = assert_refused(
        &p,
        &root,
        &["measure", "import", "malinger.xlsx"],
        &["4 av radene i malinger.xlsx kan ikke importeres; ingenting er skrevet"],
    );
    let lines: Vec<&str> = run.stderr.lines().collect();
    assert_eq!(
        lines[1..],
        [
            "malinger.xlsx: ark «Målinger», rad 3, kolonne B: «2026-02-30» er ikke en dato (ÅÅÅÅ-MM-DD eller DD.MM.ÅÅÅÅ)",
            "malinger.xlsx: ark «Målinger», rad 4, kolonne C: «1.200» er tvetydig: skriv tusen med mellomrom eller uten skilletegn (1 200 eller 1200), og desimaler med komma eller punktum (1,2)",
            "malinger.xlsx: ark «Målinger», rad 5, kolonne A: ukjent indikator «ukjent»",
            "malinger.xlsx: ark «Målinger», rad 6, kolonne B: «46000» er et tall, ikke en dato (formater cellen som dato, eller skriv ÅÅÅÅ-MM-DD)",
        ],
        "{run}"
    );

    // In the wide layout an unknown indicator is named once, at its header.
    let book =
        workbook("Bredt", &[&["dato", "ventetid", "ukjent"], &["D:2026-09-01", "N:1", "N:2"]]);
    std::fs::write(p.path("bred.xlsx"), book).expect("write");
    let run = assert_refused(&p, &root, &["--lang", "en", "measure", "import", "bred.xlsx"], &[]);
    assert!(
        run.stderr
            .contains("bred.xlsx: sheet \"Bredt\", row 1, column C: unknown indicator `ukjent`"),
        "{run}"
    );

    // No such sheet, no workbook, no header.
    let run = assert_refused(
        &p,
        &root,
        &["measure", "import", "bred.xlsx", "--sheet", "Finnes ikke"],
        &["bred.xlsx har ikke noe ark som heter «Finnes ikke»"],
    );
    assert!(run.stderr.contains("arkene er: Bredt"), "{run}");
    std::fs::write(p.path("falsk.xlsx"), "indicator,date,value\n").expect("write");
    assert_refused(&p, &root, &["measure", "import", "falsk.xlsx"], &["falsk.xlsx", "Excel"]);
    let book = workbook("Ark1", &[&["hva", "nå"], &["N:1", "N:2"]]);
    std::fs::write(p.path("uten.xlsx"), book).expect("write");
    assert_refused(
        &p,
        &root,
        &["measure", "import", "uten.xlsx"],
        &["uten.xlsx: ark «Ark1», rad 1", "første linje må navngi kolonnene"],
    );
}

/// `text` as UTF-16 with a byte-order mark, little- or big-endian.
fn utf16(text: &str, little: bool) -> Vec<u8> {
    let mut out = if little { vec![0xff, 0xfe] } else { vec![0xfe, 0xff] };
    for u in text.encode_utf16() {
        out.extend(if little { u.to_le_bytes() } else { u.to_be_bytes() });
    }
    out
}

#[test]
fn csv_in_utf16_with_tabs_or_a_sep_line_is_read_as_excel_saves_it() {
    let sb = Sandbox::new();
    let p = plan_project(&sb);
    // «Unicode-tekst»: UTF-16LE, tabs, CRLF.
    let text =
        "Indikator\tDato\tVerdi\tMerknad\r\nventetid\t01.09.2026\t55,5\tførste – på kveld\r\n";
    std::fs::write(p.path("unicode.txt"), utf16(text, true)).expect("write");
    let run = p.run(["measure", "import", "unicode.txt"]).success();
    assert!(run.stderr.contains("Importerte 1 verdi fra unicode.txt."), "{run}");
    assert_eq!(
        p.read(&format!("{DIR}/2026-09-01.toml")),
        "value = 55.5\nnote = \"første – på kveld\"\n"
    );
    std::fs::write(p.path("be.csv"), utf16("indicator,date,value\nventetid,2026-09-02,5\n", false))
        .expect("write");
    p.run(["measure", "import", "be.csv"]).success();
    assert_eq!(p.read(&format!("{DIR}/2026-09-02.toml")), "value = 5\n");
    // Tabs in UTF-8, a byte-order mark.
    p.write("tab.tsv", "\u{feff}indicator\tdate\tvalue\nventetid\t2026-09-03\t1 050,25\n");
    p.run(["measure", "import", "tab.tsv"]).success();
    assert_eq!(p.read(&format!("{DIR}/2026-09-03.toml")), "value = 1050.25\n");
    // Excel's `sep=;` line names the separator, whatever the header holds.
    p.write("sep.csv", "sep=;\r\nindicator;date;value;note\r\nventetid;2026-09-04;4;a, b\r\n");
    p.run(["measure", "import", "sep.csv"]).success();
    assert_eq!(p.read(&format!("{DIR}/2026-09-04.toml")), "value = 4\nnote = \"a, b\"\n");
    p.write("sep2.csv", "sep=,\nindicator,date,value,note\nventetid,2026-09-05,4,a; b; c\n");
    p.run(["measure", "import", "sep2.csv"]).success();
    assert_eq!(p.read(&format!("{DIR}/2026-09-05.toml")), "value = 4\nnote = \"a; b; c\"\n");
    // The wide layout in CSV: a date column, then one column per indicator.
    p.write("bred.csv", "dato;ventetid\n01.10.2026;7\n02.10.2026;\n");
    let run = p.run(["measure", "import", "bred.csv", "--format", "json"]).success();
    assert_eq!(run.json()["imported"], serde_json::json!(["ventetid-i-minutter/2026-10-01"]));
    p.run(["check"]).success();

    // Line numbers count the file's lines, the `sep=` line too; nothing is written.
    let root = p.root.clone();
    p.write(
        "feil.csv",
        "sep=;\nindicator;date;value\nventetid;2026-09-06;1\nventetid;2026-09-07;1.200\n",
    );
    let run = assert_refused(
        &p,
        &root,
        &["--lang", "en", "measure", "import", "feil.csv"],
        &["1 of the rows in feil.csv cannot be imported; nothing was written"],
    );
    assert!(run.stderr.contains("feil.csv:4: `1.200` is ambiguous"), "{run}");
    std::fs::write(
        p.path("tab-feil.txt"),
        utf16("indicator\tdate\tvalue\r\nukjent\t2026-09-08\t1\r\n", true),
    )
    .expect("write");
    let run =
        assert_refused(&p, &root, &["--lang", "en", "measure", "import", "tab-feil.txt"], &[]);
    assert!(run.stderr.contains("tab-feil.txt:2: unknown indicator `ukjent`"), "{run}");
    // UTF-16 cut off in the middle of a character.
    let mut cut = utf16("indicator,date,value\n", true);
    cut.push(b'x');
    std::fs::write(p.path("kuttet.csv"), cut).expect("write");
    assert_refused(&p, &root, &["measure", "import", "kuttet.csv"], &["kuttet.csv", "UTF-16"]);
}
