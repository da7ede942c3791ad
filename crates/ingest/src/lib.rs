//! rashomon-ingest (stage stub).
