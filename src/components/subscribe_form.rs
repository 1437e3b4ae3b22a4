//! The one subscribe form, in three placements (the `/subscribe` page, after articles,
//! the footer). It never loses what a reader typed: every failure leaves the fields as
//! they were and the button working; offline sign-ups wait in the outbox.
//!
//! Accessibility: `novalidate` so our messages are used; an error summary (role=alert)
//! linking to each field; fields marked `aria-invalid` and described by their message;
//! focus on the first invalid field. While sending, the button is `aria-disabled` (not
//! `disabled`, which would drop keyboard focus) and the form `aria-busy`.

use crate::browser::is_offline;
use crate::components::subscribe_slot::SubscribeSlot;
use crate::hooks::use_site::use_site;
use crate::subscribe::client::{deliver, new_key, now_ms};
use crate::subscribe::form::{self, Field, FieldError, FormInput, Submission, Variant};
use crate::subscribe::outbox::{outbox, Outbox};
use crate::subscribe::outcome::Outcome;
use crate::subscribe::queue::{shown_by, QueuedSubmission};
use crate::subscribe::submit::{on_outcome, on_submit, Phase, Step, SubmitContext};
use leptos::prelude::*;
use model::{ConsentRequirement, SubscribeConfig};
use std::sync::atomic::{AtomicU32, Ordering};
use wasm_bindgen::JsCast;

/// Element ids for one form instance (several forms can share a page).
#[derive(Debug, Clone, PartialEq, Eq)]
struct Ids(String);

static INSTANCES: AtomicU32 = AtomicU32::new(0);

impl Ids {
    fn new() -> Ids {
        Ids(format!(
            "subscribe-{}",
            INSTANCES.fetch_add(1, Ordering::Relaxed) + 1
        ))
    }
    fn part(&self, part: &str) -> String {
        format!("{}-{part}", self.0)
    }
    fn list(&self, index: usize) -> String {
        self.part(&format!("list-{index}"))
    }
    /// The element focus goes to for an error on `field`.
    fn field(&self, field: Field) -> String {
        match field {
            Field::Email => self.part("email"),
            Field::Lists => self.list(0),
            Field::Consent => self.part("consent"),
        }
    }
    fn error(&self, field: Field) -> String {
        self.part(match field {
            Field::Email => "email-error",
            Field::Lists => "lists-error",
            Field::Consent => "consent-error",
        })
    }
}

/// The form's reactive state; `Copy`, so handlers and views share it freely.
#[derive(Clone, Copy)]
struct FormState {
    email: RwSignal<String>,
    name: RwSignal<String>,
    lists: RwSignal<Vec<String>>,
    consent: RwSignal<bool>,
    honeypot: RwSignal<String>,
    errors: RwSignal<Vec<FieldError>>,
    phase: RwSignal<Phase>,
    /// The last submission whose fate is unknown: resubmitting it unchanged reuses its key.
    uncertain: StoredValue<Option<Submission>>,
    /// Whether queued input has been put back into the fields (once per form).
    restored: StoredValue<bool>,
}

impl FormState {
    fn new(initial_lists: Vec<String>) -> FormState {
        FormState {
            email: RwSignal::new(String::new()),
            name: RwSignal::new(String::new()),
            lists: RwSignal::new(initial_lists),
            consent: RwSignal::new(false),
            honeypot: RwSignal::new(String::new()),
            errors: RwSignal::new(Vec::new()),
            phase: RwSignal::new(Phase::Idle),
            uncertain: StoredValue::new(None),
            restored: StoredValue::new(false),
        }
    }

    fn input(&self) -> FormInput {
        FormInput {
            email: self.email.get_untracked(),
            name: self.name.get_untracked(),
            lists: self.lists.get_untracked(),
            consent: self.consent.get_untracked(),
        }
    }

    fn restore(&self, input: &FormInput) {
        self.email.set(input.email.clone());
        self.name.set(input.name.clone());
        self.lists.set(input.lists.clone());
        self.consent.set(input.consent);
    }

    fn error(&self, field: Field) -> Option<String> {
        self.errors.with(|e| {
            e.iter()
                .find(|x| x.field == field)
                .map(|x| x.message.clone())
        })
    }

    fn busy(&self) -> bool {
        self.phase.get() == Phase::Sending
    }
}

/// Focuses the element `id` after the DOM has caught up (so its error state is announced).
fn focus_later(id: String) {
    request_animation_frame(move || {
        let el = crate::browser::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id(&id))
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
        if let Some(el) = el {
            let _ = el.focus();
        }
    });
}

