//! The `rashomon` command line: a thin shell over the library.

use anyhow::{Context, Result};
use clap::{Parser, Subcommand};
use rashomon::{corpus, pipeline};
use rashomon_brief::Format;
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "rashomon",
    version,
    about = "Reads many news reports and shows one story through every source."
)]
struct Cli {
    /// The corpus database (default: $RASHOMON_DB, else ~/.local/share/rashomon/rashomon.db).
    #[arg(long, global = true)]
    db: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Brief every story in the given files and directories (`-` reads standard input).
    Brief {
        /// Files or directories (recursively): .txt .md .html .json .jsonl .xml .rss .atom .warc .warc.gz
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Output format: md, json or html.
        #[arg(long, short, default_value = "md")]
        format: Format,
        /// Write to this file instead of standard output.
        #[arg(long, short)]
        output: Option<PathBuf>,
        /// Outlet name for inputs that do not say (overrides headers and file names).
        #[arg(long)]
        source: Option<String>,
    },
    /// Print what the extract stage finds in each article (entities, attributions, values) as JSON lines.
    Extract {
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        #[arg(long)]
        source: Option<String>,
    },
    /// Add articles to the corpus database: copies linked, stories assigned, search index updated.
    Ingest {
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        #[arg(long)]
        source: Option<String>,
    },
    /// List the corpus's stories, newest first, with source counts.
    Stories {
        #[arg(long, default_value_t = 50)]
        limit: usize,
    },
    /// The brief of one stored story.
    Story {
        id: i64,
        #[arg(long, short, default_value = "md")]
        format: Format,
        #[arg(long, short)]
        output: Option<PathBuf>,
    },
    /// Full-text search over stored articles.
    Search {
        query: String,
        #[arg(long, default_value_t = 20)]
        limit: usize,
    },
    /// List the corpus's entities (one per real-world person, organisation or place,
    /// all spellings merged), most mentioned first.
    Entities {
        /// Only this type: person, organization, location or misc.
        #[arg(long = "type", value_parser = parse_entity_type)]
        entity_type: Option<rashomon::model::EntityType>,
        #[arg(long, default_value_t = 50)]
        limit: usize,
        /// Print JSON instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// One entity by id or by any of its names: its aliases and the articles that mention it (JSON).
    Entity {
        query: String,
        /// Most matching entities to show.
        #[arg(long, default_value_t = 5)]
        limit: usize,
    },
    /// Re-cluster the whole corpus in one batch pass.
    Recluster,
    /// Rebuild the search index and the corpus-wide entity links from the database.
    Reindex,
    /// Measure accuracy against gold data; prints JSON.
    Eval {
        #[command(subcommand)]
        what: EvalCommand,
    },
}

#[derive(Subcommand)]
enum EvalCommand {
    /// Named entities against a CoNLL column file (IOB1 or IOB2).
    Ner {
        #[arg(long)]
        conll: PathBuf,
    },
    /// Attributions (source, cue, content) against PolNeAR (DIR holds text/ and attributions/).
    Quotes {
        #[arg(long)]
        polnear: PathBuf,
    },
    /// Story clustering against a JSONL file with a gold `story` field.
    Cluster { file: PathBuf },
}

fn main() -> ExitCode {
    fixed_mmap_threshold();
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::from(2)
        }
    }
}

/// glibc raises its mmap threshold each time a large block is freed, so after
/// the search index merges a big segment, blocks of that size come from the
/// heap and stay there: on a long ingest resident memory then rises in steps
/// that never come down (measured in docs/benchmarks.md). A fixed threshold
/// (glibc's initial 128 KiB) returns every large block to the system. A
/// threshold the user set with `MALLOC_MMAP_THRESHOLD_` is left alone.
fn fixed_mmap_threshold() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    if std::env::var_os("MALLOC_MMAP_THRESHOLD_").is_none() {
        // SAFETY: mallopt only changes allocator parameters; it runs before any
        // other thread exists.
        unsafe {
            libc::mallopt(libc::M_MMAP_THRESHOLD, 128 * 1024);
        }
    }
}

fn parse_entity_type(s: &str) -> Result<rashomon::model::EntityType, String> {
    use rashomon::model::EntityType;
    match s.to_ascii_lowercase().as_str() {
        "person" | "per" => Ok(EntityType::Person),
        "organization" | "organisation" | "org" => Ok(EntityType::Organization),
        "location" | "loc" | "place" => Ok(EntityType::Location),
        "misc" => Ok(EntityType::Misc),
        _ => Err(format!(
            "unknown entity type {s:?} (person, organization, location, misc)"
        )),
    }
}

