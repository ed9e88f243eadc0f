import type { NotificationItem } from '../../../shared/contracts/notifications.js';
import { isNotificationKind } from '../../../shared/notifications/kinds.js';
import type { NotificationRow } from '../../db/schema.js';

const parseParams = (json: string): Record<string, string | number> => {
  try {
    const value = JSON.parse(json) as unknown;
    if (!value || typeof value !== 'object' || Array.isArray(value)) return {};
    return Object.fromEntries(
      Object.entries(value).filter((entry): entry is [string, string | number] =>
        ['string', 'number'].includes(typeof entry[1]),
      ),
    );
  } catch {
    return {};
  }
};

/** Rows of kinds this version no longer knows are left out rather than failing the list. */
export function presentNotifications(rows: readonly NotificationRow[]): NotificationItem[] {
  return rows.flatMap((row) =>
    isNotificationKind(row.kind)
      ? [
          {
            id: row.id,
            kind: row.kind,
            planId: row.plan_id,
            params: parseParams(row.params),
            link: row.link,
            createdAt: row.created_at,
            readAt: row.read_at,
          },
        ]
      : [],
  );
}
