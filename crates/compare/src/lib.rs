//! rashomon-compare (stage stub).
