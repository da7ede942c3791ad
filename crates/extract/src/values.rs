//! Numbers, quantities and dates, with relative dates resolved against the publication date.

use chrono::{Datelike, Duration, NaiveDate, Weekday};
use rashomon_model::{AnalyzedText, Span, TokenKind, Value, ValueKind};

const MONTHS: &[(&str, u32)] = &[
    ("january", 1),
    ("jan", 1),
    ("february", 2),
    ("feb", 2),
    ("march", 3),
    ("mar", 3),
    ("april", 4),
    ("apr", 4),
    ("may", 5),
    ("june", 6),
    ("jun", 6),
    ("july", 7),
    ("jul", 7),
    ("august", 8),
    ("aug", 8),
    ("september", 9),
    ("sept", 9),
    ("sep", 9),
    ("october", 10),
    ("oct", 10),
    ("november", 11),
    ("nov", 11),
    ("december", 12),
    ("dec", 12),
];

const WEEKDAYS: &[(&str, Weekday)] = &[
    ("monday", Weekday::Mon),
    ("tuesday", Weekday::Tue),
    ("wednesday", Weekday::Wed),
    ("thursday", Weekday::Thu),
    ("friday", Weekday::Fri),
    ("saturday", Weekday::Sat),
    ("sunday", Weekday::Sun),
];

const NUMBER_WORDS: &[(&str, f64)] = &[
    ("one", 1.0),
    ("two", 2.0),
    ("three", 3.0),
    ("four", 4.0),
    ("five", 5.0),
    ("six", 6.0),
    ("seven", 7.0),
    ("eight", 8.0),
    ("nine", 9.0),
    ("ten", 10.0),
    ("eleven", 11.0),
    ("twelve", 12.0),
    ("thirteen", 13.0),
    ("fourteen", 14.0),
    ("fifteen", 15.0),
    ("sixteen", 16.0),
    ("seventeen", 17.0),
    ("eighteen", 18.0),
    ("nineteen", 19.0),
    ("twenty", 20.0),
    ("thirty", 30.0),
    ("forty", 40.0),
    ("fifty", 50.0),
    ("sixty", 60.0),
    ("seventy", 70.0),
    ("eighty", 80.0),
    ("ninety", 90.0),
    ("hundred", 100.0),
    ("dozen", 12.0),
    ("dozens", 24.0),
    ("hundreds", 200.0),
    ("thousands", 2000.0),
];

const MULTIPLIERS: &[(&str, f64)] = &[
    ("thousand", 1e3),
    ("million", 1e6),
    ("millions", 1e6),
    ("billion", 1e9),
    ("trillion", 1e12),
    ("bn", 1e9),
    ("m", 1e6),
];

fn month(word: &str) -> Option<u32> {
    // Called for most words: compare without allocating. The names are ASCII, and no
    // non-ASCII letter lower-cases into one of their letters (only the Kelvin sign
    // becomes an ASCII `k`), so this equals comparing the lower-cased word.
    let w = word.trim_end_matches('.');
    MONTHS
        .iter()
        .find(|(m, _)| w.eq_ignore_ascii_case(m))
        .map(|(_, n)| *n)
}

/// Parses the leading `YYYY-MM-DD` of an ISO date or date-time.
pub fn parse_published(published: Option<&str>) -> Option<NaiveDate> {
    let p = published?.trim();
    NaiveDate::parse_from_str(p.get(..10)?, "%Y-%m-%d").ok()
}

/// Finds dates, years and numbers in every sentence of an article.
pub fn extract_values(
    text: &str,
    analysis: &AnalyzedText,
    published: Option<NaiveDate>,
) -> Vec<Value> {
    let mut out = Vec::new();
    for s in 0..analysis.sentences.len() {
        let toks = analysis.sentence_tokens(s);
        let words: Vec<&str> = toks.iter().map(|t| t.span.slice(text)).collect();
        let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
        let mut i = 0;
        while i < toks.len() {
            if let Some((v, used)) = date_at(&words, &lower, i, toks, published) {
                out.push(v);
                i += used;
                continue;
            }
            if let Some((v, used)) = number_at(&words, &lower, i, toks) {
                out.push(v);
                i += used;
                continue;
            }
            i += 1;
        }
    }
    out
}

