/**
 * The timelines as built: the roadmap at /timeline/ (and its status pages) and the timeline on each
 * spec page. The fixture (test/fixtures/timeline/specs) has dated phases across a year boundary,
 * chained durations, a durations-only Draft, a TBD phase, a spec without phases, and one of each
 * schedule warning. Every phase the JSON API lists must be on the pages with its dates.
 */
import { describe, expect, it } from 'vitest';
import type { ApiDocument, ApiSpec } from '../../src/site/api.ts';
import { builtFixture } from '../helpers/fixtures.ts';
import { attribute, element, elements, hrefs, textOf } from '../helpers/html.ts';

const site = builtFixture('timeline');
const api = JSON.parse(site.read('/api/specs.json')) as ApiDocument;

/** The roadmap's groups: one per spec, with its link, title and phase rows (as text). */
function roadmapGroups(path: string) {
	const list = element(site.read(path), /<ol class="tl-specs"/) ?? '';
	return elements(list, /<li><h2>/).map((group) => ({
		href: hrefs(element(group, /<h2>/) ?? '')[0],
		title: textOf(element(group, /<h2>/) ?? ''),
		phases: elements(element(group, /<ol class="tl-phases"/) ?? '', /<li[ >]/).map(textOf),
	}));
}

/** A spec page's timeline phase rows, as text, in order. */
function specTimeline(id: string) {
	const section = element(site.read(`/specs/${id}/`), /<section class="tl /);
	if (section === undefined) return undefined;
	return {
		text: sentence(section),
		phases: elements(element(section, /<ol class="tl-phases"/) ?? '', /<li[ >]/).map(textOf),
		ticks: elements(element(section, /<div class="tl-scale"/) ?? '', /<b>/).map(textOf),
	};
}

/** Text of a fragment; `textOf` puts a space for every tag, also before the period after a `<time>`. */
const sentence = (html: string) => textOf(html).replace(/ ([.,])/g, '$1');
const dated = (each: ApiSpec) => each.phases.some((phase) => phase.start !== null);

describe('the roadmap', () => {
	it('groups every spec with dated phases, ordered by first start date', () => {
		const groups = roadmapGroups('/timeline/');
		expect(groups.map((group) => group.href)).toEqual([
			'/specs/ledger/idempotency/', // 2026-08-03
			'/specs/payments/refunds-v2/', // 2026-11-02
			'/specs/payments/retry-policy/', // 2026-12-01
			'/specs/search/semantic-search/', // 2027-03-01
			'/specs/observability-slos/', // 2027-09-06
		]);
		expect(groups[0]?.title).toBe('Ledger idempotency keys Approved');
	});

	it('writes every phase of those specs with its name and dates, in phase order', () => {
		const groups = roadmapGroups('/timeline/');
		for (const each of api.specs.filter(dated)) {
			const group = groups.find((candidate) => candidate.href === each.url);
			expect(group?.phases, each.id).toHaveLength(each.phases.length);
			each.phases.forEach((phase, index) => {
				const row = group?.phases[index] ?? '';
				expect(row).toContain(`Phase ${phase.number}: ${phase.name}`);
				expect(row).toContain(phase.start ? `${phase.start} → ${phase.end}` : 'TBD');
			});
		}
		expect(groups[2]?.phases).toEqual([
			'Phase 1: Network rules and policy engine 2026-12-01 → 2026-12-18',
			'Phase 2: Shadow mode over peak season 2026-12-19 → 2027-01-08',
			'Phase 3: Enforcement and acquirer failover 2027-01-11 → 2027-02-19',
		]);
		// A TBD phase says so.
		expect(groups[3]?.phases[2]).toBe('Phase 3: Retire hand-maintained synonyms TBD not estimated yet');
	});

	it('draws the bars on one shared quarter axis, with today', () => {
		const page = site.read('/timeline/');
		const scale = element(page, /<div class="tl-scale"/) ?? '';
		expect(elements(scale, /<b>/).map(textOf)).toEqual(['Q3 2026', 'Q4 2026', 'Q1 2027', 'Q2 2027', 'Q3 2027', 'Q4 2027', 'Today']);
		// 2026-07-01 → 2027-12-31 is 549 days; 2026-11-26 is day 148, drawn mid-day.
		expect(attribute(element(scale, /<span class="tl-today"/) ?? '', 'style')).toBe('left:27.05%;--at:27.05');
		expect(sentence(element(page, /<p class="tl-note"/) ?? '')).toBe(
			'5 specs with dated phases, by first start date. The vertical line marks today, 2026-11-26.',
		);
		// Ledger's phase 1 (2026-08-03, 33 days) and retry-policy's phase 1 (2026-12-01, 18 days).
		const bars = [...page.matchAll(/<span style="(left:[\d.]+%;width:[\d.]+%)"><\/span>/g)].map((match) => match[1]);
		expect(bars[0]).toBe('left:6.01%;width:6.01%');
		expect(bars).toContain('left:27.87%;width:3.28%');
	});

	it('flags schedule warnings in text beside the phase', () => {
		const [, refunds, , , slos] = roadmapGroups('/timeline/');
		expect(refunds?.phases[0]).toContain(
			'⚠ The spec is still In Review, but Phase 1 started on 2026-11-02 (today is 2026-11-26).',
		);
		expect(refunds?.phases[0]).toContain(
			'⚠ Phase 1 starts on 2026-11-02, but it depends on "Ledger idempotency keys" (ledger/idempotency), whose last phase ends on 2026-11-13.',
		);
		expect(slos?.phases[1]).toContain('⚠ Phase 2 starts on 2027-10-20, but Phase 1, which it depends on, ends on 2027-10-29.');
		expect(refunds?.phases[1]).not.toContain('⚠');
	});

	it('flags the same warnings on the spec page\'s own timeline', () => {
		const [, refunds, , , slos] = roadmapGroups('/timeline/');
		const timelineOf = (href: string) => textOf(element(site.read(href), /<section class="tl not-content"/) ?? '');
		expect(timelineOf(refunds?.href ?? '')).toContain('⚠ Phase 1 starts on 2026-11-02, but it depends on "Ledger idempotency keys"');
		expect(timelineOf(slos?.href ?? '')).toContain('⚠ Phase 2 starts on 2027-10-20, but Phase 1, which it depends on, ends on 2027-10-29.');
	});

	it('lists the specs without dates apart', () => {
		const undated = element(site.read('/timeline/'), /<details class="tl-undated"/) ?? '';
		expect(textOf(element(undated, /<summary>/) ?? '')).toBe('2 specs have no dated phase and are not on the roadmap');
		expect(hrefs(undated)).toEqual(['/specs/data/feature-store/', '/specs/overview-only/']);
	});

	it('filters by status with plain links to one page per status', () => {
		const filter = element(site.read('/timeline/'), /<nav class="tl-filter"/) ?? '';
		expect(hrefs(filter)).toEqual(['/timeline/', '/timeline/draft/', '/timeline/in-review/', '/timeline/approved/']);
		expect(textOf(filter)).toBe('All (5) Draft (2) In Review (2) Approved (1)');

		const drafts = site.read('/timeline/draft/');
		expect(textOf(element(drafts, /<a [^>]*aria-current="page"/) ?? '')).toBe('Draft (2)');
		expect(roadmapGroups('/timeline/draft/').map((group) => group.href)).toEqual([
			'/specs/search/semantic-search/',
			'/specs/observability-slos/',
		]);
		expect(roadmapGroups('/timeline/in-review/').map((group) => group.href)).toEqual([
			'/specs/payments/refunds-v2/',
			'/specs/payments/retry-policy/',
		]);
		expect(roadmapGroups('/timeline/approved/').map((group) => group.href)).toEqual(['/specs/ledger/idempotency/']);
		// Today (2026-11-26) is before the first Draft phase: no line, and the note says why.
		expect(drafts).not.toContain('class="tl-today"');
		expect(sentence(element(drafts, /<p class="tl-note"/) ?? '')).toContain('Today, 2026-11-26, is before this timeline starts.');
	});

	it('is titled Roadmap and kept out of the search index', () => {
		const page = site.read('/timeline/');
		expect(page).toMatch(/<title>Roadmap \|/);
		expect(page).not.toContain('data-pagefind-body');
	});
});

describe('the timeline on a spec page', () => {
	it('shows every phase of every spec with its dates, weeks or TBD, in order', () => {
		for (const each of api.specs) {
			const timeline = specTimeline(each.id);
			if (each.phases.length === 0) {
				expect(timeline, each.id).toBeUndefined();
				continue;
			}
			expect(timeline?.phases, each.id).toHaveLength(each.phases.length);
			each.phases.forEach((phase, index) => {
				const row = timeline?.phases[index] ?? '';
				expect(row).toMatch(new RegExp(`^Phase ${phase.number}: ${phase.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} `));
				if (phase.start) expect(row).toContain(`${phase.start} → ${phase.end}`);
				else if (phase.durationDays === null) expect(row).toContain('TBD');
				else expect(row).toMatch(/Week \d+/);
			});
		}
	});

	it('puts a dated spec on a month axis across the year boundary', () => {
		const timeline = specTimeline('payments/retry-policy');
		expect(timeline?.ticks).toEqual(['Dec 2026', 'Jan 2027', 'Feb 2027']);
		expect(timeline?.text).toContain('3 phases, 2026-12-01 → 2027-02-19. Today, 2026-11-26, is before this timeline starts.');
	});

	it('lays durations without dates end to end on a week axis', () => {
		const timeline = specTimeline('data/feature-store');
		expect(timeline?.ticks).toEqual(['Week 1', 'Week 3', 'Week 5', 'Week 7', 'Week 9']);
		expect(timeline?.phases.map((row) => row.replace(/^Phase \d+: .*? (?=Week)/, ''))).toEqual([
			'Week 1 → week 2 10 days',
			'Week 2 → week 5 3 weeks · 21 days',
			'Week 5 → week 8 2-3 weeks · 21 days',
			'Week 8 → week 9 1 week · 7 days',
		]);
	});

	it('shows a TBD phase as TBD, with no bar', () => {
		const section = element(site.read('/specs/search/semantic-search/'), /<section class="tl /) ?? '';
		const rows = elements(element(section, /<ol class="tl-phases"/) ?? '', /<li[ >]/);
		expect(textOf(rows[2] ?? '')).toBe('Phase 3: Retire hand-maintained synonyms TBD not estimated yet');
		expect(attribute(rows[2] ?? '', 'data-k')).toBe('tbd');
		expect(rows[2]).not.toContain('style=');
	});

	it('marks today when it falls on the axis', () => {
		const scale = element(element(site.read('/specs/payments/refunds-v2/'), /<section class="tl /) ?? '', /<div class="tl-scale"/) ?? '';
		// 2026-11-01 → 2027-03-31 is 151 days; 2026-11-26 is day 25, drawn mid-day.
		expect(attribute(element(scale, /<span class="tl-today"/) ?? '', 'style')).toBe('left:16.89%;--at:16.89');
	});

	it('uses no script', () => {
		const section = element(site.read('/specs/payments/retry-policy/'), /<section class="tl /) ?? '';
		expect(section).not.toMatch(/<script|\son\w+=/);
		expect(element(site.read('/timeline/'), /<div class="tl tl-roadmap/)).not.toMatch(/<script|\son\w+=/);
	});
});
