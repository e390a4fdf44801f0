/**
 * Versioned migrations, applied in order inside one IMMEDIATE transaction each, so two processes
 * starting at once cannot both apply the same step. Never edit a shipped step: add the next one.
 */
export const MIGRATIONS: { version: number; about: string; sql: string }[] = [
  {
    version: 1,
    about: 'reports, mentions (per-report coding), merged events, corrections, reviews, merge history',
    sql: `
      CREATE TABLE reports (
        id INTEGER PRIMARY KEY,
        ext_id TEXT NOT NULL,
        key TEXT NOT NULL UNIQUE,
        url TEXT,
        title TEXT, text TEXT NOT NULL, published TEXT, source TEXT, byline TEXT,
        ingested_at TEXT NOT NULL, coder_version TEXT
      );
      CREATE UNIQUE INDEX reports_url ON reports(url) WHERE url IS NOT NULL;
      CREATE INDEX reports_ext ON reports(ext_id);
      CREATE VIRTUAL TABLE reports_fts USING fts5(title, text, content='reports', content_rowid='id');

      CREATE TABLE mentions (
        id INTEGER PRIMARY KEY,
        report_id INTEGER NOT NULL REFERENCES reports(id),
        idx INTEGER NOT NULL,
        key TEXT NOT NULL UNIQUE,
        event_id TEXT NOT NULL,
        iso TEXT, day INTEGER, tp INTEGER, background INTEGER NOT NULL,
        place_key TEXT, place_skel TEXT, lat REAL, lon REAL,
        data TEXT NOT NULL,
        core TEXT NOT NULL
      );
      CREATE INDEX mentions_block ON mentions(iso, day) WHERE background = 0;
      CREATE INDEX mentions_event ON mentions(event_id);
      CREATE INDEX mentions_report ON mentions(report_id, idx);

      CREATE TABLE events (
        id INTEGER PRIMARY KEY,
        event_id TEXT NOT NULL UNIQUE,
        event_date TEXT NOT NULL,
        iso TEXT, country TEXT, admin1 TEXT,
        event_type TEXT NOT NULL, sub_event_type TEXT NOT NULL,
        actors TEXT NOT NULL,
        fatalities INTEGER NOT NULL,
        background INTEGER NOT NULL,
        review TEXT NOT NULL,
        latitude REAL, longitude REAL,
        updated INTEGER NOT NULL
      );
      -- the full event apart from the filtered columns, so a scan over events stays small and cached
      CREATE TABLE event_json (id INTEGER PRIMARY KEY, merged TEXT NOT NULL);
      -- Each index leads with what a query filters on and then the date (the sort order), and carries
      -- the columns other filters test, so SQLite rejects rows inside the index without reading them.
      CREATE INDEX events_date ON events(event_date, event_id, background, review, iso, event_type, fatalities, latitude, longitude);
      CREATE INDEX events_iso_date ON events(iso, event_date, event_id, background, review, event_type, fatalities, latitude, longitude);
      CREATE INDEX events_type_date ON events(event_type, event_date, event_id, background, review, iso, fatalities, latitude, longitude);
      CREATE INDEX events_iso_type_date ON events(iso, event_type, event_date, event_id, background, review, fatalities, latitude, longitude);
      CREATE INDEX events_admin1_date ON events(admin1, event_date, event_id, background, review, event_type, fatalities);
      CREATE INDEX events_sub_date ON events(sub_event_type, event_date, event_id, background, review, iso, fatalities);
      CREATE INDEX events_fat_date ON events(fatalities, event_date);
      CREATE VIRTUAL TABLE events_rtree USING rtree(id, min_lon, max_lon, min_lat, max_lat);
      CREATE VIRTUAL TABLE events_fts USING fts5(notes, actors, location);

      CREATE TABLE corrections (
        id INTEGER PRIMARY KEY, event_id TEXT NOT NULL, field TEXT NOT NULL, value TEXT NOT NULL,
        comment TEXT, author TEXT, at TEXT NOT NULL
      );
      CREATE INDEX corrections_event ON corrections(event_id);
      CREATE TABLE reviews (
        id INTEGER PRIMARY KEY, event_id TEXT NOT NULL, action TEXT NOT NULL, fields TEXT,
        comment TEXT, author TEXT, at TEXT NOT NULL
      );
      CREATE INDEX reviews_event ON reviews(event_id);
      CREATE TABLE history (
        id INTEGER PRIMARY KEY, old_id TEXT NOT NULL, new_id TEXT NOT NULL, reason TEXT NOT NULL, at TEXT NOT NULL
      );
      CREATE INDEX history_old ON history(old_id);
      CREATE INDEX history_new ON history(new_id);
      -- counts per day and dimension, kept by the store as it writes events: stats over millions of
      -- events read this instead of every event when the filters are only these dimensions
      CREATE TABLE event_days (
        day TEXT NOT NULL, iso TEXT NOT NULL, country TEXT NOT NULL, admin1 TEXT NOT NULL,
        event_type TEXT NOT NULL, sub_event_type TEXT NOT NULL, background INTEGER NOT NULL, review TEXT NOT NULL,
        events INTEGER NOT NULL, fatalities INTEGER NOT NULL,
        PRIMARY KEY (day, iso, admin1, event_type, sub_event_type, background, review, country)
      ) WITHOUT ROWID;
    `,
  },
  {
    version: 2,
    about: 'actor_counts: events per actor name, kept as events are written, so the actor list does not read every event',
    // names split on ' | ' as actorsText joins them; an event naming one actor twice counts once
    sql: `
      CREATE TABLE actor_counts (name TEXT PRIMARY KEY, events INTEGER NOT NULL) WITHOUT ROWID;
      WITH RECURSIVE split(id, name, rest) AS (
        SELECT id, '', actors || ' | ' FROM events WHERE background = 0 AND review <> 'rejected'
        UNION ALL
        SELECT id, substr(rest, 1, instr(rest, ' | ') - 1), substr(rest, instr(rest, ' | ') + 3) FROM split WHERE rest <> ''
      )
      INSERT INTO actor_counts (name, events) SELECT name, count(DISTINCT id) FROM split WHERE name <> '' GROUP BY name;
    `,
  },
  {
    version: 3,
    about: 'events.confidence: the merged confidence as a column (filtered by min-confidence, ordered by the review queue), filled from the stored events',
    // Analysts cannot correct confidence (src/store/corrections.ts), so the merged JSON holds the
    // value the column shows. ADD COLUMN needs a default; 0 (least certain) is only ever seen by an
    // event whose JSON lacks confidence, which the event schema does not allow.
    sql: `
      ALTER TABLE events ADD COLUMN confidence REAL NOT NULL DEFAULT 0;
      UPDATE events SET confidence = coalesce((SELECT json_extract(j.merged, '$.confidence') FROM event_json j WHERE j.id = events.id), 0);
      -- the review queue: unreviewed events, least certain first (review = ?, then the order)
      CREATE INDEX events_review_confidence ON events(review, confidence, event_id, background, iso, event_type, fatalities, event_date);
      -- order=confidence over every status but rejected
      CREATE INDEX events_confidence ON events(confidence, event_id, background, review, iso, event_type, fatalities, event_date);
    `,
  },
]
