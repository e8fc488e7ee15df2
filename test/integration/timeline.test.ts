/**
 * The timelines as built: the roadmap at /timeline/ (and its status pages) and the timeline on each
 * spec page. The fixture (test/fixtures/timeline/specs) has dated phases across a year boundary,
 * chained durations, a durations-only Draft, a TBD phase, a spec without phases, and one of each
 * schedule warning. Today is 2026-11-26, so /timeline/ shows Q4 2026 – Q2 2027, /timeline/2026-q1/
 * the three quarters before and /timeline/2027-q3/ the three after. Every dated phase the JSON API
 * lists must be on the page of each window it overlaps, with its dates.
 */
import { describe, expect, it } from 'vitest';
import type { ApiDocument, ApiSpec } from '../../src/site/api.ts';
import { overlapsWindow, windowAt } from '../../src/site/roadmap-window.ts';
import { roadmapUrl } from '../../src/site/urls.ts';
import { FIXTURE_TODAY } from '../helpers/build-fixture.ts';
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
	it('shows the current quarter and the next two, with the specs that have a phase in them, by first start date', () => {
		const page = site.read('/timeline/');
		expect(textOf(element(page, /<h1/) ?? '')).toBe('Roadmap, Q4 2026 – Q2 2027');
		expect(page).toMatch(/<title>Roadmap, Q4 2026 – Q2 2027 \|/);
		expect(sentence(element(page, /<p class="tl-note"/) ?? '')).toBe(
			'4 specs with phases in Q4 2026 – Q2 2027 (this quarter and the next two), by first start date. The vertical line marks today, 2026-11-26.',
		);
		expect(roadmapGroups('/timeline/').map((group) => group.href)).toEqual([
			'/specs/ledger/idempotency/', // 2026-08-03, its phase 3 runs into the window
			'/specs/payments/refunds-v2/', // 2026-11-02
			'/specs/payments/retry-policy/', // 2026-12-01
			'/specs/search/semantic-search/', // 2027-03-01
		]);
		// Observability SLOs starts in September 2027: on its own window's page, not this one.
		expect(page).not.toContain('/specs/observability-slos/');
		expect(roadmapGroups('/timeline/')[0]?.title).toBe('Ledger idempotency keys Approved');
	});

	it('writes the phases in the window with their names and dates, and the phases without dates, in phase order', () => {
		const groups = roadmapGroups('/timeline/');
		expect(groups[0]?.phases).toEqual(['Phase 3: Producer adoption and enforcement 2026-09-28 → 2026-11-13']);
		expect(groups[2]?.phases).toEqual([
			'Phase 1: Network rules and policy engine 2026-12-01 → 2026-12-18',
			'Phase 2: Shadow mode over peak season 2026-12-19 → 2027-01-08',
			'Phase 3: Enforcement and acquirer failover 2027-01-11 → 2027-02-19',
		]);
		// Phase 2 (Q3 2027) is in the next window; the TBD phase stays with its spec and says so.
		expect(groups[3]?.phases).toEqual([
			expect.stringMatching(/^Phase 1: .* 2027-03-01 → 2027-03-31$/),
			'Phase 3: Retire hand-maintained synonyms TBD not estimated yet',
		]);
	});

	it('puts every dated phase on the page of each window it overlaps, and nowhere else', () => {
		const windows = [windowAt(FIXTURE_TODAY, -1), windowAt(FIXTURE_TODAY, 0), windowAt(FIXTURE_TODAY, 1)];
		const pageOf = (index: number) => roadmapUrl({ window: index === 0 ? undefined : windowAt(FIXTURE_TODAY, index).key }, '/');
		for (const each of api.specs.filter(dated)) {
			each.phases.forEach((phase) => {
				if (phase.start === null || phase.end === null) return;
				for (const window of windows) {
					const group = roadmapGroups(pageOf(window.index)).find((candidate) => candidate.href === each.url);
					const row = group?.phases.find((text) => text.startsWith(`Phase ${phase.number}: ${phase.name} `));
					expect(row, `${each.id} phase ${phase.number} on ${pageOf(window.index)}`).toEqual(
						overlapsWindow(phase, window) ? expect.stringContaining(`${phase.start} → ${phase.end}`) : undefined,
					);
				}
			});
		}
		const slos = roadmapGroups('/timeline/2027-q3/').find((group) => group.href === '/specs/observability-slos/');
		expect(slos?.phases.map((row) => row.replace(/ ⚠.*/, ''))).toEqual([
			'Phase 1: SLO definitions and shadow alerts 2027-09-06 → 2027-10-29',
			'Phase 2: Switch paging and error-budget policy 2027-10-20 → 2027-12-17',
		]);
	});

	it('builds a page for each window with phases and none for the empty ones', () => {
		const windowPages = site
			.files()
			.filter((file) => /^timeline\/\d{4}-q\d\/index\.html$/.test(file))
			.sort();
		expect(windowPages).toEqual(['timeline/2026-q1/index.html', 'timeline/2027-q3/index.html']);
		expect(textOf(element(site.read('/timeline/2027-q3/'), /<h1/) ?? '')).toBe('Roadmap, Q3 2027 – Q1 2028');
	});

	it('links to the nearest earlier and later windows with phases, saying which quarters, or says there is none', () => {
		const nav = (path: string) => element(site.read(path), /<nav class="tl-windows"/) ?? '';
		expect(hrefs(nav('/timeline/'))).toEqual(['/timeline/2026-q1/', '/timeline/2027-q3/']);
		expect(textOf(nav('/timeline/'))).toBe('← Earlier: Q1 2026 – Q3 2026 Later: Q3 2027 – Q1 2028 →');
		expect(hrefs(nav('/timeline/2027-q3/'))).toEqual(['/timeline/']);
		expect(textOf(nav('/timeline/2027-q3/'))).toBe('← Earlier: Q4 2026 – Q2 2027 No later phases');
		expect(textOf(nav('/timeline/2026-q1/'))).toBe('No earlier phases Later: Q4 2026 – Q2 2027 →');
		// With a status filter, the links keep it and skip to windows with phases of that status.
		expect(hrefs(nav('/timeline/draft/'))).toEqual(['/timeline/2027-q3/draft/']);
		expect(textOf(nav('/timeline/draft/'))).toBe('No earlier Draft phases Later: Q3 2027 – Q1 2028 →');
		expect(hrefs(nav('/timeline/approved/'))).toEqual(['/timeline/2026-q1/approved/']);
		expect(textOf(nav('/timeline/approved/'))).toBe('← Earlier: Q1 2026 – Q3 2026 No later Approved phases');
		expect(hrefs(nav('/timeline/2027-q3/approved/'))).toEqual(['/timeline/approved/']);
	});

	it('draws the bars on the window’s month axis, with today, and marks a bar that runs past the window’s edge', () => {
		const page = site.read('/timeline/');
		const scale = element(page, /<div class="tl-scale"/) ?? '';
		expect(elements(scale, /<b>/).map(textOf)).toEqual([
			'Oct 2026', 'Nov 2026', 'Dec 2026', 'Jan 2027', 'Feb 2027', 'Mar 2027', 'Apr 2027', 'May 2027', 'Jun 2027', 'Today',
		]);
		// 2026-10-01 → 2027-06-30 is 273 days; 2026-11-26 is day 56, drawn mid-day.
		expect(attribute(element(scale, /<span class="tl-today"/) ?? '', 'style')).toBe('left:20.7%;--at:20.7');
		// Ledger's phase 3 (from 2026-09-28) drawn from the window's first day, 44 days, marked; retry-policy's phase 1 (2026-12-01, 18 days).
		const bars = [...page.matchAll(/<span style="(left:[\d.]+%;width:[\d.]+%)"( data-b="\w+")?><\/span>/g)].map((match) => `${match[1]}${match[2] ?? ''}`);
		expect(bars[0]).toBe('left:0%;width:16.12% data-b="start"');
		expect(bars).toContain('left:22.34%;width:6.59%');
		// The same phase on the earlier window's page runs past its end.
		expect(site.read('/timeline/2026-q1/')).toMatch(/<span style="left:\d+(\.\d+)?%;width:[\d.]+%" data-b="end">/);
	});

	it('flags schedule warnings in text beside the phase', () => {
		const [, refunds] = roadmapGroups('/timeline/');
		const [, slos] = roadmapGroups('/timeline/2027-q3/');
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
		const [, refunds] = roadmapGroups('/timeline/');
		const [, slos] = roadmapGroups('/timeline/2027-q3/');
		const timelineOf = (href: string) => textOf(element(site.read(href), /<section class="tl not-content"/) ?? '');
		expect(timelineOf(refunds?.href ?? '')).toContain('⚠ Phase 1 starts on 2026-11-02, but it depends on "Ledger idempotency keys"');
		expect(timelineOf(slos?.href ?? '')).toContain('⚠ Phase 2 starts on 2027-10-20, but Phase 1, which it depends on, ends on 2027-10-29.');
	});

	it('lists the specs without dates apart, on the current window only', () => {
		const undated = element(site.read('/timeline/'), /<details class="tl-undated"/) ?? '';
		expect(textOf(element(undated, /<summary>/) ?? '')).toBe('2 specs have no dated phase and are not on the roadmap');
		expect(hrefs(undated)).toEqual(['/specs/data/feature-store/', '/specs/overview-only/']);
		expect(site.read('/timeline/2027-q3/')).not.toContain('tl-undated');
	});

	it('filters by status with plain links to one page per status, in each window', () => {
		const filter = element(site.read('/timeline/'), /<nav class="tl-filter"/) ?? '';
		expect(hrefs(filter)).toEqual(['/timeline/', '/timeline/draft/', '/timeline/in-review/', '/timeline/approved/']);
		expect(textOf(filter)).toBe('All (4) Draft (1) In Review (2) Approved (1)');
		const later = element(site.read('/timeline/2027-q3/'), /<nav class="tl-filter"/) ?? '';
		expect(hrefs(later)).toEqual(['/timeline/2027-q3/', '/timeline/2027-q3/draft/', '/timeline/2027-q3/in-review/', '/timeline/2027-q3/approved/']);
		expect(textOf(later)).toBe('All (2) Draft (2) In Review (0) Approved (0)');

		const drafts = site.read('/timeline/draft/');
		expect(textOf(element(drafts, /<h1/) ?? '')).toBe('Roadmap: Draft, Q4 2026 – Q2 2027');
		expect(textOf(element(drafts, /<a [^>]*aria-current="page"/) ?? '')).toBe('Draft (1)');
		expect(roadmapGroups('/timeline/draft/').map((group) => group.href)).toEqual(['/specs/search/semantic-search/']);
		expect(roadmapGroups('/timeline/2027-q3/draft/').map((group) => group.href)).toEqual([
			'/specs/search/semantic-search/',
			'/specs/observability-slos/',
		]);
		expect(roadmapGroups('/timeline/in-review/').map((group) => group.href)).toEqual([
			'/specs/payments/refunds-v2/',
			'/specs/payments/retry-policy/',
		]);
		expect(roadmapGroups('/timeline/approved/').map((group) => group.href)).toEqual(['/specs/ledger/idempotency/']);
		// A window with no spec of the status says so; a later window has no today line, and the note says why.
		const approvedLater = site.read('/timeline/2027-q3/approved/');
		expect(sentence(element(approvedLater, /<p class="tl-note"/) ?? '')).toBe('No Approved spec has phases in Q3 2027 – Q1 2028.');
		const draftsLater = site.read('/timeline/2027-q3/draft/');
		expect(draftsLater).not.toContain('class="tl-today"');
		expect(sentence(element(draftsLater, /<p class="tl-note"/) ?? '')).toContain('Today, 2026-11-26, is before this timeline starts.');
	});

	it('is kept out of the search index', () => {
		expect(site.read('/timeline/')).not.toContain('data-pagefind-body');
		expect(site.read('/timeline/2027-q3/')).not.toContain('data-pagefind-body');
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
