// Relies on Starlight keeping the unknown hooks of an integration a plugin adds (its `addIntegration` schema is loose), so the loader can find the resolved context in the Astro config; if it strips them, the loader silently runs with default settings.
import type { SpecbookContext } from '../../context.ts';

/** The name of the integration the plugin adds; the loader finds the options on it. */
export const CONFIG_INTEGRATION_NAME = 'specbook:config';

/**
 * A custom hook of that integration returning the options. A hook, because Starlight validates
 * the integrations plugins add and keeps only their name and hooks.
 */
export const CONFIG_HOOK = 'specbook:config';

/**
 * The context as the content loader reads it: the one the plugin resolved, from its integration
 * in the Astro config (the loader gets the Astro config, not Vite's virtual modules), so the
 * loader and the pages share one today. Without the plugin, undefined.
 */
export function specbookContextFrom(astroConfig: { integrations: readonly { name: string; hooks?: object }[] }): SpecbookContext | undefined {
	const integration = astroConfig.integrations.find((entry) => entry.name === CONFIG_INTEGRATION_NAME);
	const hook = (integration?.hooks as Record<string, unknown> | undefined)?.[CONFIG_HOOK];
	return typeof hook === 'function' ? (hook() as SpecbookContext) : undefined;
}
