/**
 * Schedule checks: rules about dates that only make sense once every phase is resolved, some of
 * them across specs. They are warnings (a plan can be wrong without the spec being invalid), each
 * located at the Timeline line of the phase concerned, which is the line an author edits to fix it.
 */
import { compareIso } from './dates.ts';
import { createDiagnostic } from './diagnostics.ts';
import { resolveLink } from './links.ts';
import type { Diagnostic, Phase, Spec } from './model.ts';
import { linkKey } from './paths.ts';

export interface ScheduleOptions {
	/** ISO date a phase's start is compared with (`schedule-started`). */
	today: string;
}

/** Every schedule warning about `specs`, in spec order then phase order. */
export function scheduleDiagnostics(specs: readonly Spec[], options: ScheduleOptions): Diagnostic[] {
	const byPath = new Map(specs.map((spec) => [linkKey(spec.path), spec]));
	return specs.flatMap((spec) => [
		...startedWhileUnapproved(spec, options.today),
		...spec.phases.flatMap((phase) => [...phaseOrder(spec, phase), ...crossSpec(spec, phase, byPath)]),
	]);
}

/** (a) A phase that depends on an earlier phase of its spec but starts on or before that phase's last day. */
function phaseOrder(spec: Spec, phase: Phase): Diagnostic[] {
	if (phase.start === null) return [];
	const start = phase.start;
	const named = new Set(phase.dependencies.flatMap(phaseReferences));
	return [...named]
		.filter((number) => number < phase.number)
		.sort((a, b) => a - b)
		.flatMap((number) => {
			const earlier = spec.phases.find((other) => other.number === number);
			if (earlier?.end == null || compareIso(start, earlier.end) > 0) return [];
			return [
				createDiagnostic('schedule-phase-order', spec.path, phase.timelinePosition, {
					phase: phase.number,
					start,
					dependency: number,
					end: earlier.end,
				}),
			];
		});
}

/**
 * Phase numbers a dependency names: `Phase 1 deployed`, `phase 2`, `Phases 1 and 2`, `Phases 1, 2`.
 * Only the word "phase" followed by numbers counts, so `2 phases` or `v2` never match.
 */
export function phaseReferences(text: string): number[] {
	const numbers: number[] = [];
	for (const match of text.matchAll(/\bphases?\s+(\d+(?:\s*(?:,|&|and|\+)\s*\d+)*)\b/giu)) {
		for (const digits of (match[1] ?? '').matchAll(/\d+/gu)) numbers.push(Number(digits[0]));
	}
	return numbers;
}

/** (b) A phase that depends on another spec whose phases are not over before it starts. */
function crossSpec(spec: Spec, phase: Phase, byPath: ReadonlyMap<string, Spec>): Diagnostic[] {
	if (phase.start === null) return [];
	const start = phase.start;
	const seen = new Set<string>();
	return phase.dependencyLinks.flatMap((link) => {
		const target = resolveSpecLink(spec.path, link, byPath);
		if (target === undefined || target.id === spec.id || seen.has(target.id)) return [];
		seen.add(target.id);
		// The latest known end: if an earlier phase of the target runs past our start, so does the
		// target as a whole, whatever its later (maybe undated) phases say.
		const end = target.phases.reduce<string | null>(
			(latest, other) => (other.end !== null && (latest === null || compareIso(other.end, latest) > 0) ? other.end : latest),
			null,
		);
		if (end === null || compareIso(end, start) < 0) return [];
		return [
			createDiagnostic('schedule-cross-spec', spec.path, phase.timelinePosition, {
				phase: phase.number,
				start,
				feature: target.feature,
				id: target.id,
				end,
			}),
		];
	});
}

/**
 * The spec a Markdown link in `fromPath` points at: a relative file link (`../ledger/idempotency.md`,
 * `.mdx` or no extension, `#anchors` ignored), matched by source path without regard to case or
 * extension. External links and links to other files give undefined.
 */
export function resolveSpecLink(fromPath: string, link: string, byPath: ReadonlyMap<string, Spec>): Spec | undefined {
	const target = resolveLink(fromPath, link.trim());
	// A link without extension (`../ledger/idempotency`) is a file link to resolveLink; it still names a spec here.
	return target.kind === 'spec' || target.kind === 'file' ? byPath.get(linkKey(target.path)) : undefined;
}

/** (c) A Draft or In Review spec whose first phase has already started. */
function startedWhileUnapproved(spec: Spec, today: string): Diagnostic[] {
	if (spec.status === 'Approved') return [];
	// The first phase with dates: when phase 1 is undated, a later phase that started means phase 1 did too.
	const first = spec.phases.find((phase) => phase.start !== null);
	if (first?.start == null || compareIso(first.start, today) > 0) return [];
	return [
		createDiagnostic('schedule-started', spec.path, first.timelinePosition, {
			status: spec.status,
			phase: first.number,
			start: first.start,
			today,
		}),
	];
}
