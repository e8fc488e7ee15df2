/**
 * "Today" for the pages (the timeline's today marker, date checks): `SPECBOOK_TODAY` when set, so
 * builds and tests can be reproduced, otherwise the build machine's date (UTC).
 */
export function today(env: Record<string, string | undefined> = process.env, now: Date = new Date()): string {
	const fixed = env.SPECBOOK_TODAY?.trim();
	if (fixed && /^\d{4}-\d{2}-\d{2}$/.test(fixed)) return fixed;
	return now.toISOString().slice(0, 10);
}
