export { calendarRoutes } from './calendar.routes.js';
export { notificationsRoutes } from './notifications.routes.js';
export { updatePreferences, updateSettings } from './preferences.service.js';
export { runReminders, scheduleOrganisation, sendDueReminders } from './scheduler.service.js';
