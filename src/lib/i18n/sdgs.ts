import type { LocalizedText } from './localized.ts';

/** The 17 Sustainable Development Goals, by number, with their short names. */
export const SDG_NAMES: Record<number, LocalizedText> = {
	1: { es: 'Fin de la pobreza', pt: 'Erradicação da pobreza', en: 'No poverty' },
	2: { es: 'Hambre cero', pt: 'Fome zero e agricultura sustentável', en: 'Zero hunger' },
	3: { es: 'Salud y bienestar', pt: 'Saúde e bem-estar', en: 'Good health and well-being' },
	4: { es: 'Educación de calidad', pt: 'Educação de qualidade', en: 'Quality education' },
	5: { es: 'Igualdad de género', pt: 'Igualdade de gênero', en: 'Gender equality' },
	6: { es: 'Agua limpia y saneamiento', pt: 'Água potável e saneamento', en: 'Clean water and sanitation' },
	7: { es: 'Energía asequible y no contaminante', pt: 'Energia limpa e acessível', en: 'Affordable and clean energy' },
	8: { es: 'Trabajo decente y crecimiento económico', pt: 'Trabalho decente e crescimento econômico', en: 'Decent work and economic growth' },
	9: { es: 'Industria, innovación e infraestructura', pt: 'Indústria, inovação e infraestrutura', en: 'Industry, innovation and infrastructure' },
	10: { es: 'Reducción de las desigualdades', pt: 'Redução das desigualdades', en: 'Reduced inequalities' },
	11: { es: 'Ciudades y comunidades sostenibles', pt: 'Cidades e comunidades sustentáveis', en: 'Sustainable cities and communities' },
	12: { es: 'Producción y consumo responsables', pt: 'Consumo e produção responsáveis', en: 'Responsible consumption and production' },
	13: { es: 'Acción por el clima', pt: 'Ação contra a mudança global do clima', en: 'Climate action' },
	14: { es: 'Vida submarina', pt: 'Vida na água', en: 'Life below water' },
	15: { es: 'Vida de ecosistemas terrestres', pt: 'Vida terrestre', en: 'Life on land' },
	16: { es: 'Paz, justicia e instituciones sólidas', pt: 'Paz, justiça e instituições eficazes', en: 'Peace, justice and strong institutions' },
	17: { es: 'Alianzas para lograr los objetivos', pt: 'Parcerias e meios de implementação', en: 'Partnerships for the goals' }
};
