/**
 * Everything the contract lets an author write differently (DESIGN.md §2) must give the same Spec
 * as the plain form: bullets, label styles, heading styles, line ends, multi-line values, author
 * lists, status spellings, list-valued fields, extra sections, folders and frontmatter.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { parseDocument } from '../../src/core/document.ts';
import {
	analyzeFile,
	analyzeSpecs,
	isPublishedSpecPath,
	listSpecFiles,
	specIdFromPath,
	type Diagnostic,
	type Spec,
} from '../../src/core/index.ts';
import { buildSpec, edit, writeFixture, type Fixture, type SpecOptions } from '../helpers/spec-builder.ts';

const TODAY = '2026-11-26';
const PATH = 'specs/payments/retry.md';

const analyze = (source: string, path = PATH) => analyzeFile({ path, source }, { specsDir: 'specs', today: TODAY });
const errorsOf = (diagnostics: Diagnostic[]) => diagnostics.filter((diagnostic) => diagnostic.severity === 'error');

/** The Spec of a source that must be valid (no errors; warnings are shown on failure too). */
function specOf(source: string, path = PATH): Spec {
	const { spec, diagnostics } = analyze(source, path);
	expect(diagnostics).toEqual([]);
	expect(spec).not.toBeNull();
	return spec!;
}

/** A Spec without what legitimately depends on layout (source positions) or on the file name. */
function content(spec: Spec) {
	const { id: _id, path: _path, phases, ...rest } = spec;
	return { ...rest, phases: phases.map(({ position: _position, timelinePosition: _timeline, ...phase }) => phase) };
}

const plain = buildSpec();
const plainSpec = () => content(specOf(plain));

describe('the plain form', () => {
	it('parses to the Spec the template describes', () => {
		expect(specOf(plain)).toEqual({
			id: 'payments/retry',
			path: PATH,
			feature: 'Payment retry policy',
			authors: [
				{ name: 'Ana Lima', slug: 'ana-lima' },
				{ name: 'Bo Chen', slug: 'bo-chen' },
			],
			lastUpdated: '2026-11-20',
			status: 'In Review',
			tags: [],
			supersedes: [],
			phases: [
				{
					number: 1,
					name: 'Foundations',
					timeline: '2027-01-04 → 2027-02-12',
					start: '2027-01-04',
					end: '2027-02-12',
					durationDays: 40,
					tasks: ['Add the retry table', 'Write the planner'],
					dependencies: ['Ledger v3 in production'],
					dependencyLinks: [],
					position: { line: 30, column: 1 },
					timelinePosition: { line: 36, column: 17 },
				},
				{
					number: 2,
					name: 'Rollout',
					timeline: '3 weeks',
					start: '2027-02-13',
					end: '2027-03-05',
					durationDays: 21,
					tasks: ['Enable for 1% of traffic'],
					dependencies: [],
					dependencyLinks: [],
					position: { line: 38, column: 1 },
					timelinePosition: { line: 42, column: 17 },
				},
			],
			rolloutPlan: ['Deploy with the flag off', 'Enable for 10% of merchants', 'Enable for everyone'],
			extraSections: [],
			// No git history was given: the history fields say so.
			created: null,
			statusSince: null,
			revisions: 0,
			contributors: [],
			history: [],
		});
	});
});

