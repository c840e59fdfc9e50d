//! The shell around veikart (issue 13, «Shell»): completion scripts and the
//! answers a shell gets at TAB, man pages, `-` for standard input, examples
//! in `--help` that are never cut, the formats each command lists, and
//! Bokmål help without clap's English words.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use crate::support::{Run, Sandbox, bin, copy_tree, subcommands};

/// A copy of the example project in the sandbox.
fn example(sb: &Sandbox) -> PathBuf {
    let root = sb.work.join("fjordvik");
    copy_tree(&PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("examples/fjordvik-legevakt"), &root);
    root
}

/// Run `cmd` to the end and collect what it printed.
fn finish(cmd: &mut Command, what: &str) -> Run {
    Run::from_output(what.to_string(), cmd.output().expect("run"))
}

/// `bash -c SCRIPT` in `cwd`, with the sandbox's environment and `veikart`
/// first on the PATH.
fn bash(sb: &Sandbox, cwd: &Path, script: &str) -> Run {
    let hermetic = sb.command(cwd, Vec::<&str>::new());
    let mut bash = Command::new("bash");
    for (key, value) in hermetic.get_envs() {
        match value {
            Some(v) => bash.env(key, v),
            None => bash.env_remove(key),
        };
    }
    let dir = Path::new(bin()).parent().expect("bin dir").to_path_buf();
    let path = std::env::var_os("PATH").unwrap_or_default();
    let dirs = std::iter::once(dir).chain(std::env::split_paths(&path));
    bash.current_dir(cwd)
        .arg("-c")
        .arg(script)
        .env("PATH", std::env::join_paths(dirs).expect("PATH"));
    finish(&mut bash, &format!("bash -c {script:?}"))
}

/// What veikart answers a shell that completes `words` (the last one being
/// typed), the way clap_complete's scripts call it.
fn complete(sb: &Sandbox, cwd: &Path, shell: &str, words: &[&str]) -> Run {
    let mut args = vec!["--", "veikart"];
    args.extend_from_slice(words);
    let mut cmd = sb.command(cwd, &args);
    cmd.env("COMPLETE", shell)
        .env("_CLAP_COMPLETE_INDEX", words.len().to_string())
        .env("_CLAP_IFS", "\n");
    finish(&mut cmd, &format!("COMPLETE={shell} veikart -- veikart {}", words.join(" ")))
}

/// The values offered (fish prints `value<TAB>help`).
fn offered(run: &Run) -> Vec<String> {
    run.stdout
        .lines()
        .map(|l| l.split('\t').next().unwrap_or_default().to_string())
        .filter(|l| !l.is_empty())
        .collect()
}

#[test]
fn completions_prints_a_script_bash_can_load_for_every_shell() {
    let sb = Sandbox::new();
    let run = bash(&sb, &sb.work, "source <(veikart completions bash) && complete -p veikart");
    let run = run.success();
    assert!(run.stdout.contains("-F _clap_complete_veikart veikart"), "{run}");
    let run =
        bash(&sb, &sb.work, "source <(veikart completions bash --static) && complete -p veikart")
            .success();
    assert!(run.stdout.contains("veikart"), "{run}");
    for (shell, mark) in [
        ("zsh", "#compdef veikart"),
        ("fish", "complete"),
        ("powershell", "Register-ArgumentCompleter"),
        ("elvish", "edit:completion"),
    ] {
        for extra in [&[][..], &["--static"]] {
            let mut args = vec!["completions", shell];
            args.extend_from_slice(extra);
            let run = sb.run(&sb.work, &args).success();
            assert!(run.stdout.contains(mark), "{mark}\n{run}");
            assert!(run.stderr.is_empty(), "{run}");
        }
    }
    // The static script knows every command and option from the clap tree.
    let run = sb.run(&sb.work, ["completions", "bash", "--static"]).success();
    for word in ["measure", "import", "--replace", "completions", "man"] {
        assert!(run.stdout.contains(word), "{word}");
    }
}

#[test]
fn completions_refuses_a_shell_it_does_not_know_and_any_format() {
    let sb = Sandbox::new();
    let (run, _) = sb.run(&sb.work, ["completions", "tcsh"]).failure();
    assert!(run.stderr.contains("bash, elvish, fish, powershell, zsh"), "{run}");
    let (_, first) = sb.run(&sb.work, ["completions", "bash", "--format", "json"]).failure();
    assert_eq!(first, "feil: `completions` skriver ikke data og tar ikke --format");
    let (_, first) = sb.run(&sb.work, ["--lang", "en", "man", "--format", "json"]).failure();
    assert_eq!(first, "error: `man` prints no data and takes no --format");
}

