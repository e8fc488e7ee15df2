/**
 * The orders of names and ids on the site, each collator made once. `localeCompare` with options
 * builds a new one at every comparison: sorting thousands of specs that way cost builds seconds.
 */

/** Names and features as people read them: accents and case aside. */
export const nameOrder = new Intl.Collator('en', { sensitivity: 'base' });

/** A table column's text: as names, with numbers in number order (`phase 2` before `phase 10`). */
export const columnOrder = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

/** Ids, as `localeCompare` without options orders them: a stable last tie-break. */
export const idOrder = new Intl.Collator();