/// Everything one form needs to act, bundled for the handlers.
#[derive(Clone)]
struct Ctx {
    state: FormState,
    config: StoredValue<SubscribeConfig>,
    variant: Variant,
    ids: Ids,
    outbox: Outbox,
}

impl Ctx {
    /// The queued items this form shows (its own; the footer also shows orphans).
    fn owned(&self) -> Vec<QueuedSubmission> {
        let origin = self.variant.origin();
        let mounted = self.outbox.mounted.get();
        self.outbox.items.with(|items| {
            items
                .iter()
                .filter(|i| shown_by(origin, &i.origin, &mounted))
                .cloned()
                .collect()
        })
    }

    /// Handles a submit: carries out what [`on_submit`] decides.
    fn submit(&self) {
        let s = self.state;
        let config = self.config.get_value();
        let input = s.input();
        let phase = s.phase.get_untracked();
        let uncertain = s.uncertain.get_value();
        let step = on_submit(SubmitContext {
            phase: &phase,
            input: &input,
            config: &config,
            variant: self.variant,
            fresh_key: new_key(),
            honeypot_filled: !s.honeypot.get_untracked().is_empty(),
            uncertain: uncertain.as_ref(),
            offline: is_offline(),
        });
        match step {
            Step::Ignore => {}
            Step::Invalid(errors) => {
                if let Some(first) = errors.first() {
                    focus_later(self.ids.field(first.field));
                }
                s.errors.set(errors);
                s.phase.set(Phase::Idle);
            }
            Step::PretendSubscribed => {
                s.errors.set(Vec::new());
                s.phase.set(Phase::Done(Outcome::Subscribed));
            }
            Step::Queue(submission) => {
                s.errors.set(Vec::new());
                self.queue(submission, input);
            }
            Step::Send(submission) => {
                s.errors.set(Vec::new());
                s.phase.set(Phase::Sending);
                let ctx = self.clone();
                let provider = config.provider;
                leptos::task::spawn_local(async move {
                    let outcome = deliver(&provider, &submission).await;
                    if outcome == Outcome::Offline {
                        ctx.queue(submission, input);
                    } else {
                        ctx.finish(outcome, Some(submission), true);
                    }
                });
            }
        }
    }

    /// Puts a submission in the outbox (replacing this form's earlier queued one).
    fn queue(&self, submission: Submission, input: FormInput) {
        let replacing = self.owned_untracked().first().map(|i| i.id().to_owned());
        self.state.uncertain.set_value(Some(submission.clone()));
        self.outbox.enqueue(
            QueuedSubmission {
                origin: self.variant.origin().to_owned(),
                provider: self.config.with_value(|c| c.provider.clone()),
                submission,
                input,
                queued_at_ms: now_ms(),
                claim: None,
            },
            replacing.as_deref(),
        );
        self.state.phase.set(Phase::Idle);
    }

    fn owned_untracked(&self) -> Vec<QueuedSubmission> {
        untrack(|| self.owned())
    }

    /// Shows an outcome; the fields keep what was typed whatever happened. `focus` is false
    /// for queued sign-ups sent later, when the reader may be busy elsewhere on the page.
    fn finish(&self, outcome: Outcome, submission: Option<Submission>, focus: bool) {
        let s = self.state;
        let finished = on_outcome(outcome, submission);
        s.uncertain.set_value(finished.uncertain);
        if let (Some(first), true) = (finished.errors.first(), focus) {
            focus_later(self.ids.field(first.field));
        }
        if !finished.errors.is_empty() {
            s.errors.set(finished.errors);
        }
        s.phase.set(finished.phase);
    }

    /// Cancels a queued submission; focus moves to the submit button, which stays.
    fn cancel(&self, id: &str) {
        if self.outbox.cancel(id) {
            self.state.phase.set(Phase::Cancelled);
        }
        focus_later(self.ids.part("submit"));
    }
}

/// What a reader had typed into the form the build rendered, for the live form that replaces it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Prefill {
    /// The fields as typed.
    pub input: FormInput,
    /// The honeypot as filled (a bot's giveaway survives the swap).
    pub honeypot: String,
}

