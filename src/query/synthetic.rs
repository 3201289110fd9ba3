//! Synthetic projects for benchmarks and scale tests: any number of realistic-looking projects
//! made by cycling through the article's real ones and renaming them.
//!
//! Not data: nothing here is shown as fact. The app may offer it behind a debug switch.

use crate::embedded::dataset;
use crate::model::{Milestone, MilestoneKind, Project, Sector, Text};
use crate::names::Named;

/// Words appended to a real name, in Traditional, Simplified and English. Some mix Latin
/// letters into the Chinese, as real names do (`ABB低壓`, `Micro-LED産線`).
const SUFFIXES: [(&str, &str, &str); 12] = [
    ("", "", ""),
    ("二期", "二期", "Phase II"),
    ("三期", "三期", "Phase III"),
    ("研發中心", "研发中心", "R&D Centre"),
    ("産業園", "产业园", "Industrial Park"),
    ("Micro-LED産線", "Micro-LED产线", "Micro-LED line"),
    ("AI實驗室", "AI实验室", "AI Lab"),
    ("總部基地", "总部基地", "Headquarters"),
    ("智能工廠", "智能工厂", "Smart Factory"),
    ("·創新中心", "·创新中心", "Innovation Centre"),
    ("(廈門)有限公司", "(厦门)有限公司", "(Xiamen) Co., Ltd."),
    ("IC設計平台", "IC设计平台", "IC design platform"),
];

/// `n` synthetic projects, the same for the same `n` and `seed`; those for a smaller `n` are a
/// prefix of those for a larger one.
///
/// Project `i` is based on the real project `i % len` and named after it, with a suffix word and
/// a number (`新能安二期研發中心 #124`, in all three scripts). It keeps the real project's first
/// milestone (so its source sentence exists) and gets up to two more of other kinds, so 1 to 3 in
/// all; most keep their sector, some get another one, and the first nine cover every sector.
/// Ids are `synthetic-{i}`.
pub fn projects(n: usize, seed: u64) -> Vec<Project> {
    let real = &dataset().projects;
    if real.is_empty() {
        return Vec::new();
    }
    (0..n)
        .map(|i| {
            let base = &real[i % real.len()];
            let mut rng = SplitMix64(seed ^ (i as u64).wrapping_mul(0xA076_1D64_78BD_642F));
            let (hant, hans, en) = SUFFIXES[rng.below(SUFFIXES.len())];
            let number = i + 1;
            let name = Text {
                hant: format!("{}{hant} #{number}", base.name.hant),
                hans: format!("{}{hans} #{number}", base.name.hans),
                en: if en.is_empty() {
                    format!("{} #{number}", base.name.en)
                } else {
                    format!("{} {en} #{number}", base.name.en)
                },
            };
            let sector = if i < Sector::ALL.len() {
                Sector::ALL[i]
            } else if rng.below(5) == 0 {
                Sector::ALL[rng.below(Sector::ALL.len())]
            } else {
                base.sector
            };
            let first = base.milestones.first();
            let source = first.map(|m| m.source.clone()).unwrap_or_default();
            let mut kinds = vec![first.map_or(MilestoneKind::Landed, |m| m.kind)];
            for _ in 0..rng.below(3) {
                let kind = MilestoneKind::ALL[rng.below(MilestoneKind::ALL.len())];
                if !kinds.contains(&kind) {
                    kinds.push(kind);
                }
            }
            Project {
                id: format!("synthetic-{i}"),
                name,
                sector,
                figures: Vec::new(),
                milestones: kinds
                    .into_iter()
                    .map(|kind| Milestone {
                        kind,
                        source: source.clone(),
                        also: Vec::new(),
                    })
                    .collect(),
            }
        })
        .collect()
}

/// A small, fast, deterministic generator (Steele, Lea and Flood's SplitMix64); enough for
/// test data, no dependency.
struct SplitMix64(u64);

impl SplitMix64 {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n > 0`; the slight modulo bias does not matter here).
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    #[test]
    fn deterministic_and_prefix_stable() {
        let a = projects(500, 7);
        assert_eq!(a, projects(500, 7));
        assert_eq!(a[..100], projects(100, 7)[..]);
        assert_ne!(a, projects(500, 8));
        assert!(projects(0, 7).is_empty());
    }

    #[test]
    fn realistic() {
        let ps = projects(1000, 1);
        assert_eq!(ps.len(), 1000);
        let ids: BTreeSet<&str> = ps.iter().map(|p| p.id.as_str()).collect();
        assert_eq!(ids.len(), ps.len());
        let sectors: BTreeSet<Sector> = ps.iter().map(|p| p.sector).collect();
        assert_eq!(sectors.len(), Sector::ALL.len());
        assert_eq!(
            projects(9, 1).iter().map(|p| p.sector).collect::<Vec<_>>(),
            Sector::ALL
        );
        let kinds: BTreeSet<MilestoneKind> = ps
            .iter()
            .flat_map(|p| p.milestones.iter().map(|m| m.kind))
            .collect();
        assert_eq!(kinds.len(), MilestoneKind::ALL.len());
        let mut counts = [0; 4];
        for (i, p) in ps.iter().enumerate() {
            counts[p.milestones.len()] += 1;
            let kinds: BTreeSet<_> = p.milestones.iter().map(|m| m.kind).collect();
            assert_eq!(kinds.len(), p.milestones.len(), "kinds are distinct");
            let n = format!("#{}", i + 1);
            assert!(
                p.name.hant.ends_with(&n) && p.name.hans.ends_with(&n) && p.name.en.ends_with(&n)
            );
            assert!(!p.milestones.is_empty() && p.milestones.iter().all(|m| !m.source.is_empty()));
            assert!(dataset().sentence(&p.milestones[0].source).is_some());
        }
        assert!(
            counts[1] > 0 && counts[2] > 0 && counts[3] > 0,
            "{counts:?}"
        );
        assert!(ps.iter().any(|p| p.name.hant != p.name.hans));
    }
}
