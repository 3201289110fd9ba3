//! 數讀2024: the Xiamen Torch High-tech Zone's year as an interactive infographic.
//!
//! Data flows one way, and the modules follow it:
//! - the `torch2024-dataset` crate: [`model`], the typed facts, projects and sentences, and
//!   [`names`], the one spelling of each enum variant; at build time it also reads `data/`,
//!   checks it and generates Simplified Chinese (`build.rs`);
//! - [`embedded`]: the checked dataset compiled into the app;
//! - [`format`], [`i18n`]: numbers and interface strings in each language;
//! - [`charts`]: pure functions from the model to `charming` charts;
//! - [`ui`]: the page rendered at build time (Leptos, `ssr`) and the live app that adopts it;
//! - [`publish`] (build time only): finishes `dist/` (HTML rendered at build time, CSP,
//!   downloads, the one-file edition).

pub mod charts;
pub mod embedded;
pub mod format;
pub mod i18n;
#[cfg(not(target_arch = "wasm32"))]
pub mod publish;
pub mod query;
pub mod ui;

pub use dataset::{model, names};
