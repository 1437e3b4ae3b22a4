//! Benchmark, not a behaviour test: the Markdown renderer on a 50 KB article inside headless
//! Chromium, in the release profile, with nothing of the app around it. `cargo xtask bench` runs
//! `cargo test -p convergence-model --release --target wasm32-unknown-unknown --test render_bench
//! -- --nocapture` and reads the `BENCH render_50kb {json}` line it prints.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen_test::*;

#[path = "../benches/long_article.rs"]
mod long_article;

wasm_bindgen_test_configure!(run_in_browser);

/// Timed samples; each times a batch, since performance.now() is coarse (0.1 ms) in browsers.
const SAMPLES: usize = 40;
/// Renders per sample.
const BATCH: usize = 10;

#[wasm_bindgen_test]
fn render_50kb_article_in_the_browser() {
    let markdown = long_article::markdown();
    let perf = web_sys::window().unwrap().performance().unwrap();
    let reference = convergence_model::markdown::render(&markdown);
    assert!(reference.html.len() > markdown.len() / 2 && reference.words > 5_000);
    for _ in 0..BATCH {
        std::hint::black_box(convergence_model::markdown::render(std::hint::black_box(
            &markdown,
        )));
    }
    let mut per_render: Vec<f64> = (0..SAMPLES)
        .map(|_| {
            let start = perf.now();
            for _ in 0..BATCH {
                std::hint::black_box(convergence_model::markdown::render(std::hint::black_box(
                    &markdown,
                )));
            }
            (perf.now() - start) / BATCH as f64
        })
        .collect();
    per_render.sort_by(f64::total_cmp);
    let median = (per_render[SAMPLES / 2 - 1] + per_render[SAMPLES / 2]) / 2.0;
    console_log!(
        "BENCH render_50kb {{\"bytes\":{},\"renders\":{},\"median_ms\":{median:.4},\"min_ms\":{:.4},\"max_ms\":{:.4}}}",
        markdown.len(),
        SAMPLES * BATCH,
        per_render[0],
        per_render[SAMPLES - 1],
    );
}
