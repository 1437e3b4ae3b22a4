//! The form's model: what a reader typed, which fields each placement shows, the
//! validation that produces our messages, and the submission that adapters send.

use super::email;
use model::{ConsentRequirement, Preselected, SubscribeConfig};
use serde::{Deserialize, Serialize};

/// Where a form sits; decides which fields it shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Variant {
    /// The `/subscribe` page: every field, with list descriptions.
    Full,
    /// After an article: every field, compactly.
    Inline,
    /// The footer: email and consent; the preselected lists.
    Short,
}

impl Variant {
    /// A stable name for where a submission came from, kept with queued submissions so
    /// the same placement shows them after a reload.
    pub fn origin(self) -> &'static str {
        match self {
            Variant::Full => "page",
            Variant::Inline => "article",
            Variant::Short => "footer",
        }
    }

    /// Whether the optional name field is shown.
    pub fn shows_name(self) -> bool {
        self != Variant::Short
    }

    /// Whether the list checkboxes are shown (the footer takes the preselected lists).
    pub fn shows_lists(self) -> bool {
        self != Variant::Short
    }
}

/// Everything a reader typed and ticked, exactly as they left it (never trimmed here:
/// this is what the fields show again after any failure).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FormInput {
    /// The email field.
    pub email: String,
    /// The name field.
    pub name: String,
    /// Ids of the ticked lists.
    pub lists: Vec<String>,
    /// The consent box.
    pub consent: bool,
}

/// A field that can carry an error.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    /// Email address.
    Email,
    /// The list checkboxes.
    Lists,
    /// The consent checkbox.
    Consent,
}

/// One problem with one field; `message` is what the reader sees by the field and in the summary.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    /// Which field.
    pub field: Field,
    /// What to do about it.
    pub message: String,
}

/// What an adapter sends: the checked, trimmed form plus the idempotency key.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Submission {
    /// The address, trimmed as the browser would.
    pub email: String,
    /// The name, trimmed; None when left empty.
    pub name: Option<String>,
    /// Chosen list ids, in the config's order.
    pub lists: Vec<String>,
    /// Random per submission and reused across its retries, so a retry cannot subscribe twice.
    pub idempotency_key: String,
}

impl Submission {
    /// Whether `other` asks for the same thing (everything but the key).
    pub fn same_request(&self, other: &Submission) -> bool {
        self.email == other.email && self.name == other.name && self.lists == other.lists
    }
}

/// The lists ticked when a form first appears: the preselected ones; the footer, which
/// shows no choice, falls back to the first list so it never subscribes to nothing.
pub fn initial_lists(config: &SubscribeConfig, variant: Variant) -> Vec<String> {
    let pre: Vec<String> = config
        .lists
        .iter()
        .filter(|l| l.preselected == Preselected::Yes)
        .map(|l| l.id.clone())
        .collect();
    if pre.is_empty() && !variant.shows_lists() {
        config
            .lists
            .first()
            .map(|l| l.id.clone())
            .into_iter()
            .collect()
    } else {
        pre
    }
}

/// Every problem with `input`, in the order the fields appear.
pub fn validate(input: &FormInput, config: &SubscribeConfig, variant: Variant) -> Vec<FieldError> {
    let mut errors = Vec::new();
    if let Err(e) = email::validate(&input.email) {
        errors.push(FieldError {
            field: Field::Email,
            message: e.to_string(),
        });
    }
    if variant.shows_lists() && !config.lists.is_empty() && chosen_lists(input, config).is_empty() {
        errors.push(FieldError {
            field: Field::Lists,
            message: "Choose at least one newsletter.".into(),
        });
    }
    if config.consent.requirement == ConsentRequirement::Required && !input.consent {
        errors.push(FieldError {
            field: Field::Consent,
            message: "Tick the box to agree to receive email from us.".into(),
        });
    }
    errors
}

/// The checked submission, or every problem with the input.
pub fn submission(
    input: &FormInput,
    config: &SubscribeConfig,
    variant: Variant,
    idempotency_key: String,
) -> Result<Submission, Vec<FieldError>> {
    let errors = validate(input, config, variant);
    if !errors.is_empty() {
        return Err(errors);
    }
    let email = email::validate(&input.email).map_err(|_| Vec::new())?;
    let name = input.name.trim();
    let lists = if variant.shows_lists() {
        chosen_lists(input, config)
    } else {
        initial_lists(config, variant)
    };
    Ok(Submission {
        email,
        name: (!name.is_empty()).then(|| name.to_owned()),
        lists,
        idempotency_key,
    })
}

/// Ticked lists that exist in the config, in the config's order (stale ids from an old
/// queued submission or a changed config are dropped).
fn chosen_lists(input: &FormInput, config: &SubscribeConfig) -> Vec<String> {
    config
        .lists
        .iter()
        .filter(|l| input.lists.contains(&l.id))
        .map(|l| l.id.clone())
        .collect()
}

