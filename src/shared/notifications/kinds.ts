/**
 * What Groeipad reminds people of. Each kind is an email (instant, in the weekly digest, or off, as the person
 * chooses unless the organisation made it mandatory) and an in-app notification.
 */
export const notificationKinds = [
  'cycle_started',
  'preparation_due',
  'exchange_deadline',
  'conversation_invitation',
  'conversation_cancelled',
  'conversation_tomorrow',
  'approval_waiting',
  'follow_up_due',
  'action_overdue',
  'evaluation_due',
  'training_balance',
] as const;
export type NotificationKind = (typeof notificationKinds)[number];

export const deliveryModes = ['instant', 'digest', 'off'] as const;
export type DeliveryMode = (typeof deliveryModes)[number];

export interface KindInfo {
  /** Who can receive it: the parties of a POP, or HR. */
  audience: 'party' | 'hr';
  /** Time-bound messages (an invitation, "tomorrow") make no sense a week later in a digest. */
  digestAllowed: boolean;
}

export const kindInfo: Record<NotificationKind, KindInfo> = {
  cycle_started: { audience: 'party', digestAllowed: true },
  preparation_due: { audience: 'party', digestAllowed: true },
  exchange_deadline: { audience: 'party', digestAllowed: false },
  conversation_invitation: { audience: 'party', digestAllowed: false },
  conversation_cancelled: { audience: 'party', digestAllowed: false },
  conversation_tomorrow: { audience: 'party', digestAllowed: false },
  approval_waiting: { audience: 'party', digestAllowed: true },
  follow_up_due: { audience: 'party', digestAllowed: false },
  action_overdue: { audience: 'party', digestAllowed: true },
  evaluation_due: { audience: 'party', digestAllowed: true },
  training_balance: { audience: 'hr', digestAllowed: true },
};

export const isNotificationKind = (value: unknown): value is NotificationKind =>
  typeof value === 'string' && (notificationKinds as readonly string[]).includes(value);

/**
 * How a person receives a kind by email. A mandatory kind is always sent at once; a digest choice for a kind that
 * cannot wait falls back to instant. In-app notifications appear whatever the choice.
 */
export function effectiveMode(
  kind: NotificationKind,
  chosen: DeliveryMode | undefined,
  mandatory: readonly NotificationKind[],
): DeliveryMode {
  if (mandatory.includes(kind)) return 'instant';
  const mode = chosen ?? 'instant';
  return mode === 'digest' && !kindInfo[kind].digestAllowed ? 'instant' : mode;
}

/** The modes a person may pick for a kind. */
export function modesFor(kind: NotificationKind, mandatory: readonly NotificationKind[]): DeliveryMode[] {
  if (mandatory.includes(kind)) return ['instant'];
  return kindInfo[kind].digestAllowed ? ['instant', 'digest', 'off'] : ['instant', 'off'];
}
