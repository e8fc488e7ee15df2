/** `npm run fuzz`: runs for the time asked and exits 0 without a failure; refuses an unknown property. */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { ROOT } from '../helpers/build-fixture.ts';
import { PROPERTIES } from '../fuzz/properties.ts';

const fuzz = (...args: string[]) =>
	spawnSync(join(ROOT, 'node_modules/.bin/node'), [join(ROOT, 'test/fuzz/run.ts'), ...args], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });

test('a short campaign passes and says how much it ran', () => {
	const run = fuzz('--seconds', '2', '--runs', '20');
	expect(run.stderr).toBe('');
	expect(run.stdout).toMatch(/No failure: \d+ cases in \d+ batches/);
	expect(run.status).toBe(0);
});

test('a seed replays in one go, every property', () => {
	const run = fuzz('--seed', '42', '--runs', '10');
	// Every property the campaign knows, in its order: a property added to PROPERTIES replays here too.
	expect(run.stdout.trim().split('\n')).toEqual(Object.keys(PROPERTIES).map((name) => `ok: "${name}", seed 42, 10 cases`));
	expect(Object.keys(PROPERTIES)).toContain('fix');
	expect(run.status).toBe(0);
});

test('an unknown property is a usage error', () => {
	const run = fuzz('--property', 'nope');
	expect(run.stderr).toContain('unknown property "nope"');
	expect(run.status).toBe(2);
});
