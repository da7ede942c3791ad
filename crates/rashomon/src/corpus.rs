//! Corpus commands as library functions: ingest into the store, list
//! stories, build one story's brief, search, recluster, reindex.
//!
//! Nothing here prints; progress goes through a callback. Online dedup and
//! clustering state is not persisted: on open it is rebuilt from the latest
//! [`CorpusConfig::window`] stored articles (bounded work, bounded memory),
//! and rebuilt the same way whenever it has grown past
//! [`CorpusConfig::max_online`] articles, so memory stays flat on any corpus.

use crate::pipeline;
use anyhow::{anyhow, Context, Result};
use rashomon_cluster::{ClusterConfig, OnlineClusterer};
use rashomon_dedup::{DedupConfig, DedupIndex, Signature};
use rashomon_model::{Article, Brief, Document};
use rashomon_store::{content_key, ContentKey, FeatureRow, Store, StoredCopy};
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver, Sender};
use std::sync::Mutex;

pub use rashomon_ingest::IngestOptions;
pub use rashomon_store::{default_db_path, Hit, StorySummary};

/// What an ingest run did.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct IngestSummary {
    /// Articles read from the inputs.
    pub read: usize,
    /// Articles stored by this run.
    pub new: usize,
    /// New articles linked as copies of another article.
    pub copies: usize,
    /// Articles already in the store (same text, source and url), skipped.
    pub duplicates_skipped: usize,
    /// Stories opened by this run.
    pub stories: usize,
    /// (path, reason) of every record that could not be read or analysed.
    pub failed: Vec<(String, String)>,
}

/// Running counts, reported after every stored article and every failure.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Progress {
    pub read: usize,
    pub new: usize,
    pub copies: usize,
    pub duplicates_skipped: usize,
    pub failed: usize,
}

/// Tuning of a corpus ingest.
#[derive(Debug, Clone)]
pub struct CorpusConfig {
    /// Threads for per-article analysis (`RASHOMON_THREADS`, else all cores).
    pub threads: usize,
    /// Articles per transaction: a crash loses at most one batch.
    pub batch: usize,
    /// Latest stored articles replayed into dedup and clustering on open.
    pub window: usize,
    /// Online state is rebuilt from the window once it holds this many articles.
    pub max_online: usize,
    pub dedup: DedupConfig,
    pub cluster: ClusterConfig,
}

impl Default for CorpusConfig {
    fn default() -> Self {
        let threads = std::env::var("RASHOMON_THREADS")
            .ok()
            .and_then(|v| v.parse().ok())
            .filter(|&n: &usize| n > 0)
            .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()));
        CorpusConfig {
            threads,
            batch: 256,
            window: 5_000,
            max_online: 20_000,
            dedup: DedupConfig::default(),
            cluster: ClusterConfig::default(),
        }
    }
}

/// In-memory dedup and clustering state over the recent part of the corpus.
struct Online {
    dedup: DedupIndex,
    clusterer: OnlineClusterer,
    /// Clusterer story index → store story id.
    story_of: HashMap<usize, i64>,
    articles: usize,
}

impl Online {
    /// Replays the latest `cfg.window` stored articles, in store order, so a
    /// restart continues with (nearly) the state the last run had.
    fn rebuild(store: &Store, cfg: &CorpusConfig) -> Result<Online> {
        let mut o = Online {
            dedup: DedupIndex::new(cfg.dedup.clone()),
            clusterer: OnlineClusterer::new(cfg.cluster.clone()),
            story_of: HashMap::new(),
            articles: 0,
        };
        for row in store.recent_features(cfg.window)? {
            let sig = rashomon_dedup::signature(&row.text, &cfg.dedup);
            o.dedup.add(row.seq as usize, &sig);
            let idx = o.clusterer.add(features_of(&row));
            if let Some(story) = row.story {
                o.story_of.entry(idx).or_insert(story);
            }
            o.articles += 1;
        }
        Ok(o)
    }
}

fn features_of(r: &FeatureRow) -> rashomon_cluster::ArticleFeatures {
    rashomon_cluster::features(&r.title, &r.text, &r.names, r.published.as_deref())
}

