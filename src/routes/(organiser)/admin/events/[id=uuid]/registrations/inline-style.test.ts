import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'svelte/compiler';

/**
 * The Content-Security-Policy allows no inline style (src/lib/server/http/security-headers.ts),
 * so a `style="…"` attribute or a `style:` directive in markup is silently dropped by the
 * browser: chart bars drawn that way show nothing. Every component in src is walked, so a new
 * page is covered without anyone adding it. Bars are SVG with width as an attribute instead.
 */
const root = path.resolve(import.meta.dirname, '../../../../../../..');

function svelteFiles(dir: string): string[] {
	return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
		const full = path.join(dir, e.name);
		return e.isDirectory() ? svelteFiles(full) : e.name.endsWith('.svelte') ? [full] : [];
	});
}

/** The inline styles of a component's markup, as `line: attribute`. */
export function inlineStyles(source: string): string[] {
	const found: string[] = [];
	const line = (at: number) => source.slice(0, at).split('\n').length;
	const walk = (node: unknown): void => {
		if (!node || typeof node !== 'object') return;
		if (Array.isArray(node)) return node.forEach(walk);
		const n = node as { type?: string; name?: string; start?: number };
		if ((n.type === 'StyleDirective' || (n.type === 'Attribute' && n.name?.toLowerCase() === 'style')) && n.start !== undefined) found.push(`${line(n.start)}: ${n.type === 'StyleDirective' ? `style:${n.name}` : 'style'}`);
		for (const [key, value] of Object.entries(node)) if (key !== 'css' && key !== 'parent') walk(value);
	};
	walk(parse(source, { modern: true }).fragment);
	return found;
}

describe('markup under the CSP', () => {
	it('has no inline style attribute or style: directive in any component', () => {
		const files = svelteFiles(path.join(root, 'src'));
		expect(files.length).toBeGreaterThan(20);
		const offending = files.flatMap((f) => inlineStyles(fs.readFileSync(f, 'utf8')).map((s) => `${path.relative(root, f)}:${s}`));
		expect(offending).toEqual([]);
	});

	it('finds the shapes that used to slip through', () => {
		expect(inlineStyles('<span class="bar" style:width="{10}%"></span><p style="color:red">x</p><svg><rect width={10} height="10" /></svg>')).toEqual(['1: style:width', '1: style']);
	});
});
