/**
 * Whether a spec page shows the spec's body. Only a valid spec's body is shown. `astro dev` keeps
 * invalid specs (a build stops instead) so their pages can show the errors, but the body of one may
 * be exactly what `check` refused, raw `<script>` and all, and dev serves it without the CSP; it may
 * also not compile (an MDX syntax error) or take minutes to (too complex to parse).
 */
export function showsSpecBody(data: { valid: boolean }): boolean {
	return data.valid;
}
