//! The `promise` command: reads the arguments, calls the library, prints what
//! happened and exits 0 (done), 1 (the content has errors) or 2 (the command
//! was typed wrong).

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Instant;

use clap::{Args, Parser, Subcommand, ValueEnum};
use jiff::civil::Date;
use promise::diagnostics::Diagnostic;
use promise::report;
use promise::store::Store;
use promise::{BuildError, Options, build, new_site, render_site};

#[derive(Parser)]
#[command(
    name = "promise",
    version = env!("PROMISE_VERSION"),
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
        #[command(flatten)]
        source: Source,
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
    /// Check the content without building: language, reading level,
    /// accessibility, the local offer and links.
    Check {
        #[command(flatten)]
        source: Source,
        /// How to print what is found: for people, or as JSON for other tools.
        #[arg(long, value_enum, default_value_t = Format::Human)]
        format: Format,
        /// Fail on warnings too, not only on errors.
        #[arg(long)]
        strict: bool,
        /// Show every warning, not only the first 20 of each kind.
        #[arg(long)]
        all: bool,
    },
    /// Preview the site while you edit it: builds it in memory, serves it on
    /// this computer and updates the page each time a file is saved.
    Serve {
        #[command(flatten)]
        source: Source,
        /// The port to listen on; the next free one is used if it is taken.
        #[arg(long, default_value_t = 1111)]
        port: u16,
        /// Open the preview in the browser.
        #[arg(long)]
        open: bool,
        /// The address to listen on. Only this computer can see the preview
        /// unless you change it.
        #[arg(long, default_value = "127.0.0.1")]
        bind: std::net::IpAddr,
        /// Skip the print leaflets, for a quicker preview.
        #[arg(long)]
        no_leaflets: bool,
    },
    /// Write the settings of the browser editors (Decap CMS, Sveltia CMS and
    /// Pages CMS) from site.toml, so the content can be edited in a form.
    Cms {
        /// The folder with site.toml and the content.
        #[arg(long, default_value = "content")]
        content: PathBuf,
        /// The root of the repository the content is kept in, where Pages
        /// CMS looks for its .pages.yml.
        #[arg(long, default_value = ".")]
        repository: PathBuf,
    },
    /// Start a new site in DIR from the example content.
    New {
        /// A folder that does not exist yet, or is empty.
        dir: PathBuf,
        /// Where the site will be put online: its deploy recipe is written
        /// beside the content, and site.toml says so.
        #[arg(long, value_parser = ["netlify", "cloudflare-pages", "github-pages", "gitlab-pages", "apache", "nginx", "other"])]
        host: Option<String>,
    },
    /// Write the theme's English words (menus, buttons, headings) into
    /// content/theme/i18n/CODE.toml, for a translator to put into a new
    /// language.
    Strings {
        /// The language's code in site.toml, such as cy.
        #[arg(long)]
        language: String,
        /// The folder with site.toml and the content.
        #[arg(long, default_value = "content")]
        content: PathBuf,
    },
    /// Keep translations true to their originals.
    Translations {
        #[command(subcommand)]
        action: TranslationsAction,
    },
    /// Make the printed newsletter for any stretch of days: the "you said,
    /// we did" messages of those days, the local offer entries checked in
    /// them and the events to come, in every language with its own. The
    /// quarters in [newsletter] in site.toml are made by every build.
    Newsletter {
        #[command(flatten)]
        source: Source,
        /// Its first day (YYYY-MM-DD), such as 2026-10-01.
        #[arg(long)]
        from: Date,
        /// Its last day (YYYY-MM-DD), such as 2026-12-31.
        #[arg(long)]
        to: Date,
        /// The folder to write the newsletter's PDFs into.
        #[arg(long, default_value = "newsletter")]
        out: PathBuf,
    },
    /// The record of the addresses the leaflets have printed.
    Printed {
        #[command(subcommand)]
        action: PrintedAction,
    },
}

#[derive(Subcommand)]
enum PrintedAction {
    /// Add the addresses another copy of the record holds, such as the one
    /// the live site publishes at leaflets/printed.toml, to
    /// content/printed.toml. A build on a host runs it first, so what the
    /// live site's leaflets printed is never forgotten.
    Merge {
        /// The other copy of the record.
        file: PathBuf,
        /// The folder with site.toml and the content.
        #[arg(long, default_value = "content")]
        content: PathBuf,
    },
}