/// The subscribe form: email, name, lists, consent, a honeypot, and every outcome's message.
#[component]
pub fn SubscribeForm(
    /// The site's subscribe configuration.
    config: SubscribeConfig,
    /// Which placement this is.
    #[prop(default = Variant::Full)]
    variant: Variant,
    /// What to start with instead of the empty form.
    #[prop(default = None)]
    prefill: Option<Prefill>,
) -> impl IntoView {
    let ids = Ids::new();
    let state = FormState::new(form::initial_lists(&config, variant));
    if let Some(p) = prefill {
        state.restore(&p.input);
        state.honeypot.set(p.honeypot);
    }
    let ctx = Ctx {
        state,
        config: StoredValue::new(config.clone()),
        variant,
        ids: ids.clone(),
        outbox: outbox(),
    };
    ctx.outbox.register(variant.origin());
    {
        let outbox = ctx.outbox.clone();
        // Deferred: while this form's owner is being disposed, a synchronous update would rerun
        // its own status view against signals already gone (a panic on article-to-article links).
        on_cleanup(move || {
            if crate::browser::window().is_some() {
                wasm_bindgen_futures::spawn_local(
                    async move { outbox.unregister(variant.origin()) },
                )
            }
        });
    }
    watch_outbox(&ctx);

    let on_submit = {
        let ctx = ctx.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            ctx.submit();
        }
    };
    let class = match variant {
        Variant::Full => "subscribe-form subscribe-form--full",
        Variant::Inline => "subscribe-form subscribe-form--inline",
        Variant::Short => "subscribe-form subscribe-form--short",
    };
    let consent_required = config.consent.requirement == ConsentRequirement::Required;

    view! {
        <form class=class novalidate on:submit=on_submit aria-busy=move || state.busy().then_some("true")>
            <ErrorSummary state=state ids=ids.clone()/>
            <EmailField state=state ids=ids.clone()/>
            {variant.shows_name().then(|| view! { <NameField state=state ids=ids.clone()/> })}
            {(variant.shows_lists() && !config.lists.is_empty())
                .then(|| view! { <ListsField state=state ids=ids.clone() lists=config.lists.clone()/> })}
            <ConsentField state=state ids=ids.clone() text=config.consent.text.clone() required=consent_required/>
            <Honeypot state=state ids=ids.clone()/>
            <div class="subscribe-form__actions">
                <button type="submit" class="button" id=ids.part("submit")
                    aria-disabled=move || state.busy().then_some("true")>
                    "Subscribe"
                </button>
            </div>
            <FormStatus ctx=ctx.clone()/>
            <div class="subscribe-form__problem" role="alert">
                {move || state.phase.get().problem().map(|m| view! { <p>{m}</p> })}
            </div>
        </form>
    }
}

/// Restores queued input into the fields after a reload, and shows outcomes of queued
/// submissions this tab sent once the browser came back online.
fn watch_outbox(ctx: &Ctx) {
    let restore = ctx.clone();
    Effect::new(move |_| {
        let owned = restore.owned();
        let s = restore.state;
        if let Some(first) = owned.first() {
            // Only into untouched fields: never overwrite what the reader is typing.
            if !s.restored.get_value() && untrack(|| s.email.get().is_empty()) {
                s.restore(&first.input);
                s.uncertain.set_value(Some(first.submission.clone()));
            }
            s.restored.set_value(true);
        }
    });
    let deliveries = ctx.clone();
    Effect::new(move |_| {
        let origin = deliveries.variant.origin();
        let mounted = deliveries.outbox.mounted.get();
        let mine: Vec<_> = deliveries.outbox.delivered.with(|d| {
            d.iter()
                .filter(|x| shown_by(origin, &x.origin, &mounted))
                .cloned()
                .collect()
        });
        if let Some(last) = mine.last() {
            deliveries
                .outbox
                .delivered
                .update(|d| d.retain(|x| !mine.iter().any(|m| m.id == x.id)));
            deliveries.finish(last.outcome.clone(), None, false);
        }
    });
}

/// The summary of problems at the top, each linking to its field.
#[component]
fn ErrorSummary(state: FormState, ids: Ids) -> impl IntoView {
    move || {
        let errors = state.errors.get();
        (!errors.is_empty()).then(|| {
            let items = errors
                .into_iter()
                .map(|e| {
                    let target = ids.field(e.field);
                    let href = format!("#{target}");
                    // Focus the field ourselves: the router owns in-page links.
                    let go = move |ev: leptos::ev::MouseEvent| {
                        ev.prevent_default();
                        focus_later(target.clone());
                    };
                    view! { <li><a href=href on:click=go>{e.message}</a></li> }
                })
                .collect_view();
            view! {
                <div class="error-summary" role="alert">
                    <p class="error-summary__title">"There is a problem"</p>
                    <ul>{items}</ul>
                </div>
            }
        })
    }
}

