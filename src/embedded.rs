//! The dataset compiled into the app: what `build.rs` wrote (as postcard) after checking `data/`.

use crate::model::Dataset;
use std::sync::OnceLock;

const BYTES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/dataset.postcard"));

/// The dataset, parsed on first use.
pub fn dataset() -> &'static Dataset {
    static DATASET: OnceLock<Dataset> = OnceLock::new();
    DATASET.get_or_init(|| {
        postcard::from_bytes(BYTES).expect("build.rs embeds a dataset it has checked")
    })
}
