// Page weight of public pages: HTML + CSS + JS as a visitor downloads them (gzipped).
// Usage: node bench/page-weight.ts [base-url] [path…]   (against a running app, e.g. npm start)
import { gzipSync } from 'node:zlib';

const base = process.argv[2] ?? 'http://localhost:3000';
const paths = process.argv.slice(3);
if (paths.length === 0) {
	paths.push('/', '/events/intercambio-planificacion-2021', '/practices', '/practices?q=participacion&country=AR', '/practices/presupuesto-participativo-barrios-votacion-digital-presencial', '/practices/map');
}

const gz = (bytes: Uint8Array) => gzipSync(bytes, { level: 9 }).length;
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

console.log(`Page weight at ${base} (gzip level 9)`);
console.log('page'.padEnd(48), 'HTML'.padStart(9), 'CSS'.padStart(9), 'JS'.padStart(9), 'total'.padStart(9));
for (const path of paths) {
	const url = new URL(path, base);
	const html = new Uint8Array(await (await fetch(url)).arrayBuffer());
	const text = new TextDecoder().decode(html);
	const assets = new Set<string>();
	for (const match of text.matchAll(/<(?:link|script)\b[^>]*?(?:href|src)="([^"]+\.(?:js|css))"/g)) assets.add(new URL(match[1], url).toString());
	// Dynamic imports in the inline start script are loaded at once too.
	for (const match of text.matchAll(/import\("([^"]+\.js)"\)/g)) assets.add(new URL(match[1], url).toString());
	let css = 0;
	let js = 0;
	for (const asset of assets) {
		const size = gz(new Uint8Array(await (await fetch(asset)).arrayBuffer()));
		if (asset.endsWith('.css')) css += size;
		else js += size;
	}
	const htmlSize = gz(html);
	console.log(path.padEnd(48), kb(htmlSize).padStart(9), kb(css).padStart(9), kb(js).padStart(9), kb(htmlSize + css + js).padStart(9));
}
