import type { NextFunction, Request, RequestHandler, Response } from 'express';

/**
 * Several handlers run in turn as one: each calls `next()` to hand on, or answers; an error (thrown, passed
 * to `next`, or a rejected promise) goes to Express's error handler. Express walks each of its layers with
 * path matching and parameter processing: the guards every request passes cost less as one layer.
 */
export function handlerChain(handlers: readonly RequestHandler[]): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    let index = 0;
    const step = (error?: unknown): void => {
      if (error !== undefined && error !== null) return next(error);
      const handler = handlers[index];
      index += 1;
      if (handler === undefined) return next();
      try {
        const result: unknown = handler(req, res, step);
        if (result instanceof Promise) result.catch(next);
      } catch (thrown) {
        next(thrown);
      }
    };
    step();
  };
}
