//! How a one-shot run over one long document asks the C allocator for its memory.
//!
//! glibc's malloc is tuned for long-lived programs: blocks from 128 KB up get a mapping
//! of their own that is unmapped when freed, and free memory at the top of the heap
//! goes back to the kernel. Each page the program touches again is then a fresh 4 KB
//! page fault, and the kernel clears it. A process that analyses one long document and
//! exits (`newsdesk extract`) is better served the other way round: its heap kept until
//! the exit and backed by transparent huge pages (2 MB a fault instead of 4 KB). On a
//! 1 MB text this takes the run from about 11,200 page faults to about 4,700 and its
//! time down by about an eighth, with the same output (measured with
//! `benches/spacy_compare.py` and `/usr/bin/time`).
//!
//! Each thread keeps its own arena: with one arena for all threads the threads waited
//! for each other's allocations, and the run took longer than without any of this. The
//! helper threads' arenas get a reserve of their own ([`helper_started`]), which
//! takes the 1 MB run from about 4,700 page faults to about 1,500 and its system time
//! from about 17 ms to 12.
//!
//! The bot does not call this: it lives for weeks, and its memory budget counts the
//! pages it keeps. Only glibc on Linux has these settings; elsewhere this does nothing.

use std::sync::atomic::{AtomicUsize, Ordering};

/// Heap reserved for a document, per byte of it: the allocator's peak on the 1 MB
/// joined dev articles is about 34 bytes a byte over all threads (valgrind's dhat), and
/// the reserve is only address space until a page of it is touched.
const RESERVE_PER_BYTE: usize = 40;
/// The reserve for a helper thread's arena, per byte of the document.
const HELPER_RESERVE_PER_BYTE: usize = 20;
/// Bounds of the reserve: enough for the tables every run builds, and no more address
/// space than a large input needs.
const RESERVE_MIN: usize = 16 << 20;
const RESERVE_MAX: usize = 1 << 30;
/// Blocks up to this size come from the heap; glibc maps larger ones on their own, and
/// takes no larger setting (half its largest heap on 64-bit systems).
const MMAP_FROM: i32 = 32 << 20;
/// The reserve is taken in blocks of this size, each below [`MMAP_FROM`] so that it
/// comes from the heap.
const RESERVE_BLOCK: usize = 30 << 20;
/// Free memory at the heap's top is not given back below this (so, in a run, never).
const TRIM_FROM: i32 = i32::MAX;
/// How much the heap grows by when it must grow.
const GROW_BY: i32 = 32 << 20;
/// A transparent huge page.
const HUGE_PAGE: usize = 2 << 20;

/// Sets the C allocator up for a short process that reads one document of `len` bytes
/// (see the module comment). Call it before any other thread starts; calling it again
/// only reserves more. Returns whether the settings were taken.
pub fn prefer_large_pages(len: usize) -> bool {
    let taken = imp::prefer_large_pages(reserve_for(len, RESERVE_PER_BYTE));
    if taken {
        HELPER_RESERVE.store(reserve_for(len, HELPER_RESERVE_PER_BYTE), Ordering::Relaxed);
    }
    taken
}

/// The reserve for a document of `len` bytes at `per_byte`, within the bounds.
fn reserve_for(len: usize, per_byte: usize) -> usize {
    len.saturating_mul(per_byte).clamp(RESERVE_MIN, RESERVE_MAX)
}

/// The reserve each helper thread's arena gets ([`helper_started`]); 0 (the default)
/// until [`prefer_large_pages`] is taken.
static HELPER_RESERVE: AtomicUsize = AtomicUsize::new(0);

/// Called first in each helper thread the engine starts. Once [`prefer_large_pages`] is
/// taken, it gives the thread's own arena a reserve of its own, sized for what a helper
/// thread's stages take of the document; otherwise (the bot) it does nothing. glibc gives
/// a thread that allocates while another one does an arena of its own and hands a
/// finished thread's arena to the next thread, so the reserve is usually there already
/// (another one then costs a few microseconds and no memory). Without it the helpers'
/// memory is faulted in 4 KB at a time: about two thirds of a 1 MB run's page
/// faults (`perf record -e page-faults`). A helper arena's heaps are at most 64 MB each,
/// and glibc may unmap one left wholly free, so on a long document part of the reserve
/// can go; a 3 MB text still runs with about 2,600 page faults instead of 10,900.
pub fn helper_started() {
    let reserve = HELPER_RESERVE.load(Ordering::Relaxed);
    if reserve > 0 {
        imp::reserve(reserve);
    }
}

