/**
 * The resolved context: one specs folder and one today for `check`, the loader, the schedule
 * warnings, the stale marks and the pages, whatever the clock says.
 */
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { check } from '../../src/cli/commands/check.ts';
import { findProjectRoot, resolveCliContext, resolveContext } from '../../src/context.ts';
import { SpecsAnalysis } from '../../src/content/analysis.ts';
import specbook from '../../src/integration/index.ts';
import { SpecbookConfigSchema, type SpecbookRuntimeConfig } from '../../src/integration/config.ts';
import { specbookContextFrom } from '../../src/integration/internals/config-hook.ts';
import { isStale } from '../../src/site/stale.ts';
import { windowAt } from '../../src/site/roadmap-window.ts';
import { roadmap, todayNote } from '../../src/site/timeline.ts';
import { buildSpec, writeFixture, type Fixture } from '../helpers/spec-builder.ts';

let fixture: Fixture | undefined;
afterEach(() => fixture?.cleanup());

const phase = (timeline: string) => ({ name: 'Build', tasks: ['Ship it'], dependencies: [], timeline });
const config = SpecbookConfigSchema.parse({});

describe('one today', () => {
	it('at 23:30 UTC, check, the loader and the site (schedule, stale marks, timeline) all call it the same day', async () => {
		fixture = writeFixture({
			'package.json': '{}',
			// Started today (a schedule warning), updated "tomorrow" (allowed: some time zone is there).
			'specs/started.md': buildSpec({ feature: 'Started', lastUpdated: '2026-03-11', phases: [phase('2026-03-10 → 2026-04-30')] }),
			// Starts tomorrow: no warning yet. Updated 91 days before today: stale.
			'specs/tomorrow.md': buildSpec({ feature: 'Tomorrow', lastUpdated: '2025-12-09', phases: [phase('2026-03-11 → 2026-04-30')] }),
			// Two days ahead: no time zone has that date yet.
			'specs/future.md': buildSpec({ feature: 'Future', lastUpdated: '2026-03-12', phases: [phase('2026-05-01 → 2026-05-30')] }),
		});
		const context = await resolveCliContext({ cwd: fixture.root, env: {}, now: new Date('2026-03-10T23:30:00Z') });
		expect(context.today).toBe('2026-03-10');

		const result = await check(['--format', 'json', '--no-git'], context);
		const checked = (JSON.parse(result.output!) as { diagnostics: { file: string; code: string; message: string }[] }).diagnostics;
		expect(checked.map(({ file, code }) => [file, code])).toEqual([
			['specs/future.md', 'date-future'],
			['specs/started.md', 'schedule-started'],
		]);
		expect(checked[0]!.message).toContain('(the latest allowed date is 2026-03-11)');
		expect(checked[1]!.message).toContain('(today is 2026-03-10)');

		// The loader, given the same context, finds the same.
		const analysis = new SpecsAnalysis(context);
		await analysis.load();
		expect(analysis.diagnostics.map(({ file, code, message }) => ({ file, code, message }))).toEqual(checked.map(({ file, code, message }) => ({ file, code, message })));

		// The pages read `today` from the same context (virtual:specbook/config spreads it).
		const specs = ['started', 'tomorrow'].map((name) => analysis.peek(fixture!.path(`specs/${name}.md`))).map((data) => {
			if (!data?.valid) throw new Error('expected a valid spec');
			return data;
		});
		const { axis } = roadmap(specs, { today: context.today, window: windowAt(context.today, 0) });
		expect(todayNote(axis, context.today)).toBe('The vertical line marks today, 2026-03-10.');
		expect(specs.map((spec) => isStale(spec, context))).toEqual([false, true]);
	});

	it('SPECBOOK_TODAY fixes today whatever the clock says', () => {
		const context = resolveContext({ root: '/repo', config, env: { SPECBOOK_TODAY: ' 2026-11-26 ' }, now: new Date('2030-01-01T12:00:00Z') });
		expect(context.today).toBe('2026-11-26');
	});

	it('a SPECBOOK_TODAY that is not a date is a clear error, not a silent fallback to the clock', () => {
		expect(() => resolveContext({ root: '/repo', config, env: { SPECBOOK_TODAY: '2026-02-30' } })).toThrow('SPECBOOK_TODAY must be a real date written YYYY-MM-DD, not "2026-02-30".');
	});
});

describe('the Starlight plugin', () => {
	it('resolves the context once, from Astro’s root, and gives the same one to the content loader and to the pages', async () => {
		fixture = writeFixture({ 'package.json': '{}' });
		const root = pathToFileURL(`${fixture.root}/`);
		type Hooked = { name: string; hooks: Record<string, (options: unknown) => unknown> };
		let integration: Hooked | undefined;
		specbook({ specsDir: 'docs/specs', staleAfterDays: 30 }).hooks['config:setup']!({
			config: { title: 'Site' },
			astroConfig: { root, base: '/' },
			updateConfig: () => {},
			addRouteMiddleware: () => {},
			addIntegration: (added: Hooked) => (integration = added),
		} as never);
		const forLoader = specbookContextFrom({ integrations: [integration!] });
		expect(forLoader).toMatchObject({ root: fixture.root, specsDir: 'docs/specs', staleAfterDays: 30 });

		let vitePlugins: { resolveId?: (id: string) => string | undefined; load?: (id: string) => string | undefined }[] = [];
		integration!.hooks['astro:config:setup']!({
			config: { root, base: '/', build: { format: 'directory' }, cacheDir: new URL('.astro/', root), markdown: { processor: { name: 'satteri', options: { mdastPlugins: [] } } } },
			command: 'dev',
			updateConfig: (update: { vite: { plugins: typeof vitePlugins } }) => (vitePlugins = update.vite.plugins),
			injectRoute: () => {},
			logger: { warn: () => {} },
		});
		const virtual = vitePlugins.find((plugin) => plugin.resolveId?.('virtual:specbook/config'));
		const source = virtual!.load!(virtual!.resolveId!('virtual:specbook/config')!)!;
		const forPages = JSON.parse(source.replace(/^export default /u, '').replace(/;$/u, '')) as SpecbookRuntimeConfig;
		expect(forPages).toMatchObject({ ...forLoader, title: 'Site' });
	});
});

describe('the project root', () => {
	it('is found from a subfolder once; the specs folder is then named from where the command runs', async () => {
		// tools/x is a workspace package of its own: its package.json does not hide the settings above it.
		fixture = writeFixture({ 'specbook.config.ts': 'export default { specsDir: "docs/specs" };\n', 'docs/specs/a.md': buildSpec(), 'tools/x/package.json': '{}' });
		expect(findProjectRoot(fixture.path('tools/x'))).toBe(fixture.root);
		const context = await resolveCliContext({ cwd: fixture.path('tools/x'), env: {}, now: new Date('2026-11-26T12:00:00Z') });
		expect(context.root).toBe(fixture.root);
		expect(context.specsDir).toBe('../../docs/specs');
	});
});

describe("a host's astro.config.mjs", () => {
	it('with options specbook() refuses: the command names the option and the reason, as the build does', async () => {
		const plugin = new URL('../../src/integration/index.ts', import.meta.url).href;
		fixture = writeFixture({ 'astro.config.mjs': `import specbook from '${plugin}';\nspecbook({ prefix: '/rfcs' });\nexport default {};\n`, 'package.json': '{}' });
		await expect(resolveCliContext({ cwd: fixture.root, env: {}, now: new Date('2026-11-26T12:00:00Z') })).rejects.toThrow(/^Specbook's options in astro\.config\.mjs are not valid: prefix: /u);
	});
});
