// Relies on Starlight keeping the unknown hooks of an integration a plugin adds (its `addIntegration` schema is loose), so the loader can find the options in the Astro config; if it strips them, the loader silently runs with default options.
import { SpecbookConfigSchema, type SpecbookConfig } from '../config.ts';

/** The name of the integration the plugin adds; the loader finds the options on it. */
export const CONFIG_INTEGRATION_NAME = 'specbook:config';

/**
 * A custom hook of that integration returning the options. A hook, because Starlight validates
 * the integrations plugins add and keeps only their name and hooks.
 */
export const CONFIG_HOOK = 'specbook:config';

/**
 * The options as the content loader reads them: from the plugin's integration in the Astro config
 * (the loader gets the Astro config, not Vite's virtual modules). Defaults without the plugin.
 */
export function specbookConfigFrom(astroConfig: { integrations: readonly { name: string; hooks?: object }[] }): SpecbookConfig {
	const integration = astroConfig.integrations.find((entry) => entry.name === CONFIG_INTEGRATION_NAME);
	const hook = (integration?.hooks as Record<string, unknown> | undefined)?.[CONFIG_HOOK];
	return typeof hook === 'function' ? (hook() as SpecbookConfig) : SpecbookConfigSchema.parse({});
}
