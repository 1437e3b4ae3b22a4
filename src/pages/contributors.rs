//! Contributors (`/contributors`): the masthead from `contributors.json`, in the editors' order.

use crate::api;
use crate::components::loaded::{Loaded, Missing};
use crate::components::page_head::PageHead;
use crate::hooks::use_content::use_content;
use crate::routes::AppRoute;
use leptos::prelude::*;
use leptos_router::components::A;
use model::head::PageMeta;
use model::{MastheadEntry, MastheadGroup, MastheadSection, SectionKind};

/// The page's meta description.
pub const DESCRIPTION: &str = "The people who make Convergence: staff and contributors, \
     podcast hosts, and the advisory board.";

/// What follows a name on the masthead: the role and the affiliation, whichever are given.
pub fn entry_detail(entry: &MastheadEntry) -> Option<String> {
    let parts: Vec<&str> = [entry.role.as_deref(), entry.affiliation.as_deref()]
        .into_iter()
        .flatten()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect();
    (!parts.is_empty()).then(|| parts.join(", "))
}

/// A stable element id for a section heading, e.g. "Staff & Contributors" → "masthead-staff-contributors".
pub fn section_id(index: usize, heading: &str) -> String {
    let mut id = String::from("masthead");
    let mut gap = true;
    for c in heading.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_alphanumeric() {
            if gap {
                id.push('-');
            }
            id.push(c);
            gap = false;
        } else {
            gap = true;
        }
    }
    if id == "masthead" {
        id.push_str(&format!("-{}", index + 1));
    }
    id
}

/// The h3 over a group: its title; an untitled group among titled ones gets a plain
/// label (so it is not read as part of the show above it); a lone untitled group gets none.
pub fn group_heading(kind: SectionKind, groups: &[MastheadGroup], index: usize) -> Option<String> {
    let group = groups.get(index)?;
    if let Some(t) = group
        .title
        .as_deref()
        .map(str::trim)
        .filter(|t| !t.is_empty())
    {
        return Some(t.to_owned());
    }
    let others_titled = groups
        .iter()
        .enumerate()
        .any(|(i, g)| i != index && g.title.as_deref().is_some_and(|t| !t.trim().is_empty()));
    others_titled.then(|| match kind {
        SectionKind::PodcastHosts => "More podcast hosts".to_owned(),
        _ => "More".to_owned(),
    })
}

/// The masthead page.
#[component]
pub fn ContributorsPage() -> impl IntoView {
    let masthead = use_content(api::contributors);
    view! {
        <PageHead meta=PageMeta::page("Contributors", DESCRIPTION, AppRoute::Contributors.href())/>
        <div class="masthead-page">
            <h1 tabindex="-1">"Contributors"</h1>
            <Loaded resource=masthead lines=24 label="Loading the masthead…" missing=Missing::Error let:m>
                {m.sections
                    .into_iter()
                    .enumerate()
                    .map(|(i, s)| view! { <MastheadSectionView index=i section=s/> })
                    .collect_view()}
            </Loaded>
        </div>
    }
}

/// One masthead section: an h2, then its groups.
#[component]
fn MastheadSectionView(index: usize, section: MastheadSection) -> impl IntoView {
    let id = section_id(index, &section.heading);
    let groups = (0..section.groups.len())
        .map(|g| {
            let heading = group_heading(section.kind, &section.groups, g);
            let members = section.groups[g].members.clone();
            // A show's group title leads to the show.
            let show = section.groups[g].show.clone();
            let heading = heading.map(|h| match show {
                Some(s) => view! { <A href=AppRoute::show(s.slug).href()>{h}</A> }.into_any(),
                None => h.into_any(),
            });
            view! {
                {heading.map(|h| view! { <h3 class="masthead__group">{h}</h3> })}
                <MemberList members=members/>
            }
        })
        .collect_view();
    let labelledby = id.clone();
    view! {
        <section class="masthead-section" aria-labelledby=labelledby>
            <h2 id=id>{section.heading}</h2>
            {groups}
        </section>
    }
}

/// A list of people, each name linking to their page, with role or affiliation.
#[component]
fn MemberList(members: Vec<MastheadEntry>) -> impl IntoView {
    let items = members
        .into_iter()
        .map(|m| {
            let detail = entry_detail(&m);
            view! {
                <li class="masthead__member">
                    <A href=AppRoute::contributor(m.slug).href() attr:class="masthead__name">{m.name}</A>
                    {detail.map(|d| view! {
                        <span class="visually-hidden">", "</span>
                        <span class="masthead__detail">{d}</span>
                    })}
                </li>
            }
        })
        .collect_view();
    view! { <ul class="masthead__list">{items}</ul> }
}

#[cfg(test)]
mod tests {
    use super::*;
    use model::Slug;

    fn entry(role: Option<&str>, affiliation: Option<&str>) -> MastheadEntry {
        MastheadEntry {
            slug: Slug::parse("someone").unwrap(),
            name: "Someone".into(),
            role: role.map(Into::into),
            affiliation: affiliation.map(Into::into),
        }
    }

    fn group(title: Option<&str>) -> MastheadGroup {
        MastheadGroup {
            title: title.map(Into::into),
            show: None,
            members: vec![],
        }
    }

    #[test]
    fn detail_is_role_and_affiliation_whichever_exist() {
        assert_eq!(entry_detail(&entry(None, None)), None);
        assert_eq!(entry_detail(&entry(Some("  "), None)), None);
        assert_eq!(
            entry_detail(&entry(Some("Communications & administration"), None)).as_deref(),
            Some("Communications & administration")
        );
        assert_eq!(
            entry_detail(&entry(None, Some("Vice President, Chicago Teachers Union"))).as_deref(),
            Some("Vice President, Chicago Teachers Union")
        );
        assert_eq!(
            entry_detail(&entry(Some("Host"), Some("Highlander Center"))).as_deref(),
            Some("Host, Highlander Center")
        );
    }

    #[test]
    fn section_ids_are_stable_and_valid() {
        assert_eq!(
            section_id(0, "Staff & Contributors"),
            "masthead-staff-contributors"
        );
        assert_eq!(section_id(2, "Advisory Board"), "masthead-advisory-board");
        assert_eq!(section_id(3, "  "), "masthead-4");
        assert_eq!(section_id(1, "Éditeurs"), "masthead-diteurs");
    }

    #[test]
    fn untitled_groups_get_a_heading_only_beside_titled_ones() {
        let shows = [
            group(Some("anti-authoritarian podcast")),
            group(Some("Black Work Talk")),
            group(None),
        ];
        assert_eq!(
            group_heading(SectionKind::PodcastHosts, &shows, 0).as_deref(),
            Some("anti-authoritarian podcast")
        );
        assert_eq!(
            group_heading(SectionKind::PodcastHosts, &shows, 2).as_deref(),
            Some("More podcast hosts")
        );
        assert_eq!(group_heading(SectionKind::PodcastHosts, &shows, 9), None);
        let staff = [group(None)];
        assert_eq!(group_heading(SectionKind::Staff, &staff, 0), None);
        let blank = [group(Some(" ")), group(None)];
        assert_eq!(group_heading(SectionKind::Staff, &blank, 0), None);
        assert_eq!(group_heading(SectionKind::Staff, &blank, 1), None);
    }
}
