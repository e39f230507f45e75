import { m } from '#lib/paraglide/messages.js';
import { pick, type Locale } from '#lib/i18n/localized.ts';
import type { RoleScopeNamed } from '#lib/server/auth/index.ts';

// Where a role is held, in words, for the people pages: "Mercociudades network", an exchange's
// title (in the reader's language when it has one), "the whole installation"; and the same as a
// phrase that follows a role ("in the Mercociudades network").

export function scopeName(scope: RoleScopeNamed, locale: Locale): { text: string; lang?: Locale } {
	if (scope.kind === 'installation') return { text: m.roles_scope_installation({}, { locale }) };
	if (scope.kind === 'network') return { text: m.roles_scope_network({ name: scope.name }, { locale }) };
	return pick(scope.title, locale);
}

export function scopePhrase(scope: RoleScopeNamed, locale: Locale): string {
	if (scope.kind === 'installation') return m.roles_scope_in_installation({}, { locale });
	if (scope.kind === 'network') return m.roles_scope_in_network({ name: scope.name }, { locale });
	return m.roles_scope_in_event({ title: pick(scope.title, locale).text }, { locale });
}
