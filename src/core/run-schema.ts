/**
 * Runs a zod schema and keeps both its output and its issues. `safeParse` drops the output as soon
 * as there is one issue, but a spec whose only findings are warnings is valid and is made of that
 * output. This is the one place that calls zod's core `_zod.run` (what `safeParse` itself calls);
 * test/unit/internals-upgrade.test.ts holds it to that.
 */
import type { z } from 'astro/zod';

/** An issue as a check reported it: its path from the root, and the params it was given. */
export interface SchemaIssue {
	code: string;
	path: PropertyKey[];
	params?: Record<string, unknown>;
}

export function runSchema<Schema extends z.ZodType>(schema: Schema, input: unknown): { output: z.output<Schema>; issues: SchemaIssue[] } {
	const result = schema._zod.run({ value: input, issues: [] }, { async: false });
	if (result instanceof Promise) throw new Error('runSchema: the schema is asynchronous');
	const issues = result.issues.map((issue) => ({
		code: issue.code ?? 'custom',
		path: issue.path ?? [],
		...('params' in issue && issue.params ? { params: issue.params as Record<string, unknown> } : {}),
	}));
	return { output: result.value as z.output<Schema>, issues };
}
