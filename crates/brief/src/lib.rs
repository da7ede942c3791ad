//! rashomon-brief (stage stub).
