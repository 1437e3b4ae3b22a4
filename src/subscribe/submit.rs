//! The submit state machine of one subscribe form: what a submit does and what an outcome
//! leaves behind, as plain functions. The form component only carries out the returned step.

use super::form::{self, Field, FieldError, FormInput, Submission, Variant};
use super::outcome::Outcome;
use model::SubscribeConfig;

/// Where a form is in its life.
#[derive(Debug, Clone, PartialEq)]
pub enum Phase {
    /// Waiting for the reader.
    Idle,
    /// A request is in flight; further submits are ignored.
    Sending,
    /// The last submission ended so.
    Done(Outcome),
    /// The reader cancelled a queued submission.
    Cancelled,
}

impl Phase {
    /// The message for the form's alert region: failures only (good news goes to the status).
    pub fn problem(&self) -> Option<String> {
        match self {
            Phase::Done(o) if !o.is_settled() => Some(o.message()),
            _ => None,
        }
    }
}

/// What the form knows when the reader submits.
#[derive(Debug, Clone)]
pub struct SubmitContext<'a> {
    /// The form's phase now.
    pub phase: &'a Phase,
    /// What the fields hold.
    pub input: &'a FormInput,
    /// The site's subscribe configuration.
    pub config: &'a SubscribeConfig,
    /// Which placement the form is.
    pub variant: Variant,
    /// A fresh idempotency key, used unless this repeats an uncertain submission.
    pub fresh_key: String,
    /// Whether the hidden honeypot field was filled (only bots do).
    pub honeypot_filled: bool,
    /// The last submission whose fate is unknown.
    pub uncertain: Option<&'a Submission>,
    /// Whether the browser says it is offline.
    pub offline: bool,
}

/// What a submit must do next.
#[derive(Debug, Clone, PartialEq)]
pub enum Step {
    /// A request is already in flight: one click, one request.
    Ignore,
    /// Show these problems and focus the first one's field.
    Invalid(Vec<FieldError>),
    /// A bot filled the honeypot: show the usual success and send nothing.
    PretendSubscribed,
    /// Offline: put it in the outbox.
    Queue(Submission),
    /// Send it now (the form shows Sending meanwhile).
    Send(Submission),
}

/// Decides what a submit does. Repeating a submission whose fate is unknown (a timeout, a
/// network error) reuses its idempotency key, so the provider cannot subscribe anyone twice.
pub fn on_submit(cx: SubmitContext<'_>) -> Step {
    if *cx.phase == Phase::Sending {
        return Step::Ignore;
    }
    let mut submission = match form::submission(cx.input, cx.config, cx.variant, cx.fresh_key) {
        Ok(s) => s,
        Err(errors) => return Step::Invalid(errors),
    };
    if cx.honeypot_filled {
        return Step::PretendSubscribed;
    }
    if let Some(prev) = cx.uncertain.filter(|prev| prev.same_request(&submission)) {
        submission.idempotency_key = prev.idempotency_key.clone();
    }
    if cx.offline {
        Step::Queue(submission)
    } else {
        Step::Send(submission)
    }
}

/// What an outcome leaves: the new phase, the field errors to show, and the submission to
/// remember as uncertain (so resubmitting it unchanged reuses its key).
#[derive(Debug, Clone, PartialEq)]
pub struct Finished {
    /// The form's phase after the outcome.
    pub phase: Phase,
    /// Field errors to show (the provider refused the address).
    pub errors: Vec<FieldError>,
    /// The submission whose fate is still unknown, if this outcome leaves it so.
    pub uncertain: Option<Submission>,
}

