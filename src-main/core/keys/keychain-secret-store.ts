import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { keychainFailure, keychainLabel } from './keychain-failure.ts';
import { firstAnswer, NO_ANSWER, type KeychainRequest, type KeychainResponse } from './keychain-protocol.ts';
import { KEYCHAIN_SERVICE, type SecretStore } from './secret-store.ts';

/** The account a write probe uses: never a key's, so it is never listed as one. */
const PROBE_ACCOUNT = 'mcp-tray-write-probe';

/** Runs one keychain request in a process that can be killed; resolves with the helper's answer. */
export type KeychainRunner = (request: KeychainRequest, timeoutMs: number) => Promise<KeychainResponse>;

/**
 * What libsecret says when an item it was listing is deleted before its secret is read (an error, or a
 * failed assertion on the missing value): another process (a CLI's rotate or revoke) changed the keychain
 * mid-list. The list is read again, this many times at most.
 */
const LISTED_ITEM_GONE = /No such secret item|secret_value_get_text: assertion/i;
const LIST_ATTEMPTS = 3;

/** Each keychain call may take this long before its helper is killed (a keys command stays under 10 s). */
export const KEYCHAIN_TIMEOUT_MS = 8_000;

export const KEYCHAIN_HELPER = fileURLToPath(
  new URL(`./keychain-helper${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`, import.meta.url),
);

/** Runs the helper with this Node (plain Node: the CLI and tests; the app supplies its own runner). */
export const nodeKeychainRunner: KeychainRunner = (request, timeoutMs) =>
  new Promise((resolve) => {
    const child = spawn(process.execPath, [KEYCHAIN_HELPER], {
      stdio: ['pipe', 'pipe', 'pipe'],
      windowsHide: true,
    });
    let stdout = '';
    let stderr = '';
    const finish = firstAnswer(resolve, timeoutMs, () => child.kill('SIGKILL'));
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', (error) =>
      finish({ ok: false, error: `Could not start the keychain helper: ${error.message}` }),
    );
    child.on('close', (code) => {
      try {
        finish(JSON.parse(stdout) as KeychainResponse);
      } catch {
        const why = stderr.trim().split('\n').pop() ?? '';
        finish(why !== '' && code !== 0 ? { ok: false, error: why } : NO_ANSWER);
      }
    });
    child.stdin.end(JSON.stringify(request));
  });

/** The OS keychain through keytar: service "MCP Tray", one item per key, the key id as the account. */
export class KeychainSecretStore implements SecretStore {
  readonly label = keychainLabel();
  private readonly run: KeychainRunner;
  private readonly timeoutMs: number;

  constructor(run: KeychainRunner = nodeKeychainRunner, timeoutMs = KEYCHAIN_TIMEOUT_MS) {
    this.run = run;
    this.timeoutMs = timeoutMs;
  }

  async list(): Promise<Map<string, string>> {
    let response = await this.run({ op: 'list', service: KEYCHAIN_SERVICE }, this.timeoutMs);
    for (let attempt = 1; attempt < LIST_ATTEMPTS && !response.ok; attempt += 1) {
      if (!LISTED_ITEM_GONE.test(response.error)) break;
      response = await this.run({ op: 'list', service: KEYCHAIN_SERVICE }, this.timeoutMs);
    }
    if (!response.ok) throw keychainFailure(response.error);
    const found = response.result as { account: string; password: string }[];
    return new Map(found.map((item) => [item.account, item.password]));
  }

  async get(id: string): Promise<string | undefined> {
    return (
      ((await this.call({ op: 'get', service: KEYCHAIN_SERVICE, account: id })) as string | null) ?? undefined
    );
  }

  async set(id: string, secret: string): Promise<void> {
    await this.call({ op: 'set', service: KEYCHAIN_SERVICE, account: id, secret });
  }

  async delete(id: string): Promise<boolean> {
    return (await this.call({ op: 'delete', service: KEYCHAIN_SERVICE, account: id })) === true;
  }

  async check(): Promise<void> {
    await this.set(PROBE_ACCOUNT, 'probe');
    await this.delete(PROBE_ACCOUNT);
  }

  private async call(request: KeychainRequest): Promise<unknown> {
    const response = await this.run(request, this.timeoutMs);
    if (!response.ok) throw keychainFailure(response.error);
    return response.result;
  }
}
