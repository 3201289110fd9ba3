//! The page's icons, inlined at build time: the Lucide icons (npm package `lucide-static`,
//! ISC licence) the page uses, and only those, as one hidden SVG sprite of `<symbol>`s that
//! each icon on the page draws with `<use>` (see `ui::icons`). The licence travels with them:
//! a file beside the pages ([`LICENCE`]), which the sprite names, and, in the one-file
//! edition, which has nothing beside it, inside the page ([`with_licence_inside`]).

use super::PublishError;
use std::path::Path;

/// Where `npm ci` puts the icons (relative to the project, where trunk runs `bake`).
pub const PACKAGE: &str = "node_modules/lucide-static";

/// The licence's file beside the pages.
pub const LICENCE: &str = "LICENSE-lucide.txt";

/// What the sprite says of the licence, on a hosted page.
const NOTICE: &str = "<!-- Icons: Lucide (lucide-static), ISC License: LICENSE-lucide.txt -->";

/// The icons' licence, as the package has it.
pub fn licence(package: &Path) -> Result<String, PublishError> {
    let path = package.join("LICENSE");
    std::fs::read_to_string(&path).map_err(|e| {
        PublishError::Icon(format!(
            "cannot read {} ({e}): is lucide-static in node_modules (npm ci)?",
            path.display()
        ))
    })
}

/// `page` with the licence's whole text where its sprite names the file.
pub fn with_licence_inside(page: &str, licence: &str) -> String {
    // (A comment may not hold "--".)
    let text = licence.trim().replace("--", "- -");
    page.replace(
        NOTICE,
        &format!("<!-- Icons: Lucide (lucide-static).\n{text}\n-->"),
    )
}

/// The sprite of `names`: one `<symbol id="icon-NAME">` each, in an SVG that draws nothing.
pub fn sprite(package: &Path, names: &[&str]) -> Result<String, PublishError> {
    let mut symbols = String::new();
    for name in names {
        let path = package.join("icons").join(format!("{name}.svg"));
        let svg = std::fs::read_to_string(&path).map_err(|e| {
            PublishError::Icon(format!(
                "cannot read {} ({e}): is lucide-static in node_modules (npm ci), and is `{name}` a Lucide icon (https://lucide.dev/icons)?",
                path.display()
            ))
        })?;
        let inner = svg
            .find("<svg")
            .and_then(|start| svg[start..].find('>').map(|end| start + end + 1))
            .and_then(|open| svg.rfind("</svg>").map(|close| &svg[open..close]))
            .ok_or_else(|| PublishError::Icon(format!("{} is not an SVG", path.display())))?;
        let shapes: String = inner.lines().map(str::trim).collect();
        symbols.push_str(&format!(
            r#"<symbol id="{}" viewBox="0 0 24 24">{shapes}</symbol>"#,
            crate::ui::icon_id(name)
        ));
    }
    Ok(format!(
        r#"<svg aria-hidden="true" focusable="false">{NOTICE}{symbols}</svg>"#
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn takes_only_the_shapes_of_each_icon() {
        let dir = std::env::temp_dir().join(format!("torch2024-icons-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("icons")).unwrap();
        std::fs::write(
            dir.join("LICENSE"),
            "ISC License -- Copyright (c) someone\n",
        )
        .unwrap();
        std::fs::write(
            dir.join("icons/dot.svg"),
            "<!-- @license x -->\n<svg\n  class=\"lucide\"\n  viewBox=\"0 0 24 24\"\n>\n  <circle cx=\"12\" cy=\"12\" r=\"1\" />\n</svg>\n",
        )
        .unwrap();
        let made = sprite(&dir, &["dot"]).unwrap();
        assert!(
            made.contains(r#"<symbol id="icon-dot" viewBox="0 0 24 24"><circle cx="12" cy="12" r="1" /></symbol>"#),
            "{made}"
        );
        assert!(made.contains(NOTICE), "{made}");
        let inside = with_licence_inside(&made, &licence(&dir).unwrap());
        assert!(
            inside.contains(
                "<!-- Icons: Lucide (lucide-static).\nISC License - - Copyright (c) someone\n-->"
            ),
            "{inside}"
        );
        let missing = sprite(&dir, &["nope"]).unwrap_err().to_string();
        assert!(
            missing.contains("nope") && missing.contains("lucide-static"),
            "{missing}"
        );
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
