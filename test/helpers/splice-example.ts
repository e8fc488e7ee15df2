/**
 * Splices a diagnostics-reference snippet into the example spec, as described at the top of
 * src/site/guide/diagnostic-examples.ts, so the tests can analyse what the reader is shown.
 */
import { splitSource } from '../../src/core/source.ts';

interface Section {
	/** Lower-case heading text, or '' for what precedes the first `## `. */
	key: string;
	text: string;
}

/** Splits Markdown at its `## ` headings (fenced code is not a concern for these snippets). */
function sections(body: string): Section[] {
	const result: Section[] = [{ key: '', text: '' }];
	for (const line of body.split('\n')) {
		const heading = /^##\s+(.+?)\s*#*\s*$/u.exec(line);
		if (heading) result.push({ key: heading[1]!.toLowerCase(), text: '' });
		result.at(-1)!.text += `${line}\n`;
	}
	return result;
}

/** The body of a section, without its heading line. */
const bodyOf = (section: Section) => section.text.slice(section.text.indexOf('\n') + 1).trim();

/** The example spec with `snippet` spliced in and the `omit` sections removed. */
export function spliceExample(base: string, snippet: string, omit: readonly string[] = []): string {
	const baseSplit = splitSource(base);
	const snippetSplit = splitSource(snippet);
	if (snippetSplit.unclosed) throw new Error('an unclosed frontmatter snippet must be a whole file');
	const frontmatter = snippetSplit.frontmatter ?? baseSplit.frontmatter;

	const omitted = new Set(omit.map((title) => title.toLowerCase()));
	const replacements = sections(snippetSplit.body).slice(1);
	const used = new Set<Section>();
	const parts: string[] = [];
	for (const section of sections(baseSplit.body)) {
		if (omitted.has(section.key)) continue;
		const matches = section.key ? replacements.filter((replacement) => replacement.key === section.key) : [];
		if (matches.length === 0) {
			parts.push(section.text);
			continue;
		}
		for (const match of matches) {
			used.add(match);
			parts.push(bodyOf(match) === '…' ? section.text : `${match.text.trimEnd()}\n\n`);
		}
	}
	for (const replacement of replacements) if (!used.has(replacement)) parts.push(`${replacement.text.trimEnd()}\n\n`);
	// The snippet's own head is kept as written (a block the page would drop belongs to it).
	const snippetHead = snippet.slice(0, snippet.length - snippetSplit.body.length);
	const head = snippetSplit.frontmatter !== null || snippetSplit.dropped.length ? snippetHead.replace(/\n?$/u, '\n') : frontmatter === null ? '' : `---\n${frontmatter}\n---\n`;
	return head + parts.join('');
}