#[cfg(all(target_os = "linux", target_env = "gnu"))]
mod imp {
    use super::{GROW_BY, HUGE_PAGE, MMAP_FROM, RESERVE_BLOCK, TRIM_FROM};

    pub(super) fn prefer_large_pages(reserve_len: usize) -> bool {
        // SAFETY: `mallopt` only changes the allocator's parameters; these are the
        // documented ones, with values in their ranges, and the allocator applies them
        // to blocks allocated later (Rust's allocator is this same malloc).
        let taken = unsafe {
            libc::mallopt(libc::M_MMAP_THRESHOLD, MMAP_FROM) == 1
                && libc::mallopt(libc::M_TRIM_THRESHOLD, TRIM_FROM) == 1
                && libc::mallopt(libc::M_TOP_PAD, GROW_BY) == 1
        };
        if taken {
            reserve(reserve_len);
        }
        taken
    }

    /// Reserves `reserve` bytes in the calling thread's arena, marked for huge pages
    /// (see [`super::prefer_large_pages`]).
    pub(super) fn reserve(reserve: usize) {
        // Grow the heap by the reserve once and free it: with the settings above the
        // freed blocks stay in the heap for later ones, and marking their whole 2 MB
        // pages as wanting huge pages lets them be faulted in 2 MB at a time.
        let blocks: Vec<*mut libc::c_void> = (0..reserve.div_ceil(RESERVE_BLOCK))
            // SAFETY: plain allocations, checked for null below and freed once.
            .map(|_| unsafe { libc::malloc(RESERVE_BLOCK) })
            .collect();
        for (start, end) in spans(&blocks) {
            let (start, end) = (
                start.next_multiple_of(HUGE_PAGE),
                end / HUGE_PAGE * HUGE_PAGE,
            );
            if end > start {
                // SAFETY: the range lies inside live blocks of ours (`spans` joins only
                // blocks that follow each other in the heap); MADV_HUGEPAGE is advice
                // that changes no data; once the blocks are freed the main heap keeps the
                // range (nothing is trimmed), and a helper arena that unmaps a heap left
                // wholly free only drops the advice with it.
                unsafe {
                    libc::madvise(start as *mut libc::c_void, end - start, libc::MADV_HUGEPAGE);
                }
            }
        }
        for block in blocks {
            // SAFETY: each block came from `malloc` above (null is allowed) and is freed
            // once, never having been read or written.
            unsafe { libc::free(block) };
        }
    }

    /// The address ranges the non-null `blocks` (each [`RESERVE_BLOCK`] bytes) cover,
    /// blocks that follow each other (the allocator's bookkeeping between them aside)
    /// joined into one range, so that no 2 MB page is lost at their seams.
    pub(super) fn spans(blocks: &[*mut libc::c_void]) -> Vec<(usize, usize)> {
        /// Room for the allocator's bookkeeping between two blocks that follow each other.
        const SEAM: usize = 4096;
        let mut starts: Vec<usize> = blocks
            .iter()
            .filter(|b| !b.is_null())
            .map(|&b| b as usize)
            .collect();
        starts.sort_unstable();
        let mut spans: Vec<(usize, usize)> = Vec::new();
        for start in starts {
            let end = start + RESERVE_BLOCK;
            match spans.last_mut() {
                Some(last) if start >= last.1 && start - last.1 <= SEAM => last.1 = end,
                _ => spans.push((start, end)),
            }
        }
        spans
    }
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
mod imp {
    pub(super) fn prefer_large_pages(_reserve: usize) -> bool {
        false
    }

    pub(super) fn reserve(_reserve: usize) {}
}

#[cfg(all(test, target_os = "linux", target_env = "gnu"))]
mod tests {
    use super::RESERVE_BLOCK;
    use super::imp::spans;

    fn at(address: usize) -> *mut libc::c_void {
        address as *mut libc::c_void
    }

    #[test]
    fn blocks_that_follow_each_other_make_one_span() {
        let first = 1 << 32;
        let second = first + RESERVE_BLOCK + 16;
        let apart = second + RESERVE_BLOCK + (64 << 20);
        assert_eq!(
            spans(&[at(second), std::ptr::null_mut(), at(first), at(apart)]),
            vec![
                (first, second + RESERVE_BLOCK),
                (apart, apart + RESERVE_BLOCK)
            ]
        );
    }
}
