//! Icons of the chapters and the sectors: each drawn with `<use>` from the page's sprite of
//! Lucide icons, which the build inlines (`publish::icons`), so the app carries only names.

use crate::model::Sector;
use leptos::prelude::*;

/// The element id of icon `name` in the sprite.
pub fn icon_id(name: &str) -> String {
    format!("icon-{name}")
}

/// The Lucide icon of each sector.
pub fn sector_icon(sector: Sector) -> &'static str {
    match sector {
        Sector::NewEnergy => "battery-charging",
        Sector::SemiconductorsDisplays => "microchip",
        Sector::AdvancedManufacturing => "factory",
        Sector::DigitalAi => "brain-circuit",
        Sector::Logistics => "truck",
        Sector::Finance => "banknote",
        Sector::Research => "flask-conical",
        Sector::PublicFacilities => "school",
        Sector::Infrastructure => "route",
    }
}

/// The icons of the sections the build adds to the chapters' own (`data/groups.toml`).
pub const TASKS_ICON: &str = "list-checks";
pub const PROJECTS_ICON: &str = "layout-grid";

/// Every icon the page can show, each once: for the build's sprite.
pub fn used(ds: &crate::model::Dataset) -> Vec<&str> {
    use crate::names::Named;
    let mut names: Vec<&str> = ds.groups.iter().filter_map(|g| g.icon.as_deref()).collect();
    names.extend(Sector::ALL.iter().map(|&s| sector_icon(s)));
    names.extend([TASKS_ICON, PROJECTS_ICON]);
    let mut seen = std::collections::HashSet::new();
    names.retain(|n| seen.insert(*n));
    names
}

/// An icon, for the eye only (the text beside it says what it is).
#[component]
pub fn Icon(name: &'static str) -> impl IntoView {
    view! {
        <svg class="icon" aria-hidden="true" focusable="false" viewBox="0 0 24 24">
            <use href=format!("#{}", icon_id(name))/>
        </svg>
    }
}
