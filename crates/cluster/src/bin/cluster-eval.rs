//! Evaluates story clustering on a gold JSONL file, or clusters a directory of
//! `.txt` articles (title on the first line) and reports stories and speed.
//!
//! cluster-eval FILE.jsonl [--half first|second|all] [--stories FROM:TO]
//!              [--threshold X] [--graph-threshold X] [--no-graph] [--window DAYS|none]
//!              [--refine N] [--shuffle SEED] [--agglomerate] [--diag] [--nn] [--learned|--no-learned] ...
//! (--nn: share of articles whose nearest neighbour is in their story, as the
//! graph path sees it; CLUSTER_DUMP=1 lists the misses.)
//! cluster-eval --texts DIR [--dates-from-names] [same options]

use rashomon_cluster::eval::{evaluate_records, read_records, thread_cpu_seconds};
use rashomon_cluster::{cluster, features_with, parse_day, ClusterConfig, OnlineClusterer};
use rashomon_model::StoryGroup;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("cluster-eval: {e}");
            ExitCode::FAILURE
        }
    }
}

fn run() -> Result<(), String> {
    let mut cfg = ClusterConfig::default();
    let mut file: Option<PathBuf> = None;
    let mut texts: Option<PathBuf> = None;
    let mut shuffle: Option<u64> = None;
    let mut diag = false;
    let mut nn = false;
    let mut half: Option<String> = None;
    let mut stories: Option<(usize, usize)> = None;
    let mut dates_from_names = false;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let mut val = |name: &str| args.next().ok_or(format!("{name} needs a value"));
        match a.as_str() {
            "--threshold" => cfg.threshold = num(&val(&a)?)?,
            "--name-boost" => cfg.name_boost = num(&val(&a)?)?,
            "--refine" => cfg.refine_passes = num(&val(&a)?)?,
            "--query-terms" => cfg.query_terms = num(&val(&a)?)?,
            "--index-terms" => cfg.index_terms = num(&val(&a)?)?,
            "--window" => {
                let v = val(&a)?;
                cfg.window_days = if v == "none" { None } else { Some(num(&v)?) };
            }
            "--centroid" => cfg.average_link = false,
            "--max-terms" => cfg.max_centroid_terms = num(&val(&a)?)?,
            "--title-weight" => cfg.features.title = num(&val(&a)?)?,
            "--name-weight" => cfg.features.name = num(&val(&a)?)?,
            "--bigram-weight" => cfg.features.bigram = num(&val(&a)?)?,
            "--agglomerate" => cfg.agglomerate = true,
            "--article-terms" => cfg.max_article_terms = num(&val(&a)?)?,
            "--idf-power" => cfg.idf_power = num(&val(&a)?)?,
            "--diag" => diag = true,
            "--nn" => nn = true,
            "--expand-ratio" => cfg.expand_ratio = num(&val(&a)?)?,
            "--min-df" => cfg.min_df = num(&val(&a)?)?,
            "--graph" => cfg.graph = true,
            "--no-graph" => cfg.graph = false,
            "--no-learned" => cfg.learned = false,
            "--learned" => cfg.learned = true,
            "--neighbours" => cfg.neighbours = num(&val(&a)?)?,
            "--expand" => cfg.expand_neighbours = num(&val(&a)?)?,
            "--expansion" => cfg.expansion = num(&val(&a)?)?,
            "--graph-threshold" => cfg.graph_threshold = num(&val(&a)?)?,
            "--graph-index-terms" => cfg.graph_index_terms = num(&val(&a)?)?,
            "--density-rank" => cfg.density_rank = num(&val(&a)?)?,
            "--density-penalty" => cfg.density_penalty = num(&val(&a)?)?,
            "--hub-rank" => cfg.hub_rank = num(&val(&a)?)?,
            "--hub-weight" => cfg.hub_weight = num(&val(&a)?)?,
            "--online-density" => cfg.online_density_penalty = num(&val(&a)?)?,
            "--graph-postings" => cfg.graph_postings = num(&val(&a)?)?,
            "--max-postings" => cfg.max_postings = num(&val(&a)?)?,
            "--half" => half = Some(val(&a)?),
            "--stories" => {
                let v: Vec<usize> = val(&a)?.split(':').map(num).collect::<Result<_, _>>()?;
                stories = Some((v[0], *v.get(1).unwrap_or(&usize::MAX)));
            }
            "--min-graph" => cfg.graph_min_articles = num(&val(&a)?)?,
            "--shuffle" => shuffle = Some(num(&val(&a)?)?),
            "--dates-from-names" => dates_from_names = true,
            "--texts" => texts = Some(PathBuf::from(val(&a)?)),
            _ if a.starts_with("--") => return Err(format!("unknown option {a}")),
            _ => file = Some(PathBuf::from(a)),
        }
    }
    if let Some(dir) = texts {
        return cluster_texts(&dir, &cfg, dates_from_names);
    }
    let file = file.ok_or("usage: cluster-eval FILE.jsonl [options] | --texts DIR")?;
    let (mut records, errors) = read_records(&file).map_err(|e| e.to_string())?;
    if let Some(seed) = shuffle {
        // Fisher-Yates with a fixed LCG: shows the result does not rely on file order.
        let mut s = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
        for i in (1..records.len()).rev() {
            s = s
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            records.swap(i, ((s >> 33) % (i as u64 + 1)) as usize);
        }
    }
    if let Some(h) = half {
        records = rashomon_cluster::eval::half(records, &h).map_err(|e| e.to_string())?;
    }
    if let Some((from, to)) = stories {
        // Stories from..to in order of first appearance (a small-batch check).
        let mut order: std::collections::HashMap<String, usize> = Default::default();
        records.retain(|r| {
            let next = order.len();
            let i = *order.entry(r.story.clone()).or_insert(next);
            (from..to).contains(&i)
        });
    }
    if nn {
        let (feats, gold) = rashomon_cluster::eval::features_and_labels(&records, &cfg);
        let acc = rashomon_cluster::nearest_neighbour_accuracy(&feats, &gold, &cfg);
        println!(
            "{{\"articles\":{},\"nearest_is_mate\":{acc:.4}}}",
            records.len()
        );
        if std::env::var_os("CLUSTER_DUMP").is_some() {
            for (i, l) in rashomon_cluster::nearest_neighbours(&feats, &cfg)
                .iter()
                .enumerate()
            {
                if let Some(&(j, s)) = l.first() {
                    if gold[j] != gold[i] {
                        let mates: Vec<String> = l
                            .iter()
                            .filter(|e| gold[e.0] == gold[i])
                            .map(|e| format!("{:.2}", e.1))
                            .collect();
                        println!(
                            "--- {:.2} mates {:?}\n  {} | {}\n  NN {} | {}",
                            s,
                            mates,
                            records[i].title,
                            records[i].text,
                            records[j].title,
                            records[j].text
                        );
                    }
                }
            }
        }
        return Ok(());
    }
    if let Ok(out) = std::env::var("CLUSTER_ASSIGN") {
        // Debug: batch story number of each record, one per line.
        let (feats, _) = rashomon_cluster::eval::features_and_labels(&records, &cfg);
        let mut label = vec![0; records.len()];
        for (g, s) in cluster(feats, &cfg).iter().enumerate() {
            for &m in &s.members {
                label[m] = g;
            }
        }
        let text: String = label.iter().map(|l| format!("{l}\n")).collect();
        std::fs::write(&out, text).map_err(|e| e.to_string())?;
    }
    if diag {
        let stats = rashomon_cluster::eval::neighbour_stats(&records, &cfg);
        println!(
            "{}",
            serde_json::to_string(&stats).map_err(|e| e.to_string())?
        );
        return Ok(());
    }
    let report = evaluate_records(&file.display().to_string(), &records, errors, &cfg);
    let json = serde_json::to_string_pretty(&report).map_err(|e| e.to_string())?;
    println!("{json}");
    Ok(())
}

