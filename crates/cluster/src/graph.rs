//! Whole-corpus clustering on a nearest-neighbour graph: each article's most
//! similar articles (found through an inverted index), neighbour expansion of
//! the vectors, then average-link agglomeration over the graph's edges.

use crate::online::{add_vecs, dot, normalize, SparseVec};
use std::cmp::Ordering;
use std::collections::{BinaryHeap, HashMap};

/// Neighbour lists: for each article, (other article, cosine), most similar first.
pub(crate) type Neighbours = Vec<Vec<(u32, f32)>>;

/// Parameters of the graph path.
#[derive(Debug, Clone, Copy)]
pub(crate) struct GraphParams {
    /// Neighbours kept per article.
    pub k: usize,
    /// Heaviest terms of an article under which it is indexed.
    pub index_terms: usize,
    /// Query terms per article for candidate retrieval.
    pub query_terms: usize,
    /// Most articles per term looked at (those where the term weighs most).
    pub max_postings: usize,
    /// Hubness reduction: neighbours counted in an article's hub score.
    pub hub_rank: usize,
    /// Hubness reduction: share of the hub score subtracted from cosines.
    pub hub_weight: f32,
    /// Day window (both days known).
    pub window: Option<u32>,
}

/// The `k` most similar other articles of each article. Candidates are the
/// articles sharing one of its `query_terms` heaviest terms, each term's list
/// limited to the `max_postings` articles where it weighs most, so the cost
/// per article is bounded by `query_terms · max_postings` cosines.
pub(crate) fn neighbours(vecs: &[SparseVec], days: &[Option<i64>], p: GraphParams) -> Neighbours {
    let mut postings: HashMap<u32, Vec<(f32, u32)>> = HashMap::new();
    for (i, v) in vecs.iter().enumerate() {
        for (t, w) in heaviest_weighted(v, p.index_terms) {
            postings.entry(t).or_default().push((w, i as u32));
        }
    }
    for list in postings.values_mut() {
        list.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        list.truncate(p.max_postings);
    }
    let n = vecs.len();
    let mut seen = vec![u32::MAX; n];
    let mut out = Vec::with_capacity(n);
    for (i, v) in vecs.iter().enumerate() {
        let mut cands: Vec<u32> = Vec::new();
        for t in heaviest(v, p.query_terms) {
            for &(_, j) in postings.get(&t).map(Vec::as_slice).unwrap_or(&[]) {
                if j as usize != i && seen[j as usize] != i as u32 {
                    seen[j as usize] = i as u32;
                    cands.push(j);
                }
            }
        }
        let mut near: Vec<(u32, f32)> = cands
            .into_iter()
            .filter(|&j| within(days[i], days[j as usize], p.window))
            .map(|j| (j, dot(v, &vecs[j as usize])))
            .filter(|e| e.1 > 0.0)
            .collect();
        near.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        near.truncate(p.k.max(p.hub_rank) * 2);
        out.push(near);
    }
    if p.hub_weight > 0.0 && p.hub_rank > 0 {
        // Hubness reduction (as CSLS): an article close to many others (a
        // roundup, a generic explainer) is a worse neighbour than its cosine
        // says; rank by cosine minus a share of its mean cosine to its own
        // nearest neighbours.
        let hub: Vec<f32> = out
            .iter()
            .map(|l| {
                let top = &l[..l.len().min(p.hub_rank)];
                top.iter().map(|e| e.1).sum::<f32>() / p.hub_rank as f32
            })
            .collect();
        for l in out.iter_mut() {
            l.sort_by(|a, b| {
                let sa = a.1 - p.hub_weight * hub[a.0 as usize];
                let sb = b.1 - p.hub_weight * hub[b.0 as usize];
                sb.total_cmp(&sa).then(a.0.cmp(&b.0))
            });
        }
    }
    for l in out.iter_mut() {
        l.truncate(p.k);
    }
    out
}

