//! Bounded helper threads for one long document's work.
//!
//! The engine splits a long document's work over a second thread (the analysis stages,
//! sentence splitting). The bot runs many analyses at once inside tokio's blocking pool,
//! so the helpers are counted across the whole process: at most one fewer than the
//! machine has cores are in use at any time. When none is free the work runs on the
//! calling thread, in the same order, with the same result.

use std::sync::OnceLock;
use std::sync::atomic::{AtomicUsize, Ordering};

/// Helper threads in use right now, across the process.
static IN_USE: AtomicUsize = AtomicUsize::new(0);

/// The right to run one helper thread; gives it back when dropped.
pub struct Slot(());

impl Slot {
    /// A free helper slot, if one is left (cores − 1 of them in all).
    pub fn take() -> Option<Slot> {
        claim(&IN_USE, max_helpers()).then_some(Slot(()))
    }
}

/// Counts one more in `in_use` unless `max` are already counted; whether it did.
fn claim(in_use: &AtomicUsize, max: usize) -> bool {
    in_use
        .fetch_update(Ordering::AcqRel, Ordering::Acquire, |n| {
            (n < max).then_some(n + 1)
        })
        .is_ok()
}

impl Drop for Slot {
    fn drop(&mut self) {
        IN_USE.fetch_sub(1, Ordering::AcqRel);
    }
}

/// Helper threads the process may run at once: the cores beyond the calling thread's.
pub fn max_helpers() -> usize {
    static MAX: OnceLock<usize> = OnceLock::new();
    *MAX.get_or_init(|| {
        std::thread::available_parallelism()
            .map_or(1, |n| n.get())
            .saturating_sub(1)
    })
}

/// Runs `a` here and `b` on a helper thread when a slot is free (otherwise `a`, then
/// `b`, here), and returns both results. A panic in `b` is raised again here.
pub fn join<A, B, RA, RB>(a: A, b: B) -> (RA, RB)
where
    A: FnOnce() -> RA,
    B: FnOnce() -> RB + Send,
    RB: Send,
{
    let Some(_slot) = Slot::take() else {
        let ra = a();
        return (ra, b());
    };
    std::thread::scope(|s| {
        let helper = s.spawn(|| {
            crate::heap::helper_started();
            b()
        });
        let ra = a();
        let rb = helper
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        (ra, rb)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn join_returns_both_results_in_place() {
        let (a, b) = join(|| 2 + 2, || "four".len());
        assert_eq!((a, b), (4, 4));
    }

    #[test]
    fn claims_stop_at_the_limit_and_resume_when_one_is_given_back() {
        let in_use = AtomicUsize::new(0);
        assert!(claim(&in_use, 2) && claim(&in_use, 2));
        assert!(!claim(&in_use, 2));
        in_use.fetch_sub(1, Ordering::AcqRel);
        assert!(claim(&in_use, 2));
        assert!(!claim(&AtomicUsize::new(0), 0), "one core: no helper");
    }

    #[test]
    fn slots_never_exceed_the_helpers_allowed() {
        let held: Vec<Slot> = std::iter::from_fn(Slot::take)
            .take(max_helpers() + 5)
            .collect();
        assert!(held.len() <= max_helpers());
    }
}
