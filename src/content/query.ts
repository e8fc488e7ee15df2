/**
 * How pages read the `specs` collection. The only module besides the loader that knows about Astro's
 * content layer; everything else works on plain `Spec` objects (src/core/model.ts).
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import type { Spec } from '../core/model.ts';
import type { InvalidSpecData, ValidSpecData } from './schema.ts';

export type SpecEntry = CollectionEntry<'specs'>;

/** A valid spec with its warnings, as stored. */
export type StoredSpec = Spec & { diagnostics: ValidSpecData['diagnostics'] };

/** Every collection entry, valid or not (invalid ones exist only in `astro dev`). */
export async function getSpecEntries(): Promise<SpecEntry[]> {
	return getCollection('specs');
}

/** The spec stored in a valid entry, without the loader's bookkeeping. */
export function specOf(entry: SpecEntry): StoredSpec | undefined {
	if (!entry.data.valid) return undefined;
	const { valid: _valid, ...spec } = entry.data as ValidSpecData;
	return spec as StoredSpec;
}

/** The errors stored for an invalid entry, or undefined when it is valid. */
export function invalidOf(entry: SpecEntry): InvalidSpecData | undefined {
	return entry.data.valid ? undefined : (entry.data as InvalidSpecData);
}

/** Every valid spec. */
export async function getSpecs(): Promise<StoredSpec[]> {
	return (await getSpecEntries()).flatMap((entry) => specOf(entry) ?? []);
}

/** Every spec that failed validation (only in `astro dev`: a build stops instead). */
export async function getInvalidSpecs(): Promise<InvalidSpecData[]> {
	return (await getSpecEntries()).flatMap((entry) => invalidOf(entry) ?? []);
}
