// Every domain owns its tables; this file only gathers them for Drizzle and drizzle-kit.
export * from '../auth/schema.ts';
export * from '../audit/schema.ts';
export * from '../mail/schema.ts';
export * from '../networks/schema.ts';
export * from '../events/schema.ts';
export * from '../practices/schema.ts';
export * from '../http/schema.ts';
export * from '../registrations/schema.ts';
export * from '../attendance/schema.ts';
export * from '../certificates/schema.ts';
export * from '../survey/schema.ts';
