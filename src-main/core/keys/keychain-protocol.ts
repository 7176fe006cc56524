/** What the keychain helper process is asked, and what it answers, as one JSON document each way. */
export type KeychainRequest =
  | { op: 'list'; service: string }
  | { op: 'get'; service: string; account: string }
  | { op: 'set'; service: string; account: string; secret: string }
  | { op: 'delete'; service: string; account: string };

export type KeychainResponse = { ok: true; result: unknown } | { ok: false; error: string };
