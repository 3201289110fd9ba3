//! Figures that stand alone as large numbers, each a tile whose number opens its source: the
//! lead's, and a chapter's figures that are on no chart (stated, then derived).

use crate::embedded::dataset;
use crate::format;
use crate::i18n::strings;
use crate::model::{Figure, Lang, Qualifier, Text, Unit};
use crate::ui::actions::SourceRef;
use leptos::either::Either;
use leptos::prelude::*;

/// What a tile shows: a stated or a derived figure.
pub struct TileFigure {
    id: &'static str,
    label: &'static Text,
    value: f64,
    unit: Unit,
    qualifier: Qualifier,
    derived: bool,
    /// What activating it opens in the source panel.
    source: SourceRef,
}

impl TileFigure {
    pub fn stated(f: &'static Figure) -> Self {
        TileFigure {
            id: &f.id,
            label: &f.label,
            value: f.value,
            unit: f.unit,
            qualifier: f.qualifier,
            derived: false,
            source: SourceRef::Figure(f.id.clone()),
        }
    }
}

/// The figures of `group` that stand alone: stated ones on no chart and not in the lead, then
/// the derived ones.
pub fn standalone(group: &'static str) -> Vec<TileFigure> {
    let ds = dataset();
    let derived = ds
        .derived
        .iter()
        .filter(|d| d.group == group)
        .map(|d| TileFigure {
            id: &d.id,
            label: &d.label,
            value: d.value,
            unit: d.unit,
            qualifier: d.qualifier,
            derived: true,
            source: SourceRef::Derived(d.id.clone()),
        });
    ds.standalone_figures(group)
        .map(TileFigure::stated)
        .chain(derived)
        .collect()
}

/// The tiles of `figures`: large (`lead`) or compact.
#[component]
pub fn Tiles(figures: Vec<TileFigure>, lang: Lang, #[prop(optional)] lead: bool) -> impl IntoView {
    (!figures.is_empty()).then(|| {
        view! {
            <ul class="tiles" class:lead-figures=lead role="list">
                {figures.into_iter().map(|tile| view! { <Tile tile lang/> }).collect_view()}
            </ul>
        }
    })
}

/// One figure: its number opens its source sentence.
#[component]
fn Tile(tile: TileFigure, lang: Lang) -> impl IntoView {
    let TileFigure {
        id,
        label,
        value,
        unit,
        qualifier,
        derived,
        source,
    } = tile;
    let text = format::figure(value, unit, qualifier, lang);
    let s = strings(lang);
    view! {
        <li class="tile" class:derived=derived data-figure=id>
            <button type="button" class="tile-main" aria-haspopup="dialog" data-source=source.attr()>
                <span class="tile-value">
                    // Only the parts there are: an empty one would be written as a space.
                    {(!text.before.is_empty()).then(|| view! { <span class="tile-qualifier">{text.before}</span> })}
                    <span class="tile-number">{text.number}</span>
                    {(!text.after.is_empty()).then(|| view! { <span class="tile-unit">{text.after}</span> })}
                </span>
                <span class="tile-label">{label.get(lang).to_string()}</span>
                // A stated figure's number is its own link to its source (dotted, as every
                // source on the page): the words are there for screen readers only. A derived
                // one says that it is, and how.
                {if derived {
                    Either::Left(view! { <span class="tile-more">{format!("{} · {}", s.derived, s.how_derived)}</span> })
                } else {
                    Either::Right(view! { <span class="visually-hidden">{s.show_source}</span> })
                }}
            </button>
        </li>
    }
}
