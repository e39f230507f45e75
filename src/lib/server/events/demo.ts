import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import type { LocalizedText } from '../../i18n/localized.ts';
import { axis, event, eventSession, network } from './schema.ts';

// The demo exchange, retold in our own words from the facts of the founding concept note
// (two virtual sessions, 15 and 22 July 2021, 10–12 h GMT-3, three axes, open invitation).

const unit: LocalizedText = {
	es: 'Unidad Temática de Planificación Estratégica y Áreas Metropolitanas',
	pt: 'Unidade Temática de Planejamento Estratégico e Áreas Metropolitanas',
	en: 'Thematic Unit on Strategic Planning and Metropolitan Areas'
};

const title: LocalizedText = {
	es: 'Intercambio de buenas prácticas en planificación estratégica territorial',
	pt: 'Intercâmbio de boas práticas em planejamento estratégico territorial',
	en: 'Exchange of good practices in strategic territorial planning'
};

const summary: LocalizedText = {
	es: 'Seminario web internacional en dos encuentros para conocer cómo planifican las ciudades de la red: participación ciudadana, innovación y adaptación frente a la pandemia.',
	pt: 'Webinário internacional em dois encontros para conhecer como as cidades da rede planejam: participação cidadã, inovação e adaptação diante da pandemia.',
	en: 'An international webinar in two meetings on how the network’s cities plan: citizen participation, innovation, and adapting to the pandemic.'
};

const background: LocalizedText = {
	es: 'Planificar es una herramienta central del desarrollo local, pero no existe una fórmula que sirva en todas partes: cada ciudad tiene sus prioridades, su tejido social y sus propias relaciones de poder.\n\nLa pandemia cambió ese panorama. Desde comienzos de 2020, cuando llegó al continente americano, todas las ciudades enfrentaron a la vez un mismo problema que ninguna había previsto. Los planes y modelos de gestión tuvieron que revisarse sobre la marcha y se sumó una nueva pregunta a la planificación: qué tan rápido puede adaptarse ante una crisis de esa escala.\n\nLos gobiernos locales reordenaron sus prioridades hacia la salud y la recuperación económica, muchas veces decidiendo primero con sentido práctico y reflexionando después sobre lo aprendido. Por eso la Unidad Temática propone un espacio de cooperación internacional para conocer prácticas, desafíos y aprendizajes en tres ejes.\n\nEl resultado esperado es un repositorio de conocimiento accesible y, sobre todo, útil en la práctica: experiencias de municipios de distinto tamaño, en contextos de población diversos y con distintos niveles de articulación, que abran a otras ciudades nuevas formas de ejecutar y articular sus planes.',
	pt: 'Planejar é uma ferramenta central do desenvolvimento local, mas não existe uma fórmula que sirva em todo lugar: cada cidade tem suas prioridades, seu tecido social e suas próprias relações de poder.\n\nA pandemia mudou esse quadro. Desde o início de 2020, quando chegou ao continente americano, todas as cidades enfrentaram ao mesmo tempo um problema que nenhuma havia previsto. Planos e modelos de gestão precisaram ser revistos no meio do caminho, e o planejamento ganhou uma nova pergunta: com que rapidez consegue se adaptar a uma crise dessa escala.\n\nOs governos locais reorganizaram suas prioridades em direção à saúde e à recuperação econômica, muitas vezes decidindo primeiro com senso prático e refletindo depois sobre o que aprenderam. Por isso a Unidade Temática propõe um espaço de cooperação internacional para conhecer práticas, desafios e aprendizados em três eixos.\n\nO resultado esperado é um repositório de conhecimento acessível e, sobretudo, útil na prática: experiências de municípios de diferentes tamanhos, em contextos populacionais diversos e com diferentes níveis de articulação, que abram a outras cidades novas formas de executar e articular seus planos.',
	en: 'Planning is central to local development, yet no single recipe works everywhere: each city has its own priorities, social fabric and power relations.\n\nThe pandemic changed that picture. From early 2020, when it reached the Americas, every city faced at once a problem none had foreseen. Plans and management models had to be revised on the fly, and planning gained a new question: how quickly can it adapt to a crisis of that scale?\n\nLocal governments turned their priorities towards health and economic recovery, often deciding first on practical grounds and reflecting only later on what they had learned. That is why the Thematic Unit proposes a space for international cooperation to learn about practices, challenges and lessons along three axes.\n\nThe expected result is a knowledge repository that is easy to reach and, above all, useful in practice: experiences from municipalities of different sizes, population contexts and levels of articulation, opening new ways for other cities to carry out and coordinate their plans.'
};

const objective: LocalizedText = {
	es: 'Conocer e intercambiar experiencias de planificación estratégica que se destacan por promover la participación ciudadana, la innovación y la capacidad de adaptación de los procesos locales.',
	pt: 'Conhecer e trocar experiências de planejamento estratégico que se destacam por promover a participação cidadã, a inovação e a capacidade de adaptação dos processos locais.',
	en: 'To learn about and exchange strategic planning experiences that stand out for fostering citizen participation, innovation and the adaptability of local processes.'
};

