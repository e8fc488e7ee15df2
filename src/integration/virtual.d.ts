declare module 'virtual:specbook/config' {
	const config: import('./config.ts').SpecbookRuntimeConfig;
	export default config;
}