fn diff(a: Option<f64>, b: Option<f64>) -> Option<f64> {
    Some(a? - b?)
}

/// A date embedded in a file name ("outlet_2016-03-15_slug.txt").
fn date_in_name(p: &std::path::Path) -> Option<String> {
    let name = p.file_name()?.to_str()?;
    name.split('_')
        .find(|part| parse_day(part).is_some())
        .map(str::to_string)
}

fn num<T: std::str::FromStr>(s: &str) -> Result<T, String> {
    s.parse().map_err(|_| format!("not a number: {s}"))
}

/// Clusters every `.txt` file of `dir` (sorted by name) and prints story counts and speed.
fn cluster_texts(dir: &PathBuf, cfg: &ClusterConfig, dates_from_names: bool) -> Result<(), String> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    let mut docs = Vec::new();
    for p in &paths {
        match std::fs::read_to_string(p) {
            Ok(t) => {
                let (title, body) = t.split_once('\n').unwrap_or((t.as_str(), ""));
                docs.push((
                    title.to_string(),
                    body.to_string(),
                    if dates_from_names {
                        date_in_name(p)
                    } else {
                        None
                    },
                ));
            }
            Err(e) => eprintln!("{}: {e}", p.display()),
        }
    }
    let cpu = thread_cpu_seconds;
    let (t, c) = (Instant::now(), cpu());
    let feats: Vec<_> = docs
        .iter()
        .map(|(a, b, d)| features_with(a, b, &[], d.as_deref(), &cfg.features))
        .collect();
    let feat = (t.elapsed().as_secs_f64(), diff(cpu(), c));
    let (t, c) = (Instant::now(), cpu());
    let groups = cluster(feats.clone(), cfg);
    let batch = (t.elapsed().as_secs_f64(), diff(cpu(), c));
    let (t, c) = (Instant::now(), cpu());
    let mut online = OnlineClusterer::new(cfg.clone());
    for f in feats {
        online.add(f);
    }
    let online_groups = online.stories();
    let online = (t.elapsed().as_secs_f64(), diff(cpu(), c));
    let n = docs.len() as f64;
    let multi = |g: &[StoryGroup]| g.iter().filter(|s| s.members.len() > 1).count();
    let largest = |g: &[StoryGroup]| g.iter().map(|s| s.members.len()).max();
    // Speeds include feature extraction.
    let speed = |(w, c): (f64, Option<f64>)| {
        serde_json::json!({
            "seconds": w + feat.0,
            "articles_per_sec": n / (w + feat.0).max(1e-9),
            "cpu_seconds": c.zip(feat.1).map(|(c, f)| c + f),
            "articles_per_cpu_sec": c.zip(feat.1).map(|(c, f)| n / (c + f).max(0.01)),
        })
    };
    let out = serde_json::json!({
        "dir": dir.display().to_string(),
        "articles": docs.len(),
        "dated": docs.iter().filter(|d| d.2.is_some()).count(),
        "feature_seconds": feat.0,
        "feature_cpu_seconds": feat.1,
        "batch": {"stories": groups.len(), "multi_article_stories": multi(&groups),
                  "largest": largest(&groups), "speed": speed(batch)},
        "online": {"stories": online_groups.len(), "multi_article_stories": multi(&online_groups),
                   "largest": largest(&online_groups), "speed": speed(online)},
        "examples": groups.iter().filter(|s| s.members.len() > 1).take(8)
            .map(|s| s.members.iter().map(|&m| paths[m].file_name().map(|f| f.to_string_lossy().to_string())).collect::<Vec<_>>())
            .collect::<Vec<_>>(),
    });
    println!(
        "{}",
        serde_json::to_string_pretty(&out).map_err(|e| e.to_string())?
    );
    Ok(())
}
