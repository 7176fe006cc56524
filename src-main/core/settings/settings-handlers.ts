import type { HandlerSlice } from '../contract-handlers.ts';
import type { SettingsController } from './settings-controller.ts';

/** The Settings screen's part of the contract (the controller exists once the server listens). */
export function settingsHandlers(
  settings: () => SettingsController,
): HandlerSlice<'settings.get' | 'settings.update'> {
  return {
    'settings.get': async () => settings().view(),
    'settings.update': async (changes) => settings().update(changes),
  };
}
