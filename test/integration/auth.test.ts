import { expect, it } from 'vitest';
import { describeEachDatabase } from '../support/harness.js';

describeEachDatabase('auth and set-up', (h) => {
  it('answers health with the database in use', async () => {
    const res = await h.anonymous().get('/api/health');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', database: h.dialect, version: expect.any(String) });
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    const missing = await h.anonymous().get('/api/no-such-route');
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['content-security-policy']).toMatch(/frame-ancestors 'none'/);
    expect(missing.headers['x-frame-options']).toBe('SAMEORIGIN');
  });

  it('runs the first set-up once, signing the admin in', async () => {
    const client = h.anonymous();
    expect((await client.get('/api/setup')).json()).toEqual({ needsSetup: true, demo: false });
    const body = {
      organisation: { name: 'vzw De Brug', country: 'BE' },
      admin: { firstName: 'Zoë', lastName: 'Peeters', email: 'zoe@debrug.be', password: 'Lang-genoeg-2026' },
    };
    const res = await client.post('/api/setup', body);
    expect(res.statusCode).toBe(201);
    expect(res.json().person.roles).toContain('admin');
    expect((await client.get('/api/auth/me')).statusCode).toBe(200);
    const again = await h
      .anonymous()
      .post('/api/setup', { ...body, admin: { ...body.admin, email: 'x@y.be' } });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('SETUP_ALREADY_DONE');
  });

  it('signs in, rotates the session and signs out', async () => {
    const org = await h.createOrganisation();
    const client = await h.login(org.admin);
    const first = client.cookie;
    await client.post('/api/auth/login', { email: org.admin.email, password: org.admin.password });
    expect(client.cookie).not.toBe(first);
    const stale = h.anonymous();
    stale.cookie = first;
    expect((await stale.get('/api/auth/me')).statusCode).toBe(401);
    expect((await client.post('/api/auth/logout')).statusCode).toBe(200);
    expect((await client.get('/api/auth/me')).statusCode).toBe(401);
  });

  it('refuses state changes without the CSRF token', async () => {
    const org = await h.createOrganisation();
    const client = await h.login(org.admin);
    client.csrfToken = 'wrong';
    const res = await client.post('/api/auth/logout');
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('CSRF_FAILED');
  });

  it('answers bad input with 422 and the field at fault, in Dutch by default', async () => {
    const res = await h
      .anonymous()
      .post('/api/auth/login', { email: 'not-an-email', password: '', extra: 1 });
    expect(res.statusCode).toBe(422);
    const { error } = res.json();
    expect(error.fields.map((f: { path: string }) => f.path).sort()).toEqual(['email', 'extra', 'password']);
    expect(error.message).toMatch(/velden/);
  });
});

