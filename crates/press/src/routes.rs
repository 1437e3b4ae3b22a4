//! One URL of every route the content gives the site, for the end-to-end tests that open each
//! through the app's router (`press routes content`).

use crate::load::Content;
use model::route::AppRoute;
use model::PAGE_SIZE;
use std::collections::BTreeMap;

/// A route of every kind whose target the content holds: the first of each, a second listing
/// page wherever one exists, and a search for a word of the newest headline.
pub fn samples(content: &Content) -> Vec<AppRoute> {
    let mut routes = AppRoute::fixed();
    let pages = |n: usize| n.div_ceil(PAGE_SIZE) as u32;
    if pages(content.articles.len()) > 1 {
        routes.push(AppRoute::Home { page: 2 });
    }
    let newest = content
        .articles
        .iter()
        .max_by_key(|a| (a.published, a.slug.clone()));
    if let Some(a) = newest {
        routes.push(AppRoute::Article(a.slug.clone()));
        routes.push(AppRoute::EmbedArticle(a.slug.clone()));
        if let Some(word) = a
            .title
            .split(|c: char| !c.is_alphanumeric())
            .find(|w| w.chars().count() > 3)
        {
            routes.push(AppRoute::Search(word.to_lowercase()));
        }
    }
    let mut by_author: BTreeMap<&str, usize> = BTreeMap::new();
    let mut by_topic: BTreeMap<&str, usize> = BTreeMap::new();
    let mut by_year: BTreeMap<u16, usize> = BTreeMap::new();
    for a in &content.articles {
        for s in &a.authors {
            *by_author.entry(s.as_str()).or_default() += 1;
        }
        for s in &a.topics {
            *by_topic.entry(s.as_str()).or_default() += 1;
        }
        *by_year.entry(a.published.year).or_default() += 1;
    }
    for c in content.contributors.iter().take(1) {
        routes.push(AppRoute::contributor(c.slug.clone()));
    }
    if let Some(c) = content
        .contributors
        .iter()
        .find(|c| pages(by_author.get(c.slug.as_str()).copied().unwrap_or(0)) > 1)
    {
        routes.push(AppRoute::Contributor {
            slug: c.slug.clone(),
            page: 2,
        });
    }
    for t in content.topics.topics.iter().take(1) {
        routes.push(AppRoute::topic(t.slug.clone()));
    }
    if let Some(t) = content
        .topics
        .topics
        .iter()
        .find(|t| pages(by_topic.get(t.slug.as_str()).copied().unwrap_or(0)) > 1)
    {
        routes.push(AppRoute::Topic {
            slug: t.slug.clone(),
            page: 2,
        });
    }
    if let Some((&year, _)) = by_year.iter().next_back() {
        routes.push(AppRoute::year(year));
    }
    if let Some((&year, _)) = by_year.iter().rev().find(|(_, &n)| pages(n) > 1) {
        routes.push(AppRoute::ArchiveYear { year, page: 2 });
    }
    for p in content.pages.iter().take(1) {
        routes.push(AppRoute::Page(p.slug.clone()));
    }
    for s in content.shows.iter().take(1) {
        routes.push(AppRoute::show(s.slug.clone()));
    }
    routes
}
