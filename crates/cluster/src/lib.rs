//! Story clustering: groups articles that report the same story.
//!
//! Articles are TF-IDF vectors over content-word stems (title words weighted
//! up), stem pairs and name keys (entity names and capitalised words). The
//! [`OnlineClusterer`] scores each new article against the stories that share
//! one of its heaviest terms (an inverted index with bounded posting lists,
//! so the cost per article does not grow with the corpus) and lie within the
//! time window, by the mean cosine to their members, and joins the best one
//! when it clears the threshold by enough over the crowd of other candidate
//! stories. [`cluster`] is the whole-corpus pass: IDF from the whole corpus,
//! a nearest-neighbour graph (hubness-reduced), each vector expanded with its
//! nearest neighbours', then average-link agglomeration over the graph's
//! edges with a bar that rises with local density. Optionally
//! ([`ClusterConfig::learned`], off by default) the merge score is the mean
//! same-story probability of a learned pair scorer (logistic regression over
//! similarity features, shipped as `pair_model.txt`) instead.
//! Method and measured figures: docs/clustering.md.

mod batch;
pub mod eval;
mod features;
mod fxhash;
mod graph;
mod learned;
mod online;

pub use features::{
    features, features_with, parse_day, ArticleFeatures, FeatureWeights, NAME_PREFIX, TITLE_PREFIX,
};
pub use learned::{train_logistic, PairModel, FEATURE_NAMES, NF};
pub use online::OnlineClusterer;

use online::{add_vecs, groups_from_assignment, SparseVec};
use rashomon_model::StoryGroup;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// Parameters of story clustering. The defaults were tuned on the AllSides
/// training file (see docs/clustering.md).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ClusterConfig {
    /// Least score (mean cosine to the story's members, or cosine to its
    /// centroid without `average_link`) for an article to join a story
    /// (online, and the whole-corpus pass without `graph`).
    pub threshold: f64,
    /// Stories whose newest article is more than this many days from the
    /// article's date are not candidates (only when both dates are known).
    pub window_days: Option<u32>,
    /// Multiplier on name terms' tf-idf weights.
    pub name_boost: f32,
    /// Exponent on IDF in term weights: above 1 favours rare terms more.
    pub idf_power: f32,
    /// Whole-corpus pass on at least 500 documents only: terms found in fewer
    /// documents are dropped, since a word no other article has cannot
    /// match, it only lowers the article's cosines. 0 = keep all.
    pub min_df: u32,
    /// Most terms kept in an article's vector (the heaviest by tf-idf).
    pub max_article_terms: usize,
    /// Most terms kept in a story centroid.
    pub max_centroid_terms: usize,
    /// An article's heaviest terms under which its story is indexed.
    pub index_terms: usize,
    /// An article's heaviest terms used to look up candidate stories.
    pub query_terms: usize,
    /// Most stories kept per term in the inverted index (the newest).
    pub max_postings: usize,
    /// Most candidate stories scored per article.
    pub max_candidates: usize,
    /// Score a story by the mean cosine to its members (average link) rather
    /// than the cosine to its centroid.
    pub average_link: bool,
    /// Whole-corpus pass starts from greedy average-link agglomeration
    /// instead of one online pass.
    pub agglomerate: bool,
    /// Feature weights used when the evaluation builds features.
    pub features: FeatureWeights,
    /// Most stories the online clusterer keeps open (joinable); beyond it
    /// the least recently joined are retired, so memory stays flat on an
    /// endless stream. 0 = no limit. Not applied by the whole-corpus pass.
    pub max_live_stories: usize,
    /// Reassignment passes of the whole-corpus [`cluster`].
    pub refine_passes: usize,
    /// Whole-corpus pass on a nearest-neighbour graph (neighbour expansion,
    /// then average-link agglomeration) instead of online pass + reassignment.
    pub graph: bool,
    /// Fewest articles for the graph path; smaller batches take the online
    /// pass and reassignment. 0: always the graph (it did better on AllSides
    /// batches of 30 to 3,000 articles, see docs).
    pub graph_min_articles: usize,
    /// Neighbours per article in the graph.
    pub neighbours: usize,
    /// Neighbours whose vectors are added to an article's (0 = no expansion).
    pub expand_neighbours: usize,
    /// Only neighbours at least this fraction of the nearest one's cosine
    /// are added: the expansion adapts to how many close neighbours there are.
    pub expand_ratio: f32,
    /// Weight of the neighbours' vectors in the expansion.
    pub expansion: f32,
    /// Articles per term looked at when finding neighbours (those where the
    /// term weighs most): bounds the cost per article.
    pub graph_postings: usize,
    /// Heaviest terms of an article under which the graph indexes it.
    pub graph_index_terms: usize,
    /// Hubness reduction: neighbours whose mean cosine is an article's hub score (0 = off).
    pub hub_rank: usize,
    /// Hubness reduction: neighbours are ranked by cosine minus this × their hub score.
    pub hub_weight: f32,
    /// Neighbour rank whose cosine measures an article's local density (0 = off).
    pub density_rank: usize,
    /// Merge score = mean cosine − this × mean member density.
    pub density_penalty: f32,
    /// Online: an article joins only if its best story's score minus this ×
    /// the `density_rank`-th best story's score clears the threshold (0 = off).
    pub online_density_penalty: f32,
    /// Least merge score (mean cosine of expanded vectors minus the density
    /// term) at which two clusters merge.
    pub graph_threshold: f64,
    /// Graph path on corpora of at least `learned_min_articles`: edges are
    /// weighted by the learned pair scorer ([`PairModel::builtin`]) instead of
    /// the cosine minus the density term.
    #[serde(default = "default_learned")]
    pub learned: bool,
    /// Fewest articles for the learned scorer (it was trained on corpora of
    /// thousands; its density and rank features mean little in a handful).
    #[serde(default = "default_learned_min")]
    pub learned_min_articles: usize,
}

