import pino from 'pino';

export const log = pino({
	level: process.env.LOG_LEVEL || 'info',
	base: undefined,
	redact: { paths: ['*.password', '*.token', 'headers.cookie', 'headers.authorization'], censor: '[redacted]' }
});
