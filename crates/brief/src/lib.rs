//! The `brief` stage: renders a [`Brief`] as Markdown, JSON or self-contained HTML.

use rashomon_model::Brief;

pub fn to_json(brief: &Brief) -> String {
    serde_json::to_string_pretty(brief).unwrap_or_default()
}