/// One article analysed in a worker thread.
struct Analysed {
    doc: Document,
    blob: Vec<u8>,
    key: ContentKey,
    sig: Signature,
    names: Vec<String>,
    features: rashomon_cluster::ArticleFeatures,
}

fn analyse(
    article: Article,
    key: ContentKey,
    cfg: &CorpusConfig,
) -> Result<Analysed, (String, String)> {
    let path = article.path.clone().unwrap_or_else(|| article.id.clone());
    // A panic in one article's analysis must not abort a long ingest.
    let doc = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| pipeline::analyze(article)))
        .map_err(|_| (path, "analysis failed (internal error)".to_string()))?;
    let mut names: Vec<String> = doc
        .extraction
        .entities
        .iter()
        .map(|e| e.name.clone())
        .collect();
    names.sort();
    names.dedup();
    let sig = rashomon_dedup::signature(&doc.article.text, &cfg.dedup);
    let a = &doc.article;
    let features = rashomon_cluster::features(&a.title, &a.text, &names, a.published.as_deref());
    let blob = rashomon_store::encode_analysis(&doc);
    Ok(Analysed {
        doc,
        blob,
        key,
        sig,
        names,
        features,
    })
}

/// A chunk of articles to analyse, numbered in input order.
type Job = (usize, Vec<(Article, ContentKey)>);
/// Its analysed articles (or failures), same order.
type Done = (usize, Vec<Result<Analysed, (String, String)>>);

/// Articles per job sent to the analysis workers: small enough to keep the
/// pipeline busy, large enough to amortise channel traffic.
const CHUNK: usize = 32;

/// Analysis worker: takes jobs until the job channel closes.
fn worker(jobs: &Mutex<Receiver<Job>>, done: Sender<Done>, cfg: &CorpusConfig) {
    loop {
        let job = match jobs.lock() {
            Ok(rx) => rx.recv(),
            Err(_) => return,
        };
        let Ok((n, chunk)) = job else { return };
        let out = chunk.into_iter().map(|(a, k)| analyse(a, k, cfg)).collect();
        if done.send((n, out)).is_err() {
            return;
        }
    }
}

/// The outcome of analysing one article: what to store, or the path and reason it failed.
type JobResult = Result<Analysed, (String, String)>;

struct Ingester<'a> {
    store: Store,
    online: Online,
    cfg: &'a CorpusConfig,
    summary: IngestSummary,
    pending: Vec<(Article, ContentKey)>,
    since_commit: usize,
    /// Jobs sent so far / next job to store, and results that came early.
    next_sent: usize,
    next_store: usize,
    waiting: BTreeMap<usize, Vec<JobResult>>,
}

