//! Article (`/articles/:slug`): header, hero figure, body, topics, republication notice, related.

use crate::api;
use crate::components::episode::{AudioPolicy, EpisodePlayer};
use crate::components::image::BucketImage;
use crate::components::later::Later;
use crate::components::page_head::PageHead;
use crate::components::subscribe_form::SubscribeSection;
use crate::components::video_placeholder::VideoPlaceholder;
use crate::components::{
    byline::Byline, listing::ListingView, loaded::Loaded, republish::RepublishButton,
    save_offline::SaveForOffline, share::ShareBar,
};
use crate::format;
use crate::hooks::use_content::{use_content, Content};
use crate::hooks::use_site::use_site;
use crate::hooks::use_slug_param::use_slug_param;
use crate::routes::AppRoute;
use leptos::prelude::*;
use leptos_router::components::A;
use model::head::PageMeta;
use model::markdown::TocEntry;
use model::{Article, Media, Slug};

/// Articles with at least this many sections get a table of contents.
pub const TOC_MIN_SECTIONS: usize = 3;

/// The table of contents worth showing: only for long articles with enough top-level sections.
pub fn toc_to_show(toc: Vec<TocEntry>) -> Vec<TocEntry> {
    if toc.iter().filter(|e| e.level == 2).count() >= TOC_MIN_SECTIONS {
        toc
    } else {
        Vec::new()
    }
}

/// One item of the table of contents: a section and the sub-sections nested under it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TocSection {
    /// The section's own heading.
    pub entry: TocEntry,
    /// Its sub-sections, in order.
    pub subs: Vec<TocEntry>,
}

/// Nests each sub-section under the section before it, so the list numbers sections only;
/// a sub-section before the first section stands as an item of its own.
pub fn toc_tree(toc: Vec<TocEntry>) -> Vec<TocSection> {
    let mut tree: Vec<TocSection> = Vec::new();
    for entry in toc {
        match tree.last_mut() {
            Some(section) if entry.level > 2 && section.entry.level == 2 => {
                section.subs.push(entry)
            }
            _ => tree.push(TocSection {
                entry,
                subs: Vec::new(),
            }),
        }
    }
    tree
}

/// The article named by the route's `:slug` (a malformed slug is simply not found).
pub fn use_article_from_route() -> Content<Article> {
    let slug = use_slug_param();
    use_content(move || {
        let slug = slug();
        async move { api::article(slug?).await }
    })
}

/// The article page; unknown slugs show the 404 page.
#[component]
pub fn ArticlePage() -> impl IntoView {
    let article = use_article_from_route();
    view! {
        <Loaded resource=article lines=30 let:a>
            <ArticleView article=a/>
        </Loaded>
    }
}

/// The article's canonical URL if it is http(s), mailto or a site path; otherwise (a
/// compromised bucket) the article's own path on this site.
pub fn safe_canonical(canonical_url: &str, slug: &Slug) -> String {
    match model::url::safe_url(canonical_url) {
        Some(url) => url.to_owned(),
        None => AppRoute::Article(slug.clone()).href(),
    }
}