/// Pseudo-relevance feedback: each vector plus `beta` times the
/// similarity-weighted sum of its `m` nearest neighbours, renormalised. Words
/// the neighbours share bridge two framings of one event that use different
/// words for it.
pub(crate) fn expand(
    vecs: &[SparseVec],
    nb: &Neighbours,
    m: usize,
    ratio: f32,
    beta: f32,
    max_terms: usize,
) -> Vec<SparseVec> {
    vecs.iter()
        .zip(nb)
        .map(|(v, list)| {
            let mut acc = v.clone();
            let top = list.first().map_or(0.0, |e| e.1);
            for &(j, s) in list.iter().take(m).filter(|e| e.1 >= ratio * top) {
                acc = add_vecs(&acc, &vecs[j as usize], beta * s);
            }
            prune(&mut acc, max_terms);
            normalize(&mut acc);
            acc
        })
        .collect()
}

fn prune(v: &mut SparseVec, max: usize) {
    if v.len() <= max {
        return;
    }
    v.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    v.truncate(max);
    v.sort_by_key(|e| e.0);
}

fn heaviest(v: &SparseVec, k: usize) -> Vec<u32> {
    heaviest_weighted(v, k).into_iter().map(|e| e.0).collect()
}

fn heaviest_weighted(v: &SparseVec, k: usize) -> SparseVec {
    let mut s = v.clone();
    s.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    s.truncate(k);
    s
}

fn within(a: Option<i64>, b: Option<i64>, w: Option<u32>) -> bool {
    match (a, b, w) {
        (Some(a), Some(b), Some(w)) => (a - b).abs() <= i64::from(w),
        _ => true,
    }
}

#[derive(PartialEq)]
pub(crate) struct Cand(pub(crate) f32, pub(crate) u32, pub(crate) u32);
impl Eq for Cand {}
impl PartialOrd for Cand {
    fn partial_cmp(&self, o: &Self) -> Option<Ordering> {
        Some(self.cmp(o))
    }
}
impl Ord for Cand {
    fn cmp(&self, o: &Self) -> Ordering {
        self.0
            .total_cmp(&o.0)
            .then_with(|| (o.1, o.2).cmp(&(self.1, self.2)))
    }
}

/// Average-link agglomeration: repeatedly merges the two connected clusters
/// with the highest mean pairwise cosine (exact, from the clusters' vector
/// sums) while it is at least `threshold`. Only clusters joined by a graph
/// edge are compared. Returns article → cluster id.
pub(crate) fn average_link(
    vecs: &[SparseVec],
    nb: &Neighbours,
    days: &[Option<i64>],
    window: Option<u32>,
    threshold: f32,
    density: (usize, f32),
) -> Vec<usize> {
    let n = vecs.len();
    // Local density: cosine to the article's `density.0`-th neighbour. In a
    // crowded topic (daily virus updates) articles of different stories are
    // close, so the bar rises there by `density.1` times the density.
    let (rank, penalty) = density;
    let mut dens: Vec<f32> = nb
        .iter()
        .map(|l| {
            if rank == 0 {
                0.0
            } else {
                l.get(rank - 1).map_or(0.0, |e| e.1) * penalty
            }
        })
        .collect();
    let score = |dot: f32, na: usize, nb: usize, da: f32, db: f32| {
        dot / (na * nb) as f32 - 0.5 * (da / na as f32 + db / nb as f32)
    };
    let mut adj = adjacency(nb, n);
    let mut sums: Vec<SparseVec> = vecs.to_vec();
    let mut size: Vec<usize> = vec![1; n];
    let mut alive: Vec<bool> = vec![true; n];
    let mut version: Vec<u32> = vec![0; n];
    let mut range: Vec<Option<(i64, i64)>> = days.iter().map(|d| d.map(|d| (d, d))).collect();
    let mut heap: BinaryHeap<(Cand, u32, u32)> = BinaryHeap::new();
    for i in 0..n {
        for &j in &adj[i] {
            if (j as usize) > i {
                let s = score(
                    dot(&vecs[i], &vecs[j as usize]),
                    1,
                    1,
                    dens[i],
                    dens[j as usize],
                );
                if s >= threshold {
                    heap.push((Cand(s, i as u32, j), 0, 0));
                }
            }
        }
    }
    let mut parent: Vec<usize> = (0..n).collect();
    while let Some((Cand(_, a, b), va, vb)) = heap.pop() {
        let (a, b) = (a as usize, b as usize);
        if !alive[a] || !alive[b] || version[a] != va || version[b] != vb {
            continue;
        }
        if too_far_apart(window, range[a], range[b]) {
            continue;
        }
        // Merge b into a.
        alive[b] = false;
        parent[b] = a;
        sums[a] = add_vecs(&sums[a], &sums[b], 1.0);
        sums[b] = Vec::new();
        size[a] += size[b];
        dens[a] += dens[b];
        range[a] = merged_range(range[a], range[b]);
        version[a] += 1;
        let nbrs = merged_neighbours(&mut adj, &alive, a, b);
        for &c in &nbrs {
            let c = c as usize;
            let s = score(dot(&sums[a], &sums[c]), size[a], size[c], dens[a], dens[c]);
            point_to_merged(&mut adj[c], a, b);
            if s >= threshold {
                let (x, y) = if a < c { (a, c) } else { (c, a) };
                heap.push((Cand(s, x as u32, y as u32), version[x], version[y]));
            }
        }
        adj[a] = nbrs;
    }
    roots(&parent)
}