describe('Markdown spelling variants parse to the same Spec', () => {
	const variants: [string, SpecOptions['style']][] = [
		['`*` bullets', { bullet: '*' }],
		['`+` bullets', { bullet: '+' }],
		['`**Label:** value`', { label: 'inside' }],
		['`__Label__: value`', { label: 'underscore' }],
		['`__Label:__ value`', { label: 'underscore-inside' }],
		['lower-case headings', { headingCase: 'lower' }],
		['upper-case headings', { headingCase: 'upper' }],
		['closing #s on headings', { closingHashes: true }],
		['setext H2 headings', { setext: true }],
		['CRLF line ends', { eol: '\r\n' }],
		['a BOM', { bom: true }],
		['all of them at once', { bullet: '+', label: 'underscore-inside', headingCase: 'upper', closingHashes: true, setext: true, eol: '\r\n', bom: true }],
	];
	it.each(variants)('%s', (_name, style) => {
		expect(content(specOf(buildSpec(style ? { style } : {})))).toEqual(plainSpec());
	});

	it('no H1 title at all', () => {
		expect(content(specOf(buildSpec({ title: null })))).toEqual(plainSpec());
	});

	it('`**Label:**value` with no space (not bold in Markdown) is still the field, with one warning per label', () => {
		const source = plain
			.replace('**Status**: ', '**Status:**')
			.replace('**Feature**: ', '__Feature:__')
			.replace('**Last Updated**: ', '**Last Updated:**');
		const { spec, diagnostics } = analyze(source);
		expect(errorsOf(diagnostics)).toEqual([]);
		expect(diagnostics.filter((d) => d.code === 'label-not-bold').map((d) => d.message.match(/"(.+?)"/u)?.[1])).toEqual(['__Feature:__', '**Last Updated:**', '**Status:**']);
		expect(content(spec!)).toEqual(plainSpec());
	});

	it('`**Word:**text` that is no template field, repeats one, or escapes its asterisks stays plain text', () => {
		const source = plain
			.replace('- **Goals**: ', '- **Goal 1:**Faster retries\n- **Goals**: ')
			.replace('- **Status**: In Review', '- **Status**: In Review\n- **Status:**was Draft until review\n- \\*\\*Feature:\\*\\*escaped');
		const { spec, diagnostics } = analyze(source);
		expect(diagnostics).toEqual([]);
		expect(content(spec!)).toEqual(plainSpec());
	});

	it('`** Context:**value` (a space after the opening **) is not read as a label', () => {
		const { diagnostics } = analyze(plain.replace('**Context**: ', '** Context:**'));
		expect(diagnostics.some((d) => d.code === 'label-not-bold')).toBe(false);
		expect(diagnostics.some((d) => d.code === 'missing-field')).toBe(true);
	});

	it('labels in any letter case and with spaces around the colon', () => {
		const source = plain.replace('**Feature**:', '**FEATURE** :').replace('**Last Updated**:', '**last updated**:').replace('**Timeline**:', '**timeline**:');
		expect(content(specOf(source))).toEqual(plainSpec());
	});

	it('a setext H2 written with a long underline and an H1 title in setext form', () => {
		const source = plain.replace('# Payment retry policy\n', 'Payment retry policy\n====================\n').replace('## Overview\n', 'Overview\n------------------\n');
		expect(content(specOf(source))).toEqual(plainSpec());
	});

	it('MDX import lines at the top of an .mdx, with or without frontmatter, and components between sections', () => {
		const imports = "import { Aside, Tabs, TabItem } from '@astrojs/starlight/components';\nimport Diagram from '../../diagrams/retry.astro';";
		const mdx = buildSpec({ preamble: imports }).replace('## Background', '<Aside type="caution">\nRetries cost **money**.\n</Aside>\n\n## Background');
		expect(content(specOf(mdx, 'specs/payments/retry.mdx'))).toEqual(plainSpec());
		const withFrontmatter = buildSpec({ preamble: imports, frontmatter: { tags: ['payments'] } });
		expect(content(specOf(withFrontmatter, 'specs/payments/retry.mdx'))).toEqual({ ...plainSpec(), tags: ['payments'] });
	});

	it('a fenced code block holding template-like Markdown is content, not structure', () => {
		const source = buildSpec({ extraSections: [{ title: 'Appendix', body: '```md\n## Overview\n- **Feature**: Something else\n```' }] });
		expect(specOf(source).feature).toBe('Payment retry policy');
	});
});

