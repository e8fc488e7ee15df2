/**
 * A build over specs with errors must stop: every error printed as `path:line:col: error CODE
 * message` (the lines `npm run check` prints), a non-zero exit, and no pages written.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { ROOT } from '../helpers/build-fixture.ts';
import { fixture } from '../helpers/fixtures.ts';
import { columnOf, lineOf } from '../helpers/spec-builder.ts';

const DIR = 'test/fixtures/invalid/specs';
const site = fixture('invalid');

/** Where `needle` is in a fixture file, as `path:line:col`. */
function locate(file: string, needle: string): string {
	const text = readFileSync(join(ROOT, DIR, file), 'utf8');
	const line = lineOf(text, needle);
	return `${DIR}/${file}:${line}:${columnOf(text, line, needle)}`;
}

test('the build fails', () => {
	expect(site.exitCode).not.toBe(0);
});

test('every error is printed, located at the offending value, per-file and cross-spec alike', () => {
	expect(site.output).toContain(`${locate('broken.md', '2026-02-30')}: error date-invalid `);
	expect(site.output).toContain(`${locate('broken.md', 'Finished')}: error status-invalid `);
	expect(site.output).toContain(`${locate('nested/dangling.md', '"no/such-spec"')}: error supersedes-unknown `);
	expect(site.output).toContain('3 errors in 2 specs');
	// The valid spec is not blamed.
	expect(site.output).not.toContain(`${DIR}/good.md:`);
});

test('the error lines are the ones npm run check prints', () => {
	let checkOutput = '';
	try {
		execFileSync(join(ROOT, 'node_modules/.bin/node'), ['src/cli/check.ts', '--dir', DIR], { cwd: ROOT, encoding: 'utf8' });
	} catch (error) {
		checkOutput = (error as { stdout: string }).stdout;
	}
	const errorLines = checkOutput.split('\n').filter((line) => line.startsWith(`${DIR}/`) && line.includes(': error '));
	expect(errorLines).toHaveLength(3);
	for (const line of errorLines) expect(site.output).toContain(line);
});

test('no page is written', () => {
	expect(site.files().filter((file) => file.endsWith('.html') || file.endsWith('.json') || file.endsWith('.xml'))).toEqual([]);
});
