/**
 * The guide's generated references against the code they describe: every section and label of the
 * schema is in the format reference with what each status requires (checked against the analyser),
 * every diagnostic code has its entry and its anchor, and the timeline tables hold what the parser says.
 */
import { describe, expect, it } from 'vitest';
import { DIAGNOSTICS, createDiagnostic, type DiagnosticCode } from '../../src/core/diagnostics.ts';
import { EXAMPLE_SPEC, EXAMPLE_SPEC_PATH } from '../../src/site/guide/example-spec.ts';
import { analyzeSpecs } from '../../src/core/index.ts';
import { STATUSES, type Status } from '../../src/core/model.ts';
import { templateOutline, type OutlineSection } from '../../src/core/schema.ts';
import { TIMELINE_FORMS } from '../../src/core/timeline.ts';
import { changedLines, diagnosticEntries } from '../../src/site/guide/diagnostics.ts';
import { examplePart, exampleParts } from '../../src/site/guide/example.ts';
import { formatReference } from '../../src/site/guide/format.ts';
import { formRows, MORE_SPELLINGS, rejectedRows, spellingRows } from '../../src/site/guide/timeline.ts';

const outline = templateOutline();
const reference = formatReference(outline);

/** Every label of the outline with the path of headings it sits under, e.g. `Architecture › System Design`. */
function outlineLabels(sections: readonly OutlineSection[], parent = ''): { path: string; label: string; placeholder: string; aliases: string[] }[] {
	return sections.flatMap((section) => {
		const path = parent ? `${parent} › ${section.title}` : section.title;
		return [
			...section.fields.map((field) => ({ path, label: field.label, placeholder: field.placeholder, aliases: field.aliases })),
			...(section.phaseFields ?? []).map((field) => ({ path: `${path} › Phase N`, label: field.label, placeholder: field.placeholder, aliases: field.aliases })),
			...outlineLabels(section.subsections, path),
		];
	});
}

function sectionTitles(sections: readonly OutlineSection[]): string[] {
	return sections.flatMap((section) => [section.title, ...sectionTitles(section.subsections)]);
}

const referenceField = (path: string, label: string) =>
	reference.find((section) => section.path === path)?.fields.find((field) => field.label === label);

describe('format reference', () => {
	it('lists every label of the schema, under its section, with its placeholder and other spellings', () => {
		const labels = outlineLabels(outline);
		expect(labels.length).toBeGreaterThan(30);
		for (const { path, label, placeholder, aliases } of labels) {
			const field = referenceField(path, label);
			expect(field, `${path} › ${label}`).toBeDefined();
			expect(field?.placeholder).toBe(placeholder);
			expect(field?.aliases).toEqual(aliases);
		}
		// …and nothing the schema does not have.
		expect(reference.flatMap((section) => section.fields).length).toBe(labels.length);
	});

	it('has a heading for every section and subsection, plus the phases and the Rollout Plan steps', () => {
		const titles = reference.map((section) => section.title);
		for (const title of sectionTitles(outline)) expect(titles, title).toContain(title);
		expect(reference.find((section) => section.heading === '### Phase N: Name')).toBeDefined();
		expect(reference.find((section) => section.title === 'Rollout Plan')?.steps).toBeDefined();
	});

	it('gives every heading a unique anchor', () => {
		const anchors = reference.map((section) => section.anchor);
		expect(new Set(anchors).size).toBe(anchors.length);
	});

	/** The example spec with `status`, and one field removed from the section at `path`. */
	function withoutField(status: Status, path: string, label: string): string {
		const lines = EXAMPLE_SPEC.replace('- **Status**: In Review', `- **Status**: ${status}`).split('\n');
		// Walk down the path of headings (`Phase N` means the first phase).
		let from = 0;
		let to = lines.length;
		for (const [depth, title] of path.split(' › ').entries()) {
			const hashes = '#'.repeat(depth + 2);
			const wanted = title === 'Phase N' ? /^### Phase 1:/u : new RegExp(`^${hashes} ${title}\\s*$`, 'u');
			const start = lines.findIndex((line, index) => index >= from && index < to && wanted.test(line));
			if (start === -1) throw new Error(`no heading ${title} in the example spec`);
			const end = lines.findIndex((line, index) => index > start && new RegExp(`^#{2,${depth + 2}} `, 'u').test(line));
			from = start;
			to = Math.min(to, end === -1 ? lines.length : end);
		}
		const start = lines.findIndex((line, index) => index > from && index < to && line.startsWith(`- **${label}**:`));
		if (start === -1) throw new Error(`no field ${label} under ${path}`);
		let end = start + 1;
		while (end < to && /^\s+\S/u.test(lines[end]!)) end++;
		lines.splice(start, end - start);
		return lines.join('\n');
	}

	const errorsOf = (source: string) =>
		analyzeSpecs([{ path: EXAMPLE_SPEC_PATH, source }], { specsDir: 'specs', today: '2026-11-26', fileExists: () => false }).diagnostics.filter(
			(diagnostic) => diagnostic.severity === 'error',
		);

	it('says which statuses require each field, as the check enforces it', () => {
		for (const { path, label } of outlineLabels(outline)) {
			const field = referenceField(path, label)!;
			for (const status of STATUSES) {
				const errors = errorsOf(withoutField(status, path, label));
				const required = field.requirements[status] !== 'optional';
				expect(errors.length > 0, `${status}: ${path} › ${label} is ${field.requirements[status]}`).toBe(required);
			}
		}
	});
});

