/**
 * The schema mirrors the template: its tree of sections, labels, phase fields and rollout steps,
 * read off the zod schema, equals the tree read from the template file by our own Markdown parser,
 * and rendering the schema's outline gives back the template text. Held for the template of the
 * contract (test/fixtures/spec-template.md) and for specs/_template.md, the file authors copy.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseDocument, type Field, type Section } from '../../src/core/document.ts';
import { templateOutline, type OutlineField, type OutlineSection } from '../../src/core/index.ts';
import { renderTemplate } from '../../src/core/scaffold.ts';

const TEMPLATES = ['test/fixtures/spec-template.md', 'specs/_template.md'];
const read = (path: string) => readFileSync(fileURLToPath(new URL(`../../${path}`, import.meta.url)), 'utf8');

/** The comparable shape of a field: label, list-valued or not, and its placeholder. */
interface FieldShape {
	label: string;
	list: boolean;
	placeholder: string;
}

interface SectionShape {
	title: string;
	fields: FieldShape[];
	subsections: SectionShape[];
	phaseFields?: FieldShape[];
	steps?: number;
}

const PHASE = /^Phase \d+:/u;

/** The template's tree as the parser reads it from the file. */
function fromFile(template: string): { sections: SectionShape[]; phases: { title: string; fields: FieldShape[] }[] } {
	const document = parseDocument(template);
	const fieldShape = (field: Field): FieldShape => ({
		label: field.label,
		list: field.items.length > 0,
		// A list field's placeholder is its first item (`[Task description]`, `[Dependency 1]`).
		placeholder: field.items.length ? field.items[0]!.text : field.inline,
	});
	const phases: { title: string; fields: FieldShape[] }[] = [];
	const toShape = (section: Section): SectionShape => {
		const shape: SectionShape = { title: section.title, fields: section.fields.map(fieldShape), subsections: [] };
		for (const sub of section.subsections) {
			if (PHASE.test(sub.title)) {
				phases.push({ title: sub.title, fields: sub.fields.map(fieldShape) });
				shape.phaseFields ??= sub.fields.map(fieldShape);
			} else if (sub.fields.length === 0 && sub.entries.length > 0) {
				shape.subsections.push({ title: sub.title, fields: [], subsections: [], steps: sub.entries.length });
			} else {
				shape.subsections.push(toShape(sub));
			}
		}
		return shape;
	};
	return { sections: document.sections.map(toShape), phases };
}

/** The same tree read off the schema. */
function fromSchema(outline: readonly OutlineSection[]): SectionShape[] {
	const fieldShape = (field: OutlineField): FieldShape => ({ label: field.label, list: field.list, placeholder: field.placeholder });
	const toShape = (section: OutlineSection): SectionShape => {
		const shape: SectionShape = { title: section.title, fields: section.fields.map(fieldShape), subsections: section.subsections.map(toShape) };
		if (section.phaseFields) shape.phaseFields = section.phaseFields.map(fieldShape);
		// The number of steps is the template's business, not the schema's: compare it through the renderer below.
		if (section.steps) shape.steps = 3;
		return shape;
	};
	return outline.map(toShape);
}

describe.each(TEMPLATES)('template parity: %s', (path) => {
	const template = read(path);

	it('the schema has the template file’s sections, subsections, labels, placeholders and phase fields, in order', () => {
		const file = fromFile(template);
		expect(fromSchema(templateOutline())).toEqual(file.sections);
	});

	it('the template file really has the structure compared above (the parser reads it completely)', () => {
		const { sections, phases } = fromFile(template);
		expect(sections.map((section) => section.title)).toEqual([
			'Overview',
			'Background',
			'Architecture',
			'Implementation',
			'Testing Strategy',
			'Deployment',
			'Monitoring',
			'Documentation',
		]);
		expect(sections[0]!.fields.map((field) => field.label)).toEqual(['Feature', 'Author(s)', 'Last Updated', 'Status']);
		expect(phases.map((phase) => phase.title)).toEqual(['Phase 1: [Phase Name]', 'Phase 2: [Phase Name]']);
		expect(phases[1]!.fields).toEqual(phases[0]!.fields);
		expect(phases[0]!.fields).toEqual([
			{ label: 'Tasks', list: true, placeholder: '[Task description]' },
			{ label: 'Dependencies', list: true, placeholder: '[Dependency 1]' },
			{ label: 'Timeline', list: false, placeholder: '[Timeline estimate]' },
		]);
		const deployment = sections.find((section) => section.title === 'Deployment')!;
		expect(deployment.subsections.map((sub) => [sub.title, sub.steps])).toEqual([
			['Requirements', undefined],
			['Rollout Plan', 3],
		]);
	});

	it('renders the schema’s outline back to the template text', () => {
		const normalize = (text: string) =>
			text
				.split(/\r?\n/u)
				.map((line) => line.trimEnd())
				.join('\n')
				.trimEnd();
		expect(normalize(renderTemplate(templateOutline()))).toBe(normalize(template));
	});
});

describe('the schema’s outline', () => {
	it('every outline field and section has a key, and keys are unique among siblings', () => {
		const check = (sections: readonly OutlineSection[]) => {
			expect(new Set(sections.map((section) => section.key)).size).toBe(sections.length);
			for (const section of sections) {
				const keys = [...section.fields, ...(section.phaseFields ?? [])].map((field) => field.key);
				expect(keys.every(Boolean)).toBe(true);
				expect(new Set(section.fields.map((field) => field.key)).size).toBe(section.fields.length);
				check(section.subsections);
			}
		};
		check(templateOutline());
	});
});
