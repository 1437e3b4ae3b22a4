//! The live editor: the source, its problems, saving as the reader types, and the draft at
//! three widths below.

use super::draft_check::{
    check_draft, download_filename, problem_label, slug_from_filename, starter, Checked, Known,
};
use super::files::{download_text, read_chosen_file, ChosenFile};
use super::frames::SideBySide;
use super::mode::Target;
use super::saved::{load_saved, save, StorageProblem, StoredDraft};
use super::{load_known, PreviewBanner};
use crate::api::ContentError;
use crate::components::content_error::ContentErrorView;
use leptos::prelude::*;
use leptos_meta::Title;
use std::time::Duration;

/// Milliseconds of quiet typing before the work in progress is saved.
pub const SAVE_DELAY_MS: i32 = 400;

/// The start and end of 1-based `line` in `text` as UTF-16 offsets (what a textarea's
/// selection counts), the end before its newline. Lines past the end give the text's end.
pub fn line_range_utf16(text: &str, line: u32) -> (u32, u32) {
    let mut offset = 0u32;
    for (i, l) in text.split('\n').enumerate() {
        let len = l.encode_utf16().count() as u32;
        if i as u32 + 1 == line.max(1) {
            let len = if l.ends_with('\r') { len - 1 } else { len };
            return (offset, offset + len);
        }
        offset += len + 1;
    }
    let end = text.encode_utf16().count() as u32;
    (end, end)
}

/// Debounced saving: each edit takes a new ticket, and a timer saves only if its ticket is
/// still the latest (no edit since), so a burst of typing saves once, at its end.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Debounce {
    latest: u64,
    saved: u64,
}

impl Debounce {
    /// Records an edit; returns the ticket its timer will present.
    pub fn edit(&mut self) -> u64 {
        self.latest += 1;
        self.latest
    }

    /// Whether the timer holding `ticket` should save now (marks it saved if so).
    pub fn due(&mut self, ticket: u64) -> bool {
        if ticket == self.latest && self.saved < ticket {
            self.saved = ticket;
            true
        } else {
            false
        }
    }

    /// Whether edits are waiting to be saved (then leaving the page saves at once).
    pub fn pending(&self) -> bool {
        self.saved < self.latest
    }

    /// Marks everything saved (after an immediate save).
    pub fn flush(&mut self) {
        self.saved = self.latest;
    }
}

/// Today as `YYYY-MM-DD`, for a new draft's `published`.
fn today() -> String {
    let d = js_sys::Date::new_0();
    format!(
        "{:04}-{:02}-{:02}",
        d.get_full_year(),
        d.get_month() + 1,
        d.get_date()
    )
}

/// Where saving stands, for the status line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum SaveStatus {
    Saved,
    Pending,
    Failed(StorageProblem),
}

