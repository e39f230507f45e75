// The registrations domain's public surface: open registration with double opt-in, the
// registrant's private page, seats and waiting lists, reminders, the organisers' lists,
// settings, questions and messages to registrants.
export { register, type RegistrationInput, type RegistrationDetails, type RegisterOutcome } from './register.ts';
export {
	confirmRegistration,
	addSessionToRegistration,
	dropSessionFromRegistration,
	updateRegistrationDetails,
	cancelRegistration,
	deleteRegistration
} from './private-page.ts';
export { markCheckedIn, recordAttendedMinutes } from './attendance-marks.ts';
export { changeSessionCapacity, expireUnconfirmed } from './seats.ts';
export { changeSession, cancelSession, sessionRegistrantCount } from './session-changes.ts';
export { queueDueReminders, startReminderScheduler, reminderTime, dueReminder } from './reminders.ts';
export { writeToRegistrants, listBulkMessages, bulkLanguageFor, type BulkInput, type BulkText } from './messages.ts';
export {
	updateRegistrationSettings,
	registrationSettingsSchema,
	addQuestion,
	translateQuestion,
	removeQuestion,
	questionSchema,
	updateCertificateSettings,
	certificateSettingsSchema,
	type RegistrationSettingsInput,
	type QuestionInput,
	type CertificateSettingsInput
} from './settings.ts';
export {
	registrationWindow,
	registrationWindows,
	listQuestions,
	sessionAvailability,
	getRegistrationSettings,
	registrationByToken,
	registrationData,
	listRegistrations,
	registrationStats,
	REGISTRATION_SORTS,
	type RegistrationSort
} from './queries.ts';
export { registrationTable, tableCsv, tableXlsx } from './export.ts';
export { registrationCalendar } from './calendar.ts';
export { copyRegistrationSetup } from './copy.ts';
export { parseRegistration, parseDetails, isSessionId } from './input.ts';
export { canConfirm, canChangeSessions, canChooseSession, type RegistrationWindow } from './rules.ts';
export { REGISTRATION_STATUSES, BULK_AUDIENCES, type RegistrationStatus, type BulkAudience } from './schema.ts';
