/**
 * Specs made by the importer from the design-doc corpus (test/fixtures/import/docs), as
 * `npm run import` would write them into a specs folder: for the site that builds them.
 */
import { readFileSync } from 'node:fs';
import { importSpec } from '../../src/core/import/convert.ts';
import { FIXTURE_TODAY } from './build-fixture.ts';

const DOCS = 'test/fixtures/import/docs';

/** File name under the specs folder → text, for a few docs of the corpus (one with links and an image its source had broken). */
export function importedSpecs(): Record<string, string> {
	const files: Record<string, string> = {};
	for (const name of ['app-bold-fields.md', 'swift-evolution.md', 'h2-phases.md']) {
		const result = importSpec(readFileSync(`${DOCS}/${name}`, 'utf8'), {
			sourcePath: `${DOCS}/${name}`,
			specsDir: 'specs',
			today: FIXTURE_TODAY,
			fallbackDate: '2026-11-01',
		});
		files[result.target.slice('specs/'.length)] = result.markdown;
	}
	return files;
}
