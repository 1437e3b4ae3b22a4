//! `topics.toml`: the magazine's topics in editorial order, each slug valid and unique.

use super::checker::Checker;
use super::Parsed;
use crate::ids::Slug;
use crate::types::Topic;
use serde::Deserialize;
use toml::Spanned;

/// `topics.toml`, parsed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TopicsSource {
    /// Topics in editorial order.
    pub topics: Vec<Topic>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TopicsFile {
    #[serde(default)]
    topic: Vec<TopicFront>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TopicFront {
    slug: Spanned<String>,
    name: String,
    description: String,
}

/// Parses and checks `topics.toml` (slugs valid and unique).
pub fn parse_topics(path: &str, text: &str) -> Parsed<TopicsSource> {
    let (file, mut c): (TopicsFile, Checker) = match Checker::open_toml(path, text) {
        Ok(opened) => opened,
        Err(d) => return Parsed::new(None, vec![d]),
    };
    let mut topics: Vec<Topic> = Vec::new();
    let mut ok = true;
    for t in file.topic {
        let span = t.slug.span();
        match Slug::parse(t.slug.get_ref()) {
            Err(e) => {
                c.error(
                    &span,
                    e.to_string(),
                    "a topic's slug is its URL: /topics/{slug}",
                );
                ok = false;
            }
            Ok(slug) => {
                if topics.iter().any(|x| x.slug == slug) {
                    c.error(
                        &span,
                        format!("duplicate topic slug `{slug}`"),
                        "each [[topic]] needs its own slug",
                    );
                    ok = false;
                }
                topics.push(Topic {
                    slug,
                    name: t.name,
                    description: t.description,
                    article_count: None,
                });
            }
        }
    }
    if topics.is_empty() && ok {
        let d = c.src.error(
            0,
            "topics.toml defines no topics",
            "add at least one [[topic]] with slug, name and description",
        );
        c.diags.push(d);
        ok = false;
    }
    let value = ok.then_some(TopicsSource { topics });
    Parsed::new(value, c.diags)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::fixtures::first;

    #[test]
    fn topic_slugs_are_unique() {
        let t = parse_topics("topics.toml", "[[topic]]\nslug = \"a\"\nname = \"A\"\ndescription = \"d\"\n[[topic]]\nslug = \"a\"\nname = \"B\"\ndescription = \"d\"\n");
        assert_eq!(
            first(&t.diagnostics),
            "topics.toml:6:8: error: duplicate topic slug `a`"
        );
    }
}
