import { sveltekit } from '@sveltejs/kit/vite';
import adapter from '@sveltejs/adapter-node';
import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { defineConfig } from 'vite';
import { paraglideOptions } from './paraglide.config.ts';

export default defineConfig({
	plugins: [
		paraglideVitePlugin(paraglideOptions),
		sveltekit({
			adapter: adapter({ precompress: true }),
			// Origin is decided at run time by server.js (ORIGIN / PROTOCOL_HEADER), never baked in.
			csp: {
				// Hashes, not nonces: a page kept in the anonymous page cache never repeats a nonce.
				mode: 'hash',
				directives: {
					'default-src': ['self'],
					'script-src': ['self'],
					'style-src': ['self'],
					'img-src': ['self', 'data:'],
					'font-src': ['self'],
					'connect-src': ['self'],
					'form-action': ['self'],
					'frame-ancestors': ['none'],
					'base-uri': ['self'],
					'object-src': ['none']
				}
			}
		})
	],
	server: { port: 5173 },
	build: { target: 'es2022' }
});
