/**
 * vitest globalSetup: builds each fixture site the selected test files read, once and one after
 * another (builds in one checkout share `.astro/` and the content cache), and hands the results to
 * them through `provide`. Starlight's own tests build each fixture once per run the same way.
 */
import { readFileSync, rmSync } from 'node:fs';
import { isAbsolute } from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildSite, type BuildResult } from '../helpers/build-fixture.ts';
import { FIXTURES, type BuiltFixtures, type FixtureName } from '../helpers/fixtures.ts';

/** Builds done in this run, shared by the projects (each project imports this file anew). */
const built: Map<FixtureName, BuildResult> = ((globalThis as { specbookFixtures?: Map<FixtureName, BuildResult> }).specbookFixtures ??= new Map());
const generated: string[] = [];

/** `fixture('x')`, `builtFixture('x')` and `serveFixture('x')` in a test file's text. */
const FIXTURE_CALL = /\b(?:fixture|builtFixture|serveFixture)\(\s*'([\w-]+)'\s*\)/g;

/**
 * The fixtures the test files of this run read, in FIXTURES' order. `npx vitest run <file>` builds
 * only what that file reads: the file filters are vitest's internal `filenamePattern`; were it
 * renamed, every fixture of the project would be built, which is slower but not wrong.
 */
async function neededFixtures(project: TestProject): Promise<FixtureName[]> {
	const filters = (project.vitest as unknown as { filenamePattern?: string[] }).filenamePattern ?? [];
	const { testFiles } = await project.globTestFiles(filters);
	const named = new Set(testFiles.flatMap((file) => [...readFileSync(file, 'utf8').matchAll(FIXTURE_CALL)].map((match) => match[1]!)));
	for (const name of named) if (!(name in FIXTURES)) throw new Error(`A test reads the fixture "${name}", which test/helpers/fixtures.ts does not define`);
	return (Object.keys(FIXTURES) as FixtureName[]).filter((name) => named.has(name));
}

export default async function setup(project: TestProject) {
	const fixtures: BuiltFixtures = {};
	for (const name of await neededFixtures(project)) {
		let result = built.get(name);
		if (!result) {
			const { specs, ...options } = FIXTURES[name];
			const dir = typeof specs === 'string' ? specs : specs();
			if (isAbsolute(dir)) generated.push(dir);
			const started = performance.now();
			result = await buildSite(dir, options);
			built.set(name, result);
			const seconds = ((performance.now() - started) / 1000).toFixed(1);
			process.stderr.write(`fixture ${name}: built in ${seconds} s${result.exitCode ? ' (the build failed, which some fixtures are for)' : ''}\n`);
		}
		fixtures[name] = result;
	}
	project.provide('fixtures', fixtures);
	return () => {
		for (const result of built.values()) rmSync(result.outDir, { recursive: true, force: true });
		for (const dir of generated.splice(0)) rmSync(dir, { recursive: true, force: true });
		built.clear();
	};
}
