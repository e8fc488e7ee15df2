/**
 * Near misses inside the sections an import maps to the template: an H3 such as `System Desing`
 * or a label such as `**Non Goal**` would each be an error (`section-typo`, `label-typo`) that
 * hides the part it misspells. They are the one safe, unambiguous fix: spelled as the template
 * spells them, and nothing else about them changes.
 */
import type { List, RootContent } from 'mdast';
import type { OutlineField, OutlineSection } from '../schema.ts';
import { nearestMatch, normalizeLabel } from '../text.ts';
import { lineAt } from './edits.ts';
import { plainText, span, type SourceDoc } from './doc.ts';
import { phaseHeading } from './headings.ts';

/** Respells near-miss subsection headings and field labels among `nodes`, the content of template section `section`. */
export function respellNearMisses(doc: SourceDoc, nodes: readonly RootContent[], section: OutlineSection): void {
	let fields: readonly OutlineField[] = section.fields;
	for (const node of nodes) {
		if (node.type === 'heading' && node.depth === 3) {
			const title = plainText(node);
			const exact = section.subsections.find((sub) => normalizeLabel(sub.title) === normalizeLabel(title));
			const near = exact ?? (phaseHeading(title) ? undefined : section.subsections.find((sub) => sub.title === nearestMatch(title, section.subsections.map((each) => each.title))));
			if (near && !exact) {
				const line = lineAt(doc.body, span(node).start);
				doc.edits.replace(line.start, line.end, `### ${near.title}\n`);
			}
			fields = phaseHeading(title) ? (section.phaseFields ?? []) : (near?.fields ?? []);
		} else if (node.type === 'list') respellLabels(doc, node, fields);
	}
}

function respellLabels(doc: SourceDoc, list: List, fields: readonly OutlineField[]): void {
	const labels = fields.flatMap((field) => [field.label, ...field.aliases]);
	for (const item of list.children) {
		const [first] = item.children;
		const [strong] = first?.type === 'paragraph' ? first.children : [];
		if (strong?.type !== 'strong') continue;
		const label = plainText(strong).replace(/\s*[:：]$/u, '');
		if (labels.some((each) => normalizeLabel(each) === normalizeLabel(label))) continue;
		const suggestion = nearestMatch(label, labels);
		if (!suggestion) continue;
		const { start, end } = span(strong);
		const written = doc.body.slice(start, end);
		const at = written.indexOf(label);
		if (at !== -1) doc.edits.replace(start + at, start + at + label.length, suggestion);
	}
}