/// Off: the scorer's rank and density features assume every article has
/// story-mates, as in the AllSides triples it was trained on; on full-length
/// political news where most articles stand alone (PolNeAR) it tripled the
/// multi-article stories with topic-level merges months apart.
fn default_learned() -> bool {
    false
}

fn default_learned_min() -> usize {
    500
}

impl Default for ClusterConfig {
    fn default() -> Self {
        ClusterConfig {
            threshold: 0.2,
            window_days: Some(7),
            name_boost: 1.0,
            idf_power: 1.0,
            min_df: 2,
            max_article_terms: 100,
            max_centroid_terms: 200,
            index_terms: 12,
            query_terms: 12,
            max_postings: 256,
            max_candidates: 64,
            average_link: true,
            agglomerate: false,
            features: FeatureWeights::default(),
            max_live_stories: 50_000,
            refine_passes: 2,
            graph: true,
            graph_min_articles: 0,
            neighbours: 10,
            expand_neighbours: 2,
            expand_ratio: 0.0,
            expansion: 1.0,
            graph_threshold: 0.25,
            graph_postings: 64,
            hub_rank: 5,
            hub_weight: 0.5,
            density_rank: 5,
            density_penalty: 0.8,
            online_density_penalty: 0.7,
            graph_index_terms: 30,
            learned: default_learned(),
            learned_min_articles: default_learned_min(),
        }
    }
}

/// Whole-corpus clustering: IDF from all articles (terms in fewer than
/// `min_df` dropped); then, with `graph` (default), the neighbour graph,
/// neighbour expansion and density-adjusted average-link agglomeration;
/// without it, one online pass in input order and `refine_passes` passes that
/// move each article to the story whose centroid (without the article itself)
/// it matches best.
pub fn cluster(features: Vec<ArticleFeatures>, cfg: &ClusterConfig) -> Vec<StoryGroup> {
    let model = if cfg.learned {
        PairModel::builtin()
    } else {
        None
    };
    cluster_with_model(features, cfg, model)
}

