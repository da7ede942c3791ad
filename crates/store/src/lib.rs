//! rashomon-store (stage stub).
