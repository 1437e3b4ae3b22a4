//! The partner embed entry (`entries/embed.html`): only mounts the embed.

fn main() {
    convergence_web::embed::mount();
}