/// The inline message under a field's label, when it has one.
fn field_error(state: FormState, ids: &Ids, field: Field) -> impl IntoView {
    let id = ids.error(field);
    move || {
        state.error(field).map(|m| {
            view! {
                <p class="field-error" id=id.clone()>
                    <span class="visually-hidden">"Error: "</span>{m}
                </p>
            }
        })
    }
}

/// `aria-describedby` for a field: its hint (if any) and its error (when shown).
fn described_by(
    state: FormState,
    ids: &Ids,
    field: Field,
    hint: Option<String>,
) -> impl Fn() -> Option<String> + Send + Sync + 'static {
    let error = ids.error(field);
    move || {
        let parts: Vec<String> = hint
            .iter()
            .cloned()
            .chain(state.error(field).map(|_| error.clone()))
            .collect();
        (!parts.is_empty()).then(|| parts.join(" "))
    }
}

/// The email field.
#[component]
fn EmailField(state: FormState, ids: Ids) -> impl IntoView {
    let id = ids.field(Field::Email);
    let invalid = move || state.error(Field::Email).map(|_| "true");
    view! {
        <div class="field" class:field--invalid=move || invalid().is_some()>
            <label class="field__label" for=id.clone()>"Email address"</label>
            {field_error(state, &ids, Field::Email)}
            <input class="field__input" id=id type="email" name="email" autocomplete="email"
                spellcheck="false" autocapitalize="none" required
                aria-invalid=invalid
                aria-describedby=described_by(state, &ids, Field::Email, None)
                prop:value=move || state.email.get()
                on:input=move |ev| state.email.set(event_target_value(&ev))/>
        </div>
    }
}

/// The optional name field.
#[component]
fn NameField(state: FormState, ids: Ids) -> impl IntoView {
    let id = ids.part("name");
    view! {
        <div class="field">
            <label class="field__label" for=id.clone()>"Name " <span class="field__optional">"(optional)"</span></label>
            <input class="field__input" id=id type="text" name="name" autocomplete="name"
                prop:value=move || state.name.get()
                on:input=move |ev| state.name.set(event_target_value(&ev))/>
        </div>
    }
}

/// The newsletter checkboxes, with each list's description.
#[component]
fn ListsField(state: FormState, ids: Ids, lists: Vec<model::MailingList>) -> impl IntoView {
    let invalid = move || state.error(Field::Lists).is_some();
    let boxes = lists
        .into_iter()
        .enumerate()
        .map(|(i, list)| {
            let id = ids.list(i);
            let desc_id = ids.part(&format!("list-{i}-description"));
            let list_id = list.id.clone();
            let checked = {
                let list_id = list_id.clone();
                move || state.lists.with(|l| l.contains(&list_id))
            };
            let toggle = move |ev: leptos::ev::Event| {
                let on = event_target_checked(&ev);
                state.lists.update(|l| {
                    l.retain(|x| *x != list_id);
                    if on {
                        l.push(list_id.clone());
                    }
                });
            };
            view! {
                <div class="check">
                    <input class="check__input" type="checkbox" id=id.clone() name="lists" value=list.id.clone()
                        prop:checked=checked on:change=toggle
                        aria-describedby=described_by(state, &ids, Field::Lists, Some(desc_id.clone()))
                        aria-invalid=move || invalid().then_some("true")/>
                    <label class="check__label" for=id>{list.name}</label>
                    <p class="check__description" id=desc_id>{list.description}</p>
                </div>
            }
        })
        .collect_view();
    view! {
        <fieldset class="field field--group" class:field--invalid=invalid>
            <legend class="field__label">"Newsletters"</legend>
            {field_error(state, &ids, Field::Lists)}
            {boxes}
        </fieldset>
    }
}

/// The consent checkbox with the policy text from the site config.
#[component]
fn ConsentField(state: FormState, ids: Ids, text: String, required: bool) -> impl IntoView {
    let id = ids.field(Field::Consent);
    let invalid = move || state.error(Field::Consent).is_some();
    view! {
        <div class="field check check--consent" class:field--invalid=invalid>
            {field_error(state, &ids, Field::Consent)}
            <input class="check__input" type="checkbox" id=id.clone() name="consent"
                aria-required=required.then_some("true")
                aria-invalid=move || invalid().then_some("true")
                aria-describedby=described_by(state, &ids, Field::Consent, None)
                prop:checked=move || state.consent.get()
                on:change=move |ev| state.consent.set(event_target_checked(&ev))/>
            <label class="check__label" for=id>{text}</label>
        </div>
    }
}

