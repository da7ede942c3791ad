//! rashomon-ner (stage stub).
