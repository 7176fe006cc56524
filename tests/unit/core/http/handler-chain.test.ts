import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { handlerChain } from '../../../../src-main/core/http/handler-chain.ts';

/** Runs the chain on a request object of its own; resolves with what reached Express's `next`. */
function run(handlers: RequestHandler[]): Promise<{ passed: unknown[]; seen: string[] }> {
  const seen: string[] = [];
  const req = { seen } as unknown as Request;
  return new Promise((resolve) => {
    const next: NextFunction = (...passed: unknown[]) => resolve({ passed, seen });
    handlerChain(handlers)(req, {} as Response, next);
    // A chain that answers never calls next: resolve after it had its turn.
    setTimeout(() => resolve({ passed: ['answered'], seen }), 20);
  });
}
const step =
  (name: string): RequestHandler =>
  (req, _res, next) => {
    (req as unknown as { seen: string[] }).seen.push(name);
    next();
  };

describe('guards run as one layer', () => {
  test('each runs in turn, then Express goes on', async () => {
    assert.deepEqual(await run([step('a'), step('b'), step('c')]), { passed: [], seen: ['a', 'b', 'c'] });
  });

  test('one that answers stops the chain', async () => {
    const answers: RequestHandler = () => {};
    assert.deepEqual(await run([step('a'), answers, step('c')]), { passed: ['answered'], seen: ['a'] });
  });

  test('an error passed on, thrown, or rejected reaches the error handler, and nothing after it runs', async () => {
    const failure = new Error('no');
    const passes: RequestHandler = (_req, _res, next) => next(failure);
    const throws: RequestHandler = () => {
      throw failure;
    };
    const rejects: RequestHandler = async () => {
      throw failure;
    };
    for (const failing of [passes, throws, rejects]) {
      assert.deepEqual(await run([step('a'), failing, step('c')]), { passed: [failure], seen: ['a'] });
    }
  });
});
