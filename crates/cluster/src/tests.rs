use super::*;

fn f(title: &str, text: &str) -> ArticleFeatures {
    features(title, text, &[], None)
}

/// Two made-up stories, three takes on each, interleaved, plus one unrelated article.
fn corpus() -> Vec<ArticleFeatures> {
    vec![
        f(
            "Riverton closes harbour bridge for repairs",
            "The Riverton council voted to close the harbour bridge for eighteen months after engineers found corrosion in its steel supports.",
        ),
        f(
            "Glacier Valley wildfire forces evacuations",
            "A wildfire in Glacier Valley forced thousands of residents to evacuate as firefighters battled strong winds.",
        ),
        f(
            "Corroded supports shut Riverton's harbour bridge",
            "Engineers found corrosion in the steel supports of the harbour bridge, and the Riverton council closed it; a ferry will replace it.",
        ),
        f(
            "Thousands flee Glacier Valley wildfire",
            "Residents of Glacier Valley fled the wildfire overnight while firefighters fought the flames driven by winds.",
        ),
        f(
            "Chess prodigy wins national title",
            "A twelve-year-old won the national chess championship in a tense final game on Sunday.",
        ),
        f(
            "Harbour bridge closure angers Riverton shop owners",
            "Shop owners said the closure of the harbour bridge in Riverton for corrosion repairs would hurt trade.",
        ),
        f(
            "Winds fan Glacier Valley wildfire as evacuations grow",
            "Firefighters said strong winds spread the Glacier Valley wildfire, and more residents were told to evacuate.",
        ),
    ]
}

fn members(groups: &[StoryGroup]) -> Vec<Vec<usize>> {
    groups.iter().map(|g| g.members.clone()).collect()
}

#[test]
fn online_groups_two_stories_and_keeps_unrelated_apart() {
    let mut c = OnlineClusterer::new(ClusterConfig::default());
    let ids: Vec<usize> = corpus().into_iter().map(|a| c.add(a)).collect();
    assert_eq!(ids[0], ids[2]);
    assert_eq!(ids[0], ids[5]);
    assert_eq!(ids[1], ids[3]);
    assert_eq!(ids[1], ids[6]);
    assert_ne!(ids[0], ids[1]);
    assert_ne!(ids[4], ids[0]);
    assert_ne!(ids[4], ids[1]);
    assert_eq!(
        members(&c.stories()),
        vec![vec![0, 2, 5], vec![1, 3, 6], vec![4]]
    );
    assert_eq!(
        c.stories()[ids[4]].members,
        vec![4],
        "story id = index in stories()"
    );
}

#[test]
fn batch_groups_two_stories_and_keeps_unrelated_apart() {
    for (graph, agglomerate) in [(true, false), (false, false), (false, true)] {
        let cfg = ClusterConfig {
            graph,
            agglomerate,
            ..ClusterConfig::default()
        };
        let groups = cluster(corpus(), &cfg);
        assert_eq!(
            members(&groups),
            vec![vec![0, 2, 5], vec![1, 3, 6], vec![4]]
        );
    }
}

#[test]
fn unrelated_articles_stay_apart() {
    let docs = vec![
        f(
            "Chess prodigy wins title",
            "A twelve-year-old won the chess final.",
        ),
        f(
            "Bakery sells record cakes",
            "A small bakery sold a record number of cakes.",
        ),
        f(
            "Rover lands on Mars",
            "The space agency's rover landed safely on Mars.",
        ),
        f(
            "Rail strike called off",
            "Unions called off a planned rail strike after talks.",
        ),
    ];
    let groups = cluster(docs.clone(), &ClusterConfig::default());
    assert_eq!(groups.len(), 4);
    let mut c = OnlineClusterer::new(ClusterConfig::default());
    let ids: Vec<usize> = docs.into_iter().map(|d| c.add(d)).collect();
    assert_eq!(ids, vec![0, 1, 2, 3]);
}

