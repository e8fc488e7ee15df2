/**
 * A wrong and a right example for every diagnostic code, shown on the guide's diagnostics reference
 * (/guide/diagnostics/). Keyed by code, so a code added to the DIAGNOSTICS table without an example
 * here fails the type check and test/unit/diagnostic-examples.test.ts.
 *
 * How the tests check an example: each snippet is spliced into the example spec
 * (src/site/guide/example-spec.ts, an In Review spec at specs/payments/retry-policy.md), and the result is
 * analysed beside a second spec, specs/payments/retry-policy-v1.md, whose Feature is "Retry policy".
 * The wrong snippet must produce the code; the right one must produce no error at all. Splicing:
 * - frontmatter at the top of a snippet replaces the example's frontmatter;
 * - each `## Section` of a snippet replaces the example's section of that name (a section whose
 *   body is just `…` keeps the example's content, to show where the change sits); sections the
 *   example lacks are appended;
 * - `omit` removes sections of the example; `whole: true` makes each snippet the entire file.
 */
import type { DIAGNOSTICS, DiagnosticCode } from '../../core/diagnostics.ts';
import { DEFAULT_MAX_FILE_BYTES } from '../../core/files.ts';
import { MAX_AUTHORS, MAX_TAGS } from '../../core/limits.ts';
import { parseTimeline } from '../../core/timeline.ts';

type ParamsOf<C extends DiagnosticCode> = Parameters<(typeof DIAGNOSTICS)[C]['message']>[0];

/** The examples for one code. */
export interface DiagnosticExample<C extends DiagnosticCode = DiagnosticCode> {
	/** Markdown (or `lang`) that triggers the code. An empty string means an empty file. */
	wrong: string;
	/** The same, fixed. */
	right: string;
	/** Values for the table's message, to show a sample of what `npm run check` prints. */
	params: ParamsOf<C>;
	/** Language of the snippets when they are not Markdown (e.g. `text` for a file listing). */
	lang?: string;
	/** One sentence of context the snippets cannot show (e.g. what another file holds). */
	note?: string;
	/** Sections of the example spec to leave out when checking the wrong snippet. */
	omit?: string[];
	/** The snippets are whole files, not parts spliced into the example spec. */
	whole?: boolean;
	/** Why the snippets cannot be checked by analysing them (file bytes, several files…). */
	unchecked?: string;
	/** What the check must know beyond the snippets; the tests analyse both snippets with it. */
	setting?: {
		/** The example's path, when it matters (e.g. an `.mdx` spec). */
		file?: string;
		/** The site's `mdx` option. */
		mdx?: boolean;
		/** The date of the last commit that changed the file (YYYY-MM-DD). */
		gitLastChanged?: string;
	};
}

const overview = (fields: { feature?: string; authors?: string; lastUpdated?: string | null; status?: string } = {}) =>
	[
		'## Overview',
		`- **Feature**: ${fields.feature ?? 'Retry policy for card payments'}`,
		`- **Author(s)**: ${fields.authors ?? 'Ana Lima <ana@example.com>, Bo Chen @bchen'}`,
		...(fields.lastUpdated === null ? [] : [`- **Last Updated**: ${fields.lastUpdated ?? '2026-11-20'}`]),
		`- **Status**: ${fields.status ?? 'In Review'}`,
	].join('\n');

const background = (fields: Partial<Record<'context' | 'problem' | 'goals' | 'nonGoals', string>> = {}, problemLabel = 'Problem Statement') =>
	[
		'## Background',
		`- **Context**: ${fields.context ?? 'Card payments that fail with a network error are retried by each client in its own way.'}`,
		`- **${problemLabel}**: ${fields.problem ?? 'Uncoordinated retries charge some customers twice.'}`,
		`- **Goals**:${fields.goals === '' ? '' : ` ${fields.goals ?? 'One server-side retry policy with a retry budget per merchant.'}`}`,
		`- **Non-Goals**: ${fields.nonGoals ?? 'Retrying declined payments.'}`,
	].join('\n');

const phase = (number: number | string, name: string, timeline: string, tasks = '\n  1. Add the `payment_attempts` table', dependencies = 'None') =>
	[`### Phase ${number}: ${name}`, `- **Tasks**:${tasks}`, `- **Dependencies**: ${dependencies}`, `- **Timeline**: ${timeline}`].join('\n');

