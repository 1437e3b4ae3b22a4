//! Listing pages, all through one pager: the home index (`index/{n}.json`), topic pages,
//! archive years, a contributor's articles and a show's episodes.

use super::articles::Prepared;
use super::{Catalog, Out};
use anyhow::Result;
use model::{paths, ArticleSummary, Listing, ListingScope, Pagination, SchemaVersion, PAGE_SIZE};
use rayon::prelude::*;

/// One listing to write: its scope, its article indexes (newest first) and its path.
struct ListingJob {
    scope: ListingScope,
    items: Vec<usize>,
    path: Box<dyn Fn(u32) -> String + Send + Sync>,
}

/// Writes every page of every listing; only the home index's first page carries the
/// featured article.
pub(super) fn write(
    out: &Out,
    cat: &Catalog,
    prepared: &[Prepared],
    summaries: &[ArticleSummary],
) -> Result<()> {
    let featured = prepared
        .iter()
        .find(|p| p.featured)
        .map(|p| p.summary.clone());
    let jobs = jobs(cat);
    let pages_to_write: Vec<(usize, u32)> = jobs
        .iter()
        .enumerate()
        .flat_map(|(j, job)| (1..=pagination(1, job.items.len()).pages).map(move |p| (j, p)))
        .collect();
    pages_to_write
        .par_iter()
        .try_for_each(|&(j, page)| -> Result<()> {
            let job = &jobs[j];
            let start = (page as usize - 1) * PAGE_SIZE;
            let end = (start + PAGE_SIZE).min(job.items.len());
            let listing = Listing {
                schema_version: SchemaVersion::default(),
                scope: job.scope.clone(),
                articles: job.items[start..end]
                    .iter()
                    .map(|&i| summaries[i].clone())
                    .collect(),
                pagination: pagination(page, job.items.len()),
                featured: match (&job.scope, page) {
                    (ListingScope::Latest, 1) => featured.clone(),
                    _ => None,
                },
            };
            out.json(&(job.path)(page), &listing)
        })
}

/// Every listing: the latest, then each topic, year, contributor and show; a topic,
/// contributor or show without articles still gets its first page.
fn jobs(cat: &Catalog) -> Vec<ListingJob> {
    let content = cat.content;
    let mut jobs: Vec<ListingJob> = vec![ListingJob {
        scope: ListingScope::Latest,
        items: (0..cat.sources.len()).collect(),
        path: Box::new(paths::home_page),
    }];
    for t in &content.topics.topics {
        let slug = t.slug.clone();
        jobs.push(ListingJob {
            scope: ListingScope::Topic {
                topic: cat.names.topic(&t.slug),
                description: t.description.clone(),
            },
            items: cat
                .by_topic
                .get(t.slug.as_str())
                .cloned()
                .unwrap_or_default(),
            path: Box::new(move |page| paths::topic_page(&slug, page)),
        });
    }
    for (&year, items) in &cat.by_year {
        jobs.push(ListingJob {
            scope: ListingScope::Year { year },
            items: items.clone(),
            path: Box::new(move |page| paths::archive_page(year, page)),
        });
    }
    for c in &content.contributors {
        let slug = c.slug.clone();
        jobs.push(ListingJob {
            scope: ListingScope::Contributor {
                author: cat.names.author(&c.slug),
            },
            items: cat
                .by_author
                .get(c.slug.as_str())
                .cloned()
                .unwrap_or_default(),
            path: Box::new(move |page| paths::contributor_articles(&slug, page)),
        });
    }
    for s in &content.shows {
        let slug = s.slug.clone();
        jobs.push(ListingJob {
            scope: ListingScope::Show {
                show: Box::new(super::podcasts::show(cat, s)),
            },
            items: super::podcasts::episodes(cat, s).to_vec(),
            path: Box::new(move |page| paths::show_page(&slug, page)),
        });
    }
    jobs
}

fn pagination(page: u32, total: usize) -> Pagination {
    let pages = (total.div_ceil(PAGE_SIZE)).max(1) as u32;
    Pagination {
        page,
        limit: PAGE_SIZE as u32,
        pages,
        total: total as u32,
        next: (page < pages).then_some(page + 1),
        prev: (page > 1).then(|| page - 1),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pagination_counts_pages() {
        let p = pagination(1, 0);
        assert_eq!((p.pages, p.next, p.prev), (1, None, None));
        let p = pagination(2, 41);
        assert_eq!((p.pages, p.next, p.prev), (3, Some(3), Some(1)));
    }
}
