/**
 * `npm run import`'s converter (src/core/import/) over a corpus of design docs written in the house
 * styles real teams use (test/fixtures/import/docs/): each imported spec checks clean, keeps every
 * word its author wrote, and has the right Overview and phases. A Specbook spec comes back unchanged.
 */
import fc from 'fast-check';
import { readFileSync, readdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeSpecs, listSpecFiles, templateOutline } from '../../src/core/index.ts';
import { importSpec, ImportError } from '../../src/core/import/convert.ts';
import { parseLooseDate } from '../../src/core/import/dates.ts';
import { cleanHeading, withoutIdPrefix } from '../../src/core/import/headings.ts';
import { mapStatus } from '../../src/core/import/status.ts';
import { render, specObject } from '../helpers/spec-arbitraries.ts';

const DOCS = 'test/fixtures/import/docs';
const TODAY = '2026-12-05';
const options = (sourcePath: string, specsDir = 'specs') => ({ sourcePath, specsDir, today: TODAY, fallbackDate: '2026-12-01', fallbackAuthor: 'Fallback Person' });
const imported = (name: string) => importSpec(readFileSync(`${DOCS}/${name}`, 'utf8'), options(`${DOCS}/${name}`));
const check = (path: string, source: string) => analyzeSpecs([{ path, source }], { specsDir: 'specs', today: TODAY, fileExists: () => false });

/** What each doc of the corpus must come out as. */
const EXPECTED: Record<string, { feature: string; authors: string[]; lastUpdated: string; status: string; originalStatus: string; phases?: [string, string][]; filled?: string[] }> = {
	'app-bold-fields.md': {
		feature: 'Push Notification Service',
		authors: ['Mara Quist'],
		lastUpdated: '2026-01-01',
		status: 'Draft',
		originalStatus: 'Ready for Development',
		phases: [['Queue and dispatcher', 'Q1 2026'], ['Migrate senders', 'TBD']],
		filled: ['Overview', 'Background', 'Architecture', 'Implementation', 'Monitoring'],
	},
	'swift-evolution.md': {
		feature: 'Implicit self in nested closures',
		authors: ['Lena Holm', 'Tomas Berg'],
		lastUpdated: '2026-12-01',
		status: 'Approved',
		originalStatus: 'Implemented (Swift 5.0)',
		filled: ['Overview', 'Background', 'Architecture'],
	},
	'metadata-table.md': { feature: 'Sparse embedding lookups', authors: ['Priya Anand', 'Ken Sato'], lastUpdated: '2025-09-14', status: 'Approved', originalStatus: 'Accepted', filled: ['Overview', 'Background', 'Architecture'] },
	'tep-frontmatter.md': {
		feature: 'Result storage for pipeline runs',
		authors: ['wlynch', 'ndeloof'],
		lastUpdated: '2021-03-15',
		status: 'Approved',
		originalStatus: 'implementable',
		filled: ['Overview', 'Background', 'Architecture', 'Testing Strategy'],
	},
	'blockquote-emoji.md': { feature: 'Package cache for CI runners', authors: ['Ines Valdez'], lastUpdated: '2026-02-03', status: 'Draft', originalStatus: 'Draft', filled: ['Overview', 'Background', 'Architecture', 'Deployment'] },
	'all-caps-id.md': { feature: 'Tenant data export', authors: ['Jane Doe'], lastUpdated: '2017-05-15', status: 'Draft', originalStatus: '', filled: ['Overview', 'Background', 'Architecture', 'Testing Strategy'] },
	'crlf-toc.md': { feature: 'Rate limiter for the public API', authors: ['Kofi Mensah'], lastUpdated: '2026-12-01', status: 'In Review', originalStatus: 'Proposed', phases: [['Shadow mode', ''], ['Enforce (Q3 2026)', 'Q3 2026']] },
	'phase-table.md': {
		feature: 'Search index rebuild',
		authors: ['Ana Lima', 'Bo Chen'],
		lastUpdated: '2026-10-01',
		status: 'In Review',
		originalStatus: 'In Review',
		phases: [['Mapping', '10 days'], ['Backfill', '15 days'], ['Cutover', '5 days']],
	},
	'checkbox-phases.md': {
		feature: 'Offline mode for the field app',
		authors: ['rnair', 'kwu'],
		lastUpdated: '2026-03-20',
		status: 'Draft',
		originalStatus: 'Design Phase',
		phases: [['Local store', 'Q1 2026'], ['Sync engine', 'Q2 2026'], ['Polish', 'TBD']],
	},
	'h2-phases.md': {
		feature: 'Billing ledger migration',
		authors: ['Olu Ade'],
		lastUpdated: '2025-11-30',
		status: 'Draft',
		originalStatus: 'Withdrawn',
		phases: [['Dual writes', 'January 2026'], ['Q1 2026', 'Q1 2026'], ['Cleanup', '']],
	},
};

