/**
 * How the benchmark weighs a built site's pages (bench/measure.ts): the largest page as a browser
 * downloads it (gzipped), and the page listing the most rows, which must not grow with the registry.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { countRows, heaviestPages } from '../../bench/measure.ts';

const scratch = mkdtempSync(join(tmpdir(), 'specbook-page-weight-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const bars = (count: number) => `<ol class="tl-phases">${'<li data-k="tbd"><p>Phase</p><div></div></li>'.repeat(count)}</ol>`;

describe('page weights', () => {
	it('count table rows, spec cards and timeline bars, and nothing else', () => {
		const html = `<table><thead><tr><th>A</th></tr></thead><tbody>${'<tr><td>x</td></tr>'.repeat(3)}</tbody></table>
			<ul class="spec-list"><li class="spec-card"><a>One</a></li><li class="spec-card" data-sort-updated="1">Two</li></ul>
			${bars(2)}${bars(3)}<ul><li>a link</li></ul><track src="x">`;
		expect(countRows(html)).toBe(4 + 2 + 5);
	});

	it('find the largest page gzipped, not raw, and the one with the most rows', () => {
		const write = (path: string, text: string | Buffer) => {
			mkdirSync(dirname(join(scratch, path)), { recursive: true });
			writeFileSync(join(scratch, path), text);
		};
		// Large but repetitive: small once gzipped.
		write('repetitive/index.html', `<p>${'same words again '.repeat(20_000)}</p>`);
		// Smaller but incompressible.
		write('random/index.html', `<p>${randomBytes(60_000).toString('base64')}</p>`);
		write('roadmap/index.html', bars(40));
		write('specs/index.html', `<table>${'<tr><td>x</td></tr>'.repeat(30)}</table>`);
		const heaviest = heaviestPages(scratch);
		expect(heaviest?.largest.path).toBe('random/index.html');
		expect(heaviest!.largest.gzipBytes).toBeGreaterThan(60_000);
		expect(heaviest?.mostRows).toMatchObject({ path: 'roadmap/index.html', rows: 40 });
	});
});
