/** Roles a person may hold; several at once (a manager is also an employee with their own POP). */
export const roles = ['employee', 'manager', 'hr', 'admin'] as const;
export type Role = (typeof roles)[number];

export const countries = ['BE', 'NL'] as const;
export type Country = (typeof countries)[number];

export const personStatuses = ['active', 'disabled'] as const;
export type PersonStatus = (typeof personStatuses)[number];
