// HIPAA automatic logoff. After Security:IdleTimeoutMinutes without typing, clicking or scrolling the person is signed
// out; two minutes before, "Still there?" offers to stay signed in. Typing counts as activity (a call can run 15 minutes
// without a click). Activity is shared by every tab of the app (localStorage holds only a time), so a tab left in the
// background does not sign out a tab in use. While the person works the browser pings the server once a minute, which
// keeps the server-side session alive; the server ends an idle session on its own a little after the browser would.
// Before signing out, open pages get a moment to save drafts: the Blazor layout's BeforeSignOut, and any callback
// registered with admissionsIdle.beforeSignOut(async () => ...).
window.admissionsIdle = (() => {
    const storageKey = "admissions.lastActivity";
    const warningLead = 2 * 60 * 1000;
    const pingEvery = 60 * 1000;
    const flushLimit = 6000;
    let lastPing = Date.now();
    let lastWrite = 0;
    let signingOut = false;
    let dotnet = null;
    const callbacks = [];

    const form = () => document.getElementById("idle-logout");
    const limit = () => Number(form()?.dataset.idleMinutes || 15) * 60 * 1000;
    const lastActivity = () => Number(localStorage.getItem(storageKey) || 0);

    function markActive() {
        const now = Date.now();
        if (now - lastWrite > 1000) {
            lastWrite = now;
            localStorage.setItem(storageKey, String(now));
        }
        hideWarning();
    }

    function here() { return location.pathname + location.search; }

    async function flush() {
        window.dispatchEvent(new CustomEvent("admissions:before-signout"));
        const work = callbacks.map(c => Promise.resolve().then(c).catch(() => { }));
        if (dotnet) work.push(dotnet.invokeMethodAsync("BeforeSignOut").catch(() => { }));
        await Promise.race([Promise.all(work), new Promise(r => setTimeout(r, flushLimit))]);
    }

    async function signOut(reason) {
        if (signingOut) return;
        signingOut = true;
        hideWarning();
        await flush();
        const f = form();
        if (!f) { window.location.href = "/account/login"; return; }
        f.querySelector("input[name=reason]").value = reason || "signedout";
        f.querySelector("input[name=returnUrl]").value = reason === "idle" ? here() : "";
        f.submit();
    }

    async function ping() {
        lastPing = Date.now();
        try {
            const response = await fetch("/account/keepalive", { credentials: "same-origin", redirect: "manual" });
            if (response.type === "opaqueredirect" || response.status === 401) {
                // The server ended the session (signed out elsewhere, disabled, lifetime reached).
                signingOut = true;
                window.location.href = "/account/login?reason=ended&returnUrl=" + encodeURIComponent(here());
            }
        } catch {
            // Offline for a moment: the next ping tries again.
        }
    }

    let warning = null;
    function showWarning(remaining) {
        if (!warning) {
            warning = document.createElement("div");
            warning.className = "idle-warning";
            warning.setAttribute("role", "alertdialog");
            warning.setAttribute("aria-modal", "true");
            warning.setAttribute("aria-labelledby", "idle-warning-title");
            warning.setAttribute("aria-describedby", "idle-warning-text");
            warning.innerHTML =
                '<div class="idle-warning-card" data-testid="idle-warning">' +
                '<h2 id="idle-warning-title">Still there?</h2>' +
                '<p id="idle-warning-text">For patients\' privacy you will be signed out in <b data-idle-countdown></b> because nothing was typed or clicked.</p>' +
                '<button type="button" class="idle-warning-stay" data-testid="idle-stay">Stay signed in</button></div>';
            warning.querySelector("button").addEventListener("click", () => { markActive(); ping(); });
            document.body.appendChild(warning);
        }
        const seconds = Math.max(0, Math.ceil(remaining / 1000));
        warning.querySelector("[data-idle-countdown]").textContent = Math.floor(seconds / 60) + ":" + String(seconds % 60).padStart(2, "0");
        if (warning.hidden !== false) {
            warning.hidden = false;
            warning.querySelector("button").focus();
        }
    }

    function hideWarning() {
        if (warning && !warning.hidden) warning.hidden = true;
    }

    function tick() {
        if (!form() || signingOut) return;
        const now = Date.now();
        const idle = now - lastActivity();
        if (idle >= limit()) { signOut("idle"); return; }
        if (idle >= limit() - warningLead) showWarning(limit() - idle); else hideWarning();
        if (lastActivity() > lastPing && now - lastPing > pingEvery) ping();
    }

    ["keydown", "input", "mousedown", "pointerdown", "mousemove", "wheel", "scroll", "touchstart"].forEach(e =>
        window.addEventListener(e, markActive, { passive: true, capture: true }));
    // Another tab was used: this one is not idle either.
    window.addEventListener("storage", e => { if (e.key === storageKey) hideWarning(); });
    // Opening a page is activity (the server counted the request too).
    localStorage.setItem(storageKey, String(Date.now()));
    setInterval(tick, 1000);

    return {
        signOut,
        beforeSignOut: callback => { callbacks.push(callback); },
        connect: reference => { dotnet = reference; },
        disconnect: () => { dotnet = null; },
    };
})();
