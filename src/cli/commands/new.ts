/**
 * `npm run new -- "Feature name" [--author "Name"] [--dir specs]`
 * Scaffolds `<dir>/<slug>.md` from the template with today's date and Status Draft, refuses to
 * overwrite, and prints the path.
 */
import { execFileSync } from 'node:child_process';
import { lstat, mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { CliContext } from '../../context.ts';
import { normalizeRelative, specIdFromPath, templateOutline } from '../../core/index.ts';
import { renderTemplate } from '../../core/scaffold.ts';
import { escapeMarkdown, isPlaceholder, slugify } from '../../core/text.ts';
import { existingSpecs } from '../existing-specs.ts';
import { UsageError, type CliResult } from '../run.ts';
import { FEATURE_MAX_LENGTH } from '../../core/limits.ts';

export const USAGE = 'usage: npm run new -- "Feature name" [--author "Name"] [--dir specs]';

/** Runs `new` with `argv` (the arguments after the command) in `context`. */
export async function scaffold(argv: string[], context: CliContext): Promise<CliResult> {
	const { values, positionals } = parseArgs({
		args: argv,
		allowPositionals: true,
		options: {
			author: { type: 'string' },
			dir: { type: 'string', default: context.specsDir },
			help: { type: 'boolean', short: 'h' },
		},
	});
	if (values.help) return { output: USAGE, exitCode: 0 };
	const feature = positionals.join(' ').replace(/\s+/gu, ' ').trim();
	if (!feature) throw new UsageError('give the feature name, e.g. npm run new -- "Retry policy"');
	const length = [...feature].length;
	if (length > FEATURE_MAX_LENGTH) throw new UsageError(`the feature name is ${length} characters long; the limit is ${FEATURE_MAX_LENGTH}`);
	if (isPlaceholder(feature)) throw new UsageError(`"${feature}" reads as a template placeholder (a name in square brackets): drop the brackets`);
	const slug = slugify(feature);
	if (!slug) throw new UsageError(`"${feature}" has no letters or digits to make a file name from`);
	const author = values.author?.trim() || gitUserName();
	if (!author) throw new UsageError('no author: pass --author "Your Name" (or set git config user.name)');

	const path = normalizeRelative(join(values.dir, `${slug}.md`));
	// lstat, not exists: a link there, even a dangling one, is not written through.
	const taken = await lstat(resolve(context.cwd, path)).then(() => true, () => false);
	if (taken) return { error: `${path} already exists; not overwriting it.`, exitCode: 1 };
	const existing = await existingSpecs(values.dir, context);
	// One id, one page: `retry.mdx` or `Retry.md` is already the spec `retry`.
	const id = specIdFromPath(values.dir, path);
	const sameId = existing.ids.get(id);
	if (sameId) return { error: `${sameId} already exists as spec "${id}"; not overwriting it.`, exitCode: 1 };
	const same = existing.features.get(feature.toLowerCase());
	if (same) return { error: `${same.path} already has the feature "${same.feature}".`, exitCode: 1 };

	const markdown = renderTemplate(
		templateOutline(),
		{ Feature: escapeMarkdown(feature), 'Author(s)': author, 'Last Updated': context.today, Status: 'Draft' },
		escapeMarkdown(feature)
	);
	await mkdir(resolve(context.cwd, values.dir), { recursive: true });
	await writeFile(resolve(context.cwd, path), markdown, { flag: 'wx' });
	return { output: path, exitCode: 0 };
}

function gitUserName(): string | undefined {
	try {
		return execFileSync('git', ['config', 'user.name'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim() || undefined;
	} catch {
		return undefined;
	}
}
