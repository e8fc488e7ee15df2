/**
 * The zod schema that mirrors the template, section by section and label by label. It validates the
 * candidate object the analyser builds from the Markdown outline, with In Review strictness; the
 * analyser relaxes it for Drafts. Each section carries `.meta({ section })` and each field
 * `.meta({ label })`, so the template outline (and the guide's format reference) is read off the
 * schema itself: `templateOutline()`.
 */
import { z } from 'astro/zod';
import { isIsoDate } from './dates.ts';
import type { DiagnosticCode } from './diagnostics.ts';
import { parseTimeline } from './timeline.ts';
import { isPlaceholder } from './text.ts';
import { parseAuthors, parseStatus } from './values.ts';

/** What the schema needs to know about the world. */
export interface SchemaContext {
	/** Today's date (ISO): Last Updated may not be later. */
	today: string;
}

type Ctx = z.core.$RefinementCtx<unknown>;

/** Reports a diagnostic from the table as a zod issue; the analyser turns it into a located diagnostic. */
function report(ctx: Ctx, code: DiagnosticCode, params: Record<string, unknown> = {}, path: PropertyKey[] = []) {
	ctx.addIssue({ code: 'custom', message: code, params: { code, ...params }, path });
}

/** A free-text field: present, not empty, not the template placeholder. */
const text = (label: string, placeholder: string, aliases: string[] = []) =>
	z
		.string()
		.superRefine((value, ctx) => {
			if (!value.trim()) report(ctx, 'empty-field', { field: label });
			else if (isPlaceholder(value)) report(ctx, 'placeholder', { field: label, value: value.trim() });
		})
		.meta({ label, aliases, placeholder });

/** A field whose value is a list (Tasks, Dependencies): nested list items, or one inline value. */
const list = (label: string, placeholder: string) =>
	z
		.array(z.string())
		.superRefine((items, ctx) => {
			items.forEach((item, index) => {
				if (isPlaceholder(item)) report(ctx, 'placeholder', { field: label, value: item.trim() }, [index]);
			});
		})
		.meta({ label, list: true, placeholder });

const section = <Shape extends z.core.$ZodLooseShape>(title: string, shape: Shape) =>
	z.object(shape).meta({ section: title });

export const createOverviewSchema = ({ today }: SchemaContext) =>
	section('Overview', {
		/** The feature's name: at most 120 characters, unique across specs. */
		feature: text('Feature', '[Feature name]').superRefine((value, ctx) => {
			if (value.trim().length > 120) report(ctx, 'feature-too-long', { length: value.trim().length });
		}),
		/** Who wrote the spec: names separated by commas or "and", each with an optional `<e-mail>` or `@handle`. */
		authors: text('Author(s)', '[Author names]', ['Authors', 'Author']).superRefine((value, ctx) => {
			if (value.trim() && !isPlaceholder(value) && parseAuthors(value).length === 0) report(ctx, 'authors-invalid');
		}),
		/** Date of the last real change: `YYYY-MM-DD`, a real date, not in the future. */
		lastUpdated: text('Last Updated', '[Date]').superRefine((value, ctx) => {
			const date = value.trim();
			if (!date || isPlaceholder(date)) return;
			if (!isIsoDate(date)) report(ctx, 'date-invalid', { value: date });
			else if (date > today) report(ctx, 'date-future', { value: date, today });
		}),
		/** Draft, In Review or Approved, in any letter case. */
		status: text('Status', '[Draft/In Review/Approved]').superRefine((value, ctx) => {
			if (value.trim() && !isPlaceholder(value) && !parseStatus(value)) report(ctx, 'status-invalid', { value: value.trim() });
		}),
	});

export const BackgroundSchema = section('Background', {
	/** Where the work comes from: the situation today. */
	context: text('Context', '[Background information]'),
	/** The problem being solved. */
	problemStatement: text('Problem Statement', '[Problem being solved]'),
	/** The technical goals. */
	goals: text('Goals', '[Technical goals]'),
	/** What is explicitly out of scope. */
	nonGoals: text('Non-Goals', "[What's explicitly out of scope]"),
});

