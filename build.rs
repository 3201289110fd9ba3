//! Build step: read and check `data/`, then embed the dataset as postcard (see `src/dataset`).
//!
//! A problem in a data file stops the build with a message naming the file, the entry and the
//! field, before anything reaches the browser.

#[allow(dead_code)]
#[path = "src/model.rs"]
mod model;

#[allow(dead_code)]
#[path = "src/dataset/mod.rs"]
mod dataset;

use std::path::Path;

fn main() {
    for input in ["data", "src/model.rs", "src/dataset"] {
        println!("cargo::rerun-if-changed={input}");
    }
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    match dataset::load(Path::new("data")) {
        Ok(ds) => {
            let bytes = postcard::to_allocvec(&ds).expect("the dataset serializes");
            std::fs::write(Path::new(&out).join("dataset.postcard"), bytes)
                .expect("OUT_DIR is writable");
        }
        Err(e) => {
            eprintln!("\nerror in the data: {e}\n");
            std::process::exit(1);
        }
    }
}
