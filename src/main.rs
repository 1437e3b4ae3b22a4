//! Entry point: only mounts the app.

fn main() {
    convergence_web::mount();
}