/// [`cluster`] with the given pair model on the graph path (None: cosine
/// and density term), whatever `cfg.learned` says.
pub fn cluster_with_model(
    features: Vec<ArticleFeatures>,
    cfg: &ClusterConfig,
    model: Option<&PairModel>,
) -> Vec<StoryGroup> {
    let (mut c, raws) = clusterer_with_corpus_idf(&features, cfg);
    let days: Vec<Option<i64>> = features.iter().map(|f| f.day).collect();
    let mut vecs: Vec<SparseVec> = raws.iter().map(|r| c.weigh(r)).collect();
    let learned = model.filter(|_| {
        cfg.graph
            && features.len() >= cfg.graph_min_articles
            && features.len() >= cfg.learned_min_articles
    });
    let seed = if let Some(m) = learned {
        let exp = graph_vectors(&vecs, &days, cfg);
        let nb = graph::neighbours(&exp, &days, graph_params(cfg));
        let ctx = pair_context(&c, &features, &vecs, &exp, &nb, cfg);
        let a = learned::average_link(&ctx, m, &days, cfg.window_days, m.threshold);
        vecs = exp;
        c.cfg.threshold = cfg.graph_threshold;
        Some(a)
    } else if cfg.graph && features.len() >= cfg.graph_min_articles {
        vecs = graph_vectors(&vecs, &days, cfg);
        let nb = graph::neighbours(&vecs, &days, graph_params(cfg));
        // Reassignment compares expanded vectors too, at the graph's threshold.
        c.cfg.threshold = cfg.graph_threshold;
        Some(graph::average_link(
            &vecs,
            &nb,
            &days,
            cfg.window_days,
            cfg.graph_threshold as f32,
            (cfg.density_rank, cfg.density_penalty),
        ))
    } else if cfg.agglomerate {
        Some(batch::agglomerate(&vecs, &days, cfg))
    } else {
        None
    };
    if let Some(assignment) = seed {
        let mut story_of: HashMap<usize, usize> = HashMap::new();
        for (i, (v, d)) in vecs.iter().zip(&days).enumerate() {
            let sid = match story_of.get(&assignment[i]) {
                Some(&s) => s,
                None => {
                    let s = c.open_story();
                    story_of.insert(assignment[i], s);
                    s
                }
            };
            c.join(sid, i, v, *d);
            c.assignment.push(sid);
        }
    } else {
        for (v, d) in vecs.iter().zip(&days) {
            c.add_weighted(v, *d);
        }
    }
    // After the graph's agglomeration reassignment changed nothing measurable.
    let passes = if cfg.graph && features.len() >= cfg.graph_min_articles {
        0
    } else {
        cfg.refine_passes
    };
    for _ in 0..passes {
        let mut moved = 0;
        for (i, v) in vecs.iter().enumerate() {
            let own = c.assignment[i];
            let own_score = {
                let s = &c.stories[own];
                if s.members.len() > 1 {
                    c.link_score(v, &add_vecs(&s.centroid, v, -1.0), s.members.len() - 1)
                } else {
                    f32::NEG_INFINITY
                }
            };
            let target = match c.best_story(v, days[i], Some((own, v))) {
                Some((sid, score)) if sid != own && score > own_score => Some(sid),
                Some(_) => None,
                // Nothing clears the threshold, its own story included: alone.
                None if c.stories[own].members.len() > 1 => Some(usize::MAX),
                None => None,
            };
            if let Some(t) = target {
                c.leave(own, i, v);
                let t = if t == usize::MAX { c.open_story() } else { t };
                c.join(t, i, v, days[i]);
                c.assignment[i] = t;
                moved += 1;
            }
        }
        if moved == 0 {
            break;
        }
    }
    groups_from_assignment(&c.assignment)
}

