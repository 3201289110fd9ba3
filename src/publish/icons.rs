//! The page's icons, inlined at build time: the Lucide icons (npm package `lucide-static`,
//! ISC licence) the page uses, and only those, as one hidden SVG sprite of `<symbol>`s that
//! each icon on the page draws with `<use>` (see `ui::icons`). The licence's notice travels
//! inside the sprite, so every page and the one-file edition carry it.

use super::PublishError;
use std::path::Path;

/// Where `npm ci` puts the icons (relative to the project, where trunk runs `bake`).
pub const PACKAGE: &str = "node_modules/lucide-static";

/// The sprite of `names`: one `<symbol id="icon-NAME">` each, in an SVG that draws nothing.
pub fn sprite(package: &Path, names: &[&str]) -> Result<String, PublishError> {
    let licence = package.join("LICENSE");
    let licence = std::fs::read_to_string(&licence).map_err(|e| {
        PublishError::Icon(format!(
            "cannot read {} ({e}): is lucide-static in node_modules (npm ci)?",
            licence.display()
        ))
    })?;
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
    // (A comment may not hold "--".)
    let notice = licence.trim().replace("--", "- -");
    Ok(format!(
        "<svg aria-hidden=\"true\" focusable=\"false\"><!-- Icons: Lucide (lucide-static).\n{notice}\n-->{symbols}</svg>"
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
        assert!(
            made.contains("ISC License - - Copyright (c) someone"),
            "{made}"
        );
        let missing = sprite(&dir, &["nope"]).unwrap_err().to_string();
        assert!(
            missing.contains("nope") && missing.contains("lucide-static"),
            "{missing}"
        );
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
