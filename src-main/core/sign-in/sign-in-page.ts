import type { Response } from 'express';

export const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

/**
 * A small page for a person in a browser during sign-in: no scripts and no inline styles (the CSP forbids
 * both); its look comes from /sign-in.css beside the dashboard's files.
 */
export function signInPage(res: Response, status: number, title: string, body: string): void {
  res
    .status(status)
    .type('html')
    .send(
      `<!doctype html><html lang="en"><head><meta charset="utf-8">` +
        '<meta name="viewport" content="width=device-width, initial-scale=1">' +
        `<title>${escapeHtml(title)} · MCP Tray</title><link rel="stylesheet" href="/sign-in.css"></head>` +
        `<body><main><img src="/icon.svg" alt=""><h1>${escapeHtml(title)}</h1>${body}</main></body></html>`,
    );
}
