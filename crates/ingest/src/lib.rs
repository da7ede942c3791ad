//! Rashomon's `ingest` stage: reads files, directories and stdin in many
//! formats (text, Markdown, HTML, JSON/JSONL, RSS/Atom, WARC) and turns them
//! into normalised [`Article`]s, streaming them to a sink so inputs of any
//! size never have to fit in memory. See `docs/ingest.md`.

mod charset;
mod feed;
pub mod html;
mod json;
pub mod normalize;
mod text;
mod warc;

pub use rashomon_model::Article;
use std::collections::{HashMap, HashSet};
use std::fmt;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

/// Options for one ingest run.
#[derive(Debug, Clone, Default)]
pub struct IngestOptions {
    /// Outlet name for every article read (`--source`), overriding metadata.
    pub source: Option<String>,
}

/// Why a file or one record of it could not be read. Every variant names the
/// file and, for multi-record files, the line or record.
#[derive(thiserror::Error, Debug)]
pub enum IngestError {
    #[error("{path}: cannot read file: {source}")]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error("{path}: line {line}: bad JSON record: {reason}")]
    Json {
        path: String,
        line: usize,
        reason: String,
    },
    #[error("{path}: record {record}: {reason}")]
    Record {
        path: String,
        record: usize,
        reason: String,
    },
    #[error("{path}: whole file: not a readable RSS/Atom feed: {reason}")]
    Feed { path: String, reason: String },
    #[error("{path}: WARC record {record}: {reason}")]
    Warc {
        path: String,
        record: usize,
        reason: String,
    },
    #[error("{path}: whole file: {reason}")]
    Empty { path: String, reason: String },
}

impl IngestError {
    /// The file the error is about.
    pub fn path(&self) -> &str {
        match self {
            IngestError::Io { path, .. }
            | IngestError::Json { path, .. }
            | IngestError::Record { path, .. }
            | IngestError::Feed { path, .. }
            | IngestError::Warc { path, .. }
            | IngestError::Empty { path, .. } => path,
        }
    }
}

/// A failure reduced to plain strings, for reports and JSON output.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failure {
    pub path: String,
    pub reason: String,
}

impl From<&IngestError> for Failure {
    fn from(e: &IngestError) -> Self {
        let full = e.to_string();
        let prefix = format!("{}: ", e.path());
        let reason = full.strip_prefix(&prefix).unwrap_or(&full).to_string();
        Failure {
            path: e.path().to_string(),
            reason,
        }
    }
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.reason)
    }
}

/// Input formats, decided by file extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Markdown,
    Html,
    Jsonl,
    Json,
    Feed,
    Warc,
}

impl Format {
    /// The format a file name's extension selects, `None` for unknown ones.
    pub fn from_name(name: &str) -> Option<Format> {
        let lower = name.to_ascii_lowercase();
        if lower.ends_with(".warc.gz") || lower.ends_with(".warc") {
            return Some(Format::Warc);
        }
        let ext = Path::new(&lower).extension()?.to_str()?.to_string();
        Some(match ext.as_str() {
            "txt" | "text" => Format::Text,
            "md" | "markdown" => Format::Markdown,
            "html" | "htm" | "xhtml" => Format::Html,
            "jsonl" | "ndjson" => Format::Jsonl,
            "json" => Format::Json,
            "xml" | "rss" | "atom" => Format::Feed,
            _ => return None,
        })
    }

    /// Guesses the format of unnamed input (stdin) from its first bytes.
    pub fn sniff(bytes: &[u8]) -> Format {
        if bytes.starts_with(&[0x1f, 0x8b]) || bytes.starts_with(b"WARC/") {
            return Format::Warc;
        }
        let head = String::from_utf8_lossy(&bytes[..bytes.len().min(1024)]).to_ascii_lowercase();
        let head = head.trim_start_matches('\u{feff}').trim_start();
        if head.starts_with('{') || head.starts_with('[') {
            Format::Json
        } else if head.contains("<rss") || head.contains("<feed") || head.contains("<rdf:rdf") {
            Format::Feed
        } else if head.starts_with('<') {
            Format::Html
        } else {
            Format::Text
        }
    }
}

