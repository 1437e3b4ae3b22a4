//! `press gen-archive`: a deterministic synthetic content folder for tests and benchmarks.
//!
//! Everything is made from a seeded xorshift generator and built-in word lists, so
//! the same N always gives byte-identical files. The text is plainly synthetic
//! ("lorem"-style words and made-up syllables); people are "Writer 001"…, and no
//! one is quoted.

use anyhow::{bail, Context, Result};
use rayon::prelude::*;
use std::fmt::Write as _;
use std::fs;
use std::path::Path;

/// How many synthetic contributors the archive has.
pub const CONTRIBUTORS: usize = 200;

/// A small, fast, deterministic PRNG (xorshift64*).
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    /// A generator from a seed (any value; zero is remapped).
    pub fn new(seed: u64) -> Self {
        // splitmix64 to spread nearby seeds apart
        let mut z = seed.wrapping_add(0x9e37_79b9_7f4a_7c15);
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        Rng((z ^ (z >> 31)) | 1)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    /// A uniform number in `0..n` (n > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (((self.next_u64() >> 11) as u128 * n as u128) >> 53) as usize
    }

    /// A uniform number in `lo..=hi`.
    pub fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }

    /// A uniform float in `[0, 1)`.
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// True with probability `p`.
    pub fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }

    /// A Zipf-like rank in `0..n`: rank r comes up about 1/(r+1) as often as rank 0.
    pub fn zipf(&mut self, n: usize) -> usize {
        let r = ((n as f64 + 1.0).powf(self.unit()) - 1.0) as usize;
        r.min(n - 1)
    }

    /// One element of a non-empty slice.
    pub fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[self.below(xs.len())]
    }
}

const LOREM: &[&str] = &[
    "lorem",
    "ipsum",
    "dolor",
    "sit",
    "amet",
    "consectetur",
    "adipiscing",
    "elit",
    "sed",
    "do",
    "eiusmod",
    "tempor",
    "incididunt",
    "ut",
    "labore",
    "et",
    "dolore",
    "magna",
    "aliqua",
    "enim",
    "ad",
    "minim",
    "veniam",
    "quis",
    "nostrud",
    "exercitation",
    "ullamco",
    "laboris",
    "nisi",
    "aliquip",
    "ex",
    "ea",
    "commodo",
    "consequat",
    "duis",
    "aute",
    "irure",
    "in",
    "reprehenderit",
    "voluptate",
    "velit",
    "esse",
    "cillum",
    "fugiat",
    "nulla",
    "pariatur",
    "excepteur",
    "sint",
    "occaecat",
    "cupidatat",
    "non",
    "proident",
    "sunt",
    "culpa",
    "qui",
    "officia",
    "deserunt",
    "mollit",
    "anim",
    "id",
    "est",
    "laborum",
    "praesent",
    "vitae",
    "arcu",
    "tempus",
    "vulputate",
    "mauris",
    "nunc",
    "felis",
    "porta",
    "semper",
    "risus",
    "varius",
    "turpis",
    "lectus",
    "massa",
    "tortor",
    "pretium",
    "viverra",
    "suspendisse",
    "potenti",
    "nullam",
    "ac",
    "ornare",
    "aenean",
    "euismod",
    "elementum",
    "nisl",
    "purus",
    "gravida",
    "cum",
    "sociis",
    "natoque",
    "penatibus",
    "magnis",
    "dis",
    "parturient",
    "montes",
    "nascetur",
    "ridiculus",
    "mus",
    "fusce",
    "dapibus",
    "tellus",
    "cursus",
    "faucibus",
    "ligula",
    "quam",
    "pellentesque",
    "habitant",
    "morbi",
    "tristique",
    "senectus",
    "netus",
    "malesuada",
    "fames",
    "egestas",
    "congue",
    "quisque",
];

const SYLLABLES: &[&str] = &[
    "ka", "lo", "mer", "tin", "sa", "vo", "ru", "del", "pa", "zon", "bri", "ten", "qua", "mi",
    "nor", "tes", "ga", "lun", "fer", "do", "shi", "var", "ol", "em", "tra", "cu", "ben", "ix",
    "po", "ral", "sen", "ti", "mo", "gra", "lev", "an", "dor", "fi", "hu", "sel",
];

