import fc from 'fast-check';
import { expect, it } from 'vitest';
import { describeEachDatabase } from '../support/harness.js';
import { type Operation, operations } from '../support/openapi.js';

/**
 * Abuse limits: request bodies are size-limited, CSV imports are size- and type-checked, sign-in and password reset
 * are throttled, and exports and PDFs are rate-limited per person. Every refusal answers the error body in the
 * person's language, with Retry-After where waiting helps.
 */
const EXPORTS_PER_MINUTE = 3;

/** Export and PDF downloads in the OpenAPI document: every one of them must carry the per-person limit. */
const isExportRoute = (op: Operation) =>
  op.method === 'GET' &&
  /\/exports?\b|\/export\.|\.(csv|xlsx|pdf|json)$/.test(op.path) &&
  !op.path.includes('{');

/** A query string with a plausible value for every required parameter. */
function requiredQuery(op: Operation): string {
  const pairs = op.query
    .filter((q) => q.required)
    .map((q) => {
      const s = q.schema as { enum?: unknown[]; pattern?: string; minimum?: number; type?: string };
      const value =
        s.enum?.[0] ??
        (s.pattern
          ? fc.sample(fc.stringMatching(new RegExp(s.pattern)), { numRuns: 1, seed: 1 })[0]
          : undefined) ??
        (q.name === 'year' ? 2026 : (s.minimum ?? 1));
      return `${q.name}=${encodeURIComponent(String(value))}`;
    });
  return pairs.length > 0 ? `?${pairs.join('&')}` : '';
}

const csvPeople = 'Voornaam;Naam;E-mail\nZoë;Peeters;zoe.peeters@example.org\n';

