//! What makes the site installable (docs/offline.md): the web app manifest, and PNG icons
//! drawn from the site icon (public/favicon.svg) at every release build, so the icon is
//! named once. The icon must be paths only: text would depend on the machine's fonts.

use std::path::Path;

/// The light paper colour of style/main.css: the installed app's bar and splash screen.
const PAPER: &str = "#fffdf8";
/// The icons: file, size in pixels, purpose.
const ICONS: [(&str, u32, &str); 3] = [
    ("icons/icon-192.png", 192, "any"),
    ("icons/icon-512.png", 512, "any"),
    ("icons/icon-maskable-512.png", 512, "maskable"),
];

/// Writes the icons and `manifest.webmanifest` into `dist`; returns their site paths.
pub fn write(dist: &Path, favicon_svg: &str, site_json: &str) -> Result<Vec<String>, String> {
    let manifest = manifest(site_json)?;
    std::fs::create_dir_all(dist.join("icons"))
        .map_err(|e| format!("cannot create {}: {e}", dist.join("icons").display()))?;
    let mut written = Vec::new();
    for (file, size, purpose) in ICONS {
        let svg = if purpose == "maskable" {
            maskable(favicon_svg)?
        } else {
            favicon_svg.to_owned()
        };
        let png = rasterise(&svg, size)?;
        let out = dist.join(file);
        std::fs::write(&out, png).map_err(|e| format!("cannot write {}: {e}", out.display()))?;
        written.push(format!("/{file}"));
    }
    let out = dist.join("manifest.webmanifest");
    std::fs::write(&out, manifest).map_err(|e| format!("cannot write {}: {e}", out.display()))?;
    written.push("/manifest.webmanifest".to_owned());
    Ok(written)
}

/// The manifest: names from `site.json`, the whole site as scope, the icons above.
pub fn manifest(site_json: &str) -> Result<String, String> {
    let site: serde_json::Value =
        serde_json::from_str(site_json).map_err(|e| format!("site.json: {e}"))?;
    let text = |key: &str| {
        site.get(key)
            .and_then(|v| v.as_str())
            .filter(|s| !s.trim().is_empty())
            .map(str::to_owned)
            .ok_or_else(|| format!("site.json has no `{key}` for the web app manifest"))
    };
    let title = text("title")?;
    let icons: Vec<serde_json::Value> = ICONS
        .iter()
        .map(|(file, size, purpose)| {
            serde_json::json!({
                "src": format!("/{file}"),
                "sizes": format!("{size}x{size}"),
                "type": "image/png",
                "purpose": purpose,
            })
        })
        .collect();
    let value = serde_json::json!({
        "id": "/",
        "name": title,
        "short_name": title,
        "description": text("description")?,
        "lang": "en",
        "start_url": "/",
        "scope": "/",
        "display": "standalone",
        "background_color": PAPER,
        "theme_color": PAPER,
        "categories": ["news", "magazines"],
        "icons": icons,
    });
    Ok(serde_json::to_string_pretty(&value).expect("JSON values serialise"))
}

/// The icon for a maskable slot: a full-bleed square of its background colour with the
/// whole icon at 80% in the middle, so the letter stays inside the safe circle.
pub fn maskable(svg: &str) -> Result<String, String> {
    let background = first_rect_fill(svg)
        .ok_or("public/favicon.svg: no <rect fill=…> to take the background colour from")?;
    let open_end = svg
        .find('>')
        .ok_or("public/favicon.svg: not an SVG document")?;
    let close = svg
        .rfind("</svg>")
        .ok_or("public/favicon.svg: no closing </svg>")?;
    Ok(format!(
        "{}><rect width=\"32\" height=\"32\" fill=\"{background}\"/><g transform=\"translate(3.2 3.2) scale(0.8)\">{}</g></svg>",
        &svg[..open_end],
        &svg[open_end + 1..close]
    ))
}

fn first_rect_fill(svg: &str) -> Option<String> {
    let rect = &svg[svg.find("<rect")?..];
    let rect = &rect[..rect.find('>')?];
    let at = rect.find("fill=\"")? + 6;
    let end = rect[at..].find('"')?;
    Some(rect[at..at + end].to_owned())
}

