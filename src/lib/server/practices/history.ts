/** A version and what it changed from the one before (oldest version: nothing to compare). */
export interface VersionChange {
	version: number;
	publishedAt: Date;
	note: string;
	first: boolean;
	changes: { field: string; before: string; after: string }[];
}

const asText = (value: unknown): string =>
	Array.isArray(value)
		? value.map((v) => (typeof v === 'object' && v ? ((v as { label?: string }).label ?? JSON.stringify(v)) : String(v))).join(', ')
		: value === null || value === undefined
			? ''
			: String(value);

/** Versions newest first, each with the fields whose text differs from the previous version. */
export function versionChanges(versions: { version: number; snapshot: Record<string, unknown>; note: string; publishedAt: Date }[]): VersionChange[] {
	const ordered = [...versions].sort((a, b) => a.version - b.version);
	return ordered
		.map((v, i) => {
			const previous = ordered[i - 1];
			const changes = previous
				? [...new Set([...Object.keys(previous.snapshot), ...Object.keys(v.snapshot)])]
						.map((field) => ({ field, before: asText(previous.snapshot[field]), after: asText(v.snapshot[field]) }))
						.filter((c) => c.before !== c.after)
				: [];
			return { version: v.version, publishedAt: new Date(v.publishedAt), note: v.note, first: !previous, changes };
		})
		.reverse();
}
