//! The `press` command line.

use anyhow::Result;
use clap::{Parser, Subcommand};
use press::bench::{self, BenchOptions};
use press::{build, check_dir, generate, schema, BuildOptions};
use std::path::PathBuf;
use std::process::ExitCode;

/// Checks Convergence's content folder and builds the JSON bucket the site reads.
#[derive(Parser)]
#[command(name = "press", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Check a content folder and print every problem (exit code 1 if any error).
    Check {
        /// The content folder, e.g. `content`.
        content: PathBuf,
    },
    /// Check, then write the bucket (refuses to write anything if there is an error).
    Build {
        /// The content folder, e.g. `content`.
        content: PathBuf,
        /// The bucket folder to (re)place, e.g. `dist/content`.
        #[arg(long)]
        out: PathBuf,
        /// Also write drafts/{slug}.json for drafts/{slug}.md.
        #[arg(long)]
        drafts: bool,
        /// Where the bucket is served, for the feed's self link and the sitemap index
        /// [default: {site.url}/content].
        #[arg(long)]
        bucket_url: Option<String>,
    },
    /// Print one site-relative URL of every route the content gives the site, one a line.
    Routes {
        /// The content folder, e.g. `content`.
        content: PathBuf,
    },
    /// Write a deterministic synthetic content folder of N articles.
    GenArchive {
        /// How many articles.
        n: usize,
        /// The folder to create (must not exist or be empty).
        #[arg(long)]
        out: PathBuf,
    },
    /// Time builds of 2,000 and 20,000 synthetic articles and compare file sizes.
    Bench {
        /// The large archive's size.
        #[arg(long, default_value_t = 20_000)]
        articles: usize,
        /// The small archive's size.
        #[arg(long, default_value_t = 2_000)]
        small: usize,
        /// Where to write the figures as JSON.
        #[arg(long, default_value = "target/bench/press.json")]
        report: PathBuf,
        /// Keep the generated folders (in the system temp folder).
        #[arg(long)]
        keep: bool,
    },
    /// Write the bucket's JSON Schemas (one file per bucket file kind).
    Schema {
        /// The folder, e.g. `docs/schema`.
        #[arg(long)]
        out: PathBuf,
        /// Only check that the files there are up to date (exit code 1 if not).
        #[arg(long)]
        check: bool,
    },
}

fn main() -> ExitCode {
    match run(Cli::parse()) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::from(2)
        }
    }
}

fn run(cli: Cli) -> Result<ExitCode> {
    match cli.command {
        Command::Check { content } => {
            let checked = check_dir(&content)?;
            for d in &checked.diagnostics {
                println!("{d}");
            }
            println!("{}", checked.summary());
            Ok(if checked.errors() > 0 {
                ExitCode::FAILURE
            } else {
                ExitCode::SUCCESS
            })
        }
        Command::Build {
            content,
            out,
            drafts,
            bucket_url,
        } => {
            let opts = BuildOptions {
                drafts,
                bucket_url,
                progress: true,
            };
            let report = build(&content, &out, &opts)?;
            for d in &report.checked.diagnostics {
                eprintln!("{d}");
            }
            if !report.written {
                eprintln!("{}", report.checked.summary());
                eprintln!("nothing written: fix the errors above first");
                return Ok(ExitCode::FAILURE);
            }
            println!(
                "wrote {} files ({:.1} MB, {} articles) to {} in {:.1} s",
                report.files,
                report.bytes as f64 / 1e6,
                report.articles,
                out.display(),
                report.elapsed.as_secs_f64()
            );
            Ok(ExitCode::SUCCESS)
        }
        Command::Routes { content } => {
            let checked = check_dir(&content)?;
            let Some(content) = checked.content else {
                eprintln!("{}", checked.summary());
                eprintln!("the content has errors: run `press check` first");
                return Ok(ExitCode::FAILURE);
            };
            for route in press::routes::samples(&content) {
                println!("{}", route.href());
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::GenArchive { n, out } => {
            generate::generate(n, &out)?;
            println!(
                "wrote a synthetic archive of {n} articles to {}",
                out.display()
            );
            Ok(ExitCode::SUCCESS)
        }
        Command::Bench {
            articles,
            small,
            report,
            keep,
        } => {
            let r = bench::bench(&BenchOptions {
                articles,
                small,
                report,
                keep,
            })?;
            Ok(if r.growing_kinds.is_empty() {
                ExitCode::SUCCESS
            } else {
                ExitCode::FAILURE
            })
        }
        Command::Schema { out, check } => {
            if check {
                let stale = schema::stale_schemas(&out);
                if stale.is_empty() {
                    println!("{}: schemas are up to date", out.display());
                    return Ok(ExitCode::SUCCESS);
                }
                eprintln!("out of date in {}: {}", out.display(), stale.join(", "));
                eprintln!("run `cargo run -p press -- schema --out {}`", out.display());
                return Ok(ExitCode::FAILURE);
            }
            schema::write_schemas(&out)?;
            println!(
                "wrote {} schemas to {}",
                schema::schemas().len(),
                out.display()
            );
            Ok(ExitCode::SUCCESS)
        }
    }
}
