//! The end-to-end pipeline from articles to a [`Brief`].

use rashomon_model::{Article, Brief, CopyLink, Document};

/// Per-article analysis: text stage then extract stage.
pub fn analyze(article: Article) -> Document {
    let analysis = rashomon_text::analyze(&article.text);
    let extraction = rashomon_extract::extract(&article, &analysis);
    Document { article, analysis, extraction }
}

/// Builds the brief for a set of analysed documents: copies, stories, comparison.
pub fn brief(docs: &[Document]) -> Brief {
    let _ = docs;
    Brief { documents: vec![], stories: vec![] }
}

/// Builds the brief for documents already known to form one story (from the store).
pub fn story_brief(story_id: &str, docs: &[Document], copies: &[CopyLink]) -> Brief {
    let _ = (story_id, docs, copies);
    Brief { documents: vec![], stories: vec![] }
}
