import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { expect, it } from 'vitest';
import {
  type PageRenderer,
  type PageState,
  pagePreloadsId,
  pageStateId,
} from '../../src/shared/page-render.js';
import * as entry from '../../src/web/entry-server.js';
import { describeEachDatabase, type Harness } from '../support/harness.js';

/**
 * Pages rendered by the server (decisions/0011): the web app's own server entry renders them with the answers the
 * API gives the visitor. A fake build in a temp folder stands for dist/web: its shell, a stylesheet, a script.
 */
const webRoot = mkdtempSync(join(tmpdir(), 'groeipad-pages-'));
const css = '.page{color:#096a62}';
const shell = `<!doctype html>
<html lang="nl-BE" data-mantine-color-scheme="light">
  <head>
    <title>Groeipad</title>
    <script type="module" crossorigin src="/assets/index-Ab12.js"></script>
    <link rel="stylesheet" crossorigin href="/assets/index-Cd34.css">
  </head>
  <body>
    <div id="root"></div>
  </body>
</html>
`;
mkdirSync(join(webRoot, 'assets'));
writeFileSync(join(webRoot, 'index.html'), shell);
writeFileSync(join(webRoot, 'assets/index-Cd34.css'), css);
writeFileSync(join(webRoot, 'assets/index-Ab12.js'), 'export {};\n');
// The build's manifest: the app's module, a shared chunk, the plan page with a chunk that has a stylesheet, and a
// page that is not rendered here.
const moduleCss = '.date{color:#123456}';
writeFileSync(join(webRoot, 'assets/date-field-Mn34.css'), moduleCss);
mkdirSync(join(webRoot, '.vite'));
writeFileSync(
  join(webRoot, '.vite/manifest.json'),
  JSON.stringify({
    'index.html': {
      file: 'assets/index-Ab12.js',
      isEntry: true,
      css: ['assets/index-Cd34.css'],
      dynamicImports: ['app/start.tsx'],
    },
    'app/start.tsx': { file: 'assets/start-Ef56.js', imports: ['index.html', '_shared-Gh78.js'] },
    '_shared-Gh78.js': { file: 'assets/shared-Gh78.js', imports: ['index.html'] },
    'features/plans/plan-page.tsx': {
      file: 'assets/plan-page-Ij90.js',
      imports: ['_shared-Gh78.js', '_date-field-Kl12.js'],
    },
    '_date-field-Kl12.js': { file: 'assets/date-field-Kl12.js', css: ['assets/date-field-Mn34.css'] },
    'features/team/my-team-page.tsx': { file: 'assets/my-team-page-Op56.js', imports: ['_shared-Gh78.js'] },
  }),
);

const MARKER = 'PRIVATE-MARKER-7f3a';
const HOSTILE = '</script><script>alert(1)</script><!--';

/** The state the page carries, read back as the browser's app reads it. */
function stateOf(html: string): PageState | null {
  const match = new RegExp(`<script type="application/json" id="${pageStateId}">(.*?)</script>`, 's').exec(
    html,
  );
  return match?.[1] ? (JSON.parse(match[1]) as PageState) : null;
}

/** The HTML the server rendered into the app's root element (the state beside it left out). */
function rootOf(html: string): string {
  const start = html.indexOf('<div id="root" inert>');
  const end = html.indexOf(`<script type="application/json" id="${pageStateId}">`);
  return start >= 0 && end > start ? html.slice(start, end) : '';
}

const dataOf = (state: PageState | null, key: string) =>
  state?.data.find((d) => JSON.stringify(d.key).includes(key))?.data;

const failing: PageRenderer = {
  prefetchesFor: entry.prefetchesFor,
  render: async () => {
    throw new Error('render failed');
  },
};

