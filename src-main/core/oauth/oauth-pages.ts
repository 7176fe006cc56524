import { PRODUCT_NAME } from '../../../src-shared/product.ts';
import { escapeHtml } from '../sign-in/sign-in-page.ts';

/** Where the pages' stylesheets and icon are, on whichever host the page is (the public one included). */
export const OAUTH_STYLE_PATH = '/consent/style';

/** No scripts, nothing from elsewhere, never in a frame (a framed consent page invites clickjacking). */
export const OAUTH_PAGE_POLICY =
  "default-src 'none'; style-src 'self'; img-src 'self'; frame-ancestors 'none'; base-uri 'none'";

function page(title: string, body: string, head = ''): string {
  return (
    `<!doctype html><html lang="en"><head><meta charset="utf-8">${head}` +
    '<meta name="viewport" content="width=device-width, initial-scale=1">' +
    `<title>${escapeHtml(title)} · ${PRODUCT_NAME}</title>` +
    `<link rel="stylesheet" href="${OAUTH_STYLE_PATH}/sign-in.css">` +
    `<link rel="stylesheet" href="${OAUTH_STYLE_PATH}/consent.css"></head>` +
    `<body><main><img src="${OAUTH_STYLE_PATH}/icon.svg" alt=""><h1>${escapeHtml(title)}</h1>${body}</main></body></html>`
  );
}

/** What an OAuth error looks like in the browser (a redirect URI not registered, an expired request...). */
export function oauthErrorPage(error: string, description: string): string {
  return page(
    'This connection cannot go on',
    `<p>${escapeHtml(description || error)}</p>` +
      `<p>Start connecting again from the app you were connecting. (<code>${escapeHtml(error)}</code>)</p>`,
  );
}

export interface ConsentView {
  /** The client's own name (from its registration), or its id. */
  clientName: string;
  /** Where the approval is sent: the host of the redirect URI, so a look-alike name shows its real home. */
  redirectHost: string;
  /** Why the last attempt failed (a wrong key), shown above the form. */
  problem?: string;
}

/**
 * The consent page: which app asks, where its answer goes, what it will get, and the way to approve
 * (paste a connector key: the app then gets that key's permissions, until the key is revoked or expires).
 */
export function consentPage(view: ConsentView): string {
  const name = escapeHtml(view.clientName);
  const problem =
    view.problem === undefined ? '' : `<p class="problem" role="alert">${escapeHtml(view.problem)}</p>`;
  return page(
    `${view.clientName} wants to connect`,
    `<p><strong>${name}</strong> asks to use the tools of ${PRODUCT_NAME} on this computer. ` +
      `Approving sends it back to <strong>${escapeHtml(view.redirectHost)}</strong>.</p>` +
      `<p>It will be able to do what the key you paste may do, until you revoke the key or this app ` +
      `(${PRODUCT_NAME}, Connected apps).</p>${problem}` +
      '<form method="post">' +
      '<label for="key">Connector key</label>' +
      '<input id="key" name="key" type="password" autocomplete="off" spellcheck="false" ' +
      'placeholder="Paste a key from MCP Tray (Keys, Copy connector key)">' +
      // Approve comes first: Enter in the key field submits with the first button (the style puts it right).
      '<div class="actions">' +
      '<button type="submit" name="action" value="approve">Approve</button>' +
      '<button type="submit" name="action" value="deny" class="secondary">Deny</button></div></form>' +
      '<form method="post" class="alternative"><p>Or answer in MCP Tray on this computer (its notification, ' +
      'or Keys, Connected apps), without a key:</p>' +
      '<button type="submit" name="action" value="wait" class="secondary">Wait for MCP Tray</button></form>',
  );
}

/** While the owner answers in MCP Tray: the page looks again every 3 seconds, and goes on once answered. */
export function consentWaitingPage(view: ConsentView): string {
  return page(
    `Approve ${view.clientName} in MCP Tray`,
    `<p>Open MCP Tray on this computer (its notification, or Keys, Connected apps) and approve or deny ` +
      `<strong>${escapeHtml(view.clientName)}</strong>, which sends its answer to ` +
      `<strong>${escapeHtml(view.redirectHost)}</strong>.</p>` +
      '<p>This page goes on by itself once you have answered.</p>' +
      '<p><a href="?">Paste a key instead</a></p>',
    '<meta http-equiv="refresh" content="3;url=?waiting=1">',
  );
}

/** Shown after a decision whose redirect could not be made (the client's request expired meanwhile). */
export function consentGonePage(): string {
  return oauthErrorPage('interaction_expired', 'This approval request has expired or was already answered.');
}