#[test]
fn tab_offers_the_ids_of_the_projects_records() {
    let sb = Sandbox::new();
    let root = example(&sb);
    let run = complete(&sb, &root, "bash", &["idea", "show", ""]).success();
    // With nothing typed yet, the options come after the ids.
    let ids: Vec<String> = offered(&run).into_iter().filter(|v| !v.starts_with('-')).collect();
    assert!(ids.contains(&"drosje-hjem-for-eldre-som-skrives-ut-om-natten".to_string()), "{run}");
    assert_eq!(ids.len(), fs::read_dir(root.join("ideas")).expect("ideas").count(), "{run}");
    // What is typed narrows the choice.
    let run = complete(&sb, &root, "bash", &["idea", "show", "dros"]).success();
    assert_eq!(offered(&run), ["drosje-hjem-for-eldre-som-skrives-ut-om-natten"], "{run}");
    // The generic verbs, and arguments that name another kind.
    let run = complete(&sb, &root, "bash", &["role", "rm", "syk"]).success();
    assert!(offered(&run).iter().all(|id| id.starts_with("syk")), "{run}");
    assert!(!offered(&run).is_empty(), "{run}");
    let run = complete(&sb, &root, "bash", &["raci", "set", "svare", "syk"]).success();
    assert!(offered(&run).contains(&"sykepleier".to_string()), "{run}");
    let run = complete(&sb, &root, "bash", &["measure", "record", "vent"]).success();
    assert!(offered(&run).iter().any(|id| id.starts_with("ventetid")), "{run}");
    // Phases of the roadmap, with their names for shells that show them.
    let run = complete(&sb, &root, "fish", &["checklist", "inn"]).success();
    assert!(run.stdout.contains("innsikt\tInnsikt"), "{run}");
    // `-C DIR` on the line points at the project, from anywhere.
    let run =
        complete(&sb, &sb.work, "bash", &["-C", "fjordvik", "idea", "show", "dros"]).success();
    assert_eq!(offered(&run), ["drosje-hjem-for-eldre-som-skrives-ut-om-natten"], "{run}");
    // Outside a project there is nothing to offer, and nothing goes wrong.
    let run = complete(&sb, &sb.work, "bash", &["idea", "show", ""]).success();
    assert!(offered(&run).iter().all(|v| v.starts_with('-')), "{run}");
    assert!(run.stderr.is_empty(), "{run}");
}

#[test]
fn bash_completes_ids_through_the_script_it_sourced() {
    let sb = Sandbox::new();
    let root = example(&sb);
    let script = "source <(veikart completions bash)
COMP_WORDS=(veikart idea show dros); COMP_CWORD=3; COMP_TYPE=9
_clap_complete_veikart veikart dros show
printf '%s\\n' \"${COMPREPLY[@]}\"";
    let run = bash(&sb, &root, script).success();
    assert_eq!(run.stdout.trim(), "drosje-hjem-for-eldre-som-skrives-ut-om-natten", "{run}");
}

#[test]
fn man_writes_one_page_per_command_into_a_folder_it_makes() {
    let sb = Sandbox::new();
    let run = sb.run(&sb.work, ["man", "ut/man1"]).success();
    let dir = sb.work.join("ut/man1");
    for page in ["veikart.1", "veikart-idea.1", "veikart-idea-add.1", "veikart-completions.1"] {
        let text = fs::read_to_string(dir.join(page)).expect(page);
        let name = page.trim_end_matches(".1");
        assert!(text.contains(&format!(".TH {name} 1")), "{page}:\n{text}");
        assert!(run.stderr.contains(&format!("Skrev ut/man1/{page}.\n")), "{page}\n{run}");
    }
    assert!(!dir.join("veikart-help.1").exists());
    let add = fs::read_to_string(dir.join("veikart-idea-add.1")).expect("page");
    assert!(add.contains("Formats: text, json (default: text)"), "{add}");
    let pages = fs::read_dir(&dir).expect("dir").count();
    assert_eq!(run.stderr.lines().count(), pages, "one line per page\n{run}");
    assert!(run.stdout.is_empty(), "{run}");
    // Again, quietly: the pages are replaced and nothing is said.
    let run = sb.run(&sb.work, ["man", "ut/man1", "--quiet"]).success();
    assert!(run.stderr.is_empty(), "{run}");
    // The working folder by default.
    let here = sb.work.join("her");
    fs::create_dir_all(&here).expect("mkdir");
    let run = sb.run(&here, ["man"]).success();
    assert!(run.stderr.starts_with("Skrev veikart.1.\n"), "{run}");
    assert!(here.join("veikart-man.1").is_file());
}