const TOPICS: &[&str] = &[
    "Strategy",
    "Elections",
    "Labor",
    "Climate",
    "Housing",
    "Immigration",
    "Organizing",
    "Racial Justice",
    "Feminism",
    "International",
    "Economy",
    "Health Care",
    "Education",
    "Criminal Legal System",
    "Technology",
    "Culture",
    "History",
    "Theory",
    "Movements",
    "Faith",
    "Rural",
    "Cities",
    "Youth",
    "Media",
    "Democracy",
    "Law",
    "Environment",
    "Peace",
    "Trade",
    "Care Work",
];

/// Size of the made-up vocabulary beyond the lorem words (its long tail feeds the search index).
const VOCABULARY: usize = 30_000;

fn made_up_word(k: usize) -> String {
    let mut w = String::new();
    let mut k = k;
    loop {
        w.push_str(SYLLABLES[k % SYLLABLES.len()]);
        k /= SYLLABLES.len();
        if k == 0 {
            break;
        }
        k -= 1;
    }
    if w.len() < 4 {
        w.push_str("ra");
    }
    w
}

struct Words {
    made_up: Vec<String>,
}

impl Words {
    fn new() -> Self {
        Words {
            made_up: (0..VOCABULARY).map(made_up_word).collect(),
        }
    }

    fn word(&self, rng: &mut Rng) -> &str {
        if rng.chance(0.55) {
            LOREM[rng.zipf(LOREM.len())]
        } else {
            &self.made_up[rng.zipf(VOCABULARY)]
        }
    }

    fn sentence(&self, rng: &mut Rng, words: usize, out: &mut String) {
        for i in 0..words {
            let w = self.word(rng);
            if i == 0 {
                capitalize_into(w, out);
            } else {
                out.push(' ');
                out.push_str(w);
                if i + 1 < words && rng.chance(0.06) {
                    out.push(',');
                }
            }
        }
        out.push('.');
    }

    fn title(&self, rng: &mut Rng) -> String {
        let n = rng.range(3, 7);
        let mut t = String::new();
        for i in 0..n {
            if i > 0 {
                t.push(' ');
            }
            capitalize_into(self.word(rng), &mut t);
        }
        t
    }
}

fn capitalize_into(w: &str, out: &mut String) {
    let mut cs = w.chars();
    if let Some(c) = cs.next() {
        out.extend(c.to_uppercase());
        out.push_str(cs.as_str());
    }
}

fn slug_words(title: &str, max: usize) -> String {
    title
        .split(' ')
        .take(max)
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join("-")
}

