// The portal's index: the contracts and AsyncAPI documents the gateway's /openapi index lists.
'use strict';
(function () {
  function el(tag, attrs, children) {
    const node = document.createElement(tag);
    Object.entries(attrs || {}).forEach(([k, v]) => node.setAttribute(k, v));
    (children || []).forEach((c) => node.append(c));
    return node;
  }
  function card(title, context, links) {
    return el('li', { 'data-context': context }, [
      el('h3', {}, [title]),
      el('p', {}, [el('span', { class: 'tag' }, [context])]),
      el('p', {}, links.flatMap((l, i) => (i ? [' · ', l] : [l]))),
    ]);
  }
  function link(href, text) {
    return el('a', { href: href }, [text]);
  }
  function fill(id, items) {
    const list = document.getElementById(id);
    list.replaceChildren(...items);
    list.setAttribute('aria-busy', 'false');
  }
  fetch('/openapi', { headers: { Accept: 'application/json' } })
    .then((r) => {
      if (!r.ok) throw new Error('the contract index answered ' + r.status);
      return r.json();
    })
    .then((index) => {
      fill(
        'contract-list',
        index.contracts.map((c) =>
          card(c.service, c.context, [
            link('reference.html?api=' + encodeURIComponent(c.context), 'Reference'),
            link(c.href, 'OpenAPI document'),
          ]),
        ),
      );
      fill(
        'asyncapi-list',
        index.asyncapi.map((c) =>
          card(c.service, c.context, [
            link('asyncapi.html?api=' + encodeURIComponent(c.context), 'Events'),
            link(c.href, 'AsyncAPI document'),
          ]),
        ),
      );
    })
    .catch((e) => {
      const p = el('p', { class: 'error' }, ['The contract index could not be read: ' + e.message]);
      document.getElementById('contract-list').replaceWith(p);
    });
})();
