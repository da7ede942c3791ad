//! Schema migrations, applied in order and recorded in `PRAGMA user_version`.

use rusqlite::Connection;

/// Migration `i` takes the schema from version `i` to `i + 1`. Append only:
/// never edit a migration that has shipped.
pub(crate) const MIGRATIONS: &[&str] = &[
    // 0 → 1: the initial schema.
    r#"
    CREATE TABLE articles (
        seq        INTEGER PRIMARY KEY,          -- insertion order, never reused
        id         TEXT NOT NULL UNIQUE,
        ikey       BLOB NOT NULL UNIQUE,         -- content hash + source + url: idempotency
        source     TEXT NOT NULL,
        title      TEXT NOT NULL,
        published  TEXT,
        url        TEXT,
        author     TEXT,
        path       TEXT,
        text       TEXT NOT NULL
    );
    CREATE TABLE analysis (
        seq   INTEGER PRIMARY KEY REFERENCES articles(seq),
        data  BLOB NOT NULL                      -- deflated JSON {analysis, extraction}
    );
    CREATE TABLE signatures (
        seq       INTEGER PRIMARY KEY REFERENCES articles(seq),
        exact     INTEGER NOT NULL,              -- normalised-text hash (dedup)
        shingles  INTEGER NOT NULL,
        names     TEXT NOT NULL                  -- entity names, one a line (clustering features)
    );
    CREATE INDEX signatures_exact ON signatures(exact, seq);
    CREATE TABLE copies (
        copy      INTEGER PRIMARY KEY REFERENCES articles(seq),
        original  INTEGER NOT NULL REFERENCES articles(seq),
        kind      TEXT NOT NULL,
        score     REAL NOT NULL
    );
    CREATE INDEX copies_original ON copies(original);
    CREATE TABLE stories (
        id               INTEGER PRIMARY KEY,
        title            TEXT NOT NULL,
        first_published  TEXT,
        last_published   TEXT,
        updated          INTEGER NOT NULL,       -- seq of the latest member
        articles         INTEGER NOT NULL
    );
    CREATE INDEX stories_newest ON stories(last_published, updated);
    CREATE TABLE story_members (
        seq    INTEGER PRIMARY KEY REFERENCES articles(seq),
        story  INTEGER NOT NULL REFERENCES stories(id)
    );
    CREATE INDEX story_members_story ON story_members(story, seq);
    CREATE TABLE meta (
        key    TEXT PRIMARY KEY,
        value  TEXT NOT NULL
    );
    "#,
    // 1 → 2: corpus-wide canonical entities. Articles stored before this
    // version get their links from `rashomon reindex`.
    r#"
    CREATE TABLE entities (
        id        INTEGER PRIMARY KEY,
        name      TEXT NOT NULL,                 -- fullest, most used alias
        type      TEXT NOT NULL,
        articles  INTEGER NOT NULL               -- articles that mention it
    );
    CREATE INDEX entities_popular ON entities(articles DESC, id);
    CREATE TABLE entity_keys (
        key     TEXT NOT NULL,                   -- lookup key (normalised name, surname prefix, acronym)
        entity  INTEGER NOT NULL REFERENCES entities(id),
        PRIMARY KEY (key, entity)
    ) WITHOUT ROWID;
    CREATE TABLE entity_aliases (
        entity    INTEGER NOT NULL REFERENCES entities(id),
        alias     TEXT NOT NULL,
        words     INTEGER NOT NULL,
        articles  INTEGER NOT NULL,
        PRIMARY KEY (entity, alias)
    ) WITHOUT ROWID;
    CREATE TABLE entity_mentions (
        entity    INTEGER NOT NULL REFERENCES entities(id),
        seq       INTEGER NOT NULL REFERENCES articles(seq),
        mentions  INTEGER NOT NULL,
        PRIMARY KEY (entity, seq)
    ) WITHOUT ROWID;
    CREATE INDEX entity_mentions_seq ON entity_mentions(seq);
    "#,
];

/// The schema version this build writes.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

/// Brings `conn` to [`SCHEMA_VERSION`]. Each step runs in its own transaction
/// together with the version bump, so a crash leaves a consistent version.
pub(crate) fn migrate(conn: &mut Connection) -> Result<i64, MigrateError> {
    let found: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
    if found > SCHEMA_VERSION {
        return Err(MigrateError::TooNew {
            found,
            supported: SCHEMA_VERSION,
        });
    }
    for (i, sql) in MIGRATIONS.iter().enumerate().skip(found.max(0) as usize) {
        let tx = conn.transaction()?;
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "user_version", (i + 1) as i64)?;
        tx.commit()?;
    }
    Ok(SCHEMA_VERSION)
}

#[derive(Debug, thiserror::Error)]
pub(crate) enum MigrateError {
    #[error("database schema version {found} is newer than this build supports ({supported})")]
    TooNew { found: i64, supported: i64 },
    #[error(transparent)]
    Sql(#[from] rusqlite::Error),
}
