/**
 * The zod schema that mirrors the template, section by section and label by label, built for one
 * status: `specSchema({ status, today })`. A Draft's sections other than Overview are optional by
 * construction, and its malformed values there are warnings; In Review and Approved require
 * everything. Values are parsed once, here, by each field's transform (timeline, authors, status),
 * and the schema's output is what the Spec record is made of.
 *
 * Every rule reports on its own: each field transforms before it checks (zod stops a transform
 * after any issue), and no rule reports an issue that stops its parent's checks, so a list-wide
 * rule such as phase numbering runs whatever its phases hold.
 *
 * Each part is registered in the `template` registry with its section title or label, so the
 * template outline (and the guide's format reference) is read off the schema itself:
 * `templateOutline()`.
 */
import { z } from 'astro/zod';
import { isIsoDate } from './dates.ts';
import type { DiagnosticCode } from './diagnostics.ts';
import { FEATURE_MAX_LENGTH, MAX_AUTHORS } from './limits.ts';
import type { Author, Severity, Status } from './model.ts';
import { parseTimeline, type TimelineParse } from './timeline.ts';
import { STATUSES } from './statuses.ts';
import { findForbiddenCharacter, isPlaceholder, nearestMatch } from './text.ts';
import { parseAuthors, parseStatus } from './values.ts';

/** What the schema is built for. */
export interface SpecSchemaOptions {
	/** The status the spec declares; undefined when it cannot be read (held as a Draft). */
	status: Status | undefined;
	/** The latest allowed Last Updated (ISO). */
	today: string;
	/** The spec carries frontmatter `imported`: what its source never had is a warning (see strictness()). */
	imported?: boolean;
}

/** How strictly one part of the template is held, by status (DESIGN §2, status-aware strictness). */
export interface Strictness {
	/** A missing or empty section or field: its severity, or false where it may be left out. */
	absent: Severity | false;
	/** A template placeholder (`[...]`) left in: its severity, or false where it may stay. */
	placeholder: Severity | false;
	/** A value that is written but malformed (a bad timeline, a phase numbered out of order). */
	malformed: Severity;
	/** A phase whose Timeline is TBD: its severity, or false where it may stay unestimated. */
	tbd: Severity | false;
}

const REQUIRED: Strictness = { absent: 'error', placeholder: 'error', malformed: 'error', tbd: false };
const APPROVED: Strictness = { ...REQUIRED, tbd: 'error' };
const DRAFT_BODY: Strictness = { absent: false, placeholder: false, malformed: 'warning', tbd: false };

/**
 * The rules for Overview (always complete) or the rest of the body (complete from In Review on,
 * estimated once Approved). An imported spec's body is told, as warnings in every status, what its
 * source never had (sections, fields, estimates); a malformed value keeps its status's rule.
 */
export function strictness(status: Status | undefined, part: 'overview' | 'body', imported = false): Strictness {
	if (part === 'overview') return REQUIRED;
	const rules = status === 'Approved' ? APPROVED : status === 'In Review' ? REQUIRED : DRAFT_BODY;
	return imported ? { ...rules, absent: 'warning', tbd: 'warning' } : rules;
}

/** What the template registry records about each part of the schema. */
type TemplateMeta =
	| { kind: 'section'; title: string; shape: z.ZodRawShape }
	| { kind: 'field'; label: string; aliases: string[]; list: boolean; markdown: boolean; placeholder: string }
	| { kind: 'phases'; shape: z.ZodRawShape }
	| { kind: 'steps'; title: string };

/** The template's parts, by schema: where templateOutline() reads titles, labels and placeholders. */
const template = new WeakMap<z.core.$ZodType, TemplateMeta>();

/** Records what `schema` is in the template, and returns it. */
function register<Schema extends z.core.$ZodType>(schema: Schema, meta: TemplateMeta): Schema {
	template.set(schema, meta);
	return schema;
}

type Ctx = z.core.$RefinementCtx<unknown>;

/** Reports a diagnostic from the table as a zod issue; the analyser locates it and fills the names of what is missing. */
function report(ctx: Ctx, code: DiagnosticCode, severity: Severity, params: Record<string, unknown> = {}, path: PropertyKey[] = []) {
	ctx.addIssue({ code: 'custom', message: code, params: { code, severity, ...params }, path });
}

