//! Rashomon's embedded store: articles, their analysis, copy links and
//! stories in one SQLite file (WAL mode), with a tantivy full-text index in a
//! directory beside it (`<db>.index/`). See `docs/store.md`.
//!
//! Writes go through batches ([`Store::begin`] / [`Store::commit`]): a crash
//! loses at most the open batch and never corrupts what was committed, and
//! every article carries an idempotency key so re-ingesting is a no-op.

mod codec;
mod entities;
mod schema;
mod search;

pub use codec::{content_key, encode_analysis, ContentKey};
pub use entities::{EntityArticle, EntityLink};
pub use schema::SCHEMA_VERSION;

use rashomon_model::{Article, CopyKind, CopyLink, Document};
use rusqlite::{params, Connection, OptionalExtension};
use search::{IndexDoc, SearchIndex};
use std::path::{Path, PathBuf};

/// Commit the search index after this many newly indexed articles (and at
/// [`Store::finish`]); a crash in between is repaired from SQLite on open.
const INDEX_COMMIT_EVERY: usize = 8192;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{path}: {source}")]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error("{path}: database error: {source}")]
    Sql {
        path: String,
        #[source]
        source: rusqlite::Error,
    },
    #[error("database error: {0}")]
    Db(#[from] rusqlite::Error),
    #[error("{path}: {reason}")]
    Schema { path: String, reason: String },
    #[error("search index error: {0}")]
    Index(String),
    #[error("article {seq}: stored analysis is unreadable: {reason}")]
    Codec { seq: i64, reason: String },
    #[error("no database path: set RASHOMON_DB, XDG_DATA_HOME or HOME")]
    NoDefaultPath,
}

impl From<tantivy::TantivyError> for StoreError {
    fn from(e: tantivy::TantivyError) -> Self {
        StoreError::Index(e.to_string())
    }
}

pub type Result<T, E = StoreError> = std::result::Result<T, E>;

/// `$RASHOMON_DB`, else `$XDG_DATA_HOME/rashomon/rashomon.db`, else
/// `~/.local/share/rashomon/rashomon.db`.
pub fn default_db_path() -> Result<PathBuf> {
    let var = |k: &str| std::env::var_os(k).filter(|v| !v.is_empty());
    if let Some(p) = var("RASHOMON_DB") {
        return Ok(PathBuf::from(p));
    }
    if let Some(x) = var("XDG_DATA_HOME") {
        return Ok(PathBuf::from(x).join("rashomon").join("rashomon.db"));
    }
    if let Some(h) = var("HOME") {
        return Ok(PathBuf::from(h).join(".local/share/rashomon/rashomon.db"));
    }
    Err(StoreError::NoDefaultPath)
}

/// The search index directory for a database path: `<db>.index`.
pub fn index_dir(db: &Path) -> PathBuf {
    let mut s = db.as_os_str().to_owned();
    s.push(".index");
    PathBuf::from(s)
}

/// One stored article with its insertion number.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredArticle {
    pub seq: i64,
    pub article: Article,
    pub story: Option<i64>,
}

/// A story row with its member and source counts.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct StorySummary {
    pub id: i64,
    pub title: String,
    pub articles: usize,
    pub sources: usize,
    pub first_published: Option<String>,
    pub last_published: Option<String>,
}

/// One search result.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Hit {
    pub article_id: String,
    pub story_id: Option<i64>,
    pub title: String,
    pub source: String,
    /// Up to ~200 characters of the text around the matched terms.
    pub snippet: String,
    pub score: f32,
}

/// What clustering and dedup need of one stored article.
#[derive(Debug, Clone, PartialEq)]
pub struct FeatureRow {
    pub seq: i64,
    pub title: String,
    pub text: String,
    pub published: Option<String>,
    pub names: Vec<String>,
    pub story: Option<i64>,
}

/// A copy link between stored articles (by seq).
#[derive(Debug, Clone, PartialEq)]
pub struct StoredCopy {
    pub copy: i64,
    pub original: i64,
    pub kind: CopyKind,
    pub score: f64,
}

