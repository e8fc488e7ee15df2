/**
 * The guide's annotated example, cut into the parts the "Writing a spec" page comments on: what
 * precedes the first `## ` (frontmatter and title), then each H2 section.
 */

/** One part of the example spec. */
export interface ExamplePart {
	/** The H2 title, or '' for what precedes the first one. */
	title: string;
	/** The part's Markdown, without trailing blank lines. */
	source: string;
}

export function exampleParts(source: string): ExamplePart[] {
	const parts: ExamplePart[] = [{ title: '', source: '' }];
	for (const line of source.split('\n')) {
		const heading = /^##\s+(.+?)\s*$/u.exec(line);
		if (heading) parts.push({ title: heading[1]!, source: '' });
		parts.at(-1)!.source += `${line}\n`;
	}
	return parts.map((part) => ({ ...part, source: part.source.trimEnd() }));
}

/** The part with this title; throws when the example has no such section, so the page cannot silently lose one. */
export function examplePart(parts: readonly ExamplePart[], title: string): string {
	const part = parts.find((candidate) => candidate.title === title);
	if (!part) throw new Error(`The example spec has no section "${title}"`);
	return part.source;
}