/** A field's value as written (trimmed), and what it means. */
export interface Written<T> {
	text: string;
	value: T;
}

interface FieldOptions {
	label: string;
	placeholder: string;
	aliases?: string[];
	/** The candidate holds the value's Markdown, not its plain text (authors keep their links and e-mails). */
	markdown?: boolean;
}

/** Reports a missing, empty or placeholder value; true when the value is real content to check further. */
function isWritten(text: string | undefined, label: string, rules: Strictness, ctx: Ctx): text is string {
	if (text === undefined) {
		if (rules.absent) report(ctx, 'missing-field', rules.absent);
	} else if (!text) {
		if (rules.absent) report(ctx, 'empty-field', rules.absent, { field: label });
	} else if (isPlaceholder(text)) {
		if (rules.placeholder) report(ctx, 'placeholder', rules.placeholder, { field: label, value: text });
	} else return true;
	return false;
}

/** A one-value field: parsed by `parse`, then checked by `check` once it holds real content. */
function field<T>(
	options: FieldOptions,
	rules: Strictness,
	parse: (text: string) => T,
	check?: (written: Written<T>, ctx: Ctx) => void
) {
	const schema = z
		.string()
		.optional()
		.transform((raw): Written<T> | undefined => {
			if (raw === undefined) return undefined;
			const text = raw.trim();
			return { text, value: parse(text) };
		})
		.superRefine((written, ctx) => {
			if (!isWritten(written?.text, options.label, rules, ctx)) return;
			const forbidden = findForbiddenCharacter(written.text);
			// Values reach terminals, the feed and the API as text: a control character is never meant.
			if (forbidden) report(ctx, 'text-forbidden-character', 'error', { field: options.label, codePoint: forbidden.codePoint });
			check?.(written!, ctx);
		});
	return register(schema, { kind: 'field', aliases: [], list: false, markdown: false, ...options });
}

/** A free-text field: present, not empty, not the template placeholder. */
const text = (options: FieldOptions, rules: Strictness) => field(options, rules, (value) => value);

/**
 * A field whose value is a list (Tasks, Dependencies): the candidate holds its items (an inline
 * value counts as one; `None` is no item), or `''` when the label has no value at all.
 */
function list(options: FieldOptions, rules: Strictness) {
	const schema = z
		.union([z.array(z.string()), z.literal('')])
		.optional()
		.transform((raw) => (raw === undefined ? undefined : { empty: raw === '', items: raw === '' ? [] : raw }))
		.superRefine((written, ctx) => {
			if (!written) return void (rules.absent && report(ctx, 'missing-field', rules.absent));
			if (written.empty && rules.absent) report(ctx, 'empty-field', rules.absent, { field: options.label });
			written.items.forEach((item, index) => {
				if (isPlaceholder(item) && rules.placeholder)
					report(ctx, 'placeholder', rules.placeholder, { field: options.label, value: item.trim() }, ['items', index]);
			});
		});
	return register(schema, { kind: 'field', aliases: [], list: true, markdown: false, ...options });
}

/**
 * zod drops every issue of an optional schema whose key is absent, so "missing" would never be
 * heard: ending in a pipe makes the output no longer optional to zod, and the issue is kept.
 */
const keepAbsenceIssues = <Schema extends z.ZodType>(schema: Schema) => schema.transform((value) => value);

/** A section or subsection: missing is reported once, for the section, not for each of its fields. */
function section<Shape extends z.ZodRawShape>(title: string, rules: Strictness, shape: Shape) {
	const schema = z
		.object(shape)
		.optional()
		.superRefine((value, ctx) => {
			if (value === undefined && rules.absent) report(ctx, 'missing-section', rules.absent);
		});
	return register(keepAbsenceIssues(schema), { kind: 'section', title, shape });
}