/// `svg` drawn as a `size`×`size` PNG.
pub fn rasterise(svg: &str, size: u32) -> Result<Vec<u8>, String> {
    if svg.contains("<text") {
        return Err("public/favicon.svg has <text>: draw the icon with paths, so it renders the same on every machine".into());
    }
    let tree = resvg::usvg::Tree::from_str(svg, &resvg::usvg::Options::default())
        .map_err(|e| format!("public/favicon.svg does not parse: {e}"))?;
    let mut pixmap = resvg::tiny_skia::Pixmap::new(size, size).ok_or("icon size is zero")?;
    let scale = size as f32 / tree.size().width();
    resvg::render(
        &tree,
        resvg::tiny_skia::Transform::from_scale(scale, scale),
        &mut pixmap.as_mut(),
    );
    pixmap
        .encode_png()
        .map_err(|e| format!("cannot encode the {size}px icon: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use resvg::tiny_skia::Pixmap;

    const ICON: &str = include_str!("../../public/favicon.svg");
    const SITE: &str =
        r#"{"title":"Convergence","description":"A magazine for radical insights."}"#;

    fn pixel(p: &Pixmap, x: u32, y: u32) -> [u8; 4] {
        let c = p.pixel(x, y).unwrap().demultiply();
        [c.red(), c.green(), c.blue(), c.alpha()]
    }

    fn png(dir: &Path, file: &str) -> Pixmap {
        Pixmap::decode_png(&std::fs::read(dir.join(file)).unwrap()).unwrap()
    }

    #[test]
    fn the_icons_are_drawn_at_their_sizes_and_the_manifest_lists_them() {
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_nanos();
        let dir =
            std::env::temp_dir().join(format!("convergence-icons-{}-{nanos}", std::process::id()));
        let written = write(&dir, ICON, SITE).unwrap();
        assert_eq!(
            written,
            [
                "/icons/icon-192.png",
                "/icons/icon-512.png",
                "/icons/icon-maskable-512.png",
                "/manifest.webmanifest"
            ]
        );
        for (file, size, _) in ICONS {
            let p = png(&dir, file);
            assert_eq!((p.width(), p.height()), (size, size), "{file}");
        }
        let icon = png(&dir, "icons/icon-512.png");
        assert_eq!(pixel(&icon, 0, 0)[3], 0, "rounded corners are transparent");
        assert_eq!(pixel(&icon, 64, 256), [0xa4, 0x26, 0x2c, 255]);
        let mask = png(&dir, "icons/icon-maskable-512.png");
        assert_eq!(
            pixel(&mask, 0, 0),
            [0xa4, 0x26, 0x2c, 255],
            "maskable is full bleed"
        );
        let manifest: serde_json::Value = serde_json::from_str(
            &std::fs::read_to_string(dir.join("manifest.webmanifest")).unwrap(),
        )
        .unwrap();
        let expected = serde_json::json!({
            "id": "/",
            "name": "Convergence",
            "short_name": "Convergence",
            "description": "A magazine for radical insights.",
            "lang": "en",
            "start_url": "/",
            "scope": "/",
            "display": "standalone",
            "background_color": "#fffdf8",
            "theme_color": "#fffdf8",
            "categories": ["news", "magazines"],
            "icons": [
                {"src": "/icons/icon-192.png", "sizes": "192x192", "type": "image/png", "purpose": "any"},
                {"src": "/icons/icon-512.png", "sizes": "512x512", "type": "image/png", "purpose": "any"},
                {"src": "/icons/icon-maskable-512.png", "sizes": "512x512", "type": "image/png", "purpose": "maskable"},
            ],
        });
        assert_eq!(manifest, expected);
        std::fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn bad_inputs_are_named() {
        assert!(manifest(r#"{"description":"x"}"#)
            .unwrap_err()
            .contains("`title`"));
        let text =
            r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><text>C</text></svg>"#;
        assert!(rasterise(text, 32).unwrap_err().contains("paths"));
        assert!(maskable("<svg></svg>").unwrap_err().contains("rect"));
    }
}
