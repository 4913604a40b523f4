// HIPAA automatic logoff: sign out after a period without keyboard or mouse activity,
// and keep the sliding session cookie fresh while the person is working.
window.admissionsIdle = (() => {
    let lastActivity = Date.now();
    let lastPing = Date.now();
    const form = () => document.getElementById("idle-logout");

    function signOut(reason) {
        const f = form();
        if (!f) { window.location.href = "/account/login"; return; }
        f.querySelector("input[name=reason]").value = reason || "signedout";
        f.submit();
    }

    function tick() {
        const f = form();
        if (!f) return;
        const minutes = Number(f.dataset.idleMinutes || 15);
        const now = Date.now();
        if (now - lastActivity > minutes * 60000) {
            signOut("idle");
            return;
        }
        if (lastActivity > lastPing && now - lastPing > 60000) {
            lastPing = now;
            fetch("/account/keepalive", { credentials: "same-origin" });
        }
    }

    ["mousemove", "mousedown", "keydown", "scroll", "touchstart"].forEach(e =>
        window.addEventListener(e, () => { lastActivity = Date.now(); }, { passive: true }));
    setInterval(tick, 15000);
    return { signOut };
})();
