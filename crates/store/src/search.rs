//! The tantivy full-text index beside the database (`<db>.index/`).
//!
//! SQLite is the source of truth. The index records, in its commit payload,
//! the last article `seq` it holds; documents are only ever added in `seq`
//! order after the SQLite commit, so "everything up to the payload" is
//! exactly what the index contains and a gap is re-indexed on open.

use crate::StoreError;
use std::path::Path;
use tantivy::collector::TopDocs;
use tantivy::query::QueryParser;
use tantivy::schema::{Field, Schema, Value, FAST, INDEXED, STORED, STRING, TEXT};
use tantivy::{Index, IndexReader, IndexWriter, ReloadPolicy, TantivyDocument, Term};

/// Writer heap: one indexing thread, enough to buffer thousands of articles
/// between commits while keeping peak memory modest.
const WRITER_HEAP: usize = 48 * 1024 * 1024;

pub(crate) struct Fields {
    pub seq: Field,
    pub id: Field,
    pub title: Field,
    pub text: Field,
    pub source: Field,
    pub story: Field,
}

/// What gets indexed for one article.
pub(crate) struct IndexDoc<'a> {
    pub seq: i64,
    pub id: &'a str,
    pub title: &'a str,
    pub text: &'a str,
    pub source: &'a str,
    pub story: Option<i64>,
}

pub(crate) struct SearchIndex {
    index: Index,
    reader: IndexReader,
    writer: Option<IndexWriter>,
    pub fields: Fields,
    /// Highest seq added to the writer (committed or not).
    pub added_seq: i64,
    /// Highest seq in the last commit.
    pub committed_seq: i64,
    pub uncommitted: usize,
}

fn schema() -> (Schema, Fields) {
    let mut b = Schema::builder();
    let fields = Fields {
        seq: b.add_u64_field("seq", INDEXED | STORED | FAST),
        id: b.add_text_field("id", STRING | STORED),
        title: b.add_text_field("title", TEXT),
        // Not stored: hits read the text back from SQLite for snippets.
        text: b.add_text_field("text", TEXT),
        source: b.add_text_field("source", TEXT),
        story: b.add_text_field("story", STRING),
    };
    (b.build(), fields)
}

fn payload_seq(index: &Index) -> Result<i64, StoreError> {
    let metas = index.load_metas()?;
    Ok(metas
        .payload
        .as_deref()
        .and_then(|p| p.trim().parse::<i64>().ok())
        .unwrap_or(0))
}

impl SearchIndex {
    /// Opens or creates the index in `dir`. Without `writable` (or when another
    /// process holds the writer lock) the index is search-only.
    pub fn open(dir: &Path, writable: bool) -> Result<SearchIndex, StoreError> {
        std::fs::create_dir_all(dir).map_err(|e| StoreError::Io {
            path: dir.display().to_string(),
            source: e,
        })?;
        let (schema, fields) = schema();
        let mmap = tantivy::directory::MmapDirectory::open(dir)
            .map_err(|e| StoreError::Index(e.to_string()))?;
        let index = Index::open_or_create(mmap, schema)?;
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()?;
        let writer = if writable {
            index.writer_with_num_threads(1, WRITER_HEAP).ok()
        } else {
            None
        };
        let committed_seq = payload_seq(&index)?;
        Ok(SearchIndex {
            index,
            reader,
            writer,
            fields,
            added_seq: committed_seq,
            committed_seq,
            uncommitted: 0,
        })
    }

    pub fn writable(&self) -> bool {
        self.writer.is_some()
    }

    /// Adds one document; `replace` deletes any earlier copy of the same id
    /// first (used when filling a gap that may overlap what is indexed).
    pub fn add(&mut self, d: &IndexDoc, replace: bool) -> Result<(), StoreError> {
        let Some(w) = self.writer.as_mut() else {
            return Ok(());
        };
        let f = &self.fields;
        if replace {
            w.delete_term(Term::from_field_text(f.id, d.id));
        }
        let mut doc = TantivyDocument::default();
        doc.add_u64(f.seq, d.seq.max(0) as u64);
        doc.add_text(f.id, d.id);
        doc.add_text(f.title, d.title);
        doc.add_text(f.text, d.text);
        doc.add_text(f.source, d.source);
        if let Some(s) = d.story {
            doc.add_text(f.story, s.to_string());
        }
        w.add_document(doc)?;
        self.added_seq = self.added_seq.max(d.seq);
        self.uncommitted += 1;
        Ok(())
    }

    /// Commits what was added, recording the last seq as the payload.
    pub fn commit(&mut self) -> Result<(), StoreError> {
        let Some(w) = self.writer.as_mut() else {
            return Ok(());
        };
        if self.uncommitted == 0 && self.added_seq == self.committed_seq {
            return Ok(());
        }
        let mut prepared = w.prepare_commit()?;
        prepared.set_payload(&self.added_seq.to_string());
        prepared.commit()?;
        self.committed_seq = self.added_seq;
        self.uncommitted = 0;
        self.reader.reload()?;
        Ok(())
    }

    /// Drops every document (uncommitted until [`commit`](Self::commit)).
    pub fn clear(&mut self) -> Result<(), StoreError> {
        if let Some(w) = self.writer.as_mut() {
            w.delete_all_documents()?;
            self.added_seq = 0;
            self.uncommitted += 1;
        }
        Ok(())
    }

    /// Number of documents visible to searches.
    pub fn num_docs(&self) -> Result<u64, StoreError> {
        self.reader.reload()?;
        Ok(self.reader.searcher().num_docs())
    }

    /// Top `limit` (score, seq) pairs for `query` over title, text and
    /// source, plus a snippet generator for the text field. Bad query syntax
    /// is tolerated (lenient parsing) rather than rejected.
    pub fn search(
        &self,
        query: &str,
        limit: usize,
    ) -> Result<(Vec<(f32, i64)>, tantivy::snippet::SnippetGenerator), StoreError> {
        let f = &self.fields;
        let mut parser = QueryParser::for_index(&self.index, vec![f.title, f.text, f.source]);
        parser.set_field_boost(f.title, 2.0);
        let (q, _errors) = parser.parse_query_lenient(query);
        let searcher = self.reader.searcher();
        let top = searcher.search(&q, &TopDocs::with_limit(limit.max(1)).order_by_score())?;
        let mut out = Vec::with_capacity(top.len());
        for (score, addr) in top {
            let doc: TantivyDocument = searcher.doc(addr)?;
            if let Some(seq) = doc.get_first(f.seq).and_then(|v| v.as_u64()) {
                out.push((score, seq as i64));
            }
        }
        let mut snippets = tantivy::snippet::SnippetGenerator::create(&searcher, &*q, f.text)?;
        snippets.set_max_num_chars(200);
        Ok((out, snippets))
    }
}
