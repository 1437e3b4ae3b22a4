//! The reader app's release wasm is split at build time (xtask/src/split.rs) into its first
//! download and the pages fetched when first shown. The split step reads the link's
//! relocations, and `split_pages` turns the split points on only where that step runs: the
//! reader app's release wasm (index.html asks for the `split` feature). Debug builds
//! (`cargo xtask serve`, the browser tests), the embed and preview entries (which would
//! otherwise carry every split page, exported for the split step) and the build-time renderer
//! keep every page in one piece.

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo::rustc-check-cfg=cfg(split_pages)");
    let wasm = std::env::var("CARGO_CFG_TARGET_FAMILY").as_deref() == Ok("wasm");
    let release = std::env::var("PROFILE").as_deref() == Ok("release");
    if wasm {
        println!("cargo:rustc-link-arg-bin=convergence-web=--emit-relocs");
    }
    let split = std::env::var_os("CARGO_FEATURE_SPLIT").is_some();
    if wasm && release && split {
        println!("cargo:rustc-cfg=split_pages");
    }
}
