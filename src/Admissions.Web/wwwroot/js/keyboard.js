// Keyboard shortcuts that work the same on every page.
window.admissionsKeys = (() => {
    const isTextEntry = el => !!el && (el.tagName === "TEXTAREA"
        || (el.tagName === "INPUT" && !["checkbox", "radio", "button", "submit"].includes(el.type))
        || el.isContentEditable);

    // MudBlazor text fields tell the server what was typed on "change" (blur), or on "input" when immediate. Ctrl+Enter
    // submits without a blur, so the focused field's whole text is sent first, both ways (an immediate field ignores
    // "change"); this listener runs before Blazor's own (capture, on window), and Blazor sends the events in order.
    // Under load the server can still reach the save before the field's own handler has caught up, so the save asks
    // again (AdmissionsComponent.CommitTypingAsync) and gets back the text the browser holds.
    function commitFocusedField() {
        const el = document.activeElement;
        if (!isTextEntry(el) || el.isContentEditable) {
            return null;
        }

        el.dispatchEvent(new Event("input", { bubbles: true }));
        el.dispatchEvent(new Event("change", { bubbles: true }));
        return el.value;
    }

    // Focuses the chosen (or first) answer of a questionnaire item, so the next number key answers it.
    function focusAnswer(item) {
        const input = item.querySelector("input[type=radio]:checked") || item.querySelector("input[type=radio]");
        if (input) {
            input.focus({ preventScroll: true });
            item.scrollIntoView({ block: "nearest" });
        }
    }

    window.addEventListener("keydown", e => {
        if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
            commitFocusedField();
            return;
        }

        // Questionnaires: a number key answers the focused item (on the server) and focus moves on to the next item
        // at once, so a coordinator can key in a whole PHQ-9 without waiting for each answer to come back.
        const item = e.target instanceof Element ? e.target.closest("[data-answers]") : null;
        if (item && /^[0-9]$/.test(e.key) && !e.ctrlKey && !e.metaKey && !e.altKey
            && item.dataset.answers.split(",").includes(e.key)) {
            const items = [...document.querySelectorAll("[data-answers]")];
            const next = items[items.indexOf(item) + 1];
            // Now, not later: the event keeps its target (the item answered) and the next key already lands on the next item.
            if (next) {
                focusAnswer(next);
            }
            return;
        }

        // "/" anywhere outside a text field goes to the global search.
        if (e.key === "/" && !e.ctrlKey && !e.metaKey && !e.altKey && !isTextEntry(document.activeElement)) {
            const search = document.querySelector("[data-global-search] input");
            if (search) {
                e.preventDefault();
                search.focus();
                search.select();
            }
        }
    }, true);

    return {
        commitFocusedField,

        // Puts the cursor in a form's first field when it opens, unless the person is already in a field: on a busy server
        // the request can arrive after they have moved on, and would carry their typing into the wrong field. (The link
        // or button that opened the page keeps focus; that is not typing.)
        focusIfIdle(selector) {
            const active = document.activeElement;
            if (isTextEntry(active) || active?.tagName === "SELECT") return false;
            const field = document.querySelector(selector);
            field?.focus();
            return !!field;
        },

        // Focuses a questionnaire item the server just showed (a follow-up question).
        focusItem(testId) {
            const item = document.querySelector(`[data-testid="${testId}"]`);
            if (item) focusAnswer(item);
        },
    };
})();
