import pino from 'pino';
import { parseLogLevel } from './config.ts';
import { host } from './host.ts';

export const log = pino({
	// The level server.js parsed; scripts and tests (no server.js) read the same variable the same way.
	level: host().config?.logLevel ?? parseLogLevel(process.env.LOG_LEVEL),
	base: undefined,
	redact: { paths: ['*.password', '*.token', 'headers.cookie', 'headers.authorization'], censor: '[redacted]' }
});
