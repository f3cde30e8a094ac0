// Moved to shared/ so rules in shared/ (instrument files an admin adds) report issues the same way.
export { fieldIssues } from '../shared/field-issues';