impl Ingester<'_> {
    fn progress(&self) -> Progress {
        let s = &self.summary;
        Progress {
            read: s.read,
            new: s.new,
            copies: s.copies,
            duplicates_skipped: s.duplicates_skipped,
            failed: s.failed.len(),
        }
    }

    /// Stores finished jobs in input order: blocks for results while more
    /// than `max_in_flight` jobs are out (`0` drains everything).
    fn drain(
        &mut self,
        done: &Receiver<Done>,
        max_in_flight: usize,
        progress: &mut dyn FnMut(Progress),
    ) -> Result<()> {
        loop {
            while let Ok((n, out)) = done.try_recv() {
                self.waiting.insert(n, out);
            }
            while let Some(out) = self.waiting.remove(&self.next_store) {
                self.next_store += 1;
                for r in out {
                    match r {
                        Ok(a) => self.store_one(a)?,
                        Err(f) => self.summary.failed.push(f),
                    }
                    progress(self.progress());
                }
            }
            if self.next_sent - self.next_store <= max_in_flight {
                return Ok(());
            }
            match done.recv() {
                Ok((n, out)) => {
                    self.waiting.insert(n, out);
                }
                Err(_) => return Err(anyhow!("analysis workers stopped")),
            }
        }
    }

    /// Sends the pending articles to the workers as one job.
    fn send(&mut self, jobs: &Sender<Job>) -> Result<()> {
        if self.pending.is_empty() {
            return Ok(());
        }
        let chunk = std::mem::take(&mut self.pending);
        jobs.send((self.next_sent, chunk))
            .map_err(|_| anyhow!("analysis workers stopped"))?;
        self.next_sent += 1;
        Ok(())
    }

    fn store_one(&mut self, a: Analysed) -> Result<()> {
        // The same article twice within one chunk: the second is a duplicate.
        if self.store.find_key(&a.key)?.is_some() {
            self.summary.duplicates_skipped += 1;
            return Ok(());
        }
        if self.online.articles >= self.cfg.max_online {
            self.store.commit()?;
            self.online = Online::rebuild(&self.store, self.cfg)?;
            self.store.begin()?;
        }
        let (seq, _id) = self.store.insert_encoded(&a.doc.article, &a.blob, &a.key)?;
        crate::entities::link_document(&mut self.store, seq, &a.doc)?;
        self.store
            .insert_signature(seq, a.sig.exact, a.sig.shingles.len(), &a.names)?;
        let mut link = self
            .online
            .dedup
            .add(seq as usize, &a.sig)
            .map(|l| StoredCopy {
                copy: seq,
                original: l.original as i64,
                kind: l.kind,
                score: l.score,
            });
        if link.is_none() && !a.sig.is_empty() {
            // Exact copies of articles older than the online window.
            link = self
                .store
                .find_exact(a.sig.exact, seq)?
                .map(|orig| StoredCopy {
                    copy: seq,
                    original: orig,
                    kind: rashomon_model::CopyKind::Exact,
                    score: 1.0,
                });
        }
        if let Some(l) = &link {
            self.store.insert_copy(l)?;
            self.summary.copies += 1;
        }
        let idx = self.online.clusterer.add(a.features);
        self.online.articles += 1;
        let story = match self.online.story_of.get(&idx) {
            Some(&s) => Some(s),
            // A copy opening a new cluster still belongs to its original's story.
            None => match &link {
                Some(l) => self.store.article(l.original)?.and_then(|o| o.story),
                None => None,
            },
        };
        let story = match story {
            Some(s) => {
                self.store.add_member(s, seq)?;
                s
            }
            None => {
                self.summary.stories += 1;
                self.store.new_story(seq)?
            }
        };
        self.online.story_of.entry(idx).or_insert(story);
        self.summary.new += 1;
        self.since_commit += 1;
        if self.since_commit >= self.cfg.batch {
            self.store.commit()?;
            self.store.begin()?;
            self.since_commit = 0;
        }
        Ok(())
    }
}

/// Reads `paths` (files, directories, "-" for stdin), analyses every article
/// not yet stored, links copies, assigns stories and stores and indexes
/// everything. Safe to interrupt and rerun: committed batches are kept and
/// skipped on the rerun.
pub fn ingest(
    store_path: &Path,
    paths: &[PathBuf],
    opts: &IngestOptions,
    progress: &mut dyn FnMut(Progress),
) -> Result<IngestSummary> {
    ingest_with(store_path, paths, opts, &CorpusConfig::default(), progress)
}

/// [`ingest`] with explicit tuning.
pub fn ingest_with(
    store_path: &Path,
    paths: &[PathBuf],
    opts: &IngestOptions,
    cfg: &CorpusConfig,
    progress: &mut dyn FnMut(Progress),
) -> Result<IngestSummary> {
    let store = open(store_path)?;
    let online = Online::rebuild(&store, cfg)?;
    let mut ing = Ingester {
        store,
        online,
        cfg,
        summary: IngestSummary::default(),
        pending: Vec::new(),
        since_commit: 0,
        next_sent: 0,
        next_store: 0,
        waiting: BTreeMap::new(),
    };
    ing.store.begin()?;
    let threads = cfg.threads.max(1);
    // Reading, the idempotency check and storing run on this thread, in
    // input order; analysis runs on `threads` workers meanwhile.
    let (job_tx, job_rx) = mpsc::channel::<Job>();
    let job_rx = Mutex::new(job_rx);
    let (done_tx, done_rx) = mpsc::channel::<Done>();
    std::thread::scope(|s| -> Result<()> {
        // Moved in: dropping it (on return) is what stops the workers.
        let job_tx = job_tx;
        for _ in 0..threads {
            let (rx, tx) = (&job_rx, done_tx.clone());
            s.spawn(move || worker(rx, tx, cfg));
        }
        drop(done_tx);
        let mut fatal: Option<anyhow::Error> = None;
        // The store makes ids unique itself; an in-memory id set would grow
        // with every article of the run.
        rashomon_ingest::ingest_paths_as_read(paths, opts, &mut |r| {
            if fatal.is_some() {
                return;
            }
            match r {
                Err(e) => {
                    let f = rashomon_ingest::Failure::from(&e);
                    ing.summary.failed.push((f.path, f.reason));
                    progress(ing.progress());
                }
                Ok(a) => {
                    ing.summary.read += 1;
                    let key = content_key(&a);
                    match ing.store.find_key(&key) {
                        Ok(Some(_)) => {
                            ing.summary.duplicates_skipped += 1;
                            progress(ing.progress());
                        }
                        Ok(None) => {
                            ing.pending.push((a, key));
                            if ing.pending.len() >= CHUNK {
                                let r = ing
                                    .send(&job_tx)
                                    .and_then(|_| ing.drain(&done_rx, 2 * threads, progress));
                                if let Err(e) = r {
                                    fatal = Some(e);
                                }
                            }
                        }
                        Err(e) => fatal = Some(e.into()),
                    }
                }
            }
        });
        if let Some(e) = fatal {
            return Err(e);
        }
        ing.send(&job_tx)?;
        drop(job_tx);
        ing.drain(&done_rx, 0, progress)
    })
    .with_context(|| format!("ingest into {}", store_path.display()))?;
    ing.store.finish()?;
    Ok(ing.summary)
}

