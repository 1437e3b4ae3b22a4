//! The files of the bucket, one type per file kind. Field names follow the
//! Ghost Content API where a Ghost field means the same thing
//! (`title`, `slug`, `excerpt`, `feature_image`, `published_at`, `reading_time`,
//! `canonical_url`, `meta.pagination`).

use crate::ids::{Date, Slug};
use serde::{Deserialize, Serialize};

/// The `schema_version` every bucket file carries; see [`crate::SCHEMA_VERSION`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(transparent)]
pub struct SchemaVersion(pub u32);

impl Default for SchemaVersion {
    fn default() -> Self {
        SchemaVersion(crate::SCHEMA_VERSION)
    }
}

/// A labelled link (navigation, social profile, donate button).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Link {
    /// What the reader sees and hears, e.g. "Donate to Convergence".
    pub label: String,
    /// Absolute URL or site-relative path.
    pub url: String,
}

/// `site.json`: everything about the magazine that is not an article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Site {
    /// Bucket format version.
    pub schema_version: SchemaVersion,
    /// The masthead name, "Convergence".
    pub title: String,
    /// One line under the masthead, "A magazine for radical insights".
    pub tagline: String,
    /// A sentence or two for meta descriptions and feeds.
    pub description: String,
    /// The canonical public origin, e.g. "https://convergencemag.com" (no trailing slash).
    pub url: String,
    /// Primary navigation, in order.
    pub navigation: Vec<Link>,
    /// Footer links (republication policy, submissions…), in order.
    pub secondary_navigation: Vec<Link>,
    /// Short footer line.
    pub footer_text: String,
    /// The fiscal-sponsorship statement.
    pub fiscal_sponsor: String,
    /// How to reach the editors.
    pub contact: Contact,
    /// The subscribe flow's configuration.
    pub subscribe: SubscribeConfig,
    /// The support/donate link.
    pub support: Link,
    /// Republication policy summary shown under articles and in the embed dialog.
    pub republication: Republication,
    /// Social profiles.
    #[serde(default)]
    pub social: Vec<Link>,
    /// The link-preview image for pages without their own (an article with no hero image).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default_image: Option<Image>,
}

/// Contact details (the seed's address was lost in capture; this is their one home).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Contact {
    /// The editors' email address.
    pub email: String,
    /// Who reads it, e.g. "the editors".
    pub label: String,
}

/// The republication policy, summarised, with the page that has it in full.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Republication {
    /// One paragraph for the notice under each article.
    pub summary: String,
    /// The static page with the whole policy.
    pub page: Slug,
}

/// How the subscribe form behaves and where it sends.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SubscribeConfig {
    /// What a subscriber gets, shown on `/subscribe`.
    pub pitch: String,
    /// The lists a reader can choose.
    pub lists: Vec<MailingList>,
    /// Consent checkbox text and whether ticking it is required.
    pub consent: Consent,
    /// The newsletter provider the form posts to.
    pub provider: Provider,
}

/// A newsletter list on offer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct MailingList {
    /// The provider's identifier for the list.
    pub id: String,
    /// Reader-facing name, e.g. "The Convergence newsletter".
    pub name: String,
    /// One line on what it sends and how often.
    pub description: String,
    /// Whether the box starts ticked.
    #[serde(default)]
    pub preselected: Preselected,
}

/// Whether a list's checkbox starts ticked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Preselected {
    /// Starts ticked.
    Yes,
    /// Starts unticked.
    #[default]
    No,
}

/// The consent checkbox.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Consent {
    /// The policy text beside the checkbox.
    pub text: String,
    /// Whether the form refuses to send until it is ticked.
    pub requirement: ConsentRequirement,
}

/// Whether consent must be given before sending.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum ConsentRequirement {
    /// Sending is blocked until the box is ticked.
    Required,
    /// The box is offered but not required.
    Optional,
}

