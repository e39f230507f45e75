// The demo content (data in exchange.json and practices.json) and the seeder that loads it
// through the events and practices domains' own verbs.
export { seedDemoContent, seedDemoExchange, seedDemoPractices, demoInput } from './seed.ts';
export { DEMO_EVENT_SLUG, demoExchange, demoPractices, type DemoPractice } from './content.ts';
