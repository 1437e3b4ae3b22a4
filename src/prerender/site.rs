//! The build step: every public route of a bucket rendered into a built site as
//! `path/index.html` (home as `index.html`, the not-found page as `404.html`), each from the
//! site's own `index.html` with the page's head and body written in, so a static host with
//! pretty URLs answers every route with the page itself; and each article's partner embeds
//! (`super::embed`).

use super::embed::EmbedTemplate;
use super::{render, use_bucket, Bucket};
use crate::takeover::RENDERED_ATTR;
use model::head::{head, Head, MetaKey, PageKind, PageMeta, SiteHead};
use model::route::AppRoute;
use model::text::escape_html;
use model::{paths, Slug};
use std::path::{Path, PathBuf};
use std::time::Instant;

/// The untouched `index.html` Trunk wrote, kept beside the pages: the template of every
/// re-run, and the bare app shell for hosts that want one.
pub const SHELL: &str = "shell.html";
/// A path no route matches: what `404.html` is rendered from.
const UNKNOWN_PATH: &str = "/not-found/not-found/not-found";

/// `prerender --bucket DIR --dist DIR [--base URL]`.
pub fn run(args: Vec<String>) -> Result<(), String> {
    let mut bucket = None;
    let mut dist = None;
    let mut base = "/content/".to_owned();
    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        let mut value = || args.next().ok_or_else(|| format!("{arg} needs a value"));
        match arg.as_str() {
            "--bucket" => bucket = Some(PathBuf::from(value()?)),
            "--dist" => dist = Some(PathBuf::from(value()?)),
            "--base" => base = value()?,
            other => {
                return Err(format!(
                    "unknown argument {other:?} (usage: prerender --bucket DIR --dist DIR [--base URL])"
                ))
            }
        }
    }
    let bucket = bucket.ok_or("--bucket DIR is required (what `press build` wrote)")?;
    let dist = dist.ok_or("--dist DIR is required (what `trunk build` wrote)")?;
    let start = Instant::now();
    let written = write_site(&bucket, &dist, &base)?;
    println!(
        "prerender: {written} pages into {} in {:.1} s",
        dist.display(),
        start.elapsed().as_secs_f32()
    );
    Ok(())
}

/// Renders every route of `bucket` into `dist`; returns how many pages it wrote.
pub fn write_site(bucket: &Path, dist: &Path, base: &str) -> Result<usize, String> {
    let template = with_content_base(&template(dist)?, base);
    let site: model::Site = read_json(bucket, &paths::site())?;
    let site_head = SiteHead::new(&site, base);
    let routes = routes(bucket)?;
    let embeds = EmbedTemplate::prepare(dist)?;
    // Each article's page, then its two embeds.
    let jobs: Vec<Job> = routes
        .iter()
        .map(Job::Page)
        .chain(routes.iter().filter_map(|r| match r {
            AppRoute::Article(slug) => Some(Job::Embeds(slug)),
            _ => None,
        }))
        .collect();
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get().min(4));
    let chunk = jobs.len().div_ceil(threads).max(1);
    let page = Page {
        template: &template,
        site: &site_head,
        dist,
        embeds: &embeds,
    };
    let results: Vec<Result<(), String>> = std::thread::scope(|scope| {
        let workers: Vec<_> = jobs
            .chunks(chunk)
            .map(|part| {
                let page = &page;
                let bucket = Bucket {
                    dir: bucket.to_path_buf(),
                    base: base.to_owned(),
                };
                scope.spawn(move || {
                    use_bucket(bucket);
                    part.iter().try_for_each(|job| match job {
                        Job::Page(route) => page.write(route),
                        Job::Embeds(slug) => page.embeds.write(dist, slug),
                    })
                })
            })
            .collect();
        workers
            .into_iter()
            .map(|w| {
                w.join()
                    .unwrap_or_else(|_| Err("a render thread panicked".into()))
            })
            .collect()
    });
    results.into_iter().collect::<Result<(), String>>()?;
    use_bucket(Bucket {
        dir: bucket.to_path_buf(),
        base: base.to_owned(),
    });
    page.write_not_found()?;
    Ok(jobs.len() + jobs.iter().filter(|j| matches!(j, Job::Embeds(_))).count() + 1)
}

