import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { ensurePlaces } from './write.ts';
import { suggestCities } from './gazetteer.ts';
import { demoPractices } from '../demo/index.ts';
import { ARTICULATION_LEVELS, PRACTICE_TEXT_FIELDS, practice, practicePlace, type PracticeTextField } from './schema.ts';

/**
 * Synthetic practices for benchmarks, never part of the demo (titles say "Sintética").
 *
 * Two vocabularies:
 * - `corpus` (default): each practice is written from the words of one illustrative demo
 *   practice of its language (85 %) mixed with the words of all of them (15 %), with the field
 *   lengths of the demo practices. Words then keep the frequencies and the clustering of real
 *   texts: "participación" is in about half the Spanish practices, "huertas" in a few.
 * - `uniform`: every field picks words evenly from 60 domain words per language, so any word is in
 *   about half of all practices. A worst case for ranking and facet counts, not a realistic one.
 */
export type SyntheticVocabulary = 'corpus' | 'uniform';

const UNIFORM_WORDS = {
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

type Lang = 'es' | 'pt';
type TextField = 'summary' | PracticeTextField;
const TEXT_FIELDS: TextField[] = ['summary', ...PRACTICE_TEXT_FIELDS];

/** Writes words for one practice: its title, tags and every text field. */
interface Writer {
	title(): string;
	tags(): string[];
	field(name: TextField): string;
}

/** The tokens of the demo practices of one language, per practice and all together. */
function demoTokens(lang: Lang) {
	const docs = demoPractices.filter((d) => d.language === lang).map((d) => [d.title, d.summary, ...PRACTICE_TEXT_FIELDS.map((f) => d[f])].join(' ').toLowerCase().match(/\p{L}+/gu) ?? []);
	return { docs, all: docs.flat() };
}

/** Mean length in words of each field of the demo practices. */
function demoLengths(): Record<TextField | 'title', number> {
	const mean = (f: TextField | 'title') => demoPractices.reduce((n, d) => n + d[f].split(/\s+/).length, 0) / demoPractices.length;
	return Object.fromEntries((['title', ...TEXT_FIELDS] as const).map((f) => [f, mean(f)])) as Record<TextField | 'title', number>;
}

function writers(vocabulary: SyntheticVocabulary, rnd: () => number): Record<Lang, () => Writer> {
	const pickOne = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)];
	if (vocabulary === 'uniform') {
		const words = (lang: Lang, n: number) => [...new Set(Array.from({ length: n }, () => pickOne(UNIFORM_WORDS[lang])))].join(' ');
		const uniform = (lang: Lang): Writer => ({
			title: () => words(lang, 5),
			tags: () => words(lang, 3).split(' '),
			field: (name) => (name === 'summary' ? words(lang, 25) : ['context', 'actions'].includes(name) ? words(lang, 40) : ['results'].includes(name) ? words(lang, 30) : name === 'lessons' ? words(lang, 20) : '')
		});
		return { es: () => uniform('es'), pt: () => uniform('pt') };
	}
	const lengths = demoLengths();
	const tokens = { es: demoTokens('es'), pt: demoTokens('pt') };
	const corpus = (lang: Lang): Writer => {
		const source = pickOne(tokens[lang].docs);
		const word = () => (rnd() < 0.85 ? pickOne(source) : pickOne(tokens[lang].all));
		const content = () => {
			for (;;) {
				const w = word();
				if (w.length > 3) return w;
			}
		};
		const words = (mean: number, pick: () => string) => Array.from({ length: Math.max(1, Math.round(mean * (0.6 + rnd() * 0.8))) }, pick).join(' ');
		return {
			title: () => words(lengths.title, content),
			tags: () => [...new Set([content(), content(), content()])],
			field: (name) => words(lengths[name], word)
		};
	};
	return { es: () => corpus('es'), pt: () => corpus('pt') };
}

export async function insertSyntheticPractices(
	db: Db,
	count: number,
	options: { seed?: number; batch?: number; vocabulary?: SyntheticVocabulary; places?: number; onProgress?: (done: number) => void } = {}
) {
	const rnd = random(options.seed ?? 42);
	const pickOne = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)];
	const pickSome = <T>(list: readonly T[], n: number) => [...new Set(Array.from({ length: n }, () => pickOne(list)))];
	const writer = writers(options.vocabulary ?? 'corpus', rnd);

	// A pool of real places from the gazetteer, across countries and sizes (400 unless told:
	// tests need only a few, and each place is one insert).
	const candidates = ['San', 'Santa', 'Porto', 'Rio', 'Villa', 'Puerto', 'Nova', 'La', 'São', 'Montevideo', 'Rosario', 'Lima', 'Bogotá', 'Quito', 'Asunción', 'Córdoba', 'Campinas', 'Curitiba', 'Salto', 'Tandil'].flatMap((q) =>
		suggestCities(q, { limit: 40 })
	);
	const pool = await ensurePlaces(db, [...new Set(candidates.map((c) => c.geonamesId))].slice(0, options.places ?? 400));
	const bandOf = (population: number | null) =>
		population === null ? null : (BANDS.find(([, min, max]) => population >= min && (max === null || population < max))?.[0] ?? null);

	const batch = options.batch ?? 500;
	const stamp = Date.now().toString(36);
	for (let start = 0; start < count; start += batch) {
		const rows: (typeof practice.$inferInsert)[] = [];
		const links: { index: number; placeId: string; position: number }[] = [];
		for (let i = start; i < Math.min(count, start + batch); i++) {
			const lang = rnd() < 0.55 ? 'es' : 'pt';
			const write = writer[lang]();
			const places = pickSome(pool, rnd() < 0.8 ? 1 : 2 + Math.floor(rnd() * 2));
			const startYear = 2005 + Math.floor(rnd() * 20);
			const ongoing = rnd() < 0.35;
			rows.push({
				slug: `sintetica-${stamp}-${i}`,
				status: 'published',
				language: lang,
				title: `Sintética ${i}: ${write.title()}`,
				summary: write.field('summary'),
				...(Object.fromEntries(PRACTICE_TEXT_FIELDS.map((f) => [f, write.field(f)])) as Record<PracticeTextField, string>),
				articulation: places.length > 1 ? pickOne(ARTICULATION_LEVELS.slice(1)) : pickOne(ARTICULATION_LEVELS),
				startYear,
				endYear: ongoing ? null : startYear + 1 + Math.floor(rnd() * 4),
				ongoing,
				axes: pickSome(AXES, 1 + Math.floor(rnd() * 2)),
				countries: [...new Set(places.map((p) => p.country))],
				sdgs: pickSome([1, 3, 4, 5, 6, 8, 9, 10, 11, 13, 16, 17], 1 + Math.floor(rnd() * 3)).sort((a, b) => a - b),
				tags: write.tags(),
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
	const vocabulary =
		(options.vocabulary ?? 'corpus') === 'uniform'
			? [...UNIFORM_WORDS.es, ...UNIFORM_WORDS.pt]
			: [...new Set([...demoTokens('es').all, ...demoTokens('pt').all])];
	await db.execute(sql`
		insert into search_word (word)
		select distinct w from unnest(tsvector_to_array(to_tsvector('simple', immutable_unaccent(lower(${vocabulary.join(' ')}))))) as w
		where w ~ '^[a-z]{3,30}$'
		on conflict do nothing`);
	await db.execute(sql`analyze practice`);
	await db.execute(sql`analyze practice_search`);
	await db.execute(sql`analyze practice_rank`);
}
