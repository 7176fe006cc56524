/**
 * A schema's complaint about an input, in the words a person reads next to a form field ("Name: at most 100
 * characters."), never the schema library's own wording ("name Too big: expected string to have <=100").
 */

/** How fields are called on screen, by their path in the input. */
const FIELD_LABELS: Record<string, string> = {
  name: 'Name',
  permissions: 'Permissions',
  expiresInSeconds: 'Expiry',
  'rateLimit.limit': 'Rate limit',
  'rateLimit.windowSeconds': 'Rate limit window',
  graceSeconds: 'Grace period',
  port: 'Port',
  publicBaseUrl: 'Public URL',
  allowQueryKey: 'Keys in URLs',
  oauthLocal: 'OAuth for local clients',
  clientId: 'Client ID',
  clientSecret: 'Client secret',
  baseUrl: 'GitHub URL',
  apiUrl: 'API URL',
  issuer: 'Issuer',
  login: 'Username or email',
  provider: 'Provider',
  id: 'Key',
  path: 'Folder',
  maxFileMegabytes: 'Largest file',
};

/** The parts of a zod issue this reads (zod 4's shape), so nothing else of zod leaks into shared code. */
export interface SchemaIssue {
  code: string;
  path: PropertyKey[];
  message: string;
  origin?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  expected?: string;
  values?: unknown[];
}

export function fieldLabel(path: readonly PropertyKey[]): string {
  const key = path.filter((part) => typeof part === 'string').join('.');
  const last = path.filter((part) => typeof part === 'string').at(-1);
  return FIELD_LABELS[key] ?? FIELD_LABELS[String(last)] ?? (key || 'The input');
}

/** 100 as "100", 1000000 as "1,000,000" (a port stays "1024"). */
const EXPECTED: Record<string, string> = {
  string: 'text',
  number: 'a number',
  boolean: 'true or false',
  array: 'a list',
  object: 'an object',
};

function count(value: number | bigint | undefined): string {
  const n = Number(value ?? 0);
  return n >= 10_000 ? n.toLocaleString('en') : String(n);
}

/** What is wrong, plainly: "at most 100 characters", "a whole number from 1 to 1,000,000". */
export function problemText(issue: SchemaIssue): string {
  const { code, origin } = issue;
  if (code === 'too_big' && origin === 'string') return `at most ${count(issue.maximum)} characters`;
  if (code === 'too_small' && origin === 'string')
    return Number(issue.minimum) <= 1 ? 'cannot be empty' : `at least ${count(issue.minimum)} characters`;
  if (code === 'too_big' && origin === 'array') return `at most ${count(issue.maximum)} entries`;
  if (code === 'too_small' && origin === 'array') return `at least ${count(issue.minimum)} entry needed`;
  if (code === 'too_big') return `at most ${count(issue.maximum)}`;
  if (code === 'too_small') return `at least ${count(issue.minimum)}`;
  if (code === 'invalid_type' && issue.expected === 'int') return 'a whole number';
  if (code === 'invalid_type') return `must be ${EXPECTED[issue.expected ?? ''] ?? 'something else'}`;
  if (code === 'invalid_value' && issue.values) return `must be one of ${issue.values.join(', ')}`;
  if (code === 'unrecognized_keys') return 'has a field this form does not have';
  return issue.message;
}

/** "Name: at most 100 characters." */
export function inputProblem(issue: SchemaIssue): string {
  return `${fieldLabel(issue.path)}: ${problemText(issue)}.`;
}