describe('a value runs to the end of its list item', () => {
	it('continuation lines, indented or lazy, belong to the value', () => {
		expect(specOf(buildSpec({ feature: 'Payment retry\n  policy' })).feature).toBe('Payment retry policy');
		expect(specOf(buildSpec({ feature: 'Payment retry\npolicy' })).feature).toBe('Payment retry policy');
		const phases = [{ name: 'Foundations', tasks: ['Write the planner'], timeline: 'Q1\n  2027' }];
		expect(specOf(buildSpec({ phases })).phases[0]).toMatchObject({ timeline: 'Q1 2027', start: '2027-01-01', end: '2027-03-31' });
	});

	it('a value on the line after its label, or in a second paragraph, is the value', () => {
		expect(specOf(buildSpec({ status: '\n  approved' })).status).toBe('Approved');
		expect(specOf(buildSpec({ lastUpdated: '\n\n  2026-11-20' })).lastUpdated).toBe('2026-11-20');
	});

	it('a field whose value is paragraphs and a nested list is filled, and its Markdown is kept', () => {
		const goals = 'Recover **more** payments.\n\n  A second paragraph.\n\n  - Honour `MAC 03`\n  - Fail over';
		const source = buildSpec({ values: { Goals: goals } });
		specOf(source);
		const background = parseDocument(source).sections.find((section) => section.title === 'Background')!;
		const field = background.fields.find((candidate) => candidate.label === 'Goals')!;
		expect(field.markdown).toBe(goals);
		expect(field.text).toBe('Recover more payments. A second paragraph. Honour MAC 03 Fail over');
		// Nested bold items are part of the value, not fields of the section.
		expect(background.fields.map((candidate) => candidate.label)).toEqual(['Context', 'Problem Statement', 'Goals', 'Non-Goals']);
	});

	it('a field given only as a nested list is filled (no empty-field)', () => {
		expect(analyze(buildSpec({ values: { 'Non-Goals': '\n  - Smart routing\n  - **Dunning**: later' } })).diagnostics).toEqual([]);
	});

	it('Tasks and Dependencies written in paragraphs after a blank line are their items', () => {
		const base = buildSpec({ phases: [{ name: 'Foundations', tasks: ['Write the planner'], dependencies: ['None'], timeline: 'Q1 2027' }] });
		const paragraphs = edit(
			edit(base, '- **Tasks**:\n  1. Write the planner', '- **Tasks**:\n\n  Do the thing described in a paragraph.'),
			'- **Dependencies**:\n  - None',
			'- **Dependencies**:\n\n  None'
		);
		expect(specOf(paragraphs).phases[0]).toMatchObject({ tasks: ['Do the thing described in a paragraph.'], dependencies: [] });
		const inlineThenParagraph = edit(base, '- **Tasks**:\n  1. Write the planner', '- **Tasks**: First inline.\n\n  Second paragraph.\n  - A nested one');
		expect(specOf(inlineThenParagraph).phases[0]!.tasks).toEqual(['First inline.', 'Second paragraph.', 'A nested one']);
		// A paragraph after None explains it; a code block in the value is its text, not a task.
		const explained = edit(edit(base, '- **Dependencies**:\n  - None', '- **Dependencies**:\n  - None\n\n  The team owns every piece it needs.'), '  1. Write the planner', '  1. Write the planner\n\n  ```sh\n  sloth generate -i slo.yaml\n  ```');
		expect(specOf(explained).phases[0]).toMatchObject({ tasks: ['Write the planner'], dependencies: [] });
		const inlineNone = edit(base, '- **Dependencies**:\n  - None', '- **Dependencies**: None\n\n  Nothing outside the team.');
		expect(specOf(inlineNone).phases[0]!.dependencies).toEqual([]);
	});

	it('hard line breaks and nested lists inside an item never glue words together', () => {
		const phases = [{ name: 'Foundations', tasks: ['Write the planner  \n     and its tests', 'Ship it\n     - to staging\n     - to production'], timeline: 'TBD' }];
		expect(specOf(buildSpec({ phases })).phases[0]!.tasks).toEqual(['Write the planner and its tests', 'Ship it to staging to production']);
	});
});

