/**
 * The loader's analysis of the specs folder: what each entry stores, and how an edit in `astro dev`
 * updates the findings of other specs (duplicate Feature, supersedes targets).
 */
import { symlinkSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { SpecsAnalysis } from '../../src/content/analysis.ts';
import { buildFailureMessage } from '../../src/content/report.ts';
import { buildSpec, writeFixture, type Fixture } from '../helpers/spec-builder.ts';

let fixture: Fixture | undefined;
afterEach(() => fixture?.cleanup());

async function analyse(files: Record<string, string>) {
	fixture = writeFixture(files);
	const specsDir = relative(process.cwd(), fixture.root);
	const analysis = new SpecsAnalysis({ cwd: process.cwd(), specsDir, today: '2026-11-26', mdx: true, maxFileBytes: 1_000_000 });
	await analysis.load();
	return { analysis, specsDir, fixture };
}

test('a valid spec stores the parsed spec; files starting with _ are not read', async () => {
	const { analysis, specsDir, fixture } = await analyse({
		'payments/Retry.md': buildSpec({ feature: 'Retry' }),
		'_draft.md': 'not a spec',
	});
	const data = analysis.peek(fixture.path('payments/Retry.md'));
	expect(data).toMatchObject({ valid: true, id: 'payments/retry', path: `${specsDir}/payments/Retry.md`, feature: 'Retry', diagnostics: [] });
	expect(analysis.peek(fixture.path('_draft.md'))).toBeUndefined();
	expect(analysis.errors).toEqual([]);
});

test('a spec with errors stores its id, path and located errors', async () => {
	const { analysis, specsDir, fixture } = await analyse({ 'bad.md': buildSpec({ status: 'Finished' }) });
	const data = analysis.peek(fixture.path('bad.md'));
	expect(data).toMatchObject({ valid: false, id: 'bad', path: `${specsDir}/bad.md` });
	expect(data?.diagnostics.map((d) => `${d.line}:${d.column} ${d.severity} ${d.code}`)).toEqual(['7:15 error status-invalid']);
	expect(buildFailureMessage(analysis.errors)).toBe(
		`1 error in 1 spec; no pages were built.\n${specsDir}/bad.md:7:15: error status-invalid Status "Finished" is not one of Draft, In Review, Approved.`,
	);
});

test('an edit is picked up on re-read, and changes the findings of the other spec', async () => {
	const { analysis, fixture } = await analyse({
		'a.md': buildSpec({ feature: 'Same name' }),
		'b.md': buildSpec({ feature: 'Other name' }),
	});
	expect(analysis.errors).toEqual([]);

	fixture.write('b.md', buildSpec({ feature: 'Same name' }));
	// Without re-reading (a build), the loaded source stands.
	expect((await analysis.dataFor(fixture.path('b.md'))).changed).toBe(false);
	const edited = await analysis.dataFor(fixture.path('b.md'), { reread: true });
	expect(edited.changed).toBe(true);
	const invalid = [analysis.peek(fixture.path('a.md')), edited.data].filter((data) => !data?.valid);
	expect(invalid.length).toBeGreaterThan(0);
	expect(analysis.errors.map((d) => d.code)).toContain('feature-duplicate');

	writeFileSync(fixture.path('b.md'), buildSpec({ feature: 'Other name again' }));
	await analysis.dataFor(fixture.path('b.md'), { reread: true });
	expect(analysis.peek(fixture.path('a.md'))?.valid).toBe(true);
	expect(analysis.errors).toEqual([]);
});

test('deleting a superseded spec makes the superseding one invalid', async () => {
	const { analysis, fixture } = await analyse({
		'v1.md': buildSpec({ feature: 'V1' }),
		'v2.md': buildSpec({ feature: 'V2', frontmatter: { supersedes: ['v1'] } }),
	});
	expect(analysis.peek(fixture.path('v2.md'))?.valid).toBe(true);
	expect(analysis.forget(fixture.path('v1.md'))).toBe(true);
	expect(analysis.peek(fixture.path('v2.md'))).toMatchObject({ valid: false, diagnostics: [{ code: 'supersedes-unknown' }] });
	expect(analysis.forget(fixture.path('never.md'))).toBe(false);
});

test('a file the site glob reaches through a linked folder is refused, not published, even in astro dev', async () => {
	const { analysis, fixture } = await analyse({ 'good.md': buildSpec({ feature: 'Good' }) });
	const outside = writeFixture({ 'valid.md': buildSpec({ feature: 'From elsewhere' }) });
	try {
		symlinkSync(outside.root, fixture.path('linked'));
		// What the loader does when glob() hands it a file it did not list (a dev edit, or a followed link).
		const { data } = await analysis.dataFor(fixture.path('linked/valid.md'), { reread: true });
		expect(data).toMatchObject({ valid: false });
		expect(data.diagnostics.map((d) => `${d.code} ${d.message}`)).toEqual([
			'file-not-regular This file is inside a linked folder: Specbook reads only regular files in the specs folder and never follows links.',
		]);
		// The linked folder itself is an error of the folder, so a build stops before glob() runs.
		await analysis.load();
		expect(analysis.errors.map((d) => `${relative(fixture!.root, d.file)} ${d.code}`)).toEqual(['linked file-not-regular']);
	} finally {
		outside.cleanup();
	}
});
