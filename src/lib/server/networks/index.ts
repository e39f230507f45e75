// The networks domain's public surface: networks of cities, their units, and the addresses that last.
export { seedNetwork, type NetworkSeed } from './seed.ts';
export { listUnits } from './queries.ts';
