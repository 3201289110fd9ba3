//! The page's Content-Security-Policy: only its own files, WebAssembly, and its own inline
//! scripts by hash. Nothing from any other host is allowed.

use super::html::inline_scripts;
use super::PublishError;
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

/// `html` with its policy in a `<meta http-equiv>` right after `<meta charset>` (which must be
/// there: the policy has to come before anything it governs).
pub fn with_policy(html: &str) -> Result<String, PublishError> {
    const CHARSET: &str = "<meta charset=\"utf-8\">";
    let meta = format!(
        r#"<meta http-equiv="Content-Security-Policy" content="{}">"#,
        policy(&inline_scripts(html))
    );
    let at = html.find(CHARSET).ok_or_else(|| PublishError::Missing {
        file: "index.html".into(),
        what: CHARSET.into(),
    })? + CHARSET.len();
    Ok(format!("{}\n  {meta}{}", &html[..at], &html[at..]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_inline_scripts_and_allows_nothing_foreign() {
        let page = "<head><meta charset=\"utf-8\"><script>go()</script></head>";
        let out = with_policy(page).unwrap();
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

    #[test]
    fn a_page_without_its_charset_is_an_error() {
        let e = with_policy("<head><script>go()</script></head>").unwrap_err();
        assert!(e.to_string().contains("<meta charset"), "{e}");
    }
}
