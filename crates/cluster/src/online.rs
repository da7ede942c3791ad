//! Online clustering: one pass, each article joins the best-matching recent
//! story or opens a new one.

use crate::fxhash::FxMap;
use crate::{features::NAME_PREFIX, features::TITLE_PREFIX, ArticleFeatures, ClusterConfig};
use rashomon_model::StoryGroup;
use std::collections::{HashMap, VecDeque};
use xxhash_rust::xxh3::xxh3_64;

/// A sparse vector: (term id, weight), sorted by term id.
pub(crate) type SparseVec = Vec<(u32, f32)>;

/// Distinct terms with a document frequency kept before the rarest are
/// dropped (about 16 bytes each): bounds memory on an endless stream.
const MAX_TERMS: usize = 2_000_000;

/// Least corpus size (documents, pseudo-documents included) at which
/// `min_df` applies.
const MIN_DF_CORPUS: u32 = 500;

/// Corpus statistics: document frequencies by term id. A term's id is a hash
/// of the term (low bit set for name keys), so no strings are stored and ids
/// are the same in every run and process.
#[derive(Debug, Clone, Default)]
pub(crate) struct Vocab {
    df: FxMap<u32, u32>,
    pub(crate) docs: u32,
}

impl Vocab {
    pub(crate) fn id(term: &str) -> u32 {
        let h = (xxh3_64(term.as_bytes()) >> 32) as u32;
        (h & !1) | u32::from(term.starts_with(NAME_PREFIX))
    }

    /// Sparse raw-weight vector of an article.
    pub(crate) fn vector(&self, f: &ArticleFeatures) -> SparseVec {
        let mut v: SparseVec = f
            .terms
            .iter()
            .filter(|(t, _)| !t.starts_with(TITLE_PREFIX))
            .map(|(t, w)| (Self::id(t), *w))
            .collect();
        v.sort_by_key(|e| e.0);
        // Two terms hashing to one id: merge them.
        v.dedup_by(|b, a| {
            if a.0 == b.0 {
                a.1 += b.1;
                true
            } else {
                false
            }
        });
        v
    }

    pub(crate) fn count(&mut self, v: &SparseVec) {
        self.docs += 1;
        for &(t, _) in v {
            *self.df.entry(t).or_insert(0) += 1;
        }
        if self.df.len() > MAX_TERMS {
            self.prune();
        }
    }

    /// Drops the rarest terms (df 1, then 2, ...) until a quarter of the room
    /// is free; a dropped term counts as unseen, a tiny change to its IDF.
    fn prune(&mut self) {
        let mut cutoff = 1;
        while self.df.len() > MAX_TERMS / 4 * 3 {
            self.df.retain(|_, n| *n > cutoff);
            cutoff += 1;
        }
    }

    pub(crate) fn set_df(&mut self, term: &str, n: u32) {
        self.df.insert(Self::id(term), n);
    }

    pub(crate) fn df(&self, t: u32) -> u32 {
        self.df.get(&t).copied().unwrap_or(0)
    }

    /// Smoothed inverse document frequency.
    pub(crate) fn idf(&self, t: u32) -> f32 {
        let df = self.df.get(&t).copied().unwrap_or(0) as f32;
        ((1.0 + self.docs as f32) / (1.0 + df)).ln() + 1.0
    }

    /// Documents counted in the frequencies.
    #[cfg(test)]
    pub(crate) fn docs(&self) -> u32 {
        self.docs
    }

    fn is_name(t: u32) -> bool {
        t & 1 == 1
    }
}

/// One story being built.
#[derive(Debug, Clone)]
pub(crate) struct Story {
    pub(crate) members: Vec<usize>,
    /// Sum of the members' unit tf-idf vectors, bounded to the top terms.
    pub(crate) centroid: SparseVec,
    /// Newest publication day among members, when known.
    pub(crate) last_day: Option<i64>,
    /// Index of the article that joined last.
    pub(crate) last_join: usize,
    /// Retired stories are no longer candidates; their vectors are freed.
    pub(crate) retired: bool,
}

/// The online story clusterer.
#[derive(Debug, Clone)]
pub struct OnlineClusterer {
    pub(crate) cfg: ClusterConfig,
    pub(crate) vocab: Vocab,
    /// When true, document frequencies are fixed (a prior table) and not updated.
    frozen_df: bool,
    /// The frequencies are those of the very articles being clustered (the
    /// whole-corpus pass), so a term with df 1 is known to match nothing.
    pub(crate) corpus_df: bool,
    pub(crate) stories: Vec<Story>,
    /// Term id → most recent stories indexed under it (bounded).
    postings: FxMap<u32, VecDeque<u32>>,
    /// Article index → story id.
    pub(crate) assignment: Vec<usize>,
    /// Number of retired stories.
    retired: usize,
}

impl OnlineClusterer {
    pub fn new(cfg: ClusterConfig) -> Self {
        OnlineClusterer {
            cfg,
            vocab: Vocab::default(),
            frozen_df: false,
            corpus_df: false,
            stories: Vec::new(),
            postings: FxMap::default(),
            assignment: Vec::new(),
            retired: 0,
        }
    }