/// The newsletter provider adapters.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Provider {
    /// POST `{email, name, lists, idempotency_key}` as JSON.
    GenericJson {
        /// Where to POST.
        endpoint: String,
    },
    /// POST `application/x-www-form-urlencoded` (Buttondown/Mailchimp embed shape).
    FormEncoded {
        /// Where to POST.
        endpoint: String,
        /// The form field carrying the email address.
        email_field: String,
        /// The form field carrying the name, if the provider takes one.
        name_field: Option<String>,
        /// The form field repeated for each chosen list, if any.
        list_field: Option<String>,
    },
    /// listmonk's public subscription API (`POST {base_url}/api/public/subscription`).
    Listmonk {
        /// The listmonk origin.
        base_url: String,
    },
    /// Ghost members magic link (`POST {base_url}/members/api/send-magic-link/`).
    Ghost {
        /// The Ghost site origin.
        base_url: String,
    },
}

/// What an article is: it decides the player shown with the body.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum ArticleKind {
    /// A written article.
    #[default]
    Article,
    /// A podcast episode, with audio.
    PodcastEpisode,
    /// A video, linked or embedded without tracking.
    Video,
}

impl ArticleKind {
    /// Whether partners may embed or republish it. Podcast episodes may not: audio is the
    /// joint property of the show's hosts and Convergence, republished only with the written
    /// permission of both (the republication policy). The builder's oEmbed, the build's
    /// embeds, the embed entry and the article page all ask here.
    pub fn may_republish(self) -> bool {
        self != ArticleKind::PodcastEpisode
    }
}

/// A byline entry: enough to link to the contributor without loading them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct AuthorRef {
    /// The contributor's slug (`/contributors/{slug}`).
    pub slug: Slug,
    /// Display name.
    pub name: String,
}

/// A topic reference on an article or card.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct TopicRef {
    /// The topic's slug (`/topics/{slug}`).
    pub slug: Slug,
    /// Display name.
    pub name: String,
}

/// An image with everything needed to show it accessibly and without layout shift.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Image {
    /// URL (absolute, or relative to the bucket root).
    pub src: String,
    /// Alternative text; required by the builder (empty only for decorative images).
    pub alt: String,
    /// Caption shown under the image.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub caption: Option<String>,
    /// Photo credit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub credit: Option<String>,
    /// Intrinsic width in pixels, to reserve space.
    pub width: u32,
    /// Intrinsic height in pixels, to reserve space.
    pub height: u32,
    /// Extra sizes for `srcset`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub srcset: Vec<ImageSource>,
}

/// One entry of an image's `srcset`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ImageSource {
    /// URL of this size.
    pub src: String,
    /// Its width in pixels.
    pub width: u32,
}

/// Audio or video that goes with a podcast episode or video.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Media {
    /// An audio file: the player's source and the feed's enclosure.
    Audio {
        /// File URL.
        src: String,
        /// MIME type, e.g. "audio/mpeg".
        mime: String,
        /// Length in seconds.
        duration_seconds: u32,
        /// File size in bytes, for the feed's `<enclosure length>` (0 in buckets built
        /// before it was recorded; the builder requires it of episodes).
        #[serde(default, skip_serializing_if = "is_zero")]
        length_bytes: u64,
    },
    /// A video on an external host, shown as a placeholder that loads nothing from the host
    /// until the reader asks.
    Video {
        /// The video page URL.
        url: String,
        /// The host's name, e.g. "YouTube".
        host: String,
        /// Length in seconds, if known.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        duration_seconds: Option<u32>,
        /// A still from the video, served from the bucket (never hot-linked from the host).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        poster: Option<Image>,
    },
}

fn is_zero(n: &u64) -> bool {
    *n == 0
}

/// A show named on an episode or a masthead group: enough to link to `/podcasts/{slug}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ShowRef {
    /// The show's slug.
    pub slug: Slug,
    /// The show's title.
    pub title: String,
}

/// What a podcast episode's Markdown body is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum EpisodeBody {
    /// Show notes.
    #[default]
    ShowNotes,
    /// A full transcript (listed as `podcast:transcript` in the feed).
    Transcript,
}

/// Where an episode sits in its show.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct EpisodeInfo {
    /// The show it belongs to.
    pub show: ShowRef,
    /// Season number, where the show has seasons.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub season: Option<u32>,
    /// Episode number, where given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub number: Option<u32>,
    /// Whether the body is show notes or a transcript.
    #[serde(default)]
    pub body: EpisodeBody,
    /// The show's cover art, for the player and the lock screen (set by the builder).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub artwork: Option<Image>,
}

