// One OpenAPI contract (?api=<context>, from the gateway's /openapi index) rendered by Scalar's
// API reference, vendored at build time. Everything stays on this origin: no fonts, telemetry,
// proxy or hosted services of Scalar's; "Test Request" calls this gateway, with the bearer token
// pasted under Authentication (kept in this tab only).
'use strict';
(function () {
  const wanted = new URLSearchParams(window.location.search).get('api') || 'active-list';
  const apis = document.getElementById('apis');

  fetch('/openapi', { headers: { Accept: 'application/json' } })
    .then((r) => {
      if (!r.ok) throw new Error('the contract index answered ' + r.status);
      return r.json();
    })
    .then((index) => {
      index.contracts.forEach((c) => {
        const a = document.createElement('a');
        a.href = 'reference.html?api=' + encodeURIComponent(c.context);
        a.textContent = c.context;
        if (c.context === wanted) a.setAttribute('aria-current', 'page');
        apis.append(' ', a);
      });
      const contract = index.contracts.find((c) => c.context === wanted);
      if (!contract) throw new Error('no contract named ' + wanted);
      document.title = contract.service + ' — RISS Platform API portal';
      window.Scalar.createApiReference('#reference', {
        url: contract.href,
        // Calls go to this gateway, whatever the document's servers say.
        servers: [{ url: window.location.origin, description: 'This gateway' }],
        baseServerURL: window.location.origin,
        authentication: { preferredSecurityScheme: 'bearer' },
        persistAuth: false,
        withDefaultFonts: false,
        telemetry: false,
        hideDarkModeToggle: true,
        showDeveloperTools: 'never',
        mcp: { disabled: true },
        agent: { disabled: true },
        documentDownloadType: 'direct',
      });
    })
    .catch((e) => {
      const p = document.createElement('p');
      p.className = 'error';
      p.textContent = 'The contract could not be shown: ' + e.message;
      document.getElementById('reference').replaceWith(p);
    });
})();