export const ArchitectureSchema = section('Architecture', {
	systemDesign: section('System Design', {
		/** The components affected. */
		components: text('Components', '[Affected components]'),
		/** How data moves through them. */
		dataFlow: text('Data Flow', '[Data flow description]'),
		/** Where it meets other systems. */
		integrationPoints: text('Integration Points', '[Integration details]'),
	}),
	technicalDetails: section('Technical Details', {
		/** Languages, frameworks and services used. */
		technologyStack: text('Technology Stack', '[Technologies used]'),
		/** API changes and additions. */
		apis: text('APIs', '[API changes/additions]'),
		/** Database changes. */
		database: text('Database', '[Database changes]'),
		/** Security considerations. */
		security: text('Security', '[Security considerations]'),
	}),
});

/** One `### Phase N: Name` of Implementation. */
export const PhaseSchema = z
	.object({
		/** The N of the heading; phases are numbered from 1 without gaps. */
		number: z.number().int(),
		/** The Name of the heading. */
		name: z.string().superRefine((value, ctx) => {
			if (isPlaceholder(value)) report(ctx, 'placeholder', { field: 'Phase name', value: value.trim() });
		}),
		/** What the phase delivers, one list item per task. */
		tasks: list('Tasks', '[Task description]').superRefine((items, ctx) => {
			if (items.length === 0) report(ctx, 'tasks-empty', { phase: 0 });
		}),
		/** What the phase waits for; `None` for nothing. */
		dependencies: list('Dependencies', '[Dependency 1]'),
		/** When: a date range, quarters, months, a duration or TBD (see the timeline grammar). */
		timeline: text('Timeline', '[Timeline estimate]').superRefine((value, ctx) => {
			if (!value.trim() || isPlaceholder(value)) return;
			const parsed = parseTimeline(value);
			if (!parsed.ok) report(ctx, 'timeline-invalid', { value: value.trim(), reason: parsed.reason });
		}),
	})
	.meta({ phase: true });

export const ImplementationSchema = section('Implementation', {
	/** The phases in order; at least one. */
	phases: z
		.array(PhaseSchema)
		.superRefine((phases, ctx) => {
			if (phases.length === 0) report(ctx, 'phases-missing');
			phases.forEach((phase, index) => {
				if (phase.number !== index + 1) report(ctx, 'phase-numbering', { found: phase.number, expected: index + 1 }, [index, 'number']);
			});
		})
		.meta({ phases: true }),
});

export const TestingStrategySchema = section('Testing Strategy', {
	unitTesting: section('Unit Testing', {
		/** What the unit tests cover. */
		scope: text('Scope', '[What to test]'),
		/** How they are written. */
		approach: text('Approach', '[How to test]'),
		/** Test frameworks and tools. */
		tools: text('Tools', '[Testing tools]'),
	}),
	integrationTesting: section('Integration Testing', {
		/** What the integration tests cover. */
		scope: text('Scope', '[What to test]'),
		/** How they run. */
		approach: text('Approach', '[How to test]'),
		/** Where they run. */
		environment: text('Environment', '[Test environment]'),
	}),
});

export const DeploymentSchema = section('Deployment', {
	requirements: section('Requirements', {
		/** Infrastructure needed. */
		infrastructure: text('Infrastructure', '[Infrastructure needs]'),
		/** Configuration changes. */
		configuration: text('Configuration', '[Config changes]'),
		/** What must be deployed first. */
		dependencies: text('Dependencies', '[Deployment dependencies]'),
	}),
	/** The ordered rollout steps; at least one. */
	rolloutPlan: z
		.array(z.string())
		.superRefine((steps, ctx) => {
			if (steps.length === 0) report(ctx, 'rollout-empty');
			steps.forEach((step, index) => {
				if (isPlaceholder(step)) report(ctx, 'placeholder', { field: 'Rollout Plan', value: step.trim() }, [index]);
			});
		})
		.meta({ section: 'Rollout Plan', steps: true }),
});

