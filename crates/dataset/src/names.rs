//! The names of the model's enums, each spelt once: strum derives a variant's name from the
//! enum's declaration (kebab-case, or the `serialize` given there), and everything else reads
//! it from [`Named`]: the data files and the downloads through serde, the URL, the page.
//!
//! Human-readable formats (TOML, JSON) carry the name; compact ones (the postcard the app
//! embeds) carry the variant's index, so the app decodes no strings for them.

use serde::de::{self, Deserializer, Unexpected};
use serde::{Deserialize, Serializer};
use std::fmt;
use std::marker::PhantomData;
use strum::{VariantArray, VariantNames};

/// An enum whose variants have one name each.
pub trait Named: Copy + PartialEq + VariantArray + VariantNames + 'static {
    /// Every variant, in declaration order.
    const ALL: &'static [Self] = <Self as VariantArray>::VARIANTS;
    /// Every name, in the same order.
    const NAMES: &'static [&'static str] = <Self as VariantNames>::VARIANTS;

    /// The variant's position in [`Named::ALL`].
    fn index(self) -> usize {
        Self::ALL
            .iter()
            .position(|&v| v == self)
            .unwrap_or_default()
    }

    /// The variant's name, as the data files, the downloads and the URL spell it.
    fn name(self) -> &'static str {
        Self::NAMES[self.index()]
    }

    /// The variant named `name`, in any ASCII case.
    fn from_name(name: &str) -> Option<Self> {
        let i = Self::NAMES
            .iter()
            .position(|n| n.eq_ignore_ascii_case(name))?;
        Some(Self::ALL[i])
    }
}

/// serde's `serialize` for a [`Named`] enum.
pub fn serialize<T: Named, S: Serializer>(value: T, s: S) -> Result<S::Ok, S::Error> {
    if s.is_human_readable() {
        s.serialize_str(value.name())
    } else {
        // An enum has far fewer than 256 variants.
        s.serialize_u8(value.index() as u8)
    }
}

/// serde's `deserialize` for a [`Named`] enum: an unknown name is serde's "unknown variant"
/// error, which lists the valid names.
pub fn deserialize<'de, T: Named, D: Deserializer<'de>>(d: D) -> Result<T, D::Error> {
    if d.is_human_readable() {
        d.deserialize_str(NameVisitor(PhantomData))
    } else {
        let i = u8::deserialize(d)?;
        T::ALL.get(usize::from(i)).copied().ok_or_else(|| {
            de::Error::invalid_value(Unexpected::Unsigned(i.into()), &"a variant's index")
        })
    }
}

struct NameVisitor<T>(PhantomData<T>);

impl<T: Named> de::Visitor<'_> for NameVisitor<T> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "one of {}", T::NAMES.join(", "))
    }

    fn visit_str<E: de::Error>(self, name: &str) -> Result<T, E> {
        T::from_name(name).ok_or_else(|| E::unknown_variant(name, T::NAMES))
    }
}

/// Implements serde's traits for [`Named`] enums by their names.
macro_rules! serde_by_name {
    ($($t:ty),* $(,)?) => {$(
        impl serde::Serialize for $t {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                $crate::names::serialize(*self, s)
            }
        }
        impl<'de> serde::Deserialize<'de> for $t {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                $crate::names::deserialize(d)
            }
        }
    )*};
}
pub(crate) use serde_by_name;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{MilestoneKind, Qualifier, Sector, Unit};

    fn round_trips<T: Named + fmt::Debug + serde::Serialize + serde::de::DeserializeOwned>() {
        for &v in T::ALL {
            let json = serde_json::to_value(v).unwrap();
            assert_eq!(json, v.name(), "JSON carries the name");
            assert_eq!(serde_json::from_value::<T>(json).unwrap(), v);
            assert_eq!(T::from_name(&v.name().to_ascii_uppercase()), Some(v));
        }
    }

    #[test]
    fn every_variant_round_trips_by_its_name() {
        round_trips::<Qualifier>();
        round_trips::<Unit>();
        round_trips::<Sector>();
        round_trips::<MilestoneKind>();
        assert_eq!(
            MilestoneKind::ConstructionStart.name(),
            "construction-start"
        );
        assert_eq!(Unit::HundredMillionYuan.name(), "億元");
        assert_eq!(Qualifier::Over.name(), "over");
    }

    #[test]
    fn an_unknown_name_lists_the_valid_ones() {
        let e = serde_json::from_str::<Sector>("\"energy\"")
            .unwrap_err()
            .to_string();
        assert!(e.contains("unknown variant `energy`"), "{e}");
        assert!(
            e.contains("`new-energy`") && e.contains("`infrastructure`"),
            "{e}"
        );
    }

    #[test]
    fn postcard_carries_the_index() {
        let bytes = postcard::to_allocvec(&Sector::Finance).unwrap();
        assert_eq!(bytes, vec![Sector::Finance.index() as u8]);
        assert_eq!(
            postcard::from_bytes::<Sector>(&bytes).unwrap(),
            Sector::Finance
        );
        assert!(postcard::from_bytes::<Sector>(&[200]).is_err());
    }
}
