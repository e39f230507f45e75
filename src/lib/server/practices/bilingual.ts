/**
 * Words of planning practice that differ between Spanish and Portuguese (accents folded).
 * A search in one language also looks for the other's words, so a visitor who types
 * "presupuesto participativo" finds the Brazilian "orçamento participativo" too.
 */
const PAIRS: [string, string][] = [
	['participacion', 'participacao'],
	['ciudadana', 'cidada'],
	['ciudadano', 'cidadao'],
	['ciudadania', 'cidadania'],
	['presupuesto', 'orcamento'],
	['movilidad', 'mobilidade'],
	['vivienda', 'habitacao'],
	['salud', 'saude'],
	['huerta', 'horta'],
	['huertas', 'hortas'],
	['planificacion', 'planejamento'],
	['innovacion', 'inovacao'],
	['adaptabilidad', 'adaptabilidade'],
	['barrio', 'bairro'],
	['barrios', 'bairros'],
	['datos', 'dados'],
	['abiertos', 'abertos'],
	['gobierno', 'governo'],
	['vecinos', 'moradores'],
	['juventud', 'juventude'],
	['mujeres', 'mulheres'],
	['empleo', 'emprego'],
	['inundaciones', 'enchentes'],
	['vacunacion', 'vacinacao'],
	['teletrabajo', 'teletrabalho'],
	['consejo', 'conselho'],
	['plan', 'plano'],
	['desarrollo', 'desenvolvimento'],
	['ciudad', 'cidade'],
	['ciudades', 'cidades'],
	['educacion', 'educacao'],
	['escuela', 'escola'],
	['seguridad', 'seguranca'],
	['saneamiento', 'saneamento'],
	['riesgo', 'risco'],
	['cooperacion', 'cooperacao'],
	['evaluacion', 'avaliacao'],
	['ordenamiento', 'ordenamento'],
	['basura', 'lixo'],
	['reciclaje', 'reciclagem'],
	['transparencia', 'transparencia'],
	['rendicion', 'prestacao']
];

const other = new Map<string, string>();
for (const [es, pt] of PAIRS) {
	other.set(es, pt);
	other.set(pt, es);
}

const fold = (word: string) => word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** The same search in the other language's words, or null when no word has a counterpart. */
export function otherLanguageQuery(q: string): string | null {
	let changed = false;
	const translated = q.split(/(\s+)/).map((token) => {
		const match = /^([-"]*)(.*?)(["]*)$/.exec(token)!;
		const counterpart = other.get(fold(match[2]));
		if (!counterpart || counterpart === fold(match[2])) return token;
		changed = true;
		return `${match[1]}${counterpart}${match[3]}`;
	});
	return changed ? translated.join('') : null;
}
