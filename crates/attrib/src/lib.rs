//! rashomon-attrib (stage stub).
