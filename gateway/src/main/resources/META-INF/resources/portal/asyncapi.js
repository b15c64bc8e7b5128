// One service's AsyncAPI 3.0 document (?api=<context>, fetched through the gateway's
// /asyncapi/<context>) as a readable page: the channels (Kafka topics) with the operations on them,
// then each message with its headers, Kafka key and payload schema. The official AsyncAPI renderer
// is a React application; this page is plain DOM code, and js-yaml (vendored at build time) reads
// documents served as YAML.
'use strict';
(function () {
  const wanted = new URLSearchParams(window.location.search).get('api') || 'active-list';
  const root = document.getElementById('asyncapi');

  function el(tag, attrs, children) {
    const node = document.createElement(tag);
    Object.entries(attrs || {}).forEach(([k, v]) => node.setAttribute(k, v));
    (children || []).forEach((c) => c != null && node.append(c));
    return node;
  }
  const text = (tag, s, attrs) => el(tag, attrs, [String(s)]);

  // Local references (#/components/...) as JSON pointers; anything else is shown as the reference.
  function deref(doc, node, seen) {
    let current = node;
    const visited = seen || new Set();
    while (current && typeof current === 'object' && typeof current.$ref === 'string') {
      const ref = current.$ref;
      if (!ref.startsWith('#/') || visited.has(ref)) return { unresolved: ref };
      visited.add(ref);
      current = ref
        .slice(2)
        .split('/')
        .map((p) => decodeURIComponent(p.replace(/~1/g, '/').replace(/~0/g, '~')))
        .reduce((at, key) => (at == null ? undefined : at[key]), doc);
      if (current === undefined) return { unresolved: ref };
    }
    return current;
  }
  const refName = (node) =>
    node && typeof node.$ref === 'string' ? node.$ref.split('/').pop() : undefined;

  function typeOf(schema) {
    if (schema.unresolved) return schema.unresolved;
    if (schema.const !== undefined) return 'const ' + JSON.stringify(schema.const);
    const t = Array.isArray(schema.type) ? schema.type.join(' | ') : schema.type;
    if (t === 'array' && schema.items) return 'array';
    return t || (schema.oneOf ? 'one of' : schema.anyOf ? 'any of' : schema.allOf ? 'all of' : 'any');
  }
  function constraints(s) {
    const out = [];
    if (s.format) out.push('format: ' + s.format);
    if (s.enum) out.push('one of: ' + s.enum.map((v) => JSON.stringify(v)).join(', '));
    if (s.pattern) out.push('pattern: ' + s.pattern);
    ['minLength', 'maxLength', 'minimum', 'maximum', 'minItems', 'maxItems'].forEach((k) => {
      if (s[k] !== undefined) out.push(k + ': ' + s[k]);
    });
    return out.join('; ');
  }

  // allOf parts together: their properties and required lists add up (the envelope and the event).
  function mergeAllOf(doc, schema) {
    if (!schema.allOf) return schema;
    const merged = Object.assign({}, schema, { properties: {}, required: [] });
    delete merged.allOf;
    [schema, ...schema.allOf.map((part) => mergeAllOf(doc, deref(doc, part) || {}))].forEach((part) => {
      Object.entries(part).forEach(([k, v]) => {
        if (k === 'properties') Object.assign(merged.properties, v);
        else if (k === 'required') merged.required.push(...v);
        else if (k !== 'allOf' && merged[k] === undefined) merged[k] = v;
      });
    });
    return merged;
  }

  // One row per property, nested properties indented by their path.
  function schemaRows(doc, node, path, required, rows, depth, seen) {
    const schema = deref(doc, node, new Set(seen)) || {};
    const name = path || '(payload)';
    const merged = mergeAllOf(doc, schema);
    const props = merged.properties || {};
    const reqd = new Set(merged.required || []);
    rows.push(
      el('tr', {}, [
        el('td', { class: 'name' }, [
          name,
          required ? el('span', { class: 'req' }, [' required']) : null,
        ]),
        text('td', typeOf(merged) + (refName(node) ? ' (' + refName(node) + ')' : ''), { class: 'type' }),
        el('td', {}, [
          [merged.title, merged.description].filter(Boolean).join(' — '),
          constraints(merged) ? el('div', {}, [el('code', {}, [constraints(merged)])]) : null,
        ]),
      ]),
    );
    if (depth > 8 || (node && node.$ref && seen.has(node.$ref))) return;
    const nextSeen = new Set(seen);
    if (node && node.$ref) nextSeen.add(node.$ref);
    Object.entries(props).forEach(([k, v]) =>
      schemaRows(doc, v, path ? path + '.' + k : k, reqd.has(k), rows, depth + 1, nextSeen),
    );
    if (merged.items) schemaRows(doc, merged.items, name + '[]', false, rows, depth + 1, nextSeen);
    (merged.oneOf || merged.anyOf || []).forEach((alt, i) =>
      schemaRows(doc, alt, name + ' (option ' + (i + 1) + ')', false, rows, depth + 1, nextSeen),
    );
  }
  function schemaTable(doc, node) {
    const rows = [];
    schemaRows(doc, node, '', false, rows, 0, new Set());
    return el('table', { class: 'schema' }, [
      el('thead', {}, [el('tr', {}, [text('th', 'Field'), text('th', 'Type'), text('th', 'Meaning')])]),
      el('tbody', {}, rows),
    ]);
  }

  function kafkaBinding(bindings) {
    const k = bindings && bindings.kafka;
    if (!k) return null;
    const parts = [];
    if (k.topic) parts.push('topic ' + k.topic);
    if (k.partitions) parts.push(k.partitions + ' partitions');
    if (k.replicas) parts.push(k.replicas + ' replicas');
    if (k.groupId) parts.push('consumer group ' + JSON.stringify(k.groupId.const || k.groupId.enum || k.groupId));
    return parts.length ? text('p', 'Kafka: ' + parts.join(', ')) : null;
  }

  function messageId(doc, ref, fallback) {
    const m = deref(doc, ref) || {};
    return m.name || refName(ref) || fallback;
  }

  function render(doc) {
    if (!doc || typeof doc !== 'object' || !doc.asyncapi) {
      throw new Error('the document is not an AsyncAPI document');
    }
    const info = doc.info || {};
    const channels = doc.channels || {};
    const operations = Object.entries(doc.operations || {});
    const messages = Object.entries((doc.components && doc.components.messages) || {});
    const parts = [
      el('h1', {}, [info.title || wanted, ' ', el('span', { class: 'tag' }, ['AsyncAPI ' + doc.asyncapi]), ' ', el('span', { class: 'tag' }, ['v' + (info.version || '?')])]),
      info.description ? text('p', info.description) : null,
      text('h2', 'Channels and operations', { id: 'channels' }),
    ];
    Object.entries(channels).forEach(([id, ch0]) => {
      const ch = deref(doc, ch0) || {};
      // A served document has its references inlined: an operation's channel is then a copy.
      const ops = operations.filter(
        ([, op]) =>
          op.channel &&
          (op.channel.$ref === '#/channels/' + id ||
            (op.channel.address !== undefined && op.channel.address === ch.address)),
      );
      const msgs = Object.entries(ch.messages || {});
      parts.push(
        el('section', { class: 'channel', id: 'channel-' + id, 'data-channel': id }, [
          el('header', {}, [el('h3', {}, [el('code', {}, [ch.address || id])])]),
          el('div', {}, [
            ch.description || ch.summary ? text('p', ch.description || ch.summary) : null,
            kafkaBinding(ch.bindings),
            ...ops.map(([opId, op]) =>
              el('p', { class: 'operation', 'data-operation': opId }, [
                el('span', { class: 'op ' + op.action }, [op.action === 'send' ? 'PUBLISH' : 'CONSUME']),
                el('strong', {}, [opId]),
                op.summary || op.description ? ' — ' + (op.summary || op.description) : '',
              ]),
            ),
            msgs.length
              ? el('p', {}, [
                  'Messages: ',
                  ...msgs.flatMap(([key, ref], i) => {
                    const name = messageId(doc, ref, key);
                    return [i ? ', ' : '', el('a', { href: '#message-' + encodeURIComponent(name) }, [name])];
                  }),
                ])
              : null,
          ]),
        ]),
      );
    });
    parts.push(text('h2', 'Messages', { id: 'messages' }));
    // The document's own messages, then those its channels name from elsewhere (consumed events).
    const shown = new Set(messages.map(([key, m]) => (deref(doc, m) || {}).name || key));
    Object.values(channels).forEach((ch) =>
      Object.entries((deref(doc, ch) || {}).messages || {}).forEach(([key, m]) => {
        const name = (deref(doc, m) || {}).name || key;
        if (!shown.has(name)) {
          shown.add(name);
          messages.push([key, m]);
        }
      }),
    );
    messages.forEach(([key, m0]) => {
      const m = deref(doc, m0) || {};
      const name = m.name || key;
      const keySchema = m.bindings && m.bindings.kafka && m.bindings.kafka.key;
      parts.push(
        el('section', { class: 'message', id: 'message-' + name, 'data-message': name }, [
          el('header', {}, [el('h3', {}, [m.title || name, ' ', el('code', {}, [name])])]),
          el('div', {}, [
            m.summary ? text('p', m.summary) : null,
            m.description ? text('p', m.description) : null,
            m.contentType ? el('p', {}, ['Content type: ', el('code', {}, [m.contentType])]) : null,
            keySchema ? text('h4', 'Kafka key') : null,
            keySchema ? schemaTable(doc, keySchema) : null,
            m.headers ? text('h4', 'Headers') : null,
            m.headers ? schemaTable(doc, m.headers) : null,
            m.payload ? text('h4', 'Payload') : null,
            m.payload ? schemaTable(doc, m.payload.schema && m.payload.schemaFormat ? m.payload.schema : m.payload) : null,
          ]),
        ]),
      );
    });
    parts.push(
      el('details', { class: 'raw' }, [text('summary', 'The whole document'), text('pre', JSON.stringify(doc, null, 2))]),
    );
    root.replaceChildren(...parts);
    root.setAttribute('aria-busy', 'false');
    document.title = (info.title || wanted) + ' events — RISS Platform API portal';
  }

  fetch('/openapi', { headers: { Accept: 'application/json' } })
    .then((r) => r.json())
    .then((index) => {
      const docs = document.getElementById('docs');
      index.asyncapi.forEach((c) => {
        const a = el('a', { href: 'asyncapi.html?api=' + encodeURIComponent(c.context) }, [c.service]);
        if (c.context === wanted) a.setAttribute('aria-current', 'page');
        docs.append(a);
      });
      const entry = index.asyncapi.find((c) => c.context === wanted);
      if (!entry) throw new Error('no AsyncAPI document named ' + wanted);
      return fetch(entry.href, { headers: { Accept: 'application/yaml, application/json' } });
    })
    .then((r) => {
      if (!r.ok) throw new Error('the document answered ' + r.status);
      return r.text();
    })
    // JSON is YAML too, so one parser reads either form the service serves.
    .then((body) => render(window.jsyaml.load(body)))
    .catch((e) => {
      root.replaceChildren(text('p', 'The AsyncAPI document could not be shown: ' + e.message, { class: 'error' }));
      root.setAttribute('aria-busy', 'false');
    });
})();