/// Whether a show's feed marks it explicit (`itunes:explicit`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum ContentAdvisory {
    /// No explicit content.
    #[default]
    Clean,
    /// Explicit content.
    Explicit,
}

/// How podcast apps order a show's episodes (`itunes:type`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum ShowType {
    /// Newest first; episodes stand alone.
    #[default]
    Episodic,
    /// Oldest first; listened to in order.
    Serial,
}

/// An Apple Podcasts category, with an optional subcategory (e.g. News › Politics).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct PodcastCategory {
    /// Top-level category, from Apple's list.
    pub name: String,
    /// Subcategory, from Apple's list under `name`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subcategory: Option<String>,
}

/// A podcast show: its page, its card on `/podcasts` and its feed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Show {
    /// URL slug (`/podcasts/{slug}`).
    pub slug: Slug,
    /// Title.
    pub title: String,
    /// What the show is, in plain text (the feed's description).
    pub description: String,
    /// Hosts, in order, linked to their contributor pages.
    pub hosts: Vec<AuthorRef>,
    /// Square cover art.
    pub artwork: Image,
    /// Language, e.g. "en".
    pub language: String,
    /// Apple Podcasts categories, first is primary.
    pub categories: Vec<PodcastCategory>,
    /// Explicit or clean.
    pub advisory: ContentAdvisory,
    /// Episodic or serial.
    pub show_type: ShowType,
    /// The show's RSS feed (absolute URL).
    pub feed_url: String,
    /// Published episodes.
    pub episode_count: u32,
}

/// One show on `/podcasts`, with its newest episodes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ShowCard {
    /// The show.
    pub show: Show,
    /// Its newest episodes (up to 3), newest first.
    pub latest: Vec<ArticleSummary>,
}

/// `podcasts.json`: every show, in the editors' order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Podcasts {
    /// Bucket format version.
    pub schema_version: SchemaVersion,
    /// The shows.
    pub shows: Vec<ShowCard>,
}

/// Minutes to read, rounded up, at least one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(transparent)]
pub struct ReadingTime(pub u32);

/// What a card shows: every listing holds these.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ArticleSummary {
    /// URL slug.
    pub slug: Slug,
    /// Headline.
    pub title: String,
    /// The standfirst under the headline.
    pub dek: String,
    /// Article, podcast episode or video.
    pub kind: ArticleKind,
    /// Publication date.
    pub published_at: Date,
    /// Bylines, in order.
    pub authors: Vec<AuthorRef>,
    /// Topics; the first is the primary one shown on cards.
    pub topics: Vec<TopicRef>,
    /// Lead image, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub feature_image: Option<Image>,
    /// Minutes to read.
    pub reading_time: ReadingTime,
}

/// `articles/{slug}.json` (and `drafts/{slug}.json`): one whole article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Article {
    /// Bucket format version.
    pub schema_version: SchemaVersion,
    /// URL slug.
    pub slug: Slug,
    /// Headline.
    pub title: String,
    /// The standfirst under the headline.
    pub dek: String,
    /// Article, podcast episode or video.
    pub kind: ArticleKind,
    /// Publication date.
    pub published_at: Date,
    /// Last substantive update, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated_at: Option<Date>,
    /// Bylines, in order.
    pub authors: Vec<AuthorRef>,
    /// Topics; the first is primary.
    pub topics: Vec<TopicRef>,
    /// Lead image.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub feature_image: Option<Image>,
    /// Audio or video for podcast episodes and videos.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub media: Option<Media>,
    /// For podcast episodes: the show, season and number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub episode: Option<EpisodeInfo>,
    /// The body, in Markdown; rendered by [`crate`]'s renderer in the browser.
    pub markdown: String,
    /// Minutes to read.
    pub reading_time: ReadingTime,
    /// Plain-text excerpt.
    pub excerpt: String,
    /// The canonical public URL.
    pub canonical_url: String,
    /// For archive items: where and when this first appeared.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub originally_published: Option<String>,
    /// "More from Convergence": related by topic, else latest (up to 3).
    #[serde(default)]
    pub related: Vec<ArticleSummary>,
}

