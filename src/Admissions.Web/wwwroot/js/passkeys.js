// Passkeys (WebAuthn) through ASP.NET Core Identity: the server makes the options and checks the answers; the
// browser only talks to the authenticator. Needs a secure context: https, or http://localhost (not an IP address).
window.admissionsPasskeys = (() => {
    const token = () => document.querySelector("input[name=__RequestVerificationToken]")?.value ?? "";

    async function options(url) {
        const response = await fetch(url, { method: "POST", credentials: "same-origin", headers: { RequestVerificationToken: token() } });
        if (!response.ok) throw new Error("The server did not start the passkey request (" + response.status + ").");
        return await response.json();
    }

    function supported() {
        return window.PublicKeyCredential && PublicKeyCredential.parseCreationOptionsFromJSON && window.isSecureContext;
    }

    const unsupported = "This browser cannot use passkeys here. Passkeys need https (or http://localhost).";

    async function register(name) {
        if (!supported()) return unsupported;
        try {
            const json = await options("/account/passkey/creation-options");
            const credential = await navigator.credentials.create({ publicKey: PublicKeyCredential.parseCreationOptionsFromJSON(json) });
            const response = await fetch("/account/passkey/register", {
                method: "POST", credentials: "same-origin",
                headers: { "Content-Type": "application/json", RequestVerificationToken: token() },
                body: JSON.stringify({ credential: JSON.stringify(credential), name }),
            });
            return response.ok ? null : (await response.text()) || "The passkey was not saved.";
        } catch (e) {
            return e.name === "NotAllowedError" ? "The passkey was not created (cancelled or timed out)." : (e.message || String(e));
        }
    }

    async function signIn() {
        const error = document.getElementById("passkey-error");
        if (!supported()) { if (error) error.textContent = unsupported; return; }
        try {
            const json = await options("/account/passkey/request-options");
            const credential = await navigator.credentials.get({ publicKey: PublicKeyCredential.parseRequestOptionsFromJSON(json) });
            const form = document.getElementById("passkey-sign-in");
            form.querySelector("input[name=credential]").value = JSON.stringify(credential);
            // fetch rather than form.submit(): the app's Referrer-Policy (no-referrer) makes a form post say
            // "Origin: null", and the server checks the passkey against the request's origin.
            const response = await fetch(form.action, { method: "POST", credentials: "same-origin", body: new FormData(form) });
            if (!response.ok) throw new Error("The server did not answer the passkey sign-in (" + response.status + ").");
            window.location.assign((await response.json()).url);
        } catch (e) {
            if (error) error.textContent = e.name === "NotAllowedError" ? "No passkey was used (cancelled or timed out)." : (e.message || String(e));
        }
    }

    // No inline handler (the Content-Security-Policy refuses them): one listener for the sign-in page's button,
    // which enhanced navigation may render after this script ran.
    document.addEventListener("click", e => {
        if (e.target instanceof Element && e.target.closest("[data-testid=passkey-sign-in]")) {
            signIn();
        }
    });

    return { register, signIn };
})();