const format: LocalizedText = {
	es: 'Encuentro virtual en dos sesiones de dos horas, en semanas distintas. En cada sesión se presentan experiencias destacadas por eje; luego hay un intercambio con quienes participan y cierran los moderadores con conclusiones por tema.\n\nLa convocatoria es abierta: cualquier ciudad puede postularse para presentar una experiencia y cualquier persona puede inscribirse para asistir.',
	pt: 'Encontro virtual em duas sessões de duas horas, em semanas diferentes. Em cada sessão são apresentadas experiências de destaque por eixo; depois há uma troca com os participantes e os moderadores encerram com conclusões por tema.\n\nA chamada é aberta: qualquer cidade pode se candidatar para apresentar uma experiência e qualquer pessoa pode se inscrever para assistir.',
	en: 'A virtual meeting in two two-hour sessions, held in different weeks. Each session presents notable experiences per axis, followed by an exchange with participants and thematic conclusions from the moderators.\n\nThe call is open: any city may apply to present an experience, and anyone may register to attend.'
};

const axes: { slug: string; name: LocalizedText; description: LocalizedText }[] = [
	{
		slug: 'participacion-ciudadana',
		name: { es: 'Participación ciudadana', pt: 'Participação cidadã', en: 'Citizen participation' },
		description: {
			es: 'Cómo las ciudades involucran a sus habitantes en definir, seguir y evaluar sus planes.',
			pt: 'Como as cidades envolvem seus habitantes na definição, no acompanhamento e na avaliação de seus planos.',
			en: 'How cities involve their residents in setting, following and evaluating their plans.'
		}
	},
	{
		slug: 'innovacion-planificacion',
		name: {
			es: 'Innovación en la planificación estratégica',
			pt: 'Inovação no planejamento estratégico',
			en: 'Innovation in strategic planning'
		},
		description: {
			es: 'Nuevos métodos, datos y herramientas para planificar el territorio.',
			pt: 'Novos métodos, dados e ferramentas para planejar o território.',
			en: 'New methods, data and tools for planning the territory.'
		}
	},
	{
		slug: 'adaptabilidad-pandemia',
		name: {
			es: 'Adaptabilidad de la planificación frente a la pandemia',
			pt: 'Adaptabilidade do planejamento diante da pandemia',
			en: 'Adapting planning to the pandemic'
		},
		description: {
			es: 'Qué cambiaron las ciudades en sus planes y su gestión para responder a la emergencia sanitaria.',
			pt: 'O que as cidades mudaram em seus planos e em sua gestão para responder à emergência sanitária.',
			en: 'What cities changed in their plans and management to respond to the health emergency.'
		}
	}
];

// 10:00–12:00 in Montevideo (GMT-3, no daylight saving since 2015) is 13:00–15:00 UTC.
const sessions = [
	{
		title: { es: 'Primera sesión', pt: 'Primeira sessão', en: 'First session' },
		startsAt: new Date('2021-07-15T13:00:00Z'),
		endsAt: new Date('2021-07-15T15:00:00Z')
	},
	{
		title: { es: 'Segunda sesión', pt: 'Segunda sessão', en: 'Second session' },
		startsAt: new Date('2021-07-22T13:00:00Z'),
		endsAt: new Date('2021-07-22T15:00:00Z')
	}
];

export const DEMO_EVENT_SLUG = 'intercambio-planificacion-2021';

/** Seed the demo exchange on an empty installation; does nothing when any event exists. */
export async function seedDemoExchange(db: Db): Promise<{ created: boolean; eventId?: string }> {
	return db.transaction(async (tx) => {
		const [{ n }] = await tx.select({ n: sql<number>`count(*)::int` }).from(event);
		if (n > 0) return { created: false };
		const [net] = await tx
			.insert(network)
			.values({ slug: 'mercociudades', name: 'Mercociudades' })
			.onConflictDoUpdate({ target: network.slug, set: { name: 'Mercociudades' } })
			.returning({ id: network.id });
		const [ev] = await tx
			.insert(event)
			.values({
				slug: DEMO_EVENT_SLUG,
				networkId: net.id,
				unit,
				title,
				summary,
				background,
				objective,
				format,
				timeZone: 'America/Montevideo',
				openToPresenters: true,
				openToAttendees: true,
				agendaState: 'to_be_defined',
				status: 'published',
				isDemo: true
			})
			.returning({ id: event.id });
		await tx.insert(axis).values(axes.map((a, i) => ({ ...a, eventId: ev.id, position: i + 1 })));
		await tx.insert(eventSession).values(sessions.map((s, i) => ({ ...s, eventId: ev.id, position: i + 1 })));
		return { created: true, eventId: ev.id };
	});
}