#[derive(Subcommand)]
enum TranslationsAction {
    /// Record that each translation into a language says what its original
    /// says now. Run it once a translator has put right what changed, and
    /// `check` stops saying the translation is out of date.
    Mark {
        /// The language's code in site.toml, such as ar.
        #[arg(long)]
        language: String,
        /// The folder with site.toml and the content.
        #[arg(long, default_value = "content")]
        content: PathBuf,
    },
    /// Write everything to translate into a language as one XLIFF 2.0
    /// file, for a translation agency's tools. What is translated already,
    /// and up to date, goes too, marked final, so only what is new or
    /// changed is left to translate.
    Export {
        /// The language's code in site.toml, such as ar.
        #[arg(long)]
        language: String,
        /// The folder with site.toml and the content.
        #[arg(long, default_value = "content")]
        content: PathBuf,
        /// The file to write; translation-<code>.xlf if left out.
        #[arg(long)]
        out: Option<PathBuf>,
    },
    /// Bring an XLIFF file back from the agency: writes the translated
    /// files (such as about.ar.md) and site.<code>.toml, recorded as made
    /// from the words the agency was sent.
    Import {
        /// The XLIFF file the agency sent back.
        file: PathBuf,
        /// The folder with site.toml and the content.
        #[arg(long, default_value = "content")]
        content: PathBuf,
    },
    /// Say, for each language, what is translated, missing and out of date.
    Status {
        /// The folder with site.toml and the content.
        #[arg(long, default_value = "content")]
        content: PathBuf,
    },
}

/// Where the content is, and the day to check it on.
#[derive(Args)]
struct Source {
    /// The folder with site.toml and the content.
    #[arg(long, default_value = "content")]
    content: PathBuf,
    /// Check as if today were this day (YYYY-MM-DD), such as the day of a
    /// review meeting, to see which local offer entries will be due.
    #[arg(long)]
    today: Option<Date>,
}

impl Source {
    fn today(&self) -> Date {
        self.today.unwrap_or_else(|| Options::default().today)
    }

    fn options(&self, base_url: Option<String>, leaflets: bool) -> Options {
        Options {
            base_url,
            leaflets,
            today: self.today(),
            ..Options::default()
        }
    }
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Human,
    Json,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Build {
            source,
            out,
            base_url,
            no_leaflets,
        } => {
            let options = Options {
                pictures: Arc::new(Store::in_folder(&promise::output::beside(&out, "pictures"))),
                typeset: Arc::new(Store::in_folder(&promise::output::beside(&out, "leaflets"))),
                cards: Arc::new(Store::in_folder(&promise::output::beside(&out, "cards"))),
                ..source.options(base_url, !no_leaflets)
            };
            run_build(&source.content, &out, &options)
        }
        Command::Check {
            source,
            format,
            strict,
            all,
        } => run_check(&source.content, &source.options(None, false), format, strict, all),
        Command::Serve {
            source,
            port,
            open,
            bind,
            no_leaflets,
        } => {
            let settings = promise::serve::Settings {
                content: source.content.clone(),
                port,
                bind,
                open,
                today: source.today(),
                leaflets: !no_leaflets,
            };
            match promise::serve::serve(&settings) {
                Ok(()) => ExitCode::SUCCESS,
                Err(message) => {
                    eprintln!("error: {message}");
                    ExitCode::from(1)
                }
            }
        }
        Command::Cms { content, repository } => run_cms(&content, &repository),
        Command::Newsletter { source, from, to, out } => run_newsletter(&source, from, to, &out),
        Command::Translations {
            action: TranslationsAction::Mark { language, content },
        } => run_mark(&content, &language),
        Command::Translations {
            action: TranslationsAction::Status { content },
        } => run_status(&content),
        Command::Translations {
            action: TranslationsAction::Export { language, content, out },
        } => run_export(&content, &language, out),
        Command::Translations {
            action: TranslationsAction::Import { file, content },
        } => run_import(&content, &file),
        Command::Printed {
            action: PrintedAction::Merge { file, content },
        } => match promise::merge_printed(&content, &file) {
            Ok(new) => {
                let new = if new == 1 {
                    "1 new address".to_string()
                } else {
                    format!("{new} new addresses")
                };
                println!(
                    "Merged {} into {}: {new}.",
                    file.display(),
                    content.join(promise::layout::PRINTED).display()
                );
                ExitCode::SUCCESS
            }
            Err(problem) => {
                print_diagnostics(&[problem], &content, false);
                ExitCode::from(1)
            }
        },
        Command::Strings { language, content } => match promise::new_strings(&content, &language) {
            Ok(path) => {
                println!("Wrote {}: translate the words in quotes on each line.", path.display());
                ExitCode::SUCCESS
            }
            Err(message) => {
                eprintln!("error: {message}");
                ExitCode::from(1)
            }
        },
        Command::New { dir, host } => match new_site(&dir, host.as_deref()) {
            Ok(count) => {
                println!("Wrote a starter site of {count} files to {}.", dir.display());
                println!(
                    "Its words are in {}. From that folder, `promise check` checks it and `promise build` builds it:",
                    dir.join("content").display()
                );
                println!("  cd {} && promise check && promise build", dir.display());
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
            print_diagnostics(&built.warnings, content, false);
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
            print_diagnostics(&problems, content, false);
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
            eprintln!("Nothing was published: {}/ is as it was.", out.display());
            ExitCode::from(1)
        }
    }
}