export const MonitoringSchema = section('Monitoring', {
	metrics: section('Metrics', {
		/** Performance metrics. */
		performance: text('Performance', '[Performance metrics]'),
		/** Error monitoring. */
		errorRates: text('Error Rates', '[Error monitoring]'),
		/** Usage metrics. */
		usage: text('Usage', '[Usage metrics]'),
	}),
	alerts: section('Alerts', {
		/** Alert thresholds. */
		thresholds: text('Thresholds', '[Alert thresholds]'),
		/** Response procedures. */
		response: text('Response', '[Response procedures]'),
	}),
});

export const DocumentationSchema = section('Documentation', {
	technicalDocumentation: section('Technical Documentation', {
		/** API documentation. */
		apiDocs: text('API Docs', '[API documentation]'),
		/** Architecture documentation. */
		architectureDocs: text('Architecture Docs', '[Architecture documentation]'),
		/** Operations documentation. */
		operationGuide: text('Operation Guide', '[Operations documentation]'),
	}),
	userDocumentation: section('User Documentation', {
		/** User documentation. */
		userGuide: text('User Guide', '[User documentation]'),
		/** Release notes. */
		releaseNotes: text('Release Notes', '[Release notes]'),
	}),
});

/** The whole template, with In Review strictness, plus the Approved rule (no TBD timelines). */
export const createSpecSchema = (context: SchemaContext) =>
	z
		.object({
			overview: createOverviewSchema(context),
			background: BackgroundSchema,
			architecture: ArchitectureSchema,
			implementation: ImplementationSchema,
			testingStrategy: TestingStrategySchema,
			deployment: DeploymentSchema,
			monitoring: MonitoringSchema,
			documentation: DocumentationSchema,
		})
		.superRefine((spec, ctx) => {
			if (parseStatus(spec.overview.status) !== 'Approved') return;
			spec.implementation.phases.forEach((phase, index) => {
				const parsed = parseTimeline(phase.timeline);
				if (parsed.ok && parsed.value.kind === 'tbd')
					report(ctx, 'timeline-tbd', { phase: phase.number }, ['implementation', 'phases', index, 'timeline']);
			});
		});


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
	/** The template's placeholder, e.g. `[Feature name]`. */
	placeholder: string;
}

/** A section of the outline. */
export interface OutlineSection {
	key: string;
	title: string;
	fields: OutlineField[];
	subsections: OutlineSection[];
	/** For Implementation: the fields of each `### Phase N: Name`. */
	phaseFields?: OutlineField[];
	/** For Rollout Plan: the section is an ordered list of steps. */
	steps?: boolean;
}

type AnySchema = z.core.$ZodType;
const metaOf = (schema: AnySchema) => (z.globalRegistry.get(schema) ?? {}) as Record<string, unknown>;

function readFields(shape: Record<string, AnySchema>): { fields: OutlineField[]; subsections: OutlineSection[]; phaseFields?: OutlineField[] } {
	const fields: OutlineField[] = [];
	const subsections: OutlineSection[] = [];
	let phaseFields: OutlineField[] | undefined;
	for (const [key, schema] of Object.entries(shape)) {
		const meta = metaOf(schema);
		if (typeof meta['label'] === 'string') {
			fields.push({
				key,
				label: meta['label'],
				aliases: (meta['aliases'] as string[] | undefined) ?? [],
				list: meta['list'] === true,
				placeholder: String(meta['placeholder']),
			});
		} else if (meta['phases'] === true) {
			const element = (schema as z.ZodArray<z.ZodObject>).element;
			phaseFields = readFields(element.shape).fields;
		} else if (typeof meta['section'] === 'string') {
			subsections.push(readSection(key, schema));
		}
	}
	return phaseFields ? { fields, subsections, phaseFields } : { fields, subsections };
}

function readSection(key: string, schema: AnySchema): OutlineSection {
	const title = metaOf(schema)['section'] as string;
	if (metaOf(schema)['steps'] === true) return { key, title, fields: [], subsections: [], steps: true };
	return { key, title, ...readFields((schema as z.ZodObject).shape) };
}

/** The template's sections and labels, read off the schema. */
export function templateOutline(): OutlineSection[] {
	const schema = createSpecSchema({ today: '9999-12-31' });
	// The top-level object is wrapped by superRefine's pipe-less check, so its shape is direct.
	return Object.entries(schema.shape).map(([key, section]) => readSection(key, section));
}
