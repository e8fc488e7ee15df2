/**
 * The optional YAML frontmatter: only what the template lacks (`tags`, `supersedes`, and
 * `imported`, written by `npm run import`), validated by a zod schema and located by the offsets the `yaml` package reports.
 */
import { z } from 'astro/zod';
import { isMap, isScalar, isSeq, parseDocument, type Node } from 'yaml';
import { createDiagnostic } from './diagnostics.ts';
import { MAX_TAGS } from './limits.ts';
import { ImportedSchema, type Diagnostic, type Position } from './model.ts';
import { LineIndex } from './source.ts';
import { findForbiddenCharacter, nearestMatch } from './text.ts';

const stringList = z.array(z.string().trim().min(1));

/** What frontmatter may hold. Every other key is an error. */
export const FrontmatterSchema = z
	.object({
		/** Free-form tags, for filtering and search; at most MAX_TAGS. */
		tags: stringList.default([]),
		/** Ids of the specs this one replaces (each must exist). */
		supersedes: stringList.default([]),
		/** Where an imported spec came from and its original status (see ImportedSchema). */
		imported: ImportedSchema.exactOptional(),
	})
	.strict();

export type Frontmatter = z.output<typeof FrontmatterSchema>;
const KEYS = Object.keys(FrontmatterSchema.shape);

/** Validated frontmatter plus where each `supersedes` entry was written. */
export interface FrontmatterResult {
	data: Frontmatter;
	/** Position of each `supersedes` item, by index. */
	supersedesPositions: Position[];
	diagnostics: Diagnostic[];
}

/** Parses the YAML between the fences; `firstLine` is the file line of its first line. */
export function parseFrontmatter(yaml: string | null, file: string, firstLine: number): FrontmatterResult {
	const result: FrontmatterResult = { data: { tags: [], supersedes: [] }, supersedesPositions: [], diagnostics: [] };
	if (yaml === null || !yaml.trim()) return result;

	const document = parseDocument(yaml, { prettyErrors: false, uniqueKeys: true });
	// Offsets come from the yaml package; lines are counted here: yaml's LineCounter misses the
	// newlines of text it fails to parse, and puts later errors lines too early.
	const lines = new LineIndex(yaml, firstLine - 1);
	const at = (offset: number): Position => lines.at(Math.min(offset, yaml.length));
	const nodeAt = (node: Node | null | undefined): Position => at(node?.range?.[0] ?? 0);

	if (document.errors.length > 0) {
		for (const error of document.errors) {
			const reason = error.message.split('\n')[0] ?? 'syntax error';
			result.diagnostics.push(createDiagnostic('frontmatter-syntax', file, at(error.pos[0]), { reason }));
		}
		return result;
	}
	const root = document.contents;
	if (root === null) return result;
	if (!isMap(root)) {
		result.diagnostics.push(createDiagnostic('frontmatter-not-mapping', file, nodeAt(root)));
		return result;
	}

	for (const pair of root.items) {
		const keyNode = pair.key as Node | null;
		const key = isScalar(keyNode) ? String(keyNode.value) : String(keyNode);
		const keyPosition = nodeAt(keyNode);
		if (!KEYS.includes(key)) {
			result.diagnostics.push(
				createDiagnostic('frontmatter-unknown-key', file, keyPosition, { key, suggestion: nearestMatch(key, KEYS) })
			);
			continue;
		}
		const valueNode = pair.value as Node | null;
		if (key === 'imported') {
			const imported = ImportedSchema.safeParse(valueNode?.toJSON());
			if (imported.success) result.data.imported = imported.data;
			else result.diagnostics.push(createDiagnostic('frontmatter-type', file, valueNode ? nodeAt(valueNode) : keyPosition, { key, expected: 'a mapping of `from` (the source path) and `status` (the original status text)' }));
			continue;
		}
		const parsed = stringList.safeParse(valueNode === null ? [] : valueNode.toJSON());
		if (!parsed.success) {
			// Point at the offending item when there is one, else at the value.
			const index = parsed.error.issues[0]?.path[0];
			const item = typeof index === 'number' && isSeq(valueNode) ? (valueNode.items[index] as Node) : valueNode;
			result.diagnostics.push(
				createDiagnostic('frontmatter-type', file, valueNode ? nodeAt(item) : keyPosition, { key, expected: 'a list of non-empty strings' })
			);
			continue;
		}
		if (key === 'tags' && parsed.data.length > MAX_TAGS) {
			result.diagnostics.push(createDiagnostic('tags-too-many', file, keyPosition, { count: parsed.data.length }));
			continue;
		}
		// Tags reach the feed and the terminal as text: a control character is never meant.
		const items = isSeq(valueNode) ? valueNode.items : [];
		parsed.data.forEach((item, index) => {
			const forbidden = findForbiddenCharacter(item);
			const position = items[index] ? nodeAt(items[index] as Node) : nodeAt(valueNode);
			if (forbidden) result.diagnostics.push(createDiagnostic('text-forbidden-character', file, position, { field: key, codePoint: forbidden.codePoint }));
		});
		if (key === 'tags') result.data.tags = parsed.data;
		if (key === 'supersedes') {
			result.data.supersedes = parsed.data.map((id) => id.toLowerCase().replace(/\.mdx?$/u, '').replace(/^\/+|\/+$/gu, ''));
			result.supersedesPositions = isSeq(valueNode) ? valueNode.items.map((item) => nodeAt(item as Node)) : [];
		}
	}
	return result;
}
