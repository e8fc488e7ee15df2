/**
 * A source doc's YAML frontmatter, read for the importer: keys whose values the Overview takes
 * (status, authors, dates), a `title`, the keys a spec keeps (`tags`, `supersedes`), and every
 * other key, which moves into the body as a field so the spec's frontmatter stays valid.
 */
import { isMap, isScalar, parseDocument as parseYaml, stringify } from 'yaml';
import { escapeMarkdown } from '../text.ts';
import type { Found } from './extract.ts';
import { withoutIdPrefix } from './headings.ts';
import { metadataKind } from './metadata.ts';

/** Frontmatter keys the spec keeps as they are. */
const KEPT_KEYS = new Set(['tags', 'supersedes']);

/** What the importer makes of a source's frontmatter. */
export interface SourceFrontmatter {
	/** Keys whose values the Overview may take (status, authors, dates). */
	found: Found[];
	/** `title`, a Feature when the body has no Feature field. */
	title?: { markdown: string; text: string; written: string };
	/** Keys turned into Overview values (dropped from the frontmatter). */
	consumed: Set<string>;
	/** Keys Specbook does not have, for the body, as `[key, value]`. */
	fields: [string, string][];
	/** Keys kept as written. */
	kept: Set<string>;
}

export function readFrontmatter(yaml: string | null): SourceFrontmatter {
	const result: SourceFrontmatter = { found: [], consumed: new Set(), fields: [], kept: new Set() };
	if (yaml === null || !yaml.trim()) return result;
	const document = parseYaml(yaml);
	if (document.errors.length || !isMap(document.contents)) {
		// Not a mapping Specbook can read: kept whole, as a field, so nothing is lost.
		result.fields.push(['frontmatter', `\`${yaml.replace(/\n/gu, ' ').replace(/`/gu, "'")}\``]);
		return result;
	}
	// As JavaScript, whole: aliases (`reviewers: *team`) resolve to what they name.
	const data = (document.toJS({ maxAliasCount: 100 }) ?? {}) as Record<string, unknown>;
	for (const pair of document.contents.items) {
		const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
		const value = data[key] ?? null;
		const written = Array.isArray(value) ? value.map(itemText).join(', ') : itemText(value);
		if (KEPT_KEYS.has(key) && Array.isArray(value) && value.every((item) => typeof item === 'string' && item.trim())) {
			result.kept.add(key);
			continue;
		}
		if (key === 'title' && written.trim()) {
			result.title = { markdown: escapeMarkdown(withoutIdPrefix(written)), text: withoutIdPrefix(written), written };
			continue;
		}
		const kind = metadataKind(key);
		if (kind && written.trim()) {
			result.found.push({ kind, label: key, value: written, field: false, take: () => result.consumed.add(key) });
			continue;
		}
		if (key !== 'imported') result.fields.push([key, written]);
	}
	return result;
}

/**
 * One value as text: a person written as a mapping (`name:`, `email:`) as Specbook writes an author
 * (`Ann Lee <ann@example.com>`), any other mapping as JSON, so no key or value is lost.
 */
function itemText(value: unknown): string {
	if (value === null || value === undefined) return '';
	if (value instanceof Date) return value.toISOString().slice(0, 10);
	if (typeof value !== 'object') return String(value);
	const { name, email, ...rest } = value as Record<string, unknown>;
	if (typeof name === 'string' && (email === undefined || typeof email === 'string') && Object.keys(rest).length === 0) return email ? `${name} <${email}>` : name;
	return JSON.stringify(value);
}

/** The frontmatter of the spec: the kept keys as written, then `imported`. */
export function writeFrontmatter(yaml: string | null, frontmatter: SourceFrontmatter, imported: { from: string; status: string }): string {
	let kept = '';
	if (yaml !== null && frontmatter.kept.size) {
		const document = parseYaml(yaml);
		if (isMap(document.contents)) {
			for (const pair of document.contents.items) {
				const key = isScalar(pair.key) ? String(pair.key.value) : '';
				if (!frontmatter.kept.has(key)) continue;
				const from = (pair.key as { range?: [number, number, number] }).range?.[0] ?? 0;
				const to = (pair.value as { range?: [number, number, number] } | null)?.range?.[2] ?? from;
				kept += `${yaml.slice(from, to).replace(/\s+$/u, '')}\n`;
			}
		}
	}
	return `---\n${kept}${stringify({ imported })}---\n`;
}
