/**
 * Every site the test files read, one entry per specs folder and options. The vitest globalSetup
 * (test/setup/fixtures.ts) builds each entry that the test files of a run name, once, one after
 * another, and `provide`s the results; a test file gets its site with `fixture('name')`.
 */
import { inject } from 'vitest';
import { fixtureSpecsDir, siteOf, type BuildOptions, type BuildResult, type BuiltSite } from './build-fixture.ts';
import { acceptedSpecs, copyOutside, hugeSpecs, siteWithGenerated, unsafeSpecs, writeFolder } from './generated-specs.ts';
import { NO_CSP_SPECS } from './html-payloads.ts';
import { historyRepo } from './history-repo.ts';
import { importedSpecs } from './imported-specs.ts';

export interface FixtureBuild extends Pick<BuildOptions, 'base' | 'site' | 'config'> {
	/** The specs folder relative to the root, or a function writing a temp folder and returning its absolute path. */
	specs: string | (() => string);
}

export const FIXTURES = {
	/** Five valid specs (nested folders, MDX, supersedes, durations and TBD), `_template.md` and `_archive/`. */
	site: { specs: fixtureSpecsDir('site') },
	/** The same under a base path and a site URL: the guide's tests and search in the browser. */
	'site-under-base': { specs: fixtureSpecsDir('site'), base: '/handbook/', site: 'https://docs.example.org' },
	/** The same copied to an absolute path outside the project. */
	'site-outside': { specs: () => copyOutside('site') },
	/** The site fixture beside 60 generated specs (the scale test). */
	'site-and-60': { specs: siteWithGenerated },
	/** Dated, chained, TBD and missing phases, one of each schedule warning. */
	timeline: { specs: fixtureSpecsDir('timeline') },
	/** Links between specs and stale specs, under `/handbook/` with `staleAfterDays: 100`. */
	hardening: { specs: fixtureSpecsDir('hardening'), config: 'test/fixtures/hardening/astro.config.mjs' },
	/** The same specs on the project's own settings, at the root (the CSP tests in the browser). */
	'hardening-at-root': { specs: fixtureSpecsDir('hardening') },
	/** Specs with errors: the build must stop. */
	invalid: { specs: fixtureSpecsDir('invalid') },
	/** An .mdx spec on a site with `mdx: false`. */
	'mdx-off': { specs: fixtureSpecsDir('mdx-off'), config: 'test/fixtures/mdx-off/astro.config.mjs' },
	/** The sample specs of specs/ (search quality). */
	sample: { specs: 'specs' },
	/** Unsafe or unreadable files (generated-specs.ts): the build must stop. */
	unsafe: { specs: () => writeFolder(unsafeSpecs(), 'specbook-hostile-build-') },
	/** What the unsafe-HTML check lets through, and every payload shown as code, on a site with `csp: false`. */
	'no-csp': { specs: () => writeFolder(NO_CSP_SPECS, 'specbook-no-csp-'), config: 'test/fixtures/csp-off/astro.config.mjs' },
	/** What check accepts, random and awkward (generated-specs.ts): the build must build every one. */
	accepted: { specs: () => writeFolder(acceptedSpecs(), 'specbook-accepted-') },
	/** Specs in a git repository made with fixed-date commits (history-repo.ts), with commit links. */
	history: { specs: historyRepo, config: 'test/fixtures/history/astro.config.mjs' },
	/** Specs made by the importer from design docs (imported-specs.ts): warnings only, links their sources had broken. */
	imported: { specs: () => writeFolder(importedSpecs(), 'specbook-imported-') },
	/** Huge but harmless files, on a site accepting files up to 6 MB. */
	huge: { specs: () => writeFolder(hugeSpecs(), 'specbook-hostile-build-'), config: 'test/fixtures/large/astro.config.mjs' },
} satisfies Record<string, FixtureBuild>;

export type FixtureName = keyof typeof FIXTURES;

/** The built fixtures, by name, as globalSetup provides them. */
export type BuiltFixtures = Partial<Record<FixtureName, BuildResult>>;

declare module 'vitest' {
	export interface ProvidedContext {
		fixtures: BuiltFixtures;
	}
}

/** The fixture's site as built by globalSetup; a failed build is a result too (its exitCode says so). */
export function fixture(name: FixtureName): BuiltSite {
	const result = inject('fixtures')?.[name];
	if (!result) throw new Error(`The fixture "${name}" was not built: call fixture('${name}') with the name written out, so test/setup/fixtures.ts finds it`);
	return siteOf(result);
}

/** The fixture's site, which must have built. */
export function builtFixture(name: FixtureName): BuiltSite {
	const site = fixture(name);
	if (site.exitCode !== 0) throw new Error(`The fixture "${name}" failed to build:\n${site.output}`);
	return site;
}
