//! `masthead.toml`: the masthead's sections, groups and members, every member a contributor;
//! a group may name a show instead, whose title and hosts it then shows.

use super::checker::Checker;
use super::links::Catalog;
use super::{suggest, Parsed};
use crate::ids::Slug;
use crate::types::SectionKind;
use serde::Deserialize;
use toml::Spanned;

/// `masthead.toml`, parsed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MastheadSource {
    /// Sections in order.
    pub sections: Vec<MastheadSectionSource>,
}

/// One `[[section]]` of `masthead.toml`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MastheadSectionSource {
    /// Heading.
    pub heading: String,
    /// What it holds.
    pub kind: SectionKind,
    /// Its groups.
    pub groups: Vec<MastheadGroupSource>,
}

/// One `[[section.group]]` of `masthead.toml`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MastheadGroupSource {
    /// Group title (a show's name); empty when `show` gives it.
    pub title: Option<String>,
    /// The show whose title and hosts this group shows (then `title` and `members` are empty),
    /// so a show is named in one place.
    pub show: Option<Slug>,
    /// Members in order; empty when `show` gives them.
    pub members: Vec<MastheadMemberSource>,
}

/// One member of a masthead group; the name comes from the contributor file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MastheadMemberSource {
    /// The contributor.
    pub slug: Slug,
    /// Role in this section.
    pub role: Option<String>,
    /// Affiliation for this line (overrides the contributor file's).
    pub affiliation: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct MastheadFile {
    #[serde(default)]
    section: Vec<SectionFront>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SectionFront {
    heading: String,
    kind: SectionKind,
    #[serde(default)]
    group: Vec<GroupFront>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct GroupFront {
    title: Option<Spanned<String>>,
    show: Option<Spanned<String>>,
    members: Option<Spanned<Vec<MemberFront>>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct MemberFront {
    slug: Spanned<String>,
    role: Option<String>,
    affiliation: Option<String>,
}

/// Parses and checks `masthead.toml` (every member is a contributor).
pub fn parse_masthead(path: &str, text: &str, catalog: &Catalog) -> Parsed<MastheadSource> {
    let (file, mut c): (MastheadFile, Checker) = match Checker::open_toml(path, text) {
        Ok(opened) => opened,
        Err(d) => return Parsed::new(None, vec![d]),
    };
    let mut ok = true;
    let mut sections = Vec::new();
    for s in file.section {
        let mut groups = Vec::new();
        for g in s.group {
            let mut show = None;
            if let Some(name) = &g.show {
                for (field, given) in [
                    ("title", g.title.as_ref().map(Spanned::span)),
                    ("members", g.members.as_ref().map(Spanned::span)),
                ] {
                    if let Some(at) = given {
                        c.error(
                            &at,
                            format!("a group with `show` cannot also have `{field}`"),
                            "the show's file gives the group its title and members (its hosts); remove this",
                        );
                    }
                }
                match c.slug(
                    name,
                    "show",
                    catalog.shows.as_ref(),
                    super::show::SHOW_FILE,
                    "`show` is a show's slug",
                ) {
                    None => ok = false,
                    Some(slug) => show = Some(slug),
                }
            }
            let mut members = Vec::new();
            for m in g.members.map(Spanned::into_inner).unwrap_or_default() {
                let span = m.slug.span();
                match Slug::parse(m.slug.get_ref()) {
                    Err(e) => {
                        c.error(&span, e.to_string(), "members are contributor slugs");
                        ok = false;
                    }
                    Ok(slug) => {
                        if !catalog.contributors.contains(slug.as_str()) {
                            let mut hint = format!("there is no content/contributors/{slug}.md");
                            if let Some(s) = suggest(
                                slug.as_str(),
                                catalog.contributors.iter().map(String::as_str),
                            ) {
                                hint.push_str(&format!("; did you mean `{s}`?"));
                            }
                            c.error(&span, format!("unknown contributor `{slug}`"), hint);
                        }
                        members.push(MastheadMemberSource {
                            slug,
                            role: m.role,
                            affiliation: m.affiliation,
                        });
                    }
                }
            }
            groups.push(MastheadGroupSource {
                title: g.title.map(Spanned::into_inner),
                show,
                members,
            });
        }
        sections.push(MastheadSectionSource {
            heading: s.heading,
            kind: s.kind,
            groups,
        });
    }
    Parsed::new(ok.then_some(MastheadSource { sections }), c.diags)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::fixtures::{catalog, first};

    #[test]
    fn masthead_members_are_contributors() {
        let m = parse_masthead("masthead.toml", "[[section]]\nheading = \"Staff\"\nkind = \"staff\"\n[[section.group]]\nmembers = [{ slug = \"maurice-mitchell\" }, { slug = \"nobody\" }]\n", &catalog());
        assert_eq!(
            first(&m.diagnostics),
            "masthead.toml:5:52: error: unknown contributor `nobody`"
        );
        assert_eq!(m.value.unwrap().sections[0].groups[0].members.len(), 2);
    }

    #[test]
    fn a_group_may_name_a_show_instead() {
        let head = "[[section]]\nheading = \"Podcast hosts\"\nkind = \"podcast_hosts\"\n[[section.group]]\n";
        let m = parse_masthead(
            "masthead.toml",
            &format!("{head}show = \"black-work-talk\"\n"),
            &catalog(),
        );
        assert!(m.diagnostics.is_empty(), "{:?}", m.diagnostics);
        let g = &m.value.unwrap().sections[0].groups[0];
        assert_eq!(g.show.as_ref().map(Slug::as_str), Some("black-work-talk"));
        assert!(g.title.is_none() && g.members.is_empty());
        for (extra, want) in [
            (
                "show = \"black-work-talk\"\ntitle = \"BWT\"\n",
                "masthead.toml:6:9: error: a group with `show` cannot also have `title`",
            ),
            (
                "show = \"black-work-talk\"\nmembers = []\n",
                "masthead.toml:6:11: error: a group with `show` cannot also have `members`",
            ),
            (
                "show = \"black-work-tlk\"\n",
                "masthead.toml:5:8: error: unknown show `black-work-tlk`",
            ),
        ] {
            let m = parse_masthead("masthead.toml", &format!("{head}{extra}"), &catalog());
            assert_eq!(first(&m.diagnostics), want);
        }
    }
}
