//! The page's Content-Security-Policy: only its own files, WebAssembly, and its own inline
//! scripts by hash. Nothing from any other host is allowed.

use super::html::inline_scripts;
use base64::Engine;
use sha2::{Digest, Sha256};

/// The policy for a page whose inline scripts are `scripts`.
pub fn policy(scripts: &[&str]) -> String {
    let hashes: Vec<String> = scripts
        .iter()
        .map(|s| {
            format!(
                "'sha256-{}'",
                base64::engine::general_purpose::STANDARD.encode(Sha256::digest(s.as_bytes()))
            )
        })
        .collect();
    [
        "default-src 'none'".to_string(),
        format!("script-src 'self' 'wasm-unsafe-eval' {}", hashes.join(" ")),
        "style-src 'self'".to_string(),
        "img-src 'self' data:".to_string(),
        "connect-src 'self'".to_string(),
        "base-uri 'self'".to_string(),
        "form-action 'none'".to_string(),
    ]
    .join("; ")
}

/// `html` with its policy in a `<meta http-equiv>` right after `<meta charset>`.
pub fn with_policy(html: &str) -> String {
    let meta = format!(
        r#"<meta http-equiv="Content-Security-Policy" content="{}">"#,
        policy(&inline_scripts(html))
    );
    match html.find("<meta charset=\"utf-8\">") {
        Some(i) => {
            let at = i + "<meta charset=\"utf-8\">".len();
            format!("{}\n  {meta}{}", &html[..at], &html[at..])
        }
        None => html.replacen("<head>", &format!("<head>{meta}"), 1),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_inline_scripts_and_allows_nothing_foreign() {
        let page = "<head><meta charset=\"utf-8\"><script>go()</script></head>";
        let out = with_policy(page);
        // printf 'go()' | openssl dgst -sha256 -binary | base64
        assert!(
            out.contains("'sha256-5KYv+PUboo5h+0+YAtGRPbwv5d/QxzHslP4YGnUaxRw='"),
            "{out}"
        );
        assert!(
            out.contains("default-src 'none'") && !out.contains("http:") && !out.contains("https:"),
            "{out}"
        );
    }
}
