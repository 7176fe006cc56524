import type { Tool } from '@modelcontextprotocol/client';
import type { ToolPin } from './server-entry.ts';

/**
 * A tool held back from clients: new since the server was approved, changed from what was approved (a
 * changed description is how tool poisoning works), or clashing with a name another server already has.
 */
export interface HeldBackTool {
  tool: string;
  reason: 'new' | 'changed' | 'collision';
  /** For `changed`: each field that differs, as it was approved and as it is offered now. */
  changes?: { field: keyof ToolPin; approved: string; offered: string }[];
  /** For `collision`: the name both would have, and who has it. */
  clashesWith?: string;
  /** For `new` and `changed`: the tool as offered now, which approving it records. */
  offered?: ToolPin;
}

/** What a person approves of a tool: what it says it does and what it takes. */
export function pinOf(tool: Tool): ToolPin {
  return {
    ...(tool.title !== undefined && { title: tool.title }),
    ...(tool.description !== undefined && { description: tool.description }),
    inputSchema: tool.inputSchema as Record<string, unknown>,
    ...(tool.annotations !== undefined && { annotations: tool.annotations as Record<string, unknown> }),
  };
}

/** The tools a server was approved with, as it would list them: offered while it is not started yet. */
export function pinnedTools(pins: Record<string, ToolPin> | undefined): Tool[] {
  return Object.entries(pins ?? {}).map(([name, pin]) => ({
    name,
    ...pin,
    inputSchema: pin.inputSchema as Tool['inputSchema'],
  })) as Tool[];
}

/** JSON with object keys sorted, so that key order alone is never a change. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

const FIELDS: (keyof ToolPin)[] = ['title', 'description', 'inputSchema', 'annotations'];
const shown = (value: unknown) =>
  value === undefined ? '(none)' : typeof value === 'string' ? value : canonicalJson(value);

function changesOf(approved: ToolPin, offered: ToolPin): NonNullable<HeldBackTool['changes']> {
  return FIELDS.filter((field) => canonicalJson(approved[field]) !== canonicalJson(offered[field])).map(
    (field) => ({ field, approved: shown(approved[field]), offered: shown(offered[field]) }),
  );
}

/**
 * Splits what an upstream offers into the tools clients may see and those held back until approved. With no
 * approvals yet (the first start after the server was added), every tool is allowed: the caller records them
 * as approved. Tools that were approved and are gone simply disappear.
 */
export function checkPins(
  tools: readonly Tool[],
  approved: Record<string, ToolPin> | undefined,
): { allowed: Tool[]; heldBack: HeldBackTool[] } {
  if (approved === undefined) return { allowed: [...tools], heldBack: [] };
  const allowed: Tool[] = [];
  const heldBack: HeldBackTool[] = [];
  for (const tool of tools) {
    const pin = Object.hasOwn(approved, tool.name) ? approved[tool.name] : undefined;
    if (pin === undefined) {
      heldBack.push({ tool: tool.name, reason: 'new', offered: pinOf(tool) });
      continue;
    }
    const offered = pinOf(tool);
    const changes = changesOf(pin, offered);
    if (changes.length === 0) allowed.push(tool);
    else heldBack.push({ tool: tool.name, reason: 'changed', changes, offered });
  }
  return { allowed, heldBack };
}

/** The approvals after `servers approve`: every tool as it is offered now. */
export function approveAll(tools: readonly Tool[]): Record<string, ToolPin> {
  return Object.fromEntries(tools.map((tool) => [tool.name, pinOf(tool)]));
}
