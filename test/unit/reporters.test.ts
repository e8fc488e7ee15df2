/**
 * What `npm run check` prints quotes what authors wrote (features, labels, values): an escape code
 * in a spec must reach the terminal or a CI log as visible text, never as a command.
 */
import { describe, expect, it } from 'vitest';
import { analyzeSpecs } from '../../src/core/index.ts';
import { githubReporter, jsonReporter, textReporter } from '../../src/cli/reporters.ts';
import { buildSpec } from '../helpers/spec-builder.ts';

const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/u;

describe('reporters and control characters', () => {
	// status-invalid quotes the value as written.
	const status = 'Approved\u001B]0;pwned\u0007\u001B[2J';
	const files = [{ path: 'specs/a.md', source: buildSpec({ status }) }];
	const { diagnostics } = analyzeSpecs(files, { specsDir: 'specs', today: '2026-11-26', fileExists: () => false });
	const report = { diagnostics, fileCount: 1 };

	it('the analysis quotes the status as written, and reports the characters', () => {
		expect(diagnostics.some((diagnostic) => diagnostic.code === 'status-invalid' && diagnostic.message.includes(status))).toBe(true);
		expect(diagnostics.some((diagnostic) => diagnostic.code === 'text-forbidden-character')).toBe(true);
	});

	it.each([
		['text', textReporter],
		['github', githubReporter],
	])('%s output shows each control character as its code point', (_name, reporter) => {
		const output = reporter(report);
		expect(output).not.toMatch(CONTROL);
		expect(output).toContain('Approved\\u001B]0;pwned\\u0007\\u001B[2J');
	});

	it('json output keeps the text exactly, escaped as JSON', () => {
		const parsed = JSON.parse(jsonReporter(report)) as { diagnostics: { message: string }[] };
		expect(parsed.diagnostics.some((diagnostic) => diagnostic.message.includes(status))).toBe(true);
	});
});
