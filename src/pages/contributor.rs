//! One contributor (`/contributors/:slug`): name, roles, affiliation, photo or initials,
//! bio, links, and their articles newest first, paged with `?page=n`.
//!
//! The profile (`contributors/{slug}.json`) and the article list
//! (`contributors/{slug}/{n}.json`) load in parallel as two resources with their own
//! `<Suspense>`, so a list that fails to load leaves the bio in place, with a retry.

use crate::api;
use crate::components::image::BucketImage;
use crate::components::page_head::PageHead;
use crate::components::suspense::Suspense;
use crate::components::{
    content_error::ContentErrorView, listing::ListingView, loaded::Loaded, loading::Loading,
    prose::Prose,
};
use crate::error::ContentError;
use crate::hooks::use_content::{use_content, Content};
use crate::hooks::use_slug_param::use_slug_param;
use crate::routes::{page_href, parse_page, AppRoute};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;
use model::head::{PageKind, PageMeta, ShareImage};
use model::{Contributor, Image, Link, Listing, Slug};

/// Name suffixes that are not a surname, so they give no initial ("Bill Fletcher Jr" → "BF").
const SUFFIXES: [&str; 8] = ["jr", "sr", "ii", "iii", "iv", "phd", "md", "esq"];

/// Up to two initials for the avatar: the first and last names' first letters, uppercased.
pub fn initials(name: &str) -> String {
    fn first_char(word: &str) -> Option<char> {
        word.chars().find(|c| c.is_alphanumeric())
    }
    let words: Vec<&str> = name
        .split_whitespace()
        .filter(|w| first_char(w).is_some())
        .collect();
    let named: Vec<&str> = words
        .iter()
        .copied()
        .filter(|w| {
            let bare = w
                .trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase();
            !SUFFIXES.contains(&bare.as_str())
        })
        .collect();
    let words = if named.is_empty() { words } else { named };
    let picked: Vec<&str> = match words.as_slice() {
        [] => vec![],
        [one] => vec![one],
        [first, .., last] => vec![first, last],
    };
    picked
        .into_iter()
        .filter_map(first_char)
        .flat_map(char::to_uppercase)
        .collect()
}

/// The meta description: name, roles and affiliation.
pub fn description(c: &Contributor) -> String {
    let about: Vec<&str> = c
        .roles
        .iter()
        .map(String::as_str)
        .chain(c.affiliation.as_deref())
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect();
    if about.is_empty() {
        format!("{}: biography and articles at Convergence.", c.name)
    } else {
        format!(
            "{} ({}): biography and articles at Convergence.",
            c.name,
            about.join("; ")
        )
    }
}

/// The head of a contributor's page: a profile, with their photo and their own links.
pub fn profile_meta(c: &Contributor) -> PageMeta {
    PageMeta {
        title: c.name.clone(),
        description: description(c),
        canonical: Some(AppRoute::contributor(c.slug.clone()).href()),
        image: c.profile_image.as_ref().map(|i| ShareImage {
            src: i.src.clone(),
            width: i.width,
            height: i.height,
            alt: i.alt.clone(),
        }),
        kind: PageKind::Profile {
            name: c.name.clone(),
            same_as: c.links.iter().map(|l| l.url.clone()).collect(),
        },
    }
}

/// What a profile link says: its label, else the site's host name ("example.org").
pub fn link_text(link: &Link) -> String {
    let label = link.label.trim();
    if !label.is_empty() {
        return label.to_owned();
    }
    let url = link.url.trim();
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let rest = rest.strip_prefix("mailto:").unwrap_or(rest);
    let host = rest.split(['/', '?', '#']).next().unwrap_or(rest);
    host.strip_prefix("www.").unwrap_or(host).to_owned()
}

/// What the article list shows once its file has loaded (or failed to).
#[derive(Debug, Clone, PartialEq)]
pub enum ArticlesState {
    /// A page of cards.
    Articles(Box<Listing>),
    /// The person has no articles (yet).
    Empty,
    /// A `?page=` past the last page.
    PastTheEnd,
    /// The list could not be loaded; shown with a retry.
    Failed(ContentError),
}

