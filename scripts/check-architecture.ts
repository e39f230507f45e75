// `npm test` runs this before anything else: it fails when the code leaves the shape that
// docs/ARCHITECTURE.md describes, so the next domain copies the right thing.
//   1. Routes never hold the database: no drizzle-orm, no db client, no schema, no runtime.
//   2. Routes and other domains reach a domain only through its index.ts (schema.ts may be read
//      by another domain's queries, for joins).
//   3. A table is written (insert / update / delete) only by the domain that owns its schema.
// Plain Node (type stripping): `node scripts/check-architecture.ts [root]`.
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(process.argv[2] ?? path.join(import.meta.dirname, '..'));
const server = path.join(root, 'src/lib/server');
/** Folders under src/lib/server that every domain uses (DESIGN §4), not domains. */
const INFRASTRUCTURE = new Set(['http', 'db', 'mail', 'audit', 'private-links', 'testing']);
/** Top-level modules under src/lib/server that routes may use. */
const ROUTE_SAFE_TOP = new Set(['validation.ts', 'email.ts', 'countries.ts', 'context.ts', 'log.ts', 'spreadsheet.ts']);

function walk(dir: string, out: string[] = []): string[] {
	if (!fs.existsSync(dir)) return out;
	for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
		const full = path.join(dir, entry.name);
		if (entry.isDirectory()) walk(full, out);
		else if (/\.(ts|js|svelte)$/.test(entry.name)) out.push(full);
	}
	return out;
}

const IMPORT = /(?:^|\n)\s*(?:import|export)\s+(type\s+)?(?:[^'";]*?\s+from\s+)?['"]([^'"]+)['"]/g;

function importsOf(file: string): { spec: string; typeOnly: boolean; line: number }[] {
	const text = fs.readFileSync(file, 'utf8');
	const found: { spec: string; typeOnly: boolean; line: number }[] = [];
	for (const match of text.matchAll(IMPORT)) {
		const line = text.slice(0, match.index).split('\n').length + (match[0].startsWith('\n') ? 1 : 0);
		found.push({ spec: match[2], typeOnly: !!match[1], line });
	}
	return found;
}

/** Where an import lands, as a path under src/lib/server (or null when outside it). */
function serverTarget(file: string, spec: string): string | null {
	let absolute: string;
	if (spec.startsWith('#lib/')) absolute = path.join(root, 'src/lib', spec.slice('#lib/'.length));
	else if (spec.startsWith('.')) absolute = path.resolve(path.dirname(file), spec);
	else return null;
	const relative = path.relative(server, absolute);
	return relative.startsWith('..') ? null : relative.split(path.sep).join('/');
}

const domainOf = (relative: string): string | null => {
	const [first, ...rest] = relative.split('/');
	return rest.length > 0 && !INFRASTRUCTURE.has(first) ? first : null;
};

const problems: string[] = [];
const where = (file: string, line: number) => `${path.relative(root, file)}:${line}`;

// 1 and 2 for routes.
for (const file of walk(path.join(root, 'src/routes'))) {
	for (const { spec, line } of importsOf(file)) {
		if (spec === 'drizzle-orm' || spec.startsWith('drizzle-orm/') || spec === 'pg' || spec.startsWith('@electric-sql/pglite')) {
			problems.push(`${where(file, line)}: a route imports "${spec}"; routes call domain verbs and queries with locals.ctx instead.`);
			continue;
		}
		const target = serverTarget(file, spec);
		if (target === null) continue;
		const [first] = target.split('/');
		if (target.endsWith('schema.ts') || first === 'db' || target === 'runtime.ts' || target === 'config.ts' || target === 'host.ts') {
			problems.push(`${where(file, line)}: a route imports ${spec}; the database and the runtime stay behind the domains (use locals.ctx).`);
		} else if (!target.includes('/') && !ROUTE_SAFE_TOP.has(target)) {
			problems.push(`${where(file, line)}: a route imports ${spec}, which is not part of any domain's surface.`);
		} else if (domainOf(target) && !target.endsWith('/index.ts')) {
			problems.push(`${where(file, line)}: a route imports ${spec}; import the domain through ${domainOf(target)}/index.ts.`);
		}
	}
}

// 2 for domains, and the table owners for 3.
const owners = new Map<string, string>();
for (const file of walk(server)) {
	if (!file.endsWith('/schema.ts')) continue;
	const domain = domainOf(path.relative(server, file).split(path.sep).join('/'));
	for (const match of fs.readFileSync(file, 'utf8').matchAll(/export const (\w+)\s*=\s*pgTable\(/g)) owners.set(match[1], domain ?? 'infrastructure');
}

for (const file of walk(server)) {
	const relative = path.relative(server, file).split(path.sep).join('/');
	const domain = domainOf(relative);
	if (!domain || /\.test\.ts$/.test(file)) continue;
	for (const { spec, line } of importsOf(file)) {
		const target = serverTarget(file, spec);
		if (target === null) continue;
		const other = domainOf(target);
		if (other && other !== domain && !target.endsWith('/index.ts') && !target.endsWith('/schema.ts')) {
			problems.push(`${where(file, line)}: the ${domain} domain imports ${spec}; reach ${other} through ${other}/index.ts.`);
		}
	}
	const text = fs.readFileSync(file, 'utf8');
	for (const match of text.matchAll(/\.(insert|update|delete)\(\s*(\w+)\s*\)/g)) {
		const owner = owners.get(match[2]);
		if (owner && owner !== domain && owner !== 'infrastructure') {
			const line = text.slice(0, match.index).split('\n').length;
			problems.push(`${where(file, line)}: the ${domain} domain writes ${match[2]}, a table of ${owner}; call a ${owner} verb instead.`);
		}
	}
}

if (problems.length) {
	console.error(`Architecture check: ${problems.length} problem(s)\n${problems.map((p) => `  ${p}`).join('\n')}`);
	process.exit(1);
}
console.log(`Architecture check: routes hold no database, domains meet through index.ts, every table written by its owner (${owners.size} tables).`);
