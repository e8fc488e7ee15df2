/**
 * Random specs for the property tests and the fuzz campaign (`npm run fuzz`): valid spec objects
 * written out in random Markdown spellings, and the edits that break them the way people, merges
 * and tools do. Plain fast-check, no test runner, so test/fuzz/run.ts can use it under Node.
 */
import fc from 'fast-check';
import { STATUSES, type Diagnostic, type Status } from '../../src/core/index.ts';
import { buildSpec, type PhaseOptions, type SpecStyle } from './spec-builder.ts';

/** The date the generated specs are checked on. */
export const TODAY = '2026-11-26';

/** Words that mean something to the format (`and` splits authors, `None` empties a list, `TBD`…) are avoided in plain text. */
export const RESERVED = new Set(['and', 'none', 'na', 'nothing', 'tbd', 'n']);
export const word = fc.stringMatching(/^[A-Za-z][a-z]{1,9}$/u).filter((text) => !RESERVED.has(text.toLowerCase()));
const words = (min: number, max: number) => fc.array(word, { minLength: min, maxLength: max }).map((list) => list.join(' '));
/** Plain prose: words with some punctuation that is not Markdown syntax, never starting with a digit or a marker. */
export const prose = fc
	.tuple(words(1, 6), fc.constantFrom('', '.', ',', ' (beta)', ': phase two', ' - v2', "'s", ' 100%'), fc.option(words(1, 4), { nil: undefined }))
	.map(([head, punctuation, tail]) => `${head}${punctuation}${tail ? ` ${tail}` : ''}`);

export const author = fc.record(
	{
		name: fc.array(fc.stringMatching(/^[A-Z][a-z]{1,8}$/u).filter((text) => !RESERVED.has(text.toLowerCase())), { minLength: 1, maxLength: 3 }).map((parts) => parts.join(' ')),
		email: fc.option(fc.tuple(fc.stringMatching(/^[a-z][a-z0-9.]{0,8}[a-z0-9]$/u), fc.constantFrom('example.com', 'mail.example.co.uk')).map(([user, host]) => `${user}@${host}`), { nil: undefined }),
		// `__` between punctuation is real Markdown emphasis (`@a-__b, @c__-d`), so handles have no double underscore.
		handle: fc.option(fc.stringMatching(/^[a-z][a-z0-9_-]{0,10}[a-z0-9]$/u).filter((text) => !text.includes('__')), { nil: undefined }),
	},
	{ requiredKeys: ['name'] }
);

