import type { RequestHandler, Response } from 'express';

/**
 * How deeply a request's JSON may nest. JSON.parse copes with any depth, but what reads the value after it
 * (schema checks, the SDK, logging) recurses, and a few thousand levels overflow the stack: a 500 from a
 * one-line request. No MCP message or dashboard call needs more than a few dozen levels.
 */
export const MAX_JSON_DEPTH = 64;

/** Whether `value` nests objects and arrays more than `max` levels deep; walks without recursion. */
export function nestsDeeperThan(value: unknown, max: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [item, depth] = stack.pop() as [unknown, number];
    if (typeof item !== 'object' || item === null) continue;
    if (depth + 1 > max) return true;
    for (const child of Object.values(item)) stack.push([child, depth + 1]);
  }
  return false;
}

/** Refuses a parsed body nested deeper than MAX_JSON_DEPTH with 400, answered by `refuse`. */
export function jsonDepthGuard(refuse: (res: Response, message: string) => void): RequestHandler {
  return (req, res, next) => {
    if (!nestsDeeperThan(req.body, MAX_JSON_DEPTH)) return next();
    refuse(res, `The request's JSON nests more than ${MAX_JSON_DEPTH} levels deep; no call needs that many.`);
  };
}
