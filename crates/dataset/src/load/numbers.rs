//! Checking that a figure's number, unit and qualifier are what its source sentence says.

use crate::model::{Qualifier, Unit};
use crate::names::Named;

/// Checks `quote` against the `sentence` it is taken from and the figure's fields.
pub fn check_quote(
    sentence: &str,
    quote: &str,
    value: f64,
    unit: Unit,
    qualifier: Qualifier,
) -> Result<(), String> {
    if quote.is_empty() {
        return Err("the quote is empty: copy the words that state the figure".into());
    }
    let whole_number_at = sentence.match_indices(quote).any(|(i, _)| {
        let before = sentence[..i].chars().next_back();
        let after = sentence[i + quote.len()..].chars().next();
        !before.is_some_and(is_number_char) && !after.is_some_and(is_number_char)
    });
    if !whole_number_at {
        return Err(format!(
            "`{quote}` does not occur in the source sentence (restored reading) as written"
        ));
    }
    let numbers = numbers_in(quote);
    if !numbers.iter().any(|n| (n - value).abs() < 1e-9) {
        let found = numbers
            .iter()
            .map(|n| n.to_string())
            .collect::<Vec<_>>()
            .join(", ");
        return Err(format!(
            "the quote states {}, not the value {value}",
            if found.is_empty() {
                "no number".into()
            } else {
                found
            }
        ));
    }
    if !quote.contains(unit.symbol()) {
        return Err(format!(
            "the quote does not contain the unit `{}`",
            unit.symbol()
        ));
    }
    let stated = stated_qualifier(quote);
    if stated != qualifier {
        return Err(format!(
            "the quote reads as qualifier `{}`, but the figure says `{}`",
            stated.name(),
            qualifier.name()
        ));
    }
    Ok(())
}

/// The qualifier a Chinese quote expresses: 超 (over), 約 (about), 左右 (around) or none.
pub fn stated_qualifier(quote: &str) -> Qualifier {
    if quote.contains('超') {
        Qualifier::Over
    } else if quote.contains('約') || quote.contains('约') {
        Qualifier::About
    } else if quote.contains("左右") {
        Qualifier::Around
    } else {
        Qualifier::Exact
    }
}

fn is_number_char(c: char) -> bool {
    c.is_ascii_digit() || c == '.'
}

/// The numbers written in `text`: runs of ASCII digits (with a decimal point), and a single
/// Chinese numeral after 第 (as in 第一).
pub fn numbers_in(text: &str) -> Vec<f64> {
    let mut out = Vec::new();
    let mut run = String::new();
    for c in text.chars().chain(std::iter::once(' ')) {
        if is_number_char(c) {
            run.push(c);
        } else if !run.is_empty() {
            if let Ok(n) = run.trim_end_matches('.').parse() {
                out.push(n);
            }
            run.clear();
        }
    }
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '第' {
            if let Some(n) = chars.peek().and_then(|d| "一二三四五六七八九十".find(*d)) {
                out.push((n / '一'.len_utf8() + 1) as f64);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const S: &str = "新落地新能安二期等131個項目,總投資超400億元。";

    #[test]
    fn accepts_a_true_quote() {
        assert_eq!(
            check_quote(S, "131個", 131.0, Unit::Items, Qualifier::Exact),
            Ok(())
        );
        assert_eq!(
            check_quote(
                S,
                "超400億元",
                400.0,
                Unit::HundredMillionYuan,
                Qualifier::Over
            ),
            Ok(())
        );
    }

    #[test]
    fn rejects_part_of_a_number() {
        let e = check_quote(S, "31個", 31.0, Unit::Items, Qualifier::Exact).unwrap_err();
        assert!(e.contains("does not occur"), "{e}");
    }

    #[test]
    fn rejects_wrong_value_unit_or_qualifier() {
        assert!(
            check_quote(S, "131個", 130.0, Unit::Items, Qualifier::Exact)
                .unwrap_err()
                .contains("not the value 130")
        );
        assert!(
            check_quote(S, "131個", 131.0, Unit::Firms, Qualifier::Exact)
                .unwrap_err()
                .contains("unit `家`")
        );
        assert!(check_quote(
            S,
            "超400億元",
            400.0,
            Unit::HundredMillionYuan,
            Qualifier::Exact
        )
        .unwrap_err()
        .contains("`over`"));
    }

    #[test]
    fn reads_numbers() {
        assert_eq!(numbers_in("約21.5%"), vec![21.5]);
        assert_eq!(numbers_in("13萬平方米(2465套)"), vec![13.0, 2465.0]);
        assert_eq!(numbers_in("位列全市第一"), vec![1.0]);
    }
}