/// Where parsers send their results.
pub(crate) type Emit<'a> = dyn FnMut(Result<Article, IngestError>) + 'a;

/// The file being read: its display path and its stem (default id/source).
pub(crate) struct Ctx<'a> {
    pub path: &'a str,
    pub stem: &'a str,
}

/// File name without directory and format extension(s).
fn stem_of(name: &str) -> String {
    let file = Path::new(name)
        .file_name()
        .and_then(|f| f.to_str())
        .unwrap_or(name);
    let lower = file.to_ascii_lowercase();
    let cut = if lower.ends_with(".warc.gz") {
        file.len() - 8
    } else {
        file.rfind('.').filter(|&i| i > 0).unwrap_or(file.len())
    };
    let stem = &file[..cut];
    if stem.is_empty() {
        "article".to_string()
    } else {
        stem.to_string()
    }
}

/// Final touches every article gets: `--source` override, trimmed source with
/// the file stem as last resort, path, and a non-empty id.
fn finish(mut a: Article, ctx: &Ctx, opts: &IngestOptions) -> Article {
    if let Some(s) = opts
        .source
        .as_deref()
        .map(normalize::normalize_line)
        .filter(|s| !s.is_empty())
    {
        a.source = s;
    }
    a.source = normalize::normalize_line(&a.source);
    if a.source.is_empty() {
        a.source = ctx.stem.to_string();
    }
    if a.path.is_none() {
        a.path = Some(ctx.path.to_string());
    }
    if a.id.trim().is_empty() {
        a.id = ctx.stem.to_string();
    }
    a
}

/// Parses a single-document format (text, Markdown, HTML) already in memory.
fn parse_single(ctx: &Ctx, format: Format, bytes: &[u8]) -> Result<Article, IngestError> {
    let article = match format {
        Format::Html => {
            let declared = charset::html_declared(bytes);
            let d = html::extract(&charset::decode(bytes, declared.as_deref()));
            Article {
                id: ctx.stem.to_string(),
                source: d
                    .site_name
                    .or_else(|| d.url.as_deref().and_then(normalize::url_host))
                    .unwrap_or_default(),
                title: d.title,
                published: d.published,
                url: d.url,
                author: d.author,
                path: None,
                text: d.text,
            }
        }
        _ => text::parse(
            &charset::decode(bytes, None),
            ctx.stem,
            format == Format::Markdown,
        ),
    };
    if article.text.is_empty() {
        return Err(IngestError::Empty {
            path: ctx.path.to_string(),
            reason: "no article text".into(),
        });
    }
    Ok(article)
}

/// Parses one input with a known format, streaming from `reader`.
fn parse_reader(
    ctx: &Ctx,
    format: Format,
    mut reader: Box<dyn BufRead + '_>,
    opts: &IngestOptions,
    emit: &mut Emit,
) {
    let mut out = |r: Result<Article, IngestError>| emit(r.map(|a| finish(a, ctx, opts)));
    match format {
        Format::Jsonl => json::parse_lines(ctx, &mut reader, &mut out),
        Format::Warc => {
            let gz = matches!(reader.fill_buf(), Ok(b) if b.starts_with(&[0x1f, 0x8b]));
            let reader: Box<dyn BufRead> = if gz {
                Box::new(BufReader::new(flate2::read::MultiGzDecoder::new(reader)))
            } else {
                reader
            };
            warc::parse(ctx, reader, &mut out)
        }
        _ => {
            let mut bytes = Vec::new();
            if let Err(e) = reader.read_to_end(&mut bytes) {
                out(Err(IngestError::Io {
                    path: ctx.path.to_string(),
                    source: e,
                }));
                return;
            }
            match format {
                Format::Json => json::parse_json(ctx, &bytes, &mut out),
                Format::Feed => feed::parse(ctx, &bytes, &mut out),
                _ => out(parse_single(ctx, format, &bytes)),
            }
        }
    }
}