/// Undirected adjacency lists of the neighbour graph, sorted.
pub(crate) fn adjacency(nb: &Neighbours, n: usize) -> Vec<Vec<u32>> {
    let mut adj: Vec<Vec<u32>> = vec![Vec::new(); n];
    for (i, list) in nb.iter().enumerate() {
        for &(j, _) in list {
            adj[i].push(j);
            adj[j as usize].push(i as u32);
        }
    }
    for a in adj.iter_mut() {
        a.sort_unstable();
        a.dedup();
    }
    adj
}

/// Would merging clusters spanning these day ranges span more than `window` days?
pub(crate) fn too_far_apart(
    window: Option<u32>,
    a: Option<(i64, i64)>,
    b: Option<(i64, i64)>,
) -> bool {
    match (window, a, b) {
        (Some(w), Some(x), Some(y)) => x.0.max(y.0) - x.1.min(y.1) > i64::from(w),
        _ => false,
    }
}

pub(crate) fn merged_range(a: Option<(i64, i64)>, b: Option<(i64, i64)>) -> Option<(i64, i64)> {
    match (a, b) {
        (Some(x), Some(y)) => Some((x.0.min(y.0), x.1.max(y.1))),
        (x, y) => x.or(y),
    }
}

/// The live neighbours of cluster `a` after `b` merged into it (taking both lists).
pub(crate) fn merged_neighbours(
    adj: &mut [Vec<u32>],
    alive: &[bool],
    a: usize,
    b: usize,
) -> Vec<u32> {
    let mut nbrs: Vec<u32> = std::mem::take(&mut adj[a]);
    nbrs.extend(std::mem::take(&mut adj[b]));
    nbrs.sort_unstable();
    nbrs.dedup();
    nbrs.retain(|&c| alive[c as usize] && c as usize != a);
    nbrs
}

/// In a neighbour's list, cluster `b` (merged away) becomes `a`.
pub(crate) fn point_to_merged(list: &mut Vec<u32>, a: usize, b: usize) {
    if let Some(pos) = list.iter().position(|&x| x as usize == b) {
        list.swap_remove(pos);
    }
    if !list.contains(&(a as u32)) {
        list.push(a as u32);
    }
}

