// The networks domain's public surface: networks of cities, their units, and the addresses that last.
export { seedNetwork, type NetworkSeed } from './seed.ts';
export { addUnit, createNetwork, describedIn, forgetOldSlug, rememberOldSlug } from './commands.ts';
export { listUnits } from './queries.ts';
export { networkSchema, unitSchema, type NetworkInput, type UnitInput } from './input.ts';
