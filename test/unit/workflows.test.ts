/**
 * The ready-made GitHub workflows: they parse, call only npm scripts that exist, run on a Node
 * version Astro supports, check pull requests with inline annotations and deploy with the official
 * Pages actions.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const WORKFLOWS = `${ROOT}.github/workflows/`;

interface Step {
	uses?: string;
	run?: string;
	with?: Record<string, unknown>;
}
interface Job {
	steps: Step[];
	needs?: string | string[];
}
interface Workflow {
	on: Record<string, unknown> | string | string[];
	permissions?: Record<string, string>;
	jobs: Record<string, Job>;
}

const files = readdirSync(WORKFLOWS).filter((name) => /\.ya?ml$/u.test(name));
const read = (name: string) => parse(readFileSync(WORKFLOWS + name, 'utf8')) as Workflow;
const steps = (workflow: Workflow) => Object.values(workflow.jobs).flatMap((job) => job.steps);
const runs = (workflow: Workflow) => steps(workflow).flatMap((step) => (step.run ? [step.run] : []));
const uses = (workflow: Workflow) => steps(workflow).flatMap((step) => (step.uses ? [step.uses.split('@')[0]!] : []));
const triggers = (workflow: Workflow) =>
	typeof workflow.on === 'string' ? [workflow.on] : Array.isArray(workflow.on) ? workflow.on : Object.keys(workflow.on);

/** The npm scripts a shell command runs: `npm run x`, `npm run-script x`, and the `npm test`/`npm start` shorthands. */
function npmScripts(command: string): string[] {
	const scripts: string[] = [];
	for (const match of command.matchAll(/\bnpm\s+(?:run(?:-script)?\s+([\w:.-]+)|(test|start|stop|restart)\b)/gu)) {
		scripts.push((match[1] ?? match[2])!);
	}
	return scripts;
}

/** Whether a setup-node `node-version` is at least 22.12 (Astro 7's minimum). `22` means any 22.x: not enough. */
function nodeVersionAtLeast(version: unknown, major = 22, minor = 12): boolean {
	const match = /^\D*(\d+)(?:\.(\d+))?/u.exec(String(version));
	if (!match) return false;
	const found = [Number(match[1]), match[2] === undefined ? 0 : Number(match[2])] as const;
	return found[0] > major || (found[0] === major && found[1] >= minor);
}

describe('workflow helpers', () => {
	it('find the npm scripts in a command', () => {
		expect(npmScripts('npm ci && npm run check -- --format github')).toEqual(['check']);
		expect(npmScripts('npm test\nnpm run build -- --base /x/')).toEqual(['test', 'build']);
	});

	it('compare Node versions against 22.12', () => {
		expect(nodeVersionAtLeast(24)).toBe(true);
		expect(nodeVersionAtLeast('22.12.0')).toBe(true);
		expect(nodeVersionAtLeast('>=23')).toBe(true);
		expect(nodeVersionAtLeast('22')).toBe(false);
		expect(nodeVersionAtLeast(20)).toBe(false);
		expect(nodeVersionAtLeast('lts/*')).toBe(false);
	});
});

describe('workflows', () => {
	it('include check.yml and deploy.yml', () => {
		expect(files).toEqual(expect.arrayContaining(['check.yml', 'deploy.yml']));
	});

	const scripts = Object.keys((JSON.parse(readFileSync(`${ROOT}package.json`, 'utf8')) as { scripts: Record<string, string> }).scripts);

	it.each(files)('%s parses and every job has steps', (name) => {
		const workflow = read(name);
		expect(triggers(workflow).length).toBeGreaterThan(0);
		expect(Object.keys(workflow.jobs).length).toBeGreaterThan(0);
		for (const job of Object.values(workflow.jobs)) expect(job.steps.length).toBeGreaterThan(0);
	});

	it.each(files)('%s runs only npm scripts that package.json defines', (name) => {
		const used = runs(read(name)).flatMap(npmScripts);
		for (const script of used) expect(scripts, `npm run ${script}`).toContain(script);
	});

	it.each(files)('%s sets up Node 22.12 or later wherever it sets up Node', (name) => {
		const setups = steps(read(name)).filter((step) => step.uses?.startsWith('actions/setup-node@'));
		for (const step of setups) expect(nodeVersionAtLeast(step.with?.['node-version']), String(step.with?.['node-version'])).toBe(true);
	});

	it('check.yml checks pull requests with GitHub annotations, then builds', () => {
		const workflow = read('check.yml');
		expect(triggers(workflow)).toContain('pull_request');
		const commands = runs(workflow);
		expect(commands).toContain('npm ci');
		const check = commands.findIndex((command) => /\bnpm run check -- .*--format github\b/u.test(command));
		const build = commands.findIndex((command) => /\bnpm run build\b/u.test(command));
		expect(check).toBeGreaterThan(-1);
		expect(build).toBeGreaterThan(check);
		expect(uses(workflow)).toContain('actions/setup-node');
	});

	it('deploy.yml builds on pushes to main and deploys with the GitHub Pages actions', () => {
		const workflow = read('deploy.yml');
		expect(triggers(workflow)).toContain('push');
		expect((workflow.on as { push: { branches: string[] } }).push.branches).toContain('main');
		expect(workflow.permissions).toMatchObject({ pages: 'write', 'id-token': 'write' });
		expect(uses(workflow)).toEqual(
			expect.arrayContaining(['actions/configure-pages', 'actions/upload-pages-artifact', 'actions/deploy-pages']),
		);
		expect(runs(workflow).some((command) => /\bnpm run build\b/u.test(command))).toBe(true);
		const upload = steps(workflow).find((step) => step.uses?.startsWith('actions/upload-pages-artifact@'));
		expect(upload?.with?.['path']).toBe('dist');
	});
});