/// A clusterer whose IDF table holds the document frequencies of
/// `features`, and their raw vectors.
fn clusterer_with_corpus_idf(
    features: &[ArticleFeatures],
    cfg: &ClusterConfig,
) -> (OnlineClusterer, Vec<SparseVec>) {
    let mut c = OnlineClusterer::new(cfg.clone());
    let raws: Vec<SparseVec> = features.iter().map(|f| c.vocab.vector(f)).collect();
    for r in &raws {
        c.vocab.count(r);
    }
    // Pseudo-documents that contain none of the terms: in a batch of three articles a word
    // in all three is not thereby uninformative, while in a corpus of thousands this
    // changes nothing.
    c.vocab.docs += IDF_PSEUDO_DOCS;
    c.freeze_df();
    c.corpus_df = true;
    (c, raws)
}

/// Empty documents added to a batch's document count before computing IDF.
const IDF_PSEUDO_DOCS: u32 = 50;

fn graph_params(cfg: &ClusterConfig) -> graph::GraphParams {
    graph::GraphParams {
        k: cfg.neighbours,
        index_terms: cfg.graph_index_terms,
        query_terms: cfg.query_terms,
        max_postings: cfg.graph_postings,
        hub_rank: cfg.hub_rank,
        hub_weight: cfg.hub_weight,
        window: cfg.window_days,
    }
}

/// Vectors expanded with their nearest neighbours' (when configured).
fn graph_vectors(vecs: &[SparseVec], days: &[Option<i64>], cfg: &ClusterConfig) -> Vec<SparseVec> {
    if cfg.expand_neighbours == 0 {
        return vecs.to_vec();
    }
    // A second round (neighbours of the expanded vectors) was measured: no better.
    let nb = graph::neighbours(vecs, days, graph_params(cfg));
    graph::expand(
        vecs,
        &nb,
        cfg.expand_neighbours,
        cfg.expand_ratio,
        cfg.expansion,
        cfg.max_article_terms,
    )
}

/// Inputs of the pair features: idf and kind of each article's terms.
fn pair_context<'a>(
    c: &OnlineClusterer,
    features: &[ArticleFeatures],
    raw: &'a [SparseVec],
    exp: &'a [SparseVec],
    nb: &'a graph::Neighbours,
    cfg: &ClusterConfig,
) -> learned::PairContext<'a> {
    let max_idf = ((1.0 + c.vocab.docs as f32).ln() + 1.0).max(1.0);
    let info = features
        .iter()
        .zip(raw)
        .map(|(f, v)| {
            let mut kinds: Vec<(u32, u8)> = f
                .terms
                .iter()
                .map(|(t, _)| {
                    let k = if t.starts_with(NAME_PREFIX) {
                        learned::KIND_NAME
                    } else if t.contains('_') {
                        learned::KIND_BIGRAM
                    } else if t.chars().all(|ch| ch.is_ascii_digit()) {
                        learned::KIND_NUMBER
                    } else {
                        0
                    };
                    (online::Vocab::id(t), k)
                })
                .collect();
            kinds.sort_unstable();
            v.iter()
                .map(|&(t, _)| {
                    let k = kinds
                        .binary_search_by_key(&t, |e| e.0)
                        .map_or(0, |p| kinds[p].1);
                    (t, c.vocab.idf(t) / max_idf, k)
                })
                .collect()
        })
        .collect();
    let titles = features
        .iter()
        .map(|f| {
            let mut t: Vec<(u32, f32)> = f
                .terms
                .iter()
                .filter_map(|(t, _)| t.strip_prefix(TITLE_PREFIX))
                .map(|stem| {
                    let id = online::Vocab::id(stem);
                    (id, c.vocab.idf(id) / max_idf)
                })
                .collect();
            t.sort_by_key(|e| e.0);
            t.dedup_by_key(|e| e.0);
            t
        })
        .collect();
    learned::PairContext {
        titles,
        raw,
        exp,
        nb,
        info,
        density_rank: cfg.density_rank,
        hub_rank: cfg.hub_rank,
    }
}