describe('Author(s)', () => {
	const authorsOf = (authors: string, authorsLabel?: string) => specOf(buildSpec({ authors, ...(authorsLabel ? { authorsLabel } : {}) })).authors;

	it.each(['Author(s)', 'Authors', 'Author', 'AUTHORS', 'author(s)'])('the label %s', (label) => {
		expect(authorsOf('Ana Lima, Bo Chen', label).map((author) => author.name)).toEqual(['Ana Lima', 'Bo Chen']);
	});

	it.each([
		['Ana Lima, Bo Chen, Cy Diaz'],
		['Ana Lima, Bo Chen and Cy Diaz'],
		['Ana Lima, Bo Chen, and Cy Diaz'],
		['Ana Lima and Bo Chen and Cy Diaz'],
		['Ana Lima,Bo Chen,Cy Diaz'],
	])('names split on commas and "and": %s', (authors) => {
		expect(authorsOf(authors).map((author) => author.name)).toEqual(['Ana Lima', 'Bo Chen', 'Cy Diaz']);
	});

	it('emphasis and character references are markup, as on the page', () => {
		expect(authorsOf('_Ana Lima_ and *Bo Chen*, __Cy Diaz__').map((author) => author.name)).toEqual(['Ana Lima', 'Bo Chen', 'Cy Diaz']);
		expect(authorsOf('Ana Lima &amp; Bo Chen, Zo&#235; Ng &lt;zoe@example.com&gt;')).toEqual([
			{ name: 'Ana Lima', slug: 'ana-lima' },
			{ name: 'Bo Chen', slug: 'bo-chen' },
			{ name: 'Zoë Ng', slug: 'zoe-ng', email: 'zoe@example.com' },
		]);
		expect(authorsOf('Ana Lima @ana_lima').map((author) => author.handle)).toEqual(['ana_lima']);
		// A reference to a character no text may hold is U+FFFD, as on the page, never a control character in the feed.
		expect(authorsOf('Sam&#1;Okafor and Hannah Weiss').map((author) => author.name)).toEqual(['Sam\uFFFDOkafor', 'Hannah Weiss']);
	});

	it('"and" inside a name is not a separator', () => {
		expect(authorsOf('Alexander Andersen and Sandra Brandt').map((author) => author.name)).toEqual(['Alexander Andersen', 'Sandra Brandt']);
	});

	it('e-mails in angle brackets and @handles are kept apart from the name', () => {
		expect(authorsOf('Ana Lima <ana@example.com>, Bo Chen @bchen and Cy Diaz (@cdiaz), Dee Ng <dee.ng@mail.example.co.uk>')).toEqual([
			{ name: 'Ana Lima', slug: 'ana-lima', email: 'ana@example.com' },
			{ name: 'Bo Chen', slug: 'bo-chen', handle: 'bchen' },
			{ name: 'Cy Diaz', slug: 'cy-diaz', handle: 'cdiaz' },
			{ name: 'Dee Ng', slug: 'dee-ng', email: 'dee.ng@mail.example.co.uk' },
		]);
	});

	it('names in any script keep their spelling; slugs are URL-safe', () => {
		expect(authorsOf('Zoë Ng and José Álvarez')).toEqual([
			{ name: 'Zoë Ng', slug: 'zoe-ng' },
			{ name: 'José Álvarez', slug: 'jose-alvarez' },
		]);
	});

	it('a backslash-escaped e-mail is still an e-mail', () => {
		expect(authorsOf(String.raw`Ana Lima \<ana@example.com\>`)).toEqual([{ name: 'Ana Lima', slug: 'ana-lima', email: 'ana@example.com' }]);
	});

	it('authors written as a nested list are one author per item', () => {
		expect(authorsOf('\n  - Ana Lima <ana@example.com>\n  - Bo Chen').map((author) => [author.name, author.email])).toEqual([
			['Ana Lima', 'ana@example.com'],
			['Bo Chen', undefined],
		]);
	});
});

