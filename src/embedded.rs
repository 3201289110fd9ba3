//! The dataset compiled into the app: the JSON that `build.rs` wrote after checking `data/`.

use crate::model::Dataset;
use std::sync::OnceLock;

const JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/dataset.json"));

/// The dataset, parsed on first use.
pub fn dataset() -> &'static Dataset {
    static DATASET: OnceLock<Dataset> = OnceLock::new();
    DATASET.get_or_init(|| {
        serde_json::from_str(JSON).expect("build.rs embeds a dataset it has checked")
    })
}
