//! Build step: read and check `data/` (see the `torch2024-dataset` crate), then embed the
//! dataset as postcard.
//!
//! A problem in a data file stops the build with a message naming the file, the entry and the
//! field, before anything reaches the browser.

use std::path::Path;

fn main() {
    println!("cargo::rerun-if-changed=data");
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