fn days_in_month(year: usize, month: usize) -> usize {
    match month {
        2 if (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400) => {
            29
        }
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// A TOML basic string.
fn q(s: &str) -> String {
    toml::Value::String(s.to_owned()).to_string()
}

struct Plan {
    slug: String,
    title: String,
    date: (usize, usize, usize),
}

fn writer_slug(i: usize) -> String {
    format!("writer-{:03}", i + 1)
}

fn topic_slug(i: usize) -> String {
    slug_words(&TOPICS[i].to_lowercase(), 4)
}

const SITE_TOML: &str = r##"# A synthetic site for benchmarks and tests, shaped like content/site.toml.
title = "Convergence (synthetic archive)"
tagline = "A synthetic archive for load testing"
description = "Generated by press gen-archive: synthetic text for measuring the builder."
url = "https://synthetic.example.org"
footer_text = "Synthetic content generated by press gen-archive."
fiscal_sponsor = "Synthetic archive: no sponsor."
contact = { email = "editors@example.org", label = "the editors" }
support = { label = "Donate", url = "/subscribe#support" }
republication = { summary = "Synthetic republication summary.", page = "republication" }

[[navigation]]
label = "Home"
url = "/"

[[navigation]]
label = "Contributors"
url = "/contributors"

[[navigation]]
label = "About"
url = "/about"

[[navigation]]
label = "Subscribe"
url = "/subscribe"

[[secondary_navigation]]
label = "Submissions"
url = "/submissions"

[[secondary_navigation]]
label = "Republication policy"
url = "/republication"

[subscribe]
pitch = "Synthetic subscribe pitch."

[[subscribe.lists]]
id = "newsletter"
name = "The newsletter"
description = "New articles."
preselected = "yes"

[subscribe.consent]
text = "I agree to receive email."
requirement = "required"

[subscribe.provider]
kind = "generic_json"
endpoint = "http://127.0.0.1:8090/subscribe"
"##;

/// The synthetic archive's one show, whose hosts are writers 21–25.
const SHOW: &str = "the-synthetic-podcast";

fn svg(label: &str, w: u32, h: u32) -> String {
    format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\"><rect width=\"100%\" height=\"100%\" fill=\"#ddd\"/><text x=\"50%\" y=\"50%\" text-anchor=\"middle\" font-size=\"48\">{label}</text></svg>\n"
    )
}

/// Writes a synthetic content folder of `n` articles into `out`, which must not
/// exist or be empty. The same `n` always gives byte-identical files.
pub fn generate(n: usize, out: &Path) -> Result<()> {
    if out.exists()
        && fs::read_dir(out)
            .map(|mut d| d.next().is_some())
            .unwrap_or(true)
    {
        bail!(
            "{} exists and is not empty; gen-archive only writes into a new folder",
            out.display()
        );
    }
    let words = Words::new();
    let write = |rel: &str, text: &str| -> Result<()> {
        let path = out.join(rel);
        if let Some(dir) = path.parent() {
            fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
        }
        fs::write(&path, text).with_context(|| format!("writing {}", path.display()))
    };

    write("site.toml", SITE_TOML)?;
    let mut topics = String::from("# Synthetic topics.\n");
    for (i, name) in TOPICS.iter().enumerate() {
        let _ = write!(
            topics,
            "\n[[topic]]\nslug = {}\nname = {}\ndescription = {}\n",
            q(&topic_slug(i)),
            q(name),
            q(&format!("Synthetic topic for load testing: {name}."))
        );
    }
    write("topics.toml", &topics)?;

    let mut masthead = String::from("# Synthetic masthead.\n");
    let section = |m: &mut String,
                   heading: &str,
                   kind: &str,
                   show: Option<&str>,
                   members: std::ops::Range<usize>,
                   role: Option<&str>| {
        let _ = write!(
            m,
            "\n[[section]]\nheading = {}\nkind = {}\n\n[[section.group]]\n",
            q(heading),
            q(kind)
        );
        // A show's group takes its title and members from the show file.
        if let Some(s) = show {
            let _ = writeln!(m, "show = {}", q(s));
            return;
        }
        m.push_str("members = [\n");
        for i in members {
            match role {
                Some(r) => {
                    let _ = writeln!(m, "  {{ slug = {}, role = {} }},", q(&writer_slug(i)), q(r));
                }
                None => {
                    let _ = writeln!(m, "  {{ slug = {} }},", q(&writer_slug(i)));
                }
            }
        }
        m.push_str("]\n");
    };
    section(
        &mut masthead,
        "Staff & Contributors",
        "staff",
        None,
        0..10,
        Some("Editor"),
    );
    section(
        &mut masthead,
        "Podcast hosts",
        "podcast_hosts",
        Some(SHOW),
        20..25,
        None,
    );
    section(
        &mut masthead,
        "Advisory Board",
        "advisory_board",
        None,
        10..20,
        None,
    );
    write("masthead.toml", &masthead)?;

    for i in 1..=5 {
        write(
            &format!("images/synthetic-{i}.svg"),
            &svg(&format!("Synthetic image {i}"), 1600, 900),
        )?;
    }
    write("images/synthetic-portrait.svg", &svg("Portrait", 400, 400))?;
    write("images/synthetic-show.svg", &svg("Show", 1400, 1400))?;
    let hosts: Vec<String> = (20..25).map(|i| q(&writer_slug(i))).collect();
    write(
        &format!("shows/{SHOW}.md"),
        &format!(
            "+++\ntitle = \"The Synthetic Podcast\"\nhosts = [{}]\nlanguage = \"en\"\nadvisory = \"clean\"\ncategories = [{{ name = \"News\", subcategory = \"Politics\" }}]\n\n[artwork]\nsrc = \"images/synthetic-show.svg\"\nalt = \"Placeholder artwork for the synthetic show\"\nwidth = 1400\nheight = 1400\n+++\nA synthetic show for load testing.\n",
            hosts.join(", ")
        ),
    )?;

    for (slug, title) in [
        ("about", "About"),
        ("submissions", "Submissions"),
        ("republication", "Republication policy"),
    ] {
        let mut rng = Rng::new(slug.len() as u64 * 7919);
        let mut body = String::new();
        for _ in 0..3 {
            words.sentence(&mut rng, 30, &mut body);
            body.push_str("\n\n");
        }
        write(
            &format!("pages/{slug}.md"),
            &format!(
                "+++\ntitle = {}\ndescription = {}\n+++\n{body}",
                q(title),
                q("A synthetic page.")
            ),
        )?;
    }

    (0..CONTRIBUTORS).into_par_iter().try_for_each(|i| {
        let mut rng = Rng::new(0xc0_ffee ^ i as u64);
        let mut t = format!("+++\nname = {}\n", q(&format!("Writer {:03}", i + 1)));
        let roles: &[&str] = match i {
            0..10 => &["Staff"],
            10..20 => &["Advisory board"],
            20..25 => &["Host, The Synthetic Podcast"],
            _ => &[],
        };
        let _ = writeln!(t, "roles = [{}]", roles.iter().map(|r| q(r)).collect::<Vec<_>>().join(", "));
        if rng.chance(0.3) {
            let _ = writeln!(t, "affiliation = {}", q(&format!("Synthetic Organization {:02}", rng.below(40) + 1)));
        }
        if rng.chance(0.3) {
            let _ = write!(t, "\n[[links]]\nlabel = \"Website\"\nurl = \"https://example.org/writers/{}\"\n", i + 1);
        }
        if i % 3 == 0 {
            let _ = write!(
                t,
                "\n[photo]\nsrc = \"images/synthetic-portrait.svg\"\nalt = {}\nwidth = 400\nheight = 400\n",
                q(&format!("Placeholder portrait of Writer {:03}", i + 1))
            );
        }
        t.push_str("+++\n");
        for _ in 0..rng.range(1, 3) {
            let n = rng.range(8, 20);
            words.sentence(&mut rng, n, &mut t);
            t.push(' ');
        }
        t.push('\n');
        write(&format!("contributors/{}.md", writer_slug(i)), &t)
    })?;

    // Plan every article first (slugs, titles, dates) so bodies can link to earlier ones.
    let plans: Vec<Plan> = (0..n)
        .into_par_iter()
        .map(|i| {
            let mut rng = Rng::new(i as u64);
            let title = words.title(&mut rng);
            let year = rng.range(2008, 2026);
            let month = rng.range(1, 12);
            let day = rng.range(1, days_in_month(year, month));
            Plan {
                slug: format!("{}-{}", slug_words(&title, 4), i + 1),
                title,
                date: (year, month, day),
            }
        })
        .collect();

    plans.par_iter().enumerate().try_for_each(|(i, plan)| {
        let mut rng = Rng::new(0x5eed_0000_0000 ^ i as u64);
        let mut t = String::with_capacity(16 * 1024);
        let (y, m, d) = plan.date;
        let _ = writeln!(t, "+++\ntitle = {}", q(&plan.title));
        let mut dek = String::new();
        let dek_words = rng.range(12, 24);
        words.sentence(&mut rng, dek_words, &mut dek);
        let _ = writeln!(t, "dek = {}", q(&dek));
        let roll = rng.unit();
        let kind = if roll < 0.08 { "podcast_episode" } else if roll < 0.12 { "video" } else { "article" };
        if kind != "article" {
            let _ = writeln!(t, "kind = {}", q(kind));
        }
        if kind == "podcast_episode" {
            let _ = writeln!(t, "show = {}", q(SHOW));
        }
        let _ = writeln!(t, "published = {y:04}-{m:02}-{d:02}");
        let n_authors = if rng.chance(0.7) { 1 } else if rng.chance(0.8) { 2 } else { 3 };
        let mut authors: Vec<usize> = Vec::new();
        while authors.len() < n_authors {
            let a = rng.zipf(CONTRIBUTORS);
            if !authors.contains(&a) {
                authors.push(a);
            }
        }
        let _ = writeln!(t, "authors = [{}]", authors.iter().map(|&a| q(&writer_slug(a))).collect::<Vec<_>>().join(", "));
        let n_topics = rng.range(1, 3);
        let mut topics: Vec<usize> = Vec::new();
        while topics.len() < n_topics {
            let x = rng.below(TOPICS.len());
            if !topics.contains(&x) {
                topics.push(x);
            }
        }
        let _ = writeln!(t, "topics = [{}]", topics.iter().map(|&x| q(&topic_slug(x))).collect::<Vec<_>>().join(", "));
        if y < 2018 && rng.chance(0.3) {
            let _ = writeln!(t, "originally_published = {}", q(&format!("Synthetic Upgrade, {y}")));
        }
        if rng.chance(0.01) {
            t.push_str("featured = true\n");
        }
        if rng.chance(0.3) {
            let k = rng.range(1, 5);
            let _ = write!(
                t,
                "\n[image]\nsrc = \"images/synthetic-{k}.svg\"\nalt = {}\ncaption = {}\nwidth = 1600\nheight = 900\n",
                q(&format!("Synthetic illustration number {k}")),
                q("A synthetic caption.")
            );
        }
        match kind {
            "podcast_episode" => {
                let seconds = rng.range(600, 4800);
                // 128 kbit/s MP3: 16,000 bytes a second.
                let _ = write!(
                    t,
                    "\n[media]\nkind = \"audio\"\nsrc = \"https://example.org/audio/{}.mp3\"\nmime = \"audio/mpeg\"\nduration_seconds = {seconds}\nlength_bytes = {}\n",
                    plan.slug,
                    seconds * 16_000
                );
            }
            "video" => {
                let _ = write!(t, "\n[media]\nkind = \"video\"\nurl = \"https://example.org/video/{}\"\nhost = \"Example Video\"\n", plan.slug);
            }
            _ => {}
        }
        t.push_str("+++\n");
        // 200–4000 words, most of them short.
        let target = 200 + (3800.0 * rng.unit().powi(2)) as usize;
        let mut written = 0;
        let mut paragraph = 0;
        while written < target {
            if paragraph > 0 && paragraph % 5 == 0 {
                t.push_str("## ");
                let h = words.title(&mut rng);
                t.push_str(&h);
                t.push_str("\n\n");
            }
            let len = rng.range(40, 120).min(target - written).max(5);
            if rng.chance(0.05) {
                t.push_str("> ");
                words.sentence(&mut rng, len.min(40), &mut t);
                t.push_str("\n\n");
                written += len.min(40);
                paragraph += 1;
                continue;
            }
            let mut left = len;
            while left > 0 {
                let s = rng.range(6, 24).min(left);
                words.sentence(&mut rng, s, &mut t);
                left -= s;
                if left > 0 {
                    t.push(' ');
                }
                if rng.chance(0.04) && i > 0 {
                    let other = &plans[rng.below(i)];
                    let _ = write!(t, "See [{}](/articles/{}). ", other.title, other.slug);
                }
            }
            if paragraph == 2 && rng.chance(0.1) {
                let k = rng.range(1, 5);
                let _ = write!(t, "\n\n![Synthetic figure {k}](images/synthetic-{k}.svg)");
            }
            t.push_str("\n\n");
            written += len;
            paragraph += 1;
        }
        write(&format!("articles/{y:04}/{}.md", plan.slug), &t)
    })?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rng_is_deterministic_and_in_range() {
        let mut a = Rng::new(7);
        let mut b = Rng::new(7);
        for _ in 0..1000 {
            let x = a.below(10);
            assert_eq!(x, b.below(10));
            assert!(x < 10);
            assert!(a.zipf(50) < 50);
            b.zipf(50);
        }
    }

    #[test]
    fn made_up_words_are_distinct() {
        let words: std::collections::BTreeSet<String> = (0..VOCABULARY).map(made_up_word).collect();
        assert!(words.len() > VOCABULARY * 9 / 10);
    }
}