/// A field people never see or hear: bots that fill every input give themselves away.
#[component]
fn Honeypot(state: FormState, ids: Ids) -> impl IntoView {
    let id = ids.part("website");
    view! {
        <div class="subscribe-form__trap" aria-hidden="true">
            <label for=id.clone()>"Leave this field empty"</label>
            <input id=id type="text" name="website" tabindex="-1" autocomplete="off"
                prop:value=move || state.honeypot.get()
                on:input=move |ev| state.honeypot.set(event_target_value(&ev))/>
        </div>
    }
}

/// The polite status region: sending, good news, and queued sign-ups with their Cancel.
#[component]
fn FormStatus(ctx: Ctx) -> impl IntoView {
    let note_id = ctx.ids.part("queued");
    let body = move || {
        let queued = ctx.owned();
        if !queued.is_empty() {
            return queued_notes(&ctx, queued, &note_id).into_any();
        }
        // The outbox outlives this form: a change to it can reach this view while the route
        // that held the form is being torn down, after its own state is gone. Show nothing then.
        match ctx.state.phase.try_get().unwrap_or(Phase::Idle) {
            Phase::Sending => view! { <p>"Sending your sign-up…"</p> }.into_any(),
            Phase::Done(o) if o.is_settled() => {
                view! { <p class="subscribe-form__success">{o.message()}</p> }.into_any()
            }
            Phase::Cancelled => view! {
                <p>"Cancelled: nothing was sent. Your details are still in the form."</p>
            }
            .into_any(),
            _ => ().into_any(),
        }
    };
    view! { <div class="subscribe-form__status" role="status">{body}</div> }
}

/// One note per queued submission this form shows.
fn queued_notes(ctx: &Ctx, queued: Vec<QueuedSubmission>, note_id: &str) -> impl IntoView {
    let persistent = ctx.outbox.persistent.get();
    let sending = ctx.outbox.sending.get();
    queued
        .into_iter()
        .enumerate()
        .map(|(i, item)| {
            let id = item.id().to_owned();
            let note = format!("{note_id}-{i}");
            let text = if sending.as_deref() == Some(id.as_str()) {
                "You’re back online: sending your sign-up now…".to_owned()
            } else if ctx.outbox.claimed_elsewhere(&item) {
                "Another tab is sending this sign-up now.".to_owned()
            } else if persistent {
                Outcome::Offline.message()
            } else {
                format!(
                    "{} Please keep this page open: your browser won’t let us save it for later.",
                    Outcome::Offline.message()
                )
            };
            let can_cancel = sending.as_deref() != Some(id.as_str()) && !ctx.outbox.claimed_elsewhere(&item);
            let cancel_ctx = ctx.clone();
            let cancel = move |_| cancel_ctx.cancel(&id);
            view! {
                <div class="subscribe-form__queued">
                    <p id=note.clone()>{text} " (" {item.submission.email.clone()} ")"</p>
                    {can_cancel.then(|| view! {
                        <button type="button" class="button button--quiet" aria-describedby=note on:click=cancel>
                            "Cancel"
                        </button>
                    })}
                </div>
            }
        })
        .collect_view()
}

/// A titled box holding the form, for the article and footer placements (reads the site config itself).
#[component]
pub fn SubscribeSection(
    /// Inline (after articles) or Short (footer).
    variant: Variant,
) -> impl IntoView {
    let site = use_site();
    let location = leptos_router::hooks::use_location();
    let heading_id = format!("subscribe-heading-{}", variant.origin());
    let (title, class) = match variant {
        Variant::Short => ("Get the newsletter", "subscribe-box subscribe-box--short"),
        _ => (
            "Subscribe to Convergence",
            "subscribe-box subscribe-box--inline",
        ),
    };
    // The /subscribe page has the full form; a second one in its footer would only confuse.
    // A memo, so moving between other pages doesn't rebuild the form and lose its input.
    let redundant = Memo::new(move |_| {
        variant == Variant::Short && location.pathname.with(|p| p == "/subscribe")
    });
    move || {
        if redundant.get() {
            return None;
        }
        site.get().and_then(|r| r.ok()).map(|s| {
            let pitch = (variant == Variant::Inline).then(|| s.subscribe.pitch.clone());
            view! {
                <section class=class aria-labelledby=heading_id.clone()>
                    <h2 class="subscribe-box__title" id=heading_id.clone()>{title}</h2>
                    {pitch.map(|p| view! { <p class="subscribe-box__pitch">{p}</p> })}
                    <SubscribeSlot config=s.subscribe variant=variant/>
                </section>
            }
        })
    }
}
