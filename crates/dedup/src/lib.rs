//! rashomon-dedup (stage stub).