export const isoDate = (min: string, max: string) => fc.date({ min: new Date(`${min}T00:00:00Z`), max: new Date(`${max}T00:00:00Z`), noInvalidDate: true }).map((date) => date.toISOString().slice(0, 10));
export const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A valid Timeline in one of the contract's forms. */
export const timeline = fc.oneof(
	fc
		.tuple(isoDate('2026-01-01', '2029-12-31'), fc.integer({ min: 0, max: 400 }), fc.constantFrom(' → ', ' -> ', ' – ', ' — ', ' to ', ' .. ', '..'))
		.map(([start, days, arrow]) => {
			const end = new Date(Date.parse(`${start}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
			return `${start}${arrow}${end}`;
		}),
	fc.tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 2026, max: 2030 }), fc.boolean()).map(([q, year, isoStyle]) => (isoStyle ? `${year}-Q${q}` : `Q${q} ${year}`)),
	fc.tuple(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 0, max: 1 }), fc.integer({ min: 2026, max: 2030 })).map(([q, more, year]) => `Q${q}–Q${q + more} ${year}`),
	fc.tuple(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 2026, max: 2030 }), fc.constantFrom('iso', 'short', 'long')).map(([month, year, style]) =>
		style === 'iso'
			? `${year}-${String(month).padStart(2, '0')}`
			: style === 'short'
				? `${MONTHS[month - 1]} ${year}`
				: `${new Date(Date.UTC(2000, month - 1, 1)).toLocaleString('en', { month: 'long', timeZone: 'UTC' })} ${year}`
	),
	fc.tuple(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 0, max: 6 }), fc.integer({ min: 2026, max: 2030 })).map(([from, span, year]) => `${MONTHS[from - 1]}–${MONTHS[from - 1 + span]} ${year}`),
	fc.tuple(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 2026, max: 2029 })).map(([from, to, year]) => `${MONTHS[from - 1]} ${year} – ${MONTHS[to - 1]} ${year + 1}`),
	fc.tuple(fc.integer({ min: 1, max: 52 }), fc.constantFrom('week', 'weeks', 'day', 'days')).map(([count, unit]) => `${count} ${count === 1 ? unit.replace(/s$/u, '') : unit.endsWith('s') ? unit : `${unit}s`}`),
	fc.tuple(fc.integer({ min: 1, max: 8 }), fc.integer({ min: 0, max: 4 })).map(([low, extra]) => `${low}-${low + extra} weeks`),
	fc.constantFrom('TBD', 'tbd')
);

export const phase = fc.record({
	name: prose,
	tasks: fc.array(prose, { minLength: 1, maxLength: 4 }),
	dependencies: fc.array(prose, { maxLength: 3 }),
	timeline,
});

export const style: fc.Arbitrary<SpecStyle> = fc.record({
	bullet: fc.constantFrom('-', '*', '+'),
	label: fc.constantFrom('outside', 'inside', 'underscore', 'underscore-inside'),
	headingCase: fc.constantFrom('as-is', 'lower', 'upper'),
	closingHashes: fc.boolean(),
	setext: fc.boolean(),
	eol: fc.constantFrom('\n', '\r\n'),
	bom: fc.boolean(),
});

export const randomCase = (text: string) =>
	fc.array(fc.boolean(), { minLength: text.length, maxLength: text.length }).map((flags) => [...text].map((char, index) => (flags[index] ? char.toUpperCase() : char.toLowerCase())).join(''));

export const specObject = fc
	.record({
		feature: prose.filter((text) => text.length <= 120),
		authors: fc.array(author, { minLength: 1, maxLength: 4 }),
		authorsLabel: fc.constantFrom('Author(s)', 'Authors', 'Author', 'authors'),
		separator: fc.constantFrom(', ', ' and ', ', and ', ' , '),
		status: fc.constantFrom<Status>(...STATUSES),
		lastUpdated: isoDate('2020-01-01', TODAY),
		tags: fc.uniqueArray(fc.stringMatching(/^[a-z][a-z0-9-]{0,11}$/u), { maxLength: 4 }),
		phases: fc.array(phase, { minLength: 1, maxLength: 4 }),
		rollout: fc.array(prose, { minLength: 1, maxLength: 5 }),
		style,
	})
	.chain((spec) => randomCase(spec.status).map((written) => ({ ...spec, writtenStatus: written })))
	// Approved specs have no TBD timeline; that is an error, tested elsewhere.
	.map((spec) => (spec.status === 'Approved' ? { ...spec, phases: spec.phases.map((p) => (/^tbd$/iu.test(p.timeline) ? { ...p, timeline: '3 weeks' } : p)) } : spec));

export type SpecObject = typeof specObject extends fc.Arbitrary<infer T> ? T : never;

export function render(spec: SpecObject): string {
	const authors = spec.authors
		.map((entry) => [entry.name, entry.email ? `<${entry.email}>` : '', entry.handle ? `@${entry.handle}` : ''].filter(Boolean).join(' '))
		.join(spec.separator);
	const phases: PhaseOptions[] = spec.phases.map((entry) => ({ ...entry }));
	return buildSpec({
		feature: spec.feature,
		authors,
		authorsLabel: spec.authorsLabel,
		status: spec.writtenStatus,
		lastUpdated: spec.lastUpdated,
		phases,
		rollout: spec.rollout,
		style: spec.style,
		...(spec.tags.length ? { frontmatter: { tags: spec.tags } } : {}),
	});
}

/**
 * Text that trips parsers and position arithmetic: any code point (astral ones are two UTF-16
 * units), graphemes, and a set of known troublemakers: zero-width and bidi controls, separators
 * that are not Markdown line ends, NBSP, BOM, combining marks, NUL, lone CR.
 */
export const trickyText = fc.oneof(
	fc.string({ unit: 'binary', maxLength: 12 }),
	fc.string({ unit: 'grapheme', maxLength: 6 }),
	fc.constantFrom(
		'\u200B', '\u200D', '\u202E', '\u2066', '\u2028', '\u2029', '\u0085', '\u000B', '\u000C', '\u00A0', '\uFEFF', '\u0301',
		'😀', '👩‍💻', '𝕏', '\uFFFD', '\0', '\r', '\t', 'İ', 'ß', 'ﬁ', '&amp;', '&#x1F600;', '\\', '<!--', '-->', '<br>', '`',
	),
);

/** Edits that break a valid spec the way people, merges and tools do. */
export const mutation = fc.oneof(
	fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), count: fc.integer({ min: 1, max: 5 }) }),
	fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat(), count: fc.integer({ min: 1, max: 8 }) }),
	fc.record({ kind: fc.constant('swap' as const), at: fc.nat(), with: fc.nat() }),
	fc.record({ kind: fc.constant('swapSections' as const), at: fc.nat(), with: fc.nat() }),
	fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.string({ maxLength: 40 }) }),
	fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: trickyText }),
	fc.record({
		kind: fc.constant('insert' as const),
		at: fc.nat(),
		text: fc.constantFrom('---', '## ', '### Phase', '- **', '**', '```', '<Aside>', '{', '<!--', '1. ', '  - ', '\t', '\\', '[', '](', '\r', '\uFEFF', '\n', '\n\n', '> ', '|', '<details>', '[x]: ./y.md', '#'),
	}),
	fc.record({ kind: fc.constant('deleteChars' as const), at: fc.nat(), count: fc.integer({ min: 1, max: 12 }) }),
	fc.record({ kind: fc.constant('joinLines' as const), at: fc.nat() }),
	fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
	fc.record({ kind: fc.constant('truncateText' as const), at: fc.nat() }),
	fc.record({ kind: fc.constant('indent' as const), at: fc.nat(), by: fc.constantFrom(' ', '  ', '    ', '\t', '> ', '- ') }),
	fc.record({ kind: fc.constant('recase' as const), at: fc.nat(), upper: fc.boolean() }),
);

