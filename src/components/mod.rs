//! Reusable components (pages live in `pages/`).

pub mod byline;
pub mod card;
pub mod content_error;
pub mod episode;
pub mod footer;
pub mod header;
pub mod image;
pub mod index_page;
pub mod later;
pub mod listing;
pub mod loaded;
pub mod loading;
pub mod mini_player;
pub mod page_head;
pub mod prose;
pub mod republish;
pub mod route_announcer;
pub mod save_offline;
pub mod saved_list;
pub mod share;
pub mod subscribe_form;
pub mod subscribe_slot;
pub mod suspense;
pub mod text_size;
pub mod theme_toggle;
pub mod video_placeholder;
