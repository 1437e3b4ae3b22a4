//! What a candidate stylesheet changed and broke: the probe's snapshots of the before and
//! after frames (public/lab-probe.js) compared into findings staff can act on.

use serde::Deserialize;

/// What kind of element a box is (the probe's first matching selector).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// `h1`–`h6`.
    Heading,
    /// Pull quotes and block quotes.
    Quote,
    /// Article cards in listings.
    Card,
    /// Links, buttons and form fields.
    Control,
    /// Paragraphs, list items, captions, bylines.
    Text,
    /// Images and media.
    Image,
}

impl Kind {
    /// The plural staff read in group headings.
    pub fn plural(self) -> &'static str {
        match self {
            Kind::Heading => "headings",
            Kind::Quote => "pull quotes",
            Kind::Card => "cards",
            Kind::Control => "controls",
            Kind::Text => "text",
            Kind::Image => "images",
        }
    }
}

/// One element's box in the frame, in CSS px from the top left of the page.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Element {
    /// Its index in document order among measured elements: the same element in both frames.
    pub id: u32,
    /// What it is.
    pub kind: Kind,
    /// Its text (or alt text), shortened.
    pub label: String,
    /// Left edge.
    pub x: f64,
    /// Top edge.
    pub y: f64,
    /// Width.
    pub w: f64,
    /// Height.
    pub h: f64,
    /// Whether it has a box at all (not hidden, at least 2 px each way).
    pub shown: bool,
    /// Text cut off by its own `overflow`.
    pub clipped: bool,
    /// Reaches past the right edge of the screen.
    pub wide: bool,
}

/// One axe-core violation on one element.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct AxeNode {
    /// The rule: `color-contrast` or `target-size`.
    pub rule: String,
    /// axe's selector for the element.
    pub selector: String,
    /// axe's explanation (ratios, sizes).
    pub message: String,
    /// The element's text.
    pub label: String,
}

/// Everything the probe reports about one frame.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Snapshot {
    /// The frame's layout width in CSS px.
    pub viewport: f64,
    /// The page's scrollable width.
    pub scroll_width: f64,
    /// Every measured element, by id.
    pub elements: Vec<Element>,
    /// Pairs of ids whose text boxes overlap.
    pub overlaps: Vec<(u32, u32)>,
    /// axe-core's contrast and target-size violations.
    #[serde(default)]
    pub axe: Vec<AxeNode>,
}

impl Snapshot {
    /// Reads the probe's JSON.
    pub fn from_json(raw: &str) -> Result<Snapshot, String> {
        serde_json::from_str(raw).map_err(|e| format!("the frame's report could not be read: {e}"))
    }
}

/// The headings findings are grouped under, in the order they are listed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Group {
    /// The page scrolls sideways now, or an element reaches past the screen.
    Overflow,
    /// Text cut off.
    Clipped,
    /// Text on text.
    Overlap,
    /// Contrast below WCAG AA (axe `color-contrast`).
    Contrast,
    /// Targets below 24 px (axe `target-size`).
    TargetSize,
    /// No longer shown.
    Hidden,
    /// Moved or resized, by kind.
    Moved(Kind),
}

impl Group {
    /// The group's heading.
    pub fn heading(self) -> String {
        match self {
            Group::Overflow => "New horizontal overflow".to_owned(),
            Group::Clipped => "Clipped text".to_owned(),
            Group::Overlap => "Overlapping text".to_owned(),
            Group::Contrast => "Text contrast below WCAG AA".to_owned(),
            Group::TargetSize => "Touch targets below 24 px".to_owned(),
            Group::Hidden => "No longer shown".to_owned(),
            Group::Moved(k) => format!("Moved or resized: {}", k.plural()),
        }
    }

    /// Whether the group is a regression (rather than a change to review).
    pub fn breaks(self) -> bool {
        !matches!(self, Group::Moved(_))
    }
}

/// Where a finding is, for scrolling both frames to it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Locator {
    /// A measured element, by id.
    Id(u32),
    /// An element axe-core names by selector.
    Selector(String),
    /// The page as a whole.
    Page,
}

/// One thing the candidate changed or broke.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    /// Its group.
    pub group: Group,
    /// What staff read.
    pub text: String,
    /// Where it is.
    pub at: Locator,
}

fn quoted(label: &str) -> String {
    if label.is_empty() {
        String::new()
    } else {
        format!(" “{label}”")
    }
}

