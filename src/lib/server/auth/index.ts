// The auth domain's public surface: who is signed in, what their roles let them do, the
// people an organiser gives roles to, and the sign-in mails.
export { createAuth, CLIENT_ADDRESS_HEADER, MAGIC_LINK_MINUTES, type Auth } from './auth.ts';
export { userFromRequest } from './session.ts';
export {
	assertAdministrator,
	assertCanManageEvent,
	assertCanManageNetwork,
	canGrantRole,
	canManageEvent,
	canManageNetwork,
	canManagePeople,
	canReadInstallationRecords,
	isAdministrator,
	isOrganiser,
	isValidScope,
	organisedNetworkIds,
	ROLES_AT,
	scopeKind,
	type RoleScope,
	type ScopeKind
} from './rules.ts';
export {
	getRoleAssignment,
	grantableScopes,
	hasPassword,
	installationOrganiserEmails,
	latestMagicLink,
	listPeople,
	organisersAwaitingFirstSignIn,
	rolesOf,
	type PersonRole,
	type PersonWithRoles,
	type RoleScopeNamed
} from './queries.ts';
export { ensureAccount, ensureFirstOrganiser, grantPersonRole, revokePersonRole, sendSignInLink, warnAccountLocked } from './commands.ts';
export { magicLinkSchema, newPasswordSchema, passwordSignInSchema, roleGrantSchema, type RoleGrantInput } from './input.ts';
export { ROLES, type Role } from './schema.ts';
