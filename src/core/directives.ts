/**
 * Container directives the site refuses. Starlight turns `:::note`, `:::tip`, `:::caution` and
 * `:::danger` into asides, and throws while rendering one whose `icon` attribute is not one of its
 * icons; the page was then published with an empty body. The same rule, checked before the build
 * (mirrors @astrojs/starlight integrations/aside-utils: `getAsideIconName`).
 */
import type { DirectiveReference } from './document.ts';
import type { Position } from './model.ts';
import { STARLIGHT_ICONS } from './starlight-icons.ts';

/** The directive names Starlight renders as asides (case-sensitive, as Starlight matches them). */
export const ASIDE_VARIANTS: ReadonlySet<string> = new Set(['note', 'tip', 'caution', 'danger']);

/** One refused attribute. */
export interface DirectiveFinding {
	directive: string;
	attribute: string;
	value: string;
	position: Position;
}

export function findInvalidDirectives(directives: readonly DirectiveReference[]): DirectiveFinding[] {
	const findings: DirectiveFinding[] = [];
	for (const { name, attributes, position } of directives) {
		if (!ASIDE_VARIANTS.has(name)) continue;
		const icon = attributes['icon'];
		// Starlight ignores an empty icon (it keeps the variant's own) and every other attribute.
		if (icon && !STARLIGHT_ICONS.has(icon)) findings.push({ directive: name, attribute: 'icon', value: icon, position });
	}
	return findings;
}
