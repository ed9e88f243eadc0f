import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { describeEachDatabase } from '../support/harness.js';

describeEachDatabase('outbox', (h) => {
  it('shows the beheerder the emails of the organisation, newest first', async () => {
    const org = await h.createOrganisation();
    const other = await h.createOrganisation();
    const admin = await h.login(org.admin);
    const first = (
      await admin.post('/api/people', {
        firstName: 'Een',
        lastName: 'A',
        email: 'een@outbox.example',
        invite: true,
      })
    ).json();
    h.clock.advance(1000);
    await admin.post('/api/people', {
      firstName: 'Twee',
      lastName: 'B',
      email: 'twee@outbox.example',
      invite: true,
    });
    const otherAdmin = await h.login(other.admin);
    await otherAdmin.post('/api/people', {
      firstName: 'Drie',
      lastName: 'C',
      email: 'drie@outbox.example',
      invite: true,
    });

    const res = await admin.get('/api/admin/outbox');
    expect(res.statusCode).toBe(200);
    const items = res.json().items;
    expect(items.map((i: { to: string }) => i.to)).toEqual(['twee@outbox.example', 'een@outbox.example']);
    expect(items[1]).toMatchObject({
      kind: 'invitation',
      subject: expect.stringContaining('Uitnodiging'),
      text: expect.stringContaining('/welcome/'),
      status: 'sent',
      attempts: 1,
      lastError: null,
      createdAt: first.invitedAt,
      sentAt: expect.any(String),
    });
  });

  it('keeps the last 200 and refuses everyone but the beheerder', async () => {
    const org = await h.createOrganisation();
    const now = Date.parse(h.clock.now().toISOString());
    await h.ctx.database.db
      .insertInto('emails')
      .values(
        Array.from({ length: 205 }, (_, i) => ({
          id: randomUUID(),
          organisation_id: org.id,
          kind: 'invitation',
          to_address: `p${i}@outbox.example`,
          subject: `Mail ${i}`,
          text_body: 'tekst',
          html_body: '<p>tekst</p>',
          status: 'logged',
          last_error: null,
          created_at: new Date(now + i * 1000).toISOString(),
          sent_at: null,
        })),
      )
      .execute();
    const items = (await (await h.login(org.admin)).get('/api/admin/outbox')).json().items;
    expect(items).toHaveLength(200);
    expect(items[0].subject).toBe('Mail 204');
    expect(items[199].subject).toBe('Mail 5');

    const hr = await h.login(await h.createPerson(org.id, { roles: ['employee', 'hr'] }));
    expect((await hr.get('/api/admin/outbox')).statusCode).toBe(403);
    const employee = await h.login(await h.createPerson(org.id));
    expect((await employee.get('/api/admin/outbox')).statusCode).toBe(403);
    expect((await h.anonymous().get('/api/admin/outbox')).statusCode).toBe(401);
  });
});
