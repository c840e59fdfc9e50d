use std::process::ExitCode;

use veikart::error::{FAILURE, UserError};

fn main() -> ExitCode {
    let cli = veikart::Cli::parse_args();
    let color = cli.color;
    match veikart::run(cli) {
        Ok(code) => ExitCode::from(code),
        Err(err) => {
            // A closed pipe (`veikart idea list | head`) is not an error.
            if err.chain().any(|c| {
                c.downcast_ref::<std::io::Error>()
                    .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
            }) {
                return ExitCode::SUCCESS;
            }
            let ui = veikart::output::ui::Ui::new(color, None, false);
            let user = err.chain().find_map(|c| c.downcast_ref::<UserError>());
            match user {
                Some(e) if err.downcast_ref::<UserError>().is_some() => {
                    ui.error(&e.message, &e.hints)
                }
                Some(e) => ui.error(&format!("{err:#}"), &e.hints),
                None => ui.error(&format!("{err:#}"), &[]),
            }
            ExitCode::from(FAILURE)
        }
    }
}