describe('Status', () => {
	it.each([
		['draft', 'Draft'],
		['DRAFT', 'Draft'],
		['in review', 'In Review'],
		['IN REVIEW', 'In Review'],
		['In review', 'In Review'],
		['approved', 'Approved'],
		['aPPROVED', 'Approved'],
		['**Approved**', 'Approved'],
	])('%s is stored as %s', (written, canonical) => {
		expect(specOf(buildSpec({ status: written })).status).toBe(canonical);
	});
});

describe('Tasks and Dependencies', () => {
	const phaseOf = (source: string) => specOf(source).phases[0]!;
	const onePhase = buildSpec({ phases: [{ name: 'Foundations', tasks: ['Add the table', 'Write the planner'], dependencies: ['Ledger v3'], timeline: 'TBD' }] });

	it('nested ordered list, bullet list, `1)` numbering, tab or 4-space indent: one task per item', () => {
		const expected = ['Add the table', 'Write the planner'];
		expect(phaseOf(onePhase).tasks).toEqual(expected);
		for (const list of ['  - Add the table\n  - Write the planner', '  1) Add the table\n  2) Write the planner', '\t1. Add the table\n\t2. Write the planner', '    1. Add the table\n    2. Write the planner']) {
			expect(phaseOf(edit(onePhase, '  1. Add the table\n  2. Write the planner', list)).tasks).toEqual(expected);
		}
	});

	it('a multi-line task is one task', () => {
		expect(phaseOf(edit(onePhase, '  1. Add the table', '  1. Add the\n     table')).tasks).toEqual(['Add the table', 'Write the planner']);
	});

	it('an inline value is a single item', () => {
		const source = edit(edit(onePhase, '- **Tasks**:\n  1. Add the table\n  2. Write the planner', '- **Tasks**: Add the table'), '- **Dependencies**:\n  - Ledger v3', '- **Dependencies**: Ledger v3');
		expect(phaseOf(source)).toMatchObject({ tasks: ['Add the table'], dependencies: ['Ledger v3'] });
	});

	it.each(['None', 'none', 'None.', '*None*'])('Dependencies %s means no dependency', (none) => {
		expect(phaseOf(edit(onePhase, '- **Dependencies**:\n  - Ledger v3', `- **Dependencies**: ${none}`)).dependencies).toEqual([]);
	});

	it('Dependencies given as a nested `- None` item means no dependency', () => {
		expect(phaseOf(edit(onePhase, '  - Ledger v3', '  - None')).dependencies).toEqual([]);
	});

	it('tasks and dependencies are plain text: Markdown is stripped, link targets are kept apart', () => {
		const source = edit(edit(onePhase, '  1. Add the table', '  1. Add the `retries` table **first**'), '  - Ledger v3', '  - [Ledger v3](../ledger/idempotency.md) in production');
		expect(phaseOf(source)).toMatchObject({
			tasks: ['Add the retries table first', 'Write the planner'],
			dependencies: ['Ledger v3 in production'],
			dependencyLinks: ['../ledger/idempotency.md'],
		});
	});

	it('phase headings in any case; the name keeps its own case', () => {
		const source = edit(onePhase, '### Phase 1: Foundations', '### PHASE 1: Foundations ###');
		expect(phaseOf(source)).toMatchObject({ number: 1, name: 'Foundations' });
	});
});

describe('Rollout Plan', () => {
	it('is the ordered list under its H3, one step per item, whatever the steps start with', () => {
		const rollout = ['**Canary**: 1% of traffic', '__Half__: 50% after two days', 'Everyone'];
		expect(specOf(buildSpec({ rollout })).rolloutPlan).toEqual(['Canary: 1% of traffic', 'Half: 50% after two days', 'Everyone']);
	});

	it('an intro paragraph is not a step; nested notes belong to their step', () => {
		const source = edit(plain, '### Rollout Plan\n1. Deploy with the flag off\n', '### Rollout Plan\nThree steps:\n\n1. Deploy with the flag off\n   - watch errors\n');
		expect(specOf(source).rolloutPlan).toEqual(['Deploy with the flag off watch errors', 'Enable for 10% of merchants', 'Enable for everyone']);
	});
});

