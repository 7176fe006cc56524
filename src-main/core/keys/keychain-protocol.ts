/** What the keychain helper process is asked, and what it answers, as one JSON document each way. */
export type KeychainRequest =
  | { op: 'list'; service: string }
  | { op: 'get'; service: string; account: string }
  | { op: 'set'; service: string; account: string; secret: string }
  | { op: 'delete'; service: string; account: string };

export type KeychainResponse = { ok: true; result: unknown } | { ok: false; error: string };

/** What a runner answers when the helper did not answer at all. */
export const NO_ANSWER: KeychainResponse = {
  ok: false,
  error: 'The keychain gave no answer; it may be locked behind a password prompt',
};

/**
 * The first answer a helper gives, or a timeout: after `timeoutMs` the helper is killed (a stalled keychain
 * call cannot be cancelled any other way) and the answer says so. Later answers are ignored.
 */
export function firstAnswer(
  resolve: (response: KeychainResponse) => void,
  timeoutMs: number,
  kill: () => void,
): (response: KeychainResponse) => void {
  let settled = false;
  const finish = (response: KeychainResponse) => {
    if (settled) return;
    settled = true;
    clearTimeout(timer);
    resolve(response);
  };
  const timer = setTimeout(() => {
    kill();
    finish({
      ok: false,
      error: `The keychain did not answer within ${Math.round(timeoutMs / 1000)} seconds`,
    });
  }, timeoutMs);
  return finish;
}
