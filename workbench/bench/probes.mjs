// Runs in the page before any of its scripts (context.addInitScript), so both the workbench and the static baseline
// are measured the same way, from navigation start (performance.now() is relative to it):
// - rowsVisibleAt: the frame after the expected number of inbox rows (tr[data-id]) is in the document;
// - decisions: for each keystroke the benchmark announces (bench.expect), the time from keydown to the row's removal
//   from the document (MutationObserver) and to the next frame, and the DOM mutations in between;
// - requests: fetches in flight and finished, by URL, so the benchmark knows when a decision has settled.
export function installProbes({ rows: expectedRows }) {
    const bench = {
        rowsVisibleAt: null,
        rowsInDocumentAt: null,
        rowCount: 0,
        expect: null,
        pending: null,
        decisions: [],
        inflight: 0,
        finished: []
    };
    window.__bench = bench;

    const originalFetch = window.fetch.bind(window);
    window.fetch = async (input, init) => {
        bench.inflight++;
        try {
            return await originalFetch(input, init);
        } finally {
            bench.inflight--;
            bench.finished.push(String(input?.url ?? input));
        }
    };

    const nextFrame = (callback) => requestAnimationFrame(() => setTimeout(callback, 0));

    window.addEventListener(
        'keydown',
        () => {
            if (bench.expect) bench.pending = { leadId: bench.expect, keydownAt: performance.now(), mutations: 0 };
        },
        true
    );

    const rowsIn = (node) => {
        if (node.nodeType !== Node.ELEMENT_NODE) return [];
        if (node.matches('tr[data-id]')) return [node];
        return node.querySelectorAll('tr[data-id]');
    };

    const observer = new MutationObserver((records) => {
        const pending = bench.pending;
        for (const record of records) {
            if (pending) pending.mutations++;
            for (const node of record.addedNodes) bench.rowCount += rowsIn(node).length;
            for (const node of record.removedNodes) {
                for (const row of rowsIn(node)) {
                    bench.rowCount--;
                    if (pending && !pending.removedAt && row.dataset.id === pending.leadId) {
                        pending.removedAt = performance.now();
                        nextFrame(() => {
                            pending.paintedAt = performance.now();
                            bench.decisions.push(pending);
                        });
                        bench.pending = null;
                        bench.expect = null;
                    }
                }
            }
        }
        if (bench.rowsInDocumentAt === null && bench.rowCount >= expectedRows) {
            bench.rowsInDocumentAt = performance.now();
            nextFrame(() => {
                bench.rowsVisibleAt = performance.now();
            });
        }
    });
    observer.observe(document, { childList: true, subtree: true, characterData: true, attributes: true });
}
