/**
 * PostgreSQL migrations, in the store's own schema. Applied under a session advisory lock, so any
 * number of processes may start at once; never edit a shipped step, add the next one.
 */
export const PG_MIGRATIONS: { version: number; about: string; sql: string }[] = [
  {
    version: 1,
    about: 'reports, mentions, merged events, corrections, reviews, merge history (as the SQLite schema)',
    sql: `
      CREATE TABLE reports (
        id bigserial PRIMARY KEY,
        ext_id text NOT NULL,
        key text NOT NULL UNIQUE,
        url text,
        title text, text text NOT NULL, published text, source text, byline text,
        ingested_at text NOT NULL, coder_version text,
        tsv tsvector GENERATED ALWAYS AS (to_tsvector('simple', coalesce(title, '') || ' ' || text)) STORED
      );
      CREATE UNIQUE INDEX reports_url ON reports(url) WHERE url IS NOT NULL;
      CREATE INDEX reports_ext ON reports(ext_id);
      CREATE INDEX reports_tsv ON reports USING gin(tsv);

      CREATE TABLE mentions (
        id bigserial PRIMARY KEY,
        report_id bigint NOT NULL REFERENCES reports(id),
        idx integer NOT NULL,
        key text NOT NULL UNIQUE,
        event_id text NOT NULL,
        iso text, day integer, tp integer, background boolean NOT NULL,
        place_key text, place_skel text, lat double precision, lon double precision,
        data jsonb NOT NULL,
        core jsonb NOT NULL
      );
      CREATE INDEX mentions_block ON mentions(iso, day) WHERE NOT background;
      CREATE INDEX mentions_event ON mentions(event_id);
      CREATE INDEX mentions_report ON mentions(report_id, idx);

      CREATE TABLE events (
        id bigserial PRIMARY KEY,
        event_id text NOT NULL UNIQUE,
        event_date text NOT NULL,
        iso text, country text, admin1 text,
        event_type text NOT NULL, sub_event_type text NOT NULL,
        actors text NOT NULL,
        fatalities integer NOT NULL,
        background boolean NOT NULL,
        review text NOT NULL,
        latitude double precision, longitude double precision,
        updated bigint NOT NULL,
        merged jsonb NOT NULL,
        tsv tsvector NOT NULL
      );
      CREATE INDEX events_date ON events(event_date, event_id) INCLUDE (background, review, iso, event_type, fatalities, latitude, longitude);
      CREATE INDEX events_iso_date ON events(iso, event_date, event_id) INCLUDE (background, review, event_type, fatalities, latitude, longitude);
      CREATE INDEX events_type_date ON events(event_type, event_date, event_id) INCLUDE (background, review, iso, fatalities, latitude, longitude);
      CREATE INDEX events_iso_type_date ON events(iso, event_type, event_date, event_id) INCLUDE (background, review, fatalities, latitude, longitude);
      CREATE INDEX events_admin1_date ON events(admin1, event_date, event_id) INCLUDE (background, review, event_type, fatalities);
      CREATE INDEX events_sub_date ON events(sub_event_type, event_date, event_id) INCLUDE (background, review, iso, fatalities);
      CREATE INDEX events_geo ON events USING gist (point(longitude, latitude)) WHERE latitude IS NOT NULL;
      CREATE INDEX events_tsv ON events USING gin(tsv);

      CREATE TABLE corrections (
        id bigserial PRIMARY KEY, event_id text NOT NULL, field text NOT NULL, value jsonb NOT NULL,
        comment text, author text, at text NOT NULL
      );
      CREATE INDEX corrections_event ON corrections(event_id);
      CREATE TABLE reviews (
        id bigserial PRIMARY KEY, event_id text NOT NULL, action text NOT NULL, fields jsonb,
        comment text, author text, at text NOT NULL
      );
      CREATE INDEX reviews_event ON reviews(event_id);
      CREATE TABLE history (
        id bigserial PRIMARY KEY, old_id text NOT NULL, new_id text NOT NULL, reason text NOT NULL, at text NOT NULL
      );
      CREATE INDEX history_old ON history(old_id);
      CREATE INDEX history_new ON history(new_id);
    `,
  },
  {
    version: 2,
    about: 'events.confidence: the merged confidence as a column (filtered by min-confidence, ordered by the review queue), filled from the stored events',
    // as SQLite's migration 3: analysts cannot correct confidence, so the merged JSON holds the value
    sql: `
      ALTER TABLE events ADD COLUMN confidence double precision NOT NULL DEFAULT 0;
      UPDATE events SET confidence = coalesce((merged->>'confidence')::double precision, 0);
      -- every write sets it from now on: no default hides a writer that forgets
      ALTER TABLE events ALTER COLUMN confidence DROP DEFAULT;
      CREATE INDEX events_review_confidence ON events(review, confidence, event_id) INCLUDE (background, iso, event_type, fatalities, event_date);
      CREATE INDEX events_confidence ON events(confidence, event_id) INCLUDE (background, review, iso, event_type, fatalities, event_date);
    `,
  },
]
