//! The subscribe flow. The logic is pure and tested natively: email validation
//! ([`email`]), the form model ([`form`]), the provider adapters ([`adapters`]), outcomes
//! and `Retry-After` ([`outcome`]), the retry policy ([`retry`]) and the offline queue's
//! rules ([`queue`]) and the form's submit state machine ([`submit`]). The browser side is the network client ([`client`]) and the
//! offline outbox ([`outbox`]); the form itself is `components::subscribe_form`.

pub mod adapters;
pub mod client;
pub mod email;
pub mod form;
pub mod outbox;
pub mod outcome;
pub mod queue;
pub mod retry;
pub mod submit;
