//! Reactive hooks, one per file (`use_x` / `provide_x`).

pub mod use_clipboard;
pub mod use_content;
pub mod use_fragment_links;
pub mod use_player;
pub mod use_prefetch;
pub mod use_route_focus;
pub mod use_site;
pub mod use_slug_param;
pub mod use_text_size;
