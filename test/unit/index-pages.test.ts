import { expect, test } from 'vitest';
import { INDEX_PAGE_SIZE, indexPages, pagerNumbers, sortedBy } from '../../src/site/index-pages.ts';
import { statusPageUrl } from '../../src/site/urls.ts';

test('an index of one page is one page in the default order: its script sorts in place', () => {
	expect(indexPages(INDEX_PAGE_SIZE, ['time', 'updated', 'feature'])).toEqual([{ sort: undefined, page: 1, pages: 1 }]);
	expect(indexPages(0, ['updated'])).toEqual([{ sort: undefined, page: 1, pages: 1 }]);
});

test('a longer index has every page in every order, the default one without a sort', () => {
	const pages = indexPages(INDEX_PAGE_SIZE + 1, ['updated', 'feature']);
	expect(pages.map(({ sort, page }) => statusPageUrl('In Review', { sort, page }, '/'))).toEqual([
		'/status/in-review/',
		'/status/in-review/2/',
		'/status/in-review/feature/',
		'/status/in-review/feature/2/',
	]);
});

test('the pager links the first, the last and two pages either side of the current one', () => {
	expect(pagerNumbers(1, 2)).toEqual([1, 2]);
	expect(pagerNumbers(6, 100)).toEqual([1, 4, 5, 6, 7, 8, 100]);
	expect(pagerNumbers(100, 100)).toEqual([1, 98, 99, 100]);
});

test('sorting keeps the given order among equal keys', () => {
	const items = [{ id: 'b', key: 'x' }, { id: 'a', key: 'y' }, { id: 'c', key: 'x' }];
	expect(sortedBy(items, (item) => item.key, 'text', 'descending').map((item) => item.id)).toEqual(['a', 'b', 'c']);
});