fn span_of(toks: &[rashomon_model::Token], from: usize, to: usize) -> Span {
    Span::new(toks[from].span.start, toks[to - 1].span.end)
}

fn year_of(word: &str) -> Option<i32> {
    (word.len() == 4 && word.bytes().all(|b| b.is_ascii_digit()))
        .then(|| word.parse::<i32>().ok())
        .flatten()
        .filter(|y| (1800..=2100).contains(y))
}

fn day_of(word: &str) -> Option<u32> {
    let d = word.trim_end_matches(|c: char| c.is_alphabetic());
    let n: u32 = d.parse().ok()?;
    (1..=31).contains(&n).then_some(n)
}

fn date_value(span: Span, kind: ValueKind, normalized: String, number: Option<f64>) -> Value {
    Value {
        span,
        kind,
        normalized,
        number,
        unit: None,
    }
}

fn date_at(
    words: &[&str],
    lower: &[String],
    i: usize,
    toks: &[rashomon_model::Token],
    published: Option<NaiveDate>,
) -> Option<(Value, usize)> {
    let w = lower[i].as_str();
    // Month-first: "August 15, 2025", "Aug. 15", "August 2025".
    if let Some(m) =
        month(words[i]).filter(|_| words[i].chars().next().is_some_and(char::is_uppercase))
    {
        // "may" is a modal verb far more often than a month: require a following day or year.
        if let Some(d) = words.get(i + 1).and_then(|w| day_of(w)) {
            let mut used = 2;
            let mut year = None;
            if words.get(i + 2) == Some(&",") {
                if let Some(y) = words.get(i + 3).and_then(|w| year_of(w)) {
                    year = Some(y);
                    used = 4;
                }
            } else if let Some(y) = words.get(i + 2).and_then(|w| year_of(w)) {
                year = Some(y);
                used = 3;
            }
            let year = year.or_else(|| published.map(|p| infer_year(p, m, d)));
            let norm = match year {
                Some(y) => format!("{y:04}-{m:02}-{d:02}"),
                None => format!("--{m:02}-{d:02}"),
            };
            return Some((
                date_value(span_of(toks, i, i + used), ValueKind::Date, norm, None),
                used,
            ));
        }
        if let Some(y) = words.get(i + 1).and_then(|w| year_of(w)) {
            return Some((
                date_value(
                    span_of(toks, i, i + 2),
                    ValueKind::Date,
                    format!("{y:04}-{m:02}"),
                    None,
                ),
                2,
            ));
        }
        return None;
    }
    // Day-first: "15 August 2025".
    if let (Some(d), Some(m)) = (day_of(words[i]), words.get(i + 1).and_then(|w| month(w))) {
        if words[i + 1].chars().next().is_some_and(char::is_uppercase) {
            let (year, used) = match words.get(i + 2).and_then(|w| year_of(w)) {
                Some(y) => (Some(y), 3),
                None => (published.map(|p| infer_year(p, m, d)), 2),
            };
            let norm = year.map_or(format!("--{m:02}-{d:02}"), |y| {
                format!("{y:04}-{m:02}-{d:02}")
            });
            return Some((
                date_value(span_of(toks, i, i + used), ValueKind::Date, norm, None),
                used,
            ));
        }
    }
    // ISO dates inside one token are rare in prose; years are common.
    if let Some(y) = year_of(words[i]) {
        // Not a count: "2019 people" is rare, "in 2019" common; keep as a year.
        return Some((
            date_value(
                toks[i].span,
                ValueKind::Year,
                format!("{y:04}"),
                Some(y as f64),
            ),
            1,
        ));
    }
    if let Some((_, wd)) = WEEKDAYS.iter().find(|(n, _)| *n == w) {
        // "will inspect on Wednesday" looks ahead; "met on Friday" looks back.
        let future = lower[i.saturating_sub(8)..i]
            .iter()
            .any(|w| FUTURE_MARKERS.contains(&w.as_str()));
        let norm = published.map_or(w.to_string(), |p| {
            if future {
                next_weekday(p, *wd).to_string()
            } else {
                last_weekday(p, *wd).to_string()
            }
        });
        return Some((date_value(toks[i].span, ValueKind::Date, norm, None), 1));
    }
    let rel = match (w, lower.get(i + 1).map(String::as_str)) {
        ("today", _) | ("tonight", _) => Some((0i64, "day", 1)),
        ("yesterday", _) => Some((-1, "day", 1)),
        ("tomorrow", _) => Some((1, "day", 1)),
        ("last", Some("year")) => Some((-1, "year", 2)),
        ("this", Some("year")) => Some((0, "year", 2)),
        ("next", Some("year")) => Some((1, "year", 2)),
        ("last", Some("month")) => Some((-1, "month", 2)),
        ("next", Some("month")) => Some((1, "month", 2)),
        ("last", Some("week")) => Some((-7, "day", 2)),
        _ => None,
    };
    if let Some((delta, unit, used)) = rel {
        let p = published?;
        let norm = match unit {
            "day" => (p + Duration::days(delta)).to_string(),
            "year" => format!("{:04}", p.year() + delta as i32),
            _ => {
                let months = p.year() * 12 + p.month0() as i32 + delta as i32;
                format!(
                    "{:04}-{:02}",
                    months.div_euclid(12),
                    months.rem_euclid(12) + 1
                )
            }
        };
        return Some((
            date_value(span_of(toks, i, i + used), ValueKind::Date, norm, None),
            used,
        ));
    }
    None
}

