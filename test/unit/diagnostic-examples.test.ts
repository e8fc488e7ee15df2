/**
 * The diagnostics reference shows a wrong and a right example for every code. These tests keep the
 * examples honest: every code has one, and each wrong example, analysed as `npm run check` would,
 * really produces its code, while the right one passes.
 */
import { describe, expect, it } from 'vitest';
import { DIAGNOSTIC_EXAMPLES, type DiagnosticExample } from '../../src/site/guide/diagnostic-examples.ts';
import { DIAGNOSTICS, type DiagnosticCode } from '../../src/core/diagnostics.ts';
import { COMPANION_SPEC, COMPANION_SPEC_PATH, EXAMPLE_SPEC, EXAMPLE_SPEC_PATH } from '../../src/site/guide/example-spec.ts';
import { analyzeSpecs } from '../../src/core/index.ts';
import { lastChangedHistory } from '../helpers/git-history.ts';
import { spliceExample } from '../helpers/splice-example.ts';

const TODAY = '2026-11-26';

/** What `npm run check` reports about the example file, with the companion spec beside it. */
function analyze(source: string, setting: DiagnosticExample['setting'] = {}) {
	const path = setting.file ?? EXAMPLE_SPEC_PATH;
	const files = [
		{ path, source },
		{ path: COMPANION_SPEC_PATH, source: COMPANION_SPEC },
	];
	const git = setting.gitLastChanged ? lastChangedHistory([[path, setting.gitLastChanged]]) : undefined;
	const options = { specsDir: 'specs', today: TODAY, fileExists: () => false, ...(setting.mdx === undefined ? {} : { mdx: setting.mdx }), ...(git ? { git } : {}) };
	return analyzeSpecs(files, options).diagnostics.filter((diagnostic) => diagnostic.file === path);
}

const fileFor = (example: DiagnosticExample, snippet: string, omit?: readonly string[]) =>
	example.whole ? snippet : spliceExample(EXAMPLE_SPEC, snippet, omit);

const codes = Object.keys(DIAGNOSTICS) as DiagnosticCode[];
const examples = Object.entries(DIAGNOSTIC_EXAMPLES) as [DiagnosticCode, DiagnosticExample][];

describe('diagnostic examples', () => {
	it('has an example for every code in the diagnostics table, and none for unknown codes', () => {
		expect(Object.keys(DIAGNOSTIC_EXAMPLES).sort()).toEqual([...codes].sort());
	});

	it('gives each code a wrong and a different right example', () => {
		for (const [code, example] of examples) {
			expect(example.right.trim(), code).not.toBe('');
			expect(example.right, code).not.toBe(example.wrong);
		}
	});

	it('fills every message parameter, so the sample message reads like real output', () => {
		for (const [code, example] of examples) {
			const message = (DIAGNOSTICS[code].message as (params: unknown) => string)(example.params);
			expect(message, code).not.toMatch(/undefined|NaN|\[object Object\]/u);
		}
	});

	it('checks the example spec itself: it has no diagnostics', () => {
		expect(analyze(EXAMPLE_SPEC)).toEqual([]);
	});

	const checked = examples.filter(([, example]) => example.unchecked === undefined);

	it.each(checked)('%s: the wrong example produces the code', (code, example) => {
		const found = analyze(fileFor(example, example.wrong, example.omit), example.setting).map((diagnostic) => diagnostic.code);
		expect(found).toContain(code);
	});

	it.each(checked)('%s: the right example passes', (code, example) => {
		const found = analyze(fileFor(example, example.right), example.setting).map((diagnostic) => `${diagnostic.severity} ${diagnostic.code}: ${diagnostic.message}`);
		expect(found.filter((line) => line.startsWith('error ') || line.includes(` ${code}:`))).toEqual([]);
	});

});