/// Each article's cluster: the root of its merge chain.
pub(crate) fn roots(parent: &[usize]) -> Vec<usize> {
    (0..parent.len())
        .map(|mut i| {
            while parent[i] != i {
                i = parent[i];
            }
            i
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unit(terms: &[(u32, f32)]) -> SparseVec {
        let mut v = terms.to_vec();
        v.sort_by_key(|e| e.0);
        normalize(&mut v);
        v
    }

    fn params(k: usize, hub: f32) -> GraphParams {
        GraphParams {
            k,
            index_terms: 30,
            query_terms: 12,
            max_postings: 64,
            hub_rank: 2,
            hub_weight: hub,
            window: Some(7),
        }
    }

    #[test]
    fn neighbours_are_sorted_and_exclude_self() {
        let vecs = vec![
            unit(&[(2, 1.0), (4, 1.0)]),
            unit(&[(2, 1.0), (4, 0.9), (6, 0.2)]),
            unit(&[(2, 1.0), (8, 1.0)]),
            unit(&[(10, 1.0)]),
        ];
        let nb = neighbours(&vecs, &[None; 4], params(5, 0.0));
        assert_eq!(nb[0].iter().map(|e| e.0).collect::<Vec<_>>(), vec![1, 2]);
        assert!(nb[0][0].1 > nb[0][1].1);
        assert!(nb[3].is_empty(), "no shared term, no neighbour");
    }

    #[test]
    fn window_excludes_far_days() {
        let vecs = vec![unit(&[(2, 1.0)]), unit(&[(2, 1.0)])];
        let nb = neighbours(&vecs, &[Some(0), Some(30)], params(5, 0.0));
        assert!(nb[0].is_empty() && nb[1].is_empty());
    }

    #[test]
    fn hubness_reduction_demotes_an_article_close_to_everyone() {
        // 0 is a little closer to the hub 1 (close to everything) than to 2.
        let vecs = vec![
            unit(&[(2, 1.0), (4, 1.0), (12, 0.3)]),
            unit(&[(2, 1.0), (4, 1.0), (6, 1.0), (8, 1.0), (10, 1.0)]),
            unit(&[(2, 1.0), (12, 1.0), (14, 0.6)]),
            unit(&[(6, 1.0), (8, 1.0)]),
            unit(&[(8, 1.0), (10, 1.0)]),
        ];
        let plain = neighbours(&vecs, &[None; 5], params(3, 0.0));
        assert_eq!(plain[0][0].0, 1);
        let reduced = neighbours(&vecs, &[None; 5], params(3, 1.0));
        assert_eq!(reduced[0][0].0, 2);
    }

    #[test]
    fn expansion_adds_neighbour_terms() {
        let vecs = vec![unit(&[(2, 1.0), (4, 1.0)]), unit(&[(2, 1.0), (6, 1.0)])];
        let nb = neighbours(&vecs, &[None; 2], params(5, 0.0));
        let x = expand(&vecs, &nb, 2, 0.0, 1.0, 100);
        assert!(x[0].iter().any(|e| e.0 == 6));
        let n: f32 = x[0].iter().map(|e| e.1 * e.1).sum();
        assert!((n - 1.0).abs() < 1e-5);
        assert!(dot(&x[0], &x[1]) > dot(&vecs[0], &vecs[1]));
    }

    #[test]
    fn average_link_stops_at_the_threshold_and_density_raises_the_bar() {
        // Two tight pairs that share one term weakly.
        let vecs = vec![
            unit(&[(2, 1.0), (4, 1.0), (20, 0.2)]),
            unit(&[(2, 1.0), (4, 0.8), (20, 0.2)]),
            unit(&[(6, 1.0), (8, 1.0), (20, 0.2)]),
            unit(&[(6, 1.0), (8, 0.8), (20, 0.2)]),
        ];
        let days = [None; 4];
        let nb = neighbours(&vecs, &days, params(3, 0.0));
        let a = average_link(&vecs, &nb, &days, None, 0.5, (0, 0.0));
        assert_eq!(a[0], a[1]);
        assert_eq!(a[2], a[3]);
        assert_ne!(a[0], a[2]);
        // Everything joins at a low bar ...
        let low = average_link(&vecs, &nb, &days, None, 0.01, (0, 0.0));
        assert!(low.iter().all(|&c| c == low[0]));
        // ... unless the density term (cosine to the second neighbour) lifts it.
        let dense = average_link(&vecs, &nb, &days, None, 0.01, (2, 1.0));
        assert_eq!(dense[0], dense[1]);
        assert_ne!(dense[0], dense[2]);
    }
}
