import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ESLint } from 'eslint';

const eslint = new ESLint({ cwd: new URL('../../..', import.meta.url).pathname });

async function restrictedImportErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('the import boundaries ESLint enforces', () => {
  test("'electron' is refused outside src-main/app/", async () => {
    for (const file of [
      'src-main/core/x.ts',
      'src-main/cli/x.ts',
      'src-shared/x.ts',
      'src-renderer/src/x.ts',
    ]) {
      const errors = await restrictedImportErrors(
        file,
        "import { app } from 'electron';\nexport const a = app;\n",
      );
      assert.equal(errors.length, 1, file);
      assert.match(errors[0] ?? '', /Only src-main\/app\/ may import 'electron'/);
    }
  });

  test("'electron' is allowed in src-main/app/", async () => {
    assert.deepEqual(
      await restrictedImportErrors(
        'src-main/app/x.ts',
        "import { app } from 'electron';\nexport const a = app;\n",
      ),
      [],
    );
  });

  test('ipcMain is used in the IPC gate only', async () => {
    const code = "import { ipcMain } from 'electron';\nexport const m = ipcMain;\n";
    const errors = await restrictedImportErrors('src-main/app/main.ts', code);
    assert.equal(errors.length, 1);
    assert.match(errors[0] ?? '', /Only src-main\/app\/ipc-gate\.ts may use ipcMain/);
    assert.deepEqual(await restrictedImportErrors('src-main/app/ipc-gate.ts', code), []);
    assert.deepEqual(
      await restrictedImportErrors(
        'src-main/app/x.ts',
        "import { app } from 'electron';\nexport const a = app;\n",
      ),
      [],
    );
  });

  test('src-renderer and src-shared may not import src-main', async () => {
    for (const file of ['src-renderer/src/x.ts', 'src-shared/x.ts']) {
      const errors = await restrictedImportErrors(
        file,
        "import { x } from '../../src-main/core/x.ts';\nexport const y = x;\n",
      );
      assert.equal(errors.length, 1, file);
    }
  });

  test('core may not import the app layer', async () => {
    const errors = await restrictedImportErrors(
      'src-main/core/x.ts',
      "import { x } from '../app/main.ts';\nexport const y = x;\n",
    );
    assert.equal(errors.length, 1);
  });
});