describeEachDatabase('sessions, passwords and throttling', (h) => {
  it('sets an HttpOnly SameSite=Lax cookie, not Secure over http', async () => {
    const org = await h.createOrganisation();
    const res = await h
      .anonymous()
      .post('/api/auth/login', { email: org.admin.email, password: org.admin.password });
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).not.toMatch(/Secure/);
    expect(res.headers['content-security-policy']).toMatch(/default-src 'self'/);
    expect(res.headers['referrer-policy']).toBe('same-origin');
    expect(res.headers['strict-transport-security']).toBeUndefined();
  });

  it('ends a session after 30 idle minutes and after 12 hours in all', async () => {
    const org = await h.createOrganisation();
    const client = await h.login(org.admin);
    h.clock.advance(29 * 60_000);
    expect((await client.get('/api/auth/me')).statusCode).toBe(200);
    h.clock.advance(29 * 60_000);
    expect((await client.get('/api/auth/me')).statusCode).toBe(200);
    h.clock.advance(31 * 60_000);
    expect((await client.get('/api/auth/me')).statusCode).toBe(401);

    const busy = await h.login(org.admin);
    for (let i = 0; i < 26; i++) {
      h.clock.advance(29 * 60_000);
      const res = await busy.get('/api/auth/me');
      expect(res.statusCode).toBe(i < 24 ? 200 : 401);
      if (res.statusCode === 401) break;
    }
  });

  it('throttles sign-in per account with 429 and Retry-After, without telling whether the account exists', async () => {
    const org = await h.createOrganisation();
    const anonymous = h.anonymous();
    for (let i = 0; i < 5; i++) {
      const res = await anonymous.post('/api/auth/login', {
        email: org.admin.email,
        password: `wrong-${i}-password`,
      });
      expect(res.statusCode).toBe(401);
      expect(res.json().error.message).toBe('E-mailadres of wachtwoord klopt niet.');
    }
    const blocked = await anonymous.post('/api/auth/login', {
      email: org.admin.email,
      password: org.admin.password,
    });
    expect(blocked.statusCode).toBe(429);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    h.clock.advance(16 * 60_000);
    expect(
      (await anonymous.post('/api/auth/login', { email: org.admin.email, password: org.admin.password }))
        .statusCode,
    ).toBe(200);

    const unknown = await anonymous.post('/api/auth/login', {
      email: 'nobody@example.org',
      password: 'whatever-123',
    });
    expect(unknown.statusCode).toBe(401);
    expect(unknown.json().error.message).toBe('E-mailadres of wachtwoord klopt niet.');
  });

  it('throttles sign-in per IP address across accounts', async () => {
    const client = h.anonymous();
    client.headers['x-forwarded-for'] = '203.0.113.9';
    let last = 0;
    for (let i = 0; i < 31; i++) {
      last = (
        await h.app.inject({
          method: 'POST',
          url: '/api/auth/login',
          remoteAddress: '203.0.113.9',
          payload: { email: `x${i}@example.org`, password: 'wrong-password' },
        })
      ).statusCode;
    }
    expect(last).toBe(429);
    h.clock.advance(16 * 60_000);
  });

  it('resets a password through the emailed link, once, ending other sessions', async () => {
    const org = await h.createOrganisation();
    const other = await h.login(org.admin);
    h.smtp.clear();
    const res = await h
      .anonymous()
      .post('/api/auth/password-reset', { email: org.admin.email.toUpperCase() });
    expect(res.statusCode).toBe(202);
    const [mail] = await h.smtp.waitFor(1);
    expect(mail!.to).toEqual([org.admin.email]);
    expect(mail!.subject).toBe('Nieuw wachtwoord voor Groeipad');
    const token = /reset-password\/([A-Za-z0-9_-]+)/.exec(mail!.text)?.[1];
    expect(token).toBeDefined();
    expect(mail!.html).toContain(`reset-password/${token}`);

    const info = await h.anonymous().get(`/api/auth/tokens/${token}`);
    expect(info.json()).toMatchObject({ purpose: 'reset', firstName: 'Ada' });

    const common = await h.anonymous().post('/api/auth/tokens', { token, password: 'password123' });
    expect(common.statusCode).toBe(422);
    expect(common.json().error.fields[0]).toMatchObject({ path: 'password', code: 'common_password' });

    const fresh = h.anonymous();
    expect((await fresh.post('/api/auth/tokens', { token, password: 'Nieuw-wachtwoord-7' })).statusCode).toBe(
      200,
    );
    expect((await fresh.get('/api/auth/me')).statusCode).toBe(200);
    expect((await other.get('/api/auth/me')).statusCode).toBe(401);
    expect(
      (await h.anonymous().post('/api/auth/tokens', { token, password: 'Nog-een-ander-8' })).statusCode,
    ).toBe(410);
    expect(
      (
        await h
          .anonymous()
          .post('/api/auth/login', { email: org.admin.email, password: 'Nieuw-wachtwoord-7' })
      ).statusCode,
    ).toBe(200);
  });

  it('answers a reset request for an unknown address the same way and sends nothing', async () => {
    h.smtp.clear();
    const res = await h.anonymous().post('/api/auth/password-reset', { email: 'unknown@example.org' });
    expect(res.statusCode).toBe(202);
    await new Promise((r) => setTimeout(r, 100));
    expect(h.smtp.messages).toHaveLength(0);
  });

  it('expires reset links', async () => {
    const org = await h.createOrganisation();
    h.smtp.clear();
    await h.anonymous().post('/api/auth/password-reset', { email: org.admin.email });
    const [mail] = await h.smtp.waitFor(1);
    const token = /reset-password\/([A-Za-z0-9_-]+)/.exec(mail!.text)?.[1];
    h.clock.advance(61 * 60_000);
    const res = await h.anonymous().get(`/api/auth/tokens/${token}`);
    expect(res.statusCode).toBe(410);
    expect(res.json().error.code).toBe('TOKEN_INVALID');
  });

  it('changes the own password: the current one is checked, other sessions end', async () => {
    const org = await h.createOrganisation();
    const client = await h.login(org.admin);
    const other = await h.login(org.admin);
    const wrong = await client.post('/api/auth/password', {
      currentPassword: 'nope-nope',
      newPassword: 'Heel-nieuw-2026',
    });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().error.fields[0].path).toBe('currentPassword');
    const tooShort = await client.post('/api/auth/password', {
      currentPassword: org.admin.password,
      newPassword: 'kort',
    });
    expect(tooShort.json().error.fields[0]).toMatchObject({ path: 'newPassword', code: 'too_short' });
    const ok = await client.post('/api/auth/password', {
      currentPassword: org.admin.password,
      newPassword: 'Heel-nieuw-2026',
    });
    expect(ok.statusCode).toBe(200);
    expect((await client.get('/api/auth/me')).statusCode).toBe(200);
    expect((await other.get('/api/auth/me')).statusCode).toBe(401);
  });

  it('answers in English when the person chose English', async () => {
    const org = await h.createOrganisation();
    const client = await h.login(org.admin);
    expect((await client.patch('/api/auth/me', { locale: 'en' })).json().person.locale).toBe('en');
    const res = await client.patch('/api/auth/me', { locale: 'fr' });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.message).toBe('Some fields are not filled in correctly.');
    const anon = await h.app.inject({
      method: 'GET',
      url: '/api/auth/me',
      headers: { 'accept-language': 'en-GB,en;q=0.9' },
    });
    expect(anon.json().error.message).toBe('You are not signed in (any more).');
  });

  it('refuses cross-site sign-in attempts and non-JSON bodies', async () => {
    const org = await h.createOrganisation();
    const crossSite = await h.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { origin: 'https://evil.example' },
      payload: { email: org.admin.email, password: org.admin.password },
    });
    expect(crossSite.statusCode).toBe(403);
    const form = await h.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: `email=${encodeURIComponent(org.admin.email)}&password=x`,
    });
    expect(form.statusCode).toBe(415);
    const broken = await h.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"email":',
    });
    expect(broken.statusCode).toBe(400);
    expect(broken.json().error.code).toBe('BAD_REQUEST');
  });
});

describeEachDatabase(
  'behind https',
  (h) => {
    it('marks the cookie Secure with the __Host- prefix and sends HSTS', async () => {
      const org = await h.createOrganisation();
      const res = await h
        .anonymous()
        .post('/api/auth/login', { email: org.admin.email, password: org.admin.password });
      expect(res.statusCode).toBe(200);
      const cookie = String(res.headers['set-cookie']);
      expect(cookie).toMatch(/^__Host-groeipad_session=/);
      expect(cookie).toMatch(/Secure/);
      expect(cookie).toMatch(/Path=\//);
      expect(res.headers['strict-transport-security']).toMatch(/max-age=31536000/);
      const client = await h.login(org.admin);
      expect((await client.get('/api/auth/me')).statusCode).toBe(200);
    });
  },
  { env: { PUBLIC_URL: 'https://pop.example.org' } },
);
