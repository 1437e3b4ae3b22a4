//! The staff preview entry (`entries/preview.html`, served at `/preview/`): only mounts it.

fn main() {
    convergence_web::preview::mount();
}
