//! Rashomon: the library facade over the pipeline stages.
