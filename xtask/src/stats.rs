//! Medians, quantiles, and numbers written as the report writes them (`1,234.5 ms`).

/// The median of the values that are numbers (NaN is skipped); NaN if there are none.
pub fn median(values: impl IntoIterator<Item = f64>) -> f64 {
    let mut v: Vec<f64> = values.into_iter().filter(|x| !x.is_nan()).collect();
    v.sort_by(f64::total_cmp);
    let n = v.len();
    match n {
        0 => f64::NAN,
        _ if n % 2 == 1 => v[n / 2],
        _ => (v[n / 2 - 1] + v[n / 2]) / 2.0,
    }
}

/// The `q` quantile, nearest rank (the smallest value with at least `q` of them at or below it).
pub fn quantile(values: impl IntoIterator<Item = f64>, q: f64) -> f64 {
    let mut v: Vec<f64> = values.into_iter().filter(|x| !x.is_nan()).collect();
    if v.is_empty() {
        return f64::NAN;
    }
    v.sort_by(f64::total_cmp);
    let rank = ((q * v.len() as f64).ceil() as usize).clamp(1, v.len());
    v[rank - 1]
}

/// The smallest and the largest value.
pub fn min_max(values: impl IntoIterator<Item = f64>) -> (f64, f64) {
    values
        .into_iter()
        .filter(|x| !x.is_nan())
        .fold((f64::NAN, f64::NAN), |(lo, hi), x| (lo.min(x), hi.max(x)))
}

/// `x` with `digits` decimals and a comma between thousands, as `en-US` writes it.
pub fn num(x: f64, digits: usize) -> String {
    if x.is_nan() {
        return "n/a".into();
    }
    let text = format!("{:.*}", digits, x.abs());
    let (int, frac) = match text.split_once('.') {
        Some((i, f)) => (i.to_string(), Some(f.to_string())),
        None => (text, None),
    };
    let mut grouped = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(c);
    }
    let zero = text_is_zero(&grouped, frac.as_deref());
    let sign = if x < 0.0 && !zero { "-" } else { "" };
    match frac {
        Some(f) => format!("{sign}{grouped}.{f}"),
        None => format!("{sign}{grouped}"),
    }
}

fn text_is_zero(int: &str, frac: Option<&str>) -> bool {
    int.chars()
        .chain(frac.unwrap_or("").chars())
        .all(|c| c == '0' || c == ',')
}

/// An integer count.
pub fn count(n: usize) -> String {
    num(n as f64, 0)
}

/// Milliseconds: two decimals under 10 ms, one above.
pub fn ms(x: f64) -> String {
    if x.is_nan() {
        return "n/a".into();
    }
    format!("{} ms", num(x, if x < 10.0 { 2 } else { 1 }))
}

/// A duration in nanoseconds, in ns, µs or ms.
pub fn dur(ns: f64) -> String {
    if ns < 1e3 {
        format!("{} ns", num(ns, 0))
    } else if ns < 1e6 {
        format!("{} µs", num(ns / 1e3, 2))
    } else {
        format!("{} ms", num(ns / 1e6, 2))
    }
}

/// Bytes in KB (1 KB = 1,000 bytes).
pub fn kb(bytes: f64) -> String {
    format!("{} KB", num(bytes / 1000.0, 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn medians_of_odd_and_even_counts() {
        assert_eq!(median([3.0, 1.0, 2.0]), 2.0);
        assert_eq!(median([4.0, 1.0, 3.0, 2.0]), 2.5);
        assert_eq!(median([f64::NAN, 5.0]), 5.0);
        assert!(median([]).is_nan());
    }

    #[test]
    fn quantiles_by_nearest_rank() {
        let v: Vec<f64> = (1..=10).map(f64::from).collect();
        assert_eq!(quantile(v.clone(), 0.9), 9.0);
        assert_eq!(quantile(v.clone(), 1.0), 10.0);
        assert_eq!(quantile(v, 0.0), 1.0);
    }

    #[test]
    fn numbers_as_the_report_writes_them() {
        assert_eq!(num(223095.0, 0), "223,095");
        assert_eq!(num(1234567.891, 2), "1,234,567.89");
        assert_eq!(num(-0.0001, 1), "0.0");
        assert_eq!(num(-1500.0, 0), "-1,500");
        assert_eq!(ms(7.3), "7.30 ms");
        assert_eq!(ms(2293.6), "2,293.6 ms");
        assert_eq!(dur(247.0), "247 ns");
        assert_eq!(dur(458_060.0), "458.06 µs");
        assert_eq!(dur(253_410_000.0), "253.41 ms");
        assert_eq!(kb(223_095.0), "223.1 KB");
    }
}
