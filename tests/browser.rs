//! Browser-only behaviour, run by wasm-bindgen-test in headless Chromium (`cargo xtask test`).
#![cfg(target_arch = "wasm32")]

use convergence_web::api::{self, ContentError};
use convergence_web::components::byline::Byline;
use leptos::prelude::*;
use leptos_router::components::Router;
use model::{AuthorRef, Slug};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

fn set_content_base(base: &str) {
    let doc = document();
    let meta = match doc.query_selector("meta[name='content-base']").unwrap() {
        Some(m) => m,
        None => {
            let m = doc.create_element("meta").unwrap();
            m.set_attribute("name", "content-base").unwrap();
            doc.head().unwrap().append_child(&m).unwrap();
            m
        }
    };
    meta.set_attribute("content", base).unwrap();
}

#[wasm_bindgen_test]
fn content_base_comes_from_the_meta_tag() {
    set_content_base("https://content.example.org/bucket");
    assert_eq!(api::content_base(), "https://content.example.org/bucket/");
    set_content_base("/content/");
    assert_eq!(api::content_base(), "/content/");
}

#[wasm_bindgen_test]
async fn a_missing_bucket_file_is_not_found_with_its_name() {
    set_content_base("/no-such-bucket/");
    let err = api::page(Slug::parse("about").unwrap()).await.unwrap_err();
    set_content_base("/content/");
    assert_eq!(
        err,
        ContentError::NotFound {
            file: "pages/about.json".into()
        }
    );
    assert!(!err.to_string().is_empty());
}

#[wasm_bindgen_test]
fn dates_never_shift_with_the_readers_time_zone() {
    // `cargo xtask test` runs this browser west of UTC (TZ=America/Los_Angeles), where a
    // date read as a local day would be the evening before: the check below proves it.
    let midnight_utc = js_sys::Date::new(&"2023-06-01T00:00:00Z".into());
    assert!(
        midnight_utc.get_timezone_offset() > 0.0,
        "the browser must run west of UTC for this test to mean anything (TZ is {:?})",
        midnight_utc.get_timezone_offset()
    );
    assert_eq!(midnight_utc.get_date(), 31, "local time reads 31 May");
    let d = model::Date::parse("2023-06-01").unwrap();
    assert_eq!(
        convergence_web::format::date_in_locale(d, "en-US"),
        "June 1, 2023"
    );
    assert_eq!(
        convergence_web::format::date_in_locale(d, "en-GB"),
        "1 June 2023"
    );
    // The English date the build rendered until the app has started, then the reader's.
    assert_eq!(
        convergence_web::format::date_local(d),
        convergence_web::format::date_fallback(d)
    );
    // On screen: an English date the app wrote changes to the reader's; other text stays.
    let host = document().create_element("div").unwrap();
    host.set_inner_html(
        r#"<time id="written" datetime="2023-06-01">June 1, 2023</time><time id="other" datetime="2023-06-01">Thursday</time>"#,
    );
    document().body().unwrap().append_child(&host).unwrap();
    convergence_web::format::allow_reader_dates();
    let reader = convergence_web::format::date_in_locale(d, "default");
    assert_eq!(convergence_web::format::date_local(d), reader);
    let text = |id: &str| {
        document()
            .get_element_by_id(id)
            .unwrap()
            .text_content()
            .unwrap()
    };
    assert_eq!(text("written"), reader);
    assert_eq!(text("other"), "Thursday");
    host.remove();
    assert!(convergence_web::format::date_local(d).contains("2023"));
    // The second call comes from the kept formatter and says the same.
    assert_eq!(
        convergence_web::format::date_in_locale(d, "en-GB"),
        "1 June 2023"
    );
    // A locale Intl refuses (a RangeError) gives the English fallback, not a panic.
    assert_eq!(
        convergence_web::format::date_in_locale(d, "not a locale"),
        convergence_web::format::date_fallback(d)
    );
}

#[wasm_bindgen_test]
fn bylines_link_every_author() {
    let host = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&host).unwrap();
    let authors: Vec<AuthorRef> = [
        ("a-one", "A One"),
        ("b-two", "B Two"),
        ("c-three", "C Three"),
    ]
    .into_iter()
    .map(|(s, n)| AuthorRef {
        slug: Slug::parse(s).unwrap(),
        name: n.into(),
    })
    .collect();
    let handle = leptos::mount::mount_to(host.clone().unchecked_into(), move || {
        view! { <Router><Byline authors=authors.clone()/></Router> }
    });
    assert_eq!(host.text_content().unwrap(), "By A One, B Two and C Three");
    let links = host.query_selector_all("a").unwrap();
    assert_eq!(links.length(), 3);
    let first: web_sys::Element = links.item(0).unwrap().unchecked_into();
    assert_eq!(first.get_attribute("href").unwrap(), "/contributors/a-one");
    drop(handle);
}

#[wasm_bindgen_test]
async fn a_later_part_is_built_in_the_next_task_and_counted_until_then() {
    use convergence_web::components::later::Later;
    use convergence_web::hooks::use_content::loads_in_flight;
    let host = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&host).unwrap();
    let before = loads_in_flight();
    let handle = leptos::mount::mount_to(host.clone().unchecked_into(), || {
        view! { <p>"now"</p><Later><p>"later"</p></Later> }
    });
    assert_eq!(host.text_content().unwrap(), "now");
    assert_eq!(loads_in_flight(), before + 1, "the wait counts as a load");
    convergence_web::browser::sleep(0).await;
    convergence_web::browser::sleep(0).await;
    assert_eq!(host.text_content().unwrap(), "nowlater");
    assert_eq!(loads_in_flight(), before);
    drop(handle);
}