function overviewSchema(today: string) {
	const rules = strictness(undefined, 'overview');
	return section('Overview', rules, {
		/** The feature's name: plain text, unique across specs, at most FEATURE_MAX_LENGTH characters. */
		feature: field({ label: 'Feature', placeholder: '[Feature name]' }, rules, (value) => value, ({ text: value }, ctx) => {
			// Characters as a reader counts them: an emoji is one, not two UTF-16 units.
			const length = [...value].length;
			if (length > FEATURE_MAX_LENGTH) report(ctx, 'feature-too-long', rules.malformed, { length });
		}),
		/** Who wrote the spec: names separated by commas or "and", each with an optional `<e-mail>` or `@handle`; at most MAX_AUTHORS. */
		authors: field(
			{ label: 'Author(s)', placeholder: '[Author names]', aliases: ['Authors', 'Author'], markdown: true },
			rules,
			(markdown): Author[] => parseAuthors(markdown),
			({ value }, ctx) => {
				if (value.length === 0) report(ctx, 'authors-invalid', rules.malformed);
				if (value.length > MAX_AUTHORS) report(ctx, 'authors-too-many', rules.malformed, { count: value.length });
			}
		),
		/** Date of the last real change: `YYYY-MM-DD`, a real date, not after `today`. */
		lastUpdated: field({ label: 'Last Updated', placeholder: '[Date]' }, rules, (value) => value, ({ text: date }, ctx) => {
			if (!isIsoDate(date)) report(ctx, 'date-invalid', rules.malformed, { value: date });
			else if (date > today) report(ctx, 'date-future', rules.malformed, { value: date, today });
		}),
		/** Draft, In Review or Approved, in any letter case; stored in the canonical spelling. */
		status: field({ label: 'Status', placeholder: '[Draft/In Review/Approved]' }, rules, parseStatus, ({ text: value, value: status }, ctx) => {
			if (!status) report(ctx, 'status-invalid', rules.malformed, { value, suggestion: nearestMatch(value, STATUSES) });
		}),
	});
}

/** One `### Phase N: Name` of Implementation. */
function phaseSchema(rules: Strictness, approved: boolean) {
	return z
		.object({
			/** The N of the heading; phases are numbered from 1 without gaps. */
			number: z.number().int(),
			/** The Name of the heading. */
			name: z.string().superRefine((value, ctx) => {
				if (isPlaceholder(value) && rules.placeholder) report(ctx, 'placeholder', rules.placeholder, { field: 'Phase name', value: value.trim() });
			}),
			/** What the phase delivers, one list item per task. */
			tasks: list({ label: 'Tasks', placeholder: '[Task description]' }, rules),
			/** What the phase waits for; `None` for nothing. */
			dependencies: list({ label: 'Dependencies', placeholder: '[Dependency 1]' }, rules),
			/** When: a date range, quarters, months, a duration or TBD (see the timeline grammar). */
			timeline: field({ label: 'Timeline', placeholder: '[Timeline estimate]' }, rules, parseTimeline, ({ text: value, value: parsed }, ctx) => {
				if (!parsed.ok) report(ctx, 'timeline-invalid', rules.malformed, { value, reason: parsed.reason });
			}),
		})
		.superRefine((phase, ctx) => {
			if (phase.tasks && !phase.tasks.empty && phase.tasks.items.length === 0 && rules.absent)
				report(ctx, 'tasks-empty', rules.absent, { phase: phase.number }, ['tasks']);
			if (rules.tbd && isTbd(phase.timeline?.value)) report(ctx, 'timeline-tbd', rules.tbd, { phase: phase.number, approved }, ['timeline']);
		});
}

const isTbd = (parsed: TimelineParse | undefined) => parsed?.ok === true && parsed.value.kind === 'tbd';

function implementationSchema(rules: Strictness, approved: boolean) {
	const phase = phaseSchema(rules, approved);
	return section('Implementation', rules, {
		/** The phases in order; at least one. */
		phases: register(
			z
				.array(phase)
			.superRefine((phases, ctx) => {
				if (phases.length === 0 && rules.absent) report(ctx, 'phases-missing', rules.absent);
				phases.forEach((each, index) => {
					if (each.number !== index + 1)
						report(ctx, 'phase-numbering', rules.malformed, { found: each.number, expected: index + 1 }, [index, 'number']);
				});
			}),
			{ kind: 'phases', shape: phase.shape }
		),
	});
}