export type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

/** Applies the edits in order; positions wrap around, so any number is a valid place. */
export function mutate(source: string, edits: readonly Mutation[]): string {
	let lines = source.split('\n');
	for (const edit of edits) {
		const index = lines.length ? edit.at % lines.length : 0;
		const line = lines[index] ?? '';
		const column = line.length ? edit.at % (line.length + 1) : 0;
		switch (edit.kind) {
			case 'delete':
				lines.splice(index, edit.count);
				break;
			case 'duplicate':
				lines.splice(index, 0, ...lines.slice(index, index + edit.count));
				break;
			case 'swap': {
				const other = lines.length ? edit.with % lines.length : 0;
				[lines[index], lines[other]] = [lines[other] ?? '', line];
				break;
			}
			case 'swapSections': {
				// Whole `## ` sections (heading to the next one) trade places.
				const starts = lines.flatMap((text, at) => (/^\s{0,3}##\s/u.test(text) ? [at] : []));
				if (starts.length < 2) break;
				const bounds = (n: number) => [starts[n]!, starts[n + 1] ?? lines.length] as const;
				const [a, b] = [edit.at % starts.length, edit.with % starts.length].sort((x, y) => x - y) as [number, number];
				if (a === b) break;
				const [aStart, aEnd] = bounds(a);
				const [bStart, bEnd] = bounds(b);
				lines = [...lines.slice(0, aStart), ...lines.slice(bStart, bEnd), ...lines.slice(aEnd, bStart), ...lines.slice(aStart, aEnd), ...lines.slice(bEnd)];
				break;
			}
			case 'insert':
				lines.splice(index, 1, ...(line.slice(0, column) + edit.text + line.slice(column)).split('\n'));
				break;
			case 'deleteChars':
				lines[index] = line.slice(0, column) + line.slice(column + edit.count);
				break;
			case 'joinLines':
				if (index + 1 < lines.length) lines.splice(index, 2, line + (lines[index + 1] ?? ''));
				break;
			case 'truncate':
				lines = lines.slice(0, index);
				break;
			case 'truncateText': {
				const text = lines.join('\n');
				lines = text.slice(0, edit.at % (text.length + 1)).split('\n');
				break;
			}
			case 'indent':
				lines[index] = edit.by + line;
				break;
			case 'recase':
				lines[index] = edit.upper ? line.toUpperCase() : line.toLowerCase();
				break;
		}
	}
	return lines.join('\n');
}

/**
 * What is wrong with the diagnostics' positions: each must name a line the file has and a column
 * on it (up to one past its end). The file's lines are what an editor shows: split at CRLF, CR or
 * LF, after a leading BOM. Empty when all is well.
 */
export function locationProblems(source: string, diagnostics: readonly Diagnostic[]): string[] {
	const lines = source.replace(/^\uFEFF/u, '').split(/\r\n|\r|\n/u);
	const problems: string[] = [];
	for (const diagnostic of diagnostics) {
		const line = lines[diagnostic.line - 1];
		if (!Number.isInteger(diagnostic.line) || line === undefined) problems.push(`line ${diagnostic.line} of ${lines.length}: ${JSON.stringify(diagnostic)}`);
		else if (!Number.isInteger(diagnostic.column) || diagnostic.column < 1 || diagnostic.column > line.length + 1) {
			problems.push(`column ${diagnostic.column} of a line of ${line.length}: ${JSON.stringify(diagnostic)}`);
		}
	}
	return problems;
}

/** Damage `check --fix` repairs: numbered and emoji headings, misspelled labels and statuses, dates in other forms, phases out of number. */
export const fixableDamage = fc.oneof(
	fc.record({ kind: fc.constant('number' as const), at: fc.nat(), number: fc.constantFrom('1.', '2)', '3.1', '10.') }),
	fc.record({ kind: fc.constant('emoji' as const), at: fc.nat(), emoji: fc.constantFrom('🎯', '🚀', '✅', '1️⃣', '🇪🇺', '👩‍💻', '❤️') }),
	fc.record({ kind: fc.constant('typo' as const), at: fc.nat(), char: fc.nat() }),
	fc.record({ kind: fc.constant('date' as const), form: fc.constantFrom('dmy', 'slashes', 'us') }),
	fc.record({ kind: fc.constant('phase' as const), at: fc.nat(), by: fc.integer({ min: -1, max: 3 }) }),
	fc.record({ kind: fc.constant('status' as const), char: fc.nat() }),
);
export type FixableDamage = typeof fixableDamage extends fc.Arbitrary<infer T> ? T : never;

/** Applies the damage in order to a rendered spec; one that finds nothing to damage does nothing. */
export function damage(source: string, list: readonly FixableDamage[]): string {
	const lines = source.split('\n');
	const pick = (pattern: RegExp, at: number) => {
		const found = lines.flatMap((text, index) => (pattern.test(text) ? [index] : []));
		return found.length ? found[at % found.length] : undefined;
	};
	const dropChar = (text: string, char: number) => (text.length > 4 ? text.slice(0, char % text.length) + text.slice((char % text.length) + 1) : text);
	for (const item of list) {
		if (item.kind === 'number' || item.kind === 'emoji') {
			const index = pick(/^#{2,3} (?!phase)/iu, item.at);
			if (index !== undefined) lines[index] = lines[index]!.replace(/^(#{2,3} )/u, `$1${item.kind === 'number' ? item.number : item.emoji} `);
		} else if (item.kind === 'typo') {
			const index = pick(/^\s*[-*+] (?:\*\*|__)[A-Za-z]/u, item.at);
			if (index !== undefined) lines[index] = lines[index]!.replace(/^(\s*[-*+] (?:\*\*|__))([^*_:]+)/u, (_, head: string, label: string) => head + dropChar(label, item.char));
		} else if (item.kind === 'date') {
			const index = pick(/Last Updated/iu, 0);
			lines[index ?? 0] = lines[index ?? 0]!.replace(/(\d{4})-(\d{2})-(\d{2})/u, (_, year: string, month: string, day: string) =>
				item.form === 'slashes' ? `${year}/${month}/${day}` : item.form === 'dmy' ? `${Number(day)} ${MONTHS[Number(month) - 1]} ${year}` : `${MONTHS[Number(month) - 1]} ${Number(day)}, ${year}`
			);
		} else if (item.kind === 'phase') {
			const index = pick(/^### phase \d+/iu, item.at);
			if (index !== undefined) lines[index] = lines[index]!.replace(/(phase )(\d+)/iu, (_, word: string, number: string) => `${word}${Math.max(0, Number(number) + item.by)}`);
		} else {
			const index = pick(/Status/u, 0);
			if (index !== undefined) lines[index] = lines[index]!.replace(/(Status\W+)(.+?)(\r?)$/u, (_, head: string, value: string, cr: string) => head + dropChar(value, item.char) + cr);
		}
	}
	return lines.join('\n');
}
