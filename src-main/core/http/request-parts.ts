import type { Request } from 'express';

/** A cookie's value from the request's Cookie header, or undefined. */
export function requestCookie(req: Request, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return value.join('=');
  }
  return undefined;
}

/** The host name the request named, without its port (`localhost:3210` -> `localhost`, `[::1]:80` -> `[::1]`). */
export function requestHostName(req: Request): string {
  return (req.headers.host ?? '').replace(/:\d+$/, '');
}