/// Parses one in-memory file by its name (the extension decides the format;
/// unknown extensions are read as text). Strict: the first bad record makes
/// the whole call fail; use [`parse_bytes_each`] to keep the good records.
pub fn parse_bytes(
    name: &str,
    bytes: &[u8],
    opts: &IngestOptions,
) -> Result<Vec<Article>, IngestError> {
    let mut articles = Vec::new();
    let mut first_err = None;
    parse_bytes_each(name, bytes, opts, &mut |r| match r {
        Ok(a) => articles.push(a),
        Err(e) => {
            first_err.get_or_insert(e);
        }
    });
    match first_err {
        Some(e) => Err(e),
        None => Ok(articles),
    }
}

/// Like [`parse_bytes`] but streams every article and every failure to `sink`.
pub fn parse_bytes_each(name: &str, bytes: &[u8], opts: &IngestOptions, sink: &mut Emit) {
    let format = Format::from_name(name).unwrap_or(Format::Text);
    let stem = stem_of(name);
    let ctx = Ctx {
        path: name,
        stem: &stem,
    };
    parse_reader(&ctx, format, Box::new(bytes), opts, sink);
}

/// Makes ids unique within a run by appending "-2", "-3", ... on collision.
#[derive(Debug, Default)]
pub struct IdDeduper {
    seen: HashSet<String>,
    next: HashMap<String, usize>,
}

impl IdDeduper {
    /// Returns `id` itself the first time, then `id-2`, `id-3`, ... (skipping
    /// any suffixed form that is itself already taken).
    pub fn unique(&mut self, id: &str) -> String {
        if self.seen.insert(id.to_string()) {
            return id.to_string();
        }
        let mut n = self.next.get(id).copied().unwrap_or(2);
        loop {
            let candidate = format!("{id}-{n}");
            n += 1;
            if self.seen.insert(candidate.clone()) {
                self.next.insert(id.to_string(), n);
                return candidate;
            }
        }
    }
}

/// Files under `dir` with a known format, recursively, in sorted order.
/// Hidden entries (".name") are skipped; `depth` guards symlink loops.
fn walk_dir(
    dir: &Path,
    depth: usize,
    emit_file: &mut dyn FnMut(&Path, Format),
    emit_err: &mut Emit,
) {
    let io_err = |e| IngestError::Io {
        path: dir.display().to_string(),
        source: e,
    };
    let entries = match std::fs::read_dir(dir) {
        Ok(rd) => rd.collect::<Result<Vec<_>, _>>(),
        Err(e) => Err(e),
    };
    let mut entries = match entries {
        Ok(v) => v,
        Err(e) => return emit_err(Err(io_err(e))),
    };
    entries.sort_by_key(|e| e.file_name());
    for entry in entries {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if name.starts_with('.') {
            continue;
        }
        let path = entry.path();
        // fs::metadata follows symlinks, so linked directories are walked too.
        match std::fs::metadata(&path) {
            Ok(m) if m.is_dir() => {
                if depth < 32 {
                    walk_dir(&path, depth + 1, emit_file, emit_err);
                }
            }
            Ok(_) => {
                if let Some(format) = Format::from_name(&name) {
                    emit_file(&path, format);
                }
            }
            Err(e) => emit_err(Err(IngestError::Io {
                path: path.display().to_string(),
                source: e,
            })),
        }
    }
}

fn ingest_file(path: &Path, format: Format, opts: &IngestOptions, emit: &mut Emit) {
    let display = path.display().to_string();
    let stem = stem_of(&display);
    let ctx = Ctx {
        path: &display,
        stem: &stem,
    };
    match std::fs::File::open(path) {
        Ok(f) => parse_reader(
            &ctx,
            format,
            Box::new(BufReader::with_capacity(1 << 16, f)),
            opts,
            emit,
        ),
        Err(e) => emit(Err(IngestError::Io {
            path: display.clone(),
            source: e,
        })),
    }
}

/// Streams articles from many paths (files, directories recursively in
/// sorted order, "-" = stdin), calling `sink` for each article or failure as
/// it is read. Deterministic order; ids are made unique across the run, which
/// keeps every id of the run in memory (see [`ingest_paths_as_read`]).
pub fn ingest_paths(
    paths: &[PathBuf],
    opts: &IngestOptions,
    sink: &mut dyn FnMut(Result<Article, IngestError>),
) {
    let mut ids = IdDeduper::default();
    ingest_paths_as_read(paths, opts, &mut |r| {
        sink(r.map(|mut a| {
            a.id = ids.unique(&a.id);
            a
        }))
    });
}

