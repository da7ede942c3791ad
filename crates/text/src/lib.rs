//! rashomon-text (stage stub).