/// The year that puts month/day closest to, and preferably before, the publication date.
fn infer_year(published: NaiveDate, m: u32, d: u32) -> i32 {
    let y = published.year();
    match NaiveDate::from_ymd_opt(y, m, d) {
        Some(date) if date > published + Duration::days(60) => y - 1,
        _ => y,
    }
}

/// Words that put a following weekday in the future.
const FUTURE_MARKERS: &[&str] = &[
    "will",
    "'ll",
    "expected",
    "scheduled",
    "due",
    "plans",
    "plan",
    "planned",
    "next",
    "upcoming",
    "set",
    "going",
];

/// The first such weekday on or after the publication day.
fn next_weekday(published: NaiveDate, wd: Weekday) -> NaiveDate {
    let ahead = (wd.num_days_from_monday() + 7 - published.weekday().num_days_from_monday()) % 7;
    published + Duration::days(ahead as i64)
}

/// News says "on Friday" for the most recent Friday up to the publication day.
fn last_weekday(published: NaiveDate, wd: Weekday) -> NaiveDate {
    let back = (published.weekday().num_days_from_monday() + 7 - wd.num_days_from_monday()) % 7;
    published - Duration::days(back as i64)
}

fn parse_digits(word: &str) -> Option<f64> {
    let w = word.trim_end_matches('%').replace(',', "");
    w.parse::<f64>().ok()
}

