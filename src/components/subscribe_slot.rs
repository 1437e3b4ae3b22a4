//! Where the article's and the footer's subscribe forms sit. In the reader app's release wasm
//! (`split_pages`, build.rs) the form's code is split out (`xtask/src/split.rs`) and fetched
//! once the app has started, without holding up the take-over: until it is here, the form the
//! build rendered stays in place (public/boot.js keeps the nodes under `data-keep` across the
//! swap, with what was typed, focus and caret), and a submit on it waits for the live form.
//! Elsewhere (debug builds, the entries, the build-time renderer) the form renders directly.

use crate::components::subscribe_form::SubscribeForm;
use crate::subscribe::form::Variant;
use leptos::prelude::*;
use model::SubscribeConfig;

/// The `data-keep` value of `variant`'s slot (one form of each placement per page).
pub fn keep_key(variant: Variant) -> String {
    format!("subscribe-{}", variant.origin())
}

/// The subscribe form for `variant` in its slot.
#[component]
pub fn SubscribeSlot(
    /// The site's subscribe configuration.
    config: SubscribeConfig,
    /// Which placement this is.
    variant: Variant,
) -> impl IntoView {
    #[cfg(not(split_pages))]
    {
        view! {
            <div class="subscribe-slot" data-keep=keep_key(variant)>
                <SubscribeForm config=config variant=variant/>
            </div>
        }
    }
    #[cfg(split_pages)]
    {
        split::slot(config, variant)
    }
}

/// Reading a kept form: what the reader typed and where the caret was.
#[cfg(split_pages)]
mod kept {
    use crate::components::subscribe_form::Prefill;
    use wasm_bindgen::JsCast;
    use web_sys::{Element, HtmlInputElement};

    /// The focused field of a kept form: its name (and value, for a checkbox of a group) and caret.
    #[derive(Debug, Clone, PartialEq)]
    pub struct Focus {
        /// The field's `name`.
        pub name: String,
        /// The field's `value` when several share the name (the list checkboxes).
        pub value: Option<String>,
        /// Selection start and end in a text field.
        pub caret: Option<(u32, u32)>,
    }

    /// The form kept in `slot` from the rendered page, if one is still there.
    pub fn form(slot: &Element) -> Option<Element> {
        slot.query_selector("form").ok().flatten()
    }

    fn inputs(form: &Element, selector: &str) -> Vec<HtmlInputElement> {
        let Ok(list) = form.query_selector_all(selector) else {
            return Vec::new();
        };
        (0..list.length())
            .filter_map(|i| list.item(i)?.dyn_into::<HtmlInputElement>().ok())
            .collect()
    }

    fn value(form: &Element, name: &str) -> String {
        inputs(form, &format!("input[name={name}]"))
            .first()
            .map(|i| i.value())
            .unwrap_or_default()
    }

    /// Everything the kept form holds, as the live form's starting input.
    pub fn prefill(form: &Element) -> Prefill {
        let mut p = Prefill::default();
        p.input.email = value(form, "email");
        p.input.name = value(form, "name");
        p.input.lists = inputs(form, "input[name=lists]:checked")
            .iter()
            .map(|i| i.value())
            .collect();
        p.input.consent = inputs(form, "input[name=consent]")
            .first()
            .is_some_and(|i| i.checked());
        p.honeypot = value(form, "website");
        p
    }

    /// The kept form's focused field, if focus is in it.
    pub fn focus(form: &Element) -> Option<Focus> {
        let active = form.owner_document()?.active_element()?;
        if !form.contains(Some(&active)) {
            return None;
        }
        let input = active.dyn_into::<HtmlInputElement>().ok()?;
        let checkbox = input.type_() == "checkbox";
        Some(Focus {
            name: input.name(),
            value: checkbox.then(|| input.value()),
            caret: match (input.selection_start(), input.selection_end()) {
                (Ok(Some(s)), Ok(Some(e))) => Some((s, e)),
                _ => None,
            },
        })
    }