describeEachDatabase(
  'pages rendered by the server',
  (h) => {
    let setupDone = false;
    async function world() {
      if (!setupDone) {
        // Set-up has run: the app shows its pages instead of the set-up.
        await h.ctx.database.db
          .insertInto('install_state')
          .values({ key: 'setup', value: 'done', created_at: h.clock.now().toISOString() })
          .execute();
        setupDone = true;
      }
      const org = await h.createOrganisation();
      const team = await h.createTeam(org.id, { name: 'Woonbegeleiding' });
      const manager = await h.createPerson(org.id, {
        roles: ['employee', 'manager'],
        firstName: 'Katrien',
        lastName: 'Van den Broeck',
      });
      const employee = await h.createPerson(org.id, {
        managerId: manager.id,
        teamId: team.id,
        firstName: 'Zoë',
        lastName: 'Peeters',
      });
      const m = await h.login(manager);
      const e = await h.login(employee);
      const plan = (await m.post('/api/plans', { employeeId: employee.id })).json();
      const prep = (await e.get(`/api/plans/${plan.id}/preparations/mine`)).json();
      const first = prep.questions[0].id as string;
      expect(
        (
          await e.put(`/api/plans/${plan.id}/preparations/mine`, {
            answers: { [first]: MARKER },
            version: prep.version,
          })
        ).statusCode,
      ).toBe(200);
      expect((await m.post(`/api/plans/${plan.id}/goals`, { title: `Plannen ${HOSTILE}` })).statusCode).toBe(
        201,
      );
      return { org, manager, employee, m, e, plan };
    }

    it('renders a signed-in person’s plan page with the answers the API gives them, inert until hydrated', async () => {
      const { e, plan } = await world();
      const response = await e.get(`/plans/${plan.id}`);
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toMatch(/^text\/html/);
      expect(response.headers['cache-control']).toBe('private, no-store');
      expect(String(response.headers.vary)).toMatch(/cookie/);
      const html = response.body;
      // What the page shows, in Dutch, without the app's script having run.
      const root = rootOf(html);
      expect(root).toContain('Mijn POP');
      expect(root).toContain('Katrien Van den Broeck');
      expect(root).toContain('Woonbegeleiding');
      expect(root).toContain('Voorbereiding');
      // Her own preparation, unshared, is hers to see.
      expect(root).toContain(MARKER);
      // The stylesheet comes in the page.
      expect(html).toContain(`<style>${css}</style>`);
      // Its link stays, disabled (never fetched): the app's module loader finds it and does not load it again.
      expect(html).toContain('<link rel="stylesheet" crossorigin href="/assets/index-Cd34.css" disabled>');
      // So do the styles of the modules it rendered; no stylesheet is left to fetch.
      expect(html).toContain(
        `<style>${moduleCss}</style><link rel="stylesheet" crossorigin href="/assets/date-field-Mn34.css" disabled>`,
      );
      expect(html.match(/rel="stylesheet"[^>]*>/g)?.every((link) => link.endsWith(' disabled>'))).toBe(true);
      // The page names the code of the app and of every module it rendered, each once, for the browser to fetch
      // after it has painted the page: not the entry it has already, nor the pages it did not render.
      const template =
        new RegExp(`<template id="${pagePreloadsId}">(.*?)</template>`, 's').exec(html)?.[1] ?? '';
      expect(html.indexOf(template)).toBeGreaterThan(html.indexOf('</head>'));
      const preloads = [
        ...template.matchAll(/<link rel="modulepreload" crossorigin href="\/assets\/([^"]+)">/g),
      ].map((m) => m[1]);
      expect(template.replace(/<link [^>]*>/g, '')).toBe('');
      expect(preloads).toEqual(
        expect.arrayContaining([
          'start-Ef56.js',
          'shared-Gh78.js',
          'plan-page-Ij90.js',
          'date-field-Kl12.js',
        ]),
      );
      expect(new Set(preloads).size).toBe(preloads.length);
      expect(preloads).not.toContain('index-Ab12.js');
      expect(preloads).not.toContain('my-team-page-Op56.js');

      const state = stateOf(html);
      expect(state?.locale).toBe('nl-BE');
      // The browser loads the code of what was rendered before it hydrates: the frame, the plan page, its section.
      expect(state?.modules).toEqual(
        expect.arrayContaining([
          'app/app-layout',
          'features/plans/plan-page',
          'features/plans/preparation-tab',
        ]),
      );
      // In the order they rendered: the app loads them in turn, and a page's module knows its sections.
      const order = (key: string) => state?.modules.indexOf(key) ?? -1;
      expect(order('app/app-layout')).toBeLessThan(order('features/plans/plan-page'));
      expect(order('features/plans/plan-page')).toBeLessThan(order('features/plans/preparation-tab'));
      const api = (await e.get(`/api/plans/${plan.id}`)).json();
      expect(dataOf(state, plan.id)).toEqual(api);
      // The session's CSRF token is never in the page: the app asks for it before its first change.
      const me = dataOf(state, '"me"') as { csrfToken: string; person: { firstName: string } };
      expect(me.person.firstName).toBe('Zoë');
      expect(me.csrfToken).toBe('');
      expect(html).not.toContain(e.csrfToken as string);
    });

    it('shows the manager only what the API shows the manager: never an unshared preparation', async () => {
      const { m, plan } = await world();
      const html = (await m.get(`/plans/${plan.id}`)).body;
      expect(rootOf(html)).toContain('Zoë Peeters');
      expect(html).not.toContain(MARKER);
      expect(JSON.stringify(stateOf(html))).not.toContain(MARKER);
    });

    it('keeps text from the data inert in the page and in its state', async () => {
      const { m, plan } = await world();
      const html = (await m.get(`/plans/${plan.id}?tab=goals`)).body;
      expect(rootOf(html)).toContain('Plannen &lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;&lt;!--');
      expect(html).not.toContain(HOSTILE);
      expect(html.match(/<script/g)).toHaveLength(2); // the app's module and the JSON state
      expect(JSON.stringify(stateOf(html))).toContain(HOSTILE);
    });

    it('gives another organisation’s plan no data, and a person without a session the unrendered shell', async () => {
      const { plan } = await world();
      const outsider = await h.createOrganisation();
      const o = await h.login(outsider.admin);
      const html = (await o.get(`/plans/${plan.id}`)).body;
      expect(rootOf(html)).not.toBe('');
      expect(html).not.toContain('Zoë');
      expect(html).not.toContain(MARKER);
      expect(dataOf(stateOf(html), plan.id)).toBeUndefined();

      for (const url of [`/plans/${plan.id}`, '/login', '/']) {
        const anonymous = await h.anonymous().get(url);
        expect(anonymous.statusCode).toBe(200);
        expect(anonymous.body).toBe(shell);
        expect(anonymous.headers['cache-control']).toBe('no-cache');
      }
    });

    it('renders the page again once what it shows has changed', async () => {
      const { m, plan } = await world();
      const first = (await m.get(`/plans/${plan.id}?tab=goals`)).body;
      expect((await m.get(`/plans/${plan.id}?tab=goals`)).body).toBe(first);
      expect(
        (await m.post(`/api/plans/${plan.id}/goals`, { title: 'Coachen van nieuwe collega’s' })).statusCode,
      ).toBe(201);
      const after = (await m.get(`/plans/${plan.id}?tab=goals`)).body;
      expect(rootOf(first)).not.toContain('Coachen van nieuwe collega’s');
      expect(rootOf(after)).toContain('Coachen van nieuwe collega’s');
    });

    it('compresses the page for browsers that take gzip', async () => {
      const { e, plan } = await world();
      const response = await e.request({
        method: 'GET',
        url: `/plans/${plan.id}`,
        headers: { 'accept-encoding': 'gzip, br' },
      });
      expect(response.headers['content-encoding']).toBe('gzip');
      expect(rootOf(gunzipSync(response.rawPayload).toString())).toContain('Katrien Van den Broeck');
    });

    it('answers unknown API addresses as before', async () => {
      const { e } = await world();
      const response = await e.get('/api/nothing-here');
      expect(response.statusCode).toBe(404);
      expect(response.json().error.code).toBe('NOT_FOUND');
    });
  },
  { webRoot, pageRenderer: entry },
);

