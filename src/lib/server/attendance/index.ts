// The attendance domain's public surface: self check-in behind the private link, attendance
// reports imported from the meeting tool, and who attended which session.
export { checkIn, uploadAttendanceReport, importAttendance, type ImportReport } from './commands.ts';
export { attendancePreview, attendedSessions } from './queries.ts';
export { canCheckIn, hasAttended } from './rules.ts';
export { MAX_REPORT_BYTES, parseMinutes } from './report.ts';
