// Relies on glob() writing each entry through the `store.set` of the context it is given (with the rendered HTML in `rendered.html`); if it writes another way, spec bodies stay inside Astro's data store and the build bundles them again.
import type { DataStore } from 'astro/loaders';

/** `store` with its `set` replaced by `set`; every other member is the store's own, bound to it. */
export function withStoreSet(store: DataStore, set: DataStore['set']): DataStore {
	return new Proxy(store, {
		get(target, property) {
			if (property === 'set') return set;
			const value = Reflect.get(target, property, target);
			return typeof value === 'function' ? value.bind(target) : value;
		},
	});
}
