//! Text rules every layer shares: the HTML escaper and the byline ("A, B and C").

use crate::AuthorRef;

/// Appends `s` to `out` with `&`, `<` and `>` escaped, and quotes too when `quotes` is set
/// (attribute values need them; element content does not).
pub fn push_escaped(out: &mut String, s: &str, quotes: bool) {
    let mut last = 0;
    for (i, b) in s.bytes().enumerate() {
        let replacement = match b {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' if quotes => "&quot;",
            b'\'' if quotes => "&#39;",
            _ => continue,
        };
        out.push_str(&s[last..i]);
        out.push_str(replacement);
        last = i + 1;
    }
    out.push_str(&s[last..]);
}

/// Escapes text for an HTML attribute value or element content.
pub fn escape_html(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    push_escaped(&mut out, s, true);
    out
}

/// The separator that goes before name `i` of `n` in a list of names ("", ", " or " and ").
pub fn name_separator(i: usize, n: usize) -> &'static str {
    if i == 0 {
        ""
    } else if i + 1 == n {
        " and "
    } else {
        ", "
    }
}

/// Joins names the way an editor would: "A", "A and B", "A, B and C".
pub fn join_names<S: AsRef<str>>(names: &[S]) -> String {
    let mut out = String::new();
    for (i, name) in names.iter().enumerate() {
        out.push_str(name_separator(i, names.len()));
        out.push_str(name.as_ref());
    }
    out
}

/// A byline's names as text ("A, B and C"), for feeds, meta tags and accessible names.
pub fn byline(authors: &[AuthorRef]) -> String {
    let names: Vec<&str> = authors.iter().map(|a| a.name.as_str()).collect();
    join_names(&names)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_quotes() {
        assert_eq!(
            escape_html(r#"<a href="x">'&'</a>"#),
            "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;"
        );
        let mut body = String::new();
        push_escaped(&mut body, r#"a "b" <c>"#, false);
        assert_eq!(body, r#"a "b" &lt;c&gt;"#);
        assert_eq!(escape_html("plain — text"), "plain — text");
    }

    #[test]
    fn names_join_like_an_editor() {
        assert_eq!(join_names::<&str>(&[]), "");
        assert_eq!(join_names(&["A"]), "A");
        assert_eq!(join_names(&["A", "B"]), "A and B");
        assert_eq!(join_names(&["A", "B", "C"]), "A, B and C");
        assert_eq!(
            (0..4).map(|i| name_separator(i, 4)).collect::<Vec<_>>(),
            ["", ", ", ", ", " and "]
        );
    }
}