    /// A clusterer whose IDF comes from a prior table of document frequencies
    /// over `docs` documents (e.g. the whole corpus in a `recluster` pass);
    /// the table is then not updated as articles arrive.
    pub fn with_idf<'a>(
        cfg: ClusterConfig,
        df: impl IntoIterator<Item = (&'a str, u32)>,
        docs: u32,
    ) -> Self {
        let mut c = Self::new(cfg);
        for (t, n) in df {
            c.vocab.set_df(t, n);
        }
        c.vocab.docs = docs;
        c.frozen_df = true;
        c
    }

    /// Stops updating document frequencies: they are a fixed table now.
    pub(crate) fn freeze_df(&mut self) {
        self.frozen_df = true;
    }

    /// Unit-length tf-idf vector of raw weights `v`, with name terms boosted.
    pub(crate) fn weigh(&self, v: &SparseVec) -> SparseVec {
        // Only in a large fixed corpus: in a handful of articles a word of one
        // article is evidence that the articles differ.
        let min_df = if self.corpus_df && self.vocab.docs >= MIN_DF_CORPUS {
            self.cfg.min_df
        } else {
            0
        };
        let mut out: SparseVec = v
            .iter()
            .filter(|&&(t, _)| min_df == 0 || self.vocab.df(t) >= min_df)
            .map(|&(t, w)| {
                let boost = if Vocab::is_name(t) {
                    self.cfg.name_boost
                } else {
                    1.0
                };
                (t, w * self.vocab.idf(t).powf(self.cfg.idf_power) * boost)
            })
            .collect();
        // The heaviest terms carry the story; the long tail of a full article
        // adds noise and cost.
        prune(&mut out, self.cfg.max_article_terms);
        normalize(&mut out);
        out
    }

    /// Adds an article; returns the id of the story it joins, which is that
    /// story's index in [`OnlineClusterer::stories`].
    pub fn add(&mut self, f: ArticleFeatures) -> usize {
        let raw = self.vocab.vector(&f);
        if !self.frozen_df {
            self.vocab.count(&raw);
        }
        let vec = self.weigh(&raw);
        let sid = self.add_weighted(&vec, f.day);
        self.retire_stale();
        sid
    }

    /// Keeps memory bounded on an endless stream: once more than
    /// `max_live_stories` (plus a quarter, to amortise the sort) can still be
    /// joined, the ones that went longest without a new article are retired.
    fn retire_stale(&mut self) {
        let max = self.cfg.max_live_stories;
        let live = self.stories.len() - self.retired;
        if max == 0 || live <= max + max / 4 {
            return;
        }
        let mut order: Vec<(usize, usize)> = self
            .stories
            .iter()
            .enumerate()
            .filter(|(_, s)| !s.retired)
            .map(|(i, s)| (s.last_join, i))
            .collect();
        order.sort_unstable();
        for &(_, sid) in order.iter().take(live - max) {
            let s = &mut self.stories[sid];
            s.retired = true;
            s.centroid = Vec::new();
            s.members = Vec::new();
            self.retired += 1;
        }
    }

    pub(crate) fn join(&mut self, sid: usize, article: usize, vec: &SparseVec, day: Option<i64>) {
        let max_terms = self.cfg.max_centroid_terms;
        let story = &mut self.stories[sid];
        story.members.push(article);
        story.last_join = article;
        story.centroid = add_vecs(&story.centroid, vec, 1.0);
        prune(&mut story.centroid, max_terms);
        story.last_day = match (story.last_day, day) {
            (Some(a), Some(b)) => Some(a.max(b)),
            (a, b) => a.or(b),
        };
        for t in top_terms(vec, self.cfg.index_terms) {
            let list = self.postings.entry(t).or_default();
            if !list.contains(&(sid as u32)) {
                list.push_back(sid as u32);
                if list.len() > self.cfg.max_postings {
                    list.pop_front();
                }
            }
        }
    }

