//! Build step: read and check the edition's data (see the `torch2024-dataset` crate), then
//! embed the dataset as postcard. The data folder is `data/`, or the one `DATA` names (another
//! edition, e.g. `DATA=tests/fixtures/edition make dist`).
//!
//! A problem in a data file stops the build with a message naming the file, the entry and the
//! field, before anything reaches the browser. The WebAssembly's copy leaves out what only the
//! build renders (`Dataset::for_the_app`).

use std::path::Path;

fn main() {
    let data = std::env::var("DATA").unwrap_or_else(|_| "data".into());
    println!("cargo::rerun-if-env-changed=DATA");
    println!("cargo::rerun-if-changed={data}");
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    match dataset::load(Path::new(&data)) {
        Ok(mut ds) => {
            if std::env::var("CARGO_CFG_TARGET_ARCH").as_deref() == Ok("wasm32") {
                ds.for_the_app();
            }
            let bytes = postcard::to_allocvec(&ds).expect("the dataset serializes");
            std::fs::write(Path::new(&out).join("dataset.postcard"), bytes)
                .expect("OUT_DIR is writable");
        }
        Err(e) => {
            eprintln!("\nerror in the data (the folder {data}): {e}\n");
            std::process::exit(1);
        }
    }
}