#[test]
fn man_refuses_a_path_that_is_a_file() {
    let sb = Sandbox::new();
    let file = sb.work.join("man.txt");
    fs::write(&file, "ikke en mappe\n").expect("write");
    let (run, first) = sb.run(&sb.work, ["man", "man.txt"]).failure();
    assert_eq!(first, "feil: man.txt er en fil, ikke en mappe", "{run}");
    assert_eq!(fs::read_to_string(&file).expect("read"), "ikke en mappe\n");
    let (_, first) = sb.run(&sb.work, ["--lang", "en", "man", "man.txt/sub"]).failure();
    assert!(first.starts_with("error: could not make the folder man.txt/sub"), "{first}");
}

/// `veikart ARGS` in `cwd` with `input` on standard input.
fn with_stdin(sb: &Sandbox, cwd: &Path, args: &[&str], input: &str) -> Run {
    let mut cmd = sb.command(cwd, args);
    cmd.stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped());
    let mut child = cmd.spawn().expect("spawn");
    child.stdin.take().expect("stdin").write_all(input.as_bytes()).expect("write stdin");
    let out = child.wait_with_output().expect("wait");
    Run::from_output(format!("veikart {} < input", args.join(" ")), out)
}

#[test]
fn measure_import_dash_reads_standard_input() {
    let sb = Sandbox::new();
    let p = sb.init_project();
    p.plan_waiting_time("Ventetid", &[]);
    let csv = "indicator;date;value\nventetid;01.11.2026;35,5\n";
    let run = with_stdin(&sb, &p.root, &["measure", "import", "-"], csv).success();
    assert!(run.stderr.contains("Importerte 1 verdi fra <standard inn>"), "{run}");
    let text = p.read("measurements/ventetid/2026-11-01.toml");
    assert!(text.contains("value = 35.5"), "{text}");
    // A bad row names standard input where a file would be named, and nothing is written.
    let before = p.snapshot();
    let bad = "indicator,date,value\nventetid,2026-11-02,mye\n";
    let (run, first) = with_stdin(&sb, &p.root, &["measure", "import", "-"], bad).failure();
    assert!(first.contains("<standard inn>"), "{run}");
    assert!(run.stderr.contains("<standard inn>:2:"), "{run}");
    assert_eq!(before, p.snapshot());
    // What `measure export` prints, `measure import -` reads back.
    let exported = p.run(["measure", "export"]).success().stdout;
    let run = with_stdin(&sb, &p.root, &["measure", "import", "-", "--replace"], &exported);
    assert!(run.code == 0, "{run}");
    let en = with_stdin(&sb, &p.root, &["--lang", "en", "measure", "import", "-"], bad);
    assert!(en.stderr.contains("<stdin>:2:"), "{en}");
    // Through a real pipe, as the help's example does it.
    let script = format!(
        "veikart -C {} measure export | veikart -C {} measure import - --replace",
        p.root.display(),
        p.root.display()
    );
    bash(&sb, &sb.work, &script).success();
}

/// `veikart --lang LANG PATH… --help` at a terminal width.
fn help(sb: &Sandbox, lang: &str, path: &[String], columns: &str) -> Run {
    let mut args = vec!["--lang".to_string(), lang.to_string()];
    args.extend(path.iter().cloned());
    args.push("--help".into());
    let mut cmd = sb.command(&sb.work, &args);
    cmd.env("COLUMNS", columns);
    finish(&mut cmd, &format!("COLUMNS={columns} veikart {}", args.join(" "))).success()
}

/// Every command path, found through the English help.
fn all_commands(sb: &Sandbox) -> Vec<Vec<String>> {
    let mut todo = vec![Vec::<String>::new()];
    let mut all = Vec::new();
    while let Some(path) = todo.pop() {
        for sub in subcommands(&help(sb, "en", &path, "200").stdout, "Commands:") {
            let mut p = path.clone();
            p.push(sub);
            todo.push(p);
        }
        all.push(path);
    }
    all.sort();
    all
}

/// The lines of the examples block (after `Examples:`/`Eksempler:`).
fn examples(text: &str) -> Vec<&str> {
    let mut lines = text.lines().skip_while(|l| *l != "Examples:" && *l != "Eksempler:");
    lines.next();
    lines.take_while(|l| !l.trim().is_empty()).collect()
}

