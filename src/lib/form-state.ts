/**
 * What a form action sends back on failure, as the page reads it. Kit infers a narrow
 * union per page; pages read this one shape so a missing field is simply undefined.
 */
export interface FormState {
	action?: string;
	id?: string;
	values?: Record<string, string | undefined>;
	errors?: Record<string, string | undefined>;
	problem?: string;
	credentials?: boolean;
	email?: string;
	sent?: boolean;
}

export const formState = (form: unknown): FormState | null => (form ?? null) as FormState | null;
