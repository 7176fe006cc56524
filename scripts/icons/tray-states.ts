/** How each tray state changes the one source drawing (assets/tray-icon.svg). */
import type { TrayState } from '../../src-main/core/tray/icon-files.ts';

const BADGE_COLOURS: Record<TrayState, string> = {
  running: '#16a34a',
  stopped: '#71717a',
  error: '#dc2626',
  busy: '#f59e0b',
};

function badge(state: TrayState, colour: string): string {
  if (state === 'running') return `<circle cx="25" cy="25" r="6" fill="${colour}"/>`;
  if (state === 'stopped') return '';
  if (state === 'error') {
    return `<circle cx="25" cy="25" r="6.5" fill="${colour}"/><path d="M25 21.5v4.2M25 28.4v.1" stroke="#fff" stroke-width="2.2" stroke-linecap="round"/>`;
  }
  return `<circle cx="25" cy="25" r="5" fill="none" stroke="${colour}" stroke-width="3" stroke-dasharray="5 3"/>`;
}

/** In a template image the error's exclamation mark is cut out of the badge (a template has one colour). */
const TEMPLATE_ERROR_BADGE =
  '<path fill-rule="evenodd" fill="#000" d="M18.5 25a6.5 6.5 0 1 0 13 0a6.5 6.5 0 1 0 -13 0Z M23.9 20.6h2.2v5.6h-2.2Z M23.9 27.4h2.2v2.1h-2.2Z"/>';

/**
 * The drawing for a state: in colour (Windows, Linux), or as a macOS template image (black plus alpha; the
 * system tints it, so the badge stays a shape, cut out of the mark for error).
 */
export function traySvg(source: string, state: TrayState, template: boolean): string {
  const mark = template ? '#000' : '#27272a';
  const colour = template ? '#000' : BADGE_COLOURS[state];
  const opacity = state === 'stopped' ? '0.45' : '1';
  const badgeSvg = template && state === 'error' ? TEMPLATE_ERROR_BADGE : badge(state, colour);
  return source.replace('{{mark}}', mark).replace('{{opacity}}', opacity).replace('{{badge}}', badgeSvg);
}