/** An installed Groeipad with an organisation, and its administrator signed in. */
async function signedInAdmin(h: Harness) {
  await h.ctx.database.db
    .insertInto('install_state')
    .values({ key: 'setup', value: 'done', created_at: h.clock.now().toISOString() })
    .execute();
  const org = await h.createOrganisation();
  return h.login(org.admin);
}

describeEachDatabase(
  'a page the server fails to render',
  (h) => {
    it('is sent as the shell: the browser builds it', async () => {
      const c = await signedInAdmin(h);
      const response = await c.get('/');
      expect(response.statusCode).toBe(200);
      expect(response.body).toBe(shell);
    });
  },
  { webRoot, pageRenderer: failing },
);

/** A build whose manifest cannot be read (cut short while a build writes it, say). */
const brokenRoot = mkdtempSync(join(tmpdir(), 'groeipad-pages-broken-'));
mkdirSync(join(brokenRoot, 'assets'));
mkdirSync(join(brokenRoot, '.vite'));
writeFileSync(join(brokenRoot, 'index.html'), shell);
writeFileSync(join(brokenRoot, 'assets/index-Cd34.css'), css);
writeFileSync(join(brokenRoot, '.vite/manifest.json'), '{"app/start.tsx": {"file": "assets/sta');

describeEachDatabase(
  'a page of a build whose manifest cannot be read',
  (h) => {
    it('is still rendered, naming no chunks', async () => {
      const c = await signedInAdmin(h);
      for (let i = 0; i < 2; i++) {
        const html = (await c.get('/')).body;
        expect(html).toContain('<div id="root" inert>');
        expect(html).toContain(`<template id="${pagePreloadsId}"></template>`);
        expect(html).toContain(`<style>${css}</style>`);
      }
    });
  },
  { webRoot: brokenRoot, pageRenderer: entry },
);
