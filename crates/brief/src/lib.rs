//! The `brief` stage: renders a [`Brief`] as Markdown (for the terminal, readable
//! at 80 columns), JSON (the contract in `docs/brief-format.md`) or one
//! self-contained HTML file that shows the sources side by side with every
//! fact's spans highlighted.

mod html;
mod markdown;

pub use html::to_html;
pub use markdown::to_markdown;

use rashomon_model::Brief;

/// Output formats of a brief.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Markdown,
    Json,
    Html,
}

impl std::str::FromStr for Format {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.to_ascii_lowercase().as_str() {
            "md" | "markdown" => Ok(Format::Markdown),
            "json" => Ok(Format::Json),
            "html" | "htm" => Ok(Format::Html),
            other => Err(format!(
                "unknown format '{other}' (expected md, json or html)"
            )),
        }
    }
}

/// Pretty JSON, with a trailing newline.
pub fn to_json(brief: &Brief) -> String {
    // Serialising plain data structures with string keys cannot fail.
    let mut s =
        serde_json::to_string_pretty(brief).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"));
    s.push('\n');
    s
}

/// Renders `brief` in `format`.
pub fn render(brief: &Brief, format: Format) -> String {
    match format {
        Format::Markdown => to_markdown(brief),
        Format::Json => to_json(brief),
        Format::Html => to_html(brief),
    }
}