fn kind_name(kind: Kind) -> &'static str {
    match kind {
        Kind::Heading => "Heading",
        Kind::Quote => "Quote",
        Kind::Card => "Card",
        Kind::Control => "Control",
        Kind::Text => "Text",
        Kind::Image => "Image",
    }
}

/// "moved 12 px down and 3 px left, 40 px narrower": what changed about a box.
pub fn describe_move(before: &Element, after: &Element) -> String {
    let mut moves = Vec::new();
    let dy = (after.y - before.y).round();
    let dx = (after.x - before.x).round();
    if dy != 0.0 {
        moves.push(format!(
            "{} px {}",
            dy.abs(),
            if dy > 0.0 { "down" } else { "up" }
        ));
    }
    if dx != 0.0 {
        moves.push(format!(
            "{} px {}",
            dx.abs(),
            if dx > 0.0 { "right" } else { "left" }
        ));
    }
    let mut parts = Vec::new();
    if !moves.is_empty() {
        parts.push(format!("moved {}", moves.join(" and ")));
    }
    let dw = (after.w - before.w).round();
    let dh = (after.h - before.h).round();
    if dw != 0.0 {
        parts.push(format!(
            "{} px {}",
            dw.abs(),
            if dw > 0.0 { "wider" } else { "narrower" }
        ));
    }
    if dh != 0.0 {
        parts.push(format!(
            "{} px {}",
            dh.abs(),
            if dh > 0.0 { "taller" } else { "shorter" }
        ));
    }
    parts.join(", ")
}

/// The findings of one before-and-after pair, grouped and in reading order: what is new in
/// `after` (overflow, clipping, overlaps, axe violations, hidden elements) and every box that
/// moved or resized by more than `threshold` px. Problems `before` already had are not listed.
pub fn compare(before: &Snapshot, after: &Snapshot, threshold: f64) -> Vec<Finding> {
    let mut out = Vec::new();
    let old = |id: u32| before.elements.iter().find(|e| e.id == id);
    let name = |e: &Element| format!("{}{}", kind_name(e.kind), quoted(&e.label));

    if after.scroll_width > after.viewport + 1.0 && before.scroll_width <= before.viewport + 1.0 {
        out.push(Finding {
            group: Group::Overflow,
            text: format!(
                "The page is {:.0} px wide on a {:.0} px screen: readers must scroll sideways",
                after.scroll_width, after.viewport
            ),
            at: Locator::Page,
        });
    }
    for e in &after.elements {
        let was = old(e.id);
        if e.wide && !was.is_some_and(|b| b.wide) {
            out.push(Finding {
                group: Group::Overflow,
                text: format!(
                    "{} reaches {:.0} px, past the {:.0} px screen",
                    name(e),
                    e.x + e.w,
                    after.viewport
                ),
                at: Locator::Id(e.id),
            });
        }
        if e.clipped && !was.is_some_and(|b| b.clipped) {
            out.push(Finding {
                group: Group::Clipped,
                text: format!("{} is cut off by its box", name(e)),
                at: Locator::Id(e.id),
            });
        }
    }
    let label_of = |s: &Snapshot, id: u32| {
        s.elements
            .iter()
            .find(|e| e.id == id)
            .map(&name)
            .unwrap_or_else(|| format!("Element {id}"))
    };
    for &(a, b) in &after.overlaps {
        let known = before
            .overlaps
            .iter()
            .any(|&(x, y)| (x, y) == (a, b) || (y, x) == (a, b));
        if !known {
            out.push(Finding {
                group: Group::Overlap,
                text: format!("{} overlaps {}", label_of(after, a), label_of(after, b)),
                at: Locator::Id(a),
            });
        }
    }
    for n in &after.axe {
        let known = before
            .axe
            .iter()
            .any(|b| b.rule == n.rule && b.selector == n.selector);
        let group = match n.rule.as_str() {
            "color-contrast" => Group::Contrast,
            "target-size" => Group::TargetSize,
            _ => continue,
        };
        if !known {
            out.push(Finding {
                group,
                text: format!("{}{}", n.message, quoted(&n.label)),
                at: Locator::Selector(n.selector.clone()),
            });
        }
    }
    // A box that only moved, by the same amount as the last one listed, moved with it (a taller
    // heading shifts everything after it): it is counted into that finding, not listed again.
    let mut followers = vec![0usize; out.len()];
    let mut last_shift: Option<(f64, f64, usize)> = None;
    for e in &after.elements {
        let Some(b) = old(e.id) else { continue };
        if b.shown && !e.shown {
            out.push(Finding {
                group: Group::Hidden,
                text: format!("{} is no longer shown", name(b)),
                at: Locator::Id(e.id),
            });
            followers.push(0);
            continue;
        }
        let moved = [e.x - b.x, e.y - b.y, e.w - b.w, e.h - b.h]
            .iter()
            .any(|d| d.abs() > threshold);
        if moved && e.shown {
            let (dx, dy) = (e.x - b.x, e.y - b.y);
            let resized = (e.w - b.w).abs() > threshold || (e.h - b.h).abs() > threshold;
            if let Some((lx, ly, at)) = last_shift.filter(|_| !resized) {
                if (dx - lx).abs() <= 1.0 && (dy - ly).abs() <= 1.0 {
                    followers[at] += 1;
                    continue;
                }
            }
            out.push(Finding {
                group: Group::Moved(e.kind),
                text: format!("{}: {}", name(e), describe_move(b, e)),
                at: Locator::Id(e.id),
            });
            followers.push(0);
            last_shift = (!resized).then_some((dx, dy, out.len() - 1));
        }
    }
    for (finding, n) in out.iter_mut().zip(followers) {
        if n > 0 {
            let plural = if n == 1 { "" } else { "s" };
            finding.text.push_str(&format!(
                " (and {n} more element{plural} after it, moved the same way)"
            ));
        }
    }
    // Stable: within a group, the order above (document order) stays.
    out.sort_by_key(|f| f.group);
    out
}