/// A version 4 UUID from 16 random bytes (the caller supplies the randomness).
pub fn uuid_v4(mut bytes: [u8; 16]) -> String {
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    let hex: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
    format!(
        "{}-{}-{}-{}-{}",
        &hex[0..8],
        &hex[8..12],
        &hex[12..16],
        &hex[16..20],
        &hex[20..32]
    )
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use model::{Consent, MailingList, Provider};

    pub(crate) fn config(requirement: ConsentRequirement) -> SubscribeConfig {
        SubscribeConfig {
            pitch: "Get the magazine.".into(),
            lists: vec![
                MailingList {
                    id: "newsletter".into(),
                    name: "The newsletter".into(),
                    description: "Weekly.".into(),
                    preselected: Preselected::Yes,
                },
                MailingList {
                    id: "podcasts".into(),
                    name: "Podcast updates".into(),
                    description: "New episodes.".into(),
                    preselected: Preselected::No,
                },
            ],
            consent: Consent {
                text: "I agree.".into(),
                requirement,
            },
            provider: Provider::GenericJson {
                endpoint: "http://127.0.0.1:8090/subscribe".into(),
            },
        }
    }

    fn input(email: &str, lists: &[&str], consent: bool) -> FormInput {
        FormInput {
            email: email.into(),
            name: String::new(),
            lists: lists.iter().map(|s| s.to_string()).collect(),
            consent,
        }
    }

    fn fields(errors: &[FieldError]) -> Vec<Field> {
        errors.iter().map(|e| e.field).collect()
    }

    #[test]
    fn a_complete_form_becomes_a_trimmed_submission() {
        let c = config(ConsentRequirement::Required);
        let mut i = input("  reader@example.org ", &["podcasts", "newsletter"], true);
        i.name = "  Ella Baker ".into();
        let s = submission(&i, &c, Variant::Full, "k".into()).unwrap();
        assert_eq!(s.email, "reader@example.org");
        assert_eq!(s.name.as_deref(), Some("Ella Baker"));
        assert_eq!(s.lists, ["newsletter", "podcasts"], "config order");
        assert_eq!(s.idempotency_key, "k");
        // The input itself is untouched: it is what the fields show again.
        assert_eq!(i.email, "  reader@example.org ");
    }

    #[test]
    fn errors_come_in_field_order() {
        let c = config(ConsentRequirement::Required);
        let errors = validate(&input("nope", &[], false), &c, Variant::Full);
        assert_eq!(
            fields(&errors),
            [Field::Email, Field::Lists, Field::Consent]
        );
        assert!(errors[0].message.contains("@"));
    }

    #[test]
    fn consent_blocks_only_when_required() {
        let required = config(ConsentRequirement::Required);
        let optional = config(ConsentRequirement::Optional);
        let i = input("a@b.c", &["newsletter"], false);
        assert_eq!(
            fields(&validate(&i, &required, Variant::Inline)),
            [Field::Consent]
        );
        assert!(validate(&i, &optional, Variant::Inline).is_empty());
    }

    #[test]
    fn the_footer_takes_the_preselected_lists_without_asking() {
        let mut c = config(ConsentRequirement::Required);
        let i = input("a@b.c", &[], true);
        let s = submission(&i, &c, Variant::Short, "k".into()).unwrap();
        assert_eq!(s.lists, ["newsletter"]);
        assert_eq!(s.name, None);
        for l in &mut c.lists {
            l.preselected = Preselected::No;
        }
        assert_eq!(initial_lists(&c, Variant::Short), ["newsletter"]);
        assert!(initial_lists(&c, Variant::Full).is_empty());
    }

    #[test]
    fn unknown_list_ids_are_dropped() {
        let c = config(ConsentRequirement::Optional);
        let i = input("a@b.c", &["gone"], false);
        assert_eq!(fields(&validate(&i, &c, Variant::Full)), [Field::Lists]);
        let mut no_lists = c.clone();
        no_lists.lists.clear();
        let s = submission(&i, &no_lists, Variant::Full, "k".into()).unwrap();
        assert!(s.lists.is_empty());
    }

    #[test]
    fn same_request_ignores_the_key() {
        let c = config(ConsentRequirement::Optional);
        let i = input("a@b.c", &["newsletter"], false);
        let a = submission(&i, &c, Variant::Full, "1".into()).unwrap();
        let b = submission(&i, &c, Variant::Full, "2".into()).unwrap();
        assert!(a.same_request(&b));
        let other = submission(
            &input("x@b.c", &["newsletter"], false),
            &c,
            Variant::Full,
            "1".into(),
        )
        .unwrap();
        assert!(!a.same_request(&other));
    }

    #[test]
    fn uuids_are_version_4() {
        let u = uuid_v4([0xff; 16]);
        assert_eq!(u, "ffffffff-ffff-4fff-bfff-ffffffffffff");
        let z = uuid_v4([0; 16]);
        assert_eq!(z, "00000000-0000-4000-8000-000000000000");
    }
}
