use super::*;

fn f(title: &str, text: &str) -> ArticleFeatures {
    features(title, text, &[], None)
}