const WORKER_TASKS = '\n  1. Retry eligible failures with exponential backoff';

const LONG_FEATURE =
	'Retry policy for card payments, with idempotency keys, a retry budget per merchant, exponential backoff and a dashboard for the payments on-call';

const reasonOf = (timeline: string) => {
	const parsed = parseTimeline(timeline);
	return parsed.ok ? '' : parsed.reason;
};

const frontmatter = (yaml: string) => `---\n${yaml}\n---`;

export const DIAGNOSTIC_EXAMPLES: { [C in DiagnosticCode]: DiagnosticExample<C> } = {
	'file-empty': {
		wrong: '',
		right: overview({ status: 'Draft' }),
		params: {},
		whole: true,
		note: 'Start a spec with `npm run new`, which writes the whole template with today’s date.',
	},
	'file-too-large': {
		wrong: '## Appendix: incident log\n```text\n2026-11-19T10:00:01Z payment=pi_123 attempt=1 status=timeout\n2026-11-19T10:00:01Z payment=pi_124 attempt=1 status=timeout\n… 60,000 more lines …\n```',
		right: '## Appendix: incident log\nThe full log of the 2026-11-19 incident is attached to the [incident record](https://example.com/incidents/2026-11-19).',
		params: { size: 3_481_920, limit: DEFAULT_MAX_FILE_BYTES },
		unchecked: 'the limit applies to the file’s size on disk',
	},
	'file-encoding': {
		wrong: '$ file specs/payments/retry-policy.md\nspecs/payments/retry-policy.md: ISO-8859 text',
		right: '$ file specs/payments/retry-policy.md\nspecs/payments/retry-policy.md: UTF-8 Unicode text',
		params: { reason: 'invalid UTF-8 at byte 214' },
		note: 'Editors on some systems still save Latin-1 (ISO-8859-1) or UTF-16; binary files (images, PDFs) with a .md name get it too.',
		lang: 'sh',
		unchecked: 'the encoding is a property of the file’s bytes',
	},
	'file-unreadable': {
		wrong: '$ ls -l specs/payments/retry-policy.md\n----------  specs/payments/retry-policy.md',
		right: '$ ls -l specs/payments/retry-policy.md\n-rw-r--r--  specs/payments/retry-policy.md',
		params: { reason: 'permission denied' },
		lang: 'sh',
		unchecked: 'permissions are a property of the file system, not of the text',
	},
	'file-not-regular': {
		wrong: '$ ls -l specs/payments/retry-policy.md\nspecs/payments/retry-policy.md -> ../../drafts/retry-policy.md',
		right: '$ ls -l specs/payments/retry-policy.md\n-rw-r--r--  specs/payments/retry-policy.md',
		params: { what: 'a symbolic link' },
		lang: 'sh',
		note: 'A link could lead outside the repository, to a device or to a pipe, so the check and the site never follow one.',
		unchecked: 'a link is a property of the file system, not of the text',
	},
	'file-name': {
		wrong: 'specs/payments/retry #2.md',
		right: 'specs/payments/retry-2.md',
		params: { name: 'retry #2.md', character: '"#"' },
		lang: 'text',
		note: 'The examples are file names in the specs folder.',
		unchecked: 'it is about a file name',
	},
	'file-extension': {
		wrong: 'specs/payments/retry-policy.MD',
		right: 'specs/payments/retry-policy.md',
		params: { extension: '.MD' },
		lang: 'text',
		note: 'The examples are file names in the specs folder.',
		unchecked: 'it is about a file name',
	},
	'id-duplicate': {
		wrong: 'specs/payments/Retry-Policy.mdx\nspecs/payments/retry-policy.md',
		right: 'specs/payments/retry-policy.md\nspecs/payments/retry-policy-v2.mdx',
		params: { id: 'payments/retry-policy', other: 'specs/payments/Retry-Policy.mdx' },
		lang: 'text',
		note: 'The examples are lists of files in the specs folder.',
		unchecked: 'it is about two file names',
	},
	'frontmatter-unclosed': {
		wrong: `---\ntags: [payments, reliability]\n\n${overview({ status: 'Draft' })}`,
		right: `---\ntags: [payments, reliability]\n---\n\n${overview({ status: 'Draft' })}`,
		params: {},
		whole: true,
	},
	'frontmatter-dropped': {
		wrong: `${frontmatter('tags: [payments]')}\n${frontmatter('tags: [reliability]')}`,
		right: frontmatter('tags: [payments, reliability]'),
		params: { fence: '---', kind: 'second' },
	},
	'frontmatter-syntax': {
		wrong: frontmatter('tags: [payments, reliability'),
		right: frontmatter('tags: [payments, reliability]'),
		params: { reason: 'Missing , or : between flow sequence items' },
	},
	'frontmatter-not-mapping': {
		wrong: frontmatter('- payments\n- reliability'),
		right: frontmatter('tags:\n  - payments\n  - reliability'),
		params: {},
	},
	'frontmatter-unknown-key': {
		wrong: frontmatter('tag: [payments, reliability]\nowner: Ana Lima'),
		right: frontmatter('tags: [payments, reliability]'),
		params: { key: 'tag', suggestion: 'tags' },
		note: 'Who owns the spec belongs in Overview › Author(s), not in frontmatter.',
	},
	'frontmatter-type': {
		wrong: frontmatter('tags: payments, reliability'),
		right: frontmatter('tags: [payments, reliability]'),
		params: { key: 'tags', expected: 'a list of non-empty strings' },
	},
	'tags-too-many': {
		wrong: frontmatter(`tags: [${Array.from({ length: MAX_TAGS + 1 }, (_, index) => `tag-${index + 1}`).join(', ')}]`),
		right: frontmatter('tags: [payments, reliability]'),
		params: { count: MAX_TAGS + 1 },
		note: `Each tag is a link and a search filter on the page; a spec may have up to ${MAX_TAGS}.`,
	},
	'supersedes-unknown': {
		wrong: frontmatter('supersedes: [payments/retry-policy-v0]'),
		right: frontmatter('supersedes: [payments/retry-policy-v1]'),
		params: { id: 'payments/retry-policy-v0' },
		note: 'The spec being replaced is specs/payments/retry-policy-v1.md, so its id is payments/retry-policy-v1.',
	},
	'supersedes-cycle': {
		wrong: frontmatter('supersedes: [payments/retry-policy-v3]'),
		right: frontmatter('supersedes: [payments/retry-policy-v1]'),
		params: { cycle: 'payments/retry-policy → payments/retry-policy-v3 → payments/retry-policy' },
		note: 'specs/payments/retry-policy-v3.md already supersedes this spec, payments/retry-policy.',
		unchecked: 'it takes two specs',
	},
	'missing-section': {
		wrong: `${overview()}\n\n## Architecture\n…`,
		right: `${overview()}\n\n${background()}\n\n## Architecture\n…`,
		params: { section: 'Background' },
		omit: ['Background'],
	},
	'missing-field': {
		wrong: overview({ lastUpdated: null }),
		right: overview(),
		params: { field: 'Last Updated', section: 'Overview' },
	},
	'empty-field': {
		wrong: background({ goals: '' }),
		right: background(),
		params: { field: 'Goals' },
	},
	placeholder: {
		wrong: background({ nonGoals: "[What's explicitly out of scope]" }),
		right: background(),
		params: { field: 'Non-Goals', value: "[What's explicitly out of scope]" },
	},
	'duplicate-section': {
		wrong: `${background()}\n\n## Background\n- **Context**: Retries are also what the mobile app does on time-outs.`,
		right: background({ context: 'Card payments that fail with a network error are retried by each client (the mobile app on time-outs too).' }),
		params: { section: 'Background', line: 1 },
	},
	'duplicate-field': {
		wrong: `${overview({ status: 'Draft' })}\n- **Status**: In Review`,
		right: overview(),
		params: { field: 'Status', line: 5 },
	},
	'section-typo': {
		wrong: background().replace('## Background', '## Backround'),
		right: background(),
		params: { heading: 'Backround', suggestion: 'Background' },
		omit: ['Background'],
	},
	'section-decorated': {
		wrong: background().replace('## Background', '## 2. Background'),
		right: background(),
		params: { heading: '2. Background', section: 'Background' },
		omit: ['Background'],
	},
	'label-typo': {
		wrong: background({}, 'Problem Statment'),
		right: background(),
		params: { label: 'Problem Statment', suggestion: 'Problem Statement' },
	},
	'label-not-bold': {
		wrong: overview().replace('- **Status**: In Review', '- **Status:**In Review'),
		right: overview().replace('- **Status**: In Review', '- **Status:** In Review'),
		params: { label: 'Status', written: '**Status:**' },
	},
	'text-forbidden-character': {
		wrong: overview({ feature: 'Retry policy for card payments\u001B[31m' }),
		right: overview(),
		params: { field: 'Feature', codePoint: 'U+001B' },
		note: 'The escape character (U+001B) is invisible here, as in most editors: it sits after "payments".',
	},
	'feature-too-long': {
		wrong: overview({ feature: LONG_FEATURE }),
		right: overview(),
		params: { length: LONG_FEATURE.length },
		note: 'The detail belongs in Background › Goals.',
	},
	'feature-duplicate': {
		wrong: overview({ feature: 'Retry policy' }),
		right: overview(),
		params: { feature: 'Retry policy', other: 'specs/payments/retry-policy-v1.md' },
		note: 'Another spec, specs/payments/retry-policy-v1.md, already has Feature: Retry policy.',
	},
	'authors-invalid': {
		wrong: overview({ authors: ', ,' }),
		right: overview(),
		params: {},
	},
	'authors-too-many': {
		wrong: overview({ authors: Array.from({ length: MAX_AUTHORS + 1 }, (_, index) => `Engineer ${index + 1}`).join(', ') }),
		right: overview(),
		params: { count: MAX_AUTHORS + 1 },
		note: `Each name is a link to the author's page; a spec may name up to ${MAX_AUTHORS}.`,
	},
	'date-invalid': {
		wrong: overview({ lastUpdated: '20/11/2026' }),
		right: overview({ lastUpdated: '2026-11-20' }),
		params: { value: '20/11/2026' },
	},
	'date-future': {
		wrong: overview({ lastUpdated: '2099-11-20' }),
		right: overview({ lastUpdated: '2026-11-20' }),
		params: { value: '2099-11-20', today: '2026-11-27' },
	},
	'status-invalid': {
		wrong: overview({ status: 'Done' }),
		right: overview({ status: 'Approved' }),
		params: { value: 'Done' },
	},
	'phases-missing': {
		wrong: '## Implementation\nWe build the table first, then the retry worker.',
		right: `## Implementation\n${phase(1, 'Foundations', '2027-01-04 → 2027-01-29')}\n\n${phase(2, 'Retry worker', '3 weeks')}`,
		params: {},
	},
	'phase-heading': {
		wrong: `## Implementation\n${phase('one', 'Foundations', '2027-01-04 → 2027-01-29')}`,
		right: `## Implementation\n${phase(1, 'Foundations', '2027-01-04 → 2027-01-29')}`,
		params: { heading: 'Phase one: Foundations' },
	},
	'phase-numbering': {
		wrong: `## Implementation\n${phase(1, 'Foundations', '2027-01-04 → 2027-01-29')}\n\n${phase(3, 'Retry worker', '3 weeks')}`,
		right: `## Implementation\n${phase(1, 'Foundations', '2027-01-04 → 2027-01-29')}\n\n${phase(2, 'Retry worker', '3 weeks')}`,
		params: { found: 3, expected: 2 },
	},
	'tasks-empty': {
		wrong: `## Implementation\n${phase(1, 'Foundations', '2027-01-04 → 2027-01-29', ' None')}`,
		right: `## Implementation\n${phase(1, 'Foundations', '2027-01-04 → 2027-01-29')}`,
		params: { phase: 1 },
	},
	'timeline-invalid': {
		wrong: `## Implementation\n${phase(1, 'Foundations', 'early next year')}`,
		right: `## Implementation\n${phase(1, 'Foundations', 'Q1 2027')}`,
		params: { value: 'early next year', reason: reasonOf('early next year') },
		note: 'The guide’s “Writing a spec” page lists every timeline form with the dates it means.',
	},
	'timeline-tbd': {
		wrong: `${overview({ status: 'Approved' })}\n\n## Implementation\n${phase(1, 'Foundations', 'TBD')}`,
		right: `${overview({ status: 'Approved' })}\n\n## Implementation\n${phase(1, 'Foundations', '2027-01-04 → 2027-01-29')}`,
		params: { phase: 1 },
	},
	'rollout-empty': {
		wrong: '## Deployment\n### Requirements\n- **Infrastructure**: One retry worker deployment per region\n- **Configuration**: `RETRY_BUDGET` per merchant tier\n- **Dependencies**: The database migration ships first\n\n### Rollout Plan\nGradually, as usual.',
		right: '## Deployment\n### Requirements\n- **Infrastructure**: One retry worker deployment per region\n- **Configuration**: `RETRY_BUDGET` per merchant tier\n- **Dependencies**: The database migration ships first\n\n### Rollout Plan\n1. Enable for internal test merchants\n2. Enable for 5% of traffic\n3. Enable for everyone',
		params: {},
	},
	'html-unsafe': {
		wrong: background({ context: 'Retries per merchant: <iframe src="https://dashboards.example.com/retries"></iframe>' }),
		right: background({ context: 'Retries per merchant: see the [retry dashboard](https://dashboards.example.com/retries).' }),
		params: { what: '<iframe>' },
		note: 'Applies to .md specs; .mdx specs are code and go through code review instead.',
	},
	'html-pagefind-attribute': {
		wrong: background({ context: 'Retries per merchant. <span data-pagefind-meta="status:Approved"></span>' }),
		right: background({ context: 'Retries per merchant.' }),
		params: { what: 'data-pagefind-meta= on <span>' },
		note: 'Search shows the status, authors and title that Specbook writes from the Overview; a `data-pagefind-*` attribute in the body would override them.',
	},
	'mdx-syntax': {
		wrong: `${overview({ authors: 'Ana Lima @alima', status: 'Draft' })}\n\n## Background\n- **Context**: Most retries succeed in <1 second.`,
		right: `${overview({ authors: 'Ana Lima @alima', status: 'Draft' })}\n\n## Background\n- **Context**: Most retries succeed in \\<1 second.`,
		params: { reason: 'Unexpected character after `<`, expected a valid JSX tag (note: to create a link in MDX, use `[text](url)`)' },
		whole: true,
		setting: { file: 'specs/payments/retry-policy.mdx' },
		note: 'The file is specs/payments/retry-policy.mdx. In MDX an e-mail in angle brackets (`<ana@example.com>`) is a syntax error too: write it without the brackets.',
	},
	'markdown-too-complex': {
		wrong: '## Appendix\n- - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - (… 12,000 list markers) x',
		right: '## Appendix\n- One level\n  - Two levels',
		params: { reason: 'lists and block quotes nest about 12000 levels deep here; the limit is 10000' },
		note: 'Generated or pasted text hits this: lists or quotes nested over 10,000 levels deep, or one paragraph with over 10,000 character references (`&amp;`) or 20,000 underscores. An .mdx spec compiles to JavaScript as deeply nested as the document, so there the limit is 200 levels of its syntax tree (a list about 100 levels deep), 2,000 components in one paragraph, and 64 levels of brackets, components and chained operators inside an expression or an import/export.',
		unchecked: 'the wrong input is too large to show',
	},
	'code-meta-unsafe': {
		wrong: '## Appendix\n```ts {2-40}\nconst budget = retryBudget(merchant);\nif (budget.exhausted) return decline(payment);\n```',
		right: '## Appendix\n```ts {2}\nconst budget = retryBudget(merchant);\nif (budget.exhausted) return decline(payment);\n```',
		params: { mark: '{2-40}', reason: 'it marks line 40, but the block has 2 lines' },
		note: 'Marks are read by Starlight’s code blocks: a line range must stay inside the block, and regular-expression marks (`/retry\\(/`) are refused because a pattern can take the build hours to match; a quoted string (`"retry("`) marks the same text.',
	},
	'directive-invalid': {
		wrong: background({ context: 'Most retries succeed within a second.\n\n:::caution{icon="alert"}\nRetries can charge a customer twice.\n:::' }),
		right: background({ context: 'Most retries succeed within a second.\n\n:::caution{icon="warning"}\nRetries can charge a customer twice.\n:::' }),
		params: { directive: 'caution', attribute: 'icon', value: 'alert' },
		note: 'Starlight draws `:::note`, `:::tip`, `:::caution` and `:::danger` as asides; an unknown icon would leave the page empty.',
	},
	'mdx-disabled': {
		wrong: "import { Aside } from '@astrojs/starlight/components';\n\n## Background\n<Aside type=\"caution\">Retries can charge a customer twice.</Aside>",
		right: '## Background\n:::caution\nRetries can charge a customer twice.\n:::',
		params: {},
		note: 'The site sets `mdx: false`. The wrong example is specs/payments/retry-policy.mdx; the right one is the same spec renamed to retry-policy.md, with Markdown’s own aside syntax instead of the component.',
		unchecked: 'it depends on the file’s extension as well as its content',
	},
	'link-broken': {
		wrong: background({ context: 'Every attempt is written to the ledger, see [Ledger idempotency](../ledger/idempotncy.md).' }),
		right: background({ context: 'Every attempt is written to the ledger, see [the first retry policy](retry-policy-v1.md).' }),
		params: { url: '../ledger/idempotncy.md', reason: 'points to specs/ledger/idempotncy.md, which does not exist' },
		note: 'Links are relative to the spec’s own file, as on GitHub; the site turns links to specs into page URLs, and, when it knows the repository (repoUrl), links to other files into their pages there.',
	},
	'link-anchor': {
		wrong: background({ context: 'We follow the rollout of [the first retry policy](retry-policy-v1.md#rollout).' }),
		right: background({ context: 'We follow the rollout of [the first retry policy](retry-policy-v1.md#rollout-plan).' }),
		params: { url: 'retry-policy-v1.md#rollout', anchor: 'rollout' },
		note: 'The heading is “Rollout Plan”, so its anchor is #rollout-plan.',
	},
	'git-stale': {
		wrong: overview({ lastUpdated: '2026-11-20' }),
		right: overview({ lastUpdated: '2026-11-24' }),
		params: { lastUpdated: '2026-11-20', changed: '2026-11-24', commit: 'c0ffee0c0ffe' },
		setting: { gitLastChanged: '2026-11-24' },
		note: 'git log shows the file was last changed on 2026-11-24. The check needs the full history: CI checkouts are shallow unless `fetch-depth: 0`.',
	},
	'schedule-phase-order': {
		wrong: `## Implementation\n${phase(1, 'Foundations', '2027-01-04 → 2027-01-29')}\n\n${phase(2, 'Retry worker', '2027-01-25 → 2027-02-19', WORKER_TASKS, 'Phase 1')}`,
		right: `## Implementation\n${phase(1, 'Foundations', '2027-01-04 → 2027-01-29')}\n\n${phase(2, 'Retry worker', '3 weeks', WORKER_TASKS, 'Phase 1')}`,
		params: { phase: 2, start: '2027-01-25', dependency: 1, end: '2027-01-29' },
		note: 'A duration such as 3 weeks starts the day after the phase before it ends, so it can never overlap it.',
	},
	'schedule-cross-spec': {
		wrong: `## Implementation\n${phase(1, 'Foundations', '2027-01-04 → 2027-01-29', undefined, '[Retry policy](retry-policy-v1.md)')}`,
		right: `## Implementation\n${phase(1, 'Foundations', '2027-02-22 → 2027-03-19', undefined, '[Retry policy](retry-policy-v1.md)')}`,
		params: { phase: 1, start: '2027-01-04', feature: 'Retry policy', id: 'payments/retry-policy-v1', end: '2027-02-19' },
		note: 'The linked spec, specs/payments/retry-policy-v1.md, has phases until 2027-02-19.',
	},
	'schedule-started': {
		wrong: `${overview({ status: 'In Review' })}\n\n## Implementation\n${phase(1, 'Foundations', '2026-11-02 → 2026-11-27')}`,
		right: `${overview({ status: 'In Review' })}\n\n## Implementation\n${phase(1, 'Foundations', '2027-01-04 → 2027-01-29')}`,
		params: { status: 'In Review', phase: 1, start: '2026-11-02', today: '2026-11-26' },
		note: 'Checked on 2026-11-26.',
	},
};
