//! Criterion: rendering a 50 KB article with the one Markdown renderer, natively.
//! `cargo bench -p convergence-model --bench render` (run by `cargo xtask bench`).

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::hint::black_box;

mod long_article;

fn render_50kb(c: &mut Criterion) {
    let markdown = long_article::markdown();
    let mut group = c.benchmark_group("markdown");
    group.throughput(Throughput::Bytes(markdown.len() as u64));
    group.bench_function("render_50kb", |b| {
        b.iter(|| convergence_model::markdown::render(black_box(&markdown)))
    });
    group.finish();
}

criterion_group!(benches, render_50kb);
criterion_main!(benches);
