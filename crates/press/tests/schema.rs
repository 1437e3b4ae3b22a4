//! The committed JSON Schemas in docs/schema match the types.

use std::path::Path;

#[test]
fn committed_schemas_match_the_code() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/schema");
    let stale = press::schema::stale_schemas(&dir);
    assert!(
        stale.is_empty(),
        "docs/schema is out of date ({}): run `cargo run -p press -- schema --out docs/schema` and commit",
        stale.join(", ")
    );
}