describe('diagnostics reference', () => {
	const entries = diagnosticEntries();
	const codes = Object.keys(DIAGNOSTICS) as DiagnosticCode[];

	it('has one entry per code, anchored at the code in lower case', () => {
		expect(entries.map((entry) => entry.code)).toEqual(codes);
		for (const entry of entries) expect(entry.anchor).toBe(entry.code.toLowerCase());
	});

	it('is where the hint of every diagnostic points', () => {
		for (const entry of entries) {
			const diagnostic = createDiagnostic(entry.code, 'specs/x.md', { line: 1, column: 1 }, entry.example.params as never);
			expect(diagnostic.hint).toBe(`${entry.hint} See /guide/diagnostics/#${entry.anchor}`);
			expect(diagnostic.message).toBe(entry.message);
		}
	});

	it('highlights the lines a fix changes', () => {
		expect(changedLines('## Overview\n- **Status**: Done', '## Overview\n- **Status**: Approved')).toEqual({ removed: [2], added: [2] });
		expect(changedLines('a\nb', 'a\nb\nc')).toEqual({ removed: [], added: [3] });
	});
});

describe('timeline tables', () => {
	it('show every timeline form with the dates the parser gives it', () => {
		const rows = formRows();
		expect(rows.map((row) => row.written)).toEqual(TIMELINE_FORMS.map((form) => form.example));
		expect(rows.find((row) => row.written === 'Q1 2027')).toMatchObject({ start: '2027-01-01', end: '2027-03-31', durationDays: 90 });
	});

	it('only list spellings the parser accepts, and rejected values it rejects', () => {
		expect(spellingRows().every((row) => row.durationDays !== null)).toBe(true);
		expect(spellingRows()).toHaveLength(MORE_SPELLINGS.length);
		for (const row of rejectedRows()) expect(row.reason, row.written).not.toBe('');
	});
});

describe('annotated example', () => {
	it('has every section the writing guide comments on', () => {
		const parts = exampleParts(EXAMPLE_SPEC);
		for (const section of outline) expect(examplePart(parts, section.title)).toContain(`## ${section.title}`);
		expect(parts.map((part) => part.source).join('\n\n')).toBe(EXAMPLE_SPEC.trimEnd());
	});
});
