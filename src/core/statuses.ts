/**
 * The three statuses of the template, in their canonical spelling and workflow order. Apart from
 * the model so that browser scripts (search filters) can import them without zod.
 */
export const STATUSES = ['Draft', 'In Review', 'Approved'] as const;
export type Status = (typeof STATUSES)[number];
