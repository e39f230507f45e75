import { m } from '../paraglide/messages.js';

const messages: Record<string, () => string> = {
	required: m.form_error_required,
	too_long: m.form_error_too_long,
	invalid: m.form_error_invalid,
	https_url: m.form_error_https_url,
	time_zone: m.form_error_time_zone,
	date: m.form_error_date,
	time: m.form_error_time,
	end_before_start: m.form_error_end_before_start,
	email: m.form_error_email,
	password_short: m.form_error_password_short,
	not_found: m.form_error_not_found,
	forbidden: m.form_error_forbidden,
	last_organiser: m.form_error_last_organiser,
	city_required: m.form_error_city_required,
	city_choose: m.form_error_city_choose,
	city_not_found: m.form_error_city_not_found,
	year: m.form_error_year,
	not_editable: m.form_error_not_editable,
	not_submitted: m.form_error_not_submitted,
	file_empty: m.form_error_file_empty,
	file_too_big: m.form_error_file_too_big,
	file_type: m.form_error_file_type,
	file_too_many: m.form_error_file_too_many,
	not_published: m.form_error_not_published,
	choose_session: m.form_error_choose_session,
	consent: m.form_error_consent,
	session_over: m.form_error_session_over,
	registration_closed: m.form_error_registration_closed,
	registration_not_yet: m.form_error_registration_not_yet,
	registration_over: m.form_error_registration_over,
	registration_not_found: m.form_error_registration_not_found,
	registration_cancelled: m.form_error_registration_cancelled,
	last_session: m.form_error_last_session,
	capacity: m.form_error_capacity,
	reminders: m.form_error_reminders,
	options: m.form_error_options,
	too_many_questions: m.form_error_too_many_questions,
	too_many: m.form_error_too_many,
	check_in_closed: m.form_error_check_in_closed,
	not_eligible: m.form_error_not_eligible,
	report_unreadable: m.form_error_report_unreadable,
	report_too_big: m.form_error_report_too_big,
	report_columns: m.form_error_report_columns,
	percent: m.form_error_percent,
	no_recipients: m.form_error_no_recipients
};

/** A form error code from the server, in the reader's language. */
export function formError(code: string): string {
	return (messages[code] ?? m.form_error_invalid)();
}
