// Autosave of drafts (the text stays on the server, never in browser storage: it is PHI). While someone types
// in a watched form, the focused field is committed after a short pause, or at the latest a few seconds after
// the first keystroke, and the server is asked to save the draft. Everything else (selects, chips, radios)
// reaches the server on its own and the server saves it the same way.
window.admissionsDrafts = (() => {
    const watchers = new WeakMap();

    function watch(container, dotNetRef, pauseMs, maxWaitMs) {
        if (!container || watchers.has(container)) return;
        let pauseTimer = null;
        let firstUnsaved = null;

        const flush = () => {
            clearTimeout(pauseTimer);
            pauseTimer = null;
            firstUnsaved = null;
            if (container.contains(document.activeElement)) {
                window.admissionsKeys.commitFocusedField();
            }
            dotNetRef.invokeMethodAsync("Flush").catch(() => { });
        };

        const onInput = () => {
            const now = Date.now();
            firstUnsaved ??= now;
            clearTimeout(pauseTimer);
            const wait = Math.max(0, Math.min(pauseMs, firstUnsaved + maxWaitMs - now));
            pauseTimer = setTimeout(flush, wait);
        };

        container.addEventListener("input", onInput, true);
        watchers.set(container, { onInput, cancel: () => clearTimeout(pauseTimer) });
    }

    function unwatch(container) {
        const watcher = container && watchers.get(container);
        if (!watcher) return;
        container.removeEventListener("input", watcher.onInput, true);
        watcher.cancel();
        watchers.delete(container);
    }

    return { watch, unwatch };
})();
