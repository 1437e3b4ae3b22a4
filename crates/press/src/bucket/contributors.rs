//! `contributors.json` (the masthead) and `contributors/{slug}.json` (profiles). A masthead
//! group that names a show takes the show's title and its hosts.

use super::{Catalog, Names, Out};
use crate::load::Content;
use anyhow::Result;
use model::source::{ContributorSource, MastheadMemberSource};
use model::{
    paths, Contributor, Masthead, MastheadEntry, MastheadGroup, MastheadSection, SchemaVersion,
    SectionKind,
};
use rayon::prelude::*;
use std::collections::BTreeSet;

/// Writes the masthead, then every contributor's profile.
pub(super) fn write(out: &Out, cat: &Catalog) -> Result<()> {
    out.json(&paths::contributors(), &masthead(cat.content, &cat.names))?;
    cat.content
        .contributors
        .par_iter()
        .try_for_each(|c| -> Result<()> {
            let profile = Contributor {
                schema_version: SchemaVersion::default(),
                slug: c.slug.clone(),
                name: c.name.clone(),
                roles: c.roles.clone(),
                affiliation: c.affiliation.clone(),
                bio: c.bio.clone(),
                links: c.links.clone(),
                profile_image: c.photo.clone(),
                article_count: cat.by_author.get(c.slug.as_str()).map_or(0, Vec::len) as u32,
            };
            out.json(&paths::contributor(&c.slug), &profile)
        })
}

/// The staff's masthead sections, then everyone they don't list under "Contributors",
/// so every contributor appears on the masthead once.
fn masthead(content: &Content, names: &Names) -> Masthead {
    let mut listed: BTreeSet<&str> = BTreeSet::new();
    let mut sections: Vec<MastheadSection> = content
        .masthead
        .sections
        .iter()
        .map(|s| MastheadSection {
            heading: s.heading.clone(),
            kind: s.kind,
            groups: s
                .groups
                .iter()
                .map(|g| {
                    let show = g.show.as_ref().and_then(|s| names.shows.get(s.as_str()));
                    let hosts: Vec<MastheadMemberSource>;
                    let members = match show {
                        Some(show) => {
                            hosts = show
                                .hosts
                                .iter()
                                .map(|h| MastheadMemberSource {
                                    slug: h.clone(),
                                    role: None,
                                    affiliation: None,
                                })
                                .collect();
                            &hosts
                        }
                        None => &g.members,
                    };
                    MastheadGroup {
                        title: show.map(|s| s.title.clone()).or_else(|| g.title.clone()),
                        show: g.show.as_ref().map(|s| names.show(s)),
                        members: members
                            .iter()
                            .map(|m| {
                                let c = names.contributors.get(m.slug.as_str());
                                if let Some(c) = c {
                                    listed.insert(c.slug.as_str());
                                }
                                MastheadEntry {
                                    slug: m.slug.clone(),
                                    name: c.map_or_else(|| m.slug.to_string(), |c| c.name.clone()),
                                    role: m.role.clone(),
                                    affiliation: m
                                        .affiliation
                                        .clone()
                                        .or_else(|| c.and_then(|c| c.affiliation.clone())),
                                }
                            })
                            .collect(),
                    }
                })
                .collect(),
        })
        .collect();
    let mut others: Vec<&ContributorSource> = content
        .contributors
        .iter()
        .filter(|c| !listed.contains(c.slug.as_str()))
        .collect();
    others.sort_by(|a, b| {
        a.name
            .to_lowercase()
            .cmp(&b.name.to_lowercase())
            .then_with(|| a.slug.cmp(&b.slug))
    });
    if !others.is_empty() {
        sections.push(MastheadSection {
            heading: "Contributors".into(),
            kind: SectionKind::Contributors,
            groups: vec![MastheadGroup {
                title: None,
                show: None,
                members: others
                    .into_iter()
                    .map(|c| MastheadEntry {
                        slug: c.slug.clone(),
                        name: c.name.clone(),
                        role: None,
                        affiliation: c.affiliation.clone(),
                    })
                    .collect(),
            }],
        });
    }
    Masthead {
        schema_version: SchemaVersion::default(),
        sections,
    }
}
