import { expect, it } from 'vitest';
import { describeEachDatabase } from '../support/harness.js';

/** The benchmark's bare-limit routes (src/server/http/bench-bare.ts) exist only when GROEIPAD_BENCH_BARE is set. */
describeEachDatabase('the benchmark bare limit, off by default', (h) => {
  it('has no bare-limit route in a normal install', async () => {
    const org = await h.createOrganisation();
    const c = await h.login(org.admin);
    const capture = await c.post('/api/bench/bare/me/capture', { method: 'GET', url: '/api/auth/me' });
    expect(capture.statusCode).toBe(404);
    expect((await c.get('/api/bench/bare/me')).statusCode).toBe(404);
    const paths = Object.keys((await c.get('/api/openapi.json')).json().paths);
    expect(paths.some((p) => p.includes('bench'))).toBe(false);
  });
});

describeEachDatabase(
  'the benchmark bare limit, on',
  (h) => {
    it('answers the captured bytes of a real endpoint behind the session and CSRF hooks', async () => {
      const org = await h.createOrganisation();
      const c = await h.login(org.admin);
      const capture = await c.post('/api/bench/bare/me/capture', { method: 'GET', url: '/api/auth/me' });
      expect(capture.statusCode, capture.body).toBe(200);
      const real = await c.get('/api/auth/me');
      const bare = await c.get('/api/bench/bare/me');
      expect(bare.statusCode).toBe(200);
      expect(bare.body).toBe(real.body);
      expect(bare.headers['content-type']).toBe(real.headers['content-type']);
      expect(bare.headers['cache-control']).toBe('no-store');

      // The same hooks as any API route: a session is needed, and a write needs the CSRF token.
      expect((await h.anonymous().get('/api/bench/bare/me')).statusCode).toBe(401);
      const withoutToken = await h.app.inject({
        method: 'PATCH',
        url: '/api/bench/bare/me',
        headers: { cookie: c.cookie ?? '' },
        payload: { version: 1 },
      });
      expect(withoutToken.statusCode).toBe(403);
      expect((await c.patch('/api/bench/bare/me', { version: 1 })).statusCode).toBe(200);
      expect((await c.get('/api/bench/bare/unknown')).statusCode).toBe(404);
    });
  },
  { env: { GROEIPAD_BENCH_BARE: '1' } },
);
