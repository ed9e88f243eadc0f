import type { notificationsNlBE } from './notifications.nl-be.js';

/** Strings of one area (en): Calendar, reminders and notifications. */
export const notificationsEn: typeof notificationsNlBE = {
  errors: {
    NOTIFICATION_MANDATORY:
      'Your organisation made this email mandatory: you always receive it at once. It cannot be turned off or bundled.',
    NOTIFICATION_NO_DIGEST: 'This email cannot wait for the weekly digest: choose "at once" or "off".',
    NOTIFICATION_NOT_FOR_YOU: 'This email is for HR only.',
    CALENDAR_NO_EVENT: 'No date has been planned for this moment (yet).',
    CALENDAR_PARTIES_ONLY: 'Calendar entries of a POP are for the employee and the manager only.',
    OUTBOX_NOT_RETRYABLE: 'This email is not waiting for another attempt.',
  },
  email: {
    notifications: {
      greeting: 'Hello {{name}},',
      footer:
        'Groeipad: personal development plans for {{organisation}}. Choose which emails you receive on your profile page in Groeipad.',
      cycle_started: {
        subject: 'Your POP cycle with {{other}} has started',
        body: 'A new POP cycle is open for the period {{periodStart}} – {{periodEnd}}. You can fill in your preparation now; it stays private until you share it.',
        action: 'Open your preparation',
      },
      preparation_due: {
        subject: 'Prepare your POP conversation with {{other}}',
        body: 'Your POP conversation is planned for {{when}}. Share your preparation and talking points by {{deadline}}, a week before the conversation, so you both have time to read them.',
        action: 'Go to your preparation',
      },
      exchange_deadline: {
        subject: 'Today you exchange the preparation for the POP conversation with {{other}}',
        body: 'The POP conversation is on {{when}}. Today, a week ahead, you share your preparation and talking points.',
        missing: {
          you: 'You have not shared your preparation yet.',
          other: '{{other}} has not shared the preparation yet.',
          both: 'Neither of you has shared the preparation yet.',
        },
        action: 'Go to the preparation',
      },
      conversation_invitation: {
        subject: 'Invitation: POP conversation with {{other}} on {{when}}',
        body: 'The POP conversation with {{other}} is planned for {{when}}. The invitation is attached to this email as a calendar entry.',
        subjectChanged: 'Changed: POP conversation with {{other}} on {{when}}',
        bodyChanged:
          'The POP conversation with {{other}} moved to {{when}}. The calendar entry attached to this email updates your calendar.',
        action: 'Open the POP',
      },
      conversation_cancelled: {
        subject: 'Cancelled: POP conversation with {{other}} on {{when}}',
        body: 'The POP conversation with {{other}} on {{when}} will not take place. The calendar entry attached to this email removes it from your calendar.',
        action: 'Open the POP',
      },
      conversation_tomorrow: {
        subject: 'Tomorrow: POP conversation with {{other}}',
        body: 'Your POP conversation with {{other}} is tomorrow, {{when}}. Read the shared preparation and talking points beforehand.',
        action: 'Open the POP',
      },
      approval_waiting: {
        subject: 'The POP waits for your approval',
        body: '{{other}} approved the POP on {{date}}. Read it and approve it too, or say what you see differently.',
        action: 'Go to the POP',
      },
      follow_up_due: {
        subject: 'Tomorrow: follow-up with {{other}}',
        body: 'Tomorrow, {{date}}, a follow-up of your POP is planned. How is it going? What could go faster, and does anything need adjusting?',
        action: 'Go to the follow-up',
      },
      action_overdue: {
        subject: 'An action in your POP waits for an update',
        body: 'The date of an action in your POP ({{date}}) has passed, and the action had no update since. Update its status, or agree a new timing with {{other}}.',
        action: 'Go to the execution',
      },
      evaluation_due: {
        subject: 'Evaluation of your POP with {{other}} on {{date}}',
        body: 'The evaluation of your POP is planned for {{date}}. Were the development goals reached? What did the learning mean for your work and your career?',
        action: 'Open the POP',
      },
      training_balance: {
        subject: 'Training right {{year}}: send the balance statements',
        body: 'Every employee hears at least once a year how many training days are still open. The statements for {{year}} have not been sent yet.',
        action: 'Go to the training right',
      },
      digest: {
        subject: 'Your weekly Groeipad digest',
        intro: 'This is waiting for you in Groeipad this week:',
        action: 'Open Groeipad',
      },
      calendar: {
        name: 'Groeipad – {{name}}',
        conversation: 'POP conversation with {{other}}',
        follow_up: 'POP follow-up with {{other}}',
        evaluation: 'POP evaluation with {{other}}',
        description: 'Open the POP in Groeipad: {{url}}',
      },
    },
  },
  web: {
    bell: {
      label: 'Notifications',
      unread_one: 'Notifications, {{count}} unread',
      unread_other: 'Notifications, {{count}} unread',
    },
    page: {
      title: 'Notifications',
      intro:
        'Reminders and news about your POP: a new cycle, the preparation, the conversation, approvals, follow-up and evaluation.',
      markAllRead: 'Mark all read',
      markRead: 'Read',
      markReadNamed: 'Mark "{{title}}" as read',
      allRead: 'All notifications are read.',
      empty: 'No notifications yet. As soon as there is something to do in your POP, it appears here.',
      emptyUnread: 'No unread notifications.',
      filterLabel: 'Which notifications',
      filters: { all: 'All', unread: 'Unread' },
      unread: 'Unread',
      open: 'Open',
      more: 'Show more',
      listLabel: 'Notifications, newest first',
      preferences: 'Which emails do I get?',
    },
    kinds: {
      cycle_started: {
        label: 'A new POP cycle has started',
        title: 'New POP cycle with {{other}} ({{periodStart}} – {{periodEnd}})',
      },
      preparation_due: {
        label: 'Preparation: time to prepare',
        title: 'Prepare your POP conversation with {{other}}: share by {{deadline}}',
      },
      exchange_deadline: {
        label: 'Exchange the preparations (a week before the conversation)',
        title: 'Exchange the preparations with {{other}}: by {{deadline}}',
      },
      conversation_invitation: {
        label: 'Invitation to the POP conversation (calendar entry)',
        title: 'POP conversation with {{other}} planned for {{when}}',
      },
      conversation_cancelled: {
        label: 'The POP conversation is cancelled',
        title: 'POP conversation with {{other}} on {{when}} cancelled',
      },
      conversation_tomorrow: {
        label: 'The POP conversation is tomorrow',
        title: 'Reminder: POP conversation with {{other}} on {{when}}',
      },
      approval_waiting: {
        label: 'The POP waits for your approval',
        title: 'Approval asked: {{other}} approved the POP on {{date}}',
      },
      follow_up_due: {
        label: 'A follow-up is coming up',
        title: 'Reminder: follow-up with {{other}} on {{date}}',
      },
      action_overdue: {
        label: 'An action had no update after its date',
        title: 'An action dated {{date}} waits for an update',
      },
      evaluation_due: {
        label: 'The evaluation is coming up',
        title: 'Evaluation of your POP with {{other}} on {{date}}',
      },
      training_balance: {
        label: 'Yearly training right balance statements (HR)',
        title: 'Training right {{year}}: send the balance statements',
      },
    },
    missing: {
      you: 'At that moment you had not shared yet.',
      other: 'At that moment {{other}} had not shared yet.',
      both: 'At that moment neither of you had shared yet.',
    },
    preferences: {
      title: 'Emails',
      intro:
        'Choose per kind whether you get an email at once, everything together in a weekly digest on Monday, or no email. In Groeipad itself you always see every notification.',
      kind: 'Kind of email',
      mode: 'How',
      tableLabel: 'Your choices per kind of email',
      modes: { instant: 'At once', digest: 'Weekly digest', off: 'Off' },
      modeLabel: '{{kind}}: how do you want this email?',
      mandatory: 'Mandatory',
      mandatoryHint: 'Your organisation always sends this email at once.',
      saved: 'Your choice is saved.',
    },
    feed: {
      title: 'Calendar subscription',
      intro:
        'Put your POP conversations, follow-ups and evaluations in Outlook, Google Calendar or your phone automatically. The link is personal: whoever has it sees the dates and names (never the content of your POP).',
      none: 'You have no calendar subscription yet.',
      activeSince: 'Active since {{date}}.',
      lastUsed: 'Last fetched by your calendar: {{date}}.',
      neverUsed: 'Your calendar has not fetched it yet.',
      create: 'Create calendar link',
      renew: 'Create a new link',
      renewHint: 'The old link stops working.',
      revoke: 'Revoke',
      revokeTitle: 'Revoke the calendar subscription?',
      revokeBody: 'Your calendar will not receive new dates any more. You can create a new link later.',
      revoked: 'The calendar subscription is revoked.',
      created: 'Your calendar link is ready.',
      urlLabel: 'Your personal calendar link',
      shownOnce:
        'Copy the link now: Groeipad does not keep it readable and shows it only once. Lost it? Create a new one.',
      copy: 'Copy',
      copied: 'Copied',
      subscribe: 'Subscribe in your calendar app',
      howOutlook: 'Outlook: Calendar → Add calendar → Subscribe from web, and paste the link.',
      howGoogle: 'Google Calendar: Other calendars → + → From URL, and paste the link.',
    },
    ics: {
      download: 'To calendar',
      conversation: 'Add the POP conversation to your calendar (.ics)',
      follow_up: 'Add the follow-up of {{date}} to your calendar (.ics)',
      evaluation: 'Add the evaluation to your calendar (.ics)',
    },
    settings: {
      title: 'Mandatory emails',
      intro:
        'Everyone receives these emails at once, also people who turned them off or bundled them in the weekly digest in their profile.',
      saved: 'The mandatory emails are saved.',
      save: 'Save',
    },
    outbox: {
      retrying: 'retrying',
      attempts_one: '{{count}} attempt',
      attempts_other: '{{count}} attempts',
      nextAttempt: 'Next attempt: {{date}}',
      retryNow: 'Retry now',
      retryNamed: 'Send "{{subject}}" to {{to}} again',
      retried: 'The email is being sent again.',
      problems_one:
        '{{count}} email could not be delivered. Check the mail server (SMTP) settings and try again.',
      problems_other:
        '{{count}} emails could not be delivered. Check the mail server (SMTP) settings and try again.',
      retryingInfo_one: '{{count}} email is waiting for another attempt.',
      retryingInfo_other: '{{count}} emails are waiting for another attempt.',
    },
  },
};