/// How [`Store::open`] treats the search index.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IndexMode {
    /// Open it for writing and fill any gap left by a crash.
    Write,
    /// Search only (another process may be ingesting).
    Read,
}

pub struct Store {
    conn: Connection,
    path: PathBuf,
    index: SearchIndex,
    in_batch: bool,
    /// Highest seq already handed to the index writer.
    indexed_seq: i64,
    /// Entity lookups of this connection's write batches (see `entities::EntityCache`).
    entity_cache: std::cell::RefCell<entities::EntityCache>,
    /// `PRAGMA data_version` when the last batch began: a change means another
    /// connection wrote, so cached entities may be stale.
    data_version: i64,
}

fn kind_str(k: CopyKind) -> &'static str {
    match k {
        CopyKind::Exact => "exact",
        CopyKind::Near => "near",
        CopyKind::Contained => "contained",
    }
}

fn kind_from(s: &str) -> CopyKind {
    match s {
        "exact" => CopyKind::Exact,
        "near" => CopyKind::Near,
        _ => CopyKind::Contained,
    }
}

/// Earliest of two optional ISO dates (string order is date order for ISO 8601).
fn min_date(a: Option<String>, b: Option<&str>) -> Option<String> {
    match (a, b) {
        (Some(a), Some(b)) => Some(if b < a.as_str() { b.to_string() } else { a }),
        (a, b) => a.or(b.map(str::to_string)),
    }
}

fn max_date(a: Option<String>, b: Option<&str>) -> Option<String> {
    match (a, b) {
        (Some(a), Some(b)) => Some(if b > a.as_str() { b.to_string() } else { a }),
        (a, b) => a.or(b.map(str::to_string)),
    }
}

const ARTICLE_COLS: &str =
    "a.seq, a.id, a.source, a.title, a.published, a.url, a.author, a.path, a.text, m.story";

fn row_article(r: &rusqlite::Row) -> rusqlite::Result<StoredArticle> {
    Ok(StoredArticle {
        seq: r.get(0)?,
        article: Article {
            id: r.get(1)?,
            source: r.get(2)?,
            title: r.get(3)?,
            published: r.get(4)?,
            url: r.get(5)?,
            author: r.get(6)?,
            path: r.get(7)?,
            text: r.get(8)?,
        },
        story: r.get(9)?,
    })
}

impl Store {
    /// Opens (creating if needed) the database at `path`, migrates it, opens
    /// the search index and, in [`IndexMode::Write`], indexes any articles the
    /// index is missing.
    pub fn open(path: &Path) -> Result<Store> {
        Store::open_with(path, IndexMode::Write)
    }

