/**
 * The unsafe-HTML check against the whole class of payloads, not only the ones reported: every
 * payload must be refused, each violation its own located error that names the element, attribute
 * or URL scheme; and the harmless HTML authors write must stay allowed.
 */
import { describe, expect, test } from 'vitest';
import { analyzeFile, type Diagnostic } from '../../src/core/index.ts';
import { HARMLESS, PAYLOADS } from '../helpers/html-payloads.ts';
import { buildSpec } from '../helpers/spec-builder.ts';

const TODAY = '2026-11-26';

/** A valid Draft with `markdown` as its Appendix. */
const specWith = (markdown: string) => buildSpec({ feature: 'Payload', status: 'Draft', extraSections: [{ title: 'Appendix', body: markdown }] });

function check(markdown: string) {
	const source = specWith(markdown);
	const { diagnostics } = analyzeFile({ path: 'specs/payload.md', source }, { specsDir: 'specs', today: TODAY, fileExists: () => true });
	return { source, diagnostics };
}

/** The source text at a diagnostic's position, to the end of its line. */
function textAt(source: string, diagnostic: Diagnostic): string {
	return (source.split(/\r?\n/u)[diagnostic.line - 1] ?? '').slice(diagnostic.column - 1);
}

describe('every payload is refused, each violation located and named', () => {
	test.each(Object.entries(PAYLOADS))('%s', (_, payload) => {
		const { source, diagnostics } = check(payload.markdown);
		const code = payload.code ?? 'html-unsafe';
		const found = diagnostics.filter((diagnostic) => diagnostic.code === code);
		expect(diagnostics.filter((diagnostic) => diagnostic.code !== code && diagnostic.code !== 'html-unsafe' && diagnostic.code !== 'html-pagefind-attribute')).toEqual([]);
		for (const name of payload.names) {
			expect(found.map((diagnostic) => diagnostic.message), name).toContainEqual(expect.stringContaining(name));
		}
		// Every violation is its own error, at its own place.
		const places = new Set(found.map((diagnostic) => `${diagnostic.line}:${diagnostic.column}`));
		expect(places.size).toBe(found.length);
		const firstLine = source.split('\n').findIndex((line) => line.includes(payload.markdown.split('\n')[0]!)) + 1;
		for (const diagnostic of found) {
			expect(diagnostic.line).toBeGreaterThanOrEqual(firstLine);
			// An element's error points at its tag, an attribute's at the attribute.
			const attribute = diagnostic.message.match(/(?:^|in |: )([a-z:-]+)=/u)?.[1];
			const element = diagnostic.message.match(/^Unsafe HTML: <([a-z]+)>/u)?.[1];
			if (attribute) expect(textAt(source, diagnostic).toLowerCase(), diagnostic.message).toMatch(new RegExp(`^${attribute}\\b`, 'u'));
			else if (element) expect(textAt(source, diagnostic).toLowerCase(), diagnostic.message).toMatch(new RegExp(`^<${element}\\b`, 'u'));
		}
	});

	test('inside a block quote or a list item, an attribute on a later line is located in the file', () => {
		for (const markdown of ['> <div\n> onclick="alert(1)">x</div>', '- Item\n\n  <div\n    onclick="alert(1)">x</div>']) {
			const { source, diagnostics } = check(markdown);
			expect(diagnostics.map((diagnostic) => textAt(source, diagnostic))).toEqual(['onclick="alert(1)">x</div>']);
		}
	});

	test('a reference definition is located at its URL', () => {
		const { source, diagnostics } = check('[r]: <javascript:alert(1)> "t"');
		expect(diagnostics.map((diagnostic) => textAt(source, diagnostic))).toEqual(['javascript:alert(1)> "t"']);
	});

	test('the message names the scheme and says why', () => {
		const { diagnostics } = check('<a href="javascript:alert(1)">x</a> <span title="t" lang="en" hidden>y</span> [f](file:///etc/passwd)');
		expect(diagnostics.map((diagnostic) => diagnostic.message)).toEqual([
			"Unsafe HTML: javascript: URL in href= on <a> can run script in a reader's browser.",
			'Unsafe HTML: hidden= on <span> is not on the list of allowed attributes.',
			'Unsafe HTML: file: URL in a link is not an allowed URL scheme here (use http, https, irc, ircs, mailto, xmpp or a relative URL).',
		]);
	});
});

describe('harmless HTML stays allowed', () => {
	test.each(Object.entries(HARMLESS))('%s', (_, markdown) => {
		expect(check(markdown).diagnostics).toEqual([]);
	});
});