/// One unit of rendering work.
enum Job<'a> {
    /// A route's page.
    Page(&'a AppRoute),
    /// An article's card and full embeds.
    Embeds(&'a Slug),
}

/// The site's own `index.html` as Trunk wrote it (kept as [`SHELL`] the first time, since the
/// home page then takes its place).
fn template(dist: &Path) -> Result<String, String> {
    let shell = dist.join(SHELL);
    let index = dist.join("index.html");
    let text = std::fs::read_to_string(&index).map_err(|e| {
        format!(
            "cannot read {}: {e} (run `trunk build` first)",
            index.display()
        )
    })?;
    // The attribute on the `<html>` tag, not anywhere: the boot script written into the page
    // reads it by name.
    let html_tag = text
        .find("<html")
        .and_then(|i| text[i..].find('>').map(|e| &text[i..i + e]))
        .unwrap_or_default();
    if !html_tag.contains(RENDERED_ATTR) {
        std::fs::write(&shell, &text)
            .map_err(|e| format!("cannot write {}: {e}", shell.display()))?;
        return Ok(text);
    }
    std::fs::read_to_string(&shell).map_err(|e| {
        format!(
            "{} is already a rendered page and {} is missing: run `trunk build` again ({e})",
            index.display(),
            shell.display()
        )
    })
}

/// The template with its `<meta name="content-base">` naming `base`, so the pages and the app
/// that takes them over read the bucket the pages were rendered from.
pub fn with_content_base(template: &str, base: &str) -> String {
    const TAG: &str = "<meta name=\"content-base\" content=\"";
    let Some(start) = template.find(TAG).map(|i| i + TAG.len()) else {
        return template.to_owned();
    };
    let Some(len) = template[start..].find('"') else {
        return template.to_owned();
    };
    format!(
        "{}{}{}",
        &template[..start],
        escape_html(base),
        &template[start + len..]
    )
}

fn read_json<T: serde::de::DeserializeOwned>(bucket: &Path, file: &str) -> Result<T, String> {
    let path = bucket.join(file);
    let text = std::fs::read_to_string(&path)
        .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    model::decode::decode(file, &text).map_err(|e| e.to_string())
}

/// The slugs of the `*.json` files in one bucket folder, sorted.
fn slugs_in(bucket: &Path, folder: &str) -> Result<Vec<Slug>, String> {
    let dir = bucket.join(folder);
    let entries = match std::fs::read_dir(&dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(format!("cannot list {}: {e}", dir.display())),
    };
    let mut slugs = Vec::new();
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(stem) = name.to_str().and_then(|n| n.strip_suffix(".json")) else {
            continue;
        };
        let slug = Slug::parse(stem)
            .map_err(|e| format!("{}/{}: not a slug: {e}", dir.display(), stem))?;
        slugs.push(slug);
    }
    slugs.sort();
    Ok(slugs)
}

/// Every public route the bucket defines, first pages only (later pages, search results and
/// drafts are the browser app's).
pub fn routes(bucket: &Path) -> Result<Vec<AppRoute>, String> {
    let mut routes = AppRoute::fixed();
    routes.extend(
        slugs_in(bucket, "articles")?
            .into_iter()
            .map(AppRoute::Article),
    );
    routes.extend(
        slugs_in(bucket, "contributors")?
            .into_iter()
            .map(AppRoute::contributor),
    );
    routes.extend(slugs_in(bucket, "pages")?.into_iter().map(AppRoute::Page));
    let topics: model::Topics = read_json(bucket, &paths::topics())?;
    routes.extend(
        topics
            .topics
            .into_iter()
            .filter(|t| bucket.join(paths::topic_page(&t.slug, 1)).is_file())
            .map(|t| AppRoute::topic(t.slug)),
    );
    let years: model::ArchiveYears = read_json(bucket, &paths::archive_years())?;
    routes.extend(years.years.into_iter().map(|y| AppRoute::year(y.year)));
    // Buckets written before podcasts have no podcasts.json: they have no shows.
    if bucket.join(paths::podcasts()).is_file() {
        let podcasts: model::Podcasts = read_json(bucket, &paths::podcasts())?;
        routes.extend(
            podcasts
                .shows
                .into_iter()
                .map(|card| AppRoute::show(card.show.slug)),
        );
    }
    Ok(routes)
}

/// The file a route's page is written to: `dir/index.html` for pretty URLs.
pub fn output_path(dist: &Path, route: &AppRoute) -> PathBuf {
    let href = route.href();
    let path = href.split('?').next().unwrap_or_default().trim_matches('/');
    if path.is_empty() {
        dist.join("index.html")
    } else {
        dist.join(path).join("index.html")
    }
}

struct Page<'a> {
    template: &'a str,
    site: &'a SiteHead,
    dist: &'a Path,
    embeds: &'a EmbedTemplate,
}

