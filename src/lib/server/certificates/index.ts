// The certificates domain's public surface: attendee certificates a registrant downloads,
// certificates organisers issue to presenters and moderators, the PDF and its public check.
export { issueAttendeeCertificate, issueCertificate, forgetCertificatesOf, type Certificate } from './commands.ts';
export { listCertificates, certificateByLink, verifyCertificate } from './queries.ts';
export { certificatePdf } from './pdf.ts';
export { certificateLink } from './mails.ts';
export { canDownloadCertificate } from './rules.ts';
export { CERTIFICATE_ROLES, type CertificateRole } from './schema.ts';
