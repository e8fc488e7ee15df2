/**
 * A spec's life from git, on a built site: the specs come from a repository made with fixed-date
 * commits (test/helpers/history-repo.ts), and the API, the spec pages, /changes/, its feed and
 * the status indexes show what those commits did.
 */
import { describe, expect, test } from 'vitest';
import { builtFixture } from '../helpers/fixtures.ts';
import { ANA, BO } from '../helpers/history-repo.ts';
import { attribute, element, elements, hrefs, textOf } from '../helpers/html.ts';

const site = builtFixture('history');
const REPO = 'https://github.com/acme/specs';

interface ApiSpec {
	id: string;
	created: string | null;
	statusSince: string | null;
	revisions: number;
	contributors: string[];
	history: { date: string; status: string; commit: string }[];
}
const specs = (JSON.parse(site.read('/api/specs.json')) as { specs: ApiSpec[] }).specs;
const api = (id: string) => specs.find((spec) => spec.id === id)!;

describe('/api/specs.json', () => {
	test('publishes the published specs only: not a deleted file, not _draft.md', () => {
		expect(specs.map((spec) => spec.id)).toEqual(['ledger/export', 'payments/refunds', 'payments/retry-v2', 'uncommitted']);
	});

	test('Draft → In Review → Approved, edits in between adding no entry', () => {
		const retry = api('payments/retry-v2');
		expect(retry).toMatchObject({ created: '2026-01-05', statusSince: '2026-03-01', revisions: 4, contributors: [ANA, BO] });
		expect(retry.history.map(({ date, status }) => `${date} ${status}`)).toEqual(['2026-01-05 Draft', '2026-02-10 In Review', '2026-03-01 Approved']);
		for (const { commit } of retry.history) expect(commit).toMatch(/^[0-9a-f]{40}$/u);
	});

	test('a spec moved to another folder keeps its history; a spelling-only change is no transition; a status changed back is one', () => {
		const ledger = api('ledger/export');
		expect(ledger).toMatchObject({ created: '2026-01-05', statusSince: '2026-05-01', revisions: 6, contributors: [ANA, BO] });
		expect(ledger.history.map(({ date, status }) => `${date} ${status}`)).toEqual(['2026-01-05 Draft', '2026-02-12 In Review', '2026-04-01 Approved', '2026-05-01 In Review']);
	});

	test('a spec never committed has no history, and the build says why once', () => {
		expect(api('uncommitted')).toMatchObject({ created: null, statusSince: null, revisions: 0, contributors: [], history: [] });
		expect(site.output.match(/no git history yet/gu)).toHaveLength(1);
		expect(site.output).toContain('1 spec has no git history yet (never committed): ');
	});
});

describe('pages', () => {
	test('a spec page shows its history line and its status changes, each linking to its commit', () => {
		const page = site.read('/specs/payments/retry-v2/');
		const history = element(page, /<div class="spec-history/) ?? '';
		expect(textOf(element(history, /<p class="spec-history-line/) ?? '')).toBe(`Created 2026-01-05 · Approved since 2026-03-01 (270 days) · 4 revisions · Commits by ${ANA}, ${BO}`);
		const changes = elements(element(history, /<details/) ?? '', /<li/).map(textOf);
		expect(changes.map((text) => text.replace(/ · \w+$/u, ''))).toEqual(['2026-03-01 · In Review → Approved', '2026-02-10 · Draft → In Review', '2026-01-05 · added as Draft']);
		expect(hrefs(history)).toEqual(api('payments/retry-v2').history.map(({ commit }) => `${REPO}/commit/${commit}`).reverse());
	});

	test('a spec with no history shows no history line', () => {
		expect(element(site.read('/specs/uncommitted/'), /<div class="spec-history/)).toBeUndefined();
	});

	test('/changes/ lists the status changes across specs, newest first, and the home page links it and its feed', () => {
		const items = elements(site.read('/changes/'), /<li>/).map(textOf);
		expect(items.slice(0, 5).map((text) => text.replace(/ · \w+$/u, ''))).toEqual([
			'2026-06-01 · Refunds · added as In Review',
			'2026-05-01 · Ledger export · Approved → In Review',
			'2026-04-01 · Ledger export · In Review → Approved',
			'2026-03-01 · Retry policy v2 · In Review → Approved',
			'2026-02-12 · Ledger export · Draft → In Review',
		]);
		expect(hrefs(site.read('/'))).toEqual(expect.arrayContaining(['/changes/', '/changes.xml']));
	});

	test('/changes.xml is the same list as RSS', () => {
		const feed = site.read('/changes.xml');
		const titles = [...feed.matchAll(/<item><title>([^<]*)<\/title>/gu)].map((match) => match[1]);
		expect(titles.slice(0, 2)).toEqual(['Refunds: added as In Review', 'Ledger export: Approved → In Review']);
		expect(titles).toHaveLength(8);
	});

	test('the In Review index is a queue: longest waiting first, with since when', () => {
		const page = site.read('/status/in-review/');
		expect(textOf(page)).toMatch(/2 specs ?, longest In Review first ?\./u);
		// By Last Updated, Refunds would come first.
		const cards = elements(page, /<li class="spec-card/).map(textOf);
		expect(cards.map((text) => text.split(' ')[0])).toEqual(['Ledger', 'Refunds']);
		expect(cards[0]).toContain('In Review since 2026-05-01 (209 days)');
		expect(cards[1]).toContain('In Review since 2026-06-01 (178 days)');
	});

	test('the In Review index has a labelled sort control, hidden until its script runs, and each card the keys it sorts by', () => {
		const page = site.read('/status/in-review/');
		const control = element(page, /<div class="list-sort[^"]*"[^>]* data-list-sort=/u)!;
		expect(attribute(control, 'hidden')).toBe('');
		const select = element(control, /<select/u)!;
		expect(control).toMatch(new RegExp(`<label for="${attribute(select, 'id')}"[^>]*>Sort by</label>`, 'u'));
		expect(elements(select, /<option/u).map((option) => `${textOf(option)}${attribute(option, 'selected') === undefined ? '' : ' (selected)'}`)).toEqual(['Time in status (selected)', 'Last Updated', 'Feature']);
		// The list the control sorts: the Ledger has waited longer, though Refunds was updated later.
		const list = element(page, new RegExp(`<ul[^>]* id="${attribute(control, 'data-list-sort')}"`, 'u'))!;
		expect(elements(list, /<li class="spec-card/u).map((card) => [attribute(card, 'data-sort-time'), attribute(card, 'data-sort-updated'), attribute(card, 'data-sort-feature')])).toEqual([
			['0', '2026-11-20', 'Ledger export'],
			['1', '2026-11-25', 'Refunds'],
		]);
	});
});

describe('links to repository files that are not specs', () => {
	test('go to the file on the host (repoUrl), by its path from the root of the repository holding the specs', () => {
		const links = hrefs(site.read('/specs/uncommitted/'));
		expect(links).toEqual(expect.arrayContaining([`${REPO}/blob/HEAD/README.md`, `${REPO}/blob/HEAD/src/retry.ts#L1`, `${REPO}/blob/HEAD/docs/adr/0001-queues.md`]));
		expect(links.filter((href) => /README|retry\.ts|0001-queues/u.test(href) && !href.startsWith(`${REPO}/blob/`))).toEqual([]);
	});
});