/// [`ingest_paths`] without making ids unique: ids are as read and may
/// repeat. Memory stays flat however long the run, so this is for callers
/// that resolve id collisions themselves (the store does).
pub fn ingest_paths_as_read(
    paths: &[PathBuf],
    opts: &IngestOptions,
    emit: &mut dyn FnMut(Result<Article, IngestError>),
) {
    for path in paths {
        if path.as_os_str() == "-" {
            let mut bytes = Vec::new();
            let ctx = Ctx {
                path: "<stdin>",
                stem: "stdin",
            };
            match std::io::stdin().lock().read_to_end(&mut bytes) {
                Ok(_) => parse_reader(
                    &ctx,
                    Format::sniff(&bytes),
                    Box::new(bytes.as_slice()),
                    opts,
                    emit,
                ),
                Err(e) => emit(Err(IngestError::Io {
                    path: ctx.path.into(),
                    source: e,
                })),
            }
            continue;
        }
        match std::fs::metadata(path) {
            Ok(m) if m.is_dir() => {
                let mut files = Vec::new();
                walk_dir(path, 0, &mut |p, f| files.push((p.to_path_buf(), f)), emit);
                for (p, f) in files {
                    ingest_file(&p, f, opts, emit);
                }
            }
            Ok(_) => {
                let name = path.to_string_lossy();
                ingest_file(
                    path,
                    Format::from_name(&name).unwrap_or(Format::Text),
                    opts,
                    emit,
                )
            }
            Err(e) => emit(Err(IngestError::Io {
                path: path.display().to_string(),
                source: e,
            })),
        }
    }
}

/// Convenience: collects everything [`ingest_paths`] streams. Article ids are
/// unique within the batch ("-2", "-3" appended on collision).
pub fn ingest_all(paths: &[PathBuf], opts: &IngestOptions) -> (Vec<Article>, Vec<IngestError>) {
    let mut articles = Vec::new();
    let mut errors = Vec::new();
    ingest_paths(paths, opts, &mut |r| match r {
        Ok(a) => articles.push(a),
        Err(e) => errors.push(e),
    });
    (articles, errors)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_by_name() {
        assert_eq!(Format::from_name("a/B.TXT"), Some(Format::Text));
        assert_eq!(Format::from_name("x.warc.gz"), Some(Format::Warc));
        assert_eq!(Format::from_name("x.atom"), Some(Format::Feed));
        assert_eq!(Format::from_name("x.gz"), None);
        assert_eq!(Format::from_name("README"), None);
        assert_eq!(stem_of("dir/crawl.warc.gz"), "crawl");
        assert_eq!(stem_of("dir/.hidden"), ".hidden");
        assert_eq!(stem_of("a.b.txt"), "a.b");
    }

    #[test]
    fn sniffing() {
        assert_eq!(Format::sniff(b"WARC/1.0\r\n"), Format::Warc);
        assert_eq!(Format::sniff(b"  {\"text\":1}"), Format::Json);
        assert_eq!(Format::sniff(b"<?xml version=\"1.0\"?><rss>"), Format::Feed);
        assert_eq!(Format::sniff(b"<!doctype html><p>x"), Format::Html);
        assert_eq!(Format::sniff(b"Plain words"), Format::Text);
    }

    #[test]
    fn dedupe_ids() {
        let mut d = IdDeduper::default();
        assert_eq!(d.unique("a"), "a");
        assert_eq!(d.unique("a-2"), "a-2");
        assert_eq!(d.unique("a"), "a-3");
        assert_eq!(d.unique("a"), "a-4");
        assert_eq!(d.unique("b"), "b");
    }

    #[test]
    fn failure_display() {
        let e = IngestError::Json {
            path: "f.jsonl".into(),
            line: 3,
            reason: "oops".into(),
        };
        let f = Failure::from(&e);
        assert_eq!(f.path, "f.jsonl");
        assert_eq!(f.to_string(), "f.jsonl: line 3: bad JSON record: oops");
    }
}