/// The live editor: the source, its problems, and the draft at three widths.
#[component]
pub fn Editor() -> impl IntoView {
    let known = LocalResource::new(load_known);
    let loaded = load_saved();
    let (start, mut status0) = match &loaded {
        Ok(Some(d)) => (d.clone(), SaveStatus::Saved),
        Ok(None) => (
            StoredDraft {
                slug: String::new(),
                text: starter(&today()),
            },
            SaveStatus::Pending,
        ),
        Err(p) => (
            StoredDraft {
                slug: String::new(),
                text: starter(&today()),
            },
            SaveStatus::Failed(*p),
        ),
    };
    if status0 == SaveStatus::Pending {
        // Save the starter at once so the frames have something to show.
        status0 = match save(&start) {
            Ok(()) => SaveStatus::Saved,
            Err(p) => SaveStatus::Failed(p),
        };
    }
    let text = RwSignal::new(start.text.clone());
    let slug = RwSignal::new(start.slug.clone());
    let status = RwSignal::new(status0);
    let debounce = StoredValue::new(Debounce::default());
    let area = NodeRef::<leptos::html::Textarea>::new();
    let slug_input = NodeRef::<leptos::html::Input>::new();
    let file_error = RwSignal::new(None::<String>);

    let save_now = move || {
        let draft = StoredDraft {
            slug: slug.get_untracked(),
            text: text.get_untracked(),
        };
        debounce.update_value(Debounce::flush);
        status.set(match save(&draft) {
            Ok(()) => SaveStatus::Saved,
            Err(p) => SaveStatus::Failed(p),
        });
    };
    let edited = move || {
        let ticket = debounce
            .try_update_value(Debounce::edit)
            .unwrap_or_default();
        if !matches!(status.get_untracked(), SaveStatus::Failed(_)) {
            status.set(SaveStatus::Pending);
        }
        set_timeout(
            move || {
                if debounce
                    .try_update_value(|d| d.due(ticket))
                    .unwrap_or(false)
                {
                    save_now();
                }
            },
            Duration::from_millis(SAVE_DELAY_MS as u64),
        );
    };
    // Leaving or reloading mid-burst saves at once: nothing typed is lost.
    let flush = move || {
        if debounce.with_value(Debounce::pending) {
            save_now();
        }
    };
    let on_hide = window_event_listener(leptos::ev::pagehide, move |_| flush());
    let on_unload = window_event_listener(leptos::ev::beforeunload, move |_| flush());
    on_cleanup(move || {
        on_hide.remove();
        on_unload.remove();
    });

    let checked = Memo::new(move |_| {
        let known = known.get()?.ok()?;
        Some(check_draft(&text.get(), &slug.get(), &known))
    });

    let go_to_line = move |line: u32| {
        let Some(el) = area.get_untracked() else {
            return;
        };
        let value = el.value();
        let (start, end) = line_range_utf16(&value, line);
        let _ = el.focus();
        let _ = el.set_selection_range(start, end);
        // Bring the line into view: lines are evenly tall in the textarea.
        let lines = value.split('\n').count().max(1) as i32;
        let line_height = el.scroll_height() / lines;
        let top = (line as i32 - 1) * line_height - el.client_height() / 3;
        el.set_scroll_top(top.max(0));
    };

    let open_file = move |ev: leptos::ev::Event| {
        read_chosen_file(ev, move |read| match read {
            Ok(ChosenFile { name, text: body }) => {
                file_error.set(None);
                if let Some(el) = area.get_untracked() {
                    el.set_value(&body);
                }
                text.set(body);
                let name = slug_from_filename(&name);
                if let Some(el) = slug_input.get_untracked() {
                    el.set_value(&name);
                }
                slug.set(name);
                save_now();
            }
            Err(name) => file_error.set(Some(format!(
                "Couldn’t read {name}. Is it a text file? Try opening it again, or paste its text."
            ))),
        });
    };

    let download = move |_| {
        let name = checked
            .get_untracked()
            .map(|c| download_filename(&c.slug))
            .unwrap_or_else(|| download_filename(&slug.get_untracked()));
        if let Err(e) = download_text(&name, &text.get_untracked(), "text/markdown;charset=utf-8") {
            leptos::logging::warn!("preview: download failed: {e:?}");
        }
    };

    view! {
        <Title text="Editor"/>
        <PreviewBanner/>
        <h1 class="preview__title">"Staff preview"</h1>
        <p class="preview__intro">
            "Type or paste an article (front matter and Markdown, as in content/drafts/), or open a .md file. \
             It is checked as `press build --drafts` checks it and shown below as readers will see it. \
             Your work is saved in this browser as you type. Trying a stylesheet change instead? "
            <a href="/preview/lab">"Open the layout lab"</a>"."
        </p>
        <div class="preview-editor">
            <div class="preview-editor__source">
                <div class="preview-editor__field">
                    <label for="preview-slug">"File name (slug)"</label>
                    <input id="preview-slug" node_ref=slug_input type="text" spellcheck="false" autocomplete="off"
                        placeholder="from the title"
                        prop:value=start.slug
                        on:input=move |ev| { slug.set(event_target_value(&ev)); edited(); }/>
                </div>
                <label for="preview-text">"Article source (front matter and Markdown)"</label>
                <textarea id="preview-text" node_ref=area class="preview-editor__text" spellcheck="true"
                    rows="24"
                    prop:value=start.text
                    on:input=move |ev| { text.set(event_target_value(&ev)); edited(); }></textarea>
                <div class="preview-editor__actions">
                    <input id="preview-file" class="visually-hidden preview-editor__file" type="file"
                        accept=".md,.markdown,text/markdown,text/plain" on:change=open_file/>
                    <label for="preview-file" class="button button--quiet">"Open .md file"</label>
                    <button type="button" class="button" on:click=download>"Download .md"</button>
                </div>
                <SaveStatusLine status=status/>
                {move || file_error.get().map(|m| view! { <p class="preview-editor__status preview-editor__status--bad" role="alert">{m}</p> })}
            </div>
            <section class="preview-problems" aria-labelledby="problems-heading">
                <h2 id="problems-heading">"Problems"</h2>
                <ProblemList known=known checked=checked go_to_line=go_to_line/>
            </section>
        </div>
        <SideBySide target=Target::Live/>
    }
}