fn open(store_path: &Path) -> Result<Store> {
    Store::open(store_path).with_context(|| format!("cannot open store {}", store_path.display()))
}

/// Stories, newest first.
pub fn stories(store_path: &Path, limit: usize) -> Result<Vec<StorySummary>> {
    Ok(open(store_path)?.stories(limit)?)
}

/// The brief of one stored story.
pub fn story_brief(store_path: &Path, id: i64) -> Result<Brief> {
    let store = open(store_path)?;
    let seqs = store
        .story_members(id)?
        .ok_or_else(|| anyhow!("no story {id} in {}", store_path.display()))?;
    let mut docs = Vec::with_capacity(seqs.len());
    for &s in &seqs {
        let d = store
            .document(s)?
            .ok_or_else(|| anyhow!("story {id}: article {s} is missing"))?;
        docs.push(d);
    }
    let copies = store.copies_among(&seqs)?;
    Ok(pipeline::story_brief(&id.to_string(), &docs, &copies))
}

/// Full-text search over the stored articles.
pub fn search(store_path: &Path, query: &str, limit: usize) -> Result<Vec<Hit>> {
    Ok(open(store_path)?.search(query, limit)?)
}

/// Whole-corpus clustering pass ([`rashomon_cluster::cluster`]); replaces
/// every story and returns how many there are now.
pub fn recluster(store_path: &Path) -> Result<usize> {
    let mut store = open(store_path)?;
    let cfg = ClusterConfig::default();
    let mut seqs = Vec::new();
    let mut feats = Vec::new();
    let mut after = 0;
    loop {
        let rows = store.feature_rows(after, 4096)?;
        let Some(last) = rows.last().map(|r| r.seq) else {
            break;
        };
        for r in &rows {
            seqs.push(r.seq);
            feats.push(features_of(r));
        }
        after = last;
    }
    let groups: Vec<Vec<i64>> = rashomon_cluster::cluster(feats, &cfg)
        .into_iter()
        .map(|g| {
            g.members
                .iter()
                .filter_map(|&i| seqs.get(i).copied())
                .collect()
        })
        .collect();
    Ok(store.replace_stories(&groups)?)
}

/// What `reindex` rebuilt.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct Reindexed {
    /// Articles in the rebuilt search index.
    pub articles: usize,
    /// Corpus entities after relinking every article.
    pub entities: usize,
}

/// Rebuilds what is derived from the stored articles: the search index and
/// the corpus-wide entity links (also how a database from before entity
/// linking gets its links).
pub fn reindex(store_path: &Path, progress: &mut dyn FnMut(usize, usize)) -> Result<Reindexed> {
    let mut store = open(store_path)?;
    let articles = store.rebuild_index()?;
    let entities = crate::entities::relink(&mut store, progress)?;
    store.finish()?;
    Ok(Reindexed { articles, entities })
}