/** Deployment › Rollout Plan: the ordered list of steps; at least one. */
function rolloutPlanSchema(rules: Strictness) {
	const schema = z
		.array(z.string())
		.optional()
		.superRefine((steps, ctx) => {
			if (steps === undefined) return void (rules.absent && report(ctx, 'missing-section', rules.absent));
			if (steps.length === 0 && rules.absent) report(ctx, 'rollout-empty', rules.absent);
			steps.forEach((step, index) => {
				if (isPlaceholder(step) && rules.placeholder) report(ctx, 'placeholder', rules.placeholder, { field: 'Rollout Plan', value: step.trim() }, [index]);
			});
		});
	return register(keepAbsenceIssues(schema), { kind: 'steps', title: 'Rollout Plan' });
}

/** The whole template, held as strictly as `status` requires. */
export function specSchema({ status, today, imported = false }: SpecSchemaOptions) {
	const rules = strictness(status, 'body', imported);
	return z.object({
		overview: overviewSchema(today),
		background: section('Background', rules, {
			/** Where the work comes from: the situation today. */
			context: text({ label: 'Context', placeholder: '[Background information]' }, rules),
			/** The problem being solved. */
			problemStatement: text({ label: 'Problem Statement', placeholder: '[Problem being solved]' }, rules),
			/** The technical goals. */
			goals: text({ label: 'Goals', placeholder: '[Technical goals]' }, rules),
			/** What is explicitly out of scope. */
			nonGoals: text({ label: 'Non-Goals', placeholder: "[What's explicitly out of scope]" }, rules),
		}),
		architecture: section('Architecture', rules, {
			systemDesign: section('System Design', rules, {
				/** The components affected. */
				components: text({ label: 'Components', placeholder: '[Affected components]' }, rules),
				/** How data moves through them. */
				dataFlow: text({ label: 'Data Flow', placeholder: '[Data flow description]' }, rules),
				/** Where it meets other systems. */
				integrationPoints: text({ label: 'Integration Points', placeholder: '[Integration details]' }, rules),
			}),
			technicalDetails: section('Technical Details', rules, {
				/** Languages, frameworks and services used. */
				technologyStack: text({ label: 'Technology Stack', placeholder: '[Technologies used]' }, rules),
				/** API changes and additions. */
				apis: text({ label: 'APIs', placeholder: '[API changes/additions]' }, rules),
				/** Database changes. */
				database: text({ label: 'Database', placeholder: '[Database changes]' }, rules),
				/** Security considerations. */
				security: text({ label: 'Security', placeholder: '[Security considerations]' }, rules),
			}),
		}),
		implementation: implementationSchema(rules, status === 'Approved'),
		testingStrategy: section('Testing Strategy', rules, {
			unitTesting: section('Unit Testing', rules, {
				/** What the unit tests cover. */
				scope: text({ label: 'Scope', placeholder: '[What to test]' }, rules),
				/** How they are written. */
				approach: text({ label: 'Approach', placeholder: '[How to test]' }, rules),
				/** Test frameworks and tools. */
				tools: text({ label: 'Tools', placeholder: '[Testing tools]' }, rules),
			}),
			integrationTesting: section('Integration Testing', rules, {
				/** What the integration tests cover. */
				scope: text({ label: 'Scope', placeholder: '[What to test]' }, rules),
				/** How they run. */
				approach: text({ label: 'Approach', placeholder: '[How to test]' }, rules),
				/** Where they run. */
				environment: text({ label: 'Environment', placeholder: '[Test environment]' }, rules),
			}),
		}),
		deployment: section('Deployment', rules, {
			requirements: section('Requirements', rules, {
				/** Infrastructure needed. */
				infrastructure: text({ label: 'Infrastructure', placeholder: '[Infrastructure needs]' }, rules),
				/** Configuration changes. */
				configuration: text({ label: 'Configuration', placeholder: '[Config changes]' }, rules),
				/** What must be deployed first. */
				dependencies: text({ label: 'Dependencies', placeholder: '[Deployment dependencies]' }, rules),
			}),
			/** The ordered rollout steps; at least one. */
			rolloutPlan: rolloutPlanSchema(rules),
		}),
		monitoring: section('Monitoring', rules, {
			metrics: section('Metrics', rules, {
				/** Performance metrics. */
				performance: text({ label: 'Performance', placeholder: '[Performance metrics]' }, rules),
				/** Error monitoring. */
				errorRates: text({ label: 'Error Rates', placeholder: '[Error monitoring]' }, rules),
				/** Usage metrics. */
				usage: text({ label: 'Usage', placeholder: '[Usage metrics]' }, rules),
			}),
			alerts: section('Alerts', rules, {
				/** Alert thresholds. */
				thresholds: text({ label: 'Thresholds', placeholder: '[Alert thresholds]' }, rules),
				/** Response procedures. */
				response: text({ label: 'Response', placeholder: '[Response procedures]' }, rules),
			}),
		}),
		documentation: section('Documentation', rules, {
			technicalDocumentation: section('Technical Documentation', rules, {
				/** API documentation. */
				apiDocs: text({ label: 'API Docs', placeholder: '[API documentation]' }, rules),
				/** Architecture documentation. */
				architectureDocs: text({ label: 'Architecture Docs', placeholder: '[Architecture documentation]' }, rules),
				/** Operations documentation. */
				operationGuide: text({ label: 'Operation Guide', placeholder: '[Operations documentation]' }, rules),
			}),
			userDocumentation: section('User Documentation', rules, {
				/** User documentation. */
				userGuide: text({ label: 'User Guide', placeholder: '[User documentation]' }, rules),
				/** Release notes. */
				releaseNotes: text({ label: 'Release Notes', placeholder: '[Release notes]' }, rules),
			}),
		}),
	});
}

