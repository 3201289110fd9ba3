//! The address the site will be published at (`SITE_URL`: `make dist SITE_URL=…` passes it to
//! `bake`), and the absolute addresses made from it: the pages' canonical and alternate
//! addresses, their preview images, the embed code and the oEmbed answers need them.

use super::PublishError;
use crate::model::Lang;
use crate::query::url::page_href;
use url::Url;

/// The folder the pages will be published in.
#[derive(Clone, Debug, PartialEq)]
pub struct Site(Url);

impl Site {
    /// The site at `address`: the http(s) address of a folder, without a query or a fragment
    /// (a `/` is added at the end when missing).
    pub fn parse(address: &str) -> Result<Site, PublishError> {
        let bad = |why: &str| PublishError::SiteUrl {
            given: address.to_string(),
            why: why.to_string(),
        };
        let mut url = Url::parse(address.trim()).map_err(|e| bad(&e.to_string()))?;
        if !matches!(url.scheme(), "https" | "http") || url.host_str().is_none() {
            return Err(bad("it must start with https:// (or http://) and a host"));
        }
        if url.query().is_some() || url.fragment().is_some() {
            return Err(bad("it must have no ?query and no #fragment"));
        }
        if !url.username().is_empty() || url.password().is_some() {
            return Err(bad(
                "it must carry no user name or password (every page would show them)",
            ));
        }
        if url
            .path_segments()
            .and_then(|mut s| s.next_back())
            .is_some_and(|last| last.contains('.'))
        {
            return Err(bad("it must be a folder, not a file such as index.html"));
        }
        if !url.path().ends_with('/') {
            let folder = format!("{}/", url.path());
            url.set_path(&folder);
        }
        Ok(Site(url))
    }

    /// The site of the `SITE_URL` environment variable; `None` when it is unset or empty.
    pub fn from_env() -> Result<Option<Site>, PublishError> {
        match std::env::var("SITE_URL") {
            Ok(address) if !address.trim().is_empty() => Site::parse(&address).map(Some),
            _ => Ok(None),
        }
    }

    /// The absolute address of `path`, a file of the site (relative to its folder).
    pub fn file(&self, path: &str) -> String {
        self.0
            .join(path)
            .expect("a path in the site joins its address")
            .to_string()
    }

    /// The absolute address of `lang`'s page (the folder itself for the Traditional page).
    pub fn page(&self, lang: Lang) -> String {
        self.file(page_href(lang))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_site_is_a_folder_and_makes_absolute_addresses() {
        let site = Site::parse("https://example.org/news/2025/torch").unwrap();
        assert_eq!(
            site.page(Lang::Hant),
            "https://example.org/news/2025/torch/"
        );
        assert_eq!(
            site.page(Lang::En),
            "https://example.org/news/2025/torch/en.html"
        );
        assert_eq!(
            site.file("preview-en.png"),
            "https://example.org/news/2025/torch/preview-en.png"
        );
        assert_eq!(
            Site::parse(" http://localhost:8080/ ")
                .unwrap()
                .page(Lang::Hans),
            "http://localhost:8080/zh-Hans.html"
        );
    }

    #[test]
    fn refuses_what_is_no_site_address() {
        for bad in [
            "example.org/news/",
            "ftp://example.org/",
            "https://example.org/?a=1",
            "https://example.org/#x",
            "/news/",
            "https://user:secret@example.org/news/",
            "https://example.org/news/index.html",
        ] {
            let e = Site::parse(bad).unwrap_err().to_string();
            assert!(
                e.contains("SITE_URL") && e.contains(bad.trim()),
                "{bad}: {e}"
            );
        }
    }
}