describeEachDatabase(
  'abuse limits',
  (h) => {
    it('refuses a too-large request body with 413 and the error body, in the person’s language', async () => {
      const org = await h.createOrganisation();
      const dutch = await h.login(org.admin);
      const englishPerson = await h.createPerson(org.id, { roles: ['employee', 'manager'] });
      const english = await h.login(englishPerson);
      expect((await english.patch('/api/auth/me', { locale: 'en' })).statusCode).toBe(200);
      const huge = { text: 'x'.repeat(3 * 1024 * 1024 + 10) };
      for (const [client, message] of [
        [dutch, 'De gegevens zijn te groot.'],
        [english, 'The data is too large.'],
      ] as const) {
        const res = await client.request({
          method: 'POST',
          url: `/api/plans/${crypto.randomUUID()}/talking-points`,
          payload: JSON.stringify(huge),
          headers: { 'content-type': 'application/json' },
        });
        expect(res.statusCode).toBe(413);
        expect(res.json().error).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', message });
        expect(res.json().error.requestId).toBeTruthy();
      }
      // Anonymous: the browser's language decides.
      const anonymous = await h.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        headers: { 'content-type': 'application/json', 'accept-language': 'en-GB,en;q=0.9' },
        payload: JSON.stringify({ email: 'a@b.be', password: 'x'.repeat(4 * 1024 * 1024) }),
      });
      expect(anonymous.statusCode).toBe(413);
      expect(anonymous.json().error.message).toBe('The data is too large.');
    });

    it('refuses a CSV import that is too large (413) or not a CSV file (415), with a clear Dutch message', async () => {
      const org = await h.createOrganisation();
      const admin = await h.login(org.admin);
      const big = `${csvPeople}${'Jan;Janssens;jan@example.org\n'.repeat(70_000)}`;
      expect(big.length).toBeGreaterThan(2_000_000);
      for (const url of [
        '/api/people/import/preview',
        '/api/people/import',
        '/api/competencies/import/preview',
        '/api/competencies/import',
      ]) {
        const tooLarge = await admin.post(url, { filename: 'mensen.csv', content: big });
        expect(tooLarge.statusCode, url).toBe(413);
        expect(tooLarge.json().error).toMatchObject({
          code: 'PAYLOAD_TOO_LARGE',
          message: expect.stringContaining('hoogstens 2 MB'),
        });
        for (const file of [
          { filename: 'mensen.xlsx', content: csvPeople },
          { filename: 'mensen.csv', content: 'PK\u0003\u0004\u0014\u0000\u0006\u0000\b\u0000' },
          { filename: 'mensen.csv', content: '%PDF-1.7\n%\uFFFD\uFFFD' },
        ]) {
          const refused = await admin.post(url, file);
          expect(refused.statusCode, `${url} ${file.filename}`).toBe(415);
          expect(refused.json().error).toMatchObject({
            code: 'UNSUPPORTED_MEDIA_TYPE',
            message: expect.stringContaining('geen CSV-bestand'),
          });
        }
      }
      // Nothing was imported; a real CSV file still previews.
      const people = (await admin.get('/api/people?status=all')).json();
      expect(people.total).toBe(1);
      expect(
        (await admin.post('/api/people/import/preview', { filename: 'mensen.csv', content: csvPeople }))
          .statusCode,
      ).toBe(200);
    });

    it('throttles sign-in per account and per address with 429, Retry-After and a Dutch message', async () => {
      const org = await h.createOrganisation();
      const anonymous = h.anonymous();
      for (let i = 0; i < 5; i++)
        await anonymous.post('/api/auth/login', { email: org.admin.email, password: `wrong-${i}-password` });
      const blocked = await anonymous.post('/api/auth/login', {
        email: org.admin.email,
        password: org.admin.password,
      });
      expect(blocked.statusCode).toBe(429);
      const wait = Number(blocked.headers['retry-after']);
      expect(wait).toBeGreaterThan(0);
      expect(wait).toBeLessThanOrEqual(15 * 60);
      expect(blocked.json().error).toMatchObject({
        code: 'RATE_LIMITED',
        retryAfterSeconds: wait,
        message: `Te veel pogingen. Probeer opnieuw binnen ${wait} seconden.`,
      });
      let last = 0;
      for (let i = 0; i < 31; i++) {
        const res = await h.app.inject({
          method: 'POST',
          url: '/api/auth/login',
          remoteAddress: '198.51.100.7',
          payload: { email: `iemand${i}@example.org`, password: 'wrong-password' },
        });
        last = res.statusCode;
        if (last === 429) expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
      }
      expect(last).toBe(429);
      h.clock.advance(16 * 60_000);
    });

    it('throttles password-reset requests per address (429 + Retry-After) and per account (no more emails)', async () => {
      const org = await h.createOrganisation();
      h.smtp.clear();
      const ask = () =>
        h.app.inject({
          method: 'POST',
          url: '/api/auth/password-reset',
          remoteAddress: '198.51.100.8',
          payload: { email: org.admin.email },
        });
      const statuses: number[] = [];
      for (let i = 0; i < 21; i++) statuses.push((await ask()).statusCode);
      expect(statuses.slice(0, 20).every((s) => s === 202)).toBe(true);
      const blocked = await ask();
      expect(blocked.statusCode).toBe(429);
      expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
      expect(blocked.json().error.code).toBe('RATE_LIMITED');
      // Per account: the same answer every time, but only the first three requests of the hour send an email.
      await h.smtp.waitFor(3);
      await new Promise((r) => setTimeout(r, 100));
      expect(h.smtp.messages.filter((m) => m.to.includes(org.admin.email))).toHaveLength(3);
      h.clock.advance(61 * 60_000);
    });

    it('limits exports and PDFs per person: 429 with Retry-After and a Dutch message on every export route', async () => {
      const doc = (await h.anonymous().get('/api/openapi.json')).json();
      const exports = operations(doc).filter(isExportRoute);
      expect(exports.length).toBeGreaterThan(0);
      const org = await h.createOrganisation();
      const hr = await h.login(org.admin);
      const colleague = await h.login(await h.createPerson(org.id, { roles: ['employee', 'hr'] }));
      const first = exports[0]!;
      for (let i = 0; i < EXPORTS_PER_MINUTE; i++) {
        const ok = await hr.get(`${first.path}${requiredQuery(first)}`);
        expect(ok.statusCode, `${first.path}: ${ok.body.slice(0, 200)}`).toBeLessThan(400);
      }
      // The bucket is shared by every export route: switching routes does not get around it.
      for (const op of exports) {
        const url = `${op.path}${requiredQuery(op)}`;
        const limited = await hr.get(url);
        expect(limited.statusCode, `${url} is not rate-limited: ${limited.body.slice(0, 200)}`).toBe(429);
        const wait = Number(limited.headers['retry-after']);
        expect(wait).toBeGreaterThan(0);
        expect(wait).toBeLessThanOrEqual(60);
        expect(limited.json().error).toMatchObject({
          code: 'RATE_LIMITED',
          retryAfterSeconds: wait,
          message: `Je vroeg veel exports of pdf’s kort na elkaar. Probeer opnieuw binnen ${wait} seconden.`,
        });
      }
      // Another person has a bucket of their own; a bad request costs nothing.
      expect((await colleague.get(`${first.path}${requiredQuery(first)}`)).statusCode).toBeLessThan(400);
      // Time refills the bucket.
      h.clock.advance(60_000);
      const hrAgain = await h.login(org.admin);
      expect((await hrAgain.get(`${first.path}${requiredQuery(first)}`)).statusCode).toBeLessThan(400);
    });

    it('does not rate-limit ordinary reads', async () => {
      const org = await h.createOrganisation();
      const hr = await h.login(org.admin);
      for (let i = 0; i < 3 * EXPORTS_PER_MINUTE; i++)
        expect((await hr.get('/api/plans')).statusCode).toBe(200);
    });
  },
  { env: { EXPORTS_PER_MINUTE: String(EXPORTS_PER_MINUTE) } },
);