/// Applies an outcome. The fields keep what was typed whatever happened; an address the
/// provider refused is shown at the email field, like the form's own checks.
pub fn on_outcome(outcome: Outcome, submission: Option<Submission>) -> Finished {
    let uncertain = submission.filter(|_| outcome.is_uncertain());
    if outcome == Outcome::InvalidAddress {
        Finished {
            phase: Phase::Idle,
            errors: vec![FieldError {
                field: Field::Email,
                message: outcome.message(),
            }],
            uncertain,
        }
    } else {
        Finished {
            phase: Phase::Done(outcome),
            errors: Vec::new(),
            uncertain,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::subscribe::form::tests::config;
    use model::ConsentRequirement;

    fn input(email: &str) -> FormInput {
        FormInput {
            email: email.into(),
            name: String::new(),
            lists: vec!["newsletter".into()],
            consent: true,
        }
    }

    fn cx<'a>(
        phase: &'a Phase,
        input: &'a FormInput,
        config: &'a SubscribeConfig,
        uncertain: Option<&'a Submission>,
    ) -> SubmitContext<'a> {
        SubmitContext {
            phase,
            input,
            config,
            variant: Variant::Full,
            fresh_key: "fresh".into(),
            honeypot_filled: false,
            uncertain,
            offline: false,
        }
    }

    #[test]
    fn a_second_submit_while_sending_is_ignored() {
        let config = config(ConsentRequirement::Required);
        let typed = input("reader@example.org");
        assert_eq!(
            on_submit(cx(&Phase::Sending, &typed, &config, None)),
            Step::Ignore
        );
    }

    #[test]
    fn invalid_input_names_every_problem_and_sends_nothing() {
        let config = config(ConsentRequirement::Required);
        let mut typed = input("not-an-address");
        typed.consent = false;
        let Step::Invalid(errors) = on_submit(cx(&Phase::Idle, &typed, &config, None)) else {
            panic!("invalid input must not be sent");
        };
        let fields: Vec<Field> = errors.iter().map(|e| e.field).collect();
        assert_eq!(fields, [Field::Email, Field::Consent]);
    }

    #[test]
    fn bots_see_success_and_nothing_is_sent() {
        let config = config(ConsentRequirement::Required);
        let typed = input("bot@example.org");
        let mut c = cx(&Phase::Idle, &typed, &config, None);
        c.honeypot_filled = true;
        assert_eq!(on_submit(c), Step::PretendSubscribed);
    }

    #[test]
    fn online_sends_offline_queues() {
        let config = config(ConsentRequirement::Required);
        let typed = input(" reader@example.org ");
        let Step::Send(sent) = on_submit(cx(&Phase::Idle, &typed, &config, None)) else {
            panic!("online must send");
        };
        assert_eq!(sent.email, "reader@example.org");
        assert_eq!(sent.idempotency_key, "fresh");
        let mut c = cx(&Phase::Done(Outcome::TimedOut), &typed, &config, None);
        c.offline = true;
        assert!(matches!(on_submit(c), Step::Queue(_)));
    }

    #[test]
    fn repeating_an_uncertain_submission_reuses_its_key_and_a_changed_one_does_not() {
        let config = config(ConsentRequirement::Required);
        let typed = input("reader@example.org");
        let earlier = Submission {
            email: "reader@example.org".into(),
            name: None,
            lists: vec!["newsletter".into()],
            idempotency_key: "first".into(),
        };
        let phase = Phase::Done(Outcome::TimedOut);
        let Step::Send(again) = on_submit(cx(&phase, &typed, &config, Some(&earlier))) else {
            panic!("must send");
        };
        assert_eq!(again.idempotency_key, "first");
        let changed = input("other@example.org");
        let Step::Send(other) = on_submit(cx(&phase, &changed, &config, Some(&earlier))) else {
            panic!("must send");
        };
        assert_eq!(other.idempotency_key, "fresh");
    }

    #[test]
    fn outcomes_set_the_phase_and_keep_only_uncertain_submissions() {
        let sub = Submission {
            email: "reader@example.org".into(),
            name: None,
            lists: Vec::new(),
            idempotency_key: "k".into(),
        };
        let refused = on_outcome(Outcome::InvalidAddress, Some(sub.clone()));
        assert_eq!(refused.phase, Phase::Idle);
        assert_eq!(refused.errors.len(), 1);
        assert_eq!(refused.errors[0].field, Field::Email);
        assert_eq!(refused.uncertain, None);

        let timed_out = on_outcome(Outcome::TimedOut, Some(sub.clone()));
        assert_eq!(timed_out.phase, Phase::Done(Outcome::TimedOut));
        assert_eq!(timed_out.uncertain, Some(sub.clone()));
        assert!(timed_out.phase.problem().is_some());

        let done = on_outcome(Outcome::Subscribed, Some(sub));
        assert_eq!(done.uncertain, None);
        assert!(done.errors.is_empty());
        assert_eq!(done.phase.problem(), None);
    }
}
