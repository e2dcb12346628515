//! Maximum flow by Dinic's algorithm, with capacities that may be raised between runs (the
//! flow found so far is kept). Small and integral: the assignment's graph has a few thousand
//! unit edges.

struct Edge {
    to: usize,
    /// Residual capacity.
    capacity: u32,
    /// Index of the reverse edge in `to`'s list.
    reverse: usize,
}

pub(crate) struct Network {
    edges: Vec<Vec<Edge>>,
    level: Vec<u32>,
    next: Vec<usize>,
}

/// Names an edge added with [`Network::add`]: (from, index in from's list).
#[derive(Clone, Copy)]
pub(crate) struct EdgeId(usize, usize);

impl Network {
    pub(crate) fn new(nodes: usize) -> Network {
        Network {
            edges: (0..nodes).map(|_| Vec::new()).collect(),
            level: vec![0; nodes],
            next: vec![0; nodes],
        }
    }

    pub(crate) fn add(&mut self, from: usize, to: usize, capacity: u32) -> EdgeId {
        let (forward, backward) = (self.edges[from].len(), self.edges[to].len() + usize::from(from == to));
        self.edges[from].push(Edge { to, capacity, reverse: backward });
        self.edges[to].push(Edge { to: from, capacity: 0, reverse: forward });
        EdgeId(from, forward)
    }

    pub(crate) fn raise(&mut self, edge: EdgeId, by: u32) {
        self.edges[edge.0][edge.1].capacity += by;
    }

    /// Flow currently through the edge (the reverse edge's residual).
    pub(crate) fn flow(&self, edge: EdgeId) -> u32 {
        let e = &self.edges[edge.0][edge.1];
        self.edges[e.to][e.reverse].capacity
    }

    /// Augments until no path is left; returns the flow added by this call.
    pub(crate) fn augment(&mut self, source: usize, sink: usize) -> u64 {
        let mut added = 0;
        while self.levels(source, sink) {
            self.next.fill(0);
            loop {
                let pushed = self.push(source, sink, u32::MAX);
                if pushed == 0 {
                    break;
                }
                added += u64::from(pushed);
            }
        }
        added
    }

    fn levels(&mut self, source: usize, sink: usize) -> bool {
        self.level.fill(u32::MAX);
        self.level[source] = 0;
        let mut queue = std::collections::VecDeque::from([source]);
        while let Some(u) = queue.pop_front() {
            for e in &self.edges[u] {
                if e.capacity > 0 && self.level[e.to] == u32::MAX {
                    self.level[e.to] = self.level[u] + 1;
                    queue.push_back(e.to);
                }
            }
        }
        self.level[sink] != u32::MAX
    }

    fn push(&mut self, u: usize, sink: usize, limit: u32) -> u32 {
        if u == sink {
            return limit;
        }
        while self.next[u] < self.edges[u].len() {
            let i = self.next[u];
            let (to, capacity) = (self.edges[u][i].to, self.edges[u][i].capacity);
            if capacity > 0 && self.level[to] == self.level[u] + 1 {
                let pushed = self.push(to, sink, limit.min(capacity));
                if pushed > 0 {
                    self.edges[u][i].capacity -= pushed;
                    let reverse = self.edges[u][i].reverse;
                    self.edges[to][reverse].capacity += pushed;
                    return pushed;
                }
            }
            self.next[u] += 1;
        }
        0
    }
}
