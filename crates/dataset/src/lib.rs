//! 數讀2024's data: the [`model`] the app embeds and shows, the [`names`] of its enums, the
//! [`clause`] a card quotes, and,
//! with the `load` feature (build time and tests only), [`load`]: reading `data/`, checking
//! every entry against the article, and generating the Simplified Chinese text.

pub mod clause;
#[cfg(feature = "load")]
pub mod load;
pub mod model;
pub mod names;

#[cfg(feature = "load")]
pub use load::{load, DataError};