fn number_at(
    words: &[&str],
    lower: &[String],
    i: usize,
    toks: &[rashomon_model::Token],
) -> Option<(Value, usize)> {
    let mut j = i;
    let mut money = false;
    if matches!(words[j], "$" | "€" | "£")
        && toks.get(j + 1).is_some_and(|t| t.kind == TokenKind::Number)
    {
        money = true;
        j += 1;
    }
    let mut value = if toks[j].kind == TokenKind::Number {
        parse_digits(words[j])?
    } else {
        // Written numbers, including "three-year-old" style compounds.
        let head = lower[j].split('-').next().unwrap_or("");
        NUMBER_WORDS
            .iter()
            .find(|(n, _)| *n == head)
            .map(|(_, v)| *v)?
    };
    let percent = words[j].ends_with('%');
    j += 1;
    if let Some((_, mult)) = lower
        .get(j)
        .and_then(|w| MULTIPLIERS.iter().find(|(n, _)| n == w))
    {
        value *= mult;
        j += 1;
    }
    let mut kind = if money {
        ValueKind::Money
    } else if percent {
        ValueKind::Percent
    } else {
        ValueKind::Number
    };
    let mut unit = None;
    // Compound written numbers keep their unit: "three-year-old" → 3 "year-old".
    if toks[i].kind == TokenKind::Word {
        match lower[i].split_once('-') {
            Some((_, rest)) => {
                unit = Some(rashomon_text::stem(rest));
                kind = ValueKind::Quantity;
            }
            None if lower.get(j).is_none_or(|w| {
                rashomon_text::is_stopword(w) || !w.chars().all(char::is_alphabetic)
            }) =>
            {
                // A bare written number ("one of the most") is too vague to compare.
                return None;
            }
            None => {}
        }
    }
    if kind == ValueKind::Number {
        if matches!(lower.get(j).map(String::as_str), Some("percent" | "per")) {
            kind = ValueKind::Percent;
            j += 1 + usize::from(lower.get(j + 1).is_some_and(|w| w == "cent"));
        } else if let Some(next) = lower
            .get(j)
            .filter(|w| w.chars().all(|c| c.is_alphabetic() || c == '-'))
        {
            if !rashomon_text::is_stopword(next) {
                unit = Some(rashomon_text::stem(next));
                kind = ValueKind::Quantity;
                j += 1;
            }
        }
    }
    let span = Span::new(toks[i].span.start, toks[j - 1].span.end);
    let normalized = if value.fract() == 0.0 && value.abs() < 1e15 {
        format!("{}", value as i64)
    } else {
        format!("{value}")
    };
    Some((
        Value {
            span,
            kind,
            normalized,
            number: Some(value),
            unit,
        },
        j - i,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vals(t: &str, published: Option<&str>) -> Vec<(String, ValueKind, String, Option<String>)> {
        let a = rashomon_text::analyze(t);
        extract_values(t, &a, parse_published(published))
            .into_iter()
            .map(|v| (v.span.slice(t).to_string(), v.kind, v.normalized, v.unit))
            .collect()
    }

    #[test]
    fn dates_and_years() {
        let v = vals(
            "They met on Friday, August 15, 2025, for the first time since 2019.",
            Some("2025-08-16"),
        );
        assert_eq!(
            v[0],
            ("Friday".into(), ValueKind::Date, "2025-08-15".into(), None)
        );
        assert_eq!(
            v[1],
            (
                "August 15, 2025".into(),
                ValueKind::Date,
                "2025-08-15".into(),
                None
            )
        );
        assert_eq!(v[2], ("2019".into(), ValueKind::Year, "2019".into(), None));
    }

    #[test]
    fn weekdays_look_ahead_after_future_markers() {
        // 2025-03-04 is a Tuesday.
        assert_eq!(
            vals(
                "Engineers will inspect it on Wednesday.",
                Some("2025-03-04")
            )[0]
            .2,
            "2025-03-05"
        );
        assert_eq!(
            vals("The barrier failed on Sunday.", Some("2025-03-04"))[0].2,
            "2025-03-02"
        );
    }

    #[test]
    fn relative_dates_need_publication_date() {
        assert_eq!(
            vals("Sales fell last year.", Some("2024-03-01"))[0].2,
            "2023"
        );
        assert!(vals("Sales fell last year.", None).is_empty());
        assert_eq!(
            vals("It happened yesterday.", Some("2024-03-01"))[0].2,
            "2024-02-29"
        );
    }

    #[test]
    fn counts_money_and_percent() {
        let v = vals(
            "At least 1,200 people fled, costing $3.5 million, up 12% in three-year-old talks.",
            None,
        );
        assert_eq!(
            v[0],
            (
                "1,200 people".into(),
                ValueKind::Quantity,
                "1200".into(),
                Some("peopl".into())
            )
        );
        assert_eq!(v[1].1, ValueKind::Money);
        assert_eq!(v[1].2, "3500000");
        assert_eq!(v[2], ("12%".into(), ValueKind::Percent, "12".into(), None));
        assert_eq!(v[3].0, "three-year-old");
        assert_eq!(v[3].2, "3");
    }

    #[test]
    fn may_the_modal_is_not_a_month() {
        assert!(vals("Moscow may consider it.", None).is_empty());
    }
}