    /// Puts focus (and the caret) back on the live form's field `focus` names.
    pub fn refocus(form: &Element, focus: &Focus) {
        let input = inputs(form, &format!("input[name={}]", focus.name))
            .into_iter()
            .find(|i| focus.value.as_ref().is_none_or(|v| i.value() == *v));
        if let Some(input) = input {
            let _ = input.focus();
            if let Some((start, end)) = focus.caret {
                let _ = input.set_selection_range(start, end);
            }
        }
    }
}

#[cfg(split_pages)]
mod split {
    use super::{keep_key, kept, SubscribeForm};
    use crate::components::content_error::ContentErrorView;
    use crate::components::subscribe_form::Prefill;
    use crate::error::ContentError;
    use crate::subscribe::form::Variant;
    use leptos::prelude::*;
    use leptos::task::{spawn_local, tick};
    use model::SubscribeConfig;
    use wasm_bindgen::JsCast;

    /// The live form's view, handed back by the split-out code once it is here.
    type FormView = fn(SubscribeConfig, Variant, Option<Prefill>) -> AnyView;

    #[leptos::wasm_split::wasm_split(subscribe_form, wasm_split_path = ::leptos::wasm_split, fallible)]
    fn load() -> Result<FormView, ContentError> {
        Ok(|config, variant, prefill| {
            view! { <SubscribeForm config=config variant=variant prefill=prefill/> }.into_any()
        })
    }

    /// What the slot shows: nothing of its own until the code is here (a kept form may be).
    type State = Option<Result<(FormView, Option<Prefill>), ContentError>>;

    /// The slot: fetches the form's code (not counted as a load the take-over waits for),
    /// then puts the live form where the kept one was, with its input, focus and caret.
    pub fn slot(config: SubscribeConfig, variant: Variant) -> impl IntoView {
        let wrapper = NodeRef::<leptos::html::Div>::new();
        let state: RwSignal<State> = RwSignal::new(None);
        // A submit on the kept form, sent again by the live form once it is here.
        let pending = StoredValue::new(false);
        let fetch = move || {
            spawn_local(async move {
                let loaded = load().await;
                let kept = wrapper.get_untracked().and_then(|w| kept::form(&w));
                let prefill = kept.as_ref().map(kept::prefill);
                let focus = kept.as_ref().and_then(kept::focus);
                let ok = loaded.is_ok();
                state.set(Some(loaded.map(|f| (f, prefill))));
                if !ok {
                    return;
                }
                // The live form is drawn in the executor's next turn, before the next frame.
                tick().await;
                if let Some(kept) = kept {
                    kept.remove();
                }
                let Some(live) = wrapper.get_untracked().and_then(|w| kept::form(&w)) else {
                    return;
                };
                if let Some(focus) = focus {
                    kept::refocus(&live, &focus);
                }
                if pending.get_value() {
                    pending.set_value(false);
                    if let Ok(form) = live.dyn_into::<web_sys::HtmlFormElement>() {
                        let _ = form.request_submit();
                    }
                }
            })
        };
        fetch();
        let on_submit = move |ev: leptos::ev::SubmitEvent| {
            // The live form handles its own; the kept one would send the address in the URL.
            if !state.with_untracked(|s| matches!(s, Some(Ok(_)))) {
                ev.prevent_default();
                pending.set_value(true);
            }
        };
        // Only while the live form is not here does the take-over keep the rendered one.
        let keep = move || (!state.with(|s| matches!(s, Some(Ok(_))))).then(|| keep_key(variant));
        view! {
            <div class="subscribe-slot" data-keep=keep node_ref=wrapper on:submit=on_submit>
                {move || match state.get() {
                    None => None,
                    Some(Ok((form, prefill))) => Some(form(config.clone(), variant, prefill)),
                    Some(Err(error)) => Some(view! {
                        <ContentErrorView error=error on_retry=move |_| {
                            state.set(None);
                            fetch();
                        }/>
                    }.into_any()),
                }}
            </div>
        }
    }
}