describe('sections the template lacks', () => {
	it('are kept in extraSections, in order, and not validated', () => {
		const source = edit(plain, '## Architecture', '## Alternatives Considered\n- **Contxt**: not the Context label\n- **Timeline**: whenever\n\n## Architecture');
		const spec = specOf(
			buildSpec({
				extraSections: [
					{ title: 'Open Questions', body: '- **Status**: nobody knows\n\n### Phase 9: not a phase' },
					{ title: 'Appendix', body: 'Raw notes.' },
				],
			})
		);
		expect(spec.extraSections).toEqual(['Open Questions', 'Appendix']);
		expect(specOf(source).extraSections).toEqual(['Alternatives Considered']);
	});

	it('an extra H3 inside a template section and an H4 anywhere are tolerated', () => {
		const source = edit(edit(plain, '### Technical Details', '### Notes\nFree text.\n\n### Technical Details'), '- **Components**', '#### Detail\n\nMore.\n\n- **Components**');
		expect(content(specOf(source))).toEqual(plainSpec());
	});
});

describe('files, folders and ids', () => {
	let fixture: Fixture | undefined;
	afterEach(() => fixture?.cleanup());

	it('nested folders are specs; names starting with `_` (files or folders) are not published; only .md/.mdx', async () => {
		fixture = writeFixture({
			'specs/top.md': plain,
			'specs/payments/cards/Retry-Policy.md': plain,
			'specs/identity/passkeys.mdx': plain,
			'specs/_template.md': plain,
			'specs/_drafts/idea.md': plain,
			'specs/payments/_wip.mdx': plain,
			'specs/notes.txt': 'not a spec',
		});
		expect(await listSpecFiles('specs', fixture.root)).toEqual(['specs/identity/passkeys.mdx', 'specs/payments/cards/Retry-Policy.md', 'specs/top.md']);
		expect(isPublishedSpecPath('payments/_wip.md')).toBe(false);
		expect(isPublishedSpecPath('_drafts/idea.md')).toBe(false);
		expect(isPublishedSpecPath('payments/wip_2.md')).toBe(true);
	});

	it.each([
		['specs/payments/Retry-Policy.md', 'payments/retry-policy'],
		['specs/Identity/Passkeys.MDX', 'identity/passkeys'],
		['specs/top.md', 'top'],
		['./specs/a/b/c.md', 'a/b/c'],
	])('%s has the id %s', (path, id) => {
		expect(specIdFromPath('specs', path)).toBe(id);
		expect(specIdFromPath('./specs/', path)).toBe(id);
	});

	it('ids are lower-case in the Spec too, and specs come sorted by id', () => {
		const files = [
			{ path: 'specs/Payments/Retry.md', source: buildSpec({ feature: 'Retry' }) },
			{ path: 'specs/identity/Passkeys.mdx', source: buildSpec({ feature: 'Passkeys' }) },
		];
		const { specs, diagnostics } = analyzeSpecs(files, { specsDir: 'specs', today: TODAY, fileExists: () => true });
		expect(diagnostics).toEqual([]);
		expect(specs.map((spec) => [spec.id, spec.path])).toEqual([
			['identity/passkeys', 'specs/identity/Passkeys.mdx'],
			['payments/retry', 'specs/Payments/Retry.md'],
		]);
	});
});