/** Lines whose values the Overview or `imported` holds, tables of contents, and phase headings (renumbered from 1). */
const LEFT_OUT = [
	/^[\s>*+|-]*(?:\*\*|__)?(?:status|authors?|author\(s\)|owners?|last[ -]updated|updated|created|creation-date|date|title|feature)(?:\*\*|__)?\s*[:|]/iu,
	/\]\(#|<!--\s*\/?toc|^\s*\[toc\]\s*$/iu,
	/^\s*#{1,6}\s+(?:table of contents|phase\s*\d)/iu,
];
const words = (text: string) => (text.match(/[\p{L}\p{N}]+/gu) ?? []).map((word) => word.toLowerCase());
const counts = (list: string[]) => list.reduce((map, word) => map.set(word, (map.get(word) ?? 0) + 1), new Map<string, number>());

describe('the corpus', () => {
	it('has one doc per house style, each with expectations', () => {
		expect(readdirSync(DOCS).sort()).toEqual(Object.keys(EXPECTED).sort());
	});

	for (const [name, expected] of Object.entries(EXPECTED)) {
		describe(name, () => {
			const result = imported(name);
			const { specs, diagnostics } = check(result.target, result.markdown);

			it('checks clean: no errors', () => {
				expect(diagnostics.filter((each) => each.severity === 'error')).toEqual([]);
				expect(result.errors).toEqual([]);
				expect(specs).toHaveLength(1);
			});

			it('has the Overview and status the source gives', () => {
				expect({ feature: result.feature, authors: result.authors, lastUpdated: result.lastUpdated, status: result.status, originalStatus: result.originalStatus }).toEqual({
					feature: expected.feature,
					authors: expected.authors,
					lastUpdated: expected.lastUpdated,
					status: expected.status,
					originalStatus: expected.originalStatus,
				});
				expect(specs[0]).toMatchObject({ feature: expected.feature, lastUpdated: expected.lastUpdated, status: expected.status, imported: { from: `${DOCS}/${name}`, status: expected.originalStatus } });
				if (expected.filled) expect(result.sectionsFilled).toEqual(expected.filled);
			});

			it('has its phases, timelines normalised where the grammar reads them', () => {
				expect(specs[0]!.phases.map((phase) => [phase.name, phase.timeline])).toEqual(expected.phases ?? []);
			});

			it('loses no word of the source (metadata held by the Overview, tables of contents and phase numbers aside)', () => {
				const source = readFileSync(`${DOCS}/${name}`, 'utf8').replace(/\r\n/gu, '\n');
				const kept = source.split('\n').filter((line) => !LEFT_OUT.some((pattern) => pattern.test(line)));
				const out = counts(words(result.markdown));
				const lost = [...counts(words(kept.join('\n')))].filter(([word, count]) => (out.get(word) ?? 0) < count).map(([word]) => word);
				expect(lost).toEqual([]);
			});

			it('invents nothing: no template placeholder anywhere', () => {
				const placeholders = templateOutline().flatMap(function all(section): string[] {
					return [...section.fields, ...(section.phaseFields ?? [])].map((field) => field.placeholder).concat(section.subsections.flatMap(all));
				});
				expect(placeholders.filter((placeholder) => result.markdown.includes(placeholder))).toEqual([]);
				expect(result.markdown).not.toContain('[Phase Name]');
			});
		});
	}
});

