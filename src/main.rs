//! The `promise` command: reads the arguments, calls the library, prints what
//! happened and exits 0 (done), 1 (the content has errors) or 2 (the command
//! was typed wrong).

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use clap::{Parser, Subcommand};
use promise::diagnostics::{self, Diagnostic};
use promise::{BuildError, Options, build, new_site};

#[derive(Parser)]
#[command(
    name = "promise",
    version,
    about = "Builds a council's promises to children in care, and its local offer for care leavers, into an accessible website."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Build the website from the content folder into the output folder.
    Build {
        /// The folder with site.toml and the content.
        #[arg(long, default_value = "content")]
        content: PathBuf,
        /// Where to write the website. Replaced whole, and only when the build succeeds.
        #[arg(long, default_value = "public")]
        out: PathBuf,
        /// The address the site is published at, instead of base_url in site.toml.
        #[arg(long)]
        base_url: Option<String>,
        /// Skip the print leaflets, for a quicker build.
        #[arg(long)]
        no_leaflets: bool,
    },
    /// Start a new site in DIR from the example content.
    New {
        /// A folder that does not exist yet, or is empty.
        dir: PathBuf,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Build {
            content,
            out,
            base_url,
            no_leaflets,
        } => run_build(
            &content,
            &out,
            &Options {
                base_url,
                leaflets: !no_leaflets,
            },
        ),
        Command::New { dir } => match new_site(&dir) {
            Ok(count) => {
                println!("Wrote a starter site of {count} files to {}.", dir.display());
                println!("Build it with: promise build --content {}", dir.display());
                ExitCode::SUCCESS
            }
            Err(message) => {
                eprintln!("error: {message}");
                ExitCode::from(1)
            }
        },
    }
}

fn run_build(content: &Path, out: &Path, options: &Options) -> ExitCode {
    let started = Instant::now();
    match build(content, out, options) {
        Ok(built) => {
            print_diagnostics(&built.warnings, content);
            println!(
                "Built {} pages into {} with {} in {:.2} s.",
                built.pages(),
                out.display(),
                count(built.warnings.len(), "warning"),
                started.elapsed().as_secs_f64()
            );
            ExitCode::SUCCESS
        }
        Err(BuildError::Content(problems)) => {
            print_diagnostics(&problems, content);
            let errors = problems.iter().filter(|d| d.is_error()).count();
            eprintln!(
                "Nothing was written: {} to fix ({}). {}/ is as it was.",
                count(errors, "error"),
                count(problems.len() - errors, "warning"),
                out.display()
            );
            ExitCode::from(1)
        }
        Err(BuildError::Write(e)) => {
            eprintln!("error: {e}");
            ExitCode::from(1)
        }
    }
}

fn print_diagnostics(problems: &[Diagnostic], content: &Path) {
    if !problems.is_empty() {
        let color = std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none();
        eprint!("{}", diagnostics::to_human(problems, content, color));
    }
}

fn count(n: usize, what: &str) -> String {
    if n == 1 {
        format!("1 {what}")
    } else {
        format!("{n} {what}s")
    }
}
