//! Who reviews which entry. Either every juror reviews every entry they are not conflicted
//! with, or each entry gets `k` reviewers with the jurors' loads as even as the conflicts allow.
//!
//! The k-reviewer assignment is a maximum flow (source → entry, capacity k → juror, capacity 1
//! where there is no conflict → sink, capacity = the juror's load cap), found in two phases:
//! first with every cap at the floor of the average load `L`, then with the caps raised one at
//! a time until every entry has its reviewers. Each phase is a maximum flow, and augmenting
//! paths never take flow back from an edge into the sink, so a juror who reached a cap keeps
//! that load (starting at `L` only skips phases that would fill every cap anyway). Hence:
//! - each entry gets `min(k, jurors not conflicted with it)` reviewers, always;
//! - the largest load is the smallest any such assignment can have;
//! - if any such assignment keeps every load within one of another, this one does.
//!
//! Pure: conflicts come in as a predicate, the result is a list of pairs.

mod flow;
#[cfg(test)]
mod tests;

use flow::{EdgeId, Network};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Assignment {
    /// (entry, juror), sorted.
    pub pairs: Vec<(usize, usize)>,
    /// Entries assigned per juror.
    pub loads: Vec<usize>,
    /// Entries that could not get the reviewers asked for: too few jurors are free of conflict.
    pub short: Vec<Shortfall>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shortfall {
    pub entry: usize,
    pub wanted: usize,
    /// Jurors not conflicted with the entry: all of them are assigned.
    pub eligible: usize,
}

impl Assignment {
    /// Loads within one entry of each other.
    pub fn balanced(&self) -> bool {
        match (self.loads.iter().min(), self.loads.iter().max()) {
            (Some(lo), Some(hi)) => hi - lo <= 1,
            _ => true,
        }
    }
}

/// Every juror reviews every entry they are not conflicted with. An entry every juror is
/// conflicted with is reported short of one reviewer.
pub fn everyone(entries: usize, jurors: usize, conflicted: impl Fn(usize, usize) -> bool) -> Assignment {
    let pairs: Vec<(usize, usize)> = (0..entries)
        .flat_map(|e| (0..jurors).map(move |j| (e, j)))
        .filter(|&(e, j)| !conflicted(e, j))
        .collect();
    let eligible = eligible_counts(entries, jurors, &conflicted);
    finish(jurors, pairs, shortfalls(&eligible, 1))
}

/// Each entry gets `per_entry` reviewers, loads balanced, conflicts respected.
pub fn k_reviewers(
    entries: usize,
    jurors: usize,
    per_entry: usize,
    conflicted: impl Fn(usize, usize) -> bool,
) -> Assignment {
    let eligible = eligible_counts(entries, jurors, &conflicted);
    let short = shortfalls(&eligible, per_entry);
    if jurors == 0 {
        return finish(jurors, Vec::new(), short);
    }
    let (source, sink) = (0, entries + jurors + 1);
    let juror_node = |j: usize| entries + 1 + j;
    let mut network = Network::new(entries + jurors + 2);
    let wanted_total: u64 = eligible.iter().map(|&n| per_entry.min(n) as u64).sum();
    let mut reviews: Vec<(usize, usize, EdgeId)> = Vec::new();
    for e in 0..entries {
        network.add(source, e + 1, u32::try_from(per_entry).unwrap_or(u32::MAX));
        // Each entry lists the jurors from a different starting point, so the search spreads
        // the entries (and the pairs of co-reviewers) around instead of filling juror 0 first.
        for j in (0..jurors).map(|i| (i + e) % jurors).filter(|&j| !conflicted(e, j)) {
            reviews.push((e, j, network.add(e + 1, juror_node(j), 1)));
        }
    }
    let floor = u32::try_from(wanted_total / jurors as u64).unwrap_or(u32::MAX);
    let caps: Vec<EdgeId> = (0..jurors).map(|j| network.add(juror_node(j), sink, floor)).collect();
    let mut assigned = network.augment(source, sink);
    while assigned < wanted_total {
        caps.iter().for_each(|&cap| network.raise(cap, 1));
        let more = network.augment(source, sink);
        if more == 0 {
            break;
        }
        assigned += more;
    }
    let pairs =
        reviews.iter().filter(|(_, _, edge)| network.flow(*edge) == 1).map(|&(e, j, _)| (e, j)).collect();
    finish(jurors, pairs, short)
}

fn eligible_counts(entries: usize, jurors: usize, conflicted: &impl Fn(usize, usize) -> bool) -> Vec<usize> {
    (0..entries).map(|e| (0..jurors).filter(|&j| !conflicted(e, j)).count()).collect()
}

fn shortfalls(eligible: &[usize], wanted: usize) -> Vec<Shortfall> {
    eligible
        .iter()
        .enumerate()
        .filter(|&(_, &n)| n < wanted)
        .map(|(entry, &n)| Shortfall { entry, wanted, eligible: n })
        .collect()
}

fn finish(jurors: usize, mut pairs: Vec<(usize, usize)>, short: Vec<Shortfall>) -> Assignment {
    pairs.sort_unstable();
    let mut loads = vec![0; jurors];
    for &(_, j) in &pairs {
        loads[j] += 1;
    }
    Assignment { pairs, loads, short }
}
