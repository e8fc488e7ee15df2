/**
 * `node bench/check-stages.ts <specs folder>`
 *
 * What `check`'s work costs stage by stage, cold, on one thread, in a fresh process: loading its
 * modules, reading the files, Sätteri's parse of each body (the parser the site renders with), the
 * YAML frontmatter and the zod schema (run on outlines built beforehand, untimed). It tells how much
 * of a `check` run is the stack's own floor and how much is Specbook's reading of the template.
 */
import { performance } from 'node:perf_hooks';
import { relative, resolve } from 'node:path';
import { enableCompileCache } from '../src/cli/compile-cache.ts';

enableCompileCache(process.env);
const [folder] = process.argv.slice(2);
if (!folder) {
	console.error('usage: node bench/check-stages.ts <specs folder>');
	process.exit(2);
}

const started = performance.now();
// What `check` itself loads, so the figure is its start-up, not this script's.
await import('../src/cli/commands/check.ts');
const { markdownToMdast } = await import('satteri');
const { listSpecFiles, readSpecFile } = await import('../src/core/files.ts');
const { splitSource } = await import('../src/core/source.ts');
const { parseFrontmatter } = await import('../src/core/frontmatter.ts');
const { parseDocument } = await import('../src/core/document.ts');
const { buildCandidate } = await import('../src/core/outline.ts');
const { specSchema, templateOutline } = await import('../src/core/schema.ts');
const { runSchema } = await import('../src/core/run-schema.ts');
const { parseStatus } = await import('../src/core/values.ts');
const modulesMs = performance.now() - started;

const cwd = process.cwd();
const dir = relative(cwd, resolve(folder));
const time = async <T>(work: () => T | Promise<T>): Promise<[T, number]> => {
	const start = performance.now();
	const result = await work();
	return [result, performance.now() - start];
};

const paths = await listSpecFiles(dir, cwd);
const [files, readMs] = await time(() => Promise.all(paths.map((path) => readSpecFile(path, { cwd }))));
const splits = files.map((file) => splitSource(file.source));
const [, parseMs] = await time(() => {
	for (const { body } of splits) markdownToMdast(body, { features: { frontmatter: false } });
});
const [, frontmatterMs] = await time(() => {
	for (const [index, split] of splits.entries()) parseFrontmatter(split.frontmatter, paths[index]!, split.frontmatterLine);
});
const outline = templateOutline();
const today = new Date().toISOString().slice(0, 10);
const candidates = splits.map((split, index) => {
	const result = buildCandidate(parseDocument(split.body, split.bodyLineOffset), outline, paths[index]!);
	return { candidate: result.candidate, status: parseStatus(result.fields.get('overview.status')?.text ?? '') };
});
const schemas = new Map<string, ReturnType<typeof specSchema>>();
const [, schemaMs] = await time(() => {
	for (const { candidate, status } of candidates) {
		const key = status ?? '';
		if (!schemas.has(key)) schemas.set(key, specSchema({ status, today, imported: false }));
		runSchema(schemas.get(key)!, candidate);
	}
});

const ms = (value: number) => Math.round(value);
console.log(
	JSON.stringify(
		{
			specs: paths.length,
			startMs: ms(started),
			modulesMs: ms(modulesMs),
			readMs: ms(readMs),
			satteriParseMs: ms(parseMs),
			frontmatterMs: ms(frontmatterMs),
			zodMs: ms(schemaMs),
		},
		null,
		'\t'
	)
);
