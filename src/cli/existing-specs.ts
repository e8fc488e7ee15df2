/**
 * The specs a folder already holds, for the commands that add one (`new`, `import`): a new spec
 * must take neither an id (`retry.mdx` and `Retry.md` are both the spec `retry`) nor a Feature
 * another one has.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { CliContext } from '../context.ts';
import { analyzeSpecs, readSpecFiles, specIdFromPath } from '../core/index.ts';

export interface ExistingSpecs {
	/** Spec id → the file that has it. */
	ids: Map<string, string>;
	/** Feature, lower case → the spec that has it, with the Feature as written. */
	features: Map<string, { path: string; feature: string }>;
}

/** The specs under `dir` (relative to the context's working directory); none when it does not exist yet. */
export async function existingSpecs(dir: string, context: Pick<CliContext, 'cwd' | 'today'>): Promise<ExistingSpecs> {
	if (!existsSync(resolve(context.cwd, dir))) return { ids: new Map(), features: new Map() };
	const files = await readSpecFiles(dir, { cwd: context.cwd });
	const { specs } = analyzeSpecs(files, { specsDir: dir, today: context.today });
	return {
		ids: new Map(files.map((file) => [specIdFromPath(dir, file.path), file.path])),
		features: new Map(specs.map((spec) => [spec.feature.toLowerCase(), { path: spec.path, feature: spec.feature }])),
	};
}
