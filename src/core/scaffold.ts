/**
 * Writes the template back out as Markdown from the schema's outline: what `npm run new` scaffolds,
 * and, with no values, exactly the template every spec is written from.
 */
import type { OutlineField, OutlineSection } from './schema.ts';

/** Values to fill in, by field label (e.g. `{ Feature: 'Retry policy' }`). */
export type ScaffoldValues = Partial<Record<string, string>>;

const PHASES = 2;
const ROLLOUT_STEPS = 3;

/** The template as Markdown, with `values` in place of the matching placeholders. */
export function renderTemplate(outline: readonly OutlineSection[], values: ScaffoldValues = {}, title = 'Technical Specification Template'): string {
	// Blocks are separated by a blank line; an H2 sits directly on its first block, as in the template.
	const blocks: string[] = [`# ${title}`];
	for (const section of outline) {
		const inner: string[] = [];
		if (section.fields.length) inner.push(renderFields(section.fields, values));
		if (section.phaseFields) {
			for (let number = 1; number <= PHASES; number++) {
				inner.push(`### Phase ${number}: [Phase Name]\n${renderFields(section.phaseFields, values)}`);
			}
		}
		for (const subsection of section.subsections) {
			const body = subsection.steps
				? Array.from({ length: ROLLOUT_STEPS }, (_, index) => `${index + 1}. [Step ${index + 1}]`).join('\n')
				: renderFields(subsection.fields, values);
			inner.push(`### ${subsection.title}\n${body}`);
		}
		blocks.push(`## ${section.title}\n${inner.join('\n\n')}`);
	}
	return `${blocks.join('\n\n')}\n`;
}

function renderFields(fields: readonly OutlineField[], values: ScaffoldValues): string {
	return fields
		.map((field) => {
			if (!field.list) return `- **${field.label}**: ${values[field.label] ?? field.placeholder}`;
			const [, stem = ''] = field.placeholder.match(/^\[(.*?)(?:\s*\d+)?\]$/u) ?? [];
			const ordered = field.label === 'Tasks';
			const items = [1, 2].map((n) => `  ${ordered ? `${n}.` : '-'} [${stem}${ordered ? '' : ` ${n}`}]`);
			return `- **${field.label}**:\n${items.join('\n')}`;
		})
		.join('\n');
}