/// Training examples for the pair scorer: the features of every candidate
/// pair of the graph (edges and two-hop pairs) and whether the two articles
/// have the same label.
pub fn pair_examples(
    features: &[ArticleFeatures],
    labels: &[usize],
    cfg: &ClusterConfig,
) -> Vec<([f32; NF], bool)> {
    let (c, raws) = clusterer_with_corpus_idf(features, cfg);
    let days: Vec<Option<i64>> = features.iter().map(|f| f.day).collect();
    let vecs: Vec<SparseVec> = raws.iter().map(|r| c.weigh(r)).collect();
    let exp = graph_vectors(&vecs, &days, cfg);
    let nb = graph::neighbours(&exp, &days, graph_params(cfg));
    let ctx = pair_context(&c, features, &vecs, &exp, &nb, cfg);
    ctx.candidate_pairs()
        .into_iter()
        .map(|(i, j)| {
            let (i, j) = (i as usize, j as usize);
            (ctx.features(i, j), labels[i] == labels[j])
        })
        .collect()
}

/// Share of articles whose nearest neighbour (through the graph's candidate
/// retrieval, on possibly expanded vectors) has the same label.
pub fn nearest_neighbour_accuracy(
    features: &[ArticleFeatures],
    labels: &[usize],
    cfg: &ClusterConfig,
) -> f64 {
    let nb = nearest_neighbours(features, cfg);
    let hits = nb
        .iter()
        .enumerate()
        .filter(|(i, l)| l.first().is_some_and(|&(j, _)| labels[j] == labels[*i]))
        .count();
    hits as f64 / labels.len().max(1) as f64
}

/// Each article's nearest neighbours (index, cosine), as the graph path sees them.
pub fn nearest_neighbours(
    features: &[ArticleFeatures],
    cfg: &ClusterConfig,
) -> Vec<Vec<(usize, f32)>> {
    let vecs = weighted_vectors(features, cfg);
    let days: Vec<Option<i64>> = features.iter().map(|f| f.day).collect();
    let vecs = graph_vectors(&vecs, &days, cfg);
    graph::neighbours(&vecs, &days, graph_params(cfg))
        .into_iter()
        .map(|l| l.into_iter().map(|(j, s)| (j as usize, s)).collect())
        .collect()
}

/// Unit tf-idf vectors of `features` with corpus IDF (for diagnostics).
pub(crate) fn weighted_vectors(
    features: &[ArticleFeatures],
    cfg: &ClusterConfig,
) -> Vec<SparseVec> {
    let (c, raws) = clusterer_with_corpus_idf(features, cfg);
    raws.iter().map(|r| c.weigh(r)).collect()
}

impl OnlineClusterer {
    /// Online step for an already weighted vector (used by the batch pass).
    fn add_weighted(&mut self, v: &SparseVec, day: Option<i64>) -> usize {
        let article = self.assignment.len();
        let sid = match self.best_story(v, day, None) {
            Some((sid, _)) => sid,
            None => self.open_story(),
        };
        self.join(sid, article, v, day);
        self.assignment.push(sid);
        sid
    }

    fn open_story(&mut self) -> usize {
        self.stories.push(online::Story {
            last_join: 0,
            retired: false,
            members: Vec::new(),
            centroid: Vec::new(),
            last_day: None,
        });
        self.stories.len() - 1
    }

    /// Removes an article from a story's members and centroid.
    fn leave(&mut self, sid: usize, article: usize, v: &SparseVec) {
        let s = &mut self.stories[sid];
        s.members.retain(|&m| m != article);
        // Pruned centroids may lack some of the article's terms: drop what
        // would go negative rather than keep it.
        s.centroid = add_vecs(&s.centroid, v, -1.0);
        s.centroid.retain(|e| e.1 > 1e-6);
    }
}

#[cfg(test)]
mod tests;
