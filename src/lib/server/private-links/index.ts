// Private links: derived tokens (only their hashes stored) and the draft-behind-a-link workflow
// shared by practice submissions and, next, the call for presenters.
export * from './tokens.ts';
