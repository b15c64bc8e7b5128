// Builds the generated part of the API portal into the gateway's static resources, at build time
// (gateway/pom.xml runs it after tools/node/ensure):
//   - vendor/: the renderers from tools/node/node_modules, as the lock file pins them, with their
//     licences (Scalar's standalone API reference; js-yaml for the AsyncAPI page), so the portal
//     needs no CDN and works with no internet;
//   - problems.html: the problem types page, rendered from problems.yaml (its one source).
// Usage: node build.mjs <tools/node dir> <output dir>
import { createRequire } from 'node:module';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const [toolsDir, outDir] = process.argv.slice(2);
if (!toolsDir || !outDir) {
  console.error('usage: node build.mjs <tools/node dir> <output dir>');
  process.exit(2);
}
const here = dirname(fileURLToPath(import.meta.url));
const tools = resolve(toolsDir);
const require = createRequire(join(tools, 'package.json'));
const yaml = require('js-yaml');

function vendor(pkg, files, to) {
  // Straight from node_modules: package exports may hide package.json and dist files.
  const root = join(tools, 'node_modules', pkg);
  mkdirSync(join(outDir, 'vendor', to), { recursive: true });
  for (const f of files) {
    copyFileSync(join(root, f), join(outDir, 'vendor', to, f.split('/').pop()));
  }
  if (existsSync(join(root, 'LICENSE'))) {
    copyFileSync(join(root, 'LICENSE'), join(outDir, 'vendor', to, 'LICENSE'));
  }
  const meta = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  writeFileSync(join(outDir, 'vendor', to, 'VERSION'), `${pkg} ${meta.version} (${meta.license})\n`);
}
vendor('@scalar/api-reference', ['dist/browser/standalone.js'], 'scalar');
vendor('js-yaml', ['dist/js-yaml.min.js'], 'js-yaml');

const escape = (s) =>
  String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);

const catalogue = yaml.load(readFileSync(join(here, 'problems.yaml'), 'utf8'));
const kinds = Object.entries(catalogue.kinds).sort(([a], [b]) => a.localeCompare(b));
const base = 'https://riss.example/problems/';
const byStatus = new Map();
for (const [kind, k] of kinds) {
  if (!byStatus.has(k.status)) byStatus.set(k.status, []);
  byStatus.get(k.status).push([kind, k]);
}
const statuses = [...byStatus.keys()].sort((a, b) => a - b);
const rows = statuses
  .map(
    (status) => `
  <section class="status" id="status-${status}">
    <h2>${status}</h2>
    <dl class="problems">${byStatus
      .get(status)
      .map(
        ([kind, k]) => `
      <dt id="${escape(kind)}"><code>${escape(base + kind)}</code> <span class="title">${escape(k.title)}</span>
        <span class="services">${k.services.map((s) => `<span class="tag">${escape(s)}</span>`).join(' ')}</span></dt>
      <dd><p class="meaning">${escape(k.meaning)}</p><p class="action"><strong>What to do:</strong> ${escape(k.action)}</p></dd>`,
      )
      .join('')}
    </dl>
  </section>`,
  )
  .join('');
const page = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Problem types — RISS Platform API portal</title>
  <link rel="icon" href="favicon.svg" type="image/svg+xml">
  <link rel="stylesheet" href="portal.css">
</head>
<body>
  <header class="bar"><a href="./" class="home">RISS Platform API portal</a>
    <nav><a href="./#contracts">OpenAPI</a> <a href="./#events">AsyncAPI</a> <a href="problems.html" aria-current="page">Problem types</a></nav></header>
  <main>
    <h1>Problem types</h1>
    <p>Every error of the services and the gateway is an <code>application/problem+json</code> body
      (RFC 9457) whose <code>type</code> is one of the ${kinds.length} URIs below. Dispatch on
      <code>type</code>, not on <code>title</code> or <code>detail</code>; <code>violations</code>
      names each field at fault; quote <code>requestId</code> when reporting a problem.</p>
    <nav class="statuses">${statuses.map((s) => `<a href="#status-${s}">${s}</a>`).join(' ')}</nav>${rows}
  </main>
</body>
</html>
`;
writeFileSync(join(outDir, 'problems.html'), page);
writeFileSync(join(outDir, 'problems.json'), JSON.stringify({ kinds: catalogue.kinds }, null, 2) + '\n');
