import { defineEnvVars } from '@sveltejs/kit/env';
import {
	parseDatabaseUrl,
	parseEmail,
	parseMailFrom,
	parseOrigin,
	parsePort,
	parseSecret,
	parseSmtpUrl
} from '#lib/server/config.ts';

const optional = (value: string | undefined) => (value ? value : undefined);

export const variables = defineEnvVars({
	DATA_DIR: { schema: (v) => v || './data', description: 'Embedded database and uploads (default ./data)' },
	DATABASE_URL: { schema: parseDatabaseUrl, description: 'PostgreSQL URL; when unset the embedded PGlite is used' },
	PORT: { schema: parsePort, description: 'HTTP port (default 3000)' },
	HOST: { schema: (v) => v || '0.0.0.0', description: 'Address to listen on (default 0.0.0.0)' },
	ORIGIN: { schema: parseOrigin, description: 'Public URL, e.g. https://intercambio.example.org (read at run time)' },
	SMTP_URL: { schema: parseSmtpUrl, description: 'smtp(s)://user:pass@host:port; when unset mail stays in the outbox' },
	MAIL_FROM: { schema: parseMailFrom, description: 'Sender of every mail' },
	AUTH_SECRET: { schema: parseSecret, description: 'Signs sessions; required with DATABASE_URL' },
	ORGANISER_EMAIL: { schema: parseEmail, description: 'The first organiser, created on an empty database' },
	LOG_LEVEL: { schema: optional, description: 'pino level (default info)' }
});