/// A whole article, as readers (and staff previews) see it.
#[component]
pub fn ArticleView(article: Article) -> impl IntoView {
    let site = use_site();
    let slug_for_embed = article.slug.clone();
    let meta = PageMeta::article(&article);
    let republishable = article.kind.may_republish();
    // The episode block takes the whole article; only episodes pay for the copy.
    let episode_article =
        matches!(article.media, Some(Media::Audio { .. })).then(|| article.clone());
    let Article {
        title,
        dek,
        published_at,
        updated_at,
        authors,
        topics,
        feature_image,
        media,
        markdown,
        reading_time,
        canonical_url,
        originally_published,
        related,
        ..
    } = article;
    // A canonical URL with another scheme (a compromised bucket) falls back to this page.
    let canonical_url = safe_canonical(&canonical_url, &slug_for_embed);
    let date = format::date_local(published_at);
    let topic = topics.first().cloned();
    let rendered = model::markdown::render(&markdown);
    let toc = toc_to_show(rendered.toc);
    let contents = (!toc.is_empty()).then(|| {
        let link = |e: TocEntry| view! { <a href=format!("#{}", e.id)>{e.text}</a> };
        let items = toc_tree(toc)
            .into_iter()
            .map(|section| {
                let subs = (!section.subs.is_empty()).then(|| {
                    let subs = section
                        .subs
                        .into_iter()
                        .map(|e| view! { <li>{link(e)}</li> })
                        .collect_view();
                    view! { <ul class="toc__subs">{subs}</ul> }
                });
                view! { <li>{link(section.entry)}{subs}</li> }
            })
            .collect_view();
        view! {
            <nav class="toc" aria-labelledby="toc-heading">
                <h2 id="toc-heading" class="toc__heading">"In this article"</h2>
                <ol>{items}</ol>
            </nav>
        }
    });
    let hero = feature_image.map(|img| {
        let (caption, credit) = (img.caption.clone(), img.credit.clone());
        view! {
            <figure class="hero">
                <BucketImage image=img sizes="(min-width: 40rem) 38rem, 100vw"/>
                {(caption.is_some() || credit.is_some()).then(|| view! {
                    <figcaption>
                        {caption}
                        {credit.map(|c| view! { " " <span class="credit">{c}</span> })}
                    </figcaption>
                })}
            </figure>
        }
    });
    // Media URLs with a script or data scheme (a compromised bucket) show no player.
    let player = match media {
        Some(Media::Audio { .. }) => {
            episode_article.map(|article| view! { <EpisodePlayer article=article/> }.into_any())
        }
        Some(Media::Video {
            url,
            host,
            duration_seconds,
            poster,
        }) => model::url::safe_url(&url).map(|url| {
            view! {
                <VideoPlaceholder url=url.to_owned() host=host title=title.clone()
                    duration=duration_seconds poster=poster/>
            }
            .into_any()
        }),
        None => None,
    };
    let topic_links = topics
        .into_iter()
        .map(|t| view! { <li><A href=AppRoute::topic(t.slug).href()>{t.name}</A></li> })
        .collect_view();
    let notice = move || {
        site.get().and_then(|r| r.ok()).map(|s| {
            view! {
                <aside class="republication" aria-label="Republishing this article">
                    <p>{s.republication.summary}</p>
                    <p><A href=AppRoute::Page(s.republication.page).href()>"Read our republication policy"</A></p>
                </aside>
            }
        })
    };
    let more = (!related.is_empty()).then(|| {
        view! {
            <section class="related" aria-labelledby="related-heading">
                <h2 id="related-heading">"More from Convergence"</h2>
                <ListingView articles=related/>
            </section>
        }
    });
    // Effects run once the view is in the document: the body is rendered.
    Effect::new(|_| crate::perf::mark(crate::perf::ARTICLE_RENDERED));
    let title_for_share = title.clone();
    let (title_for_embed, canonical_for_embed) = (title.clone(), canonical_url.clone());
    view! {
        <PageHead meta=meta/>
        <article class="article">
            <header class="article__header">
                {topic.map(|t| view! { <p class="article__topic"><A href=AppRoute::topic(t.slug).href()>{t.name}</A></p> })}
                <h1 tabindex="-1">{title}</h1>
                <p class="article__dek">{dek}</p>
                <p class="article__meta">
                    <Byline authors=authors/>
                    <span aria-hidden="true">" · "</span>
                    <time datetime=published_at.to_string()>{date}</time>
                    {updated_at.map(|u| view! {
                        <span aria-hidden="true">" · "</span>
                        "Updated " <time datetime=u.to_string()>{format::date_local(u)}</time>
                    })}
                    <span aria-hidden="true">" · "</span>
                    <span>{format::reading_time(reading_time)}</span>
                </p>
                {originally_published.map(|o| view! { <p class="article__origin">"Originally published: " {o}</p> })}
            </header>
            {hero}
            {player}
            {contents}
            <div class="prose" inner_html=rendered.html></div>
            <Later>
            <footer class="article__footer">
                <ShareBar title=title_for_share/>
                <SaveForOffline slug=slug_for_embed.clone()/>
                // Podcasts may not be republished without the hosts' and the magazine's written
                // permission: episodes get the policy instead of embed code.
                {republishable.then(|| view! {
                    <RepublishButton slug=slug_for_embed title=title_for_embed canonical_url=canonical_for_embed/>
                })}
                <h2 class="visually-hidden">"Topics"</h2>
                <ul class="topic-list">{topic_links}</ul>
                {if republishable { notice.into_any() } else { view! { <AudioPolicy/> }.into_any() }}
            </footer>
            </Later>
        </article>
        <Later>
            <SubscribeSection variant=crate::subscribe::form::Variant::Inline/>
            {more}
        </Later>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn slug(s: &str) -> Slug {
        Slug::parse(s).unwrap()
    }

    #[test]
    fn the_head_links_bylines_to_contributor_pages() {
        use model::head::PageKind;
        use model::{ArticleKind, AuthorRef, Date, ReadingTime, SchemaVersion, Slug};
        let article = Article {
            schema_version: SchemaVersion::default(),
            slug: Slug::parse("broad-front-panel").unwrap(),
            title: "Building a Broad Front".into(),
            dek: String::new(),
            kind: ArticleKind::Article,
            published_at: Date::parse("2023-03-01").unwrap(),
            updated_at: None,
            authors: vec![AuthorRef {
                slug: Slug::parse("alexa-horwart").unwrap(),
                name: "Alexa Horwart".into(),
            }],
            topics: vec![],
            feature_image: None,
            media: None,
            episode: None,
            markdown: String::new(),
            reading_time: ReadingTime(1),
            excerpt: "A panel.".into(),
            canonical_url: "ftp://elsewhere.example/a".into(),
            originally_published: None,
            related: vec![],
        };
        let meta = PageMeta::article(&article);
        assert_eq!(
            meta.canonical.as_deref(),
            Some("/articles/broad-front-panel")
        );
        assert_eq!(meta.description, "A panel.");
        match meta.kind {
            PageKind::Article { authors, .. } => {
                assert_eq!(authors[0].path, "/contributors/alexa-horwart")
            }
            other => panic!("not an article: {other:?}"),
        }
    }

    #[test]
    fn canonical_urls_with_other_schemes_fall_back_to_the_article_path() {
        assert_eq!(
            safe_canonical("https://convergencemag.com/articles/a", &slug("a")),
            "https://convergencemag.com/articles/a"
        );
        assert_eq!(
            safe_canonical("javascript:alert(1)", &slug("a")),
            "/articles/a"
        );
        assert_eq!(
            safe_canonical(" data:text/html,x", &slug("b")),
            "/articles/b"
        );
    }

    fn entry(level: u8, id: &str) -> TocEntry {
        TocEntry {
            level,
            id: id.into(),
            text: id.into(),
        }
    }

    #[test]
    fn toc_only_for_long_articles() {
        assert!(toc_to_show(vec![entry(2, "a"), entry(3, "b"), entry(2, "c")]).is_empty());
        let long = vec![entry(2, "a"), entry(3, "a1"), entry(2, "b"), entry(2, "c")];
        assert_eq!(toc_to_show(long.clone()), long);
    }

    #[test]
    fn sub_sections_nest_under_their_section() {
        let toc = vec![
            entry(3, "intro"),
            entry(2, "a"),
            entry(3, "a1"),
            entry(3, "a2"),
            entry(2, "b"),
            entry(2, "c"),
            entry(3, "c1"),
        ];
        let tree = toc_tree(toc);
        let shape: Vec<(&str, Vec<&str>)> = tree
            .iter()
            .map(|s| {
                let subs = s.subs.iter().map(|e| e.id.as_str()).collect();
                (s.entry.id.as_str(), subs)
            })
            .collect();
        assert_eq!(
            shape,
            [
                ("intro", vec![]),
                ("a", vec!["a1", "a2"]),
                ("b", vec![]),
                ("c", vec!["c1"]),
            ]
        );
    }
}
