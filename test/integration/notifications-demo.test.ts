import { expect, it } from 'vitest';
import { demoPassword } from '../../src/server/demo/demo-data.js';
import { seedDemoIfEmpty } from '../../src/server/demo/index.js';
import { createJobRunner } from '../../src/server/jobs/runner.js';
import { describeEachDatabase } from '../support/harness.js';

const login = (local: string) => ({ email: `${local}@debrug.example`, password: demoPassword });
const allowedParams = new Set([
  'other',
  'role',
  'at',
  'date',
  'deadline',
  'missing',
  'sequence',
  'approvedAt',
  'periodStart',
  'periodEnd',
  'year',
]);

describeEachDatabase('the demo organisation’s reminders', (h) => {
  it('shows notifications from the demo plans, with the organisation’s mandatory emails and Katrien’s digest', async () => {
    h.clock.set('2026-11-22T09:00:00.000Z');
    expect(await seedDemoIfEmpty(h.ctx)).not.toBeNull();
    const katrien = await h.login(login('katrien.vandenbroeck'));
    const zoe = await h.login(login('zoe.peeters'));
    const admin = await h.login(login('annelies.goossens'));

    expect((await admin.get('/api/admin/notification-settings')).json().mandatoryKinds).toEqual([
      'conversation_invitation',
      'conversation_tomorrow',
    ]);
    const prefs = (await katrien.get('/api/notifications/preferences')).json().items;
    expect(
      prefs.filter((p: { mode: string }) => p.mode === 'digest').map((p: { kind: string }) => p.kind),
    ).toEqual(['cycle_started', 'action_overdue', 'evaluation_due']);

    // Katrien leads Anaïs's conversation in twelve days: the invitation and the preparation reminder are there.
    const mine = (await katrien.get('/api/notifications')).json();
    expect(mine.unread).toBeGreaterThan(0);
    const about = (kind: string, other: string) =>
      mine.items.some(
        (n: { kind: string; params: { other?: string } }) => n.kind === kind && n.params.other === other,
      );
    expect(about('conversation_invitation', 'Anaïs Vermeulen')).toBe(true);
    expect(about('preparation_due', 'Anaïs Vermeulen')).toBe(true);
    // Zoë waited for Katrien's approval of version 2 of her POP earlier this month (read since).
    const hers = (await zoe.get('/api/notifications')).json();
    expect(hers.items).toMatchObject([
      { kind: 'approval_waiting', params: { other: 'Katrien Van den Broeck' }, readAt: expect.any(String) },
    ]);
    for (const item of [...mine.items, ...hers.items])
      for (const key of Object.keys(item.params)) expect(allowedParams.has(key), key).toBe(true);

    // The runner sends this week's reminders once; Katrien's digest kinds wait for Monday.
    await createJobRunner(h.ctx, { intervalSeconds: 0 }).runOnce();
    const sent = h.smtp.messages.length;
    expect(sent).toBeGreaterThan(0);
    expect(
      h.smtp.messages.some((m) => m.subject.startsWith('Uitnodiging: POP-gesprek met Anaïs Vermeulen')),
    ).toBe(true);
    await createJobRunner(h.ctx, { intervalSeconds: 0 }).runOnce();
    expect(h.smtp.messages.length).toBe(sent);
  });
});