fn run_newsletter(source: &Source, from: Date, to: Date, out: &Path) -> ExitCode {
    let Some(period) = promise::config::Period::between(from, to) else {
        eprintln!("error: the newsletter would end ({to}) before it starts ({from})");
        eprintln!(
            "help: give the first day after --from and the last day after --to, such as --from 2026-10-01 --to 2026-12-31"
        );
        return ExitCode::from(2);
    };
    let content = &source.content;
    let made = match promise::newsletter(content, &source.options(None, true), period) {
        Ok(made) => made,
        Err(problems) => {
            print_diagnostics(&problems, content, false);
            eprintln!("No newsletter was made: fix these first.");
            return ExitCode::from(1);
        }
    };
    print_diagnostics(&made.warnings, content, false);
    for (path, bytes) in &made.files {
        // leaflets/news-2026-q4.pdf is written as newsletter/news-2026-q4.pdf.
        let file = out.join(path.replacen(&format!("{}/", promise::layout::LEAFLETS), "", 1));
        let written = file
            .parent()
            .map_or(Ok(()), std::fs::create_dir_all)
            .and_then(|()| std::fs::write(&file, bytes));
        if let Err(e) = written {
            eprintln!("error: {} could not be written: {e}", file.display());
            return ExitCode::from(1);
        }
        println!("Wrote {}", file.display());
    }
    if let Err(problem) = promise::printed::save(content, &made.printed) {
        print_diagnostics(&[problem], content, false);
    }
    println!(
        "The files in {} are for reading; those in its print/ folders are for the print shop.",
        out.display()
    );
    ExitCode::SUCCESS
}

fn run_mark(content: &Path, language: &str) -> ExitCode {
    match promise::mark_translations(content, language) {
        Ok(written) => {
            for file in &written {
                println!("Marked {}", content.join(file).display());
            }
            println!(
                "{} marked as made from {} as it is now.",
                count(written.len(), "translation"),
                if written.len() == 1 {
                    "its original"
                } else {
                    "their originals"
                }
            );
            ExitCode::SUCCESS
        }
        Err(problems) => {
            print_diagnostics(&problems, content, false);
            eprintln!("Nothing was marked: fix these first.");
            ExitCode::from(1)
        }
    }
}

fn run_export(content: &Path, language: &str, out: Option<PathBuf>) -> ExitCode {
    let (xml, document) = match promise::export_translation(content, language) {
        Ok(exported) => exported,
        Err(problems) => {
            print_diagnostics(&problems, content, false);
            eprintln!("Nothing was written: fix these first.");
            return ExitCode::from(1);
        }
    };
    let out = out.unwrap_or_else(|| PathBuf::from(format!("translation-{}.xlf", document.target_language)));
    if let Err(e) = std::fs::write(&out, xml) {
        eprintln!("error: {} could not be written: {e}", out.display());
        return ExitCode::from(1);
    }
    let units: Vec<_> = document.files.iter().flat_map(|f| &f.units).collect();
    let todo: Vec<_> = units.iter().filter(|u| u.target.is_none()).collect();
    let words: usize = todo.iter().map(|u| u.source.split_whitespace().count()).sum();
    println!(
        "Wrote {}: {} from {} to {}, {} of them to translate ({}).",
        out.display(),
        count(units.len(), "piece"),
        count(document.files.len(), "file"),
        document.target_language,
        todo.len(),
        count(words, "word")
    );
    println!(
        "Send it to the translator. When it comes back, run: promise translations import {}",
        out.display()
    );
    ExitCode::SUCCESS
}