    /// The best candidate story for `vec` scoring at least the threshold.
    /// `exclude` (story, own unit vector) removes an article's own
    /// contribution from its story's centroid during reassignment.
    pub(crate) fn best_story(
        &self,
        vec: &SparseVec,
        day: Option<i64>,
        exclude: Option<(usize, &SparseVec)>,
    ) -> Option<(usize, f32)> {
        let mut hits: FxMap<u32, u32> = FxMap::default();
        for t in top_terms(vec, self.cfg.query_terms) {
            if let Some(list) = self.postings.get(&t) {
                for &s in list {
                    *hits.entry(s).or_insert(0) += 1;
                }
            }
        }
        let mut cands: Vec<(u32, u32)> = hits.into_iter().collect();
        // Most shared query terms first, then the newest story.
        cands.sort_by(|a, b| b.1.cmp(&a.1).then(b.0.cmp(&a.0)));
        cands.truncate(self.cfg.max_candidates);
        let mut best: Option<(usize, f32)> = None;
        let mut scores: Vec<f32> = Vec::new();
        for (sid, _) in cands {
            let sid = sid as usize;
            let story = &self.stories[sid];
            if story.retired {
                continue;
            }
            if let (Some(window), Some(d), Some(last)) = (self.cfg.window_days, day, story.last_day)
            {
                if (d - last).abs() > i64::from(window) {
                    continue;
                }
            }
            let score = match exclude {
                Some((own, own_vec)) if own == sid => {
                    if story.members.len() <= 1 {
                        continue;
                    }
                    let rest = add_vecs(&story.centroid, own_vec, -1.0);
                    self.link_score(vec, &rest, story.members.len() - 1)
                }
                _ => self.link_score(vec, &story.centroid, story.members.len()),
            };
            let better = match best {
                None => true,
                Some((bs, b)) => score > b || (score == b && sid < bs),
            };
            scores.push(score);
            if score >= self.cfg.threshold as f32 && better {
                best = Some((sid, score));
            }
        }
        let (rank, penalty) = (self.cfg.density_rank, self.cfg.online_density_penalty);
        if penalty > 0.0 && rank > 0 {
            // In a crowded topic many stories score well: the best must stand
            // out from the rank-th best by the threshold, not just clear it.
            scores.sort_by(|a, b| b.total_cmp(a));
            let crowd = scores.get(rank - 1).copied().unwrap_or(0.0).max(0.0);
            best = best.filter(|b| b.1 - penalty * crowd >= self.cfg.threshold as f32);
        }
        best
    }

    /// Similarity of a unit vector to a story with centroid (sum of unit
    /// member vectors) `sum` and `n` members.
    pub(crate) fn link_score(&self, vec: &SparseVec, sum: &SparseVec, n: usize) -> f32 {
        if self.cfg.average_link {
            // Mean cosine to the members: unlike the cosine to the centroid it
            // does not rise as a story grows, so stories do not snowball.
            dot(vec, sum) / n.max(1) as f32
        } else {
            cosine(vec, sum)
        }
    }

    /// The stories so far, members in input order, stories by first member.
    pub fn stories(&self) -> Vec<StoryGroup> {
        groups_from_assignment(&self.assignment)
    }
}

/// Stories from an article → story assignment, ordered by first member.
pub(crate) fn groups_from_assignment(assignment: &[usize]) -> Vec<StoryGroup> {
    let mut order: HashMap<usize, usize> = HashMap::new();
    let mut groups: Vec<StoryGroup> = Vec::new();
    for (i, &s) in assignment.iter().enumerate() {
        let g = *order.entry(s).or_insert_with(|| {
            groups.push(StoryGroup {
                members: Vec::new(),
            });
            groups.len() - 1
        });
        groups[g].members.push(i);
    }
    groups
}

pub(crate) fn normalize(v: &mut SparseVec) {
    let n = v.iter().map(|e| e.1 * e.1).sum::<f32>().sqrt();
    if n > 0.0 {
        for e in v.iter_mut() {
            e.1 /= n;
        }
    }
}

/// `a + k·b` for sorted sparse vectors; entries that cancel out are dropped.
pub(crate) fn add_vecs(a: &SparseVec, b: &SparseVec, k: f32) -> SparseVec {
    let mut out = Vec::with_capacity(a.len() + b.len());
    let (mut i, mut j) = (0, 0);
    while i < a.len() || j < b.len() {
        let e = if j >= b.len() || (i < a.len() && a[i].0 < b[j].0) {
            i += 1;
            a[i - 1]
        } else if i >= a.len() || b[j].0 < a[i].0 {
            j += 1;
            (b[j - 1].0, k * b[j - 1].1)
        } else {
            i += 1;
            j += 1;
            (a[i - 1].0, a[i - 1].1 + k * b[j - 1].1)
        };
        if e.1.abs() > 1e-6 {
            out.push(e);
        }
    }
    out
}

pub(crate) fn dot(a: &SparseVec, b: &SparseVec) -> f32 {
    let (mut i, mut j, mut dot) = (0, 0, 0.0f32);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                dot += a[i].1 * b[j].1;
                i += 1;
                j += 1;
            }
        }
    }
    dot
}

pub(crate) fn cosine(a: &SparseVec, b: &SparseVec) -> f32 {
    let (mut i, mut j, mut dot) = (0, 0, 0.0f32);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                dot += a[i].1 * b[j].1;
                i += 1;
                j += 1;
            }
        }
    }
    let na = a.iter().map(|e| e.1 * e.1).sum::<f32>().sqrt();
    let nb = b.iter().map(|e| e.1 * e.1).sum::<f32>().sqrt();
    if na > 0.0 && nb > 0.0 {
        dot / (na * nb)
    } else {
        0.0
    }
}

/// Keeps the `max` heaviest terms (ties broken by term id), sorted by id.
fn prune(v: &mut SparseVec, max: usize) {
    if v.len() <= max {
        return;
    }
    v.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    v.truncate(max);
    v.sort_by_key(|e| e.0);
}

/// The `k` heaviest terms of a weighted vector (the rarest, as weights carry idf).
pub(crate) fn top_terms(v: &SparseVec, k: usize) -> Vec<u32> {
    let mut s: Vec<(u32, f32)> = v.clone();
    s.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    s.into_iter().take(k).map(|e| e.0).collect()
}