    pub fn open_with(path: &Path, mode: IndexMode) -> Result<Store> {
        let pstr = path.display().to_string();
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|e| StoreError::Io {
                path: dir.display().to_string(),
                source: e,
            })?;
        }
        let sql = |e| StoreError::Sql {
            path: pstr.clone(),
            source: e,
        };
        let mut conn = Connection::open(path).map_err(sql)?;
        conn.busy_timeout(std::time::Duration::from_secs(10))
            .map_err(sql)?;
        // Every statement of the hot paths stays prepared (the default of 16
        // is fewer than the store uses, so statements were re-prepared).
        conn.set_prepared_statement_cache_capacity(64);
        // Without a stable plan, the bundled SQLite (built with STAT4)
        // re-prepared cached statements on every new binding: a quarter of
        // entity-linking time went to the SQL parser.
        conn.set_db_config(
            rusqlite::config::DbConfig::SQLITE_DBCONFIG_ENABLE_QPSG,
            true,
        )
        .map_err(sql)?;
        let mode_ok: String = conn
            .pragma_update_and_check(None, "journal_mode", "WAL", |r| r.get(0))
            .map_err(sql)?;
        if !mode_ok.eq_ignore_ascii_case("wal") {
            return Err(StoreError::Schema {
                path: pstr,
                reason: format!("cannot enable WAL (got {mode_ok})"),
            });
        }
        conn.pragma_update(None, "synchronous", "NORMAL")
            .map_err(sql)?;
        conn.pragma_update(None, "foreign_keys", "ON")
            .map_err(sql)?;
        schema::migrate(&mut conn).map_err(|e| StoreError::Schema {
            path: pstr.clone(),
            reason: e.to_string(),
        })?;
        let index = SearchIndex::open(&index_dir(path), mode == IndexMode::Write)?;
        let indexed_seq = index.committed_seq;
        let mut store = Store {
            conn,
            path: path.to_path_buf(),
            index,
            in_batch: false,
            indexed_seq,
            entity_cache: Default::default(),
            data_version: -1,
        };
        if store.index.writable() {
            store.sync_index()?;
            store.index.commit()?;
        }
        Ok(store)
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// `PRAGMA user_version` of the open database.
    pub fn schema_version(&self) -> Result<i64> {
        Ok(self
            .conn
            .pragma_query_value(None, "user_version", |r| r.get(0))?)
    }

    /// Starts a write batch (no-op if one is open).
    pub fn begin(&mut self) -> Result<()> {
        if !self.in_batch {
            self.conn.execute_batch("BEGIN IMMEDIATE")?;
            self.in_batch = true;
            // The write lock is held from here: the entity cache stays valid
            // for the batch unless someone else wrote since the last one.
            let version: i64 = self
                .conn
                .pragma_query_value(None, "data_version", |r| r.get(0))?;
            if version != self.data_version {
                self.entity_cache.borrow_mut().clear();
                self.data_version = version;
            }
        }
        Ok(())
    }

    /// Commits the open batch, then hands the new articles to the search
    /// index (committed to disk every few thousand articles).
    pub fn commit(&mut self) -> Result<()> {
        if self.in_batch {
            self.conn.execute_batch("COMMIT")?;
            self.in_batch = false;
        }
        self.sync_index()
    }

    /// Commits everything, including the search index.
    pub fn finish(&mut self) -> Result<()> {
        self.commit()?;
        self.index.commit()
    }

    /// The seq of the stored article with this idempotency key.
    pub fn find_key(&self, key: &ContentKey) -> Result<Option<i64>> {
        let mut st = self
            .conn
            .prepare_cached("SELECT seq FROM articles WHERE ikey = ?1")?;
        Ok(st.query_row([&key.0[..]], |r| r.get(0)).optional()?)
    }

    fn id_taken(&self, id: &str) -> Result<bool> {
        let mut st = self
            .conn
            .prepare_cached("SELECT 1 FROM articles WHERE id = ?1")?;
        Ok(st.exists([id])?)
    }

    /// Stores a document (article + analysis) and returns its seq and the id
    /// it was stored under (suffixed "-2", "-3"... when a different article
    /// already uses the id). Callers check [`find_key`](Self::find_key) first.
    pub fn insert_document(&mut self, doc: &Document, key: &ContentKey) -> Result<(i64, String)> {
        self.insert_encoded(&doc.article, &codec::encode_analysis(doc), key)
    }

    /// [`insert_document`](Self::insert_document) with the analysis already
    /// encoded by [`encode_analysis`].
    pub fn insert_encoded(
        &mut self,
        a: &Article,
        blob: &[u8],
        key: &ContentKey,
    ) -> Result<(i64, String)> {
        let mut id = a.id.clone();
        let mut n = 2;
        while self.id_taken(&id)? {
            id = format!("{}-{n}", a.id);
            n += 1;
        }
        let mut st = self.conn.prepare_cached(
            "INSERT INTO articles (id, ikey, source, title, published, url, author, path, text)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        )?;
        st.execute(params![
            id,
            &key.0[..],
            a.source,
            a.title,
            a.published,
            a.url,
            a.author,
            a.path,
            a.text
        ])?;
        let seq = self.conn.last_insert_rowid();
        let mut st = self
            .conn
            .prepare_cached("INSERT INTO analysis (seq, data) VALUES (?1, ?2)")?;
        st.execute(params![seq, blob])?;
        Ok((seq, id))
    }

    /// Records what online dedup and clustering need to rebuild their state
    /// without decoding the analysis: the normalised-text hash, the shingle
    /// count and the article's entity names.
    pub fn insert_signature(
        &mut self,
        seq: i64,
        exact: u64,
        shingles: usize,
        names: &[String],
    ) -> Result<()> {
        let names: Vec<&str> = names
            .iter()
            .map(|n| n.trim())
            .filter(|n| !n.is_empty())
            .collect();
        let mut st = self.conn.prepare_cached(
            "INSERT OR REPLACE INTO signatures (seq, exact, shingles, names) VALUES (?1, ?2, ?3, ?4)",
        )?;
        st.execute(params![
            seq,
            exact as i64,
            shingles as i64,
            names.join("\n")
        ])?;
        Ok(())
    }

    /// Feature rows (text, title, date, entity names, story) of articles with
    /// seq in `(after, ..]`, oldest first, at most `limit`.
    pub fn feature_rows(&self, after: i64, limit: usize) -> Result<Vec<FeatureRow>> {
        let mut st = self.conn.prepare_cached(
            "SELECT a.seq, a.title, a.text, a.published, COALESCE(g.names, ''), m.story
             FROM articles a LEFT JOIN signatures g ON g.seq = a.seq LEFT JOIN story_members m ON m.seq = a.seq
             WHERE a.seq > ?1 ORDER BY a.seq LIMIT ?2",
        )?;
        let rows = st.query_map(params![after, limit as i64], |r| {
            let names: String = r.get(4)?;
            Ok(FeatureRow {
                seq: r.get(0)?,
                title: r.get(1)?,
                text: r.get(2)?,
                published: r.get(3)?,
                names: names.lines().map(str::to_string).collect(),
                story: r.get(5)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The earliest article (other than `not`) whose normalised text hash is
    /// `exact`: exact copies are found across the whole corpus this way.
    pub fn find_exact(&self, exact: u64, not: i64) -> Result<Option<i64>> {
        let mut st = self.conn.prepare_cached(
            "SELECT seq FROM signatures WHERE exact = ?1 AND seq <> ?2 ORDER BY seq LIMIT 1",
        )?;
        Ok(st
            .query_row(params![exact as i64, not], |r| r.get(0))
            .optional()?)
    }

    /// Links `copy` to `original` (both seqs); one link per copy.
    pub fn insert_copy(&mut self, link: &StoredCopy) -> Result<()> {
        let mut st = self.conn.prepare_cached(
            "INSERT OR REPLACE INTO copies (copy, original, kind, score) VALUES (?1, ?2, ?3, ?4)",
        )?;
        st.execute(params![
            link.copy,
            link.original,
            kind_str(link.kind),
            link.score
        ])?;
        Ok(())
    }

    /// Opens a new story with one first member and returns its id.
    pub fn new_story(&mut self, seq: i64) -> Result<i64> {
        let (title, published): (String, Option<String>) = self.conn.query_row(
            "SELECT title, published FROM articles WHERE seq = ?1",
            [seq],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        self.conn.execute(
            "INSERT INTO stories (title, first_published, last_published, updated, articles)
             VALUES (?1, ?2, ?2, ?3, 0)",
            params![title, published, seq],
        )?;
        let story = self.conn.last_insert_rowid();
        self.add_member(story, seq)?;
        Ok(story)
    }

    /// Adds article `seq` to `story` (moving it if it was elsewhere) and
    /// updates the story's dates and counts.
    pub fn add_member(&mut self, story: i64, seq: i64) -> Result<()> {
        let published: Option<String> = self.conn.query_row(
            "SELECT published FROM articles WHERE seq = ?1",
            [seq],
            |r| r.get(0),
        )?;
        let (first, last): (Option<String>, Option<String>) = self.conn.query_row(
            "SELECT first_published, last_published FROM stories WHERE id = ?1",
            [story],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        let mut st = self
            .conn
            .prepare_cached("INSERT OR REPLACE INTO story_members (seq, story) VALUES (?1, ?2)")?;
        st.execute(params![seq, story])?;
        self.conn.execute(
            "UPDATE stories SET first_published = ?2, last_published = ?3, updated = MAX(updated, ?4),
             articles = (SELECT COUNT(*) FROM story_members WHERE story = ?1) WHERE id = ?1",
            params![story, min_date(first, published.as_deref()), max_date(last, published.as_deref()), seq],
        )?;
        Ok(())
    }

    /// Replaces every story with `groups` (lists of member seqs, each group
    /// becoming one story in the given order), in one transaction, then
    /// rebuilds the search index. Used by whole-corpus reclustering.
    pub fn replace_stories(&mut self, groups: &[Vec<i64>]) -> Result<usize> {
        self.commit()?;
        self.begin()?;
        let r = (|| -> Result<()> {
            self.conn
                .execute_batch("DELETE FROM story_members; DELETE FROM stories;")?;
            for g in groups {
                let mut members = g.clone();
                members.sort_unstable();
                let Some((&first, rest)) = members.split_first() else {
                    continue;
                };
                let story = self.new_story(first)?;
                for &s in rest {
                    self.add_member(story, s)?;
                }
            }
            Ok(())
        })();
        if let Err(e) = r {
            let _ = self.conn.execute_batch("ROLLBACK");
            self.in_batch = false;
            return Err(e);
        }
        self.commit()?;
        self.rebuild_index()?;
        Ok(groups.iter().filter(|g| !g.is_empty()).count())
    }

    /// Number of committed articles in the database at `path`, read without
    /// migrating, locking or touching the search index (safe while another
    /// process ingests).
    pub fn peek_count(path: &Path) -> Result<usize> {
        let conn = Connection::open_with_flags(path, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
            .map_err(|e| StoreError::Sql {
                path: path.display().to_string(),
                source: e,
            })?;
        conn.busy_timeout(std::time::Duration::from_secs(10))?;
        let n: i64 = conn.query_row("SELECT COUNT(*) FROM articles", [], |r| r.get(0))?;
        Ok(n as usize)
    }

    pub fn count_articles(&self) -> Result<usize> {
        Ok(self
            .conn
            .query_row("SELECT COUNT(*) FROM articles", [], |r| r.get::<_, i64>(0))?
            as usize)
    }

    pub fn count_stories(&self) -> Result<usize> {
        Ok(self
            .conn
            .query_row("SELECT COUNT(*) FROM stories", [], |r| r.get::<_, i64>(0))?
            as usize)
    }

    pub fn count_copies(&self) -> Result<usize> {
        Ok(self
            .conn
            .query_row("SELECT COUNT(*) FROM copies", [], |r| r.get::<_, i64>(0))?
            as usize)
    }

    pub fn max_seq(&self) -> Result<i64> {
        Ok(self
            .conn
            .query_row("SELECT COALESCE(MAX(seq), 0) FROM articles", [], |r| {
                r.get(0)
            })?)
    }

    /// `PRAGMA integrity_check`: "ok" when the file is sound.
    pub fn integrity_check(&self) -> Result<String> {
        let mut st = self.conn.prepare("PRAGMA integrity_check")?;
        let rows: Vec<String> = st
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        Ok(rows.join("\n"))
    }

    pub fn article(&self, seq: i64) -> Result<Option<StoredArticle>> {
        let sql = format!(
            "SELECT {ARTICLE_COLS} FROM articles a LEFT JOIN story_members m ON m.seq = a.seq WHERE a.seq = ?1"
        );
        Ok(self.conn.query_row(&sql, [seq], row_article).optional()?)
    }

    pub fn article_by_id(&self, id: &str) -> Result<Option<StoredArticle>> {
        let sql = format!(
            "SELECT {ARTICLE_COLS} FROM articles a LEFT JOIN story_members m ON m.seq = a.seq WHERE a.id = ?1"
        );
        Ok(self.conn.query_row(&sql, [id], row_article).optional()?)
    }

    /// Articles with seq in `(after, ..]`, oldest first, at most `limit`.
    pub fn articles_after(&self, after: i64, limit: usize) -> Result<Vec<StoredArticle>> {
        let sql = format!(
            "SELECT {ARTICLE_COLS} FROM articles a LEFT JOIN story_members m ON m.seq = a.seq
             WHERE a.seq > ?1 ORDER BY a.seq LIMIT ?2"
        );
        let mut st = self.conn.prepare_cached(&sql)?;
        let rows = st.query_map(params![after, limit as i64], row_article)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The full document (article + stored analysis) of `seq`.
    pub fn document(&self, seq: i64) -> Result<Option<Document>> {
        let Some(a) = self.article(seq)? else {
            return Ok(None);
        };
        let blob: Option<Vec<u8>> = self
            .conn
            .query_row("SELECT data FROM analysis WHERE seq = ?1", [seq], |r| {
                r.get(0)
            })
            .optional()?;
        let blob = blob.ok_or_else(|| StoreError::Codec {
            seq,
            reason: "missing".into(),
        })?;
        let doc = codec::decode_analysis(a.article, &blob)
            .map_err(|reason| StoreError::Codec { seq, reason })?;
        Ok(Some(doc))
    }

    /// Stories, newest first (latest publication date, then latest added).
    pub fn stories(&self, limit: usize) -> Result<Vec<StorySummary>> {
        let mut st = self.conn.prepare(
            "SELECT s.id, s.title, s.articles, s.first_published, s.last_published,
                    (SELECT COUNT(DISTINCT a.source) FROM story_members m JOIN articles a ON a.seq = m.seq
                     WHERE m.story = s.id)
             FROM stories s ORDER BY s.last_published IS NULL, s.last_published DESC, s.updated DESC, s.id DESC
             LIMIT ?1",
        )?;
        let rows = st.query_map([limit as i64], |r| {
            Ok(StorySummary {
                id: r.get(0)?,
                title: r.get(1)?,
                articles: r.get::<_, i64>(2)? as usize,
                first_published: r.get(3)?,
                last_published: r.get(4)?,
                sources: r.get::<_, i64>(5)? as usize,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Member seqs of a story, oldest first; `None` when there is no such story.
    pub fn story_members(&self, story: i64) -> Result<Option<Vec<i64>>> {
        let exists: bool = self
            .conn
            .prepare("SELECT 1 FROM stories WHERE id = ?1")?
            .exists([story])?;
        if !exists {
            return Ok(None);
        }
        let mut st = self
            .conn
            .prepare("SELECT seq FROM story_members WHERE story = ?1 ORDER BY seq")?;
        let rows = st.query_map([story], |r| r.get(0))?;
        Ok(Some(rows.collect::<rusqlite::Result<_>>()?))
    }

    /// Copy links whose copy and original are both among `seqs`, as
    /// [`CopyLink`]s indexing into `seqs`.
    pub fn copies_among(&self, seqs: &[i64]) -> Result<Vec<CopyLink>> {
        let pos: std::collections::BTreeMap<i64, usize> =
            seqs.iter().enumerate().map(|(i, &s)| (s, i)).collect();
        let mut st = self
            .conn
            .prepare_cached("SELECT original, kind, score FROM copies WHERE copy = ?1")?;
        let mut out = Vec::new();
        for (i, &s) in seqs.iter().enumerate() {
            let link: Option<(i64, String, f64)> = st
                .query_row([s], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
                .optional()?;
            if let Some((orig, kind, score)) = link {
                if let Some(&j) = pos.get(&orig) {
                    out.push(CopyLink {
                        copy: i,
                        original: j,
                        kind: kind_from(&kind),
                        score,
                    });
                }
            }
        }
        Ok(out)
    }

    /// Feature rows of the latest `limit` articles (by seq), oldest first:
    /// the bounded window from which online state is rebuilt after a restart.
    pub fn recent_features(&self, limit: usize) -> Result<Vec<FeatureRow>> {
        let start = (self.max_seq()? - limit as i64).max(0);
        self.feature_rows(start, limit)
    }

    /// Every article seq with its story, in seq order (for batch passes).
    pub fn all_seqs(&self) -> Result<Vec<i64>> {
        let mut st = self.conn.prepare("SELECT seq FROM articles ORDER BY seq")?;
        let rows = st.query_map([], |r| r.get(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Reads and writes a small persistent setting.
    pub fn meta(&self, key: &str) -> Result<Option<String>> {
        Ok(self
            .conn
            .query_row("SELECT value FROM meta WHERE key = ?1", [key], |r| r.get(0))
            .optional()?)
    }

    pub fn set_meta(&mut self, key: &str, value: &str) -> Result<()> {
        self.conn.execute(
            "INSERT OR REPLACE INTO meta (key, value) VALUES (?1, ?2)",
            [key, value],
        )?;
        Ok(())
    }

    /// Hands committed articles the index has not seen to the index writer.
    fn sync_index(&mut self) -> Result<()> {
        if !self.index.writable() {
            return Ok(());
        }
        // After a crash the index may lag behind SQLite: those documents are
        // replaced by id in case an uncommitted delete/add pair half-landed.
        let replace = self.indexed_seq < self.index.committed_seq;
        loop {
            let batch = self.articles_after(self.indexed_seq, 1024)?;
            let Some(last) = batch.last().map(|a| a.seq) else {
                break;
            };
            for a in &batch {
                let d = IndexDoc {
                    seq: a.seq,
                    id: &a.article.id,
                    title: &a.article.title,
                    text: &a.article.text,
                    source: &a.article.source,
                    story: a.story,
                };
                self.index.add(&d, replace)?;
            }
            self.indexed_seq = last;
            if self.index.uncommitted >= INDEX_COMMIT_EVERY {
                self.index.commit()?;
            }
        }
        Ok(())
    }

    /// Rebuilds the search index from the store.
    pub fn rebuild_index(&mut self) -> Result<usize> {
        if !self.index.writable() {
            return Err(StoreError::Index(
                "index is locked by another process".into(),
            ));
        }
        self.commit()?;
        self.index.clear()?;
        self.indexed_seq = 0;
        self.sync_index()?;
        self.index.commit()?;
        self.count_articles()
    }

    /// Documents in the search index (committed).
    pub fn indexed_docs(&self) -> Result<u64> {
        self.index.num_docs()
    }

    /// Highest article seq the committed search index holds.
    pub fn indexed_seq(&self) -> i64 {
        self.index.committed_seq
    }

    /// Full-text search over title, text and source. Uncommitted index
    /// additions become visible after [`finish`](Self::finish).
    pub fn search(&self, query: &str, limit: usize) -> Result<Vec<Hit>> {
        let (top, snippets) = self.index.search(query, limit)?;
        let mut hits = Vec::with_capacity(top.len());
        for (score, seq) in top {
            // A doc whose article is gone (cannot happen via this API) is skipped.
            let Some(a) = self.article(seq)? else {
                continue;
            };
            let snip = snippets.snippet(&a.article.text);
            let snippet = if snip.fragment().is_empty() {
                a.article.text.chars().take(200).collect()
            } else {
                snip.fragment().to_string()
            };
            hits.push(Hit {
                article_id: a.article.id,
                story_id: a.story,
                title: a.article.title,
                source: a.article.source,
                snippet,
                score,
            });
        }
        Ok(hits)
    }
}

impl Drop for Store {
    fn drop(&mut self) {
        // An unfinished batch is rolled back, as a crash would; what was
        // committed is flushed to the index. Errors cannot be reported here,
        // and the next open repairs the index anyway.
        if self.in_batch {
            let _ = self.conn.execute_batch("ROLLBACK");
            self.in_batch = false;
        }
        let _ = self.finish();
    }
}

#[cfg(test)]
mod tests;