fn run_import(content: &Path, file: &Path) -> ExitCode {
    match promise::import_translation(content, file) {
        Ok(imported) => {
            print_diagnostics(&imported.warnings, content, false);
            for written in &imported.written {
                println!("Wrote {}", content.join(written).display());
            }
            println!(
                "{} written, {} unchanged. Run `promise check`, then look at the pages with `promise serve`.",
                count(imported.written.len(), "translation"),
                imported.unchanged
            );
            ExitCode::SUCCESS
        }
        Err(problems) => {
            print_diagnostics(&problems, content, false);
            eprintln!("Nothing was imported: fix these first.");
            ExitCode::from(1)
        }
    }
}

fn run_status(content: &Path) -> ExitCode {
    let languages = match promise::translation_status(content) {
        Ok(languages) => languages,
        Err(problems) => {
            print_diagnostics(&problems, content, false);
            eprintln!("Fix these first.");
            return ExitCode::from(1);
        }
    };
    if languages.is_empty() {
        println!("The site has no other languages: add one with [[languages]] in site.toml.");
    }
    for l in &languages {
        let total = l.translated + l.stale.len() + l.missing.len();
        println!(
            "{} ({}): {} of {total} files translated, {} out of date, {} missing; of site.toml's words, {} missing and {} out of date",
            l.name,
            l.code,
            l.translated,
            l.stale.len(),
            l.missing.len(),
            l.untranslated_words,
            l.stale_words.len()
        );
        for file in &l.stale {
            println!("  out of date: {file}");
        }
        for file in &l.missing {
            println!("  missing: {file}");
        }
        for word in &l.stale_words {
            println!("  out of date in site.{}.toml: {word}", l.code);
        }
    }
    ExitCode::SUCCESS
}

fn run_cms(content: &Path, repository: &Path) -> ExitCode {
    let config = match promise::config::load(content, Path::new(promise::layout::SITE_TOML), None) {
        Ok(config) => config,
        Err(problems) => {
            print_diagnostics(&problems, content, false);
            eprintln!("Nothing was written: fix site.toml first.");
            return ExitCode::from(1);
        }
    };
    let theme = promise::render::theme::Theme::load(content).0;
    for (path, text) in promise::editor::files(&config, content, repository, &theme.icon_names()) {
        let written = path
            .parent()
            .map_or(Ok(()), std::fs::create_dir_all)
            .and_then(|()| std::fs::write(&path, text));
        if let Err(e) = written {
            eprintln!("error: could not write {}: {e}", path.display());
            return ExitCode::from(1);
        }
        println!("Wrote {}", path.display());
    }
    println!(
        "Next: put your repository's name in backend.repo in admin/config.yml; see \"Editing in a browser\" in the README."
    );
    ExitCode::SUCCESS
}

fn run_check(content: &Path, options: &Options, format: Format, strict: bool, all: bool) -> ExitCode {
    let (found, pages) = match render_site(content, options) {
        Ok(built) => {
            let pages = built.pages();
            (built.warnings, Some(pages))
        }
        Err(problems) => (problems, None),
    };
    let errors = found.iter().filter(|d| d.is_error()).count();
    let warnings = found.len() - errors;
    match format {
        Format::Json => println!("{}", report::to_json(&found)),
        Format::Human => {
            print_diagnostics(&found, content, all);
            let checked = pages.map_or_else(|| "the content".to_string(), |n| format!("{n} pages"));
            println!(
                "Checked {checked}: {} and {}.",
                count(errors, "error"),
                count(warnings, "warning")
            );
        }
    }
    if errors > 0 || (strict && warnings > 0) {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// Every error, and the first warnings of each kind unless `all`.
fn print_diagnostics(problems: &[Diagnostic], content: &Path, all: bool) {
    if !problems.is_empty() {
        let color = std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none();
        eprint!("{}", report::to_human(problems, content, color, all));
    }
}

fn count(n: usize, what: &str) -> String {
    if n == 1 {
        format!("1 {what}")
    } else {
        format!("{n} {what}s")
    }
}