/// Where saving stands, in words: saved, saving, or why this browser cannot keep the work.
#[component]
fn SaveStatusLine(status: RwSignal<SaveStatus>) -> impl IntoView {
    move || {
        match status.get() {
        SaveStatus::Saved => view! { <p class="preview-editor__status" role="status">"Saved in this browser."</p> }.into_any(),
        SaveStatus::Pending => view! { <p class="preview-editor__status" role="status">"Saving…"</p> }.into_any(),
        SaveStatus::Failed(StorageProblem::Unavailable) => view! {
            <p class="preview-editor__status preview-editor__status--bad" role="alert">
                "This browser isn’t letting the preview save your work (private browsing, or storage \
                 is blocked), so a reload would lose it: use “Download .md” before you leave. The \
                 three frames below also need that storage to follow your typing."
            </p>
        }
        .into_any(),
        SaveStatus::Failed(StorageProblem::WriteFailed) => view! {
            <p class="preview-editor__status preview-editor__status--bad" role="alert">
                "Saving in this browser failed (its storage may be full), so a reload could lose your \
                 latest changes: use “Download .md” to keep them."
            </p>
        }
        .into_any(),
    }
    }
}

/// The builder's problems with the draft, each a button that selects its line.
#[component]
fn ProblemList(
    known: LocalResource<Result<Known, ContentError>>,
    checked: Memo<Option<Checked>>,
    go_to_line: impl Fn(u32) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    move || match known.get() {
        None => {
            view! { <p role="status">"Loading the contributors and topics to check against…"</p> }
                .into_any()
        }
        Some(Err(e)) => {
            view! { <ContentErrorView error=e on_retry=move |_| known.refetch()/> }.into_any()
        }
        Some(Ok(_)) => {
            let Some(Checked { diagnostics, .. }) = checked.get() else {
                return ().into_any();
            };
            if diagnostics.is_empty() {
                return view! { <p class="preview-problems__none">"No problems: `press build --drafts` accepts this draft."</p> }.into_any();
            }
            let items = diagnostics
                .into_iter()
                .map(|d| {
                    let line = d.line;
                    let class = if d.is_error() { "preview-problem preview-problem--error" } else { "preview-problem" };
                    let hint = (!d.hint.is_empty()).then(|| view! { <p class="preview-problem__hint">{d.hint.clone()}</p> });
                    view! {
                        <li class=class>
                            <button type="button" class="preview-problem__go" on:click=move |_| go_to_line(line)>
                                {problem_label(&d)}
                            </button>
                            {hint}
                        </li>
                    }
                })
                .collect_view();
            view! { <ol class="preview-problems__list">{items}</ol> }.into_any()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_ranges_count_utf16_units() {
        let text = "ab\n€😀c\r\n\nlast";
        assert_eq!(line_range_utf16(text, 1), (0, 2));
        // "€" is one UTF-16 unit, "😀" two; the \r is not part of the line.
        assert_eq!(line_range_utf16(text, 2), (3, 7));
        assert_eq!(line_range_utf16(text, 3), (9, 9));
        assert_eq!(line_range_utf16(text, 4), (10, 14));
        assert_eq!(line_range_utf16(text, 99), (14, 14));
        assert_eq!(line_range_utf16(text, 0), (0, 2));
    }

    #[test]
    fn a_burst_of_edits_saves_once() {
        let mut d = Debounce::default();
        assert!(!d.pending());
        let t1 = d.edit();
        let t2 = d.edit();
        assert!(d.pending());
        assert!(!d.due(t1), "an older timer must not save");
        assert!(d.due(t2));
        assert!(!d.due(t2), "saved once");
        assert!(!d.pending());
        let t3 = d.edit();
        d.flush();
        assert!(!d.pending());
        assert!(!d.due(t3), "already saved by the flush");
    }
}
