//! The end-to-end pipeline from articles to a [`Brief`].

use rashomon_model::{Article, Brief, BriefDocument, CopyLink, CopyOf, Document, StoryGroup};

/// Per-article analysis: text stage then extract stage.
pub fn analyze(article: Article) -> Document {
    let analysis = rashomon_text::analyze(&article.text);
    let extraction = rashomon_extract::extract(&article, &analysis);
    Document {
        article,
        analysis,
        extraction,
    }
}

/// Entity names of a document, for clustering features.
pub fn entity_names(doc: &Document) -> Vec<String> {
    doc.extraction
        .entities
        .iter()
        .map(|e| e.name.clone())
        .collect()
}

/// Word count under which a text is a lead (a headline and a sentence or two), not a full article.
const FULL_ARTICLE_WORDS: usize = 150;

/// Clustering parameters for a batch. Two full reports of one event share a smaller part of
/// their (larger) vocabularies than two leads do, so full articles join at a lower cosine.
/// The lead threshold is tuned on AllSides, the full-article one on PolNeAR and the seeds
/// (see docs/clustering.md).
pub fn cluster_config(docs: &[Document]) -> rashomon_cluster::ClusterConfig {
    let mut cfg = rashomon_cluster::ClusterConfig::default();
    let base = cfg.threshold;
    let mut lengths: Vec<usize> = docs.iter().map(|d| d.analysis.tokens.len()).collect();
    lengths.sort_unstable();
    if lengths
        .get(lengths.len() / 2)
        .is_some_and(|&median| median >= FULL_ARTICLE_WORDS)
    {
        cfg.threshold = FULL_ARTICLE_THRESHOLD;
    }
    cfg.threshold *= small_batch_factor(docs.len());
    // The graph path (the default) scales its own bar the same way: briefing 100 AllSides
    // stories one by one split 2 (4 unscaled) and merged none of 100 adjacent pairs.
    cfg.graph_threshold *= cfg.threshold / base;
    cfg
}

/// A handful of articles handed over together are usually chosen as one event; the risk of
/// an accidental match grows with the number of candidates. So small batches join at a
/// lower cosine: 0.6 of the threshold up to 20 articles, rising linearly to the full
/// threshold at 200. (On 100 AllSides stories briefed one by one this cut stories split
/// across several groups from 36 to 10 without merging adjacent unrelated stories.)
fn small_batch_factor(n: usize) -> f64 {
    let t = (n.saturating_sub(20) as f64 / 180.0).min(1.0);
    0.6 + 0.4 * t
}

/// Cosine at which full articles join a story.
pub const FULL_ARTICLE_THRESHOLD: f64 = 0.18;

/// Groups documents into stories (whole-batch pass); copies always share their original's story.
pub fn group_stories(docs: &[Document], copies: &[CopyLink]) -> Vec<StoryGroup> {
    let features = docs
        .iter()
        .map(|d| {
            rashomon_cluster::features(
                &d.article.title,
                &d.article.text,
                &entity_names(d),
                d.article.published.as_deref(),
            )
        })
        .collect();
    let cfg = cluster_config(docs);
    let groups = rashomon_cluster::cluster(features, &cfg);
    // A copy joins its original's story even when clustering put it elsewhere.
    let mut story_of = vec![usize::MAX; docs.len()];
    for (g, group) in groups.iter().enumerate() {
        for &m in &group.members {
            if m < docs.len() {
                story_of[m] = g;
            }
        }
    }
    for c in copies {
        if c.copy < docs.len() && c.original < docs.len() {
            story_of[c.copy] = story_of[c.original];
        }
    }
    let mut out: Vec<StoryGroup> = Vec::new();
    let mut index_of: Vec<Option<usize>> = vec![None; groups.len() + 1];
    for (d, &g) in story_of.iter().enumerate() {
        let g = g.min(groups.len());
        let slot = *index_of[g].get_or_insert_with(|| {
            out.push(StoryGroup { members: vec![] });
            out.len() - 1
        });
        out[slot].members.push(d);
    }
    out
}