/// Decides [`ArticlesState`] from the listing fetch and the page that was asked for.
pub fn articles_state(result: Result<Listing, ContentError>, requested: u32) -> ArticlesState {
    match result {
        Ok(l) if l.articles.is_empty() && l.pagination.page <= 1 => ArticlesState::Empty,
        Ok(l) if l.articles.is_empty() => ArticlesState::PastTheEnd,
        Ok(l) => ArticlesState::Articles(Box::new(l)),
        Err(e) if e.is_not_found() && requested > 1 => ArticlesState::PastTheEnd,
        Err(e) => ArticlesState::Failed(e),
    }
}

/// The contributor page; unknown slugs show the 404 page.
#[component]
pub fn ContributorPage() -> impl IntoView {
    let slug = use_slug_param();
    let query = use_query_map();
    let page_no = Memo::new(move |_| parse_page(query.read().get("page").as_deref()));
    let profile = use_content(move || {
        let slug = slug();
        async move { api::contributor(slug?).await }
    });
    let articles = use_content(move || {
        let slug = slug();
        let page = page_no.get();
        async move { api::contributor_articles(slug?, page).await }
    });
    view! {
        <Loaded resource=profile lines=12 let:c>
            <ContributorView contributor=c articles=articles page=page_no/>
        </Loaded>
    }
}

/// A contributor's page once the profile is here: the profile, then their articles
/// (which load on their own).
#[component]
fn ContributorView(
    contributor: Contributor,
    articles: Content<Listing>,
    page: Memo<u32>,
) -> impl IntoView {
    let name = contributor.name.clone();
    let slug = contributor.slug.clone();
    view! {
        <ContributorProfile contributor=contributor/>
        <ContributorArticles name=name slug=slug articles=articles page=page/>
    }
}

/// The person: photo or initials, name, roles, affiliation, bio and links.
#[component]
pub fn ContributorProfile(contributor: Contributor) -> impl IntoView {
    let meta = profile_meta(&contributor);
    let Contributor {
        name,
        roles,
        affiliation,
        bio,
        links,
        profile_image,
        article_count,
        ..
    } = contributor;
    let portrait = match profile_image {
        Some(img) => view! { <ProfilePhoto image=img/> }.into_any(),
        None => {
            view! { <span class="avatar" aria-hidden="true">{initials(&name)}</span> }.into_any()
        }
    };
    let roles = roles
        .into_iter()
        .filter(|r| !r.trim().is_empty())
        .collect::<Vec<_>>();
    let roles = (!roles.is_empty()).then(|| {
        let items = roles
            .into_iter()
            .map(|r| view! { <li>{r}</li> })
            .collect_view();
        view! { <ul class="contributor__roles" aria-label="Roles">{items}</ul> }
    });
    let links = links
        .into_iter()
        .filter_map(|l| {
            let href = model::url::safe_url(&l.url)?.to_owned();
            Some((href, link_text(&l)))
        })
        .collect::<Vec<_>>();
    let link_list = (!links.is_empty()).then(|| {
        let who = name.clone();
        let items = links
            .into_iter()
            .map(|(href, text)| {
                view! {
                    <li>
                        <a href=href rel="noopener">
                            {text}<span class="visually-hidden">{format!(" ({who})")}</span>
                        </a>
                    </li>
                }
            })
            .collect_view();
        view! { <ul class="contributor__links" aria-label=format!("{name} elsewhere")>{items}</ul> }
    });
    view! {
        <PageHead meta=meta/>
        <article class="contributor">
            <header class="contributor__header">
                {portrait}
                <div class="contributor__id">
                    <h1 tabindex="-1">{name.clone()}</h1>
                    {roles}
                    {affiliation.map(|a| view! { <p class="contributor__affiliation">{a}</p> })}
                    <p class="contributor__count">{crate::format::article_count(article_count)}</p>
                </div>
            </header>
            <Prose markdown=bio/>
            {link_list}
        </article>
    }
}

/// The portrait, from the bucket, with its alt text and reserved size.
#[component]
fn ProfilePhoto(image: Image) -> impl IntoView {
    view! { <BucketImage image=image class="contributor__photo"/> }
}

