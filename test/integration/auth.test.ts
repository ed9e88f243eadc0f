import { expect, it } from 'vitest';
import { describeEachDatabase } from '../support/harness.js';

describeEachDatabase('auth and set-up', (h) => {
  it('answers health with the database in use', async () => {
    const res = await h.anonymous().get('/api/health');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', database: h.dialect, version: expect.any(String) });
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
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
