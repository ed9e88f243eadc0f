import { expect, it } from 'vitest';
import { describeEachDatabase } from '../support/harness.js';

/**
 * No answer leaves before the database says the commits it may reflect are on disk (decisions/0008): on SQLite the
 * log is flushed for a group of commits after they ran; on PostgreSQL every commit is durable when it returns.
 */
describeEachDatabase('answers wait for durable commits', (h) => {
  async function savedGoal() {
    const org = await h.createOrganisation();
    const manager = await h.createPerson(org.id, { roles: ['employee', 'manager'] });
    const employee = await h.createPerson(org.id, { managerId: manager.id });
    const m = await h.login(manager);
    const plan = (await m.post('/api/plans', { employeeId: employee.id })).json();
    const goal = (await m.post(`/api/plans/${plan.id}/goals`, { title: 'Beter plannen' })).json();
    return { m, goal };
  }

  it('holds the answer to a save until the commit is on disk', async () => {
    const { m, goal } = await savedGoal();
    const original = h.ctx.database.whenDurable;
    let release = () => {};
    h.ctx.database.whenDurable = () => new Promise<void>((resolve) => (release = resolve));
    try {
      let answered = false;
      const saving = m.patch(`/api/goals/${goal.id}`, {
        title: 'Beter plannen en opvolgen',
        version: goal.version,
      });
      void saving.then(() => {
        answered = true;
      });
      await new Promise((r) => setTimeout(r, 100));
      expect(answered).toBe(false);
      release();
      const saved = await saving;
      expect(saved.statusCode).toBe(200);
      expect(saved.json().title).toBe('Beter plannen en opvolgen');
    } finally {
      h.ctx.database.whenDurable = original;
    }
  });

  it('answers an error, and never that the save succeeded, when the disk cannot confirm it', async () => {
    const { m, goal } = await savedGoal();
    const original = h.ctx.database.whenDurable;
    h.ctx.database.whenDurable = () => Promise.reject(new Error('the write-ahead log could not be flushed'));
    try {
      const saved = await m.patch(`/api/goals/${goal.id}`, {
        title: 'Nooit bevestigd',
        version: goal.version,
      });
      expect(saved.statusCode).toBe(500);
      expect(saved.json().error.code).toBe('INTERNAL');
      expect(saved.body).not.toContain('Nooit bevestigd');
    } finally {
      h.ctx.database.whenDurable = original;
    }
  });
});