/// "Articles by …": one page of cards and the pager, or an error with a retry in their place.
#[component]
fn ContributorArticles(
    name: String,
    slug: Slug,
    articles: Content<Listing>,
    page: Memo<u32>,
) -> impl IntoView {
    let heading = format!("Articles by {name}");
    view! {
        <section class="contributor__articles" aria-labelledby="contributor-articles-heading">
            <h2 id="contributor-articles-heading">{heading}</h2>
            <Suspense fallback=|| view! { <Loading lines=12 label="Loading articles…"/> }>
                {move || {
                    let name = name.clone();
                    let base = AppRoute::contributor(slug.clone()).href();
                    let first = page_href(&base, 1);
                    Suspend::new(async move {
                        match articles_state(articles.await, page.get_untracked()) {
                            ArticlesState::Articles(l) => {
                                let l = *l;
                                view! {
                                    <ListingView articles=l.articles pager=(l.pagination, base.clone())/>
                                }
                                .into_any()
                            }
                            ArticlesState::Empty => view! {
                                <p class="contributor__none">{format!("No articles by {name} yet.")}</p>
                            }
                            .into_any(),
                            ArticlesState::PastTheEnd => view! {
                                <p class="contributor__none">
                                    "There are no more articles here. "
                                    <A href=first>{format!("See the latest by {name}")}</A>
                                </p>
                            }
                            .into_any(),
                            ArticlesState::Failed(e) => view! {
                                <ContentErrorView error=e on_retry=move |_| articles.refetch()/>
                            }
                            .into_any(),
                        }
                    })
                }}
            </Suspense>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use model::{
        ArticleKind, ArticleSummary, Date, ListingScope, Pagination, ReadingTime, SchemaVersion,
    };

    #[test]
    fn initials_take_first_and_last_names() {
        assert_eq!(initials("Josh Elstro"), "JE");
        assert_eq!(initials("Jacob Swenson-Lengyel"), "JS");
        assert_eq!(initials("Ash-Lee Woodard Henderson"), "AH");
        assert_eq!(initials("Maurice BP-Weeks"), "MB");
        assert_eq!(initials("Bill Fletcher Jr"), "BF");
        assert_eq!(initials("Bill Fletcher Jr."), "BF");
        assert_eq!(initials("bell hooks"), "BH");
        assert_eq!(initials("Madonna"), "M");
        assert_eq!(initials("  Élodie   Ñúñez  "), "ÉÑ");
        assert_eq!(initials("Writer 001"), "W0");
        assert_eq!(initials("“Kim” (Ed.) Lee"), "KL");
        assert_eq!(initials("Jr"), "J");
        assert_eq!(initials(""), "");
        assert_eq!(initials(" — "), "");
    }

    fn person(roles: &[&str], affiliation: Option<&str>) -> Contributor {
        Contributor {
            schema_version: SchemaVersion::default(),
            slug: Slug::parse("josh-elstro").unwrap(),
            name: "Josh Elstro".into(),
            roles: roles.iter().map(|r| r.to_string()).collect(),
            affiliation: affiliation.map(Into::into),
            bio: String::new(),
            links: vec![],
            profile_image: None,
            article_count: 0,
        }
    }

    #[test]
    fn the_head_is_a_profile_with_the_photo_and_own_links() {
        let mut c = person(&["Host"], None);
        c.links = vec![Link {
            label: "Website".into(),
            url: "https://example.org/josh".into(),
        }];
        let meta = profile_meta(&c);
        assert_eq!(meta.title, "Josh Elstro");
        assert_eq!(meta.description, description(&c));
        assert_eq!(meta.canonical.as_deref(), Some("/contributors/josh-elstro"));
        assert_eq!(meta.image, None);
        assert_eq!(
            meta.kind,
            PageKind::Profile {
                name: "Josh Elstro".into(),
                same_as: vec!["https://example.org/josh".into()],
            }
        );
        c.profile_image = Some(Image {
            src: "images/josh.jpg".into(),
            alt: "Josh Elstro".into(),
            caption: None,
            credit: None,
            width: 400,
            height: 500,
            srcset: vec![],
        });
        let image = profile_meta(&c).image.unwrap();
        assert_eq!(
            (image.src.as_str(), image.width, image.height),
            ("images/josh.jpg", 400, 500)
        );
    }

    #[test]
    fn description_names_roles_and_affiliation() {
        assert_eq!(
            description(&person(&[], None)),
            "Josh Elstro: biography and articles at Convergence."
        );
        assert_eq!(
            description(&person(&["Communications & administration"], None)),
            "Josh Elstro (Communications & administration): biography and articles at Convergence."
        );
        assert_eq!(
            description(&person(&["Advisory board", " "], Some("Historian"))),
            "Josh Elstro (Advisory board; Historian): biography and articles at Convergence."
        );
    }

    #[test]
    fn only_safe_link_urls_are_followed() {
        assert_eq!(
            model::url::safe_url(" https://example.org/ "),
            Some("https://example.org/")
        );
        assert_eq!(
            model::url::safe_url("HTTP://example.org"),
            Some("HTTP://example.org")
        );
        assert_eq!(
            model::url::safe_url("mailto:a@example.org"),
            Some("mailto:a@example.org")
        );
        assert_eq!(model::url::safe_url("/about"), Some("/about"));
        assert_eq!(model::url::safe_url("javascript:alert(1)"), None);
        assert_eq!(model::url::safe_url(" JavaScript:alert(1)"), None);
        assert_eq!(model::url::safe_url("data:text/html,x"), None);
        assert_eq!(model::url::safe_url("//evil.example"), None);
        assert_eq!(model::url::safe_url(""), None);
    }

    #[test]
    fn links_say_their_label_or_their_host() {
        let link = |label: &str, url: &str| Link {
            label: label.into(),
            url: url.into(),
        };
        assert_eq!(link_text(&link("Website", "https://x.org")), "Website");
        assert_eq!(
            link_text(&link(" ", "https://www.example.org/writers/1")),
            "example.org"
        );
        assert_eq!(
            link_text(&link("", "mailto:a@example.org")),
            "a@example.org"
        );
    }

    fn listing(page: u32, pages: u32, n: usize) -> Listing {
        let author = model::AuthorRef {
            slug: Slug::parse("writer-001").unwrap(),
            name: "Writer 001".into(),
        };
        Listing {
            schema_version: SchemaVersion::default(),
            scope: ListingScope::Contributor {
                author: author.clone(),
            },
            articles: (0..n)
                .map(|i| ArticleSummary {
                    slug: Slug::parse(&format!("a-{i}")).unwrap(),
                    title: format!("A {i}"),
                    dek: String::new(),
                    kind: ArticleKind::Article,
                    published_at: Date::parse("2023-01-01").unwrap(),
                    authors: vec![author.clone()],
                    topics: vec![],
                    feature_image: None,
                    reading_time: ReadingTime(1),
                })
                .collect(),
            featured: None,
            pagination: Pagination {
                page,
                limit: 20,
                pages,
                total: n as u32,
                next: None,
                prev: None,
            },
        }
    }

    #[test]
    fn article_list_states() {
        assert_eq!(
            articles_state(Ok(listing(1, 1, 0)), 1),
            ArticlesState::Empty
        );
        assert_eq!(
            articles_state(Ok(listing(3, 2, 0)), 3),
            ArticlesState::PastTheEnd
        );
        assert!(matches!(
            articles_state(Ok(listing(1, 2, 20)), 1),
            ArticlesState::Articles(l) if l.articles.len() == 20
        ));
        let missing = ContentError::NotFound {
            file: "contributors/writer-001/9.json".into(),
        };
        assert_eq!(
            articles_state(Err(missing.clone()), 9),
            ArticlesState::PastTheEnd
        );
        assert_eq!(
            articles_state(Err(missing.clone()), 1),
            ArticlesState::Failed(missing)
        );
        let down = ContentError::Server {
            file: "contributors/writer-001/1.json".into(),
            status: 500,
        };
        assert_eq!(
            articles_state(Err(down.clone()), 2),
            ArticlesState::Failed(down)
        );
    }
}
