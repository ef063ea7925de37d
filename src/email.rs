//! Email addresses a young person can write to: checked as strictly as
//! phone numbers, since a mistyped one sends their message nowhere.

/// What is wrong with `address`, and how to put it right; `None` if it is
/// an address mail can reach.
pub fn problem(address: &str) -> Option<(String, String)> {
    let help = "write the whole address with no spaces, as name@example.gov.uk".to_string();
    let address = address.trim();
    if !email_address::EmailAddress::is_valid(address) {
        return Some((format!("\"{address}\" is not an email address"), help));
    }
    // Valid by the standard, but mail on the internet needs a domain with
    // a dot in it: "rights@westmere" reaches nobody.
    let domain = address.rsplit_once('@').map_or("", |(_, d)| d);
    if !domain.contains('.') || domain.ends_with('.') {
        return Some((
            format!("\"{address}\" has no full domain after the @, so mail cannot reach it"),
            help,
        ));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::problem;

    #[test]
    fn addresses_mail_can_reach_and_those_it_cannot() {
        assert!(problem("rights@westmere.example").is_none());
        assert!(problem("first.last+leaflet@council.gov.uk").is_none());
        for bad in [
            "rights at westmere",
            "rights@westmere",
            "@westmere.example",
            "a b@c.example",
            "rights@",
            "",
        ] {
            assert!(problem(bad).is_some(), "{bad}");
        }
    }
}
