//! rashomon-cluster (stage stub).
