import type { z } from 'zod';
import type { FieldIssue } from './errors';

/** Zod issues as field issues: the path joined with dots, and our reason code where one was given. */
export function fieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => {
    const params = (issue as { params?: { reason?: string } }).params;
    const reason = params?.reason ?? (issue.message && /^[a-z_]+$/.test(issue.message) ? issue.message : issue.code);
    return { path: issue.path.map(String).join('.'), code: reason, message: issue.message };
  });
}