#[test]
fn same_order_gives_same_output() {
    let run = || {
        let mut c = OnlineClusterer::new(ClusterConfig::default());
        let ids: Vec<usize> = corpus().into_iter().map(|a| c.add(a)).collect();
        (
            ids,
            c.stories(),
            cluster(corpus(), &ClusterConfig::default()),
        )
    };
    let first = run();
    for _ in 0..5 {
        assert_eq!(run(), first);
    }
}

#[test]
fn batch_partition_does_not_depend_on_input_order() {
    let mut docs = corpus();
    docs.reverse();
    let n = docs.len();
    // Reversed input, mapped back to the original indices.
    let mut reversed: Vec<Vec<usize>> = cluster(docs, &ClusterConfig::default())
        .iter()
        .map(|g| {
            let mut m: Vec<usize> = g.members.iter().map(|&i| n - 1 - i).collect();
            m.sort_unstable();
            m
        })
        .collect();
    reversed.sort();
    assert_eq!(
        reversed,
        members(&cluster(corpus(), &ClusterConfig::default()))
    );
}

#[test]
fn time_window_separates_distant_dates() {
    let cfg = ClusterConfig::default();
    let a = features(
        "Riverton closes harbour bridge",
        "The Riverton council closed the harbour bridge over corrosion.",
        &[],
        Some("2024-01-10"),
    );
    let mut b = a.clone();
    b.day = parse_day("2024-01-12");
    let mut far = a.clone();
    far.day = parse_day("2025-06-01");
    let mut c = OnlineClusterer::new(cfg.clone());
    assert_eq!(c.add(a.clone()), 0);
    assert_eq!(c.add(b), 0, "two days apart: same story");
    assert_eq!(
        c.add(far.clone()),
        1,
        "a year and a half later: a new story"
    );
    let none = ClusterConfig {
        window_days: None,
        ..cfg.clone()
    };
    let mut c = OnlineClusterer::new(none);
    c.add(a.clone());
    assert_eq!(
        c.add(far.clone()),
        0,
        "without a window the dates do not matter"
    );
    assert_eq!(cluster(vec![a, far], &cfg).len(), 2);
}

#[test]
fn entity_names_add_name_terms() {
    let plain = f("Talks resume", "Negotiators met again on Monday.");
    let named = features(
        "Talks resume",
        "Negotiators met again on Monday.",
        &["Elena Brooks".to_string()],
        None,
    );
    assert_eq!(plain.name_count(), 0);
    assert_eq!(named.name_count(), 2);
}

#[test]
fn prior_idf_table_is_used_and_not_updated() {
    // "bridge" is very common in the prior, so the shared rare word decides.
    let df = vec![("bridg", 1000u32), ("riverton", 1)];
    let mut c = OnlineClusterer::with_idf(ClusterConfig::default(), df, 1000);
    let a = c.add(f("Riverton bridge", "Riverton bridge"));
    let b = c.add(f("Bridge", "A bridge somewhere else"));
    assert_ne!(a, b);
    let (rare, common) = (online::Vocab::id("riverton"), online::Vocab::id("bridg"));
    assert!(c.vocab.idf(rare) > c.vocab.idf(common) + 5.0);
    assert_eq!(c.vocab.docs(), 1000, "a prior table is not updated");
}

#[test]
fn empty_input_gives_no_stories() {
    assert!(cluster(Vec::new(), &ClusterConfig::default()).is_empty());
    let c = OnlineClusterer::new(ClusterConfig::default());
    assert!(c.stories().is_empty());
    // An article with no content words is its own story.
    let mut c = OnlineClusterer::new(ClusterConfig::default());
    assert_eq!(c.add(f("", "")), 0);
    assert_eq!(c.add(f("", "")), 1);
}