impl Page<'_> {
    fn write(&self, route: &AppRoute) -> Result<(), String> {
        let href = route.href();
        let html = self.html(&href, Some(route))?;
        write_file(&output_path(self.dist, route), &html)
    }

    fn write_not_found(&self) -> Result<(), String> {
        let html = self.html(UNKNOWN_PATH, None)?;
        write_file(&self.dist.join("404.html"), &html)
    }

    /// The whole document for `href`.
    fn html(&self, href: &str, route: Option<&AppRoute>) -> Result<String, String> {
        let rendered = render(href);
        let meta = rendered.meta.unwrap_or_else(PageMeta::not_found);
        let head_html = head_markup(
            &head(&meta, self.site),
            &meta,
            route,
            &self.site.name,
            &self.site.bucket,
        );
        // The 404 page names no route: whatever URL it answers, the app draws its own.
        let rendered_for = route.map(AppRoute::href).unwrap_or_default();
        let html_attr = format!(" {RENDERED_ATTR}=\"{}\"", escape_html(&rendered_for));
        fill(self.template, &head_html, &html_attr, &rendered.body)
            .ok_or_else(|| "the site's index.html has no <html>, <title> or <body>".to_owned())
    }
}

pub(super) fn write_file(path: &Path, text: &str) -> Result<(), String> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)
            .map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    }
    std::fs::write(path, text).map_err(|e| format!("cannot write {}: {e}", path.display()))
}

/// The head a page's crawlers read: title, canonical, meta tags, the feed and (on articles)
/// the oEmbed discovery link, and the JSON-LD data block. What the app writes again once it
/// takes over is marked `data-rendered`, for the take-over to remove.
pub fn head_markup(
    head: &Head,
    meta: &PageMeta,
    route: Option<&AppRoute>,
    site_name: &str,
    bucket: &str,
) -> String {
    let mut out = format!("<title>{}</title>", escape_html(&head.title));
    if let Some(canonical) = &head.canonical {
        out.push_str(&format!(
            "\n    <link rel=\"canonical\" href=\"{}\" data-rendered>",
            escape_html(canonical)
        ));
    }
    for tag in &head.meta {
        let (key, name) = match tag.key {
            MetaKey::Name(n) => ("name", n),
            MetaKey::Property(p) => ("property", p),
        };
        out.push_str(&format!(
            "\n    <meta {key}=\"{name}\" content=\"{}\" data-rendered>",
            escape_html(&tag.content)
        ));
    }
    out.push_str(&format!(
        "\n    <link rel=\"alternate\" type=\"application/atom+xml\" title=\"{}\" href=\"{}\">",
        escape_html(site_name),
        escape_html(&format!("{bucket}{}", paths::feed()))
    ));
    if let Some(AppRoute::Show { slug, .. }) = route {
        // Podcast apps and browsers find the show's feed from its page.
        out.push_str(&format!(
            "\n    <link rel=\"alternate\" type=\"application/rss+xml\" title=\"{}\" href=\"{}\" data-rendered>",
            escape_html(&meta.title),
            escape_html(&format!("{bucket}{}", paths::show_feed(slug)))
        ));
    }
    // Only what partners may republish is offered to oEmbed consumers.
    let embeddable = match &meta.kind {
        PageKind::Article { article_kind, .. } => article_kind.may_republish(),
        _ => true,
    };
    if let (Some(AppRoute::Article(slug)), Some(_), true) = (route, &meta.canonical, embeddable) {
        out.push_str(&format!(
            "\n    <link rel=\"alternate\" type=\"application/json+oembed\" href=\"{}\">",
            escape_html(&format!("{bucket}{}", paths::oembed(slug)))
        ));
    }
    if let Some(json) = &head.json_ld {
        // A data block, never executed: the strict CSP's script-src does not apply to it.
        out.push_str(&format!(
            "\n    <script type=\"application/ld+json\" data-rendered>{json}</script>"
        ));
    }
    out
}

