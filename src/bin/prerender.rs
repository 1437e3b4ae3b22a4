//! Writes every public route of a bucket into a built site as plain HTML pages.

fn main() {
    if let Err(e) = convergence_web::prerender::site::run(std::env::args().skip(1).collect()) {
        eprintln!("prerender: {e}");
        std::process::exit(1);
    }
}