/// Findings split by group, in order, for listing under headings.
pub fn grouped(findings: &[Finding]) -> Vec<(Group, Vec<Finding>)> {
    let mut out: Vec<(Group, Vec<Finding>)> = Vec::new();
    for f in findings {
        match out.last_mut() {
            Some((g, list)) if *g == f.group => list.push(f.clone()),
            _ => out.push((f.group, vec![f.clone()])),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn el(id: u32, kind: Kind, label: &str, rect: (f64, f64, f64, f64)) -> Element {
        Element {
            id,
            kind,
            label: label.into(),
            x: rect.0,
            y: rect.1,
            w: rect.2,
            h: rect.3,
            shown: true,
            clipped: false,
            wide: false,
        }
    }

    fn page(elements: Vec<Element>) -> Snapshot {
        Snapshot {
            viewport: 320.0,
            scroll_width: 320.0,
            elements,
            overlaps: vec![],
            axe: vec![],
        }
    }

    fn base() -> Snapshot {
        page(vec![
            el(0, Kind::Heading, "What we do", (16.0, 100.0, 288.0, 40.0)),
            el(
                1,
                Kind::Text,
                "First paragraph",
                (16.0, 150.0, 288.0, 120.0),
            ),
            el(2, Kind::Control, "A+", (200.0, 10.0, 44.0, 44.0)),
        ])
    }

    #[test]
    fn the_same_page_is_all_clear() {
        assert_eq!(compare(&base(), &base(), 4.0), vec![]);
    }

    #[test]
    fn small_moves_stay_under_the_threshold_and_large_ones_are_described() {
        let mut after = base();
        after.elements[0].y += 3.0;
        assert_eq!(compare(&base(), &after, 4.0), vec![]);
        after.elements[1].y += 30.0;
        after.elements[1].w -= 40.0;
        let f = compare(&base(), &after, 4.0);
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].group, Group::Moved(Kind::Text));
        assert_eq!(
            f[0].text,
            "Text “First paragraph”: moved 30 px down, 40 px narrower"
        );
        assert_eq!(f[0].at, Locator::Id(1));
    }

    #[test]
    fn boxes_that_move_with_the_one_before_are_counted_not_listed() {
        let before = page(vec![
            el(0, Kind::Heading, "What we do", (16.0, 100.0, 288.0, 40.0)),
            el(1, Kind::Text, "First", (16.0, 150.0, 288.0, 120.0)),
            el(2, Kind::Control, "Read more", (16.0, 280.0, 80.0, 24.0)),
            el(3, Kind::Text, "Second", (16.0, 320.0, 288.0, 120.0)),
        ]);
        let mut after = before.clone();
        // The heading grows 30 px taller: everything after it moves 30 px down.
        after.elements[0].h += 30.0;
        for e in &mut after.elements[1..] {
            e.y += 30.0;
        }
        let f = compare(&before, &after, 4.0);
        let texts: Vec<&str> = f.iter().map(|f| f.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "Heading “What we do”: 30 px taller",
                "Text “First”: moved 30 px down (and 2 more elements after it, moved the same way)",
            ]
        );
        // An element hidden between them does not upset the count.
        let mut hidden = after.clone();
        hidden.elements[2].shown = false;
        let f = compare(&before, &hidden, 4.0);
        assert!(f
            .iter()
            .any(|f| f.text == "Control “Read more” is no longer shown"));
        assert!(f.iter().any(|f| f
            .text
            .ends_with("(and 1 more element after it, moved the same way)")));
        // A box that moves differently is listed on its own again.
        after.elements[3].y += 20.0;
        let f = compare(&before, &after, 4.0);
        assert_eq!(f.len(), 3);
        assert_eq!(
            f[1].text,
            "Text “First”: moved 30 px down (and 1 more element after it, moved the same way)"
        );
        assert_eq!(f[2].text, "Text “Second”: moved 50 px down");
    }

    #[test]
    fn new_overflow_is_found_and_old_overflow_is_not_repeated() {
        let mut after = base();
        after.scroll_width = 616.0;
        after.elements[1].w = 600.0;
        after.elements[1].wide = true;
        let f = compare(&base(), &after, 4.0);
        let groups: Vec<Group> = f.iter().map(|f| f.group).collect();
        assert_eq!(
            groups,
            [Group::Overflow, Group::Overflow, Group::Moved(Kind::Text)]
        );
        assert_eq!(
            f[0].text,
            "The page is 616 px wide on a 320 px screen: readers must scroll sideways"
        );
        assert_eq!(
            f[1].text,
            "Text “First paragraph” reaches 616 px, past the 320 px screen"
        );
        // A page that already overflowed before is not news.
        assert!(compare(&after, &after, 4.0).is_empty());
    }

    #[test]
    fn clipping_overlaps_and_hiding_are_regressions() {
        let mut after = base();
        after.elements[0].clipped = true;
        after.overlaps = vec![(0, 1)];
        after.elements[2].shown = false;
        after.elements[2].w = 0.0;
        let f = compare(&base(), &after, 4.0);
        let texts: Vec<&str> = f.iter().map(|f| f.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "Heading “What we do” is cut off by its box",
                "Heading “What we do” overlaps Text “First paragraph”",
                "Control “A+” is no longer shown",
            ]
        );
        assert!(f.iter().all(|f| f.group.breaks()));
        let mut before = base();
        before.overlaps = vec![(1, 0)];
        assert_eq!(compare(&before, &after, 4.0).len(), 2);
    }

    #[test]
    fn only_new_axe_violations_are_listed_under_their_rule() {
        let node = |rule: &str, sel: &str| AxeNode {
            rule: rule.into(),
            selector: sel.into(),
            message: "Element has insufficient color contrast of 2.1".into(),
            label: "Read more".into(),
        };
        let mut before = base();
        before.axe = vec![node("color-contrast", ".old")];
        let mut after = base();
        after.axe = vec![
            node("color-contrast", ".old"),
            node("color-contrast", ".card__topic > a"),
            node("target-size", "#a-minus"),
            node("region", "body"),
        ];
        let f = compare(&before, &after, 4.0);
        assert_eq!(
            grouped(&f)
                .iter()
                .map(|(g, l)| (g.heading(), l.len()))
                .collect::<Vec<_>>(),
            [
                ("Text contrast below WCAG AA".to_owned(), 1),
                ("Touch targets below 24 px".to_owned(), 1)
            ]
        );
        assert_eq!(
            f[0].text,
            "Element has insufficient color contrast of 2.1 “Read more”"
        );
        assert_eq!(f[0].at, Locator::Selector(".card__topic > a".into()));
    }

    #[test]
    fn the_probe_report_reads_and_a_broken_one_says_so() {
        let raw = r#"{"viewport":320,"scroll_width":320,"elements":[{"id":0,"kind":"quote","label":"We","x":0,"y":0,"w":10,"h":10,"shown":true,"clipped":false,"wide":false}],"overlaps":[[0,1]],"axe":[]}"#;
        let s = Snapshot::from_json(raw).unwrap();
        assert_eq!(s.elements[0].kind, Kind::Quote);
        assert_eq!(s.overlaps, vec![(0, 1)]);
        assert!(Snapshot::from_json("{}")
            .unwrap_err()
            .starts_with("the frame's report could not be read"));
    }
}