describe('frontmatter', () => {
	it('tags and supersedes, as flow or block lists, in any line-end style', () => {
		const files = [
			{ path: 'specs/payments/retry-v1.md', source: buildSpec({ feature: 'Retry v1' }) },
			{ path: 'specs/payments/retry.md', source: buildSpec({ frontmatter: 'tags:\n  - payments\n  - reliability\nsupersedes: [payments/Retry-V1]', style: { eol: '\r\n', bom: true } }) },
		];
		const { specs, diagnostics } = analyzeSpecs(files, { specsDir: 'specs', today: TODAY });
		expect(diagnostics).toEqual([]);
		expect(specs.find((spec) => spec.id === 'payments/retry')).toMatchObject({ tags: ['payments', 'reliability'], supersedes: ['payments/retry-v1'] });
	});

	it('empty frontmatter, or frontmatter holding only a comment, is no frontmatter', () => {
		expect(content(specOf(`---\n---\n${plain}`))).toEqual(plainSpec());
		expect(content(specOf(`---\n# owned by payments\n---\n${plain}`))).toEqual(plainSpec());
		expect(content(specOf(buildSpec({ frontmatter: 'tags: []' })))).toEqual(plainSpec());
	});
});

describe('status-aware strictness (valid cases)', () => {
	it('a Draft may be only its Overview', () => {
		const draft = '# Idea\n\n## Overview\n- **Feature**: Idea\n- **Author(s)**: Ana Lima\n- **Last Updated**: 2026-11-26\n- **Status**: Draft\n';
		expect(specOf(draft)).toMatchObject({ feature: 'Idea', status: 'Draft', phases: [], rolloutPlan: [] });
	});

	it('In Review allows a TBD timeline', () => {
		const spec = specOf(buildSpec({ phases: [{ name: 'Foundations', tasks: ['Write it'], timeline: 'tbd' }] }));
		expect(spec.phases[0]).toMatchObject({ timeline: 'tbd', start: null, end: null, durationDays: null });
	});

	it('Last Updated may be today', () => {
		expect(errorsOf(analyze(buildSpec({ lastUpdated: TODAY })).diagnostics)).toEqual([]);
	});
});

describe('plain text is what the page shows', () => {
	it('raw HTML tags and comments in a value are markup, not text; the words between them stay', () => {
		const phases = [{ name: 'Second <sub>beta</sub>', tasks: ['Task <b>bold</b> &amp; <kbd>Ctrl</kbd>', 'Phase 1 <br> and <sup>2</sup><!-- note -->'], timeline: 'TBD' }];
		const spec = specOf(buildSpec({ feature: 'Retry <em>policy</em> &amp; more', phases }));
		expect(spec.feature).toBe('Retry policy & more');
		expect(spec.phases[0]).toMatchObject({ name: 'Second beta', tasks: ['Task bold & Ctrl', 'Phase 1 and 2'] });
		const block = parseDocument('## Background\n\n- **Context**:\n\n  <div>Kept <b>words</b></div>\n').sections[0]!.fields[0]!;
		expect(block.text).toBe('Kept words');
		// A `>` inside a quoted attribute does not end the tag.
		expect(specOf(buildSpec({ feature: 'Retry <abbr title="p99 > 2s">SLO</abbr> alerts' })).feature).toBe('Retry SLO alerts');
	});
});

describe('Rollout Plan', () => {
	const rollout = (steps: string) => edit(buildSpec(), '1. Deploy with the flag off\n2. Enable for 10% of merchants\n3. Enable for everyone\n', steps);

	it('its steps are the numbered list; a note in bullets beside it is not a step', () => {
		expect(specOf(rollout('- **Owner**: SRE team\n\n1. Deploy dark\n2. Enable\n')).rolloutPlan).toEqual(['Deploy dark', 'Enable']);
		expect(specOf(rollout('- Deploy dark\n- Enable\n')).rolloutPlan).toEqual(['Deploy dark', 'Enable']);
	});

	it('bulleted steps count, with bold lead-ins too', () => {
		expect(specOf(rollout('- **Week 1**: restart the primaries\n- **Week 2**: move the readers\n')).rolloutPlan).toEqual(['Week 1: restart the primaries', 'Week 2: move the readers']);
	});
});
