-- Marsad embedded store (DuckDB). One row per document, sentence, mention, event;
-- event participants in a link table so that "all events of actor X" is one indexed join.
CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR);
CREATE TABLE IF NOT EXISTS documents (
    doc_id VARCHAR PRIMARY KEY,
    source VARCHAR,
    status VARCHAR,
    error VARCHAR,
    title VARCHAR,
    outlet VARCHAR,
    published DATE,
    published_basis VARCHAR,
    url VARCHAR,
    language VARCHAR,
    n_sentences INTEGER,
    n_events INTEGER,
    boilerplate_removed_chars INTEGER,
    content_sha256 VARCHAR,
    duplicate_of VARCHAR,
    similarity DOUBLE,
    text VARCHAR,
    ingested_at TIMESTAMP DEFAULT current_timestamp
);
CREATE TABLE IF NOT EXISTS sentences (
    doc_id VARCHAR, idx INTEGER, start_char INTEGER, end_char INTEGER, text VARCHAR
);
CREATE TABLE IF NOT EXISTS mentions (
    doc_id VARCHAR, start_char INTEGER, end_char INTEGER, text VARCHAR, label VARCHAR,
    actor_id VARCHAR, place_id VARCHAR
);
CREATE TABLE IF NOT EXISTS events (
    event_id VARCHAR PRIMARY KEY,
    doc_id VARCHAR,
    type VARCHAR,
    mode VARCHAR,
    cameo VARCHAR,
    date VARCHAR,
    date_precision VARCHAR,
    date_text VARCHAR,
    status VARCHAR,
    source VARCHAR,
    location_name_en VARCHAR,
    location_name_ar VARCHAR,
    location_country VARCHAR,
    geonames_id BIGINT,
    lat DOUBLE,
    lon DOUBLE,
    quantities JSON,
    evidence_text VARCHAR,
    evidence_start INTEGER,
    evidence_end INTEGER,
    confidence DOUBLE,
    cluster_id VARCHAR,
    record JSON
);
CREATE TABLE IF NOT EXISTS event_actors (
    event_id VARCHAR, doc_id VARCHAR, side VARCHAR, position INTEGER,
    actor_id VARCHAR, name_en VARCHAR, name_ar VARCHAR, country VARCHAR, sector VARCHAR,
    role VARCHAR, text VARCHAR
);
-- Cross-document results (marsad.corpus.finalize): one row per event cluster (one happening).
-- events.cluster_id points here; n_outlets counts distinct outlets (a document without one counts
-- as its own), n_independent counts documents that are not near-copies of each other.
CREATE TABLE IF NOT EXISTS clusters (
    cluster_id VARCHAR PRIMARY KEY,
    canonical_event_id VARCHAR,
    type VARCHAR,
    date VARCHAR,
    date_precision VARCHAR,
    location_name_en VARCHAR,
    location_country VARCHAR,
    n_events INTEGER,
    n_documents INTEGER,
    n_outlets INTEGER,
    n_independent INTEGER,
    outlets VARCHAR[],
    doc_ids VARCHAR[]
);
