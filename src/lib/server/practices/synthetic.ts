import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { ensurePlaces } from './commands.ts';
import { suggestCities } from './gazetteer.ts';
import { ARTICULATION_LEVELS, practice, practicePlace } from './schema.ts';

/**
 * Synthetic practices for benchmarks: random but realistic-looking combinations of words,
 * places, axes and years, inserted in bulk. Never part of the demo: titles say "Sintética".
 */

const WORDS = {
	es: 'participación ciudadana presupuesto barrio plan estratégico movilidad transporte vivienda agua saneamiento huertas urbanas salud pandemia emergencia digital datos abiertos gobierno consejo vecinal mesa territorial juventud mujeres género empleo economía social turismo cultura patrimonio residuos reciclaje clima riesgo inundaciones espacio público parque seguridad educación escuela innovación laboratorio indicadores monitoreo evaluación consulta audiencia pública cooperación metropolitana intermunicipal'.split(' '),
	pt: 'participação cidadã orçamento participativo bairro plano estratégico mobilidade urbana transporte habitação água saneamento hortas comunitárias saúde pandemia emergência digital dados abertos governo conselho territorial juventude mulheres gênero emprego economia solidária turismo cultura patrimônio resíduos reciclagem clima risco enchentes espaço público parque segurança educação escola inovação laboratório indicadores monitoramento avaliação consulta audiência pública cooperação metropolitana consórcio intermunicipal'.split(' ')
} as const;
const AXES = ['participacion-ciudadana', 'innovacion-planificacion', 'adaptabilidad-pandemia'];
const BANDS: [string, number, number | null][] = [
	['under-20k', 0, 20000],
	['20k-50k', 20000, 50000],
	['50k-200k', 50000, 200000],
	['200k-1m', 200000, 1000000],
	['1m-5m', 1000000, 5000000],
	['over-5m', 5000000, null]
];

/** Deterministic pseudo-random numbers (mulberry32): the same seed makes the same data. */
function random(seed: number) {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

export async function insertSyntheticPractices(db: Db, count: number, options: { seed?: number; batch?: number; onProgress?: (done: number) => void } = {}) {
	const rnd = random(options.seed ?? 42);
	const pickOne = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)];
	const pickSome = <T>(list: readonly T[], n: number) => [...new Set(Array.from({ length: n }, () => pickOne(list)))];
	const sentence = (lang: 'es' | 'pt', n: number) => pickSome(WORDS[lang], n).join(' ');

	// A pool of real places from the gazetteer, across countries and sizes.
	const candidates = ['San', 'Santa', 'Porto', 'Rio', 'Villa', 'Puerto', 'Nova', 'La', 'São', 'Montevideo', 'Rosario', 'Lima', 'Bogotá', 'Quito', 'Asunción', 'Córdoba', 'Campinas', 'Curitiba', 'Salto', 'Tandil'].flatMap((q) =>
		suggestCities(q, { limit: 40 })
	);
	const pool = await ensurePlaces(db, [...new Set(candidates.map((c) => c.geonamesId))].slice(0, 400));
	const bandOf = (population: number | null) =>
		population === null ? null : (BANDS.find(([, min, max]) => population >= min && (max === null || population < max))?.[0] ?? null);

	const batch = options.batch ?? 500;
	const stamp = Date.now().toString(36);
	for (let start = 0; start < count; start += batch) {
		const rows: (typeof practice.$inferInsert)[] = [];
		const links: { index: number; placeId: string; position: number }[] = [];
		for (let i = start; i < Math.min(count, start + batch); i++) {
			const lang = rnd() < 0.55 ? 'es' : 'pt';
			const places = pickSome(pool, rnd() < 0.8 ? 1 : 2 + Math.floor(rnd() * 2));
			const startYear = 2005 + Math.floor(rnd() * 20);
			const ongoing = rnd() < 0.35;
			rows.push({
				slug: `sintetica-${stamp}-${i}`,
				status: 'published',
				language: lang,
				title: `Sintética ${i}: ${sentence(lang, 5)}`,
				summary: sentence(lang, 25),
				context: sentence(lang, 40),
				actions: sentence(lang, 40),
				results: sentence(lang, 30),
				lessons: sentence(lang, 20),
				articulation: places.length > 1 ? pickOne(ARTICULATION_LEVELS.slice(1)) : pickOne(ARTICULATION_LEVELS),
				startYear,
				endYear: ongoing ? null : startYear + 1 + Math.floor(rnd() * 4),
				ongoing,
				axes: pickSome(AXES, 1 + Math.floor(rnd() * 2)),
				countries: [...new Set(places.map((p) => p.country))],
				sdgs: pickSome([1, 3, 4, 5, 6, 8, 9, 10, 11, 13, 16, 17], 1 + Math.floor(rnd() * 3)).sort((a, b) => a - b),
				tags: pickSome(WORDS[lang], 3),
				sizeBand: bandOf(places[0].population),
				population: places[0].population,
				placeNames: places.map((p) => p.name).join(', '),
				origin: 'submission',
				version: 1,
				publishedAt: new Date(Date.UTC(2021, 0, 1) + Math.floor(rnd() * 4 * 365 * 86_400_000))
			});
			places.forEach((p, position) => links.push({ index: i - start, placeId: p.id, position }));
		}
		await db.transaction(async (tx) => {
			const inserted = await tx.insert(practice).values(rows).returning({ id: practice.id });
			await tx.insert(practicePlace).values(
				links.map((l) => ({ practiceId: inserted[l.index].id, placeId: l.placeId, position: l.position }))
			).onConflictDoNothing();
		});
		options.onProgress?.(Math.min(count, start + batch));
	}
	// The misspelling lexicon, once for the whole vocabulary.
	await db.execute(sql`
		insert into search_word (word)
		select distinct w from unnest(tsvector_to_array(to_tsvector('simple', immutable_unaccent(lower(${[...WORDS.es, ...WORDS.pt].join(' ')}))))) as w
		where w ~ '^[a-z]{3,30}$'
		on conflict do nothing`);
	await db.execute(sql`analyze practice`);
}
