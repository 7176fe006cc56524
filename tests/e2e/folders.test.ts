import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { dashboardPageDuringTests, storedKeys } from '../support/dashboard-page.ts';
import { makeFolderTree } from '../support/folder-tree.ts';

// Folders in the web dashboard of a real serve, in Chromium: add one by its path, watch it indexed,
// reindex, refuse a bad path beside the field, remove it.
const web = dashboardPageDuringTests();
const page = () => web.page();

describe('Folders, in Chromium', () => {
  test('a folder added by its path is indexed (files, size, ready), then removed', async () => {
    const { root } = makeFolderTree();
    await page().goto(web.loginUrl());
    await page().getByRole('link', { name: 'Folders' }).click();
    await page().getByText('No folders yet').waitFor();
    const add = page().getByRole('form', { name: 'Add a folder' });
    await add.getByRole('textbox', { name: 'Folder' }).fill(root);
    await add.getByRole('textbox', { name: 'Name (optional)' }).fill('docs');
    await add.getByRole('button', { name: 'Add folder' }).click();
    const row = page().getByRole('row').filter({ hasText: 'docs' });
    await row.getByText('ready').waitFor({ timeout: 15_000 });
    assert.match(await row.innerText(), /\b[6-9] ?\n?\t?\s*\d+ KB/);
    const saved = JSON.parse(readFileSync(join(web.dataDir, 'folders.json'), 'utf8')) as {
      folders: { name: string }[];
    };
    assert.deepEqual(
      saved.folders.map((folder) => folder.name),
      ['docs'],
    );
    await web.shoot('folders');
    await row.getByRole('button', { name: 'Reindex docs' }).click();
    await row.getByText('ready').waitFor();
    await add.getByRole('textbox', { name: 'Folder' }).fill('relative/path');
    await add.getByRole('button', { name: 'Add folder' }).click();
    await page()
      .getByText(/Give the folder's full path/)
      .waitFor();
    // A key for that folder alone: the dialog offers the folders, and the key gets a folders: grant.
    await page().getByRole('link', { name: 'Keys' }).click();
    await page().getByRole('button', { name: 'Create key' }).click();
    const dialog = page().getByRole('dialog');
    await dialog.getByLabel('Name').fill('Docs reader');
    await dialog.getByRole('radio', { name: 'Only these' }).check();
    await dialog.getByRole('checkbox', { name: 'docs' }).check();
    await dialog.getByRole('button', { name: 'Create key' }).click();
    await page().getByRole('button', { name: 'Done' }).click();
    const keys = await storedKeys(web.dataDir);
    assert.deepEqual(keys.find((key) => key.name === 'Docs reader')?.permissions, ['*', 'folders:docs']);
    await page().getByRole('link', { name: 'Folders' }).click();
    await row.getByRole('button', { name: 'Remove docs' }).click();
    await page().getByText('No folders yet').waitFor();
    // The refused path's 400 is the one error the page met.
    assert.deepEqual(
      web.consoleErrors.filter((message) => !/status of 400/.test(message)),
      [],
    );
  });
});
