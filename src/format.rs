//! Numbers as readers of each language expect them, with their qualifiers carried over exactly:
//! 超400億元 · 超400亿元 · over CNY 40 billion.

use crate::model::{Lang, Qualifier, Unit};

/// A figure split for display: the number can be set large, the words around it small.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FigureText {
    pub before: String,
    pub number: String,
    pub after: String,
    /// English separates the parts with spaces; Chinese does not.
    spaced: bool,
}

impl FigureText {
    pub fn full(&self) -> String {
        let parts = [&self.before, &self.number, &self.after];
        let parts: Vec<&str> = parts
            .iter()
            .map(|s| s.as_str())
            .filter(|s| !s.is_empty())
            .collect();
        parts.join(if self.spaced { " " } else { "" })
    }
}

/// `value` in `unit`, qualified, in `lang`.
pub fn figure(value: f64, unit: Unit, qualifier: Qualifier, lang: Lang) -> FigureText {
    match lang {
        Lang::Hant | Lang::Hans => chinese(value, unit, qualifier, lang),
        Lang::En => english(value, unit, qualifier),
    }
}

fn chinese(value: f64, unit: Unit, qualifier: Qualifier, lang: Lang) -> FigureText {
    let simplified = lang == Lang::Hans;
    let before = match qualifier {
        Qualifier::Over => "超",
        Qualifier::About if simplified => "约",
        Qualifier::About => "約",
        _ => "",
    };
    let unit_text = match (unit, simplified) {
        (Unit::Rank, _) => "",
        (_, false) => unit.symbol(),
        (Unit::HundredMillionYuan, true) => "亿元",
        (Unit::HundredMillionDollar, true) => "亿美元",
        (Unit::Items, true) => "个",
        (Unit::Mu, true) => "亩",
        (Unit::TenThousandSquareMetres, true) => "万平方米",
        (_, true) => unit.symbol(),
    };
    let number = if unit == Unit::Rank {
        format!("第{}", chinese_ordinal(value))
    } else {
        plain(value)
    };
    let after = if qualifier == Qualifier::Around {
        format!("{unit_text}左右")
    } else {
        unit_text.to_string()
    };
    FigureText {
        before: before.to_string(),
        number,
        after,
        spaced: false,
    }
}

fn chinese_ordinal(value: f64) -> String {
    const DIGITS: [&str; 10] = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    match value as usize {
        n @ 1..=9 => DIGITS[n].to_string(),
        n => n.to_string(),
    }
}

fn english(value: f64, unit: Unit, qualifier: Qualifier) -> FigureText {
    let qualifier = match qualifier {
        Qualifier::Exact => "",
        Qualifier::About => "about",
        Qualifier::Around => "around",
        Qualifier::Over => "over",
    };
    let (currency, number, after) = match unit {
        // Under CNY 1 billion in millions: 超5億元 is over CNY 500 million.
        Unit::HundredMillionYuan if value < 10.0 => {
            ("CNY", grouped(value * 100.0), "million".to_string())
        }
        Unit::HundredMillionYuan => ("CNY", billions(value), "billion".to_string()),
        Unit::HundredMillionDollar => ("US$", grouped(value * 100.0), "million".to_string()),
        Unit::Yuan => ("CNY", grouped(value), String::new()),
        Unit::Dollar => ("US$", grouped(value), String::new()),
        Unit::Percent => ("", format!("{}%", plain(value)), String::new()),
        Unit::Mu => (
            "",
            grouped(value),
            format!("mu ({} ha)", plain(round_to(value * 666.667 / 10_000.0, 1))),
        ),
        Unit::TenThousandSquareMetres => ("", grouped(value * 10_000.0), "m²".to_string()),
        Unit::Rank => ("No.", plain(value), String::new()),
        Unit::Firms | Unit::Items | Unit::People | Unit::Flats => {
            ("", grouped(value), String::new())
        }
    };
    let before = [qualifier, currency]
        .iter()
        .filter(|s| !s.is_empty())
        .copied()
        .collect::<Vec<_>>()
        .join(" ");
    // "US$371", not "US$ 371": the dollar sign sticks to its number.
    if currency == "US$" {
        let before = before.trim_end_matches("US$").trim_end().to_string();
        let before = if before.is_empty() {
            String::new()
        } else {
            before
        };
        return FigureText {
            before,
            number: format!("US${number}"),
            after,
            spaced: true,
        };
    }
    FigureText {
        before,
        number,
        after,
        spaced: true,
    }
}

