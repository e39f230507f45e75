// The networks domain's public surface: networks of cities, their units, and the addresses that last.
export { seedNetwork, type NetworkSeed } from './seed.ts';
export {
	addUnit,
	createNetwork,
	describedIn,
	exchangesOfUnit,
	forgetOldSlug,
	moveUnit,
	rememberOldSlug,
	removeUnit,
	updateNetwork,
	updateUnit
} from './commands.ts';
export { logoTypeOf, normaliseLogo, removeNetworkLogo, setNetworkLogo, type LogoType } from './logo.ts';
export {
	getNetworkBySlug,
	getNetworkForAdmin,
	listNetworks,
	listUnits,
	networkLogo,
	networkPractices,
	resolveNetworkSlug,
	type NetworkForAdmin,
	type NetworkListItem
} from './queries.ts';
export { canCreateNetwork, canMoveUnit, canRemoveUnit, MAX_LOGO_BYTES, MAX_LOGO_SIDE } from './rules.ts';
export {
	networkEditSchema,
	networkSchema,
	unitEditSchema,
	unitSchema,
	UNIT_MOVES,
	type NetworkEditInput,
	type NetworkInput,
	type UnitEditInput,
	type UnitInput,
	type UnitMove
} from './input.ts';