describe('house-style details', () => {
	it('drops tables of contents and keeps the preamble, code-fence `#` lines, CRLF as LF and a final newline', () => {
		const result = imported('crlf-toc.md');
		expect(result.markdown).not.toMatch(/Table of Contents|\[TOC\]|\]\(#/u);
		expect(result.markdown).not.toContain('\r');
		expect(result.markdown.endsWith('limit.\n')).toBe(true);
		expect(result.markdown.indexOf('Copied from the wiki page')).toBeLessThan(result.markdown.indexOf('# Rate limiter'));
		expect(result.markdown).toContain('```python\n# refill rule\n');
		expect(imported('tep-frontmatter.md').markdown).not.toMatch(/<!--|\]\(#/u);
	});

	it('moves frontmatter keys Specbook does not have into the body as fields, and keeps other metadata lines', () => {
		const tep = imported('tep-frontmatter.md').markdown;
		expect(tep).toContain('- **creation-date**: 2020-11-02');
		expect(tep).toContain('- **sponsor**: Ada Park');
		expect(tep).toContain('- **see-also**: TEP-0021');
		expect(tep.split('---\n')[1]).toBe(`imported:\n  from: ${DOCS}/tep-frontmatter.md\n  status: implementable\n`);
		expect(imported('app-bold-fields.md').markdown).toContain('**Priority**: P1\n**Decision Notes**: agreed in the architecture sync');
		expect(imported('metadata-table.md').markdown).toMatch(/\| \*\*RFC #\*\* +\| 212 +\|\n\| --- \| --- \|\n\| \*\*Sponsor\*\*/u);
		expect(imported('blockquote-emoji.md').markdown).toContain('> **Reviewers**: Otto Brandt');
		expect(imported('all-caps-id.md').markdown).toContain('Last updated: 15 May 2017 (after the security review)\nCreated: 2 March 2017');
	});

	it('keeps a timeline the grammar cannot read in the phase text, with Timeline TBD', () => {
		const app = imported('app-bold-fields.md').markdown;
		expect(app).toContain('### Phase 2 — Migrate senders\n- **Timeline**: TBD\n\n**Timeline**: Week 13-14');
		expect(imported('checkbox-phases.md').markdown).toContain('- [ ] Phase 3: Polish (Week 30-32)');
	});

	it('takes the Feature from the H1 when the frontmatter title is a slug, and keeps that title as a field', () => {
		const source = '---\ntitle: 0023-implicit-mapping\nauthors: ["@ana"]\n---\n\n# TEP-0023: Implicit Parameter Mapping\n\nText.\n';
		const result = importSpec(source, options('teps/0023-implicit-mapping.md'));
		expect(result.feature).toBe('Implicit Parameter Mapping');
		expect(result.markdown).toContain('- **title**: 0023-implicit-mapping');
	});

	it('keeps a heading named in other words as the first subsection of the template section', () => {
		const { markdown } = imported('swift-evolution.md');
		expect(markdown).toContain('## Background\n\n### Motivation\n');
		expect(markdown).toMatch(/- \*\*Status\*\*: Approved\n\n### Introduction\n/u);
	});

	it('respells near-miss headings and labels in mapped sections, which check would otherwise reject', () => {
		const source = '# Checkout\n\nOwner: @lee\n\n## Architecture\n\n### System Desing\n\n- **Componets**: web, API\n\n## Background\n\n- **Non Goal**: iOS\n';
		const result = importSpec(source, options('docs/checkout.md'));
		expect(result.markdown).toContain('### System Design\n\n- **Components**: web, API');
		expect(result.markdown).toContain('- **Non-Goals**: iOS');
		expect(check(result.target, result.markdown).diagnostics.filter((each) => each.severity === 'error')).toEqual([]);
	});

	it('keeps a phase note the grammar cannot read in the heading, with Timeline TBD; drops a table that was all metadata', () => {
		const source = '# Checkout\n\n| Field | Value |\n|---|---|\n| **Status** | In Progress |\n| **Owner** | @lee |\n\n## Phases\n\n### Phase 1: Foundation (Weeks 1-2)\n- Set up\n';
		const { markdown } = importSpec(source, options('docs/checkout.md'));
		expect(markdown).toContain('### Phase 1: Foundation (Weeks 1-2)\n- **Timeline**: TBD\n');
		expect(markdown).not.toContain('| Field | Value |');
	});

	it('rebases relative links to the spec’s new place and points links between imported docs at their specs', () => {
		const source = readFileSync(`${DOCS}/app-bold-fields.md`, 'utf8');
		const targets = new Map([[`${DOCS}/sender-audit.md`, 'specs/sender-audit.md']]);
		const { markdown } = importSpec(source, { ...options(`${DOCS}/app-bold-fields.md`), targets });
		expect(markdown).toContain('[sender audit](sender-audit.md)');
		expect(markdown).toContain('[legacy worker](../test/fixtures/services/legacy/worker.go)');
	});

	it('falls back to the given author only when the source names nobody, and fails without any', () => {
		expect(imported('crlf-toc.md').authors).toEqual(['Kofi Mensah']);
		const nameless = '# Nameless\n\nText.\n';
		expect(importSpec(nameless, options('docs/nameless.md')).authors).toEqual(['Fallback Person']);
		expect(() => importSpec(nameless, { ...options('docs/nameless.md'), fallbackAuthor: undefined })).toThrow(ImportError);
	});
});

describe('what real docs write around their metadata', () => {
	const errors = (result: { target: string; markdown: string }) => check(result.target, result.markdown).diagnostics.filter((each) => each.severity === 'error');

	it('keeps a remark written under a metadata value, in the header and in the Overview', () => {
		const header = importSpec(
			'# Event sourcing\n\n- **Status**: Accepted\n  - Approved by the board, on condition that PII is encrypted.\n- **Authors**: Ana Lima\n  (for the orders team)\n\n## Motivation\n\nCrashes.\n',
			options('docs/es.md')
		);
		expect(header.status).toBe('Approved');
		expect(header.authors).toEqual(['Ana Lima']);
		expect(header.markdown).toContain('- **Status**: Accepted\n  - Approved by the board, on condition that PII is encrypted.\n- **Authors**: Ana Lima\n  (for the orders team)\n');
		expect(errors(header)).toEqual([]);

		const overview = importSpec('# Ledger\n\n## Overview\n\n- **Status**: proposed\n  Pending legal sign-off.\n- **Owner**: Bo Chen\n\nA rewrite.\n', options('docs/ledger.md'));
		expect(overview.status).toBe('In Review');
		// Above the Overview, where it does not stand for a second Status field.
		expect(overview.markdown).toMatch(/- \*\*Status\*\*: proposed\n {2}Pending legal sign-off\.\n\n## Overview\n/u);
		expect(overview.markdown).toContain('A rewrite.');
		expect(errors(overview)).toEqual([]);
	});

	it('reads an ADR Status section written as a paragraph, a list or with a note after it, and keeps its links', () => {
		const adr = (status: string) => importSpec(`# 8. Adopt Kafka\n\nDate: 2024-03-03\n\n## Status\n\n${status}\n\n## Context\n\nWe need a log.\n`, options('docs/adr/0008-adopt-kafka.md'));
		expect(adr('Accepted').status).toBe('Approved');
		expect(adr('Accepted').markdown).not.toContain('## Status');
		expect(adr('* Accepted').status).toBe('Approved');
		const amended = adr('Accepted\n\nAmended by [9. Retention](0009-retention.md)');
		expect(amended.status).toBe('Approved');
		expect(amended.markdown).toContain('## Status\n\nAmended by [9. Retention](../docs/adr/0009-retention.md)\n');
		const superseded = adr('Superseded by [3. Use CockroachDB](0003-use-cockroach.md)');
		expect(superseded.originalStatus).toBe('Superseded by 3. Use CockroachDB');
		expect(superseded.markdown).toContain('Superseded by [3. Use CockroachDB](../docs/adr/0003-use-cockroach.md)');
	});

	it('keeps every link working: destinations in angle brackets, raw HTML src and href, anchors of renamed headings', () => {
		const source = '# Diagrams\n\nAuthor: Ann\n\nSee [the background](#1-background).\n\n![big](<img/big diagram.png>)\n\n<img src="img/small.png" width="200"> <a href=\'notes.md#a\'>notes</a>\n\n## 1. Background\n\nText.\n';
		const { markdown } = importSpec(source, options('docs/design/diagrams.md'));
		expect(markdown).toContain('![big](<../docs/design/img/big diagram.png>)');
		expect(markdown).toContain('<img src="../docs/design/img/small.png" width="200"> <a href=\'../docs/design/notes.md#a\'>notes</a>');
		expect(markdown).toContain('See [the background](#background).');
		expect(markdown).toContain('## Background\n\nText.');
	});

	it('a section named as the template names it keeps that section: `## Summary` before `## Overview` is no second Overview', () => {
		const result = importSpec('# Feed ranking\n\nAuthor: Ann\n\n## Summary\n\nRank feeds.\n\n## Overview\n\nLonger overview.\n', options('docs/feed.md'));
		expect(result.markdown).toMatch(/## Overview\n(?:- .*\n)+\nLonger overview\.\n\n## Summary\n\nRank feeds\.\n/u);
		expect(errors(result)).toEqual([]);
	});

	it('the section holding the phases is Implementation, even when another is named so', () => {
		const source = '# Ledger\n\nAuthor: Ann\n\n## Milestones\n\n### Phase 1: Dual writes\n- Write both\n\n## Implementation\n\nIn Go.\n';
		const result = importSpec(source, options('docs/ledger.md'));
		expect(check(result.target, result.markdown).specs[0]?.phases.map((phase) => phase.name)).toEqual(['Dual writes']);
	});

	it('reads a Rust-style RFC: Feature Name and Start Date, H1 sections and no title', () => {
		const rfc = '- Feature Name: `async_await`\n- Start Date: 2018-03-30\n\n# Summary\n\nAdd async syntax.\n\n# Motivation\n\nFutures are hard.\n\n# Drawbacks\n\nComplexity.\n';
		const result = importSpec(rfc, options('rfcs/2394-async_await.md'));
		expect(result).toMatchObject({ feature: 'async_await', lastUpdated: '2018-03-30', target: 'specs/async-await.md' });
		expect(result.markdown).toContain('### Summary\n\nAdd async syntax.');
		expect(result.markdown).toContain('## Background\n\n### Motivation\n\nFutures are hard.');
		expect(result.markdown).toContain('## Drawbacks\n\nComplexity.');
		expect(result.markdown).not.toMatch(/^# /mu);
		expect(errors(result)).toEqual([]);
		// One H1 that happens to be a section's name is still the title.
		const titled = importSpec('# Observability\n\nStatus: Proposed\nAuthor: Ann\n\n## Background\n\nWe fly blind.\n', options('docs/observability.md'));
		expect(titled).toMatchObject({ feature: 'Observability', status: 'In Review', originalStatus: 'Proposed' });
	});

	it('writes frontmatter people, lists of mappings and aliases as text, once, even without a title', () => {
		const result = importSpec(
			'---\ntitle: Checkout\nauthors:\n  - name: Ann Lee\n    email: ann@example.com\nteam: &team [Ann, Bo]\nreviewers: *team\nlinks: [{title: Doc, url: "https://x.y"}]\nlayout: post\n---\nWe redesign checkout.\n',
			options('docs/checkout.md')
		);
		expect(result.authors).toEqual(['Ann Lee']);
		expect(result.markdown).toContain('- **Author(s)**: Ann Lee <ann@example.com>');
		expect(result.markdown).not.toContain('[object Object]');
		const fields = '- **team**: Ann, Bo\n- **reviewers**: Ann, Bo\n- **links**: {"title":"Doc","url":"https://x.y"}\n- **layout**: post\n';
		expect(result.markdown.split(fields)).toHaveLength(2);
		expect(result.markdown).toContain('We redesign checkout.');
	});
});

describe('round trip', () => {
	it('a valid Specbook spec comes out unchanged apart from the `imported` frontmatter', async () => {
		const files = await listSpecFiles('specs', process.cwd());
		expect(files.length).toBeGreaterThan(5);
		for (const path of files) {
			const source = readFileSync(path, 'utf8');
			// Imported into its own folder, so its relative links stay as they are.
			const result = importSpec(source, options(path, dirname(path)));
			const frontmatter = `imported:\n  from: ${path}\n  status: ${result.originalStatus}\n`;
			expect(result.markdown, path).toContain(frontmatter);
			const without = result.markdown.replace(frontmatter, '').replace(/^---\n---\n/u, '');
			expect(without, path).toBe(source);
		}
	});

	it('so does any valid spec in any spelling the contract allows (bullets, label styles, case, setext, closing #s)', () => {
		fc.assert(
			fc.property(specObject, (object) => {
				// The importer writes LF line ends and no byte order mark: those are the only other changes.
				const source = render(object).replace(/^\uFEFF/u, '').replace(/\r\n/gu, '\n');
				const result = importSpec(source, options('specs/x.md'));
				const frontmatter = `imported:\n  from: specs/x.md\n  status: ${result.originalStatus}\n`;
				expect(result.markdown.replace(frontmatter, '').replace(/^---\n---\n/u, '')).toBe(source);
			}),
			{ numRuns: 60 }
		);
	});
});

describe('mapping tables', () => {
	it('maps statuses on their leading words, ignoring case, emphasis and a trailing parenthetical', () => {
		const table: [string, string][] = [
			['Accepted', 'Approved'], ['**Implemented (Swift 5.0)**', 'Approved'], ['implementable', 'Approved'], ['Deployed', 'Approved'],
			['Final', 'Approved'], ['Done', 'Approved'], ['Production Ready', 'Approved'], ['approved with changes', 'Approved'],
			['Proposed', 'In Review'], ['in review', 'In Review'], ['Under Review', 'In Review'], ['Ready for Review', 'In Review'],
			['Design Phase', 'Draft'], ['Ready for Development', 'Draft'], ['Rejected', 'Draft'], ['Withdrawn', 'Draft'], ['Doneish', 'Draft'],
		];
		expect(table.map(([text]) => [text, mapStatus(text)])).toEqual(table);
	});

	it('reads dates in the forms docs write, month-only as the first day', () => {
		expect(['2026-01-15', '2026/01/15', '15 May 2017', 'May 15, 2017', 'January 2026', 'Sept 2025', '2026-02', '15 May 2017 (after review)', '2026-02-30', 'soon'].map(parseLooseDate)).toEqual([
			'2026-01-15', '2026-01-15', '2017-05-15', '2017-05-15', '2026-01-01', '2025-09-01', '2026-02-01', '2017-05-15', undefined, undefined,
		]);
	});

	it('reads headings without numbering, emoji or ID prefixes', () => {
		expect(['1. System Overview', '2.3 Data model', '🎯 Goals', '🏗️ Architecture', 'IV. Risks'].map(cleanHeading)).toEqual(['System Overview', 'Data model', 'Goals', 'Architecture', 'Risks']);
		expect(['SPEC-035: Tenant export', 'TEP-0041: Results', 'SE-0255 — Implicit returns', 'Plain title'].map(withoutIdPrefix)).toEqual(['Tenant export', 'Results', 'Implicit returns', 'Plain title']);
	});
});
