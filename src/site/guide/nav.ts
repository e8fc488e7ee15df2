/**
 * The guide's pages, in reading order: one list for the sidebar group and the guide's own links.
 * Links are site paths; Starlight (sidebar) and `withBase` (pages) add the base.
 */

/** One page of the guide. */
export interface GuidePage {
	/** Sidebar label. */
	label: string;
	/** Site path, with a trailing slash. */
	link: string;
}

export const GUIDE_PAGES = [
	{ label: 'Overview', link: '/guide/' },
	{ label: 'Writing a spec', link: '/guide/writing-specs/' },
	{ label: 'Format reference', link: '/guide/format/' },
	{ label: 'Diagnostics', link: '/guide/diagnostics/' },
	{ label: 'Configuration', link: '/guide/configuration/' },
	{ label: 'Start a new site', link: '/guide/new-site/' },
	{ label: 'Add to a Starlight site', link: '/guide/existing-site/' },
] as const satisfies readonly GuidePage[];

/** The sidebar group: a fixed handful of links, whatever the number of specs. */
export const guideSidebarGroup = () => ({ label: 'Guide', items: GUIDE_PAGES.map((page) => ({ ...page })) });