/// A progress bar on a terminal, nothing otherwise.
fn progress_bar(message: &'static str) -> Option<indicatif::ProgressBar> {
    if !std::io::stderr().is_terminal() {
        return None;
    }
    let bar = indicatif::ProgressBar::new(0).with_message(message);
    if let Ok(style) = indicatif::ProgressStyle::with_template("{msg} {bar:30} {pos}/{len} ({eta})")
    {
        bar.set_style(style);
    }
    Some(bar)
}

fn db_path(db: Option<PathBuf>) -> Result<PathBuf> {
    match db {
        Some(p) => Ok(p),
        None => rashomon_store::default_db_path()
            .context("finding the default database path (use --db)"),
    }
}

fn run(cli: Cli) -> Result<ExitCode> {
    let db = cli.db;
    match cli.command {
        Command::Ingest { paths, source } => corpus_ingest(&db_path(db)?, paths, source),
        Command::Stories { limit } => {
            let db = db_path(db)?;
            let stories = corpus::stories(&db, limit)?;
            if stories.is_empty() {
                eprintln!(
                    "no stories in {} yet (rashomon ingest PATH... adds articles)",
                    db.display()
                );
            }
            for s in stories {
                let when = s.last_published.as_deref().unwrap_or("undated");
                println!(
                    "{:>6}  {:>3} sources  {:>4} articles  {when:<10}  {}",
                    s.id, s.sources, s.articles, s.title
                );
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Story { id, format, output } => {
            let brief = corpus::story_brief(&db_path(db)?, id)?;
            write_output(rashomon_brief::render(&brief, format), output)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Search { query, limit } => {
            let hits = corpus::search(&db_path(db)?, &query, limit)?;
            if hits.is_empty() {
                eprintln!("no match for {query:?}");
            }
            for h in hits {
                let story = h.story_id.map_or("-".to_string(), |s| s.to_string());
                println!(
                    "{:.2}  story {story}  {} [{}]  {}\n      {}",
                    h.score, h.title, h.source, h.article_id, h.snippet
                );
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Recluster => {
            let n = corpus::recluster(&db_path(db)?)?;
            eprintln!("{n} stories");
            Ok(ExitCode::SUCCESS)
        }
        Command::Reindex => {
            let bar = progress_bar("relinking entities");
            let r = corpus::reindex(&db_path(db)?, &mut |done, total| {
                if let Some(bar) = &bar {
                    bar.set_length(total as u64);
                    bar.set_position(done as u64);
                }
            })?;
            if let Some(bar) = bar {
                bar.finish_and_clear();
            }
            eprintln!("indexed {} articles; {} entities", r.articles, r.entities);
            Ok(ExitCode::SUCCESS)
        }
        Command::Entities {
            entity_type,
            limit,
            json,
        } => {
            let db = db_path(db)?;
            let list = rashomon::entities::list(&db, entity_type, limit)?;
            if json {
                println!("{}", serde_json::to_string_pretty(&list)?);
            } else {
                if list.is_empty() {
                    eprintln!("no entities in {} (rashomon ingest PATH... adds articles; rashomon reindex links older ones)", db.display());
                }
                for e in list {
                    let others: Vec<&str> = e
                        .aliases
                        .iter()
                        .map(String::as_str)
                        .filter(|a| *a != e.name)
                        .take(6)
                        .collect();
                    println!(
                        "{:>7}  {:<12}  {:>5} articles  {}{}",
                        e.id,
                        e.entity_type.as_str(),
                        e.articles,
                        e.name,
                        if others.is_empty() {
                            String::new()
                        } else {
                            format!("  (also: {})", others.join(", "))
                        }
                    );
                }
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Entity { query, limit } => {
            let db = db_path(db)?;
            let found = rashomon::entities::find(&db, &query, limit)?;
            if found.is_empty() {
                eprintln!("no entity {query:?} in {}", db.display());
                return Ok(ExitCode::from(1));
            }
            println!("{}", serde_json::to_string_pretty(&found)?);
            Ok(ExitCode::SUCCESS)
        }
        Command::Brief {
            paths,
            format,
            output,
            source,
        } => brief(paths, format, output, source),
        Command::Extract { paths, source } => extract(paths, source),
        Command::Eval { what } => {
            let json = match what {
                EvalCommand::Ner { conll } => {
                    let report = rashomon_ner::evaluate(rashomon_ner::NerModel::builtin(), &conll)
                        .with_context(|| format!("evaluating NER on {}", conll.display()))?;
                    serde_json::to_string_pretty(&report)?
                }
                EvalCommand::Quotes { polnear } => {
                    let report =
                        rashomon_attrib::polnear::evaluate(&polnear).with_context(|| {
                            format!("evaluating attributions on {}", polnear.display())
                        })?;
                    serde_json::to_string_pretty(&report)?
                }
                EvalCommand::Cluster { file } => {
                    let report = rashomon_cluster::eval::evaluate(
                        &file,
                        &rashomon_cluster::ClusterConfig::default(),
                    )
                    .with_context(|| format!("evaluating clustering on {}", file.display()))?;
                    serde_json::to_string_pretty(&report)?
                }
            };
            println!("{json}");
            Ok(ExitCode::SUCCESS)
        }
    }
}

fn brief(
    paths: Vec<PathBuf>,
    format: Format,
    output: Option<PathBuf>,
    source: Option<String>,
) -> Result<ExitCode> {
    let opts = rashomon_ingest::IngestOptions { source };
    let (articles, failures) = rashomon_ingest::ingest_all(&paths, &opts);
    for f in &failures {
        eprintln!("warning: skipped {f}");
    }
    if articles.is_empty() {
        anyhow::bail!(
            "no article could be read from {}",
            paths
                .iter()
                .map(|p| p.display().to_string())
                .collect::<Vec<_>>()
                .join(", ")
        );
    }
    let progress = std::io::stderr().is_terminal() && articles.len() > 50;
    let docs = pipeline::analyze_all(articles, &mut |done, total| {
        if progress {
            eprint!("\ranalysing {done}/{total}");
        }
    });
    if progress {
        eprintln!();
    }
    let brief = pipeline::brief(&docs);
    write_output(rashomon_brief::render(&brief, format), output)?;
    Ok(if failures.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

fn write_output(rendered: String, output: Option<PathBuf>) -> Result<()> {
    match output {
        Some(path) => std::fs::write(&path, rendered)
            .with_context(|| format!("writing {}", path.display()))?,
        None => {
            let mut stdout = std::io::stdout().lock();
            // A closed pipe (`| head`) is not an error worth reporting.
            if let Err(e) = stdout.write_all(rendered.as_bytes()) {
                if e.kind() != std::io::ErrorKind::BrokenPipe {
                    return Err(e.into());
                }
            }
        }
    }
    Ok(())
}

fn corpus_ingest(
    db: &std::path::Path,
    paths: Vec<PathBuf>,
    source: Option<String>,
) -> Result<ExitCode> {
    let opts = rashomon_ingest::IngestOptions { source };
    let bar = std::io::stderr().is_terminal().then(|| {
        let bar = indicatif::ProgressBar::new_spinner();
        bar.set_style(
            indicatif::ProgressStyle::with_template("{spinner} {elapsed} {msg}")
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_spinner()),
        );
        bar.enable_steady_tick(std::time::Duration::from_millis(200));
        bar
    });
    let summary = corpus::ingest(db, &paths, &opts, &mut |p| {
        if let Some(bar) = &bar {
            bar.set_message(format!(
                "read {}  new {}  copies {}  already stored {}  failed {}",
                p.read, p.new, p.copies, p.duplicates_skipped, p.failed
            ));
        }
    })?;
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
    eprintln!(
        "{}: read {}, new {}, copies {}, already stored {}, failed {}; {} stories",
        db.display(),
        summary.read,
        summary.new,
        summary.copies,
        summary.duplicates_skipped,
        summary.failed.len(),
        summary.stories
    );
    for (path, reason) in &summary.failed {
        eprintln!("  failed: {path}: {reason}");
    }
    Ok(if summary.failed.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

fn extract(paths: Vec<PathBuf>, source: Option<String>) -> Result<ExitCode> {
    let opts = rashomon_ingest::IngestOptions { source };
    let mut failed = false;
    let mut stdout = std::io::stdout().lock();
    rashomon_ingest::ingest_paths(&paths, &opts, &mut |item| match item {
        Ok(article) => {
            let doc = pipeline::analyze(article);
            let text = &doc.article.text;
            let slice = |s: rashomon::model::Span| s.slice(text).to_string();
            let record = serde_json::json!({
                "id": doc.article.id,
                "source": doc.article.source,
                "title": doc.article.title,
                "published": doc.article.published,
                "entities": doc.extraction.entities.iter().map(|e| serde_json::json!({"name": e.name, "type": e.entity_type, "aliases": e.aliases})).collect::<Vec<_>>(),
                "attributions": doc.extraction.attributions.iter().map(|a| serde_json::json!({
                    "source": a.source.map(slice),
                    "speaker": a.speaker_entity.and_then(|e| doc.extraction.entities.get(e)).map(|e| e.name.clone()),
                    "cue": a.cue.map(slice),
                    "content": a.content.iter().map(|c| slice(*c)).collect::<Vec<_>>(),
                    "direct": a.direct,
                })).collect::<Vec<_>>(),
                "values": doc.extraction.values.iter().map(|v| serde_json::json!({"text": slice(v.span), "kind": v.kind, "value": v.normalized, "unit": v.unit})).collect::<Vec<_>>(),
            });
            if writeln!(stdout, "{record}").is_err() {
                failed = true;
            }
        }
        Err(e) => {
            eprintln!("warning: skipped {e}");
            failed = true;
        }
    });
    Ok(if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
