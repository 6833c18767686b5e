//! A counting gate that bounds how many ingests run at once.

use std::sync::{Condvar, Mutex, MutexGuard, PoisonError};

/// A counting gate: at most `max` ingests run at once; the rest wait their turn.
#[derive(Debug)]
pub(super) struct Gate {
    pub(super) max: usize,
    pub(super) running: Mutex<usize>,
    pub(super) freed: Condvar,
}

pub(super) struct Permit<'a>(&'a Gate);

impl Gate {
    pub(super) fn new(max: usize) -> Gate {
        Gate {
            max: max.max(1),
            running: Mutex::new(0),
            freed: Condvar::new(),
        }
    }

    pub(super) fn enter(&self) -> Permit<'_> {
        let mut running = self.lock();
        while *running >= self.max {
            running = self
                .freed
                .wait(running)
                .unwrap_or_else(PoisonError::into_inner);
        }
        *running += 1;
        Permit(self)
    }

    pub(super) fn lock(&self) -> MutexGuard<'_, usize> {
        self.running.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

impl Drop for Permit<'_> {
    fn drop(&mut self) {
        let mut running = self.0.lock();
        *running = running.saturating_sub(1);
        self.0.freed.notify_one();
    }
}