#[test]
fn examples_in_help_are_never_cut_at_any_width() {
    let sb = Sandbox::new();
    let all = all_commands(&sb);
    assert!(all.len() > 100, "{}", all.len());
    let chunks: Vec<&[Vec<String>]> = all.chunks(all.len().div_ceil(8)).collect();
    let longest = std::thread::scope(|s| {
        let jobs: Vec<_> = chunks
            .iter()
            .map(|chunk| {
                s.spawn(|| {
                    let mut longest = 0;
                    for path in *chunk {
                        for lang in ["en", "nb"] {
                            let wide = help(&sb, lang, path, "200");
                            let narrow = help(&sb, lang, path, "80");
                            let want = examples(&wide.stdout);
                            assert!(!want.is_empty(), "examples\n{wide}");
                            assert_eq!(examples(&narrow.stdout), want, "cut at 80\n{narrow}");
                            for run in [&wide, &narrow] {
                                check_examples(run);
                            }
                            longest = want
                                .iter()
                                .map(|l| l.chars().count())
                                .max()
                                .unwrap_or(0)
                                .max(longest);
                        }
                    }
                    longest
                })
            })
            .collect();
        jobs.into_iter().map(|j| j.join().expect("thread")).max().unwrap_or(0)
    });
    assert!(longest > 100, "some example is wider than max_term_width: {longest}");
}

/// Every line of the examples block is one whole command: it starts with
/// two spaces and a word, its quotes are closed, and no line continues it.
fn check_examples(run: &Run) {
    let lines: Vec<&str> = run.stdout.lines().collect();
    for (i, line) in lines.iter().enumerate() {
        if !line.starts_with("  veikart ") {
            continue;
        }
        assert_eq!(line.matches('"').count() % 2, 0, "a quote cut in {line:?}\n{run}");
        if let Some(next) = lines.get(i + 1) {
            let whole = next.is_empty() || (next.starts_with("  ") && !next.starts_with("   "));
            assert!(whole, "{line:?} goes on in {next:?}\n{run}");
        }
    }
    for line in examples(&run.stdout) {
        assert!(line.starts_with("  ") && !line.starts_with("   "), "{line:?}\n{run}");
    }
}

#[test]
fn every_command_that_prints_data_lists_its_formats() {
    let sb = Sandbox::new();
    let cases: &[(&[&str], &str)] = &[
        (&["idea", "list"], "Formats: text, json (default: text)"),
        (&["report"], "Formats: md, html, json (default: md)"),
        (&["measure", "export"], "Formats: csv, json, xlsx (default: csv)"),
        (&["check"], "Formats: text, json, github, codequality (default: text)"),
        (&["checklist"], "Formats: text, json, md, junit, github, codequality (default: text)"),
        (&["tech", "compare"], "Formats: text, json, md, csv (default: text)"),
    ];
    for (path, want) in cases {
        let path: Vec<String> = path.iter().map(|s| s.to_string()).collect();
        let run = help(&sb, "en", &path, "200");
        assert!(run.stdout.contains(&format!("\n{want}\n")), "{want}\n{run}");
        let nb = want.replace("Formats:", "Formater:").replace("(default:", "(standard:");
        let run = help(&sb, "nb", &path, "200");
        assert!(run.stdout.contains(&format!("\n{nb}\n")), "{nb}\n{run}");
    }
    // Groups, and the commands that print scripts or roff, list none.
    for path in [&["idea"][..], &[], &["completions"], &["man"]] {
        let path: Vec<String> = path.iter().map(|s| s.to_string()).collect();
        let run = help(&sb, "en", &path, "200");
        assert!(!run.stdout.contains("Formats:"), "{run}");
    }
}

#[test]
fn bokmal_help_and_usage_errors_have_no_english_clap_words() {
    let sb = Sandbox::new();
    let run = sb.run(&sb.work, ["idea", "add", "--help"]).success();
    assert!(run.stdout.contains("Bruk: veikart idea add [VALG] <TITLE>"), "{run}");
    let run = sb.run(&sb.work, ["help", "help"]).success();
    assert!(run.stdout.contains("Bruk: veikart help [KOMMANDO]"), "{run}");
    assert!(run.stdout.contains("  idea           Samle idéer"), "{run}");
    // Nothing at all: the help, in Bokmål, on stderr, exit 2.
    let run = sb.run(&sb.work, Vec::<&str>::new()).code(2);
    assert!(run.stderr.contains("Bruk: veikart [VALG] <KOMMANDO>"), "{run}");
    // Options but no command: one line and hints, exit 2.
    let (run, first) = sb.run(&sb.work, ["--lang", "nb"]).failure();
    assert_eq!(first, "feil: mangler en kommando etter «veikart»", "{run}");
    assert!(run.stderr.contains("  tips: velg en av: init, idea,"), "{run}");
    assert!(!run.stderr.contains("Usage:"), "{run}");
    let (_, first) = sb.run(&sb.work, ["--lang", "en"]).failure();
    assert_eq!(first, "error: missing a command after `veikart`");
}