/// 億 (100 million) as billions: 477.34億 → 47.734 billion.
fn billions(hundred_millions: f64) -> String {
    plain(round_to(hundred_millions / 10.0, 4))
}

fn round_to(value: f64, decimals: i32) -> f64 {
    let scale = 10f64.powi(decimals);
    (value * scale).round() / scale
}

/// The shortest decimal form, to six places at most: 477.34, 131, 8.5.
///
/// Written with integers: formatting an `f64` would bring Rust's float printing (some 10 KB)
/// into the app for this alone.
pub fn plain(value: f64) -> String {
    let millionths = (value * 1e6).round() as i64;
    let sign = if millionths < 0 { "-" } else { "" };
    let (whole, part) = (
        millionths.unsigned_abs() / 1_000_000,
        millionths.unsigned_abs() % 1_000_000,
    );
    if part == 0 {
        format!("{sign}{whole}")
    } else {
        let digits = format!("{part:06}");
        format!("{sign}{whole}.{}", digits.trim_end_matches('0'))
    }
}

/// Thousands separated with commas, for English: 1,689 · 130,000 · 2,283.5.
pub fn grouped(value: f64) -> String {
    let text = plain(value);
    let (int, frac) = text
        .split_once('.')
        .map_or((text.as_str(), None), |(i, f)| (i, Some(f)));
    let digits: Vec<char> = int.chars().collect();
    let mut out = String::new();
    for (i, c) in digits.iter().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 && c.is_ascii_digit() {
            out.push(',');
        }
        out.push(*c);
    }
    if let Some(f) = frac {
        out.push('.');
        out.push_str(f);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use Lang::*;
    use Qualifier::*;

    fn full(value: f64, unit: Unit, q: Qualifier, lang: Lang) -> String {
        figure(value, unit, q, lang).full()
    }

    #[test]
    fn chinese_keeps_the_article_wording() {
        for (value, unit, q, lang, want) in [
            (477.34, Unit::HundredMillionYuan, Exact, Hant, "477.34億元"),
            (400.0, Unit::HundredMillionYuan, Over, Hant, "超400億元"),
            (21.5, Unit::Percent, About, Hant, "約21.5%"),
            (10.0, Unit::Percent, Around, Hant, "10%左右"),
            (1.0, Unit::Rank, Exact, Hant, "第一"),
            (131.0, Unit::Items, Exact, Hans, "131个"),
            (
                3.71,
                Unit::HundredMillionDollar,
                About,
                Hans,
                "约3.71亿美元",
            ),
            (603.0, Unit::Mu, Exact, Hans, "603亩"),
        ] {
            assert_eq!(full(value, unit, q, lang), want);
        }
    }

    #[test]
    fn english_converts_units_and_keeps_qualifiers() {
        for (value, unit, q, want) in [
            (
                477.34,
                Unit::HundredMillionYuan,
                Exact,
                "CNY 47.734 billion",
            ),
            (400.0, Unit::HundredMillionYuan, Over, "over CNY 40 billion"),
            (
                3.71,
                Unit::HundredMillionDollar,
                About,
                "about US$371 million",
            ),
            (10.0, Unit::Percent, Around, "around 10%"),
            (603.0, Unit::Mu, Exact, "603 mu (40.2 ha)"),
            (13.0, Unit::TenThousandSquareMetres, Exact, "130,000 m²"),
            (1689.0, Unit::Items, Exact, "1,689"),
            (1.0, Unit::Rank, Exact, "No. 1"),
        ] {
            assert_eq!(full(value, unit, q, En), want);
        }
    }

    #[test]
    fn groups_thousands() {
        assert_eq!(grouped(2283.0), "2,283");
        assert_eq!(grouped(100000.0), "100,000");
        assert_eq!(grouped(999.0), "999");
        assert_eq!(grouped(1234.5), "1,234.5");
    }

    #[test]
    fn plain_is_the_shortest_decimal_form() {
        for (value, text) in [
            (477.34, "477.34"),
            (131.0, "131"),
            (8.5, "8.5"),
            (47.734, "47.734"),
            (0.1 + 0.2, "0.3"),
            (0.000_001, "0.000001"),
            (-2.5, "-2.5"),
            (130_000.0, "130000"),
        ] {
            assert_eq!(plain(value), text, "{value}");
        }
    }
}
