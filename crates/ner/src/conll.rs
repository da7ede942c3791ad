//! Reader for CoNLL-style column files (CoNLL-2003, UNER, GUM, WNUT, BTC).
//!
//! Tags may be IOB1 (original CoNLL-2003: `I-X` everywhere, `B-X` only between
//! touching entities of one type) or IOB2; both are normalised to IOB2.
//! `-DOCSTART-` lines and blank lines end sentences; `# key = value` comment
//! lines (UD style) are skipped.

use crate::{Kind, NerError, NerLabel};
use std::path::Path;

/// One labelled sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    pub words: Vec<String>,
    pub labels: Vec<NerLabel>,
}

/// Which columns hold the word and the label.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Columns {
    pub word: usize,
    /// `None`: the last column.
    pub label: Option<usize>,
}

/// Read a file: word in the first column, label in the last.
pub fn read(path: impl AsRef<Path>) -> Result<Vec<Sentence>, NerError> {
    read_with(path, Columns::default(), &|t| NerLabel::parse(t))
}

/// Read a file as documents (split at `-DOCSTART-` and `# newdoc` lines; a
/// file without either is one document).
pub fn read_documents(path: impl AsRef<Path>) -> Result<Vec<Vec<Sentence>>, NerError> {
    read_documents_with(path, Columns::default(), &|t| NerLabel::parse(t))
}

/// [`read_documents`] with explicit columns and tag parser.
pub fn read_documents_with(
    path: impl AsRef<Path>,
    cols: Columns,
    parse: &dyn Fn(&str) -> Option<NerLabel>,
) -> Result<Vec<Vec<Sentence>>, NerError> {
    let path = path.as_ref();
    let text = std::fs::read_to_string(path).map_err(|e| NerError::Io {
        path: path.display().to_string(),
        source: e,
    })?;
    let (sents, starts) = parse_marked(&text, &path.display().to_string(), cols, parse)?;
    Ok(split_docs(sents, &starts))
}

/// Group sentences into documents given the indices where documents start.
fn split_docs(sents: Vec<Sentence>, starts: &[usize]) -> Vec<Vec<Sentence>> {
    let mut docs: Vec<Vec<Sentence>> = Vec::new();
    let mut next = starts.iter().peekable();
    for (i, s) in sents.into_iter().enumerate() {
        let mut new_doc = docs.is_empty();
        while next.peek().is_some_and(|&&b| b <= i) {
            next.next();
            new_doc = true;
        }
        if new_doc {
            docs.push(Vec::new());
        }
        if let Some(d) = docs.last_mut() {
            d.push(s);
        }
    }
    docs
}

/// Read a file with explicit columns and tag parser (for per-corpus label maps).
pub fn read_with(
    path: impl AsRef<Path>,
    cols: Columns,
    parse: &dyn Fn(&str) -> Option<NerLabel>,
) -> Result<Vec<Sentence>, NerError> {
    let path = path.as_ref();
    let text = std::fs::read_to_string(path).map_err(|e| NerError::Io {
        path: path.display().to_string(),
        source: e,
    })?;
    parse_str(&text, &path.display().to_string(), cols, parse)
}

fn is_comment(line: &str) -> bool {
    line.starts_with("# ") && (line.contains(" = ") || line.starts_with("# newdoc"))
}

/// Parse file contents; `name` is used in error messages.
pub fn parse_str(
    text: &str,
    name: &str,
    cols: Columns,
    parse: &dyn Fn(&str) -> Option<NerLabel>,
) -> Result<Vec<Sentence>, NerError> {
    Ok(parse_marked(text, name, cols, parse)?.0)
}

/// Parse file contents into documents.
pub fn parse_documents(
    text: &str,
    name: &str,
    cols: Columns,
    parse: &dyn Fn(&str) -> Option<NerLabel>,
) -> Result<Vec<Vec<Sentence>>, NerError> {
    let (sents, starts) = parse_marked(text, name, cols, parse)?;
    Ok(split_docs(sents, &starts))
}

/// Sentences plus the indices of the sentences that begin a document.
fn parse_marked(
    text: &str,
    name: &str,
    cols: Columns,
    parse: &dyn Fn(&str) -> Option<NerLabel>,
) -> Result<(Vec<Sentence>, Vec<usize>), NerError> {
    let mut starts = Vec::new();
    let mut out = Vec::new();
    let mut words = Vec::new();
    let mut raw: Vec<NerLabel> = Vec::new();
    let flush = |words: &mut Vec<String>, raw: &mut Vec<NerLabel>, out: &mut Vec<Sentence>| {
        if !words.is_empty() {
            out.push(Sentence {
                words: std::mem::take(words),
                labels: to_iob2(raw),
            });
        }
        raw.clear();
    };
    for (n, line) in text.lines().enumerate() {
        let line = line.trim_end_matches(['\r', '\n']);
        if line.trim().is_empty() {
            flush(&mut words, &mut raw, &mut out);
            continue;
        }
        if is_comment(line) {
            if line.starts_with("# newdoc") {
                flush(&mut words, &mut raw, &mut out);
                starts.push(out.len());
            }
            continue;
        }
        // Tab-separated files may have an empty word column (a stripped emoji
        // in BTC): such a token is skipped. Otherwise split on any whitespace.
        let fields: Vec<&str> = if line.contains('\t') {
            line.split('\t').map(str::trim).collect()
        } else {
            line.split(' ').filter(|f| !f.is_empty()).collect()
        };
        if fields.first() == Some(&"-DOCSTART-") {
            flush(&mut words, &mut raw, &mut out);
            starts.push(out.len());
            continue;
        }
        let bad = |msg: &str| NerError::Format {
            path: name.to_string(),
            line: n + 1,
            msg: msg.to_string(),
        };
        if fields.len() < 2 {
            return Err(bad("expected at least two columns (word and label)"));
        }
        let li = cols.label.unwrap_or(fields.len() - 1);
        let (Some(word), Some(tag)) = (fields.get(cols.word), fields.get(li)) else {
            return Err(bad("missing word or label column"));
        };
        if word.is_empty() {
            continue;
        }
        let label = parse(tag).ok_or_else(|| bad(&format!("not a BIO tag: {tag:?}")))?;
        words.push((*word).to_string());
        raw.push(label);
    }
    flush(&mut words, &mut raw, &mut out);
    Ok((out, starts))
}