/// Ghost-style pagination metadata.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Pagination {
    /// This page, from 1.
    pub page: u32,
    /// Items per page.
    pub limit: u32,
    /// How many pages there are (at least 1).
    pub pages: u32,
    /// How many items in all.
    pub total: u32,
    /// The next page, if any.
    pub next: Option<u32>,
    /// The previous page, if any.
    pub prev: Option<u32>,
}

/// What a listing lists, so the page can title itself.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ListingScope {
    /// The whole magazine, newest first (`index/{n}.json`).
    Latest,
    /// One topic (`topics/{slug}/{n}.json`).
    Topic {
        /// The topic.
        topic: TopicRef,
        /// A sentence on the topic.
        description: String,
    },
    /// One year (`archive/{year}/{n}.json`).
    Year {
        /// The year.
        year: u16,
    },
    /// One contributor's work (`contributors/{slug}/{n}.json`).
    Contributor {
        /// The contributor.
        author: AuthorRef,
    },
    /// One show's episodes (`podcasts/{slug}/{n}.json`).
    Show {
        /// The show.
        show: Box<Show>,
    },
}

/// One page of article summaries, newest first.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Listing {
    /// Bucket format version.
    pub schema_version: SchemaVersion,
    /// What this lists.
    pub scope: ListingScope,
    /// The summaries on this page.
    pub articles: Vec<ArticleSummary>,
    /// Where this page sits.
    pub pagination: Pagination,
    /// The article that leads the home page: the newest published article with
    /// `featured = true`. Only on `index/1.json`; absent elsewhere and when no
    /// article is featured (the home page then leads with `articles[0]`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub featured: Option<ArticleSummary>,
}

/// `archive.json`: the years that have articles, newest first, with counts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ArchiveYears {
    /// Bucket format version.
    pub schema_version: SchemaVersion,
    /// Years, newest first.
    pub years: Vec<YearCount>,
}

/// One year in the archive.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct YearCount {
    /// The year.
    pub year: u16,
    /// Articles published in it.
    pub count: u32,
}

/// `topics.json`: every topic, for navigation and the builder's checks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Topics {
    /// Bucket format version.
    pub schema_version: SchemaVersion,
    /// Topics in editorial order.
    pub topics: Vec<Topic>,
}

/// A topic.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Topic {
    /// URL slug.
    pub slug: Slug,
    /// Display name.
    pub name: String,
    /// A sentence on what it covers.
    pub description: String,
    /// How many published articles carry it: counted by the builder, absent in the source and
    /// in buckets built before it was added.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub article_count: Option<u32>,
}

/// `contributors.json`: the masthead, in the editors' order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Masthead {
    /// Bucket format version.
    pub schema_version: SchemaVersion,
    /// Sections in order (Staff & Contributors, Podcast hosts, Advisory Board…).
    pub sections: Vec<MastheadSection>,
}

/// What kind of people a masthead section holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum SectionKind {
    /// Staff and regular contributors, with roles.
    Staff,
    /// Podcast hosts, grouped by show.
    PodcastHosts,
    /// The advisory board, with affiliations.
    AdvisoryBoard,
    /// Writers and speakers outside the masthead.
    Contributors,
}

/// A masthead section.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct MastheadSection {
    /// Heading, e.g. "Advisory Board".
    pub heading: String,
    /// What it holds.
    pub kind: SectionKind,
    /// Groups within it (one untitled group, or one per podcast show).
    pub groups: Vec<MastheadGroup>,
}

/// A group of people in a section, e.g. the hosts of one show.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct MastheadGroup {
    /// Group title (a show's name), if the group has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The show whose hosts these are, when the group is a show's: its title links to
    /// `/podcasts/{slug}`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub show: Option<ShowRef>,
    /// Members, in order.
    pub members: Vec<MastheadEntry>,
}

/// One person on the masthead.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct MastheadEntry {
    /// The contributor's slug.
    pub slug: Slug,
    /// Display name.
    pub name: String,
    /// Role in this section, e.g. "Communications & administration".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    /// Affiliation, e.g. "Vice President, Chicago Teachers Union".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub affiliation: Option<String>,
}

