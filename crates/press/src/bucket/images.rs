//! `images/…` and `audio/…`: the content's images and episode files, copied as they are.

use super::{Catalog, Out};
use anyhow::Result;
use rayon::prelude::*;
use std::path::Path;

/// Copies every image and audio file the content folder holds, referenced or not.
pub(super) fn write(out: &Out, cat: &Catalog, content_dir: &Path) -> Result<()> {
    cat.content
        .images
        .par_iter()
        .chain(cat.content.audio.par_iter())
        .try_for_each(|rel| out.copy(&content_dir.join(rel), rel))
}
