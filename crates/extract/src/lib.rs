//! rashomon-extract (stage stub).