/// Normalise IOB1 or IOB2 to IOB2: an `I-X` that does not continue an `X`
/// entity begins one.
pub fn to_iob2(labels: &[NerLabel]) -> Vec<NerLabel> {
    let mut out: Vec<NerLabel> = Vec::with_capacity(labels.len());
    for &l in labels {
        let prev = out.last().copied().unwrap_or(NerLabel::O);
        out.push(match l {
            NerLabel::I(k) if !prev.can_precede(l) => NerLabel::B(k),
            other => other,
        });
    }
    out
}

/// Map all MISC labels to O (for corpora whose MISC is not CoNLL-like).
pub fn drop_kind(s: &mut Sentence, kind: Kind) {
    for l in &mut s.labels {
        if l.kind() == Some(kind) {
            *l = NerLabel::O;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use NerLabel::*;

    fn p(t: &str) -> Option<NerLabel> {
        NerLabel::parse(t)
    }

    #[test]
    fn iob1_with_docstart() {
        let text = "-DOCSTART- -X- O O\n\nEU NNP I-NP I-ORG\nrejects VBZ I-VP O\nGerman JJ I-NP I-MISC\n\
                    call NN I-NP O\n\nPeter NNP I-NP I-PER\nBlackburn NNP I-NP I-PER\nSmith NNP I-NP B-PER\n";
        let s = parse_str(text, "t", Columns::default(), &p).unwrap();
        assert_eq!(s.len(), 2);
        assert_eq!(s[0].words, vec!["EU", "rejects", "German", "call"]);
        assert_eq!(s[0].labels, vec![B(Kind::Org), O, B(Kind::Misc), O]);
        assert_eq!(s[1].labels, vec![B(Kind::Per), I(Kind::Per), B(Kind::Per)]);
    }

    #[test]
    fn documents_split_at_docstart_and_newdoc() {
        let text = "-DOCSTART- O\n\na O\n\nb O\n\n-DOCSTART- O\n\nc O\n";
        let d = parse_documents(text, "t", Columns::default(), &p).unwrap();
        assert_eq!(d.len(), 2);
        assert_eq!(d[0].len(), 2);
        assert_eq!(d[1][0].words, vec!["c"]);
        let ud = "# newdoc id = x\n1\ta\tO\n\n# newdoc id = y\n1\tb\tO\n\n1\tc\tO\n";
        let cols = Columns {
            word: 1,
            label: Some(2),
        };
        let d = parse_documents(ud, "t", cols, &p).unwrap();
        assert_eq!(d.iter().map(Vec::len).collect::<Vec<_>>(), vec![1, 2]);
        // No markers: one document.
        let d = parse_documents("a O\n\nb O\n", "t", Columns::default(), &p).unwrap();
        assert_eq!(d.len(), 1);
    }

    #[test]
    fn iob2_ud_columns_and_comments() {
        let text =
            "# sent_id = x-1\n# text = Al Zaman : hi\n1\tAl\tB-ORG\t-\ts\n2\tZaman\tI-ORG\t-\ts\n\
                    3\t:\tO\n\n\n4\tKyiv\tB-LOC\t-\ts\n";
        let cols = Columns {
            word: 1,
            label: Some(2),
        };
        let s = parse_str(text, "t", cols, &p).unwrap();
        assert_eq!(s.len(), 2);
        assert_eq!(s[0].words, vec!["Al", "Zaman", ":"]);
        assert_eq!(s[0].labels, vec![B(Kind::Org), I(Kind::Org), O]);
        assert_eq!(s[1].labels, vec![B(Kind::Loc)]);
    }

    #[test]
    fn bad_tag_names_line() {
        let err = parse_str("a O\nb NNP\n", "f.conll", Columns::default(), &p).unwrap_err();
        assert!(err.to_string().contains("f.conll:2"), "{err}");
    }

    #[test]
    fn hash_token_is_not_a_comment() {
        let s = parse_str("# SYM O\nx O\n", "t", Columns::default(), &p).unwrap();
        assert_eq!(s[0].words, vec!["#", "x"]);
    }
}