#[test]
fn allsides_sample_clusters_well_above_singletons() {
    let path = std::path::Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/eval/allsides/train.jsonl"
    ));
    if !path.exists() {
        eprintln!("skipping: {} not found", path.display());
        return;
    }
    let (records, errors) = eval::read_records(path).unwrap();
    assert!(errors.is_empty());
    let sample = &records[..600.min(records.len())];
    let r = eval::evaluate_records("sample", sample, Vec::new(), &ClusterConfig::default());
    // All singletons would give BCubed F1 0.5 on these triples.
    eprintln!(
        "sample: batch {:?} online {:?}",
        r.batch.scores.bcubed, r.online.scores.bcubed
    );
    assert!(r.batch.scores.bcubed.f1 > 0.85, "{:?}", r.batch.scores);
    assert!(r.online.scores.bcubed.f1 > 0.7, "{:?}", r.online.scores);
}

#[test]
fn stale_stories_are_retired_when_too_many_are_open() {
    let cfg = ClusterConfig {
        max_live_stories: 2,
        ..ClusterConfig::default()
    };
    let docs = corpus();
    let mut c = OnlineClusterer::new(cfg);
    // Bridge story first, then five unrelated one-offs push it out.
    assert_eq!(c.add(docs[0].clone()), 0);
    for (i, t) in [
        "Chess final",
        "Bakery record",
        "Mars rover",
        "Rail strike",
        "Opera gala",
    ]
    .iter()
    .enumerate()
    {
        assert_eq!(c.add(f(t, t)), i + 1);
    }
    // A second bridge report can no longer join story 0: it opens a new one.
    assert_eq!(c.add(docs[2].clone()), 6);
    assert_eq!(c.stories().len(), 7, "retired stories are still reported");
    assert!(c.stories.iter().filter(|s| !s.retired).count() <= 3);
}

#[test]
fn learned_scorer_is_skipped_on_small_batches_and_order_free() {
    let off = ClusterConfig {
        learned: false,
        ..ClusterConfig::default()
    };
    // Below `learned_min_articles` the cosine path runs unchanged.
    assert_eq!(
        cluster(corpus(), &ClusterConfig::default()),
        cluster(corpus(), &off)
    );
    // Forced on a tiny batch: the partition still does not depend on input order.
    let on = ClusterConfig {
        learned_min_articles: 0,
        ..ClusterConfig::default()
    };
    let n = corpus().len();
    let mut docs = corpus();
    docs.reverse();
    let mut reversed: Vec<Vec<usize>> = cluster(docs, &on)
        .iter()
        .map(|g| {
            let mut m: Vec<usize> = g.members.iter().map(|&i| n - 1 - i).collect();
            m.sort_unstable();
            m
        })
        .collect();
    reversed.sort();
    let forward = members(&cluster(corpus(), &on));
    assert_eq!(reversed, forward);
    assert!(forward.iter().all(|g| !g.contains(&4) || g.len() == 1));
}

#[test]
fn learned_scorer_on_allsides_sample_beats_singletons_and_is_deterministic() {
    let path = std::path::Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/eval/allsides/train.jsonl"
    ));
    if !path.exists() {
        eprintln!("skipping: {} not found", path.display());
        return;
    }
    let (records, _) = eval::read_records(path).unwrap();
    let sample = &records[..600.min(records.len())];
    let cfg = ClusterConfig {
        learned: true,
        ..ClusterConfig::default()
    };
    assert!(PairModel::builtin().is_some());
    let (feats, gold) = eval::features_and_labels(sample, &cfg);
    let a = cluster(feats.clone(), &cfg);
    assert_eq!(a, cluster(feats.clone(), &cfg));
    let s = eval::score(&gold, &eval::labels(&a, gold.len()));
    assert!(s.bcubed.f1 > 0.85, "{:?}", s.bcubed);
    let ex = pair_examples(&feats, &gold, &cfg);
    assert!(ex.iter().any(|e| e.1) && ex.iter().any(|e| !e.1));
}