export type SpecSchema = ReturnType<typeof specSchema>;
/** What the schema makes of a spec's body: every template value, parsed. */
export type TemplateValues = z.output<SpecSchema>;

/** A field of the outline. */
export interface OutlineField {
	/** Key in the candidate object. */
	key: string;
	/** The label as the template writes it. */
	label: string;
	/** Other accepted spellings (e.g. `Authors` for `Author(s)`). */
	aliases: string[];
	/** True for list-valued fields (Tasks, Dependencies). */
	list: boolean;
	/** True when the candidate holds the value's Markdown rather than its plain text. */
	markdown: boolean;
	/** The template's placeholder, e.g. `[Feature name]`. */
	placeholder: string;
}

/** A section of the outline. */
export interface OutlineSection {
	/** Key in the candidate object. */
	key: string;
	/** The heading as the template writes it. */
	title: string;
	/** Its labelled fields, in template order. */
	fields: OutlineField[];
	/** Its H3 subsections, in template order. */
	subsections: OutlineSection[];
	/** For Implementation: the fields of each `### Phase N: Name`. */
	phaseFields?: OutlineField[];
	/** For Rollout Plan: the section is an ordered list of steps. */
	steps?: boolean;
}

function readShape(shape: z.ZodRawShape): Pick<OutlineSection, 'fields' | 'subsections' | 'phaseFields'> {
	const fields: OutlineField[] = [];
	const subsections: OutlineSection[] = [];
	let phaseFields: OutlineField[] | undefined;
	for (const [key, schema] of Object.entries(shape)) {
		const meta = template.get(schema);
		if (meta?.kind === 'field') {
			const { kind: _kind, ...rest } = meta;
			fields.push({ key, ...rest });
		} else if (meta?.kind === 'phases') phaseFields = readShape(meta.shape).fields;
		else if (meta?.kind === 'section') subsections.push({ key, title: meta.title, ...readShape(meta.shape) });
		else if (meta?.kind === 'steps') subsections.push({ key, title: meta.title, fields: [], subsections: [], steps: true });
	}
	return phaseFields ? { fields, subsections, phaseFields } : { fields, subsections };
}

/** The template's sections and labels, read off the schema. */
export function templateOutline(): OutlineSection[] {
	return readShape(specSchema({ status: 'Approved', today: '9999-12-31' }).shape).subsections;
}