/// The template with `html_attr` on `<html>`, `head` in place of its `<title>` and `body` at
/// the start of `<body>`; the shell's "needs JavaScript" notice goes, since the page is here.
pub fn fill(template: &str, head: &str, html_attr: &str, body: &str) -> Option<String> {
    let html_open = template.find("<html")? + "<html".len();
    let title_start = template.find("<title>")?;
    let title_end = template[title_start..].find("</title>")? + title_start + "</title>".len();
    let body_open = template.find("<body")?;
    let body_tag_end = template[body_open..].find('>')? + body_open;
    let mut rest = &template[body_tag_end + 1..];
    let mut kept_after_body = String::new();
    if let (Some(ns), Some(ne)) = (rest.find("<noscript>"), rest.find("</noscript>")) {
        kept_after_body.push_str(&rest[..ns]);
        rest = &rest[ne + "</noscript>".len()..];
    }
    let mut out = String::with_capacity(template.len() + head.len() + body.len());
    out.push_str(&template[..html_open]);
    out.push_str(html_attr);
    out.push_str(&template[html_open..title_start]);
    out.push_str(head);
    out.push_str(&template[title_end..=body_tag_end]);
    out.push_str(kept_after_body.trim_end());
    out.push_str("\n    ");
    out.push_str(body);
    out.push_str(rest);
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEMPLATE: &str = "<!DOCTYPE html>\n<html lang=\"en\">\n  <head>\n    <meta charset=\"utf-8\">\n    <title>Convergence</title>\n    <script src=\"/boot.js\"></script>\n  </head>\n  <body>\n    <noscript>\n      <p>Needs JavaScript.</p>\n    </noscript>\n    <div id=\"fatal-error\" hidden></div>\n  </body>\n</html>\n";

    #[test]
    fn the_page_goes_into_the_shell() {
        let html = fill(
            TEMPLATE,
            "<title>A — Convergence</title>",
            " data-rendered-route=\"/a\"",
            "<main>A</main>",
        )
        .unwrap();
        assert!(html.starts_with("<!DOCTYPE html>\n<html data-rendered-route=\"/a\" lang=\"en\">"));
        assert!(html.contains("<meta charset=\"utf-8\">\n    <title>A — Convergence</title>\n    <script src=\"/boot.js\">"));
        assert!(!html.contains("<title>Convergence</title>"));
        assert!(!html.contains("noscript"), "the page needs no script");
        let main = html.find("<main>A</main>").unwrap();
        assert!(html.find("<body>").unwrap() < main);
        assert!(main < html.find("id=\"fatal-error\"").unwrap());
        assert!(fill("<html><body></body></html>", "", "", "").is_none());
    }

    #[test]
    fn the_pages_name_the_bucket_they_were_rendered_from() {
        let t = "<head><meta name=\"content-base\" content=\"/content/\"></head>";
        assert_eq!(with_content_base(t, "/content/"), t);
        assert_eq!(
            with_content_base(t, "https://c.example.org/"),
            "<head><meta name=\"content-base\" content=\"https://c.example.org/\"></head>"
        );
        assert_eq!(with_content_base("<head></head>", "/x/"), "<head></head>");
    }

    #[test]
    fn pretty_urls_are_folders() {
        let dist = Path::new("dist");
        let slug = |s: &str| Slug::parse(s).unwrap();
        assert_eq!(
            output_path(dist, &AppRoute::Home { page: 1 }),
            dist.join("index.html")
        );
        assert_eq!(
            output_path(dist, &AppRoute::Article(slug("a-b"))),
            dist.join("articles/a-b/index.html")
        );
        assert_eq!(
            output_path(dist, &AppRoute::Search(String::new())),
            dist.join("search/index.html")
        );
        assert_eq!(
            output_path(dist, &AppRoute::year(2012)),
            dist.join("archive/2012/index.html")
        );
        assert_eq!(
            output_path(dist, &AppRoute::Page(slug("about"))),
            dist.join("about/index.html")
        );
    }

    #[test]
    fn the_head_marks_what_the_app_writes_again_and_escapes_everything() {
        let meta = PageMeta::page("Q&A \"<here>\"", "x", "/about".into());
        let site = SiteHead {
            name: "Convergence".into(),
            url: "https://convergencemag.com".into(),
            description: "d".into(),
            bucket: "/content/".into(),
            default_image: None,
        };
        let html = head_markup(&head(&meta, &site), &meta, None, "Convergence", "/content/");
        assert!(html.starts_with("<title>Q&amp;A &quot;&lt;here&gt;&quot; — Convergence</title>"));
        assert!(html.contains(
            "<link rel=\"canonical\" href=\"https://convergencemag.com/about\" data-rendered>"
        ));
        assert!(html.contains("<link rel=\"alternate\" type=\"application/atom+xml\" title=\"Convergence\" href=\"/content/feed.xml\">"));
        assert!(!html.contains("oembed"), "only articles have oEmbed");
        for line in html.lines().filter(|l| l.contains("<meta ")) {
            assert!(line.ends_with(" data-rendered>"), "{line}");
        }
        let article = AppRoute::Article(Slug::parse("a").unwrap());
        let html = head_markup(&head(&meta, &site), &meta, Some(&article), "C", "/content/");
        assert!(html.contains("href=\"/content/oembed/a.json\""));
    }

    #[test]
    fn trunks_page_is_the_template_even_when_its_script_names_the_attribute() {
        let dist = std::env::temp_dir().join(format!("prerender-template-{}", std::process::id()));
        std::fs::create_dir_all(&dist).unwrap();
        let trunk = "<!DOCTYPE html>\n<html lang=\"en\"><head><script>document.documentElement.getAttribute(\"data-rendered-route\")</script></head><body></body></html>";
        std::fs::write(dist.join("index.html"), trunk).unwrap();
        assert_eq!(template(&dist).unwrap(), trunk);
        // Once rendered, index.html is the home page and the kept shell is the template.
        std::fs::write(
            dist.join("index.html"),
            "<!DOCTYPE html>\n<html data-rendered-route=\"/\" lang=\"en\"></html>",
        )
        .unwrap();
        assert_eq!(template(&dist).unwrap(), trunk);
        std::fs::remove_dir_all(&dist).unwrap();
    }
}