/// `contributors/{slug}.json`: one person's page (their articles are in `contributors/{slug}/{n}.json`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Contributor {
    /// Bucket format version.
    pub schema_version: SchemaVersion,
    /// URL slug.
    pub slug: Slug,
    /// Full name.
    pub name: String,
    /// Roles at the magazine, e.g. ["Advisory board"], ["Host, Black Work Talk"].
    pub roles: Vec<String>,
    /// Outside affiliation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub affiliation: Option<String>,
    /// Biography, in Markdown.
    pub bio: String,
    /// Website and social links.
    #[serde(default)]
    pub links: Vec<Link>,
    /// Portrait.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub profile_image: Option<Image>,
    /// How many published articles they have (0 is fine: everyone has a page).
    pub article_count: u32,
}

/// `pages/{slug}.json`: a static page (About, Submissions, Republication…).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Page {
    /// Bucket format version.
    pub schema_version: SchemaVersion,
    /// URL slug (`/{slug}`).
    pub slug: Slug,
    /// Heading and title.
    pub title: String,
    /// Meta description.
    pub description: String,
    /// The body, in Markdown.
    pub markdown: String,
}

/// `search/manifest.json`: how the search index is sharded, so a query loads only what it needs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SearchManifest {
    /// Bucket format version.
    pub schema_version: SchemaVersion,
    /// Number of term shards (`search/terms/{n}.json`); a term's shard is [`crate::paths::term_shard`].
    pub term_shards: u32,
    /// Documents per document shard (`search/docs/{n}.json`).
    pub docs_per_shard: u32,
    /// How many documents in all.
    pub documents: u32,
}

/// `search/terms/{n}.json`: postings for the terms that hash to this shard.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SearchTermShard {
    /// Bucket format version.
    pub schema_version: SchemaVersion,
    /// Term (lowercased, folded) → (document id, weight) pairs, best first.
    pub terms: std::collections::BTreeMap<String, Vec<(u32, u16)>>,
}

/// `search/docs/{n}.json`: documents `n * docs_per_shard ..` of the search index.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SearchDocShard {
    /// Bucket format version.
    pub schema_version: SchemaVersion,
    /// The documents, in id order.
    pub docs: Vec<SearchDoc>,
}

/// A search result target.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum SearchDoc {
    /// An article.
    Article {
        /// Slug.
        slug: Slug,
        /// Headline.
        title: String,
        /// Bylines.
        authors: Vec<AuthorRef>,
        /// Date.
        published_at: Date,
        /// Short excerpt.
        excerpt: String,
    },
    /// A contributor.
    Contributor {
        /// Slug.
        slug: Slug,
        /// Name.
        name: String,
        /// Roles and affiliation, one line.
        summary: String,
    },
}

/// `oembed/{slug}.json`: the oEmbed 1.0 "rich" response for an article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct OEmbed {
    /// Bucket format version (an extra field, which oEmbed consumers ignore).
    pub schema_version: SchemaVersion,
    /// Always "1.0".
    pub version: String,
    /// Always "rich".
    #[serde(rename = "type")]
    pub kind: String,
    /// The article's title.
    pub title: String,
    /// Byline.
    pub author_name: String,
    /// The first author's page.
    pub author_url: String,
    /// "Convergence".
    pub provider_name: String,
    /// The site's origin.
    pub provider_url: String,
    /// The iframe snippet.
    pub html: String,
    /// Suggested width.
    pub width: u32,
    /// Suggested height.
    pub height: u32,
}

#[cfg(feature = "schema")]
mod schema_impls {
    //! JSON Schemas for the validated identifiers, which serialize as strings.
    use crate::ids::{Date, Slug};
    use schemars::{json_schema, JsonSchema, Schema, SchemaGenerator};
    use std::borrow::Cow;

    impl JsonSchema for Slug {
        fn schema_name() -> Cow<'static, str> {
            "Slug".into()
        }
        fn json_schema(_: &mut SchemaGenerator) -> Schema {
            json_schema!({
                "type": "string",
                "description": "1–100 lowercase letters, digits and single hyphens, e.g. \"broad-front-panel\".",
                "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$",
                "minLength": 1,
                "maxLength": 100
            })
        }
    }

    impl JsonSchema for Date {
        fn schema_name() -> Cow<'static, str> {
            "Date".into()
        }
        fn json_schema(_: &mut SchemaGenerator) -> Schema {
            json_schema!({
                "type": "string",
                "description": "A calendar date, YYYY-MM-DD.",
                "format": "date",
                "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
            })
        }
    }
}