/// Builds the brief for a batch of analysed documents: copies, stories, comparison.
pub fn brief(docs: &[Document]) -> Brief {
    let texts: Vec<&str> = docs.iter().map(|d| d.article.text.as_str()).collect();
    let copies = rashomon_dedup::find_copies(&texts, &rashomon_dedup::DedupConfig::default());
    let groups = group_stories(docs, &copies);
    let mut stories = Vec::new();
    for (n, group) in groups.iter().enumerate() {
        let members: Vec<&Document> = group.members.iter().map(|&i| &docs[i]).collect();
        let local = local_copies(&group.members, &copies);
        stories.push(rashomon_compare::compare_story(
            &format!("s{}", n + 1),
            &members,
            &local,
        ));
    }
    // Stories with more sources first; ties keep input order.
    stories.sort_by(|a, b| {
        b.sources
            .len()
            .cmp(&a.sources.len())
            .then(b.documents.len().cmp(&a.documents.len()))
    });
    for (n, s) in stories.iter_mut().enumerate() {
        s.id = format!("s{}", n + 1);
    }
    Brief {
        documents: brief_documents(docs, &copies),
        stories,
    }
}

/// Builds the brief for documents already known to form one story (from the store).
pub fn story_brief(story_id: &str, docs: &[Document], copies: &[CopyLink]) -> Brief {
    let members: Vec<&Document> = docs.iter().collect();
    let story = rashomon_compare::compare_story(story_id, &members, copies);
    Brief {
        documents: brief_documents(docs, copies),
        stories: vec![story],
    }
}

/// Copy links restricted to one story's members, re-indexed into that member list.
fn local_copies(members: &[usize], copies: &[CopyLink]) -> Vec<CopyLink> {
    copies
        .iter()
        .filter_map(|c| {
            let copy = members.iter().position(|&m| m == c.copy)?;
            let original = members.iter().position(|&m| m == c.original)?;
            Some(CopyLink {
                copy,
                original,
                kind: c.kind,
                score: c.score,
            })
        })
        .collect()
}

fn brief_documents(docs: &[Document], copies: &[CopyLink]) -> Vec<BriefDocument> {
    docs.iter()
        .enumerate()
        .map(|(i, d)| BriefDocument {
            id: d.article.id.clone(),
            source: d.article.source.clone(),
            title: d.article.title.clone(),
            published: d.article.published.clone(),
            url: d.article.url.clone(),
            path: d.article.path.clone(),
            text: d.article.text.clone(),
            copy_of: copies
                .iter()
                .find(|c| c.copy == i)
                .and_then(|c| docs.get(c.original))
                .map(|o| CopyOf {
                    doc: o.article.id.clone(),
                    kind: copies
                        .iter()
                        .find(|c| c.copy == i)
                        .map_or(rashomon_model::CopyKind::Near, |c| c.kind),
                }),
        })
        .collect()
}

/// Analyses many articles on all cores, keeping input order; `progress(done, total)` is
/// called from the calling thread as results arrive.
pub fn analyze_all(
    articles: Vec<Article>,
    progress: &mut dyn FnMut(usize, usize),
) -> Vec<Document> {
    let total = articles.len();
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(total.max(1));
    if threads <= 1 {
        return articles
            .into_iter()
            .enumerate()
            .map(|(i, a)| {
                let d = analyze(a);
                progress(i + 1, total);
                d
            })
            .collect();
    }
    let (tx, rx) = std::sync::mpsc::channel::<(usize, Document)>();
    let queue = std::sync::Mutex::new(articles.into_iter().enumerate());
    let mut slots: Vec<Option<Document>> = (0..total).map(|_| None).collect();
    std::thread::scope(|scope| {
        for _ in 0..threads {
            let tx = tx.clone();
            let queue = &queue;
            scope.spawn(move || loop {
                // A poisoned lock means another worker panicked; stop taking work.
                let next = match queue.lock() {
                    Ok(mut q) => q.next(),
                    Err(_) => None,
                };
                let Some((i, a)) = next else { break };
                if tx.send((i, analyze(a))).is_err() {
                    break;
                }
            });
        }
        drop(tx);
        for (done, (i, d)) in rx.iter().enumerate() {
            slots[i] = Some(d);
            progress(done + 1, total);
        }
    });
    slots.into_iter().flatten().collect()
}
