//! One page component per route (the table is in `app.rs`).

pub mod archive;
pub mod archive_index;
pub mod article;
pub mod contributor;
pub mod contributors;
pub mod embed;
pub mod home;
pub mod not_found;
pub mod podcasts;
pub mod preview_redirect;
pub mod saved;
pub mod search;
pub mod show;
pub mod split;
pub mod static_page;
pub mod subscribe;
pub mod topic;
pub mod topics;
