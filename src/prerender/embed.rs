//! The partner embeds rendered at build time: each article's card and full embed as a plain
//! document (`embed/articles/{slug}/index.html`, `…/full/index.html`), drawn by the embed
//! entry's own [`EmbedView`], with the site's stylesheet and one small script
//! (`public/embed-frame.js`) for the partner's look, the height messages and the text-size
//! buttons. A partner's reader downloads no wasm; the embed entry (`/embed/?article=…`)
//! remains for articles published since the last render.

use super::render_view;
use crate::embed::{document_head, EmbedView, ROOT_ATTRIBUTE};
use crate::hooks::use_text_size::provide_text_size;
use futures::FutureExt;
use leptos::prelude::*;
use model::embed::{embed_path, Variant};
use model::text::escape_html;
use model::{paths, Article, Slug};
use std::path::Path;

/// The frame script, written beside the embed entry under a name that changes with its
/// contents (so hosts may cache it forever, like Trunk's hashed assets).
const FRAME_SCRIPT: &str = include_str!("../../public/embed-frame.js");

/// What every rendered embed document shares: the stylesheet tag and the script's path.
pub struct EmbedTemplate {
    stylesheet: String,
    script: String,
}

impl EmbedTemplate {
    /// Reads the stylesheet tag from the embed entry Trunk built (`dist/embed/index.html`) and
    /// writes the frame script beside it.
    pub fn prepare(dist: &Path) -> Result<EmbedTemplate, String> {
        let entry = dist.join("embed/index.html");
        let html = std::fs::read_to_string(&entry).map_err(|e| {
            format!(
                "cannot read {}: {e} (build the embed entry first: `cargo xtask build`)",
                entry.display()
            )
        })?;
        let stylesheet = stylesheet_tag(&html).ok_or_else(|| {
            format!(
                "{} links no stylesheet: is it the embed entry Trunk built?",
                entry.display()
            )
        })?;
        let name = format!("embed/frame-{:016x}.js", fnv1a(FRAME_SCRIPT.as_bytes()));
        std::fs::write(dist.join(&name), FRAME_SCRIPT)
            .map_err(|e| format!("cannot write {}: {e}", dist.join(&name).display()))?;
        Ok(EmbedTemplate {
            stylesheet: stylesheet.to_owned(),
            script: format!("/{name}"),
        })
    }

    /// Renders `slug`'s embeds (card and full) into `dist`.
    pub fn write(&self, dist: &Path, slug: &Slug) -> Result<(), String> {
        // Through the content client, as every page loads (at build time it reads from disk
        // and never waits).
        let article = crate::api::article(slug.clone())
            .now_or_never()
            .unwrap_or(Err(crate::error::ContentError::Offline))
            .map_err(|e| format!("{}: {e}", paths::article(slug)))?;
        // What partners may not republish (podcast episodes) gets no embeds.
        if !article.kind.may_republish() {
            return Ok(());
        }
        for variant in [Variant::Card, Variant::Full] {
            let html = self.document(&article, variant);
            let path = dist
                .join(embed_path(slug, variant).trim_start_matches('/'))
                .join("index.html");
            super::site::write_file(&path, &html)?;
        }
        Ok(())
    }

    /// The whole document of one embed.
    pub fn document(&self, article: &Article, variant: Variant) -> String {
        let (title, canonical) = document_head(article);
        let a = article.clone();
        let body = render_view(move || {
            provide_text_size();
            view! { <main id="main"><EmbedView article=a variant=variant/></main> }
        });
        format!(
            "<!DOCTYPE html>\n<html lang=\"en\" {ROOT_ATTRIBUTE}>\n  <head>\n    \
             <meta charset=\"utf-8\">\n    \
             <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n    \
             <meta name=\"color-scheme\" content=\"light dark\">\n    \
             <meta name=\"robots\" content=\"noindex\">\n    \
             <title>{}</title>\n    \
             <link rel=\"canonical\" href=\"{}\">\n    \
             <base target=\"_blank\">\n    \
             {}\n    \
             <script src=\"{}\"></script>\n  </head>\n  <body>\n    {body}\n  </body>\n</html>\n",
            escape_html(&title),
            escape_html(&canonical),
            self.stylesheet,
            self.script,
        )
    }
}

/// The first `<link rel="stylesheet" …>` tag of a page.
fn stylesheet_tag(html: &str) -> Option<&str> {
    let start = html.find("<link rel=\"stylesheet\"")?;
    let end = html[start..].find('>')? + start + 1;
    Some(&html[start..end])
}

/// FNV-1a, 64 bits: a stable name for the frame script's contents (not a security hash; the
/// policy's `script-src 'self'` is what admits it).
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_stylesheet_tag_is_taken_whole() {
        let html = "<head><script src=\"/b.js\"></script>\n<link rel=\"stylesheet\" href=\"/embed/main-0a.css\" integrity=\"sha384-x\"/>\n<link rel=\"stylesheet\" href=\"/other.css\"></head>";
        assert_eq!(
            stylesheet_tag(html),
            Some("<link rel=\"stylesheet\" href=\"/embed/main-0a.css\" integrity=\"sha384-x\"/>")
        );
        assert_eq!(stylesheet_tag("<head></head>"), None);
    }

    #[test]
    fn the_script_name_follows_its_contents() {
        // The published FNV-1a test vectors.
        assert_eq!(fnv1a(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a(b"a"), 0xaf63_dc4c_8601_ec8c);
        assert_ne!(fnv1a(b"ab"), fnv1a(b"ba"));
    }
}
