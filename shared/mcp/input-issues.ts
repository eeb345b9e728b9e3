// Turns zod's issues for a tool's arguments into one readable line per problem, naming the
// argument and what was expected: enumerations and literal unions list their allowed values,
// unknown keys are named. The line goes back to the agent so it can correct its call.
import type * as z from 'zod';

type Issue = z.core.$ZodIssue;

const MAX_ISSUES = 10;

/** `a.b[2]` for an issue path; `arguments` for the root. */
function pathOf(path: readonly PropertyKey[]): string {
  let text = '';
  for (const key of path) text += typeof key === 'number' ? `[${key}]` : `${text === '' ? '' : '.'}${String(key)}`;
  return text === '' ? 'arguments' : text;
}

/** The allowed values when every branch of a union failed on a literal (e.g. speed tiers). */
function literalValuesOf(issue: Issue): readonly unknown[] | undefined {
  if (issue.code !== 'invalid_union' || issue.errors.length === 0) return undefined;
  const values: unknown[] = [];
  for (const branch of issue.errors) {
    const only = branch.length === 1 ? branch[0] : undefined;
    if (only?.code !== 'invalid_value') return undefined;
    values.push(...only.values);
  }
  return values;
}

function describeIssue(issue: Issue): string {
  const where = pathOf(issue.path);
  if (issue.code === 'invalid_value') return `${where}: expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
  if (issue.code === 'unrecognized_keys') return `${where}: unknown ${issue.keys.length === 1 ? 'field' : 'fields'} ${issue.keys.map((k) => JSON.stringify(k.slice(0, 64))).join(', ')}`;
  const literals = literalValuesOf(issue);
  if (literals) return `${where}: expected one of ${literals.map((v) => JSON.stringify(v)).join(', ')}`;
  return `${where}: ${issue.message}`;
}

/** One line per problem (at most ten, then a count of the rest). */
export function describeInputIssues(issues: readonly Issue[]): string {
  const lines = issues.slice(0, MAX_ISSUES).map(describeIssue);
  if (issues.length > MAX_ISSUES) lines.push(`and ${issues.length - MAX_ISSUES} more`);
  return lines.join('; ');
}
